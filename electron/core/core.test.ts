import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANARY } from '../../test/fixtures/canaries';
import { temporaryDirectory } from '../../test/support/temporaryDirectory';
import { createCore, type Core } from './core';
import { createLogger } from './log';

let dir: ReturnType<typeof temporaryDirectory>;
let core: Core;
let logLines: string[];
const fixedNow = new Date(2026, 10, 23, 12, 0);

beforeEach(() => {
  dir = temporaryDirectory();
  logLines = [];
  core = createCore({
    dataDirectory: dir.path,
    clock: () => fixedNow,
    log: createLogger((line) => logLines.push(line)),
  });
});
afterEach(() => {
  core.vault.lock();
  dir.remove();
});

const call = (channel: unknown, request: unknown) => core.router.handle(channel, request);

describe('the IPC router', () => {
  it('walks the whole vault flow through typed channels', async () => {
    expect(await call('vault.status', {})).toEqual({ ok: true, value: { exists: false, unlocked: false } });
    const created = await call('vault.create', { passphrase: CANARY.passphrase });
    expect(created.ok).toBe(true);
    const added = await call('cases.create', { firstContactAt: '2026-11-20T09:15', intakeRoute: 'via_concerns_point' });
    expect(added).toEqual({ ok: true, value: { id: 1, firstContactAt: '2026-11-20T09:15', intakeRoute: 'via_concerns_point' } });
    expect(await call('vault.lock', {})).toEqual({ ok: true, value: {} });
    expect(await call('cases.list', {})).toEqual({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(await call('vault.unlock', { passphrase: CANARY.otherPassphrase })).toEqual({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    expect((await call('vault.unlock', { passphrase: CANARY.passphrase })).ok).toBe(true);
    const listed = await call('cases.list', {});
    expect(listed.ok && listed.value).toHaveLength(1);
  });

  it.each([
    ['an unknown channel', 'cases.dropAll', {}, 'UNKNOWN_CHANNEL'],
    ['a non-string channel', 42, {}, 'UNKNOWN_CHANNEL'],
    ['a prototype key as channel', '__proto__', {}, 'UNKNOWN_CHANNEL'],
    ['a request that is not an object', 'vault.unlock', 'secret', 'INVALID_INPUT'],
    ['a too-short passphrase', 'vault.create', { passphrase: 'short' }, 'INVALID_INPUT'],
    ['an extra field', 'vault.status', { sneaky: true }, 'INVALID_INPUT'],
    ['an unknown intake route', 'cases.create', { firstContactAt: '2026-11-20T09:15', intakeRoute: 'carrier_pigeon' }, 'INVALID_INPUT'],
    ['an impossible date', 'cases.create', { firstContactAt: '2026-02-30T09:15', intakeRoute: 'direct' }, 'INVALID_INPUT'],
    ['an idle time of zero', 'settings.update', { idleLockMinutes: 0 }, 'INVALID_INPUT'],
    ['a 5 MB passphrase', 'vault.unlock', { passphrase: 'x'.repeat(5_000_000) }, 'INVALID_INPUT'],
  ])('refuses %s with a typed error', async (_label, channel, request, code) => {
    expect(await call(channel, request)).toEqual({ ok: false, error: { code } });
  });

  it('refuses a first contact in the future and stores nothing', async () => {
    await call('vault.create', { passphrase: CANARY.passphrase });
    const future = await call('cases.create', { firstContactAt: '2026-11-23T12:01', intakeRoute: 'direct' });
    expect(future).toEqual({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('cases.list', {})).toEqual({ ok: true, value: [] });
  });

  it('persists settings outside the vault, readable before unlock', async () => {
    await call('settings.update', { language: 'en', idleLockMinutes: 3 });
    const reopened = createCore({ dataDirectory: dir.path });
    expect(await reopened.router.handle('settings.get', {})).toEqual({
      ok: true,
      value: { language: 'en', idleLockMinutes: 3, contentProtection: true },
    });
    expect(JSON.parse(readFileSync(join(dir.path, 'settings.json'), 'utf8')).language).toBe('en');
  });

  it('writes nothing from a request into its log', async () => {
    await call('vault.create', { passphrase: CANARY.passphrase });
    await call('vault.unlock', { passphrase: CANARY.otherPassphrase });
    await call('cases.create', { firstContactAt: CANARY.noteWord, intakeRoute: 'direct' });
    expect(logLines.join('\n')).not.toContain('CANARY');
  });
});
