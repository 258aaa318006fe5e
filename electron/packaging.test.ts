import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ADDON_FILE, electronNativeBinding } from './nativeBinding';

const root = join(__dirname, '..');
interface BuilderYaml {
  appId: string;
  asarUnpack: string[];
  npmRebuild: boolean;
  extraResources: { from: string; to: string }[];
  win: { target: { target: string }[] };
  mac: { target: { target: string }[] };
  linux: { target: string[] };
  electronFuses: Record<string, boolean>;
  electronLanguages: string[];
}

const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderYaml;

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validateConfiguration(config as never, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('targets Windows (nsis), macOS (dmg) and Linux (AppImage, deb) under one app id', () => {
    expect(config.appId).toBe('nl.confidant.desktop');
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
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
});
