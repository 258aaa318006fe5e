export type DesktopOs = 'windows' | 'mac' | 'linux';

/** The desktop the window runs on, as Chromium reports it: what locks the vault and what Electron can shield differ per OS. */
export function desktopOs(platform: string = navigator.platform): DesktopOs {
  if (/^win/i.test(platform)) return 'windows';
  if (/^mac/i.test(platform)) return 'mac';
  return 'linux';
}

/** Electron can keep a window out of screenshots and screen sharing only on Windows and macOS. */
export const canShieldFromCapture = (os: DesktopOs) => os !== 'linux';
