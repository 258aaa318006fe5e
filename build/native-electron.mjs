/**
 * Builds the SQLite addon for Electron's ABI into .native/electron-<arch>/, beside the Node build
 * in node_modules that the tests load. Rebuilding in place (electron-builder install-app-deps)
 * would break vitest; two side-by-side builds keep `npm start` and `npm test` from fighting.
 * Needs the network once (Electron headers or a prebuilt addon), so it runs on `npm start`
 * and when packaging, never in `npm test`.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { assertAddonAbi } from './addonAbi.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MODULE = 'better-sqlite3-multiple-ciphers';

const versionOf = (packageName) => JSON.parse(readFileSync(join(root, 'node_modules', packageName, 'package.json'), 'utf8')).version;

export function stageDirectory(arch) {
  return join(root, '.native', `electron-${arch}`);
}

/** The ABI of the Electron in node_modules, as its package records it. */
export const electronAbi = () => readFileSync(join(root, 'node_modules', 'electron', 'abi_version'), 'utf8').trim();

export function builtAddon(arch) {
  return join(stageDirectory(arch), 'node_modules', MODULE, 'build', 'Release', 'better_sqlite3.node');
}

export async function buildElectronAddon({ arch = process.arch, electronVersion = versionOf('electron') } = {}) {
  const stage = stageDirectory(arch);
  const stampFile = join(stage, 'built-for.json');
  const stamp = JSON.stringify({ electronVersion, arch, module: versionOf(MODULE) });
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    assertAddonAbi(builtAddon(arch), electronAbi());
    return;
  }
  // A nodedir from the user's npm configuration would build against Node's headers under an Electron stamp.
  for (const name of Object.keys(process.env)) if (name.toLowerCase() === 'npm_config_nodedir') delete process.env[name];

  rmSync(stage, { recursive: true, force: true });
  mkdirSync(join(stage, 'node_modules'), { recursive: true });
  writeFileSync(
    join(stage, 'package.json'),
    JSON.stringify({ name: 'confidant-native-stage', private: true, dependencies: { [MODULE]: versionOf(MODULE) } }),
  );
  const source = join(root, 'node_modules', MODULE);
  cpSync(source, join(stage, 'node_modules', MODULE), {
    recursive: true,
    filter: (path) => !relative(source, path).startsWith('build'),
  });
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: stage, electronVersion, arch, onlyModules: [MODULE], force: true });
  assertAddonAbi(builtAddon(arch), electronAbi());
  writeFileSync(stampFile, stamp);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildElectronAddon();
}
