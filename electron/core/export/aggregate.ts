import type { ExportCounts, ExportPeriod } from '../../../shared/schemas/export';
import { GENDER_KEYS, MEDIATION_OUTCOME_KEYS, OTHER_PARTY_KEYS, OUTCOME_KEYS, REFERRAL_SOURCE_KEYS, STAFF_KEYS } from '../../../shared/schemas/export';
import { isResponseLate } from '../../../shared/responseTime';
import {
  ACTIVITY_TYPES,
  AGE_BANDS,
  HANDLING_TYPES,
  INTAKE_ROUTES,
  IOA_CATEGORIES,
  NATURES,
  REFERRAL_TARGETS,
  REPORTER_ROLES,
  ioaCategoryOf,
  type Nature,
  type OtherPartyRelation,
} from '../../../shared/taxonomy';
import type { Db } from '../vault/database';

const NOT_RECORDED = 'not_recorded';

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

/** Adds grouped counts from SQL into a table that already lists every code with zero. */
function fill<K extends string>(keys: readonly K[], rows: { key: string | null; n: number }[]): Record<K, number> {
  const table = zeros(keys);
  for (const { key, n } of rows) {
    const code = (key ?? NOT_RECORDED) as K;
    if (code in table) table[code] += n;
  }
  return table;
}

/** The first day after the period, so `< end` includes the whole last day at any time. */
function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/**
 * Counts for one period from the cases whose reporters consented to be counted. Everything is
 * aggregated inside SQLite; no case row, name, text or date leaves this function.
 */
export function aggregate(db: Db, period: ExportPeriod, includeUnits: boolean, now: Date): { counts: ExportCounts; excluded: number } {
  const range = { from: period.from, end: dayAfter(period.to) };
  db.exec('DROP TABLE IF EXISTS temp.export_cases');
  db.prepare(
    `CREATE TEMP TABLE export_cases AS
       SELECT c.id FROM cases c
       WHERE c.first_contact_at >= @from AND c.first_contact_at < @end
         AND EXISTS (SELECT 1 FROM case_consents k WHERE k.case_id = c.id AND k.scope = 'count_in_statistics' AND k.withdrawn_on IS NULL)`,
  ).run(range);
  try {
    const inPeriod = db.prepare('SELECT count(*) FROM cases WHERE first_contact_at >= @from AND first_contact_at < @end').pluck().get(range) as number;
    const one = <T>(sql: string) => db.prepare(sql).get() as T;
    const grouped = (sql: string) => db.prepare(sql).all() as { key: string | null; n: number }[];
    const scope = 'JOIN export_cases e ON e.id = c.id';

    const reports = one<{ n: number }>('SELECT count(*) AS n FROM export_cases').n;
    const reporterRows = one<{ n: number }>(`SELECT count(*) AS n FROM case_reporters r JOIN export_cases e ON e.id = r.case_id`).n;
    const unidentified = one<{ n: number }>(`SELECT count(*) AS n FROM export_cases e WHERE NOT EXISTS (SELECT 1 FROM case_reporters r WHERE r.case_id = e.id)`).n;
    const reporters = reporterRows + unidentified;
    const conversations = one<{ n: number }>(`SELECT count(*) AS n FROM conversations v JOIN export_cases e ON e.id = v.case_id`).n;
    const jointReports = one<{ n: number }>(
      `SELECT count(*) AS n FROM (SELECT r.case_id FROM case_reporters r JOIN export_cases e ON e.id = r.case_id GROUP BY r.case_id HAVING count(*) > 1)`,
    ).n;

    const timing = db
      .prepare(`SELECT c.first_contact_at AS contact, c.first_response_at AS response, c.status FROM cases c ${scope}`)
      .all() as { contact: string; response: string | null; status: 'open' | 'closed' }[];
    const firstResponse = { within24h: 0, later: 0, missing: 0 };
    for (const row of timing) {
      if (row.response === null) firstResponse.missing++;
      else if (isResponseLate(row.contact, row.response, row.status, now)) firstResponse.later++;
      else firstResponse.within24h++;
    }

    const reporterTable = (column: string) =>
      grouped(`SELECT r.${column} AS key, count(*) AS n FROM case_reporters r JOIN export_cases e ON e.id = r.case_id GROUP BY 1`);
    const byStaffCategory = fill(STAFF_KEYS, reporterTable('staff_category'));
    byStaffCategory[NOT_RECORDED] += unidentified;
    const byAgeBand = fill(AGE_BANDS, reporterTable('age_band'));
    byAgeBand.unknown += unidentified;
    const byGender = fill(GENDER_KEYS, reporterTable('gender'));
    byGender[NOT_RECORDED] += unidentified;

    const natureParty = db
      .prepare(`SELECT n.nature, c.other_party_relation AS relation, count(*) AS n FROM case_natures n JOIN cases c ON c.id = n.case_id ${scope} GROUP BY 1, 2`)
      .all() as { nature: Nature; relation: OtherPartyRelation | null; n: number }[];
    const natureByOtherParty = Object.fromEntries(NATURES.map((nature) => [nature, zeros(OTHER_PARTY_KEYS)])) as ExportCounts['natureByOtherParty'];
    const byIoaCategory = zeros(IOA_CATEGORIES);
    for (const row of natureParty) {
      natureByOtherParty[row.nature][row.relation ?? NOT_RECORDED] += row.n;
      byIoaCategory[ioaCategoryOf(row.nature, row.relation)] += row.n;
    }

    const hierarchy = grouped(`SELECT CAST(c.other_party_hierarchical AS TEXT) AS key, count(*) AS n FROM cases c ${scope} GROUP BY 1`);
    const hierarchical = { yes: 0, no: 0, not_recorded: 0 };
    for (const { key, n } of hierarchy) hierarchical[key === '1' ? 'yes' : key === '0' ? 'no' : 'not_recorded'] += n;

    const status = { open: 0, closed: 0 };
    for (const { key, n } of grouped(`SELECT c.status AS key, count(*) AS n FROM cases c ${scope} GROUP BY 1`)) status[key as 'open' | 'closed'] += n;

    const mediation = one<{ mediations: number; hearings: number }>(
      `SELECT count(*) AS mediations, count(m.hearing_held_on) AS hearings FROM mediations m JOIN export_cases e ON e.id = m.case_id`,
    );

    const signalThemes = db.prepare('SELECT theme AS key, count(*) AS n FROM signals WHERE noted_on >= @from AND noted_on < @end GROUP BY 1').all(range) as { key: string; n: number }[];
    const activities = Object.fromEntries(ACTIVITY_TYPES.map((type) => [type, { count: 0, attendees: 0 }])) as ExportCounts['activities'];
    for (const row of db
      .prepare('SELECT type, count(*) AS n, sum(attendees) AS attendees FROM activities WHERE held_on >= @from AND held_on < @end GROUP BY 1')
      .all(range) as { type: keyof ExportCounts['activities']; n: number; attendees: number }[]) {
      activities[row.type] = { count: row.n, attendees: row.attendees };
    }

    let byUnit: Record<string, number> | null = null;
    if (includeUnits) {
      byUnit = {};
      for (const { key, n } of grouped(
        `SELECT trim(r.unit) AS key, count(DISTINCT r.case_id) AS n FROM case_reporters r JOIN export_cases e ON e.id = r.case_id WHERE trim(r.unit) != '' GROUP BY 1`,
      )) {
        byUnit[key!] = n;
      }
    }

    const counts: ExportCounts = {
      reports,
      reporters,
      jointReports,
      unidentifiedReporters: unidentified,
      conversations,
      conversationsPerReporter: reporters === 0 ? 0 : Math.round((conversations / reporters) * 100) / 100,
      firstResponse,
      reportedAfterwards: one<{ n: number }>(`SELECT count(*) AS n FROM case_reporters r JOIN export_cases e ON e.id = r.case_id WHERE r.reported_afterwards = 1`).n,
      byStaffCategory,
      byAgeBand,
      byGender,
      byReporterRole: fill(REPORTER_ROLES, reporterTable('role')),
      byIntakeRoute: fill(INTAKE_ROUTES, grouped(`SELECT c.intake_route AS key, count(*) AS n FROM cases c ${scope} GROUP BY 1`)),
      byReferralSource: fill(REFERRAL_SOURCE_KEYS, grouped(`SELECT c.referred_in_by AS key, count(*) AS n FROM cases c ${scope} GROUP BY 1`)),
      byNature: fill(NATURES, grouped(`SELECT n.nature AS key, count(*) AS n FROM case_natures n JOIN export_cases e ON e.id = n.case_id GROUP BY 1`)),
      byOtherParty: fill(OTHER_PARTY_KEYS, grouped(`SELECT c.other_party_relation AS key, count(*) AS n FROM cases c ${scope} GROUP BY 1`)),
      natureByOtherParty,
      hierarchical,
      byHandling: fill(HANDLING_TYPES, grouped(`SELECT h.handling AS key, count(*) AS n FROM case_handlings h JOIN export_cases e ON e.id = h.case_id GROUP BY 1`)),
      byReferralTarget: fill(REFERRAL_TARGETS, grouped(`SELECT f.target AS key, count(*) AS n FROM case_referrals f JOIN export_cases e ON e.id = f.case_id GROUP BY 1`)),
      byIoaCategory,
      status,
      byOutcome: fill(OUTCOME_KEYS, grouped(`SELECT c.outcome AS key, count(*) AS n FROM cases c ${scope} WHERE c.status = 'closed' GROUP BY 1`)),
      mediation: {
        ...mediation,
        sessions: one<{ n: number }>(`SELECT count(*) AS n FROM mediation_sessions s JOIN export_cases e ON e.id = s.case_id`).n,
        agreements: one<{ n: number }>(`SELECT count(*) AS n FROM mediation_agreements a JOIN export_cases e ON e.id = a.case_id`).n,
        byOutcome: fill(MEDIATION_OUTCOME_KEYS, grouped(`SELECT m.outcome AS key, count(*) AS n FROM mediations m JOIN export_cases e ON e.id = m.case_id GROUP BY 1`)),
      },
      signals: { total: signalThemes.reduce((sum, row) => sum + row.n, 0), byTheme: fill(NATURES, signalThemes) },
      activities,
      byUnit,
    };
    return { counts, excluded: inPeriod - reports };
  } finally {
    db.exec('DROP TABLE IF EXISTS temp.export_cases');
  }
}
