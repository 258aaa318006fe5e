import { describe, expect, it } from 'vitest';
import { canShieldFromCapture, desktopOs } from './platform';

describe('the desktop the window runs on', () => {
  it('reads Chromium’s platform names, and only Windows and macOS can shield a window from capture', () => {
    expect(['Win32', 'MacIntel', 'Linux x86_64', 'Linux aarch64'].map((platform) => desktopOs(platform))).toEqual(['windows', 'mac', 'linux', 'linux']);
    expect((['windows', 'mac', 'linux'] as const).map(canShieldFromCapture)).toEqual([true, true, false]);
  });
});
