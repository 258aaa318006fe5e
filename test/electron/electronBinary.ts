import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ELECTRON_PACKAGE = resolve(__dirname, '../../node_modules/electron');

export const NO_ELECTRON_MESSAGE =
  'No Electron binary: `npm run test:electron` drives the real app and needs Electron installed (npm ci on a machine that can download it fills node_modules/electron/dist). ' +
  'This machine cannot download it; the browser end-to-end tests (`npm test`) cover the renderer and core here, and the release workflow runs this suite on Linux, Windows and macOS.';

/**
 * Where the Electron executable is, found as the electron package finds it (path.txt, or
 * Electron's own ELECTRON_OVERRIDE_DIST_PATH) but without its fallback of downloading: a missing
 * binary is a clear failure, not a hang on a network that is not there.
 */
export function electronBinary(env: NodeJS.ProcessEnv = process.env): string {
  const pathFile = join(ELECTRON_PACKAGE, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, executable) : join(ELECTRON_PACKAGE, 'dist', executable);
  if (!existsSync(binary)) throw new Error(NO_ELECTRON_MESSAGE);
  return binary;
}
