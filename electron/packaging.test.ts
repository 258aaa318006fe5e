import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { load } from 'js-yaml';
import { minimatch } from 'minimatch';
import { afterAll, describe, expect, it } from 'vitest';
import { productionPackages, renderedDebFiles } from '../test/support/packagedTree';
import { temporaryDirectory } from '../test/support/temporaryDirectory';
import { ADDON_FILE, electronNativeBinding } from './nativeBinding';

const root = join(__dirname, '..');
interface BuilderYaml {
  appId: string;
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  extraResources: { from: string; to: string }[];
  win: { target: { target: string }[]; icon: string };
  mac: { target: { target: string }[]; icon: string };
  linux: { target: string[]; icon: string; maintainer: string };
  deb: { afterInstall: string; afterRemove: string; appArmorProfile: string };
  electronFuses: Record<string, boolean>;
  electronLanguages: string[];
}

const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderYaml;
const folder = temporaryDirectory();
afterAll(() => folder.remove());

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validateConfiguration(config as never, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('targets Windows (nsis), macOS (dmg) and Linux (deb, which can install an AppArmor profile) under one app id', () => {
    expect(config.appId).toBe('nl.confidant.desktop');
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['deb']);
  });

  it('leaves out of the app every package only prebuild-install needs, and nothing the app loads', () => {
    const { runtime, installOnly } = productionPackages();
    expect(installOnly).toContain('prebuild-install');
    expect(runtime).toEqual(expect.arrayContaining(['better-sqlite3-multiple-ciphers', 'bindings', 'hash-wasm', '@homebridge/dbus-native']));
    const exclusions = config.files.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1));
    const excluded = (name: string) => exclusions.some((pattern) => minimatch(`node_modules/${name}/package.json`, pattern, { dot: true }));
    expect(installOnly.filter((name) => !excluded(name))).toEqual([]);
    expect(runtime.filter(excluded)).toEqual([]);
  });

  it('keeps native addons outside the asar and never rebuilds node_modules in place', () => {
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(false);
    const addon = config.extraResources.find((resource) => resource.to.endsWith(ADDON_FILE));
    expect(addon?.from).toContain('.native/electron-${arch}/');
    const packaged = electronNativeBinding({ isPackaged: true, appPath: '/x', resourcesPath: '/res', arch: 'x64' });
    expect(packaged).toBe(join('/res', addon!.to));
  });

  it('sets every Electron fuse that closes a way around the app', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
  });

  it('ships only the Dutch and English Chromium locales, and names the Linux desktop entry', () => {
    expect(config.electronLanguages).toEqual(['nl', 'en-US']);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; desktopName: string };
    expect(pkg.desktopName).toBe(`${pkg.name}.desktop`);
  });

  it('points the development shell at the Electron-ABI build beside, not inside, node_modules', () => {
    const development = electronNativeBinding({ isPackaged: false, appPath: '/repo', resourcesPath: '/res', arch: 'arm64' });
    expect(development.startsWith(join('/repo', '.native', 'electron-arm64'))).toBe(true);
  });

  it('has an icon for each OS, as the `file` tool (libmagic) identifies it, at the sizes each OS asks for', () => {
    const identify = (path: string) => execFileSync('file', ['-b', join(root, path)], { encoding: 'utf8' });
    expect(identify(config.linux.icon)).toMatch(/^PNG image data, 1024 x 1024/);
    expect(identify(config.win.icon)).toMatch(/^MS Windows icon resource/);
    expect(identify(config.mac.icon)).toMatch(/^Mac OS X icon/);
    // ICO directory: one entry per size; a width byte of 0 means 256 pixels.
    const ico = readFileSync(join(root, config.win.icon));
    const widths = Array.from({ length: ico.readUInt16LE(4) }, (_, entry) => ico[6 + entry * 16] || 256);
    expect(widths).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    // ICNS: a sequence of (type, length) chunks; ic10 is the 1024-pixel Retina image.
    const icns = readFileSync(join(root, config.mac.icon));
    const types: string[] = [];
    for (let offset = 8; offset < icns.length; offset += icns.readUInt32BE(offset + 4)) types.push(icns.toString('latin1', offset, offset + 4));
    expect(types).toEqual(expect.arrayContaining(['ic08', 'ic09', 'ic10']));
  });

  it('installs with the deb an AppArmor profile that allows the app’s binary its user namespaces, loaded at once and removed with the app', async () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; productName: string };
    // electron-builder's Linux binary is named after the package, in /opt/<product name>.
    const deb = await renderedDebFiles(join(folder.path, 'deb'), { executable: pkg.name, sanitizedProductName: pkg.productName });
    const rules = deb.appArmor.split('\n').filter((line) => !line.trimStart().startsWith('#'));
    expect(rules).toContain('abi <abi/4.0>,');
    expect(rules).toContain('profile confidant /opt/Confidant/confidant flags=(unconfined) {');
    expect(rules.map((line) => line.trim())).toContain('userns,');

    expect(deb.afterInstall).toContain("PROFILE='/etc/apparmor.d/confidant'");
    expect(deb.afterInstall).toMatch(/cp -f "\$PROFILE_SOURCE" "\$PROFILE"\n.*\n\s*apparmor_parser --replace --skip-cache "\$PROFILE"/);
    expect(deb.afterRemove).toMatch(/apparmor_parser --remove "\$PROFILE"[^\n]*\n\s*fi\n\s*rm -f "\$PROFILE"/);
    for (const [name, script] of Object.entries({ afterInstall: deb.afterInstall, afterRemove: deb.afterRemove })) {
      const file = join(folder.path, `${name}.sh`);
      writeFileSync(file, script);
      expect(() => execFileSync('sh', ['-n', file])).not.toThrow();
    }
    for (const text of [deb.afterInstall, deb.afterRemove, deb.appArmor, readFileSync(join(root, 'electron-builder.yml'), 'utf8')]) expect(text).not.toContain('no-sandbox');
  });

  it('gives the deb what it requires: a maintainer with an e-mail address and a homepage', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { homepage?: string; author?: { email?: string } };
    expect(config.linux.maintainer).toMatch(/^[^<>]+ <[^@\s]+@[^@\s]+\.[a-z]+>$/);
    expect(pkg.homepage).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]+/);
    expect(pkg.author?.email).toMatch(/@/);
  });

  it('has a release workflow that builds and runs the real-app suite on every OS and architecture the installers target', () => {
    const workflow = load(readFileSync(join(root, '.github/workflows/release.yml'), 'utf8')) as {
      jobs: { build: { strategy: { matrix: { include: { arch: string; target: string }[] } }; steps: { run?: string }[] } };
    };
    const built = workflow.jobs.build.strategy.matrix.include.map((entry) => `${entry.target} ${entry.arch}`).sort();
    const targeted = [
      ...(config.win.target as unknown as { arch: string[] }[]).flatMap((t) => t.arch.map((arch) => `--win ${arch}`)),
      ...(config.mac.target as unknown as { arch: string[] }[]).flatMap((t) => t.arch.map((arch) => `--mac ${arch}`)),
      '--linux arm64',
      '--linux x64',
    ].sort();
    expect(built).toEqual(targeted);
    const commands = workflow.jobs.build.steps.map((step) => step.run ?? '').join('\n');
    expect(commands).toContain('xvfb-run -a npm run test:electron');
    expect(commands).toContain('bash .ci/run');
  });
});
