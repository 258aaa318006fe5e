import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { electronBinary } from './electronBinary';
import { installedApp, NO_INSTALLED_APP_MESSAGE } from './installedApp';

const root = resolve(__dirname, '../..');

/**
 * Before the real app starts: Electron present (or a clear failure), its addon built for Electron's
 * ABI, the bundle built; on GitHub's runners, the installed app named too, so the release workflow
 * can never pass without running what users install.
 */
export default function setup(): void {
  electronBinary();
  if (process.env.GITHUB_ACTIONS === 'true' && !installedApp()) throw new Error(NO_INSTALLED_APP_MESSAGE);
  execFileSync(process.execPath, [resolve(root, 'build/native-electron.mjs')], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [resolve(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
}
