import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANARY } from '../../../../test/fixtures/canaries';
import { installInProcessVault } from '../../../../test/support/inProcessVault';
import { i18n } from '../../i18n/i18n';
import { previewTables } from '../../../../electron/core/report/previewTables';
import { syntheticExport } from '../../../../test/fixtures/syntheticExports';
import { ExportScreen } from './ExportScreen';
import { PreviewTables } from './PreviewTables';

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

describe('the preview tables', () => {
  it('show, in the adviser’s language, the counts no team table has, with small cells marked', () => {
    const file = syntheticExport('central_confidential_adviser', [], 2025, { 'Faculteit Rechten': 2, Universiteitsbibliotheek: 9 });
    file.counts.byOutcome.resolved = 3;
    file.counts.status = { open: 4, closed: 12 };
    file.counts.firstResponse = { within24h: 10, later: 5, missing: 1 };
    file.counts.caseShapes = [{ natures: ['bullying', 'workload'], otherParty: 'colleague', hierarchical: 'no', bystander: true, reports: 2 }];
    render(
      <I18nextProvider i18n={i18n}>
        <PreviewTables tables={previewTables(file, 5)} kind="team" sealed />
      </I18nextProvider>,
    );
    const outcome = screen.getByRole('region', { name: 'Uitkomst van afgesloten meldingen' });
    expect(within(outcome).getByRole('row', { name: /Opgelost/ })).toHaveTextContent('3');
    expect(within(outcome).getByText('3').closest('mark')).not.toBeNull();
    const status = screen.getByRole('region', { name: 'Stand van de meldingen' });
    expect(within(status).getByRole('row', { name: /Gesloten/ })).toHaveTextContent('12');
    expect(within(screen.getByRole('region', { name: 'Eerste reactie op een melding' })).getByRole('row', { name: /Later dan 24 uur/ })).toHaveTextContent('5');
    const units = screen.getByRole('region', { name: 'Meldingen per eenheid' });
    expect(within(units).getByRole('row', { name: /Universiteitsbibliotheek/ })).toHaveTextContent('9');
    const shapes = screen.getByRole('region', { name: 'Combinaties van aard, wederpartij, hiërarchie en omstander' });
    expect(within(shapes).getAllByRole('row')[1]).toHaveTextContent(/Pesten \+ Werkdruk.*Collega.*Geen hiërarchische relatie.*Gemeld door een omstander.*2/);
  });
});
