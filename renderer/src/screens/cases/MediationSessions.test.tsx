import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANARY } from '../../../../test/fixtures/canaries';
import { caseInput } from '../../../../test/fixtures/records';
import { installInProcessVault } from '../../../../test/support/inProcessVault';
import { i18n } from '../../i18n/i18n';
import { useCaseStore } from '../../stores/caseStore';
import { resetAllStores } from '../../stores/resettable';
import { ConversationTimeline } from './ConversationTimeline';
import { MediationPanel } from './MediationPanel';

let vault: ReturnType<typeof installInProcessVault>;
let caseId: number;
beforeEach(async () => {
  vault = installInProcessVault();
  resetAllStores();
  await i18n.changeLanguage('nl');
  await vault.core.router.handle('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
  const created = await vault.core.router.handle('cases.create', caseInput({ handlings: ['mediation'] }));
  if (!created.ok) throw new Error(created.error.code);
  caseId = (created.value as { id: number }).id;
  await useCaseStore.getState().load(caseId);
});
afterEach(() => vault.remove());

const entries = () => vault.core.vault.database().prepare('SELECT kind, duration_minutes, mode, participants, notes FROM conversations ORDER BY id').all();

/** The case page's conversations and mediation, from the case on screen. */
function CaseParts() {
  const record = useCaseStore((state) => state.record);
  if (!record) return null;
  return (
    <>
      <ConversationTimeline record={record} />
      <MediationPanel record={record} />
    </>
  );
}

describe('a mediation session, written where conversations are', () => {
  it('is offered once the case has a mediation, saved as an entry of the case, marked in the timeline and counted in the mediation', async () => {
    const user = userEvent.setup();
    render(
      <I18nextProvider i18n={i18n}>
        <CaseParts />
      </I18nextProvider>,
    );
    const composer = screen.getByRole('form', { name: 'Gesprek toevoegen' });
    expect(within(composer).queryByRole('group', { name: 'Soort' })).toBeNull();
    const mediation = screen.getByRole('form', { name: 'Bemiddeling' });
    expect(within(mediation).getByText(/Sla de bemiddeling eerst op/)).toBeInTheDocument();
    expect(within(mediation).queryByRole('button', { name: 'Gesprek toevoegen' })).toBeNull();

    await user.click(within(mediation).getByRole('button', { name: 'Bemiddeling opslaan' }));
    await within(mediation).findByText(/Nog geen bemiddelingssessie vastgelegd/);

    const kind = within(composer).getByRole('group', { name: 'Soort' });
    expect(within(kind).getByRole('radio', { name: 'Gesprek' })).toBeChecked();
    await user.click(within(kind).getByRole('radio', { name: 'Bemiddelingssessie' }));
    await user.type(within(composer).getByLabelText('Aanwezig'), 'beide partijen');
    await user.clear(within(composer).getByLabelText('Duur (minuten)'));
    await user.selectOptions(within(composer).getByLabelText('Vorm'), 'Niet vastgelegd');
    await user.type(within(composer).getByLabelText('Notities'), 'Eerste sessie, afspraken verkend.');
    await user.click(within(composer).getByRole('button', { name: 'Gesprek opslaan' }));

    await waitFor(() => expect(entries()).toEqual([{ kind: 'mediation_session', duration_minutes: null, mode: null, participants: 'beide partijen', notes: 'Eerste sessie, afspraken verkend.' }]));
    const item = (await screen.findByText('Eerste sessie, afspraken verkend.')).closest('li')!;
    expect(within(item).getByText('Bemiddelingssessie')).toBeInTheDocument();
    expect(within(mediation).getByText('1 bemiddelingssessie vastgelegd, bij de gesprekken van deze zaak.')).toBeInTheDocument();
    // Counted as a session, not as a conversation, above the timeline too.
    expect(screen.getByRole('heading', { level: 2, name: '0 gesprekken, 1 bemiddelingssessie' })).toBeInTheDocument();
    // The writing area starts afresh as a conversation.
    expect(within(kind).getByRole('radio', { name: 'Gesprek' })).toBeChecked();

    // Edited, it stays a session.
    await user.click(within(item).getByRole('button', { name: 'Bewerken' }));
    const edit = screen.getByRole('form', { name: 'Gesprek bewerken' });
    expect(within(edit).getByRole('radio', { name: 'Bemiddelingssessie' })).toBeChecked();
    await user.type(within(edit).getByLabelText('Notities'), ' Vervolg gepland.');
    await user.click(within(edit).getByRole('button', { name: 'Gesprek opslaan' }));
    await waitFor(() => expect(entries()).toMatchObject([{ kind: 'mediation_session', mode: null, notes: 'Eerste sessie, afspraken verkend. Vervolg gepland.' }]));

    // A conversation still needs its mode.
    await user.click(within(kind).getByRole('radio', { name: 'Bemiddelingssessie' }));
    await user.selectOptions(within(composer).getByLabelText('Vorm'), 'Niet vastgelegd');
    await user.click(within(kind).getByRole('radio', { name: 'Gesprek' }));
    await user.type(within(composer).getByLabelText('Notities'), 'Telefoontje');
    await user.click(within(composer).getByRole('button', { name: 'Gesprek opslaan' }));
    expect(await within(composer).findByText('Vul dit veld in.')).toBeInTheDocument();
    expect(within(composer).getByLabelText('Vorm')).toHaveAttribute('aria-invalid', 'true');
    expect(entries()).toHaveLength(1);
  });
});
