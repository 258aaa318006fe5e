import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANARY } from '../../../../test/fixtures/canaries';
import { installInProcessVault } from '../../../../test/support/inProcessVault';
import { i18n } from '../../i18n/i18n';
import { ExportScreen } from './ExportScreen';

let vault: ReturnType<typeof installInProcessVault>;
beforeEach(async () => {
  vault = installInProcessVault();
  await i18n.changeLanguage('nl');
  await vault.core.router.handle('vault.create', { passphrase: CANARY.passphrase, function: 'central_confidential_adviser' });
});
afterEach(() => vault.remove());

describe('the export screen', { timeout: 20_000 }, () => {
  it('asks before saving an export that holds nothing, and saves only after a second, explicit choice', async () => {
    const user = userEvent.setup();
    render(
      <I18nextProvider i18n={i18n}>
        <ExportScreen />
      </I18nextProvider>,
    );
    await user.clear(screen.getByLabelText('Jaar'));
    await user.type(screen.getByLabelText('Jaar'), '2025');
    await user.click(screen.getByRole('button', { name: 'Voorbeeld tonen' }));
    await user.click(await screen.findByLabelText('Ik begrijp dat dit bestand niet verzegeld is'));
    await user.click(screen.getByLabelText('Ik heb alle getallen gecontroleerd en geef toestemming om dit bestand op te slaan.'));
    await user.click(screen.getByRole('button', { name: 'Opslaan…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Deze export bevat geen enkele melding of activiteit');
    expect(vault.saved).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Opslaan…' }));
    await screen.findByText(/Opgeslagen als/);
    expect(vault.saved).toHaveLength(1);
  });
});
