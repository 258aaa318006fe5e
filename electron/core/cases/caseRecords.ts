import { statisticsConsentOf, type CaseInput, type CaseRecord, type Consent, type IncompleteCaseInput, type OpenReporter, type Referral, type StatisticsCompletion } from '../../../shared/contract';
import { futureCaseFields } from '../../../shared/futureDates';
import { ownReferralCode } from '../../../shared/taxonomy';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { Db } from '../vault/database';
import { getProfile } from '../vault/profile';
import { assertCaseExists } from './caseExists';
import { formatCaseNumber, issueCaseNumber } from './caseNumbers';
import { listConversations } from './conversations';
import { getMediation } from './mediation';

interface CaseRow {
  id: number;
  label: string;
  first_contact_at: string;
  first_response_at: string | null;
  intake_route: CaseRecord['intakeRoute'];
  referred_in_by: CaseInput['referredInBy'];
  reporter_identified: number | null;
  other_party_relation: CaseInput['otherParty']['relation'];
  other_party_hierarchical: number | null;
  other_party_description: string;
  recency: CaseInput['recency'];
  frequency: CaseInput['frequency'];
  people_affected: number | null;
  people_behaving_badly: number | null;
  status: CaseInput['status'];
  closed_on: string | null;
  outcome: CaseInput['outcome'];
  destroy_by: string | null;
  needs_attention: number;
  statistics_completion: StatisticsCompletion;
  number_year: number;
  number_seq: number;
  created_at: string;
  updated_at: string;
}

const toFlag = (value: boolean | null) => (value === null ? null : value ? 1 : 0);
const fromFlag = (value: number | null) => (value === null ? null : value === 1);

/** Either save: complete (every answer, every rule) or incomplete (open answers stay NULL). */
type CaseSave = { complete: true; input: CaseInput } | { complete: false; input: IncompleteCaseInput };

function caseColumns({ input }: CaseSave) {
  return {
    label: input.label,
    first_contact_at: input.firstContactAt,
    first_response_at: input.firstResponseAt,
    intake_route: input.intakeRoute,
    referred_in_by: input.referredInBy,
    reporter_identified: toFlag(input.reporterIdentified),
    other_party_relation: input.otherParty.relation,
    other_party_hierarchical: toFlag(input.otherParty.hierarchical),
    other_party_description: input.otherParty.description,
    recency: input.recency,
    frequency: input.frequency,
    people_affected: input.peopleAffected,
    people_behaving_badly: input.peopleBehavingBadly,
    status: input.status,
    closed_on: input.closedOn,
    outcome: input.outcome,
    destroy_by: input.destroyBy,
    statistics_consent: statisticsConsentOf(input.consents),
  };
}

/**
 * A complete save passes today's rules, so whatever an older schema or an incomplete save left
 * open is settled. An incomplete save asks for the statistics to be completed, unless the adviser
 * already left the case out of them on purpose.
 */
function completionSql(save: CaseSave, current: 'new' | 'stored') {
  if (save.complete) return { completion: "'complete'", attention: '0' };
  if (current === 'new') return { completion: "'incomplete'", attention: '1' };
  const completion = "CASE statistics_completion WHEN 'left_out' THEN 'left_out' ELSE 'incomplete' END";
  return { completion, attention: `(${completion}) = 'incomplete'` };
}

/** Child lists are replaced whole, inside the same transaction as the case row. */
function writeChildren(db: Db, caseId: number, input: CaseInput | IncompleteCaseInput): void {
  for (const table of ['case_reporters', 'case_natures', 'case_handlings', 'case_referrals', 'case_consents']) {
    db.prepare(`DELETE FROM ${table} WHERE case_id = ?`).run(caseId);
  }
  const reporter = db.prepare(
    `INSERT INTO case_reporters (case_id, position, name, staff_category, employment_status, age_band, gender, unit, role, earlier_period, international)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  input.reporters.forEach((r, position) =>
    reporter.run(caseId, position, r.name, r.staffCategory, r.employmentStatus, r.ageBand, r.gender, r.unit, r.role, r.earlierPeriod, toFlag(r.international)),
  );
  const nature = db.prepare('INSERT INTO case_natures (case_id, nature) VALUES (?, ?)');
  for (const value of input.natures) nature.run(caseId, value);
  const handling = db.prepare('INSERT INTO case_handlings (case_id, handling) VALUES (?, ?)');
  for (const value of input.handlings) handling.run(caseId, value);
  const referral = db.prepare('INSERT INTO case_referrals (case_id, target, referred_on) VALUES (?, ?, ?)');
  for (const r of input.referrals) referral.run(caseId, r.target, r.referredOn);
  const consent = db.prepare('INSERT INTO case_consents (case_id, scope, answer, with_whom, given_on, withdrawn_on) VALUES (?, ?, ?, ?, ?, ?)');
  for (const c of input.consents) consent.run(caseId, c.scope, c.answer, c.withWhom, c.givenOn, c.withdrawnOn);
}

/** Dates ahead of the clock, or a single-holder function named as the source of its own report. */
function refuseImpossible(db: Db, input: CaseInput | IncompleteCaseInput, clock: Clock): void {
  if (futureCaseFields(input, clock()).length > 0) throw new AppError('INVALID_INPUT');
  const own = ownReferralCode(getProfile(db).function);
  if (own !== null && input.referredInBy === own) throw new AppError('INVALID_INPUT');
}

function insertCase(db: Db, save: CaseSave, clock: Clock): { id: number } {
  refuseImpossible(db, save.input, clock);
  const stamp = clock().toISOString();
  return db.transaction(() => {
    const columns = caseColumns(save);
    const names = Object.keys(columns);
    const { completion, attention } = completionSql(save, 'new');
    const number = issueCaseNumber(db, clock);
    const result = db
      .prepare(
        `INSERT INTO cases (${names.join(', ')}, statistics_completion, needs_attention, number_year, number_seq, created_at, updated_at)
         VALUES (${names.map((n) => `@${n}`).join(', ')}, ${completion}, ${attention}, @numberYear, @numberSeq, @stamp, @stamp)`,
      )
      .run({ ...columns, numberYear: number.year, numberSeq: number.sequence, stamp });
    const id = Number(result.lastInsertRowid);
    writeChildren(db, id, save.input);
    return { id };
  })();
}

function rewriteCase(db: Db, id: number, save: CaseSave, clock: Clock): { id: number } {
  refuseImpossible(db, save.input, clock);
  return db.transaction(() => {
    assertCaseExists(db, id);
    const columns = caseColumns(save);
    const assignments = Object.keys(columns).map((name) => `${name} = @${name}`);
    const { completion, attention } = completionSql(save, 'stored');
    // SQLite reads every right-hand side from the row as it was, so both see the stored completion.
    db.prepare(`UPDATE cases SET ${assignments.join(', ')}, statistics_completion = ${completion}, needs_attention = ${attention}, updated_at = @stamp WHERE id = @id`).run({
      ...columns,
      stamp: clock().toISOString(),
      id,
    });
    writeChildren(db, id, save.input);
    return { id };
  })();
}

export const createCase = (db: Db, input: CaseInput, clock: Clock) => insertCase(db, { complete: true, input }, clock);
export const createIncompleteCase = (db: Db, input: IncompleteCaseInput, clock: Clock) => insertCase(db, { complete: false, input }, clock);
export const updateCase = (db: Db, id: number, input: CaseInput, clock: Clock) => rewriteCase(db, id, { complete: true, input }, clock);
export const updateIncompleteCase = (db: Db, id: number, input: IncompleteCaseInput, clock: Clock) => rewriteCase(db, id, { complete: false, input }, clock);

/**
 * An incomplete case left out of the statistics on purpose is no longer listed at the export nor
 * flagged; taken back, it is incomplete again. A complete case is counted by its consent instead.
 */
export function leaveOutOfStatistics(db: Db, id: number, leaveOut: boolean): void {
  db.transaction(() => {
    const current = db.prepare('SELECT statistics_completion FROM cases WHERE id = ?').pluck().get(id) as StatisticsCompletion | undefined;
    if (current === undefined) throw new AppError('NOT_FOUND');
    if (current === 'complete') throw new AppError('INVALID_INPUT');
    db.prepare('UPDATE cases SET statistics_completion = ?, needs_attention = ? WHERE id = ?').run(leaveOut ? 'left_out' : 'incomplete', leaveOut ? 0 : 1, id);
  })();
}

export function deleteCase(db: Db, id: number): void {
  const result = db.prepare('DELETE FROM cases WHERE id = ?').run(id);
  if (result.changes === 0) throw new AppError('NOT_FOUND');
}

export function getCase(db: Db, id: number): CaseRecord {
  const row = db.prepare('SELECT * FROM cases WHERE id = ?').get(id) as CaseRow | undefined;
  if (!row) throw new AppError('NOT_FOUND');
  const reporters = (
    db.prepare('SELECT * FROM case_reporters WHERE case_id = ? ORDER BY position').all(id) as {
      name: string;
      staff_category: OpenReporter['staffCategory'];
      employment_status: OpenReporter['employmentStatus'];
      age_band: OpenReporter['ageBand'];
      gender: OpenReporter['gender'];
      unit: string;
      role: OpenReporter['role'];
      earlier_period: OpenReporter['earlierPeriod'];
      international: number | null;
    }[]
  ).map(
    (r): OpenReporter => ({
      name: r.name,
      staffCategory: r.staff_category,
      employmentStatus: r.employment_status,
      ageBand: r.age_band,
      gender: r.gender,
      unit: r.unit,
      role: r.role,
      earlierPeriod: r.earlier_period,
      international: fromFlag(r.international),
    }),
  );
  const codes = (sql: string) => (db.prepare(sql).pluck().all(id) as string[]);
  const referrals = (
    db.prepare('SELECT target, referred_on FROM case_referrals WHERE case_id = ? ORDER BY referred_on, id').all(id) as {
      target: Referral['target'];
      referred_on: string;
    }[]
  ).map((r): Referral => ({ target: r.target, referredOn: r.referred_on }));
  const consents = (
    db.prepare('SELECT scope, answer, with_whom, given_on, withdrawn_on FROM case_consents WHERE case_id = ? ORDER BY given_on, id').all(id) as {
      scope: Consent['scope'];
      answer: Consent['answer'];
      with_whom: string;
      given_on: string;
      withdrawn_on: string | null;
    }[]
  ).map((c): Consent => ({ scope: c.scope, answer: c.answer, withWhom: c.with_whom, givenOn: c.given_on, withdrawnOn: c.withdrawn_on }));

  return {
    id: row.id,
    number: formatCaseNumber(row.number_year, row.number_seq),
    label: row.label,
    firstContactAt: row.first_contact_at,
    firstResponseAt: row.first_response_at,
    intakeRoute: row.intake_route,
    referredInBy: row.referred_in_by,
    reporterIdentified: fromFlag(row.reporter_identified),
    reporters,
    natures: codes('SELECT nature FROM case_natures WHERE case_id = ? ORDER BY nature') as CaseRecord['natures'],
    otherParty: {
      relation: row.other_party_relation,
      hierarchical: fromFlag(row.other_party_hierarchical),
      description: row.other_party_description,
    },
    recency: row.recency,
    frequency: row.frequency,
    peopleAffected: row.people_affected,
    peopleBehavingBadly: row.people_behaving_badly,
    handlings: codes('SELECT handling FROM case_handlings WHERE case_id = ? ORDER BY handling') as CaseRecord['handlings'],
    referrals,
    consents,
    status: row.status,
    closedOn: row.closed_on,
    outcome: row.outcome,
    destroyBy: row.destroy_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    conversations: listConversations(db, id),
    mediation: getMediation(db, id),
    needsAttention: row.needs_attention === 1,
    statisticsCompletion: row.statistics_completion,
  };
}
