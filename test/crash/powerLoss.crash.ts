import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { createLogger } from '../../electron/core/log';
import { openEncryptedDatabase } from '../../electron/core/vault/database';
import { nodeAddonPath } from '../../electron/core/vault/sqliteAddon';
import { CANARY } from '../fixtures/canaries';
import { temporaryDirectory } from '../support/temporaryDirectory';
import { dataKeyOf } from '../support/vaultKey';
import { expectedNotes } from './writerNotes';

/**
 * A power cut, not a process kill: SIGKILL keeps the operating system's page cache, so it cannot
 * see a missing fsync. Here the writer runs under strace, which records every write to the vault's
 * files with its bytes and every fsync. For each acknowledged write, the vault is rebuilt from the
 * bytes that an fsync had made durable before that acknowledgement (and nothing else), opened with
 * its key, and every case acknowledged so far must be there with its conversation's exact content.
 */
const WRITER = resolve(__dirname, 'writer.mts');
const ACKS = 40;
const folder = temporaryDirectory();
afterAll(() => folder.remove());

type Op = { kind: 'write'; file: string; offset: number | null; data: Buffer } | { kind: 'truncate'; file: string; size: number } | { kind: 'sync'; file: string } | { kind: 'ack'; id: number };

const decode = (quoted: string) => Buffer.from(quoted.replace(/\\x/g, ''), 'hex');

/** The syscalls of one strace line that touch the vault's files, or the writer's acknowledgement on stdout. */
function parse(line: string, offsets: Map<string, number>): Op | null {
  const call = /^(\w+)\((\d+)<([^>]*)>(?:, ?(.*))?\) += (-?\d+)/.exec(line);
  if (!call) return null;
  const [, name, fd, escapedPath, rest, result] = call as unknown as [string, string, string, string, string, string];
  // With -xx strace writes paths as hex escapes too.
  const path = decode(escapedPath).toString();
  if (Number(result) < 0) return null;
  if (name === 'write' && fd === '1') {
    const text = decode(/^"([^"]*)"/.exec(rest)![1]!).toString();
    return text.startsWith('ack ') ? { kind: 'ack', id: Number(text.slice(4)) } : null;
  }
  if (!/vault\.db(-wal)?$/.test(path)) return null;
  if (name === 'pwrite64') {
    const [, data, , offset] = /^"([^"]*)", (\d+), (\d+)$/.exec(rest)!;
    return { kind: 'write', file: path, offset: Number(offset), data: decode(data!) };
  }
  if (name === 'write') {
    const data = decode(/^"([^"]*)"/.exec(rest)![1]!);
    const at = offsets.get(path) ?? 0;
    offsets.set(path, at + data.length);
    return { kind: 'write', file: path, offset: at, data };
  }
  if (name === 'ftruncate') return { kind: 'truncate', file: path, size: Number(rest) };
  if (name === 'fsync' || name === 'fdatasync') return { kind: 'sync', file: path };
  return null;
}

/** Applies one write or truncation to a file image. */
function apply(image: Buffer, op: Extract<Op, { kind: 'write' | 'truncate' }>): Buffer {
  if (op.kind === 'truncate') return image.subarray(0, op.size);
  const end = op.offset! + op.data.length;
  const next = end > image.length ? Buffer.concat([image, Buffer.alloc(end - image.length)]) : Buffer.from(image);
  op.data.copy(next, op.offset!);
  return next;
}

function runTraced(dataDirectory: string, trace: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    // No -f: SQLite writes, and the writer acknowledges, on the main thread.
    const child = spawn('strace', ['-o', trace, '-y', '-xx', '-s', '1000000', '-e', 'trace=write,pwrite64,fsync,fdatasync,ftruncate', process.execPath, '--import', 'tsx', WRITER, dataDirectory, String(ACKS + 3)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The writer kills itself a few acknowledgements past the count, so the trace certainly holds ACKS.
    let acks = 0;
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (acks += chunk.toString().split('\n').filter((line) => line.startsWith('ack ')).length));
    child.on('exit', () => (acks >= ACKS ? resolvePromise() : reject(new Error(`writer ended early: ${errors.slice(0, 500)}`))));
  });
}

describe('durability past the page cache', () => {
  it(`keeps every acknowledged write, content included, when the power goes at any of ${ACKS} acknowledgements`, async () => {
    const data = join(folder.path, 'data');
    // The vault exists before the traced run, locked and checkpointed: that is the disk at the start.
    const setup = createCore({ dataDirectory: data, log: createLogger(() => undefined) });
    await setup.router.handle('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
    setup.vault.lock();
    const vault = join(data, 'vault');
    const files = { db: join(vault, 'vault.db'), wal: join(vault, 'vault.db-wal') };
    const initial = { [files.db]: readFileSync(files.db), [files.wal]: existsSync(files.wal) ? readFileSync(files.wal) : Buffer.alloc(0) };

    const trace = join(folder.path, 'trace.txt');
    await runTraced(data, trace);
    const offsets = new Map<string, number>();
    const ops = readFileSync(trace, 'utf8')
      .split('\n')
      .map((line) => parse(line, offsets))
      .filter((op): op is Op => op !== null);
    expect(ops.filter((op) => op.kind === 'ack').length).toBeGreaterThanOrEqual(ACKS);

    const dataKey = await dataKeyOf(join(vault, 'vault.header.json'), CANARY.passphrase);
    const durable = new Map<string, Buffer>(Object.entries(initial));
    const pending = new Map<string, Buffer>(Object.entries(initial).map(([file, image]) => [file, image]));
    const acked: number[] = [];
    let checked = 0;
    for (const op of ops) {
      if (op.kind === 'write' || op.kind === 'truncate') pending.set(op.file, apply(pending.get(op.file) ?? Buffer.alloc(0), op));
      else if (op.kind === 'sync') durable.set(op.file, pending.get(op.file) ?? Buffer.alloc(0));
      else {
        acked.push(op.id);
        // The power goes now: only what was made durable survives.
        const rebuilt = join(folder.path, `cut-${acked.length}`);
        mkdirSync(join(rebuilt, 'vault'), { recursive: true });
        writeFileSync(join(rebuilt, 'vault', 'vault.db'), durable.get(files.db)!);
        const wal = durable.get(files.wal);
        if (wal && wal.length > 0) writeFileSync(join(rebuilt, 'vault', 'vault.db-wal'), wal);
        // Opened as the app opens it, with the unwrapped key (derived once, not per cut).
        const db = openEncryptedDatabase(join(rebuilt, 'vault', 'vault.db'), dataKey, { addon: nodeAddonPath(), create: false });
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
        rmSync(rebuilt, { recursive: true, force: true });
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(ACKS);
  });
});
