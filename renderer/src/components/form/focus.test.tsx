import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANARY } from '../../../../test/fixtures/canaries';
import { installInProcessVault } from '../../../../test/support/inProcessVault';
import { LeaveDialog } from '../../drafts/LeaveDialog';
import { i18n } from '../../i18n/i18n';
import { OutreachScreen } from '../../screens/outreach/OutreachScreen';
import { resetAllStores } from '../../stores/resettable';

let vault: ReturnType<typeof installInProcessVault>;
beforeEach(async () => {
  vault = installInProcessVault();
  resetAllStores();
  await i18n.changeLanguage('nl');
  await vault.core.vault.create(CANARY.passphrase);
  await vault.core.router.handle('signals.create', { notedOn: '2026-04-01', unit: 'Faculteit A', theme: 'workload', note: '' });
});
afterEach(() => vault.remove());

function renderScreen() {
  render(
    <I18nextProvider i18n={i18n}>
      <main>
        <h1>Signalen en activiteiten</h1>
        <OutreachScreen />
      </main>
      <LeaveDialog />
    </I18nextProvider>,
  );
}

const signals = () => screen.getByRole('region', { name: 'Signalen' });

describe('Escape and the leave question keep the focus where the adviser is', { timeout: 30_000 }, () => {
  it('closes an edit with Escape and puts the focus on its row, not on the document', async () => {
    const user = userEvent.setup();
    renderScreen();
    const edit = await within(signals()).findByRole('button', { name: 'Bewerken' });
    await user.click(edit);
    await user.click(within(screen.getByRole('form', { name: 'Wijzigingen opslaan' })).getByLabelText('Eenheid'));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form', { name: 'Wijzigingen opslaan' })).toBeNull();
    await waitFor(() => expect(document.activeElement).not.toBe(document.body));
    expect(document.activeElement).toBe(within(signals()).getByRole('button', { name: 'Bewerken' }));
  });

  it('asks before dropping typed text; Escape stays and gives the focus back to the field; "Niet opslaan" closes the edit with the focus near it', async () => {
    const user = userEvent.setup();
    renderScreen();
    await user.click(await within(signals()).findByRole('button', { name: 'Bewerken' }));
    const unit = within(screen.getByRole('form', { name: 'Wijzigingen opslaan' })).getByLabelText('Eenheid');
    await user.type(unit, ' B');
    await user.keyboard('{Escape}');
    const question = screen.getByRole('alertdialog', { name: 'Niet-opgeslagen wijzigingen' });
    expect(question.tagName).toBe('DIALOG');
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Opslaan' }));

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(unit);
    expect(unit).toHaveValue('Faculteit A B');

    await user.keyboard('{Escape}');
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Niet opslaan' }));
    expect(screen.queryByRole('form', { name: 'Wijzigingen opslaan' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(within(signals()).getByRole('button', { name: 'Bewerken' })));
    expect(vault.core.vault.database().prepare('SELECT unit FROM signals').pluck().all()).toEqual(['Faculteit A']);
  });
});
