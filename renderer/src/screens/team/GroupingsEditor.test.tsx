import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANARY } from '../../../../test/fixtures/canaries';
import { installInProcessVault } from '../../../../test/support/inProcessVault';
import { invoke } from '../../api/client';
import { i18n } from '../../i18n/i18n';
import { resetAllStores } from '../../stores/resettable';
import { GroupingsEditor } from './GroupingsEditor';

let vault: ReturnType<typeof installInProcessVault>;
beforeEach(async () => {
  vault = installInProcessVault();
  resetAllStores();
  await i18n.changeLanguage('nl');
  await invoke('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
});
afterEach(() => vault.remove());

const stored = () => vault.core.vault.database().prepare("SELECT value FROM meta WHERE key = 'report_groupings'").pluck().get() as string | undefined;

describe('the groupings editor', { timeout: 20_000 }, () => {
  it('starts from the reference report’s groups, refuses a code in two groups, and saves a valid change in the vault', async () => {
    const user = userEvent.setup();
    render(
      <I18nextProvider i18n={i18n}>
        <GroupingsEditor onSaved={async () => undefined} />
      </I18nextProvider>,
    );
    await screen.findByText(/Direct leidinggevende of \(co\)promotor · Pesten en re-integratie/);
    await user.click(screen.getByText('Groepen bewerken'));
    await user.click(screen.getByRole('button', { name: 'Groep toevoegen' }));
    const added = screen.getAllByLabelText('Naam van de groep').at(-1)!;
    await user.type(added, 'Pesten en bedreiging');
    const codes = screen.getAllByRole('group', { name: 'Onderdelen van de groep' }).at(-1)!;
    await user.click(within(codes).getByRole('checkbox', { name: 'Pesten' }));
    await user.click(within(codes).getByRole('checkbox', { name: 'Bedreiging (ook van buiten)' }));
    await user.click(screen.getByRole('button', { name: 'Groepen opslaan' }));
    expect(await screen.findByText('Niet opgeslagen: verbeter de gemarkeerde groepen.')).toBeInTheDocument();
    expect(screen.getAllByText('Een onderdeel kan maar in één groep van dezelfde lijst staan.').length).toBeGreaterThan(0);
    expect(stored()).toBeUndefined();

    // Bullying already belongs to "Pesten en re-integratie": without it the new group is valid.
    await user.click(within(codes).getByRole('checkbox', { name: 'Pesten' }));
    await user.click(within(codes).getByRole('checkbox', { name: 'Agressie en geweld' }));
    await user.click(screen.getByRole('button', { name: 'Groepen opslaan' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Groepen opgeslagen.');
    expect(JSON.parse(stored()!).at(-1)).toEqual({ list: 'nature', name: 'Pesten en bedreiging', codes: ['threats', 'aggression_violence'] });
  });
});
