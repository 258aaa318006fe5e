import type { Core } from '../../electron/core/core';

/** Calls through the real router as the renderer would: `ok` expects success, `codeOf` returns the outcome's code. */
export function callCore(core: () => Core) {
  return {
    async ok<T = unknown>(channel: string, request: unknown): Promise<T> {
      const result = await core().router.handle(channel, request);
      if (!result.ok) throw new Error(`${channel} failed with ${result.error.code}`);
      return result.value as T;
    },
    async codeOf(channel: string, request: unknown): Promise<string> {
      const result = await core().router.handle(channel, request);
      return result.ok ? 'ok' : result.error.code;
    },
  };
}
