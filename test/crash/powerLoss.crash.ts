import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { createLogger } from '../../electron/core/log';
import { openEncryptedDatabase } from '../../electron/core/vault/database';
import { nodeAddonPath } from '../../electron/core/vault/sqliteAddon';
import { CANARY } from '../fixtures/canaries';
import { temporaryDirectory } from '../support/temporaryDirectory';
import { dataKeyOf } from '../support/vaultKey';
import { draftPromisesBroken, readSaid } from './draftSteps';
import { DurableTree, traceLines } from './durableTree';
import { LifecyclePromises } from './lifecyclePromises';
import { lifecyclePaths } from './lifecycleSteps';
import { runTraced } from './tracedRun';
import { expectedNotes } from './writerNotes';

/**
 * A power cut, not a process kill: SIGKILL keeps the operating system's page cache, so it cannot
 * see a missing fsync. Here a writer runs under strace, and the files are rebuilt from only what an
 * fsync had made durable at that moment, names in folders included (see DurableTree); the app's
 * promises are then checked on them.
 */
const ACKS = 40;
const folder = temporaryDirectory();
afterAll(() => folder.remove());

describe('durability past the page cache', () => {
  it(`keeps every acknowledged write, content included, when the power goes at any of ${ACKS} acknowledgements`, async () => {
    const data = join(folder.path, 'cases');
    // The vault exists before the traced run, locked and checkpointed: that is the disk at the start.
    const setup = createCore({ dataDirectory: data, log: createLogger(() => undefined) });
    await setup.router.handle('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
    setup.vault.lock();
    const dataKey = await dataKeyOf(join(data, 'vault', 'vault.header.json'), CANARY.passphrase);
    const tree = new DurableTree(data);

    const trace = join(folder.path, 'cases.trace');
    await runTraced(resolve(__dirname, 'writer.mts'), [data, String(ACKS + 3)], trace);
    const acked: number[] = [];
    for (const line of traceLines(trace)) {
      for (const event of tree.follow(line)) {
        if (event.kind !== 'said' || !event.line.startsWith('ack ')) continue;
        acked.push(Number(event.line.slice(4)));
        // The power goes now: only what was made durable survives. Opened as the app opens it,
        // with the unwrapped key (derived once, not per cut).
        tree.rebuild();
        const db = openEncryptedDatabase(join(data, 'vault', 'vault.db'), dataKey, { addon: nodeAddonPath(), create: false });
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const rows = db.prepare('SELECT c.id, c.label, v.notes FROM cases c JOIN conversations v ON v.case_id = c.id').all() as { id: number; label: string; notes: string }[];
        const byId = new Map(rows.map((row) => [row.id, row]));
        for (const id of acked) {
          const row = byId.get(id);
          expect(row, `case ${id} acknowledged before the cut`).toBeDefined();
          const n = Number(row!.label.slice('crash '.length));
          expect(createHash('sha256').update(row!.notes).digest('hex')).toBe(createHash('sha256').update(expectedNotes(n)).digest('hex'));
        }
        db.close();
      }
    }
    expect(acked.length).toBeGreaterThanOrEqual(ACKS);
  });

  it(`keeps the last acknowledged draft, and no saved note as a draft, when the power goes at any of ${ACKS} acknowledgements`, async () => {
    const data = join(folder.path, 'drafts');
    const setup = createCore({ dataDirectory: data, log: createLogger(() => undefined) });
    await setup.router.handle('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
    setup.vault.lock();
    const dataKey = await dataKeyOf(join(data, 'vault', 'vault.header.json'), CANARY.passphrase);
    const tree = new DurableTree(data);

    const trace = join(folder.path, 'drafts.trace');
    await runTraced(resolve(__dirname, 'draftWriter.mts'), [data, String(ACKS + 3)], trace);
    const said: string[] = [];
    let cuts = 0;
    for (const line of traceLines(trace)) {
      for (const event of tree.follow(line)) {
        if (event.kind !== 'said') continue;
        said.push(event.line);
        if (!event.line.startsWith('ack ')) continue;
        cuts++;
        tree.rebuild();
        const db = openEncryptedDatabase(join(data, 'vault', 'vault.db'), dataKey, { addon: nodeAddonPath(), create: false });
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const { caseId, lastAcked } = readSaid(said);
        expect(draftPromisesBroken(db, caseId!, lastAcked), event.line).toEqual([]);
        db.close();
      }
    }
    expect(cuts).toBeGreaterThanOrEqual(ACKS);
  });

  it('keeps every promise about the files beside the database (creation, settings, the record, an export, the header, a backup, a restore, the backup at a lock) whenever the power goes', async () => {
    const root = join(folder.path, 'lifecycle');
    // The adviser's backup and export folders exist already (chosen in a dialog); the app's data folder does not.
    const paths = lifecyclePaths(root);
    mkdirSync(paths.backups, { recursive: true });
    mkdirSync(paths.saved, { recursive: true });
    const tree = new DurableTree(root);

    const trace = join(folder.path, 'lifecycle.trace');
    const said = await runTraced(resolve(__dirname, 'lifecycleWriter.mts'), [root], trace);
    expect(said.filter((line) => line.startsWith('ack ')).at(-1), 'the writer went through to its last step').toMatch(/^ack \{"step":"lockBackup"/);

    // Every moment the durable state changes, and every acknowledgement: the power may go at any of them.
    const promises = new LifecyclePromises(root);
    const failures: string[] = [];
    let moments = 0;
    for (const line of traceLines(trace)) {
      for (const event of tree.follow(line)) {
        if (event.kind === 'said' && promises.hear(event.line) !== 'ack') continue;
        moments++;
        tree.rebuild();
        failures.push(...(await promises.check()).map((failure) => `${promises.moment} (moment ${moments}): ${failure}`));
      }
    }
    expect(failures.slice(0, 12)).toEqual([]);
    expect(moments).toBeGreaterThan(said.filter((line) => line.startsWith('ack ')).length);
  });
});
