import type { CaseShape, ExportCounts, ExportPeriod, UnansweredCase } from '../../../shared/schemas/export';
import { formatCaseNumber } from '../cases/caseNumbers';
import {
  EMPLOYMENT_KEYS,
  MEDIATION_OUTCOME_KEYS,
  OTHER_PARTY_KEYS,
  OUTCOME_KEYS,
  REFERRAL_SOURCE_KEYS,
  STAFF_KEYS,
} from '../../../shared/schemas/export';
import { FIRST_RESPONSE_PROMISE_HOURS } from '../../../shared/limits';
import {
  ACTIVITY_TYPES,
  ADVICE_ONLY,
  AGE_BANDS,
  EARLIER_PERIODS,
  FUNCTION_REFERRAL_CODES,
  HANDLING_SUMMARY,
  HANDLING_TYPES,
  INTAKE_ROUTES,
  IOA_CATEGORIES,
  NATURES,
  REFERRAL_TARGETS,
  REPORTER_ROLES,
  ioaCategoryOf,
  ownReferralCode,
  type HandlingType,
  type Nature,
  type OtherPartyRelation,
} from '../../../shared/taxonomy';
import type { Db } from '../vault/database';
import { getProfile } from '../vault/profile';

const NOT_RECORDED = 'not_recorded';
const TEAM_FUNCTION_SOURCES = FUNCTION_REFERRAL_CODES.map((code) => `'${code}'`).join(', ');
/** A case counted in the statistics: its reporter consented and its statistics are complete. */
const COUNTED = `c.statistics_consent = 'given' AND c.statistics_completion = 'complete'`;
/** Passed on by another team function (`@own` is this vault's own code), so counted there; here only as a referral received. */
const RECEIVED = `coalesce(c.intake_route IN ('via_concerns_point', 'referred_by_function') AND coalesce(c.referred_in_by IN (${TEAM_FUNCTION_SOURCES}), 0)
  AND c.referred_in_by IS NOT @own, 0)`;

/**
 * Received by handover with its report counted by the leaving adviser: first contacted within the
 * months their export before the handover covered (migration 21). Counted here only as received.
 */
const HANDED = `EXISTS (SELECT 1 FROM received_cases h WHERE h.case_id = c.id AND substr(c.first_contact_at, 1, 10) <= h.counted_through)`;
/**
 * In a package this vault sent (confirmed or not), on a date after the months its export before the
 * handover covered: from then on the case is the successor's to count. The first contact tells the
 * case that left from a later one that took its id.
 */
const successorsToCount = (caseId: string, date: string) =>
  `EXISTS (SELECT 1 FROM handover_sent_cases s CROSS JOIN handovers_sent p ON p.package_id = s.package_id CROSS JOIN cases k ON k.id = s.case_id
     WHERE s.case_id = ${caseId} AND k.first_contact_at = s.first_contact_at AND substr(${date}, 1, 10) > p.counted_through)`;
/**
 * A dated act on a handed case counts on one side only: at the successor after the months the
 * leaving adviser's export covered, in the leaving vault up to them, even before the confirmation.
 */
const afterHandover = (caseId: string, date: string) =>
  `NOT EXISTS (SELECT 1 FROM received_cases h WHERE h.case_id = ${caseId} AND substr(${date}, 1, 10) <= h.counted_through) AND NOT ${successorsToCount(caseId, date)}`;

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

/** Adds to a table that lists every code; a code this version does not know counts as not recorded. */
function bump(table: Record<string, number>, key: string | null, by = 1): void {
  const code = key ?? NOT_RECORDED;
  if (code in table) table[code]! += by;
  else if (NOT_RECORDED in table) table[NOT_RECORDED]! += by;
}

/** The first day after the period, so `< end` includes the whole last day at any time. */
function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

export interface Aggregate {
  counts: ExportCounts;
  /** Seen only by the adviser: cases in the period whose reporter refused or withdrew. */
  refused: number;
  notAskedYet: UnansweredCase[];
  /** Saved before their statistics were complete: counted nowhere until completed or left out on purpose. */
  incomplete: UnansweredCase[];
}

/** Reporters whose unit is not on the team's list are counted here, never by the name typed in. */
export const UNIT_NOT_IN_LIST = 'not_in_list';

/**
 * Counts for one period from the cases whose reporters consented to be counted. SQLite groups
 * each table in one pass over the period's cases and hands back only combinations and their
 * counts; no case row, name, text or date leaves this function.
 *
 * A report and what it is without a date of its own count in the period of its first contact;
 * a dated act counts in the period it happened, on any counted case (shared/schemas/export.ts).
 *
 * `units`: the team's unit list when the adviser opted in to the table per unit, else null. Only
 * names from that list reach the export; free text typed in a case never does. `exportedOn`: the
 * day of export, on which a procedure deadline not yet done is still running or already missed.
 */
export function aggregate(db: Db, period: ExportPeriod, units: readonly string[] | null, exportedOn: string): Aggregate {
  const range = { from: period.from, end: dayAfter(period.to) };
  const own = ownReferralCode(getProfile(db).function);
  db.exec('DROP TABLE IF EXISTS temp.export_cases');
  try {
    // One read of the period's cases: what every table below needs of a case, kept in memory
    // (the per-case summaries are kept by triggers, migration 5).
    // `response`: "later" when the recorded response came after the promised hours; "missing" when
    // none is recorded yet, whether or not the case is still open.
    db.exec(`CREATE TEMP TABLE export_cases (
      id INTEGER PRIMARY KEY, received INTEGER, route TEXT, source TEXT, relation TEXT, hierarchical INTEGER,
      response TEXT, people INTEGER, bystander INTEGER, natures TEXT, handlings TEXT)`);
    db.prepare(
      `INSERT INTO temp.export_cases
       SELECT c.id, CASE WHEN ${HANDED} THEN 2 ELSE ${RECEIVED} END, c.intake_route, c.referred_in_by, c.other_party_relation, c.other_party_hierarchical,
         CASE WHEN c.first_response_at IS NULL THEN 'missing'
              WHEN unixepoch(c.first_response_at) - unixepoch(c.first_contact_at) > @promise THEN 'later'
              ELSE 'within24h' END,
         c.reporter_count, c.has_bystander, c.nature_set, c.handling_set
       FROM cases c WHERE ${COUNTED} AND c.first_contact_at >= @from AND c.first_contact_at < @end AND NOT ${successorsToCount('c.id', 'c.first_contact_at')}`,
    ).run({ ...range, promise: FIRST_RESPONSE_PROMISE_HOURS * 3600, own });
    const grouped = <T>(sql: string, params: Record<string, unknown> = {}) => db.prepare(sql).all(params) as (T & { n: number })[];
    const single = (sql: string, params: Record<string, unknown> = range) => db.prepare(sql).pluck().get(params) as number;
    // Child tables are read from the period's cases (CROSS JOIN keeps that order), never scanned whole.
    const ownReports = 'FROM temp.export_cases e WHERE e.received = 0';

    // A refusal keeps a case out whether or not its statistics are complete; an incomplete case
    // not refused is listed to be completed (asking about consent is part of that), not as unasked.
    // A case opened in an earlier year is listed too when it had talks in the period: they are left out with it.
    const uncounted = db
      .prepare(
        `SELECT id, number_year, number_seq, label, first_contact_at AS firstContactAt, statistics_consent AS consent, statistics_completion AS completion FROM cases
         WHERE (statistics_consent IN ('refused', 'not_asked') OR statistics_completion = 'incomplete')
           AND (first_contact_at >= @from AND first_contact_at < @end OR id IN (SELECT case_id FROM conversations WHERE held_at >= @from AND held_at < @end))
         ORDER BY first_contact_at, id`,
      )
      .all(range) as (Omit<UnansweredCase, 'number'> & { number_year: number; number_seq: number; consent: string; completion: string })[];
    const listed = ({ id, number_year, number_seq, label, firstContactAt }: (typeof uncounted)[number]): UnansweredCase => ({ id, number: formatCaseNumber(number_year, number_seq), label, firstContactAt });

    const c = {
      reports: 0,
      receivedReports: 0,
      receivedByHandover: single(
        `SELECT count(*) FROM received_cases h CROSS JOIN cases c ON c.id = h.case_id WHERE h.received_on >= @from AND h.received_on < @end AND ${COUNTED}`,
      ),
      reporters: 0,
      jointReports: 0,
      unidentifiedReporters: 0,
      firstResponse: { within24h: 0, later: 0, missing: 0 },
      byStaffCategory: zeros(STAFF_KEYS),
      byEmploymentStatus: zeros(EMPLOYMENT_KEYS),
      byEarlierPeriod: zeros([...EARLIER_PERIODS, NOT_RECORDED] as const),
      duringPhdByStaffCategory: zeros(STAFF_KEYS),
      byAgeBand: zeros(AGE_BANDS),
      byReporterRole: zeros(REPORTER_ROLES),
      byIntakeRoute: zeros(INTAKE_ROUTES),
      byReferralSource: zeros(REFERRAL_SOURCE_KEYS),
      byNature: zeros(NATURES),
      byOtherParty: zeros(OTHER_PARTY_KEYS),
      byHandling: zeros(HANDLING_TYPES),
      handlingSummary: zeros(HANDLING_SUMMARY),
      referralsReceived: zeros(FUNCTION_REFERRAL_CODES),
      byIoaCategory: zeros(IOA_CATEGORIES),
    };

    for (const row of grouped<{ source: string | null }>(
      'SELECT source, count(*) AS n FROM temp.export_cases WHERE received = 1 GROUP BY 1',
    )) {
      c.receivedReports += row.n;
      bump(c.referralsReceived, row.source, row.n);
    }

    for (const row of grouped<{
      route: string;
      source: string | null;
      relation: string | null;
      response: keyof ExportCounts['firstResponse'];
      people: number;
    }>(`SELECT route, source, relation, response, people, count(*) AS n ${ownReports} GROUP BY 1, 2, 3, 4, 5`)) {
      c.reports += row.n;
      // A reporter who is not identified is still one person with a report, of unknown profile.
      if (row.people === 0) {
        c.unidentifiedReporters += row.n;
        c.reporters += row.n;
        for (const table of [c.byStaffCategory, c.byEmploymentStatus, c.byEarlierPeriod]) bump(table, null, row.n);
        c.byAgeBand.unknown += row.n;
      }
      if (row.people > 1) c.jointReports += row.n;
      c.firstResponse[row.response] += row.n;
      bump(c.byIntakeRoute, row.route, row.n);
      bump(c.byReferralSource, row.source, row.n);
      bump(c.byOtherParty, row.relation, row.n);
    }

    for (const row of grouped<{ staff: string; employment: string; age: string; role: string; earlier: string }>(
      `SELECT r.staff_category AS staff, r.employment_status AS employment, r.age_band AS age, r.role, r.earlier_period AS earlier, count(*) AS n
       FROM temp.export_cases e CROSS JOIN case_reporters r ON r.case_id = e.id WHERE e.received = 0 GROUP BY 1, 2, 3, 4, 5`,
    )) {
      c.reporters += row.n;
      bump(c.byStaffCategory, row.staff, row.n);
      bump(c.byEmploymentStatus, row.employment, row.n);
      bump(c.byEarlierPeriod, row.earlier, row.n);
      if (row.earlier === 'during_phd') bump(c.duringPhdByStaffCategory, row.staff, row.n);
      bump(c.byAgeBand, row.age, row.n);
      bump(c.byReporterRole, row.role, row.n);
    }

    // Sorted again here, so a set the triggers wrote in another order still lands in one shape.
    const shapes = new Map<string, CaseShape>();
    for (const row of grouped<{ natures: string; relation: OtherPartyRelation | null; hierarchical: number | null; bystander: number }>(
      `SELECT natures, relation, hierarchical, bystander, count(*) AS n ${ownReports} AND natures IS NOT NULL GROUP BY 1, 2, 3, 4`,
    )) {
      const natures = (row.natures.split('+') as Nature[]).sort();
      for (const nature of natures) {
        c.byNature[nature] += row.n;
        c.byIoaCategory[ioaCategoryOf(nature, row.relation)] += row.n;
      }
      const shape: CaseShape = {
        natures,
        otherParty: row.relation ?? NOT_RECORDED,
        hierarchical: row.hierarchical === null ? NOT_RECORDED : row.hierarchical === 1 ? 'yes' : 'no',
        bystander: row.bystander === 1,
        reports: row.n,
      };
      const key = `${natures.join('+')} ${shape.otherParty} ${shape.hierarchical} ${shape.bystander}`;
      const existing = shapes.get(key);
      if (existing) existing.reports += row.n;
      else shapes.set(key, shape);
    }
    const caseShapes = [...shapes.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, shape]) => shape);

    for (const row of grouped<{ handlings: string | null }>(
      `SELECT handlings, count(*) AS n ${ownReports} GROUP BY 1`,
    )) {
      const handlings = (row.handlings?.split('+') ?? []) as HandlingType[];
      for (const handling of handlings) c.byHandling[handling] += row.n;
      const summary = handlings.length === 0 ? 'not_recorded' : handlings.every((handling) => handling === ADVICE_ONLY) ? 'advice_only' : 'more_intensive';
      c.handlingSummary[summary] += row.n;
    }

    // Dated acts: each in the period it happened, on every counted case whatever year it was opened,
    // so an export of a past period gives the same numbers however much later it is made. Each is
    // read from its own table and its case looked up, never by visiting every counted case.
    const inPeriod = (column: string) => `${column} >= @from AND ${column} < @end`;
    const byReferralTarget = zeros(REFERRAL_TARGETS);
    for (const row of grouped<{ target: string }>(
      `SELECT t.target, count(*) AS n FROM case_referrals t CROSS JOIN cases c ON c.id = t.case_id WHERE ${inPeriod('t.referred_on')} AND ${COUNTED} AND ${afterHandover('c.id', 't.referred_on')} GROUP BY 1`,
      range,
    )) {
      bump(byReferralTarget, row.target, row.n);
    }
    // The index holds each entry's date: only the period's entries are read whole.
    const held = db
      .prepare(
        `SELECT count(*) FILTER (WHERE v.kind = 'conversation') AS conversations, count(*) FILTER (WHERE v.kind = 'mediation_session') AS sessions
         FROM conversations v INDEXED BY conversations_by_case CROSS JOIN cases c ON c.id = v.case_id WHERE ${inPeriod('v.held_at')} AND ${COUNTED} AND ${afterHandover('c.id', 'v.held_at')}`,
      )
      .get(range) as { conversations: number; sessions: number };
    const conversationsOnReports = single(
      `SELECT count(*) FROM temp.export_cases e CROSS JOIN conversations v ON v.case_id = e.id WHERE v.kind = 'conversation' AND ${inPeriod('v.held_at')} AND ${afterHandover('e.id', 'v.held_at')}`,
    );
    const mediation = {
      // A mediation and its outcome have no date of their own: they stay with the report, as its handlings do.
      // A handed case's mediation was counted with its report by the leaving adviser.
      mediations: single('SELECT count(*) FROM temp.export_cases e CROSS JOIN mediations m ON m.case_id = e.id WHERE e.received < 2'),
      hearings: single(`SELECT count(*) FROM mediations m CROSS JOIN cases c ON c.id = m.case_id WHERE ${inPeriod('m.hearing_held_on')} AND ${COUNTED} AND ${afterHandover('c.id', 'm.hearing_held_on')}`),
      sessions: held.sessions,
      agreements: single(`SELECT count(*) FROM mediation_agreements a CROSS JOIN cases c ON c.id = a.case_id WHERE ${inPeriod('a.agreed_on')} AND ${COUNTED} AND ${afterHandover('c.id', 'a.agreed_on')}`),
    };
    const mediationOutcomes = zeros(MEDIATION_OUTCOME_KEYS);
    for (const row of grouped<{ outcome: string | null }>('SELECT m.outcome, count(*) AS n FROM temp.export_cases e CROSS JOIN mediations m ON m.case_id = e.id WHERE e.received < 2 GROUP BY 1')) {
      bump(mediationOutcomes, row.outcome, row.n);
    }
    // Reports are counted once, where they were first received: so are their state at the start and
    // their closures, both read in one pass over the reports opened before the period ended. One
    // handed over before the period began is open at its start at the successor's, not here.
    let openAtStart = 0;
    let closures = 0;
    const byOutcome = zeros(OUTCOME_KEYS);
    for (const row of grouped<{ outcome: string | null; open: number }>(
      `SELECT c.outcome,
         count(*) FILTER (WHERE c.first_contact_at < @from AND NOT (c.status = 'closed' AND c.closed_on < @from)
           AND NOT EXISTS (SELECT 1 FROM received_cases h WHERE h.case_id = c.id AND h.received_on >= @from)
           AND NOT EXISTS (SELECT 1 FROM handover_sent_cases s CROSS JOIN handovers_sent p ON p.package_id = s.package_id
             WHERE s.case_id = c.id AND s.first_contact_at = c.first_contact_at AND p.handed_on < @from)) AS open,
         count(*) FILTER (WHERE c.status = 'closed' AND ${inPeriod('c.closed_on')}) AS n
       FROM cases c WHERE ${COUNTED} AND c.first_contact_at < @end AND ${RECEIVED} = 0 AND NOT ${successorsToCount('c.id', 'c.first_contact_at')} GROUP BY 1`,
      { ...range, own },
    )) {
      openAtStart += row.open;
      closures += row.n;
      if (row.n > 0) bump(byOutcome, row.outcome, row.n);
    }

    const signalThemes = zeros(NATURES);
    let signalTotal = 0;
    for (const row of grouped<{ theme: string }>('SELECT theme, count(*) AS n FROM signals WHERE noted_on >= @from AND noted_on < @end GROUP BY 1', range)) {
      bump(signalThemes, row.theme, row.n);
      signalTotal += row.n;
    }
    const activities = Object.fromEntries(ACTIVITY_TYPES.map((type) => [type, { count: 0, attendees: 0 }])) as ExportCounts['activities'];
    for (const row of grouped<{ type: keyof ExportCounts['activities']; attendees: number }>(
      'SELECT type, count(*) AS n, sum(attendees) AS attendees FROM activities WHERE held_on >= @from AND held_on < @end GROUP BY 1',
      range,
    )) {
      activities[row.type] = { count: row.n, attendees: row.attendees };
    }
    const boardAdvices = { total: 0, followed: 0, notFollowed: 0, pending: 0, reportsConcerned: 0 };
    for (const row of grouped<{ response: 'followed' | 'not_followed' | 'pending'; reports: number }>(
      'SELECT response, count(*) AS n, sum(reports_concerned) AS reports FROM board_advices WHERE given_on >= @from AND given_on < @end GROUP BY 1',
      range,
    )) {
      boardAdvices.total += row.n;
      boardAdvices.reportsConcerned += row.reports;
      boardAdvices[row.response === 'not_followed' ? 'notFollowed' : row.response] += row.n;
    }
    // The procedure's two deadlines are follow-ups of the case (migration 19). A report received in
    // December has its feedback due in March: on the day of export it is still running, not missed.
    const deadlineCount = (condition: string) =>
      `(SELECT count(*) FROM follow_ups f WHERE f.case_id = p.case_id AND f.kind IN ('procedure_confirmation', 'procedure_feedback') AND ${condition})`;
    const procedure = db
      .prepare(
        `SELECT count(*) AS reports, count(*) FILTER (WHERE met = 2) AS bothMet, count(*) FILTER (WHERE missed = 0 AND running > 0) AS pending
         FROM (SELECT ${deadlineCount('f.done_on <= f.due_date')} AS met,
                 ${deadlineCount('(f.done_on > f.due_date OR (f.done_on IS NULL AND f.due_date < @exportedOn))')} AS missed,
                 ${deadlineCount('f.done_on IS NULL AND f.due_date >= @exportedOn')} AS running
               FROM procedure_reports p CROSS JOIN cases c ON c.id = p.case_id WHERE ${inPeriod('p.received_on')} AND ${COUNTED} AND ${afterHandover('c.id', 'p.received_on')})`,
      )
      .get({ ...range, exportedOn }) as ExportCounts['procedure'];
    let byUnit: Record<string, number> | null = null;
    if (units) {
      const listed = new Set(units);
      byUnit = Object.fromEntries([...units, UNIT_NOT_IN_LIST].map((unit) => [unit, 0]));
      for (const row of grouped<{ unit: string }>(
        `SELECT CASE WHEN trim(r.unit) = '' THEN NULL ELSE trim(r.unit) END AS unit, count(DISTINCT r.case_id) AS n
         FROM temp.export_cases e CROSS JOIN case_reporters r ON r.case_id = e.id WHERE e.received = 0 GROUP BY 1`,
      )) {
        if (row.unit === null) continue;
        const key = listed.has(row.unit) ? row.unit : UNIT_NOT_IN_LIST;
        byUnit[key] = (byUnit[key] ?? 0) + row.n;
      }
    }

    const counts: ExportCounts = {
      ...c,
      conversations: held.conversations,
      conversationsOnReports,
      conversationsPerReporter: c.reporters === 0 ? 0 : Math.round((conversationsOnReports / c.reporters) * 100) / 100,
      caseShapes,
      byReferralTarget,
      openAtStart,
      closures,
      byOutcome,
      mediation: { ...mediation, byOutcome: mediationOutcomes },
      signals: { total: signalTotal, byTheme: signalThemes },
      activities,
      boardAdvices,
      procedure,
      byUnit,
    };
    return {
      counts,
      refused: uncounted.filter((row) => row.consent === 'refused').length,
      notAskedYet: uncounted.filter((row) => row.consent === 'not_asked' && row.completion === 'complete').map(listed),
      incomplete: uncounted.filter((row) => row.consent !== 'refused' && row.completion === 'incomplete').map(listed),
    };
  } finally {
    db.exec('DROP TABLE IF EXISTS temp.export_cases');
  }
}
