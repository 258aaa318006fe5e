/**
 * electron-builder hook: the Electron-ABI addon for the architecture being packaged. The
 * packaged-tree test cannot fetch Electron's headers, so it sets the test-only switch below and
 * puts a Node build of the addon in place itself; a real build never sets it.
 */
exports.default = async function beforePack(context) {
  if (process.env.CONFIDANT_TEST_ONLY_SKIP_ELECTRON_ADDON_BUILD === '1') return;
  const { Arch } = require('electron-builder');
  const { buildElectronAddon } = await import('./native-electron.mjs');
  await buildElectronAddon({ arch: Arch[context.arch], electronVersion: context.packager.config.electronVersion ?? undefined });
};
