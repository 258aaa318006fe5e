import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../test/support/temporaryDirectory';
import { NO_ELECTRON_MESSAGE } from '../test/electron/electronBinary';

/**
 * `npm run test:electron` where there is no Electron binary (as on the build machines): it must
 * stop at once with a message that says what is missing and where the suite does run, instead of
 * hanging on a download or failing somewhere in the middle.
 */
describe('npm run test:electron without Electron', () => {
  it('fails at once with a clear message', () => {
    const empty = temporaryDirectory();
    try {
      const run = spawnSync('npm', ['run', 'test:electron'], {
        cwd: resolve(__dirname, '..'),
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty.path, CI: 'true' },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(run.status).not.toBe(0);
      expect(`${run.stdout}${run.stderr}`).toContain(NO_ELECTRON_MESSAGE.slice(0, 80));
    } finally {
      empty.remove();
    }
  });
});
