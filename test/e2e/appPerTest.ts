import { afterAll, afterEach } from 'vitest';
import { closeBrowser, type RunningApp } from './harness';

/**
 * One app per test: closed after each (with a screenshot when the test failed), and the shared
 * browser closed after the file.
 */
export function appPerTest(): { app: RunningApp | null } {
  const holder: { app: RunningApp | null } = { app: null };
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await holder.app?.screenshot(`failed-${context.task.name.slice(0, 40)}`);
    await holder.app?.close();
    holder.app = null;
  });
  afterAll(closeBrowser);
  return holder;
}
