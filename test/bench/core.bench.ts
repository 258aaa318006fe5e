import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { casePage, listCases } from '../../electron/core/cases/caseList';
import { aggregate } from '../../electron/core/export/aggregate';
import { searchSignals } from '../../electron/core/outreach/signalSearch';
import { buildExportFile, exportCsv, verifyExportFile } from '../../electron/core/export/exportFile';
import { buildTeamReport } from '../../electron/core/report/teamReport';
import { CASE_LIST_PAGE } from '../../shared/limits';
import { DEFAULT_GROUPINGS } from '../../shared/schemas/groupings';
import { applyPragmas, type Db } from '../../electron/core/vault/database';
import { migrate } from '../../electron/core/vault/migrations';
import { nodeAddonPath } from '../../electron/core/vault/sqliteAddon';
import { vaultFilesIn } from '../../electron/core/vault/vaultFiles';
import { VaultSession } from '../../electron/core/vault/vaultSession';
import type { CaseListRequest, ExportFile } from '../../shared/contract';
import { VAULT_FUNCTIONS } from '../../shared/taxonomy';
import { CANARY } from '../fixtures/canaries';
import { COMMON_WORDS, RARE_WORDS, generateVault, seededRandom } from './generate';
import { percentile, round, timeAsync, timeRuns } from './measure';

export interface CoreFigures {
  conversations: number;
  cases: number;
  unlockMs: number;
  listPage: { encryptedMs: number; plainMs: number; ratio: number };
  filteredList: { encryptedMs: number; plainMs: number; ratio: number };
  search: { encryptedP50Ms: number; encryptedP95Ms: number; plainP50Ms: number; plainP95Ms: number; ratioP50: number };
  /** The same queries as the window asks them: its first page (CASE_LIST_PAGE rows) with a snippet for each row, and the signals found. */
  searchWithSnippets: { encryptedP50Ms: number; encryptedP95Ms: number; plainP50Ms: number; plainP95Ms: number; ratioP50: number };
  yearlyExport: { encryptedMs: number; plainMs: number; ratio: number };
  teamMergeOf25Ms: number;
  peakRssMiB: number;
}

const NOW = new Date(2026, 10, 23, 12, 0);
/** The unit list a team would give these generated vaults. */
const FACULTIES = Array.from({ length: 9 }, (_, index) => `Faculteit ${index + 1}`);
const noFilter: CaseListRequest['filter'] = { status: null, year: null, nature: null, intakeRoute: null, openWithoutResponse: false, search: '' };
const page = (filter: Partial<CaseListRequest['filter']> = {}): CaseListRequest => ({ filter: { ...noFilter, ...filter }, sort: 'first_contact_desc', offset: 0, limit: 100 });

function median(values: number[]): number {
  return percentile(values, 50);
}

/** Runs the same read on the encrypted vault and its plain twin, interleaved, and reports both medians. */
function compare(encrypted: Db, plain: Db, runs: number, read: (db: Db, run: number) => void) {
  const encryptedTimes: number[] = [];
  const plainTimes: number[] = [];
  for (let run = 0; run < runs; run++) {
    encryptedTimes.push(...timeRuns(1, () => read(encrypted, run)));
    plainTimes.push(...timeRuns(1, () => read(plain, run)));
  }
  return { encryptedTimes, plainTimes };
}

function searchQueries(count: number): string[] {
  const random = seededRandom(4242);
  return Array.from({ length: count }, (_, i) => {
    const pool = i % 3 === 0 ? COMMON_WORDS : RARE_WORDS;
    const word = pool[Math.floor(random() * pool.length)]!;
    return i % 4 === 0 ? word.slice(0, 5) : word;
  });
}

/**
 * One size: builds an encrypted vault through the core and a plain twin with the same schema,
 * indexes and content, then times every query on both in the same run.
 */
export async function benchCore(folder: string, conversations: number): Promise<CoreFigures> {
  const files = vaultFilesIn(join(folder, `vault-${conversations}`));
  const session = new VaultSession(files, {}, () => NOW);
  await session.create(CANARY.passphrase);
  const generated = generateVault(session.database(), conversations, 20261123);
  session.lock();

  const plain = new Database(join(folder, `plain-${conversations}.db`), { nativeBinding: nodeAddonPath() });
  applyPragmas(plain);
  migrate(plain);
  generateVault(plain, conversations, 20261123);

  const unlockTimes: number[] = [];
  for (let run = 0; run < 5; run++) {
    const fresh = new VaultSession(files, {}, () => NOW);
    unlockTimes.push(
      await timeAsync(async () => {
        await fresh.unlock(CANARY.passphrase);
        listCases(fresh.database(), page(), () => NOW);
      }),
    );
    fresh.lock();
  }

  await session.unlock(CANARY.passphrase);
  const encrypted = session.database();
  const clock = () => NOW;

  const list = compare(encrypted, plain, 30, (db) => listCases(db, page(), clock));
  const filtered = compare(encrypted, plain, 30, (db, run) => listCases(db, page({ nature: run % 2 ? 'intimidation' : 'labour_conflict', status: 'closed', year: 2019 + (run % 7) }), clock));
  const queries = searchQueries(100);
  const search = compare(encrypted, plain, queries.length, (db, run) => casePage(db, page({ search: queries[run]! }), clock));
  const searchWithSnippets = compare(encrypted, plain, queries.length, (db, run) => {
    listCases(db, { ...page({ search: queries[run]! }), limit: CASE_LIST_PAGE }, clock);
    searchSignals(db, queries[run]!, 'nl');
  });
  const period = { from: '2025-01-01', to: '2025-12-31' };
  const exportRun = (db: Db) => {
    const { counts } = aggregate(db, period, null, '2026-01-15');
    exportCsv(buildExportFile({ function: 'ombudsperson', external: false, adviserId: randomUUID() }, 1, period, '2026-01-15', counts));
  };
  const yearly = compare(encrypted, plain, 15, exportRun);

  const { counts } = aggregate(encrypted, period, FACULTIES, '2026-01-15');
  const exportFiles: string[] = Array.from({ length: 25 }, (_, i) =>
    JSON.stringify(buildExportFile({ function: VAULT_FUNCTIONS[i % VAULT_FUNCTIONS.length]!, external: false, adviserId: randomUUID() }, 1, period, '2026-01-15', counts)),
  );
  const mergeTimes = timeRuns(5, () => {
    const verified = exportFiles.map((text) => verifyExportFile(text)).filter((result) => result.ok) as { ok: true; file: ExportFile }[];
    const files = verified.map((result) => result.file);
    buildTeamReport({ year: 2025, years: [2025], files, k: 5, grouped: true, groupings: DEFAULT_GROUPINGS, headcount: 5146, replacements: [], importsToRedo: 0 });
  });

  session.lock();
  plain.close();
  const ratio = (a: number, b: number) => round(a / b);
  return {
    conversations: generated.conversations,
    cases: generated.cases,
    unlockMs: round(median(unlockTimes), 1),
    listPage: { encryptedMs: round(median(list.encryptedTimes)), plainMs: round(median(list.plainTimes)), ratio: ratio(median(list.encryptedTimes), median(list.plainTimes)) },
    filteredList: { encryptedMs: round(median(filtered.encryptedTimes)), plainMs: round(median(filtered.plainTimes)), ratio: ratio(median(filtered.encryptedTimes), median(filtered.plainTimes)) },
    search: {
      encryptedP50Ms: round(percentile(search.encryptedTimes, 50)),
      encryptedP95Ms: round(percentile(search.encryptedTimes, 95)),
      plainP50Ms: round(percentile(search.plainTimes, 50)),
      plainP95Ms: round(percentile(search.plainTimes, 95)),
      ratioP50: ratio(percentile(search.encryptedTimes, 50), percentile(search.plainTimes, 50)),
    },
    searchWithSnippets: {
      encryptedP50Ms: round(percentile(searchWithSnippets.encryptedTimes, 50)),
      encryptedP95Ms: round(percentile(searchWithSnippets.encryptedTimes, 95)),
      plainP50Ms: round(percentile(searchWithSnippets.plainTimes, 50)),
      plainP95Ms: round(percentile(searchWithSnippets.plainTimes, 95)),
      ratioP50: ratio(percentile(searchWithSnippets.encryptedTimes, 50), percentile(searchWithSnippets.plainTimes, 50)),
    },
    yearlyExport: { encryptedMs: round(median(yearly.encryptedTimes)), plainMs: round(median(yearly.plainTimes)), ratio: ratio(median(yearly.encryptedTimes), median(yearly.plainTimes)) },
    teamMergeOf25Ms: round(median(mergeTimes)),
    peakRssMiB: round(process.resourceUsage().maxRSS / 1024, 0),
  };
}
