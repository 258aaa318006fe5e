import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../../shared/contract';
import { caseInput, conversationInput, mediationInput, mediationSessionInput, reporter } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { openVaultPerTest } from '../../../test/support/openVaultPerTest';

const now = new Date(2026, 10, 23, 12, 0);
const openCore = openVaultPerTest('ombudsperson', now);

const { ok } = callCore(openCore);

/** The ids of the cases the case list finds for what the adviser types in its search box. */
async function found(search: string): Promise<number[]> {
  const { rows } = await ok<{ rows: { id: number }[] }>('cases.list', {
    filter: { status: null, year: null, nature: null, intakeRoute: null, openWithoutResponse: false, search },
    sort: 'number_asc',
    offset: 0,
    limit: 100,
  });
  return rows.map((row) => row.id);
}

describe('search finds every word the adviser typed about a case', () => {
  it('in a note, a reporter’s name and unit, the other party, a session, a mediation party and an agreement, and no longer once it is edited or removed', async () => {
    const record = (overrides: Partial<CaseInput> = {}) =>
      caseInput({
        handlings: ['mediation'],
        reporters: [reporter({ name: 'Sanne de Boer', unit: 'Faculteit Geesteswetenschappen' })],
        otherParty: { relation: 'direct_supervisor', hierarchical: true, description: 'Dekker, afdelingshoofd' },
        ...overrides,
      });
    const { id } = await ok<{ id: number }>('cases.create', record());
    const other = await ok<{ id: number }>('cases.create', caseInput({ label: 'Andere zaak' }));
    const note = await ok<{ id: number }>('conversations.add', { caseId: id, conversation: conversationInput({ notes: 'Mevrouw Jansen belde over het rooster.' }) });
    await ok('mediation.save', {
      caseId: id,
      mediation: mediationInput({
        parties: [{ role: 'other_party', description: 'teamleider Visser' }],
        agreements: [{ agreedOn: '2026-03-19', text: 'Tweewekelijks overleg over de taakverdeling.' }],
      }),
    });
    const session = await ok<{ id: number }>('conversations.add', { caseId: id, conversation: mediationSessionInput({ participants: 'Bemiddelaar Hoekstra', notes: 'Sessie over de werkdruk.' }) });

    for (const words of ['Jansen', 'Sanne de Boer', 'Dekker', 'Geesteswetenschappen', 'Visser', 'Tweewekelijks', 'Hoekstra', 'werkdruk']) expect(await found(words), words).toEqual([id]);
    expect(await found('Andere')).toEqual([other.id]);

    await ok('conversations.update', { id: note.id, conversation: conversationInput({ notes: 'Gesprek over het rooster.' }) });
    await ok('cases.update', {
      id,
      record: record({
        reporters: [reporter({ name: 'Anoniem', unit: 'Universiteitsbibliotheek' })],
        otherParty: { relation: 'direct_supervisor', hierarchical: true, description: 'leidinggevende' },
      }),
    });
    await ok('mediation.save', { caseId: id, mediation: mediationInput({ parties: [], agreements: [] }) });
    await ok('conversations.delete', { id: session.id });
    for (const words of ['Jansen', 'Sanne de Boer', 'Dekker', 'Geesteswetenschappen', 'Visser', 'Tweewekelijks', 'Hoekstra', 'werkdruk']) expect(await found(words), words).toEqual([]);
    for (const words of ['rooster', 'Anoniem', 'Universiteitsbibliotheek', 'leidinggevende']) expect(await found(words), words).toEqual([id]);

    await ok('cases.delete', { id });
    expect(await found('rooster')).toEqual([]);
    expect(await found('Andere')).toEqual([other.id]);
  });
});
