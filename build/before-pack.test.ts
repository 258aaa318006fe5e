import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Arch } from 'electron-builder';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeAddonPath } from '../electron/core/vault/sqliteAddon';
import { assertAddonForTarget } from './addonTarget.mjs';
import { electronAbi } from './native-electron.mjs';

const root = join(__dirname, '..');
const beforePack = (createRequire(__filename)('./before-pack.cjs') as { default: (context: unknown) => Promise<void> }).default;
/** An x86-64 ELF header followed by Electron 45's ABI symbol: what the check reads of a real addon. */
const X64_ADDON = 'test/fixtures/binaries/addon-linux-x64-abi150.node';

/** What electron-builder hands the hook, for one target, with the config's addon entry pointing at `addon`. */
function packing(platform: string, arch: Arch, addon: string) {
  return { electronPlatformName: platform, arch, packager: { projectDir: root, config: { extraResources: [{ from: addon, to: 'native/better_sqlite3.node' }] } } };
}

afterEach(() => {
  delete process.env.CONFIDANT_TEST_ONLY_ADDON_ABI;
});

describe('the before-pack hook checks the addon of the target being packed', () => {
  // The test-only variable skips the Electron build (no headers here) and names the ABI to expect.
  it('passes an x86-64 addon for Electron’s ABI on the linux x64 target', async () => {
    process.env.CONFIDANT_TEST_ONLY_ADDON_ABI = electronAbi();
    await expect(beforePack(packing('linux', Arch.x64, X64_ADDON))).resolves.toBeUndefined();
  });

  it('stops the arm64 package given an x86-64 addon, saying what it found and what it needs', async () => {
    process.env.CONFIDANT_TEST_ONLY_ADDON_ABI = electronAbi();
    await expect(beforePack(packing('linux', Arch.arm64, X64_ADDON))).rejects.toThrow(/is built for ELF x64, but the linux arm64 package needs ELF arm64/);
  });

  it('stops a macOS or Windows package given a Linux addon of the right architecture', async () => {
    process.env.CONFIDANT_TEST_ONLY_ADDON_ABI = electronAbi();
    await expect(beforePack(packing('darwin', Arch.x64, X64_ADDON))).rejects.toThrow(/needs Mach-O x64/);
    await expect(beforePack(packing('win32', Arch.x64, X64_ADDON))).rejects.toThrow(/needs PE x64/);
  });

  it('stops a package whose addon was built for another ABI', async () => {
    process.env.CONFIDANT_TEST_ONLY_ADDON_ABI = '127';
    await expect(beforePack(packing('linux', Arch.x64, X64_ADDON))).rejects.toThrow(/built for ABI 150, but Electron needs ABI 127/);
  });

  it('resolves the addon per architecture from the config’s own extraResources entry', async () => {
    process.env.CONFIDANT_TEST_ONLY_ADDON_ABI = electronAbi();
    await expect(beforePack(packing('linux', Arch.arm64, '.native/electron-${arch}/missing.node'))).rejects.toThrow(join(root, '.native', 'electron-arm64', 'missing.node'));
  });
});

describe('the addon check itself', () => {
  it('refuses Node’s build of the addon where Electron’s ABI is needed, on the right architecture', () => {
    const target = { platform: 'linux', arch: process.arch, abi: electronAbi() };
    expect(() => assertAddonForTarget(nodeAddonPath(), target)).toThrow(new RegExp(`built for ABI ${process.versions.modules}, but Electron needs ABI 150.*nodedir`));
    expect(() => assertAddonForTarget(nodeAddonPath(), { ...target, abi: process.versions.modules })).not.toThrow();
  });
});
