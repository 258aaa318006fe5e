import { fork } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportPreview } from '../shared/contract';
import { CANARY } from '../test/fixtures/canaries';
import { caseInput, conversationInput } from '../test/fixtures/records';
import { NO_DEFAULT_ADDON_BLOCKER } from '../test/support/noDefaultSqliteAddon';
import { asStored, countInMemory } from '../test/support/processMemory';
import { temporaryDirectory } from '../test/support/temporaryDirectory';
import { dataKeyOf } from '../test/support/vaultKey';
import { openEncryptedDatabase, rawKeyLiteral } from './core/vault/database';
import { readHeader } from './core/vault/header';
import { deriveFromPassphrase, deriveFromRecoveryKey, parseRecoveryKey } from './core/vault/keys';
import { nodeAddonPath } from './core/vault/sqliteAddon';
import { CoreClient } from './coreProcess/coreClient';
import { coreProcessEnvironment } from './coreProcess/freedMemory';

/**
 * What the core process's memory holds after a lock, read from outside through /proc/<pid>/mem
 * (Linux, as root or as the process's parent): the built core in its own process, started with
 * the environment main gives it, used as an adviser would (a case with a note, a team, a sealed
 * and signed export opened again with the team identity, a lock, a recovery, the note read back,
 * a lock). After the lock it must hold no data key, no wrapping key (passphrase or recovery key),
 * no signing seed and no note text. Passphrases, recovery keys and the age identity are strings,
 * which cannot be wiped: their copies are counted while the vault is open, and 3 seconds and
 * MEMORY_IDLE_SECONDS (90 unless set; set it only to shorten a local run) after the lock, and
 * written to test-results/memory.json.
 */
const CORE = resolve(__dirname, '../out/main/coreProcess.js');
const IDLE_SECONDS = Number(process.env.MEMORY_IDLE_SECONDS ?? 90);
const folder = temporaryDirectory();
const data = join(folder.path, 'data');
afterAll(() => folder.remove());
beforeAll(() => {
  if (!existsSync(CORE)) throw new Error('Build the app first (npm test does): out/main/coreProcess.js is missing.');
});

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function startCore() {
  let pid = 0;
  const client = new CoreClient({
    fork: () => {
      const child = fork(CORE, [], {
        serialization: 'advanced',
        execArgv: ['--require', NO_DEFAULT_ADDON_BLOCKER],
        env: coreProcessEnvironment(process.env),
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      pid = child.pid!;
      return {
        postMessage: (message) => child.send(message),
        onMessage: (listener) => child.on('message', listener as (message: unknown) => void),
        onExit: (listener) => child.on('exit', (code) => listener(code ?? 1)),
        kill: () => child.kill(),
      };
    },
    dataDirectory: data,
    nativeBinding: nodeAddonPath(),
    shell: async (method, argument) => (method === 'chooseSavePath' ? join(folder.path, argument ?? 'saved') : null),
  });
  const ok = async <T>(channel: string, request: unknown): Promise<T> => {
    const result = await client.invoke(channel, request);
    if (!result.ok) throw new Error(`${channel} failed with ${result.error.code}`);
    return result.value as T;
  };
  return { client, ok, pid: () => pid };
}

/** The strings whose copies are counted, as the test sent or received them. */
function strings(recoveryKeys: string[], identity: string) {
  return {
    passphrase: asStored(CANARY.passphrase),
    newPassphrase: asStored(CANARY.otherPassphrase),
    recoveryKeyTyped: asStored(recoveryKeys[0]!),
    recoveryKeyIssued: asStored(recoveryKeys[1]!),
    identity: asStored(identity),
  };
}

describe('the core process after a lock', () => {
  it('holds no key, seed or note text in its memory, and the strings that cannot be wiped are counted', async () => {
    const core = startCore();
    const headerPath = join(data, 'vault', 'vault.header.json');
    try {
      const { recoveryKey: typed } = await core.ok<{ recoveryKey: string }>('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
      copyFileSync(headerPath, join(folder.path, 'first.header.json'));
      const { id } = await core.ok<{ id: number }>('cases.create', caseInput({ firstContactAt: '2026-03-02T09:00' }));
      await core.ok('conversations.add', { caseId: id, conversation: conversationInput() });
      await core.ok('team.create', { organisation: 'Universiteit Voorbeeld', units: ['Faculteit Rechten'], k: 5 });
      const { file } = await core.ok<ExportPreview>('export.preview', { period: { from: '2026-01-01', to: '2026-06-30' }, includeUnits: false });
      const { fileName } = await core.ok<{ fileName: string; sealed: boolean }>('export.save', { exportId: file.exportId });
      await core.ok('team.import', { content: readFileSync(join(folder.path, fileName), 'utf8'), replace: [], acceptUnsealed: false });
      await core.ok('vault.lock', {});

      // Straight after a derivation, before any lock collects garbage: the Argon2 memory holds no key.
      await core.ok('vault.unlock', { passphrase: CANARY.passphrase });
      const firstWrappingKey = await deriveFromPassphrase(CANARY.passphrase, readHeader(join(folder.path, 'first.header.json')).kdf);
      expect(countInMemory(core.pid(), { wrappingKey: [firstWrappingKey] })).toEqual({ wrappingKey: 0 });
      await core.ok('vault.lock', {});

      const { recoveryKey: issued } = await core.ok<{ recoveryKey: string }>('vault.recover', { recoveryKey: typed, newPassphrase: CANARY.otherPassphrase });
      await core.ok('cases.get', { id });

      const dataKey = await dataKeyOf(headerPath, CANARY.otherPassphrase);
      const header = readHeader(headerPath);
      const db = openEncryptedDatabase(join(data, 'vault', 'vault.db'), dataKey, { addon: nodeAddonPath(), create: false });
      const signingKey = db.prepare('SELECT private_key FROM vault_signing_key').pluck().get() as Buffer;
      const identity = db.prepare('SELECT age_identity FROM team_identity').pluck().get() as string;
      db.close();
      const literal = rawKeyLiteral(dataKey);
      const secrets = {
        dataKey: [dataKey, literal, literal.subarray(2, -1)],
        wrappingKey: [firstWrappingKey, await deriveFromPassphrase(CANARY.otherPassphrase, header.kdf)],
        recoveryWrappingKey: [typed, issued].map((key) => deriveFromRecoveryKey(parseRecoveryKey(key)!, header.vaultId)),
        // An Ed25519 PKCS#8 key is 16 bytes of structure and the 32-byte seed.
        signingSeed: [signingKey.subarray(16)],
        noteText: asStored(CANARY.noteWord),
      };
      const counted = strings([typed, issued], identity);
      const none = Object.fromEntries(Object.keys(secrets).map((name) => [name, 0]));

      const report: Record<string, Record<string, number>> = { unlocked: countInMemory(core.pid(), counted) };
      await core.ok('vault.lock', {});
      const lockedAt = Date.now();
      for (const seconds of [3, IDLE_SECONDS]) {
        await sleep(lockedAt + seconds * 1000 - Date.now());
        expect(countInMemory(core.pid(), secrets), `${seconds} s after the lock`).toEqual(none);
        report[`${seconds}s after lock`] = countInMemory(core.pid(), counted);
      }
      mkdirSync(resolve(__dirname, '../test-results'), { recursive: true });
      writeFileSync(resolve(__dirname, '../test-results/memory.json'), `${JSON.stringify(report, null, 2)}\n`);
      process.stdout.write(`copies in the core process: ${JSON.stringify(report)}\n`);
    } finally {
      core.client.stop();
    }
  }, (IDLE_SECONDS + 90) * 1000);
});
