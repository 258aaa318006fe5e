/** electron-builder hook: the Electron-ABI addon for the architecture being packaged. */
exports.default = async function beforePack(context) {
  const { Arch } = require('electron-builder');
  const { buildElectronAddon } = await import('./native-electron.mjs');
  await buildElectronAddon({ arch: Arch[context.arch], electronVersion: context.packager.config.electronVersion ?? undefined });
};
