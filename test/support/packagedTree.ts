import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Arch, build, Platform } from 'electron-builder';
import { nodeAddonPath } from '../../electron/core/vault/sqliteAddon';

const root = resolve(__dirname, '../..');
/** Chromium locales a real Electron ships, more than the app keeps. */
export const STAND_IN_LOCALES = ['nl.pak', 'en-US.pak', 'fr.pak', 'de.pak'];

/**
 * What `electron-builder --dir` makes for linux-x64, built offline: a stand-in Electron
 * distribution (a script where the binary would be, a few locale files), the fuses switched off
 * (flipping them needs the real binary), and the before-pack addon build skipped by its test-only
 * switch, with the Node build of the addon put where that build would have left Electron's.
 * Everything happens in a throwaway copy of the project, so the real `.native` stays untouched.
 */
export async function buildPackagedTree(folder: string): Promise<{ appDirectory: string; resources: string }> {
  const project = join(folder, 'project');
  mkdirSync(project, { recursive: true });
  for (const entry of ['package.json', 'electron-builder.yml', 'build', 'out']) cpSync(join(root, entry), join(project, entry), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'), 'dir');
  const stagedAddon = join(project, '.native', 'electron-x64', 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node');
  mkdirSync(resolve(stagedAddon, '..'), { recursive: true });
  copyFileSync(nodeAddonPath(), stagedAddon);

  const electronDist = join(folder, 'electron-dist');
  mkdirSync(join(electronDist, 'locales'), { recursive: true });
  mkdirSync(join(electronDist, 'resources'), { recursive: true });
  writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\necho "stand-in for the Electron binary"\n');
  chmodSync(join(electronDist, 'electron'), 0o755);
  writeFileSync(join(electronDist, 'version'), (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version);
  writeFileSync(join(electronDist, 'LICENSE'), '');
  for (const locale of STAND_IN_LOCALES) writeFileSync(join(electronDist, 'locales', locale), '');

  const output = join(folder, 'dist');
  const previous = process.env.CONFIDANT_TEST_ONLY_SKIP_ELECTRON_ADDON_BUILD;
  process.env.CONFIDANT_TEST_ONLY_SKIP_ELECTRON_ADDON_BUILD = '1';
  try {
    await build({
      projectDir: project,
      targets: Platform.LINUX.createTarget('dir', Arch.x64),
      config: { electronDist, electronFuses: null, directories: { output } },
      publish: 'never',
    });
  } finally {
    if (previous === undefined) delete process.env.CONFIDANT_TEST_ONLY_SKIP_ELECTRON_ADDON_BUILD;
    else process.env.CONFIDANT_TEST_ONLY_SKIP_ELECTRON_ADDON_BUILD = previous;
  }
  const appDirectory = join(output, 'linux-unpacked');
  if (!existsSync(appDirectory)) throw new Error(`electron-builder made no ${appDirectory}`);
  return { appDirectory, resources: join(appDirectory, 'resources') };
}
