import { statisticsConsentOf, type CaseInput, type CaseRecord, type Consent, type Referral, type Reporter } from '../../../shared/contract';
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
  intake_route: CaseInput['intakeRoute'];
  referred_in_by: CaseInput['referredInBy'];
  reporter_identified: number;
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
  number_year: number;
  number_seq: number;
  created_at: string;
  updated_at: string;
}

const toFlag = (value: boolean | null) => (value === null ? null : value ? 1 : 0);
const fromFlag = (value: number | null) => (value === null ? null : value === 1);

function caseColumns(input: CaseInput) {
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
    // A save passes today's rules, so whatever an older schema left incomplete is settled.
    needs_attention: 0,
  };
}

/** Child lists are replaced whole, inside the same transaction as the case row. */
function writeChildren(db: Db, caseId: number, input: CaseInput): void {
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
function refuseImpossible(db: Db, input: CaseInput, clock: Clock): void {
  if (futureCaseFields(input, clock()).length > 0) throw new AppError('INVALID_INPUT');
  const own = ownReferralCode(getProfile(db).function);
  if (own !== null && input.referredInBy === own) throw new AppError('INVALID_INPUT');
}

export function createCase(db: Db, input: CaseInput, clock: Clock): { id: number } {
  refuseImpossible(db, input, clock);
  const stamp = clock().toISOString();
  return db.transaction(() => {
    const columns = caseColumns(input);
    const names = Object.keys(columns);
    const number = issueCaseNumber(db, clock);
    const result = db
      .prepare(
        `INSERT INTO cases (${names.join(', ')}, number_year, number_seq, created_at, updated_at)
         VALUES (${names.map((n) => `@${n}`).join(', ')}, @numberYear, @numberSeq, @stamp, @stamp)`,
      )
      .run({ ...columns, numberYear: number.year, numberSeq: number.sequence, stamp });
    const id = Number(result.lastInsertRowid);
    writeChildren(db, id, input);
    return { id };
  })();
}

export function updateCase(db: Db, id: number, input: CaseInput, clock: Clock): { id: number } {
  refuseImpossible(db, input, clock);
  return db.transaction(() => {
    assertCaseExists(db, id);
    const columns = caseColumns(input);
    const assignments = Object.keys(columns).map((name) => `${name} = @${name}`);
    db.prepare(`UPDATE cases SET ${assignments.join(', ')}, updated_at = @stamp WHERE id = @id`).run({
      ...columns,
      stamp: clock().toISOString(),
      id,
    });
    writeChildren(db, id, input);
    return { id };
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
      staff_category: Reporter['staffCategory'];
      employment_status: Reporter['employmentStatus'];
      age_band: Reporter['ageBand'];
      gender: Reporter['gender'];
      unit: string;
      role: Reporter['role'];
      earlier_period: Reporter['earlierPeriod'];
      international: number | null;
    }[]
  ).map(
    (r): Reporter => ({
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
    reporterIdentified: row.reporter_identified === 1,
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
  };
}
