import type { CaseShape, ExportCounts, ExportPeriod, UnansweredCase } from '../../../shared/schemas/export';
import {
  EMPLOYMENT_KEYS,
  GENDER_KEYS,
  MEDIATION_OUTCOME_KEYS,
  OTHER_PARTY_KEYS,
  OUTCOME_KEYS,
  REFERRAL_SOURCE_KEYS,
  STAFF_KEYS,
} from '../../../shared/schemas/export';
import { isResponseLate } from '../../../shared/responseTime';
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
  isFunctionReferralCode,
  type HandlingType,
  type IntakeRoute,
  type Nature,
  type OtherPartyRelation,
} from '../../../shared/taxonomy';
import type { Db } from '../vault/database';

const NOT_RECORDED = 'not_recorded';

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

/** Adds one to a table that lists every code; an unknown code (never written by this version) counts as not recorded. */
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

interface CaseRow {
  id: number;
  first_contact_at: string;
  first_response_at: string | null;
  status: 'open' | 'closed';
  intake_route: IntakeRoute;
  referred_in_by: string | null;
  other_party_relation: OtherPartyRelation | null;
  other_party_hierarchical: number | null;
  outcome: string | null;
}

interface ReporterRow {
  case_id: number;
  staff_category: string;
  employment_status: string;
  age_band: string;
  gender: string | null;
  role: string;
  earlier_period: string;
  unit: string;
}

/** Received from another team function: counted at the function of first contact, not here. */
function isReceived(row: CaseRow): boolean {
  return (row.intake_route === 'via_concerns_point' || row.intake_route === 'referred_by_function') && isFunctionReferralCode(row.referred_in_by);
}

function groupByCase<T extends { case_id: number }>(rows: T[]): Map<number, T[]> {
  const byCase = new Map<number, T[]>();
  for (const row of rows) {
    const list = byCase.get(row.case_id);
    if (list) list.push(row);
    else byCase.set(row.case_id, [row]);
  }
  return byCase;
}

export interface Aggregate {
  counts: ExportCounts;
  /** Seen only by the adviser: cases in the period whose reporter refused or withdrew. */
  refused: number;
  notAskedYet: UnansweredCase[];
}

/**
 * Counts for one period from the cases whose reporters consented to be counted. SQLite reads each
 * table once for the period's cases; the counting happens here, in memory, and no case row, name,
 * text or date leaves this function.
 */
export function aggregate(db: Db, period: ExportPeriod, includeUnits: boolean, now: Date): Aggregate {
  const range = { from: period.from, end: dayAfter(period.to) };
  db.exec('DROP TABLE IF EXISTS temp.export_cases');
  db.exec('CREATE TEMP TABLE export_cases (id INTEGER PRIMARY KEY)');
  try {
    const cases = db
      .prepare(
        `SELECT id, first_contact_at, first_response_at, status, intake_route, referred_in_by, other_party_relation, other_party_hierarchical, outcome
         FROM cases WHERE first_contact_at >= @from AND first_contact_at < @end AND statistics_consent = 'given'`,
      )
      .all(range) as CaseRow[];
    const insert = db.prepare('INSERT INTO temp.export_cases (id) VALUES (?)');
    for (const row of cases) insert.run(row.id);

    const uncounted = db
      .prepare(`SELECT id, label, first_contact_at AS firstContactAt, statistics_consent AS consent FROM cases
                WHERE first_contact_at >= @from AND first_contact_at < @end AND statistics_consent != 'given' ORDER BY first_contact_at, id`)
      .all(range) as (UnansweredCase & { consent: string })[];

    const inScope = (table: string, columns: string) =>
      db.prepare(`SELECT t.case_id, ${columns} FROM ${table} t JOIN temp.export_cases e ON e.id = t.case_id`).all();
    const natures = groupByCase(inScope('case_natures', 't.nature') as { case_id: number; nature: Nature }[]);
    const handlings = groupByCase(inScope('case_handlings', 't.handling') as { case_id: number; handling: HandlingType }[]);
    const reporters = groupByCase(
      inScope('case_reporters', 't.staff_category, t.employment_status, t.age_band, t.gender, t.role, t.earlier_period, trim(t.unit) AS unit') as ReporterRow[],
    );
    const referralTargets = inScope('case_referrals', 't.target') as { case_id: number; target: string }[];
    const count = (sql: string) => db.prepare(sql).pluck().get() as number;

    const c = {
      reports: 0,
      receivedReports: 0,
      reporters: 0,
      jointReports: 0,
      unidentifiedReporters: 0,
      firstResponse: { within24h: 0, later: 0, missing: 0 },
      byStaffCategory: zeros(STAFF_KEYS),
      byEmploymentStatus: zeros(EMPLOYMENT_KEYS),
      byEarlierPeriod: zeros([...EARLIER_PERIODS, NOT_RECORDED] as const),
      duringPhdByStaffCategory: zeros(STAFF_KEYS),
      byAgeBand: zeros(AGE_BANDS),
      byGender: zeros(GENDER_KEYS),
      byReporterRole: zeros(REPORTER_ROLES),
      byIntakeRoute: zeros(INTAKE_ROUTES),
      byReferralSource: zeros(REFERRAL_SOURCE_KEYS),
      byNature: zeros(NATURES),
      byOtherParty: zeros(OTHER_PARTY_KEYS),
      byHandling: zeros(HANDLING_TYPES),
      handlingSummary: zeros(HANDLING_SUMMARY),
      referralsReceived: zeros(FUNCTION_REFERRAL_CODES),
      byIoaCategory: zeros(IOA_CATEGORIES),
      status: { open: 0, closed: 0 },
      byOutcome: zeros(OUTCOME_KEYS),
    };
    const shapes = new Map<string, CaseShape>();
    const units = new Map<string, number>();

    for (const row of cases) {
      if (isReceived(row)) {
        c.receivedReports++;
        bump(c.referralsReceived, row.referred_in_by);
        continue;
      }
      c.reports++;
      const people = reporters.get(row.id) ?? [];
      if (people.length === 0) {
        // A reporter who is not identified is still one person with a report, of unknown profile.
        c.unidentifiedReporters++;
        c.reporters++;
        bump(c.byStaffCategory, null);
        bump(c.byEmploymentStatus, null);
        bump(c.byEarlierPeriod, null);
        c.byAgeBand.unknown++;
        bump(c.byGender, null);
      }
      if (people.length > 1) c.jointReports++;
      const caseUnits = new Set<string>();
      for (const person of people) {
        c.reporters++;
        bump(c.byStaffCategory, person.staff_category);
        bump(c.byEmploymentStatus, person.employment_status);
        bump(c.byEarlierPeriod, person.earlier_period);
        if (person.earlier_period === 'during_phd') bump(c.duringPhdByStaffCategory, person.staff_category);
        bump(c.byAgeBand, person.age_band);
        bump(c.byGender, person.gender);
        bump(c.byReporterRole, person.role);
        if (person.unit !== '') caseUnits.add(person.unit);
      }
      for (const unit of caseUnits) units.set(unit, (units.get(unit) ?? 0) + 1);

      if (row.first_response_at === null) c.firstResponse.missing++;
      else if (isResponseLate(row.first_contact_at, row.first_response_at, row.status, now)) c.firstResponse.later++;
      else c.firstResponse.within24h++;
      bump(c.byIntakeRoute, row.intake_route);
      bump(c.byReferralSource, row.referred_in_by);
      bump(c.byOtherParty, row.other_party_relation);
      c.status[row.status]++;
      if (row.status === 'closed') bump(c.byOutcome, row.outcome);

      const caseNatures = (natures.get(row.id) ?? []).map((entry) => entry.nature).sort();
      for (const nature of caseNatures) {
        c.byNature[nature]++;
        c.byIoaCategory[ioaCategoryOf(nature, row.other_party_relation)]++;
      }
      if (caseNatures.length > 0) {
        const shape: Omit<CaseShape, 'reports'> = {
          natures: caseNatures,
          otherParty: row.other_party_relation ?? NOT_RECORDED,
          hierarchical: row.other_party_hierarchical === null ? NOT_RECORDED : row.other_party_hierarchical === 1 ? 'yes' : 'no',
          bystander: people.some((person) => person.role === 'bystander'),
        };
        const key = JSON.stringify(shape);
        const existing = shapes.get(key);
        if (existing) existing.reports++;
        else shapes.set(key, { ...shape, reports: 1 });
      }

      const caseHandlings = (handlings.get(row.id) ?? []).map((entry) => entry.handling);
      for (const handling of caseHandlings) c.byHandling[handling]++;
      if (caseHandlings.length === 0) c.handlingSummary.not_recorded++;
      else if (caseHandlings.every((handling) => handling === ADVICE_ONLY)) c.handlingSummary.advice_only++;
      else c.handlingSummary.more_intensive++;
    }

    const byReferralTarget = zeros(REFERRAL_TARGETS);
    for (const referral of referralTargets) bump(byReferralTarget, referral.target);

    const conversations = count('SELECT count(*) FROM conversations v JOIN temp.export_cases e ON e.id = v.case_id');
    const mediation = db
      .prepare(
        `SELECT count(*) AS mediations, count(m.hearing_held_on) AS hearings,
           coalesce(sum((SELECT count(*) FROM mediation_sessions s WHERE s.case_id = m.case_id)), 0) AS sessions,
           coalesce(sum((SELECT count(*) FROM mediation_agreements a WHERE a.case_id = m.case_id)), 0) AS agreements
         FROM mediations m JOIN temp.export_cases e ON e.id = m.case_id`,
      )
      .get() as { mediations: number; hearings: number; sessions: number; agreements: number };
    const mediationOutcomes = zeros(MEDIATION_OUTCOME_KEYS);
    for (const row of db.prepare('SELECT m.outcome FROM mediations m JOIN temp.export_cases e ON e.id = m.case_id').pluck().all() as (string | null)[]) {
      bump(mediationOutcomes, row);
    }

    const signalThemes = zeros(NATURES);
    let signalTotal = 0;
    for (const theme of db.prepare('SELECT theme FROM signals WHERE noted_on >= @from AND noted_on < @end').pluck().all(range) as string[]) {
      bump(signalThemes, theme);
      signalTotal++;
    }
    const activities = Object.fromEntries(ACTIVITY_TYPES.map((type) => [type, { count: 0, attendees: 0 }])) as ExportCounts['activities'];
    for (const row of db
      .prepare('SELECT type, count(*) AS n, sum(attendees) AS attendees FROM activities WHERE held_on >= @from AND held_on < @end GROUP BY 1')
      .all(range) as { type: keyof ExportCounts['activities']; n: number; attendees: number }[]) {
      activities[row.type] = { count: row.n, attendees: row.attendees };
    }
    const boardAdvices = { total: 0, followed: 0, notFollowed: 0, pending: 0, reportsConcerned: 0 };
    for (const advice of db
      .prepare('SELECT response, reports_concerned AS reports FROM board_advices WHERE given_on >= @from AND given_on < @end')
      .all(range) as { response: 'followed' | 'not_followed' | 'pending'; reports: number }[]) {
      boardAdvices.total++;
      boardAdvices.reportsConcerned += advice.reports;
      boardAdvices[advice.response === 'not_followed' ? 'notFollowed' : advice.response]++;
    }

    const counts: ExportCounts = {
      ...c,
      conversations,
      conversationsPerReporter: c.reporters === 0 ? 0 : Math.round((conversations / c.reporters) * 100) / 100,
      caseShapes: [...shapes.values()].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)),
      byReferralTarget,
      mediation: { ...mediation, byOutcome: mediationOutcomes },
      signals: { total: signalTotal, byTheme: signalThemes },
      activities,
      boardAdvices,
      byUnit: includeUnits ? Object.fromEntries([...units].sort(([a], [b]) => a.localeCompare(b))) : null,
    };
    return {
      counts,
      refused: uncounted.filter((row) => row.consent === 'refused').length,
      notAskedYet: uncounted.filter((row) => row.consent === 'not_asked').map(({ id, label, firstContactAt }) => ({ id, label, firstContactAt })),
    };
  } finally {
    db.exec('DROP TABLE IF EXISTS temp.export_cases');
  }
}
