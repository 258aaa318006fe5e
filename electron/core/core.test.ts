import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANARY } from '../../test/fixtures/canaries';
import { caseInput } from '../../test/fixtures/records';
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
const create = (fn = 'concerns_point_coordinator') => call('vault.create', { passphrase: CANARY.passphrase, function: fn });
const listRequest = { filter: { status: null, year: null, nature: null, intakeRoute: null, openWithoutResponse: false, search: '' }, sort: 'first_contact_desc', offset: 0, limit: 50 };

describe('the IPC router', () => {
  it('walks the whole vault flow through typed channels', async () => {
    expect(await call('vault.status', {})).toEqual({ ok: true, value: { exists: false, unlocked: false, unlockDelaySeconds: 0 } });
    expect((await create()).ok).toBe(true);
    expect(await call('profile.get', {})).toEqual({ ok: true, value: { function: 'concerns_point_coordinator', external: false, adviserId: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
    expect(await call('cases.create', caseInput())).toEqual({ ok: true, value: { id: 1 } });
    expect(await call('vault.lock', {})).toEqual({ ok: true, value: {} });
    expect(await call('cases.list', listRequest)).toEqual({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(await call('vault.unlock', { passphrase: CANARY.otherPassphrase })).toEqual({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    expect((await call('vault.unlock', { passphrase: CANARY.passphrase })).ok).toBe(true);
    const listed = await call('cases.list', listRequest);
    expect(listed.ok && (listed.value as { total: number }).total).toBe(1);
  });

  it.each([
    ['an unknown channel', 'cases.dropAll', {}, 'UNKNOWN_CHANNEL'],
    ['a non-string channel', 42, {}, 'UNKNOWN_CHANNEL'],
    ['a prototype key as channel', '__proto__', {}, 'UNKNOWN_CHANNEL'],
    ['a request that is not an object', 'vault.unlock', 'secret', 'INVALID_INPUT'],
    ['a too-short passphrase', 'vault.create', { passphrase: 'short', function: 'ombudsperson' }, 'WEAK_PASSPHRASE'],
    // What the meter calls too short or too easy to guess, the core refuses as well.
    ['"Zomer2024!" (10 characters)', 'vault.create', { passphrase: 'Zomer2024!', function: 'ombudsperson' }, 'WEAK_PASSPHRASE'],
    ['twelve spaces', 'vault.create', { passphrase: ' '.repeat(12), function: 'ombudsperson' }, 'WEAK_PASSPHRASE'],
    ['twelve characters that are easy to guess', 'vault.create', { passphrase: 'password1234', function: 'ombudsperson' }, 'WEAK_PASSPHRASE'],
    ['a weak new passphrase in recovery', 'vault.recover', { recoveryKey: 'ABCD-EFGH', newPassphrase: 'Zomer2024!' }, 'WEAK_PASSPHRASE'],
    ['a weak next passphrase', 'vault.changePassphrase', { current: CANARY.passphrase, next: ' '.repeat(12) }, 'WEAK_PASSPHRASE'],
    ['an unknown function', 'vault.create', { passphrase: CANARY.passphrase, function: 'judge' }, 'INVALID_INPUT'],
    ['the retired external function', 'vault.create', { passphrase: CANARY.passphrase, function: 'external_confidential_adviser' }, 'INVALID_INPUT'],
    ['an external adviser who is not a faculty adviser', 'vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson', external: true }, 'INVALID_INPUT'],
    ['an external flag that is not a boolean', 'vault.create', { passphrase: CANARY.passphrase, function: 'faculty_confidential_adviser', external: 'yes' }, 'INVALID_INPUT'],
    ['an extra field', 'vault.status', { sneaky: true }, 'INVALID_INPUT'],
    ['an idle time of zero', 'settings.update', { idleLockMinutes: 0 }, 'INVALID_INPUT'],
    ['a 5 MB passphrase', 'vault.unlock', { passphrase: 'x'.repeat(5_000_000) }, 'INVALID_INPUT'],
    ['a recovery sheet for text that is no key', 'vault.saveRecoverySheet', { recoveryKey: '../../etc/passwd' }, 'INVALID_INPUT'],
    ['a recovery sheet with a file name of its own', 'vault.saveRecoverySheet', { recoveryKey: 'ABCD-EFGH', fileName: 'x.pdf' }, 'INVALID_INPUT'],
    ['an acceptance that is not text', 'team.readAcceptance', { content: { adviser: 1 } }, 'INVALID_INPUT'],
  ])('refuses %s with a typed error', async (_label, channel, request, code) => {
    expect(await call(channel, request)).toEqual({ ok: false, error: { code } });
    expect(core.vault.status().exists).toBe(false);
  });

  it('persists settings outside the vault, readable before unlock', async () => {
    await call('settings.update', { language: 'en', idleLockMinutes: 3 });
    const reopened = createCore({ dataDirectory: dir.path });
    expect(await reopened.router.handle('settings.get', {})).toEqual({
      ok: true,
      value: expect.objectContaining({ language: 'en', idleLockMinutes: 3, contentProtection: true, backupFolder: null }),
    });
    expect(JSON.parse(readFileSync(join(dir.path, 'settings.json'), 'utf8')).language).toBe('en');
  });

  it('changes the function in settings, inside the vault, only while it has no cases', async () => {
    await create('central_confidential_adviser');
    const { adviserId } = ((await call('profile.get', {})) as { value: { adviserId: string } }).value;
    expect(await call('profile.update', { function: 'ombudsperson', external: false })).toEqual({ ok: true, value: { function: 'ombudsperson', external: false, adviserId } });
    core.vault.lock();
    await call('vault.unlock', { passphrase: CANARY.passphrase });
    expect(await call('profile.get', {})).toEqual({ ok: true, value: { function: 'ombudsperson', external: false, adviserId } });

    expect(await call('profile.update', { function: 'ombudsperson', external: true })).toEqual({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('profile.update', { function: 'ombudsperson' })).toEqual({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('profile.update', { function: 'external_confidential_adviser', external: false })).toEqual({ ok: false, error: { code: 'INVALID_INPUT' } });
    await call('cases.create', caseInput());
    expect(await call('profile.update', { function: 'faculty_confidential_adviser', external: true })).toEqual({ ok: false, error: { code: 'FUNCTION_LOCKED' } });
    expect(await call('profile.get', {})).toEqual({ ok: true, value: { function: 'ombudsperson', external: false, adviserId } });
  });

  it('writes nothing from a request into its log', async () => {
    await create();
    await call('vault.unlock', { passphrase: CANARY.otherPassphrase });
    await call('cases.create', { ...caseInput(), label: CANARY.noteWord, firstContactAt: CANARY.noteWord });
    await call('cases.create', caseInput({ label: CANARY.name }));
    // A follow-up refused for its control character, and one saved: neither's words reach the log.
    await call('followUps.add', { caseId: 1, conversationId: null, dueDate: '2026-03-20', dueTime: null, text: `${CANARY.noteWord}\u0000` });
    expect((await call('followUps.add', { caseId: 1, conversationId: null, dueDate: '2026-03-20', dueTime: null, text: CANARY.name })).ok).toBe(true);
    expect(logLines.join('\n')).not.toContain('CANARY');
  });
});
