import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProfileUpdate } from '../../../../shared/contract';
import { CANARY } from '../../../../test/fixtures/canaries';
import { caseInput } from '../../../../test/fixtures/records';
import { installInProcessVault } from '../../../../test/support/inProcessVault';
import { invoke } from '../../api/client';
import { i18n } from '../../i18n/i18n';
import { resetAllStores } from '../../stores/resettable';
import { TeamReportScreen } from './TeamReportScreen';

let vault: ReturnType<typeof installInProcessVault> | null = null;
afterEach(() => vault?.remove());

async function openVault(profile: ProfileUpdate) {
  vault?.remove();
  vault = installInProcessVault();
  resetAllStores();
  await invoke('vault.create', { passphrase: CANARY.passphrase, ...profile });
}

/** Previews and saves an export as the adviser does, and returns the file's text. */
async function saveExport(to = '2026-10-31'): Promise<string> {
  const { file } = await invoke('export.preview', { period: { from: '2026-01-01', to }, includeUnits: false });
  await invoke('export.save', { exportId: file.exportId, unsealed: true });
  return readFileSync(vault!.saved.at(-1)!, 'utf8');
}

async function exportOf(profile: ProfileUpdate, cases: number, to = '2026-10-31'): Promise<string> {
  await openVault(profile);
  for (let index = 0; index < cases; index++) await invoke('cases.create', caseInput({ firstContactAt: `2026-03-0${index + 1}T09:00`, firstResponseAt: `2026-03-0${index + 1}T10:00` }));
  return saveExport(to);
}

function renderScreen() {
  render(
    <I18nextProvider i18n={i18n}>
      <TeamReportScreen />
    </I18nextProvider>,
  );
}

describe('the team report', { timeout: 20_000 }, () => {
  it('lists faculty advisers by number with their external flag, and keeps an earlier import when the member declines a replacement', async () => {
    await i18n.changeLanguage('nl');
    const external = await exportOf({ function: 'faculty_confidential_adviser', external: true }, 3);
    const internal = await exportOf({ function: 'faculty_confidential_adviser', external: false }, 3, '2026-06-30');
    const internalAgain = await saveExport();
    await openVault({ function: 'central_confidential_adviser', external: false });

    const user = userEvent.setup();
    renderScreen();
    const chooser = await screen.findByLabelText('Exportbestanden kiezen');
    await user.upload(chooser, new File([external], 'extern.json'));
    await screen.findByText(/extern\.json: Deze export is niet verzegeld/);
    await user.click(screen.getByRole('checkbox', { name: 'Onverzegelde exportbestanden accepteren' }));
    await user.upload(chooser, [new File([external], 'extern.json'), new File([internal], 'intern.json')]);
    await screen.findByText('intern.json: geïmporteerd');
    // The acceptance held for that choice of files only: the next unsealed file is refused until ticked again.
    const acceptUnsealed = screen.getByRole('checkbox', { name: 'Onverzegelde exportbestanden accepteren' });
    expect(acceptUnsealed).not.toBeChecked();
    await user.upload(chooser, new File([internalAgain], 'intern-jaar.json'));
    await screen.findByText(/intern-jaar\.json: Deze export is niet verzegeld/);
    expect(within(screen.getByRole('table', { name: 'Imports voor 2026' })).getAllByRole('row')).toHaveLength(3);

    await user.click(acceptUnsealed);
    await user.upload(chooser, new File([internalAgain], 'intern-jaar.json'));
    const dialog = await screen.findByRole('alertdialog', { name: 'intern-jaar.json overlapt met eerdere imports van dezelfde adviseur' });
    await user.click(within(dialog).getByRole('button', { name: 'Nee, de eerdere houden' }));
    await screen.findByText('intern-jaar.json: niet geïmporteerd; de eerdere import blijft staan');
    expect(within(screen.getByRole('table', { name: 'Imports voor 2026' })).getAllByRole('row')).toHaveLength(3);

    const faculty = screen.getByRole('region', { name: 'Facultaire / PhD-vertrouwenspersonen' });
    expect(screen.queryByRole('region', { name: /^Team:/ })).toBeNull();
    await user.clear(screen.getByLabelText('Drempel k (minimaal 3)'));
    await user.type(screen.getByLabelText('Drempel k (minimaal 3)'), '3');
    const byAdviser = await within(faculty).findByRole('region', { name: 'Meldingen per adviseur' });
    // The report follows the threshold once it is fetched again.
    await waitFor(() => expect(within(byAdviser).getByRole('row', { name: /Adviseur 1 \(extern\)/ })).toHaveTextContent('Adviseur 1 (extern)350%'));
    expect(within(byAdviser).getByRole('row', { name: /Adviseur 2 \(intern\)/ })).toHaveTextContent('Adviseur 2 (intern)350%');
    expect(byAdviser).toHaveTextContent('2 adviseurs droegen bij.');
  });

  it('saves report texts as they are typed, and publishes what is on screen even when the last keystrokes are not saved yet', async () => {
    await i18n.changeLanguage('nl');
    const central = await exportOf({ function: 'central_confidential_adviser', external: false }, 3);
    await openVault({ function: 'ombudsperson', external: false });
    const user = userEvent.setup();
    renderScreen();
    await user.click(await screen.findByRole('checkbox', { name: 'Onverzegelde exportbestanden accepteren' }));
    await user.upload(screen.getByLabelText('Exportbestanden kiezen'), new File([central], 'centraal.json'));
    await screen.findByText('centraal.json: geïmporteerd');

    const organisation = screen.getByLabelText('Organisatie op de titelpagina');
    await user.type(organisation, 'Universiteit Typwerk');
    // Nobody pressed a save button: the pause after typing saved it.
    await waitFor(async () => expect(await invoke('team.texts', { year: 2026 })).toEqual({ organisation: 'Universiteit Typwerk' }), { timeout: 5_000 });

    await user.type(organisation, ' Zuid');
    const before = vault!.saved.length;
    await user.click(screen.getByRole('button', { name: 'Opslaan als Excel…' }));
    await waitFor(() => expect(vault!.saved).toHaveLength(before + 1));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(vault!.saved.at(-1)!);
    expect(workbook.worksheets[0]!.getCell('A2').value).toBe('Universiteit Typwerk Zuid');
  });
});
