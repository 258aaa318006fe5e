import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import FpmTarget from 'app-builder-lib/out/targets/FpmTarget';
import { Arch, build, Platform } from 'electron-builder';
import { dump, load } from 'js-yaml';
import { nodeAddonPath } from '../../electron/core/vault/sqliteAddon';

const root = resolve(__dirname, '../..');
/** Chromium locales a real Electron ships, more than the app keeps. */
export const STAND_IN_LOCALES = ['nl.pak', 'en-US.pak', 'fr.pak', 'de.pak'];

/**
 * The host's architecture as electron-builder names it: the tree ships the host's Node build of the
 * addon, so it is built for the host (x64 on the build machine, arm64 on the arm64 release runner).
 */
const HOST_ARCH = process.arch === 'arm64' ? Arch.arm64 : Arch.x64;

/**
 * What `electron-builder --dir` makes for linux on the host's architecture from this project, built offline: a stand-in
 * Electron distribution (a script where the binary would be, a few locale files), the fuses
 * switched off (flipping them needs the real binary), and the before-pack addon build skipped by
 * its test-only switch, with the Node build of the addon shipped to the packaged addon path
 * instead of Electron's (Node cannot load Electron's) and checked against Node's ABI. The
 * project's own `.native` is not touched.
 */
export async function buildPackagedTree(folder: string): Promise<{ appDirectory: string; resources: string }> {
  const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { directories: object; extraResources: { from: string; to: string }[] };
  const nodeAddon = join(folder, 'node-addon', 'better_sqlite3.node');
  mkdirSync(resolve(nodeAddon, '..'), { recursive: true });
  copyFileSync(nodeAddonPath(), nodeAddon);

  const electronDist = join(folder, 'electron-dist');
  mkdirSync(join(electronDist, 'locales'), { recursive: true });
  writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\necho "stand-in for the Electron binary"\n');
  chmodSync(join(electronDist, 'electron'), 0o755);
  writeFileSync(join(electronDist, 'version'), (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version);
  writeFileSync(join(electronDist, 'LICENSE'), '');
  for (const locale of STAND_IN_LOCALES) writeFileSync(join(electronDist, 'locales', locale), '');

  const output = join(folder, 'dist');
  // A whole config file, not an object merged into the project's: electron-builder would append
  // the object's lists (extraResources) to the file's rather than replace them.
  const configFile = join(folder, 'electron-builder.yml');
  const testConfig = {
    ...config,
    electronDist,
    electronFuses: null,
    directories: { ...config.directories, output },
    extraResources: config.extraResources.map((resource) => (resource.to.endsWith('.node') ? { from: nodeAddon, to: resource.to } : resource)),
  };
  writeFileSync(configFile, dump(testConfig));
  // The before-pack hook checks the shipped addon against the target and this ABI, and builds nothing.
  const previous = process.env.CONFIDANT_TEST_ONLY_ADDON_ABI;
  process.env.CONFIDANT_TEST_ONLY_ADDON_ABI = process.versions.modules;
  try {
    await build({ projectDir: root, targets: Platform.LINUX.createTarget('dir', HOST_ARCH), config: configFile, publish: 'never' });
  } finally {
    if (previous === undefined) delete process.env.CONFIDANT_TEST_ONLY_ADDON_ABI;
    else process.env.CONFIDANT_TEST_ONLY_ADDON_ABI = previous;
  }
  // linux-unpacked for x64, linux-arm64-unpacked for arm64: electron-builder names the folder by arch.
  const unpacked = existsSync(output) ? readdirSync(output).filter((name) => /^linux-.*unpacked$/.test(name)) : [];
  if (unpacked.length !== 1) throw new Error(`electron-builder made no single linux-*-unpacked folder in ${output}: ${unpacked.join(', ') || 'none'}`);
  const appDirectory = join(output, unpacked[0]!);
  return { appDirectory, resources: join(appDirectory, 'resources') };
}

interface LockedPackage {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/**
 * The production dependencies as npm installed them (package-lock.json), by name, split into what
 * the app can load at run time and what is reachable only through prebuild-install, which npm runs
 * once to fetch or build the SQLite addon. A package both sides use counts as run time.
 */
export function productionPackages(): { runtime: string[]; installOnly: string[] } {
  const lock = (JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockedPackage> }).packages;
  // Node's lookup: the nearest node_modules folder up from the requiring package that holds the name.
  const locate = (from: string, name: string): string | null => {
    let base = from;
    for (;;) {
      const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
      if (lock[candidate]) return candidate;
      if (!base) return null;
      const parent = base.lastIndexOf('/node_modules/');
      base = parent < 0 ? '' : base.slice(0, parent);
    }
  };
  const reachable = (skip: string | null) => {
    const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const seen = new Set<string>();
    const pending = Object.keys(rootPackage.dependencies).map((name) => locate('', name)!);
    while (pending.length > 0) {
      const at = pending.pop()!;
      if (seen.has(at) || at === skip) continue;
      seen.add(at);
      const entry = lock[at]!;
      for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
        const found = locate(at, name);
        if (found) pending.push(found);
      }
    }
    return seen;
  };
  const all = reachable(null);
  const runtime = reachable('node_modules/prebuild-install');
  const name = (path: string) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
  return {
    runtime: [...new Set([...runtime].map(name))].sort(),
    installOnly: [...all].filter((path) => !runtime.has(path)).map(name).sort(),
  };
}

/**
 * The deb's maintainer scripts and AppArmor profile as electron-builder writes them, by its own
 * template code, from the files electron-builder.yml names: what `dpkg` would run and install.
 */
export async function renderedDebFiles(folder: string, names: { executable: string; sanitizedProductName: string }): Promise<{ afterInstall: string; afterRemove: string; appArmor: string }> {
  const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { deb: { afterInstall: string; afterRemove: string; appArmorProfile: string } };
  mkdirSync(folder, { recursive: true });
  const packager = {
    executableName: names.executable,
    appInfo: { sanitizedProductName: names.sanitizedProductName, productFilename: names.sanitizedProductName },
    platformSpecificBuildOptions: {},
    projectDir: root,
    info: { tempDirManager: { getTempFile: async ({ suffix }: { suffix: string }) => join(folder, suffix) } },
  };
  const createScripts = (FpmTarget.prototype as unknown as { createScripts(this: unknown): Promise<Record<'afterInstall' | 'afterRemove' | 'appArmor', string>> }).createScripts;
  const files = await createScripts.call({ packager, options: config.deb });
  return { afterInstall: readFileSync(files.afterInstall, 'utf8'), afterRemove: readFileSync(files.afterRemove, 'utf8'), appArmor: readFileSync(files.appArmor, 'utf8') };
}
