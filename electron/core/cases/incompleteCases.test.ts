import { describe, expect, it } from 'vitest';
import type { CaseRecord, ExportPreview, IncompleteCaseInput } from '../../../shared/contract';
import { caseInput, conversationInput, reporter } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { openVaultPerTest } from '../../../test/support/openVaultPerTest';

const now = new Date(2027, 0, 10, 12, 0);
const openCore = openVaultPerTest('central_confidential_adviser', now);

const { ok, codeOf } = callCore(openCore);
const raw = (sql: string, ...params: unknown[]) => openCore().vault.database().prepare(sql).all(...params) as Record<string, unknown>[];
const year2026 = { period: { from: '2026-01-01', to: '2026-12-31' }, includeUnits: false };
const preview = () => ok<ExportPreview>('export.preview', year2026);

/** Every column of a case row that holds a statistics answer or what the export derives from them. */
const STATISTICS_COLUMNS = [
  'first_response_at',
  'intake_route',
  'referred_in_by',
  'reporter_identified',
  'other_party_relation',
  'other_party_hierarchical',
  'recency',
  'frequency',
  'people_affected',
  'people_behaving_badly',
  'closed_on',
  'outcome',
  'destroy_by',
  'nature_set',
  'handling_set',
];
const CHILD_ANSWERS = ['case_reporters', 'case_natures', 'case_handlings', 'case_referrals', 'case_consents'];

/** The case form saved with nothing answered but the label and the first contact. */
function incompleteInput(overrides: Partial<IncompleteCaseInput> = {}): IncompleteCaseInput {
  return {
    ...caseInput(),
    firstResponseAt: null,
    intakeRoute: null,
    reporterIdentified: null,
    reporters: [],
    natures: [],
    otherParty: { relation: null, hierarchical: null, description: '' },
    recency: null,
    frequency: null,
    peopleAffected: null,
    peopleBehavingBadly: null,
    handlings: [],
    consents: [],
    ...overrides,
  };
}

describe('a case with a label and a note only', () => {
  it('stores NULL in every statistics column, flagged as incomplete', async () => {
    const { id } = await ok<{ id: number }>('cases.capture', { label: 'Gesprek Jansen', conversation: conversationInput({ heldAt: '2026-03-03T10:00' }) });
    const [row] = raw('SELECT * FROM cases WHERE id = ?', id);
    for (const column of STATISTICS_COLUMNS) expect(row![column], column).toBeNull();
    expect(row).toMatchObject({ label: 'Gesprek Jansen', first_contact_at: '2026-03-03T10:00', status: 'open', statistics_completion: 'incomplete', needs_attention: 1, statistics_consent: 'not_asked' });
    for (const table of CHILD_ANSWERS) expect(raw(`SELECT * FROM ${table} WHERE case_id = ?`, id), table).toEqual([]);
    expect(raw('SELECT notes FROM conversations WHERE case_id = ?', id)).toEqual([{ notes: conversationInput().notes }]);
    expect(await ok<CaseRecord>('cases.get', { id })).toMatchObject({ intakeRoute: null, reporterIdentified: null, natures: [], needsAttention: true, statisticsCompletion: 'incomplete' });
  });

  it('is counted nowhere by the export and listed until it is left out on purpose', async () => {
    await ok('cases.create', caseInput());
    const before = await preview();
    const { id } = await ok<{ id: number }>('cases.capture', { label: 'Gesprek Jansen', conversation: conversationInput({ heldAt: '2026-03-03T10:00' }) });
    const [{ number }] = raw("SELECT printf('%d-%03d', number_year, number_seq) AS number FROM cases WHERE id = ?", id) as [{ number: string }];

    const listed = await preview();
    expect(listed.file.counts).toEqual(before.file.counts);
    expect(listed.file.counts.reports).toBe(1);
    expect(listed.incomplete).toEqual([{ id, number, label: 'Gesprek Jansen', firstContactAt: '2026-03-03T10:00' }]);
    expect(listed.notAskedYet).toEqual([]);
    expect(listed.excludedRefused).toBe(0);

    await ok('cases.leaveOutOfStatistics', { id, leaveOut: true });
    const leftOut = await preview();
    expect(leftOut.incomplete).toEqual([]);
    expect(leftOut.notAskedYet).toEqual([]);
    expect(leftOut.file.counts).toEqual(before.file.counts);
    expect(raw('SELECT statistics_completion, needs_attention FROM cases WHERE id = ?', id)).toEqual([{ statistics_completion: 'left_out', needs_attention: 0 }]);

    // Saved incomplete again it stays left out; taken back it is listed again.
    await ok('cases.updateIncomplete', { id, record: incompleteInput({ label: 'Gesprek Jansen', firstContactAt: '2026-03-03T10:00' }) });
    expect((await preview()).incomplete).toEqual([]);
    await ok('cases.leaveOutOfStatistics', { id, leaveOut: false });
    expect((await preview()).incomplete.map((entry) => entry.id)).toEqual([id]);
    expect(await ok<CaseRecord>('cases.get', { id })).toMatchObject({ needsAttention: true, statisticsCompletion: 'incomplete' });
  });

  it('is counted once a complete save answers it, and leaving out applies only to an incomplete case', async () => {
    const { id } = await ok<{ id: number }>('cases.capture', { label: 'Gesprek', conversation: conversationInput({ heldAt: '2026-03-03T10:00' }) });
    await ok('cases.update', { id, record: caseInput({ firstContactAt: '2026-03-03T10:00', firstResponseAt: null }) });
    const counted = await preview();
    expect(counted.file.counts.reports).toBe(1);
    expect(counted.incomplete).toEqual([]);
    expect(raw('SELECT statistics_completion, needs_attention FROM cases WHERE id = ?', id)).toEqual([{ statistics_completion: 'complete', needs_attention: 0 }]);
    expect(await codeOf('cases.leaveOutOfStatistics', { id, leaveOut: true })).toBe('INVALID_INPUT');
    expect(await codeOf('cases.leaveOutOfStatistics', { id: id + 100, leaveOut: true })).toBe('NOT_FOUND');
  });
});

describe('the two saves', () => {
  it('still refuses cases.update of a complete case with no nature, as before, and changes nothing', async () => {
    const { id } = await ok<{ id: number }>('cases.create', caseInput());
    const before = await ok<CaseRecord>('cases.get', { id });
    expect(await codeOf('cases.update', { id, record: caseInput({ natures: [], label: 'changed' }) })).toBe('NATURE_REQUIRED');
    expect(await codeOf('cases.update', { id, record: { ...incompleteInput(), natures: ['bullying'] } })).toBe('INVALID_INPUT');
    expect(await codeOf('cases.create', caseInput({ reporterIdentified: true, reporters: [] }))).toBe('INVALID_INPUT');
    expect(await ok<CaseRecord>('cases.get', { id })).toEqual(before);
  });

  it('saves incomplete with NULL for every unanswered answer, a reporter’s included, and keeps the facts', async () => {
    const open = { ...reporter(), staffCategory: null, employmentStatus: null, ageBand: null, role: null, earlierPeriod: null };
    const { id } = await ok<{ id: number }>('cases.createIncomplete', incompleteInput({ reporters: [open], natures: ['bullying'] }));
    expect(raw('SELECT staff_category, employment_status, age_band, role, earlier_period FROM case_reporters WHERE case_id = ?', id)).toEqual([
      { staff_category: null, employment_status: null, age_band: null, role: null, earlier_period: null },
    ]);
    const [row] = raw('SELECT intake_route, reporter_identified, nature_set, statistics_completion, needs_attention FROM cases WHERE id = ?', id);
    expect(row).toEqual({ intake_route: null, reporter_identified: null, nature_set: 'bullying', statistics_completion: 'incomplete', needs_attention: 1 });
    expect((await preview()).incomplete.map((entry) => entry.id)).toEqual([id]);

    // Facts hold in an incomplete save too: dates in order, none in the future.
    expect(await codeOf('cases.createIncomplete', incompleteInput({ referrals: [{ target: 'ombudsperson', referredOn: '2026-03-01' }] }))).toBe('INVALID_INPUT');
    expect(await codeOf('cases.createIncomplete', incompleteInput({ status: 'closed' }))).toBe('INVALID_INPUT');
    expect(await codeOf('cases.createIncomplete', incompleteInput({ firstContactAt: '2027-02-01T10:00' }))).toBe('INVALID_INPUT');
    expect(await codeOf('cases.updateIncomplete', { id: id + 100, record: incompleteInput() })).toBe('NOT_FOUND');
    expect(raw('SELECT count(*) AS n FROM cases')).toEqual([{ n: 1 }]);
  });

  it('an incomplete save of a complete case takes it out of the count until it is completed again', async () => {
    const { id } = await ok<{ id: number }>('cases.create', caseInput());
    await ok('cases.updateIncomplete', { id, record: incompleteInput({ consents: caseInput().consents }) });
    const listed = await preview();
    expect(listed.file.counts.reports).toBe(0);
    expect(listed.incomplete.map((entry) => entry.id)).toEqual([id]);
    expect(raw('SELECT intake_route, reporter_identified FROM cases WHERE id = ?', id)).toEqual([{ intake_route: null, reporter_identified: null }]);
  });
});
