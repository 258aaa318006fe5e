import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractAll, listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CANARY } from '../test/fixtures/canaries';
import { caseInput } from '../test/fixtures/records';
import { electronStandIn } from '../test/support/electronStandIn';
import { loadShell } from '../test/support/loadShell';
import { buildPackagedTree, productionPackages, renderedDebFiles, STAND_IN_LOCALES } from '../test/support/packagedTree';
import { temporaryDirectory } from '../test/support/temporaryDirectory';
import { ADDON_FILE } from './nativeBinding';

/**
 * The tree `electron-builder --dir` makes for linux on the host's architecture, checked as a package and then run: its
 * asar extracted, its `main.js` loaded with the Electron stand-in as a packaged app, its core
 * process forked from inside the tree with the tree's own node_modules, driven through the same
 * `vault` handler the window uses. An addon looked up anywhere but the shipped path fails here.
 */
const folder = temporaryDirectory();
let tree: { appDirectory: string; resources: string };
const root = resolve(__dirname, '..');
/** e_machine of an ELF file, per architecture: the addon must be built for the host the tree is for. */
const ELF_MACHINE: Partial<Record<NodeJS.Architecture, number>> = { x64: 0x3e, arm64: 0xb7 };

beforeAll(async () => {
  tree = await buildPackagedTree(folder.path);
}, 240_000);

afterAll(() => folder.remove());

function sizeOf(path: string): number {
  const stat = statSync(path);
  return stat.isDirectory() ? readdirSync(path).reduce((total, entry) => total + sizeOf(join(path, entry)), 0) : stat.size;
}

describe(`the packaged tree for linux-${process.arch}`, () => {
  it('ships the SQLite addon outside the asar, built for the host architecture, and no devDependency inside', () => {
    const addon = readFileSync(join(tree.resources, 'native', ADDON_FILE));
    expect(addon.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    expect(ELF_MACHINE[process.arch], `no ELF machine known for ${process.arch}`).toBeDefined();
    expect(addon.readUInt16LE(18)).toBe(ELF_MACHINE[process.arch]);

    const asar = join(tree.resources, 'app.asar');
    const inside = listPackage(asar, { isPack: false });
    expect(inside.some((path) => path.endsWith('.node'))).toBe(false);
    for (const entry of ['/out/main/main.js', '/out/main/coreProcess.js', '/out/preload/preload.js', '/out/renderer/index.html', '/node_modules/hash-wasm/package.json']) {
      expect(inside).toContain(entry);
    }
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const shipped = new Set(inside.filter((path) => /^\/node_modules\/(@[^/]+\/)?[^/]+\/package\.json$/.test(path)).map((path) => path.slice('/node_modules/'.length, -'/package.json'.length)));
    expect(Object.keys(pkg.devDependencies).filter((name) => shipped.has(name))).toEqual([]);
    // Argon2 is WebAssembly inside hash-wasm: no per-architecture binding to ship.
    expect([...shipped].filter((name) => name.startsWith('@node-rs/'))).toEqual([]);
    // What only installs the addon (prebuild-install and its own dependencies) stays out; all the app loads is in.
    const { runtime, installOnly } = productionPackages();
    expect(installOnly.filter((name) => shipped.has(name))).toEqual([]);
    expect(runtime.filter((name) => !shipped.has(name))).toEqual([]);

    expect(readdirSync(join(tree.appDirectory, 'locales')).sort()).toEqual(['en-US.pak', 'nl.pak']);
    expect(STAND_IN_LOCALES.length).toBeGreaterThan(2);

    const sizes = { asarBytes: statSync(asar).size, addonBytes: addon.length, treeBytesWithoutElectron: sizeOf(tree.resources) };
    mkdirSync(join(root, 'test-results'), { recursive: true });
    writeFileSync(join(root, 'test-results', 'packaged-tree.json'), `${JSON.stringify(sizes, null, 2)}\n`);
    process.stdout.write(`packaged tree (linux-${process.arch}, without Electron itself): app.asar ${(sizes.asarBytes / 2 ** 20).toFixed(1)} MiB, addon ${(sizes.addonBytes / 2 ** 20).toFixed(1)} MiB\n`);
  });

  it('has its binary where the deb’s AppArmor profile expects it, under the name the profile attaches to', async () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; productName: string };
    const { appArmor } = await renderedDebFiles(join(folder.path, 'deb'), { executable: pkg.name, sanitizedProductName: pkg.productName });
    const attached = /^profile \S+ \/opt\/[^/]+\/(\S+) flags=/m.exec(appArmor)?.[1];
    // The stand-in Electron binary, renamed by electron-builder as it renames the real one.
    expect(readFileSync(join(tree.appDirectory, attached ?? 'no profile'), 'utf8')).toContain('stand-in for the Electron binary');
  });

  it('runs from the tree: create, add a case, back up, lock, unlock, export, and publish in Word and Excel through the shell', async () => {
    // The asar extracted in place: Node cannot read inside an archive as Electron does.
    const app = join(tree.resources, 'app');
    extractAll(join(tree.resources, 'app.asar'), app);
    const paths = { appPath: app, userData: join(folder.path, 'userData'), documents: join(folder.path, 'documents'), backups: join(folder.path, 'backups') };
    for (const path of [paths.userData, paths.documents, paths.backups]) mkdirSync(path, { recursive: true });
    const standIn = electronStandIn({ ...paths, chosenFolder: () => paths.backups, isPackaged: true });
    const resourcesPath = Object.getOwnPropertyDescriptor(process, 'resourcesPath');
    Object.defineProperty(process, 'resourcesPath', { value: tree.resources, configurable: true });
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const shell = loadShell(join(app, 'out', 'main', 'main.js'), standIn);
    try {
      await vi.waitFor(() => expect(standIn.windows).toHaveLength(1));
      expect(standIn.coreProcesses.map((child) => child.modulePath)).toEqual([join(app, 'out', 'main', 'coreProcess.js')]);
      await shell.ok('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
      await shell.ok('cases.create', caseInput());
      await shell.ok('backup.chooseFolder', {});
      const { name } = await shell.ok<{ name: string }>('backup.now', {});
      expect(readdirSync(join(paths.backups, name)).sort()).toEqual(['vault.db', 'vault.destructions.json', 'vault.header.json']);
      await shell.ok('vault.lock', {});
      await shell.ok('vault.unlock', { passphrase: CANARY.passphrase });
      const preview = await shell.ok<{ file: { exportId: string } }>('export.preview', { period: { from: '2026-01-01', to: '2026-06-30' }, includeUnits: false });
      const { fileName } = await shell.ok<{ fileName: string }>('export.save', { exportId: preview.file.exportId, unsealed: true });
      expect(JSON.parse(readFileSync(join(paths.documents, fileName), 'utf8')).counts.reports).toBe(1);
      // The publication's writers (Word, Excel) run from the packaged dependencies.
      await shell.ok('team.import', { content: readFileSync(join(paths.documents, fileName), 'utf8'), replace: [], acceptUnsealed: true });
      for (const format of ['docx', 'xlsx']) {
        const saved = await shell.ok<{ fileName: string }>('team.savePublication', { year: 2026, k: 5, grouped: true, language: 'en', ioa: false, format, acceptDifferencing: false });
        expect(readFileSync(join(paths.documents, saved.fileName)).subarray(0, 2).toString('latin1')).toBe('PK');
      }
    } finally {
      shell.unload();
      vi.useRealTimers();
      if (resourcesPath) Object.defineProperty(process, 'resourcesPath', resourcesPath);
      else delete (process as { resourcesPath?: string }).resourcesPath;
    }
  });
});
