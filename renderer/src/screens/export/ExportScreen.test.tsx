import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANARY } from '../../../../test/fixtures/canaries';
import { installInProcessVault } from '../../../../test/support/inProcessVault';
import { i18n } from '../../i18n/i18n';
import { previewTables } from '../../../../electron/core/report/previewTables';
import { syntheticExport } from '../../../../test/fixtures/syntheticExports';
import { caseInput, conversationInput } from '../../../../test/fixtures/records';
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

describe('the export screen, summary first', { timeout: 20_000 }, () => {
  it('says in plain words what leaves the laptop, with the consent beside it, before any table; every table is one click away', async () => {
    const counted = await vault.core.router.handle('cases.create', caseInput({ firstContactAt: '2025-03-02T09:00', firstResponseAt: '2025-03-02T10:00' }));
    if (!counted.ok) throw new Error('case not created');
    await vault.core.router.handle('conversations.add', { caseId: (counted.value as { id: number }).id, conversation: conversationInput({ heldAt: '2025-03-03T10:00' }) });
    await vault.core.router.handle('cases.create', caseInput({ label: 'Nog niet gevraagd', firstContactAt: '2025-04-02T09:00', firstResponseAt: null, consents: [] }));
    await vault.core.router.handle('cases.capture', { label: 'Alleen een notitie', conversation: conversationInput({ heldAt: '2025-05-02T09:00' }) });
    const user = userEvent.setup();
    render(
      <I18nextProvider i18n={i18n}>
        <ExportScreen />
      </I18nextProvider>,
    );
    await user.clear(screen.getByLabelText('Jaar'));
    await user.type(screen.getByLabelText('Jaar'), '2025');
    await user.click(screen.getByRole('button', { name: 'Voorbeeld tonen' }));
    const summary = await screen.findByRole('region', { name: 'In het kort' });
    expect(summary).toHaveTextContent('1 melding eerst bij u ontvangen, van 1 melder; 1 gesprek in deze periode.');
    expect(summary).toHaveTextContent('Geen namen, geen notities, geen kenmerken of zaaknummers en geen data van gesprekken of zaken.');
    expect(summary).toHaveTextContent('2 zaken uit deze periode tellen niet mee');
    expect(summary).not.toHaveTextContent('CANARY');
    const consent = within(screen.getByRole('region', { name: 'Uw toestemming' })).getByLabelText('Ik heb alle getallen gecontroleerd en geef toestemming om dit bestand op te slaan.');
    const tablesHeading = screen.getByText('Uw cijfers, zoals de tabellen van het teamrapport ze tonen');
    // The consent comes before every table, and the tables wait behind one disclosure.
    expect(consent.compareDocumentPosition(tablesHeading) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const disclosure = tablesHeading.closest('details')!;
    expect(disclosure.open).toBe(false);
    await user.click(within(disclosure).getByText('Alle tabellen van het bestand bekijken, precies zoals ze meegaan'));
    expect(disclosure.open).toBe(true);
    expect(screen.getByRole('region', { name: '1 zaak is nog niet gevraagd of hij mag meetellen' })).toHaveTextContent('Nog niet gevraagd');
    expect(screen.getByRole('region', { name: /^1 zaak .*statistiek/ })).toHaveTextContent('Alleen een notitie');
  });
});

describe('the preview tables', () => {
  it('show, in the adviser’s language, the counts no team table has, with small cells marked', () => {
    const file = syntheticExport('central_confidential_adviser', [], 2025, { 'Faculteit Rechten': 2, Universiteitsbibliotheek: 9 });
    file.counts.byOutcome.resolved = 3;
    file.counts.closures = 12;
    file.counts.firstResponse = { within24h: 10, later: 5, missing: 1 };
    file.counts.caseShapes = [{ natures: ['bullying', 'workload'], otherParty: 'colleague', hierarchical: 'no', bystander: true, reports: 2 }];
    render(
      <I18nextProvider i18n={i18n}>
        <PreviewTables tables={previewTables(file, 5)} kind="team" sealed />
      </I18nextProvider>,
    );
    const outcome = screen.getByRole('region', { name: 'Uitkomst van de meldingen afgesloten in de periode' });
    expect(within(outcome).getByRole('row', { name: /Opgelost/ })).toHaveTextContent('3');
    expect(within(outcome).getByText('3').closest('mark')).not.toBeNull();
    const figures = screen.getByRole('region', { name: 'Overige kerncijfers' });
    expect(within(figures).getByRole('row', { name: /Meldingen afgesloten in de periode/ })).toHaveTextContent('12');
    expect(within(screen.getByRole('region', { name: 'Eerste reactie op een melding' })).getByRole('row', { name: /Later dan 24 uur/ })).toHaveTextContent('5');
    const units = screen.getByRole('region', { name: 'Meldingen per eenheid' });
    expect(within(units).getByRole('row', { name: /Universiteitsbibliotheek/ })).toHaveTextContent('9');
    const shapes = screen.getByRole('region', { name: 'Combinaties van aard, wederpartij, hiërarchie en omstander' });
    expect(within(shapes).getAllByRole('row')[1]).toHaveTextContent(/Pesten \+ Werkdruk.*Collega.*Geen hiërarchische relatie.*Gemeld door een omstander.*2/);
  });
});
