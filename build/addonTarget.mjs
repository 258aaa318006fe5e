/**
 * The addon a package ships must load on the machines it installs on: the target OS's binary
 * format, the target architecture, Electron's ABI. A cross build, a stale `.native/` folder or a
 * prebuilt download for the build machine's own architecture would otherwise ship an app that
 * cannot open any vault on the first launch of every user, so the build stops instead.
 */
import { assertAddonAbi } from './addonAbi.mjs';
import { readBinaryArchitectures } from './binaryMachine.mjs';

/** electron-builder's platform names, and the binary format each one loads. */
const FORMATS = { linux: 'ELF', darwin: 'Mach-O', mas: 'Mach-O', win32: 'PE' };

export function assertAddonForTarget(file, { platform, arch, abi }) {
  const expectedFormat = FORMATS[platform];
  if (!expectedFormat) throw new Error(`No binary format known for platform ${platform}.`);
  const found = readBinaryArchitectures(file);
  if (found.format !== expectedFormat || !found.architectures.includes(arch)) {
    throw new Error(
      `The SQLite addon at ${file} is built for ${found.format} ${found.architectures.join(' + ')}, but the ${platform} ${arch} package needs ${expectedFormat} ${arch}. ` +
        `Package each architecture on a machine of that architecture (as the release workflow does), after removing .native/electron-${arch}.`,
    );
  }
  assertAddonAbi(file, abi);
}
