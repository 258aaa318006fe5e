import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANARY } from '../../../../test/fixtures/canaries';
import { installInProcessVault } from '../../../../test/support/inProcessVault';
import { i18n } from '../../i18n/i18n';
import { resetAllStores } from '../../stores/resettable';
import { OutreachScreen } from './OutreachScreen';

let vault: ReturnType<typeof installInProcessVault>;
beforeEach(async () => {
  vault = installInProcessVault();
  resetAllStores();
  await i18n.changeLanguage('nl');
  await vault.core.vault.create(CANARY.passphrase);
});
afterEach(() => vault.remove());

const rows = (table: string) => vault.core.vault.database().prepare(`SELECT * FROM ${table}`).all();

describe('signals and activities', () => {
  it('adds, edits and deletes a signal, and adds an activity', async () => {
    const user = userEvent.setup();
    render(
      <I18nextProvider i18n={i18n}>
        <OutreachScreen />
      </I18nextProvider>,
    );
    const add = screen.getByRole('form', { name: 'Signaal toevoegen' });
    await user.clear(within(add).getByLabelText('Datum'));
    await user.type(within(add).getByLabelText('Datum'), '2026-04-01');
    await user.type(within(add).getByLabelText('Eenheid'), 'Faculteit A');
    // No theme is preselected: a signal counts under the theme the adviser picked, or not at all.
    await user.click(within(add).getByRole('button', { name: 'Signaal toevoegen' }));
    expect(await within(add).findByText('Maak hier een keuze.')).toBeInTheDocument();
    expect(within(add).getByLabelText('Thema')).toHaveAttribute('aria-invalid', 'true');
    expect(rows('signals')).toEqual([]);
    await user.selectOptions(within(add).getByLabelText('Thema'), 'workload');
    await user.click(within(add).getByRole('button', { name: 'Signaal toevoegen' }));
    await screen.findByRole('cell', { name: 'Faculteit A' });

    await user.click(screen.getAllByRole('button', { name: 'Bewerken' })[0]!);
    const edit = screen.getByRole('form', { name: 'Wijzigingen opslaan' });
    await user.clear(within(edit).getByLabelText('Eenheid'));
    await user.type(within(edit).getByLabelText('Eenheid'), 'Faculteit B');
    await user.click(within(edit).getByRole('button', { name: 'Wijzigingen opslaan' }));
    await screen.findByRole('cell', { name: 'Faculteit B' });
    expect(rows('signals')).toMatchObject([{ unit: 'Faculteit B', noted_on: '2026-04-01' }]);

    const activity = screen.getByRole('form', { name: 'Activiteit toevoegen' });
    await user.clear(within(activity).getByLabelText('Aantal deelnemers'));
    await user.type(within(activity).getByLabelText('Aantal deelnemers'), '25');
    await user.click(within(activity).getByRole('button', { name: 'Activiteit toevoegen' }));
    await screen.findByRole('cell', { name: '25' });

    await user.click(screen.getAllByRole('button', { name: 'Verwijderen' })[0]!);
    await user.click(screen.getByRole('button', { name: 'Ja, definitief verwijderen' }));
    await waitFor(() => expect(rows('signals')).toEqual([]));
    expect(screen.queryByRole('cell', { name: 'Faculteit B' })).toBeNull();
    expect(rows('activities')).toHaveLength(1);
  });

  it('records advice to the board: refuses zero reports, then adds, edits and deletes it', async () => {
    const user = userEvent.setup();
    render(
      <I18nextProvider i18n={i18n}>
        <OutreachScreen />
      </I18nextProvider>,
    );
    const add = screen.getByRole('form', { name: 'Advies toevoegen' });
    await user.clear(within(add).getByLabelText('Gegeven op'));
    await user.type(within(add).getByLabelText('Gegeven op'), '2026-05-04');
    await user.clear(within(add).getByLabelText('Aantal meldingen waar het over gaat'));
    await user.type(within(add).getByLabelText('Aantal meldingen waar het over gaat'), '0');
    await user.click(within(add).getByRole('button', { name: 'Advies toevoegen' }));
    expect(await within(add).findByText('Vul minstens 1 in.')).toBeInTheDocument();
    expect(rows('board_advices')).toEqual([]);

    await user.clear(within(add).getByLabelText('Aantal meldingen waar het over gaat'));
    await user.type(within(add).getByLabelText('Aantal meldingen waar het over gaat'), '3');
    await user.type(within(add).getByLabelText('Notitie'), 'Onderzoek afdeling X');
    await user.click(within(add).getByRole('button', { name: 'Advies toevoegen' }));
    const advices = screen.getByRole('region', { name: 'Adviezen aan het bestuur' });
    await within(advices).findByRole('cell', { name: 'Nog geen reactie' });

    await user.click(within(advices).getByRole('button', { name: 'Bewerken' }));
    const edit = screen.getByRole('form', { name: 'Wijzigingen opslaan' });
    expect(within(edit).getByLabelText('Aantal meldingen waar het over gaat')).toHaveValue(3);
    await user.selectOptions(within(edit).getByLabelText('Reactie van het bestuur'), 'followed');
    await user.click(within(edit).getByRole('button', { name: 'Wijzigingen opslaan' }));
    await within(advices).findByRole('cell', { name: 'Opgevolgd' });
    expect(rows('board_advices')).toMatchObject([{ given_on: '2026-05-04', reports_concerned: 3, response: 'followed', note: 'Onderzoek afdeling X' }]);

    await user.click(within(advices).getByRole('button', { name: 'Verwijderen' }));
    await user.click(within(advices).getByRole('button', { name: 'Ja, definitief verwijderen' }));
    await waitFor(() => expect(rows('board_advices')).toEqual([]));
    expect(within(advices).queryByRole('cell', { name: 'Opgevolgd' })).toBeNull();
  });
});
