import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANARY } from '../../test/fixtures/canaries';
import { installInProcessVault } from '../../test/support/inProcessVault';
import { i18n } from './i18n/i18n';
import { useCaseListStore } from './stores/caseListStore';
import { useCaseStore } from './stores/caseStore';
import { resetAllStores } from './stores/resettable';
import { useSessionStore } from './stores/sessionStore';
import { renderApp } from './test/renderApp';

let vault: ReturnType<typeof installInProcessVault>;
beforeEach(async () => {
  vault = installInProcessVault();
  resetAllStores();
  useSessionStore.setState({ phase: 'starting', recoveryKey: null, corrupt: false });
  await i18n.changeLanguage('nl');
});
afterEach(() => vault.remove());


/** After the key is ticked as stored: on to the check, the two asked groups typed from the key, backups left for later. */
async function typeBackRecoveryKey(user: ReturnType<typeof userEvent.setup>) {
  const groups = (screen.getByTestId('recovery-key').textContent ?? '').split('-');
  await user.click(screen.getByRole('button', { name: 'Verder' }));
  for (const input of screen.getAllByLabelText(/^Groep \d+$/)) {
    const label = document.querySelector(`label[for="${input.id}"]`)?.textContent ?? '';
    await user.type(input, groups[Number(label.replace('Groep ', '')) - 1]!);
  }
  await user.click(screen.getByRole('button', { name: 'Verder naar mijn kluis' }));
  await user.click(await screen.findByRole('button', { name: 'Nu niet, later in Instellingen' }));
}

async function createVault(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByRole('heading', { name: 'Nieuwe kluis aanmaken' });
  await user.selectOptions(screen.getByLabelText('Uw functie'), 'concerns_point_coordinator');
  await user.type(screen.getByLabelText('Wachtwoordzin'), CANARY.passphrase);
  await user.type(screen.getByLabelText('Herhaal de wachtwoordzin'), CANARY.passphrase);
  await user.click(screen.getByRole('button', { name: 'Kluis aanmaken' }));
  // The key derivation is meant to be slow; on a loaded machine it takes longer than a screen query waits by default.
  await screen.findByRole('heading', { name: 'Uw herstelsleutel' }, { timeout: 10_000 });
}

describe('creating a vault', { timeout: 15_000 }, () => {
  it('refuses a weak passphrase in plain Dutch and creates nothing', async () => {
    const user = userEvent.setup();
    renderApp();
    await screen.findByRole('heading', { name: 'Nieuwe kluis aanmaken' });
    await user.selectOptions(screen.getByLabelText('Uw functie'), 'ombudsperson');
    await user.type(screen.getByLabelText('Wachtwoordzin'), 'password1234');
    await user.type(screen.getByLabelText('Herhaal de wachtwoordzin'), 'password1234');
    await user.click(screen.getByRole('button', { name: 'Kluis aanmaken' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('te makkelijk te raden');
    expect(existsSync(join(vault.dataDirectory, 'vault'))).toBe(false);
  });

  it('says when the two passphrases differ', async () => {
    const user = userEvent.setup();
    renderApp();
    await screen.findByRole('heading', { name: 'Nieuwe kluis aanmaken' });
    await user.type(screen.getByLabelText('Wachtwoordzin'), CANARY.passphrase);
    await user.type(screen.getByLabelText('Herhaal de wachtwoordzin'), CANARY.otherPassphrase);
    await user.click(screen.getByRole('button', { name: 'Kluis aanmaken' }));
    expect(await screen.findByText('Vul dit veld in.')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Uw functie'), 'ombudsperson');
    await user.click(screen.getByRole('button', { name: 'Kluis aanmaken' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('niet gelijk');
    expect(vault.core.vault.status().exists).toBe(false);
  });

  it('shows the recovery key once and continues only after the adviser confirms saving it', async () => {
    const user = userEvent.setup();
    renderApp();
    await createVault(user);
    expect(screen.getByTestId('recovery-key').textContent).toMatch(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/);
    const proceed = screen.getByRole('button', { name: 'Verder' });
    expect(proceed).toBeDisabled();
    await user.click(screen.getByLabelText('Ik heb de herstelsleutel veilig opgeslagen'));
    await typeBackRecoveryKey(user);
    await screen.findByRole('heading', { name: 'Zaken' });
    expect(vault.core.vault.database().prepare("SELECT value FROM meta WHERE key = 'function'").pluck().get()).toBe('concerns_point_coordinator');
    expect(useSessionStore.getState().recoveryKey).toBeNull();
  });
});

// Typing into the whole case form key by key under jsdom takes several seconds per test.
describe('the case record', { timeout: 20_000 }, () => {
  async function openNewCase(user: ReturnType<typeof userEvent.setup>) {
    await createVault(user);
    await user.click(screen.getByLabelText('Ik heb de herstelsleutel veilig opgeslagen'));
    await typeBackRecoveryKey(user);
    await screen.findByRole('heading', { name: 'Eerste stappen' });
    await user.click(screen.getByRole('button', { name: 'Nieuwe zaak' }));
    await screen.findByRole('heading', { name: 'Nieuwe zaak' });
    // Nothing is preset, the first contact included: each answer is the adviser's explicit choice.
    expect(screen.getByLabelText('Eerste contact (datum en tijd)')).toHaveValue('');
    expect(screen.getByLabelText('Binnengekomen via')).toHaveValue('');
    await user.selectOptions(screen.getByLabelText('Binnengekomen via'), 'direct');
    await user.selectOptions(screen.getByLabelText('Personeelscategorie'), 'academic_staff');
    await user.selectOptions(screen.getByLabelText('Dienstverband'), 'current');
    await user.selectOptions(screen.getByLabelText('Leeftijd'), 'unknown');
    await user.selectOptions(screen.getByLabelText('Rol van de melder'), 'directly_affected');
    await user.selectOptions(screen.getByLabelText('Gebeurtenissen uit een eerdere periode, nu pas gemeld?'), 'not_earlier');
  }

  /** The field a message stands beside (the error summary repeats it, prefixed with the field's label). */
  function besideField(label: string) {
    const field = screen.getByLabelText(label).closest<HTMLElement>('.field');
    if (!field) throw new Error(`no field around '${label}'`);
    return within(field);
  }

  it('shows inline messages in the chosen language and saves nothing until they are fixed', async () => {
    const user = userEvent.setup();
    renderApp();
    await openNewCase(user);
    const contact = screen.getByLabelText('Eerste contact (datum en tijd)');
    await user.type(contact, '2099-01-01T10:00');
    await user.type(screen.getByLabelText('Eerste reactie (datum en tijd)'), '2020-01-01T10:00');
    await user.click(screen.getByRole('checkbox', { name: 'Doorverwijzing' }));
    await user.click(screen.getByRole('button', { name: 'Zaak opslaan' }));
    expect(await screen.findByText('Niet opgeslagen: verbeter de gemarkeerde velden.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Er is een probleem' })).toBeInTheDocument();
    expect(besideField('Eerste contact (datum en tijd)').getByText('Deze datum ligt in de toekomst.')).toBeInTheDocument();
    expect(besideField('Eerste reactie (datum en tijd)').getByText('De eerste reactie ligt vóór het eerste contact.')).toBeInTheDocument();
    expect(vault.core.vault.database().prepare('SELECT count(*) FROM cases').pluck().get()).toBe(0);

    expect(within(screen.getByRole('group', { name: 'Aard van de melding (meerdere mogelijk)' })).getByText('Kies minstens één aard van de melding.')).toBeInTheDocument();

    await user.clear(contact);
    await user.type(contact, '2026-03-02T11:15');
    await user.clear(screen.getByLabelText('Eerste reactie (datum en tijd)'));
    await user.selectOptions(screen.getByLabelText('Binnengekomen via'), 'referred_by_function');
    await user.click(screen.getByRole('checkbox', { name: 'Werkdruk' }));
    await user.click(screen.getByRole('button', { name: 'Zaak opslaan' }));
    expect(await besideField('Verwezen door').findByText(/Kies bij 'Verwezen door' welke functie/)).toBeInTheDocument();
    expect(vault.core.vault.database().prepare('SELECT count(*) FROM cases').pluck().get()).toBe(0);
    await user.selectOptions(screen.getByLabelText('Verwezen door'), 'ombudsperson');
    await user.click(screen.getByRole('button', { name: 'Zaak opslaan' }));
    await screen.findByRole('heading', { name: /^Zaak \d{4}-001/ });
    expect(screen.getByText('Er is nog geen eerste reactie en de 24 uur zijn voorbij.')).toBeInTheDocument();
    expect(screen.queryByText(/^Aanvullen:/)).toBeNull();
    expect(within(screen.getByRole('region', { name: 'Overzicht' })).getByText('Nog niet gevraagd')).toBeInTheDocument();
    expect(vault.core.vault.database().prepare('SELECT intake_route, referred_in_by FROM cases').all()).toEqual([{ intake_route: 'referred_by_function', referred_in_by: 'ombudsperson' }]);
    expect(vault.core.vault.database().prepare('SELECT handling FROM case_handlings').pluck().all()).toEqual(['referral']);
    expect(vault.core.vault.database().prepare('SELECT count(*) FROM case_consents').pluck().get()).toBe(0);
  });

  it('fills in what a rule decides and writes the one statistics answer the adviser chose', async () => {
    const user = userEvent.setup();
    renderApp();
    await openNewCase(user);
    expect(screen.getByRole('radio', { name: 'Nog niet gevraagd' })).toBeChecked();
    // The concerns point cannot have received a report from itself.
    expect(within(screen.getByLabelText('Binnengekomen via')).queryByRole('option', { name: 'Via het meldpunt (CCP)' })).toBeNull();
    expect(within(screen.getByLabelText('Verwezen door')).queryByRole('option', { name: 'Meldpunt (CCP)' })).toBeNull();
    await user.selectOptions(screen.getByLabelText('Verwezen door'), 'ombudsperson');
    expect(screen.getByLabelText('Binnengekomen via')).toHaveValue('referred_by_function');
    await user.selectOptions(screen.getByLabelText('Binnengekomen via'), 'direct');
    expect(screen.getByLabelText('Verwezen door')).toHaveValue('');

    await user.click(screen.getByRole('checkbox', { name: 'Begeleiding' }));
    await user.click(screen.getByRole('checkbox', { name: 'Alleen advies' }));
    expect(screen.getByRole('checkbox', { name: 'Begeleiding' })).not.toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'Bemiddeling' }));
    expect(screen.getByRole('checkbox', { name: 'Alleen advies' })).not.toBeChecked();

    await user.type(screen.getByLabelText('Eerste contact (datum en tijd)'), '2026-03-02T11:15');
    await user.click(screen.getByRole('checkbox', { name: 'Pesten' }));
    await user.click(screen.getByRole('radio', { name: 'Nee, geweigerd' }));
    await user.click(screen.getByRole('radio', { name: 'Ja, toestemming gegeven' }));
    await user.click(screen.getByRole('button', { name: 'Toestemming toevoegen' }));
    await user.selectOptions(screen.getByLabelText('Antwoord'), 'refused');
    await user.click(screen.getByRole('button', { name: 'Zaak opslaan' }));
    await screen.findByRole('heading', { name: /^Zaak \d{4}-001/ });
    expect(within(screen.getByRole('region', { name: 'Overzicht' })).getByText('Ja, toestemming gegeven')).toBeInTheDocument();
    expect(vault.core.vault.database().prepare('SELECT scope, answer, withdrawn_on FROM case_consents ORDER BY id').all()).toEqual([
      { scope: 'count_in_statistics', answer: 'given', withdrawn_on: null },
      { scope: 'share_case_content', answer: 'refused', withdrawn_on: null },
    ]);
    expect(vault.core.vault.database().prepare('SELECT handling FROM case_handlings').pluck().all()).toEqual(['mediation']);
  });

  it('adds a conversation to the timeline, then clears every store on lock', async () => {
    const user = userEvent.setup();
    renderApp();
    await openNewCase(user);
    await user.type(screen.getByLabelText('Eerste contact (datum en tijd)'), '2026-03-02T11:15');
    await user.click(screen.getByRole('checkbox', { name: 'Werkdruk' }));
    await user.click(screen.getByRole('button', { name: 'Zaak opslaan' }));
    await screen.findByRole('heading', { name: /^Zaak \d{4}-001/ });
    const form = screen.getByRole('form', { name: 'Gesprek toevoegen' });
    await user.type(within(form).getByLabelText('Notities'), CANARY.noteWord);
    await user.click(within(form).getByRole('button', { name: 'Gesprek opslaan' }));
    await screen.findByRole('heading', { name: '1 gesprek' });
    expect(screen.getByText(CANARY.noteWord)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Vergrendelen' }));
    await screen.findByRole('heading', { name: 'Kluis openen' });
    expect(useCaseStore.getState().record).toBeNull();
    expect(useCaseListStore.getState().pages).toEqual({});
    expect(vault.core.vault.status().unlocked).toBe(false);
    expect(document.body.textContent).not.toContain('CANARY');
  });

  it('switches to English and remembers the choice in the settings file', async () => {
    const user = userEvent.setup();
    renderApp();
    await screen.findByRole('heading', { name: 'Nieuwe kluis aanmaken' });
    await user.selectOptions(screen.getByLabelText('Taal'), 'en');
    await screen.findByRole('heading', { name: 'Create a new vault' });
    expect(vault.core.settings.get().language).toBe('en');
  });

  it('shows a clear error for a wrong passphrase', async () => {
    await vault.core.vault.create(CANARY.passphrase);
    vault.core.vault.lock();
    const user = userEvent.setup();
    renderApp();
    await screen.findByRole('heading', { name: 'Kluis openen' });
    await user.type(screen.getByLabelText('Wachtwoordzin'), CANARY.otherPassphrase);
    await user.click(screen.getByRole('button', { name: 'Openen' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Deze wachtwoordzin klopt niet.'));
    // The field keeps what was typed, so one wrong character can be fixed instead of typing it all again.
    expect(screen.getByLabelText('Wachtwoordzin')).toHaveValue(CANARY.otherPassphrase);
  });
});
