import type { CaseFilter, CaseListRequest, CaseSummary, ComparableCase } from '../../../shared/contract';
import { isResponseLate } from '../../../shared/responseTime';
import type { Clock } from '../clock';
import type { Db } from '../vault/database';
import { assertCaseExists } from './caseExists';
import { CASE_NUMBER_SQL, caseNumberCondition } from './caseNumbers';
import { caseSearch } from './caseSearch';
import { withSnippets } from './caseSnippets';

const ORDER_BY: Record<CaseListRequest['sort'], string> = {
  first_contact_desc: 'c.first_contact_at DESC, c.id DESC',
  first_contact_asc: 'c.first_contact_at ASC, c.id ASC',
  number_desc: 'c.number_year DESC, c.number_seq DESC',
  number_asc: 'c.number_year ASC, c.number_seq ASC',
};

/**
 * A page of hits in list order is found one of two ways: read every hit into a set, then walk the
 * cases until the page is full; or walk the cases and ask the index about each. Asking costs about
 * 25 times more per case than reading a hit (measured at 100,000 conversations). On average the
 * walk asks about (offset + limit) × cases / hits of them, so asking pays only when most cases match
 * and the page is near the top (with a margin of four). When the hits lie at the far end of the list
 * the walk first asks about every case that does not match, so asking is also kept to where even
 * that costs at most four times reading the set.
 */
export function asksEachCase(fewestHits: number | null, rowsNeeded: number, cases: number): boolean {
  if (fewestHits === null) return false;
  const pays = fewestHits * fewestHits > 100 * rowsNeeded * cases;
  const worstBounded = (cases - fewestHits + rowsNeeded) * 25 <= 4 * fewestHits;
  return pays && worstBounded;
}

/** The list's filters as SQL conditions, and a typed case number (2026-014, 2026-14, 14) as the search may also find it. */
function filterConditions(filter: CaseFilter): { conditions: string[]; params: Record<string, string | number>; byNumber: ReturnType<typeof caseNumberCondition> } {
  const conditions: string[] = [];
  const params: Record<string, string | number> = {};
  if (filter.status) {
    conditions.push('c.status = @status');
    params.status = filter.status;
  }
  if (filter.year !== null) {
    conditions.push('c.first_contact_at >= @yearStart AND c.first_contact_at < @yearEnd');
    params.yearStart = `${filter.year}-01-01`;
    params.yearEnd = `${filter.year + 1}-01-01`;
  }
  if (filter.nature) {
    conditions.push('c.id IN (SELECT case_id FROM case_natures WHERE nature = @nature)');
    params.nature = filter.nature;
  }
  if (filter.intakeRoute) {
    conditions.push('c.intake_route = @intakeRoute');
    params.intakeRoute = filter.intakeRoute;
  }
  if (filter.openWithoutResponse) conditions.push("c.status = 'open' AND c.first_response_at IS NULL");
  const byNumber = caseNumberCondition(filter.search);
  if (byNumber) Object.assign(params, byNumber.params);
  return { conditions, params, byNumber };
}

/**
 * Either way SQLite walks the cases in list order (the unary + keeps it from walking the hits
 * instead), so a page stops after its rows even when most cases match.
 */
function hitCondition(askEachCase: boolean, byNumber: ReturnType<typeof caseNumberCondition>): string {
  const hit = askEachCase
    ? 'EXISTS (SELECT 1 FROM case_index WHERE case_index MATCH @match AND rowid = c.id)'
    : '+c.id IN (SELECT rowid FROM case_index WHERE case_index MATCH @match)';
  return `(${hit}${byNumber ? ` OR ${byNumber.sql}` : ''})`;
}

interface SummaryRow {
  id: number;
  number: string;
  label: string;
  first_contact_at: string;
  first_response_at: string | null;
  intake_route: CaseSummary['intakeRoute'];
  status: CaseSummary['status'];
  natures: string | null;
  reporter_count: number;
  conversation_count: number;
  statistics_consent: CaseSummary['statisticsConsent'];
  needs_attention: number;
}

/** A page of the list, each row found by what was typed with its snippet. */
export function listCases(db: Db, request: CaseListRequest, clock: Clock): { total: number; rows: CaseSummary[] } {
  const page = casePage(db, request, clock);
  return { total: page.total, rows: withSnippets(db, request.filter.search, page.rows) };
}

/** A page of the list without snippets. */
export function casePage(db: Db, request: CaseListRequest, clock: Clock): { total: number; rows: CaseSummary[] } {
  const search = caseSearch(db, request.filter.search);
  const { conditions, params, byNumber } = filterConditions(request.filter);
  // One search document per case (migration 12): with nothing else to narrow the list, the index
  // alone counts, or its word list has already counted.
  const searchOnly = search !== null && conditions.length === 0 && !byNumber;
  if (search) {
    // The highest id is at least the number of cases (ids are distinct and positive) and costs one index step.
    const cases = () => db.prepare('SELECT coalesce(max(id), 0) FROM cases').pluck().get() as number;
    conditions.push(hitCondition(searchOnly && asksEachCase(search.fewestHits, request.offset + request.limit, cases()), byNumber));
    params.match = search.match;
  }
  const sql = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const total = (
    searchOnly
      ? (search.total ?? db.prepare('SELECT count(*) FROM case_index WHERE case_index MATCH @match').pluck().get(params))
      : db.prepare(`SELECT count(*) FROM cases c ${sql}`).pluck().get(params)
  ) as number;
  const rows = db
    .prepare(
      `SELECT c.id, ${CASE_NUMBER_SQL} AS number, c.label, c.first_contact_at, c.first_response_at, c.intake_route, c.status, c.statistics_consent, c.needs_attention,
         (SELECT group_concat(nature) FROM case_natures WHERE case_id = c.id) AS natures,
         (SELECT count(*) FROM case_reporters WHERE case_id = c.id) AS reporter_count,
         (SELECT count(*) FROM conversations WHERE case_id = c.id AND kind = 'conversation') AS conversation_count
       FROM cases c ${sql}
       ORDER BY ${ORDER_BY[request.sort]}
       LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: request.limit, offset: request.offset }) as SummaryRow[];
  const now = clock();
  return {
    total,
    rows: rows.map((row) => ({
      id: row.id,
      number: row.number,
      label: row.label,
      firstContactAt: row.first_contact_at,
      firstResponseAt: row.first_response_at,
      intakeRoute: row.intake_route,
      status: row.status,
      natures: (row.natures ? row.natures.split(',').sort() : []) as CaseSummary['natures'],
      reporterCount: row.reporter_count,
      conversationCount: row.conversation_count,
      responseLate: isResponseLate(row.first_contact_at, row.first_response_at, row.status, now),
      statisticsConsent: row.statistics_consent,
      needsAttention: row.needs_attention === 1,
      snippet: null,
    })),
  };
}

export function caseYears(db: Db): number[] {
  return (db.prepare('SELECT DISTINCT substr(first_contact_at, 1, 4) FROM cases ORDER BY 1 DESC').pluck().all() as string[]).map(Number);
}

/**
 * Earlier handling of comparable cases — sharing a nature and, when known, the same other-party
 * relation — so the adviser can keep handling consistent.
 */
export function comparableCases(db: Db, id: number): ComparableCase[] {
  assertCaseExists(db, id);
  const rows = db
    .prepare(
      `SELECT c.id, ${CASE_NUMBER_SQL} AS number, c.label, c.first_contact_at, c.status, c.outcome,
         (SELECT group_concat(nature) FROM case_natures WHERE case_id = c.id) AS natures,
         (SELECT group_concat(handling) FROM case_handlings WHERE case_id = c.id) AS handlings
       FROM cases c
       WHERE c.id != @id
         AND c.id IN (SELECT n.case_id FROM case_natures n WHERE n.nature IN (SELECT nature FROM case_natures WHERE case_id = @id))
         AND ((SELECT other_party_relation FROM cases WHERE id = @id) IS NULL
              OR c.other_party_relation = (SELECT other_party_relation FROM cases WHERE id = @id))
       ORDER BY c.first_contact_at DESC
       LIMIT 20`,
    )
    .all({ id }) as {
    id: number;
    number: string;
    label: string;
    first_contact_at: string;
    status: ComparableCase['status'];
    outcome: ComparableCase['outcome'];
    natures: string | null;
    handlings: string | null;
  }[];
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    label: row.label,
    firstContactAt: row.first_contact_at,
    status: row.status,
    outcome: row.outcome,
    natures: (row.natures?.split(',').sort() ?? []) as ComparableCase['natures'],
    handlings: (row.handlings?.split(',').sort() ?? []) as ComparableCase['handlings'],
  }));
}

/** How many cases the vault holds. */
export function caseCount(db: Db): number {
  return db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
}
