import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANARY } from '../../../../test/fixtures/canaries';
import { caseInput } from '../../../../test/fixtures/records';
import { installInProcessVault } from '../../../../test/support/inProcessVault';
import { invoke } from '../../api/client';
import { i18n } from '../../i18n/i18n';
import { useProfileStore } from '../../stores/profileStore';
import { resetAllStores } from '../../stores/resettable';
import { FunctionForm } from './FunctionForm';

let vault: ReturnType<typeof installInProcessVault>;
beforeEach(async () => {
  vault = installInProcessVault();
  resetAllStores();
  await i18n.changeLanguage('nl');
  await invoke('vault.create', { passphrase: CANARY.passphrase, function: 'central_confidential_adviser', external: false });
  await useProfileStore.getState().load();
});
afterEach(() => vault.remove());

function renderForm() {
  render(
    <I18nextProvider i18n={i18n}>
      <FunctionForm />
    </I18nextProvider>,
  );
}

describe('the function of the vault', () => {
  it('makes a faculty adviser external while the vault has no cases', async () => {
    const user = userEvent.setup();
    renderForm();
    await screen.findByLabelText('Functie');
    expect(screen.queryByLabelText(/Externe facultaire vertrouwenspersoon/)).toBeNull();
    await user.selectOptions(screen.getByLabelText('Functie'), 'faculty_confidential_adviser');
    await screen.findByText('Instellingen opgeslagen.');
    await user.click(await screen.findByLabelText(/Externe facultaire vertrouwenspersoon/));
    await waitFor(async () => expect(await invoke('profile.get', {})).toMatchObject({ external: true }));
    expect(await invoke('profile.get', {})).toMatchObject({ function: 'faculty_confidential_adviser', external: true });
  });

  it('offers no change the core would refuse once the vault has cases: the function is shown with the reason', async () => {
    await invoke('cases.create', caseInput());
    renderForm();
    expect(await screen.findByTestId('fixed-function')).toHaveTextContent('Centrale vertrouwenspersoon');
    expect(screen.getByText(/Deze kluis bevat zaken\. .*daarom kan de functie niet meer veranderen/)).toBeInTheDocument();
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
  });
});
