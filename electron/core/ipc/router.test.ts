import { zxcvbn } from '@zxcvbn-ts/core';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { contract } from '../../../shared/contract';
import { CANARY } from '../../../test/fixtures/canaries';
import { pastedText } from '../../../test/fixtures/pastedText';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { createCore } from '../core';
import { createLogger } from '../log';
import { createRouter, type Handlers } from './router';

const folder = temporaryDirectory();
afterAll(() => folder.remove());
afterEach(() => vi.restoreAllMocks());

describe('the router', () => {
  it('answers INTERNAL when the request’s own parse throws (zxcvbn overflowing its stack on a pasted page), logging only the error’s class', async () => {
    const logged: string[] = [];
    const core = createCore({ dataDirectory: folder.path, log: createLogger((line) => logged.push(line)) });
    // The parse as it was before length came first: zxcvbn itself on the whole pasted text.
    vi.spyOn(contract['vault.create'].request, 'safeParse').mockImplementation((input) => {
      zxcvbn((input as { passphrase: string }).passphrase);
      throw new Error('zxcvbn returned');
    });
    const answer = await core.router.handle('vault.create', { passphrase: pastedText(10_000), function: 'ombudsperson', note: CANARY.noteWord });
    expect(answer).toEqual({ ok: false, error: { code: 'INTERNAL' } });
    expect(logged).toEqual(['{"event":"request_failed","channel":"vault.create","error":"RangeError"}']);
    // Nothing was made, and the next request is answered as usual.
    expect(await core.router.handle('vault.status', {})).toEqual({ ok: true, value: { exists: false, unlocked: false, unlockDelaySeconds: 0 } });
  });

  it('still answers when the hook told of a failure throws', async () => {
    const logged: string[] = [];
    const router = createRouter({} as Handlers, createLogger((line) => logged.push(line)), {
      onFailure: () => {
        throw new TypeError(CANARY.noteWord);
      },
    });
    expect(await router.handle('vault.status', { note: CANARY.noteWord })).toEqual({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(logged).toEqual(['{"event":"failure_hook_failed","code":"INVALID_INPUT","error":"TypeError"}']);
  });
});
