import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { electronBinary } from './electronBinary';

const root = resolve(__dirname, '../..');

/** Before the real app starts: Electron present (or a clear failure), its addon built for Electron's ABI, the bundle built. */
export default function setup(): void {
  electronBinary();
  execFileSync(process.execPath, [resolve(root, 'build/native-electron.mjs')], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [resolve(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
}
