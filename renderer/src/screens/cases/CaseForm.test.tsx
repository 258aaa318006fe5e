import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANARY } from '../../../../test/fixtures/canaries';
import { installInProcessVault } from '../../../../test/support/inProcessVault';
import { i18n } from '../../i18n/i18n';
import { useNavigationStore } from '../../stores/navigationStore';
import { resetAllStores } from '../../stores/resettable';
import { NewCaseScreen } from './CaseEditScreens';

let vault: ReturnType<typeof installInProcessVault>;
beforeEach(async () => {
  vault = installInProcessVault();
  resetAllStores();
  await i18n.changeLanguage('nl');
  await vault.core.router.handle('vault.create', { passphrase: CANARY.passphrase, function: 'central_confidential_adviser' });
});
afterEach(() => vault.remove());

const raw = (sql: string) => vault.core.vault.database().prepare(sql).all() as Record<string, unknown>[];

function renderNewCase() {
  render(
    <I18nextProvider i18n={i18n}>
      <NewCaseScreen />
    </I18nextProvider>,
  );
  return userEvent.setup();
}

describe('the case form', { timeout: 30_000 }, () => {
  it('saves a new case with a label and a first contact only as incomplete: NULL in every answer, while the complete save still asks for them', async () => {
    const user = renderNewCase();
    // A fresh form guesses no first contact.
    expect(screen.getByLabelText('Eerste contact (datum en tijd)')).toHaveValue('');
    await user.type(screen.getByLabelText('Kenmerk (alleen voor uzelf)'), 'CANARYLABEL gesprek');
    await user.type(screen.getByLabelText('Eerste contact (datum en tijd)'), '02-03-2026 09:00');

    await user.click(screen.getByRole('button', { name: 'Zaak opslaan' }));
    expect(await screen.findByText('Er is een probleem')).toBeVisible();
    expect(screen.getAllByText('Kies minstens één aard van de melding.').length).toBeGreaterThan(0);
    expect(raw('SELECT id FROM cases')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Opslaan, later aanvullen' }));
    await waitFor(() => expect(raw('SELECT id FROM cases')).toHaveLength(1));
    const [row] = raw('SELECT * FROM cases');
    expect(row).toMatchObject({
      label: 'CANARYLABEL gesprek',
      first_contact_at: '2026-03-02T09:00',
      intake_route: null,
      reporter_identified: null,
      other_party_relation: null,
      recency: null,
      nature_set: null,
      handling_set: null,
      statistics_completion: 'incomplete',
      needs_attention: 1,
    });
    // The untouched reporter row was no reporter: nothing of it is stored.
    expect(raw('SELECT * FROM case_reporters')).toEqual([]);
    expect(useNavigationStore.getState().view).toEqual({ name: 'case', id: row!.id });
  });

  it('asks for the first contact rather than assuming now', async () => {
    const user = renderNewCase();
    await user.type(screen.getByLabelText('Kenmerk (alleen voor uzelf)'), 'Gesprek');
    await user.click(screen.getByRole('button', { name: 'Opslaan, later aanvullen' }));
    expect(await screen.findByText('Er is een probleem')).toBeVisible();
    expect(screen.getByLabelText('Eerste contact (datum en tijd)')).toHaveAccessibleDescription('Vul dit veld in.');
    expect(raw('SELECT id FROM cases')).toEqual([]);
  });

  it('stops asking about the empty reporter row once the reporter is marked not identified', async () => {
    const user = renderNewCase();
    expect(screen.getByLabelText('Personeelscategorie')).toBeVisible();
    await user.click(screen.getByLabelText('De melder is niet geïdentificeerd'));
    expect(screen.queryByLabelText('Personeelscategorie')).toBeNull();
    await user.type(screen.getByLabelText('Kenmerk (alleen voor uzelf)'), 'Anoniem');
    await user.type(screen.getByLabelText('Eerste contact (datum en tijd)'), '02-03-2026 09:00');
    await user.click(screen.getByRole('button', { name: 'Opslaan, later aanvullen' }));
    await waitFor(() => expect(raw('SELECT reporter_identified, reporter_count FROM cases')).toEqual([{ reporter_identified: 0, reporter_count: 0 }]));
  });
});
