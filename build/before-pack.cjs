/**
 * electron-builder hook: the Electron-ABI addon for the architecture being packaged, built and
 * then checked (format, architecture, ABI) before anything is copied, so a package never ships
 * an addon its users cannot load. The packaged-tree tests cannot fetch Electron's headers: they
 * ship an addon of their own and name its ABI in the test-only variable below, which skips the
 * build but not the check. A real build never sets it.
 */
const path = require('node:path');

const ADDON_FILE = 'better_sqlite3.node';

/** The file the config's extraResources ship as the addon, for this architecture. */
function shippedAddon(packager, arch) {
  const resources = Array.isArray(packager.config.extraResources) ? packager.config.extraResources : [];
  const entry = resources.find((resource) => typeof resource === 'object' && resource.to?.endsWith(ADDON_FILE));
  if (!entry) throw new Error(`No extraResources entry ships ${ADDON_FILE}.`);
  const from = entry.from.replaceAll('${arch}', arch);
  if (from.includes('${')) throw new Error(`The addon's extraResources path uses a macro this hook does not expand: ${entry.from}`);
  return path.resolve(packager.projectDir, from);
}

exports.default = async function beforePack(context) {
  const { Arch } = require('electron-builder');
  const arch = Arch[context.arch];
  const { electronAbi, buildElectronAddon } = await import('./native-electron.mjs');
  const { assertAddonForTarget } = await import('./addonTarget.mjs');
  const testAbi = process.env.CONFIDANT_TEST_ONLY_ADDON_ABI;
  if (!testAbi) await buildElectronAddon({ arch, electronVersion: context.packager.config.electronVersion ?? undefined });
  assertAddonForTarget(shippedAddon(context.packager, arch), { platform: context.electronPlatformName, arch, abi: testAbi ?? electronAbi() });
};
