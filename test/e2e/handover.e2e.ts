import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CANARY } from '../fixtures/canaries';
import { temporaryDirectory } from '../support/temporaryDirectory';
import { appPerTest } from './appPerTest';
import { seriousViolations } from './axe';
import { launchApp, type RunningApp } from './harness';
import { addCase, addConversation, createVault, goTo, openCaseList } from './steps';

const running = appPerTest();
const files = temporaryDirectory();
afterAll(() => files.remove());
const NOW = new Date(2026, 11, 5, 12, 0);
const VIEWPORT = { width: 1024, height: 640 };

/** What the app saved last, kept beside the test: the file the one adviser hands the other. */
function keep(app: RunningApp, name: string): string {
  const path = join(files.path, name);
  copyFileSync(app.savedFiles.at(-1)!, path);
  return path;
}

const savedStatus = (app: RunningApp, text: RegExp | string) => app.page.getByRole('status').filter({ hasText: text }).waitFor();

describe('handing a case to a successor, both advisers in Dutch at 1024×640', () => {
  it('goes from the leaving vault to the successor’s only after both codes were compared, and leaves the leaving vault only at the confirmation', async () => {
    const leaving = (running.app = await launchApp({ now: NOW, viewport: VIEWPORT }));
    const successor = await launchApp({ now: NOW, viewport: VIEWPORT });
    try {
      await createVault(leaving.page, CANARY.passphrase, 'Ombudsfunctionaris');
      await addCase(leaving.page, '02-03-2026 09:00', 'Rechtstreeks bij deze functie');
      await addConversation(leaving.page, `Eerste gesprek ${CANARY.noteWord}`);
      await createVault(successor.page, CANARY.passphrase, 'Centrale vertrouwenspersoon');

      // The successor makes a receiving key and saves its key file.
      await goTo(successor.page, 'Instellingen');
      await successor.page.getByRole('button', { name: 'Ontvangstsleutel maken' }).click();
      const receivingCode = await successor.page.getByTestId('receiving-key-code').textContent();
      await successor.page.getByRole('button', { name: 'Sleutelbestand opslaan' }).click();
      await savedStatus(successor, /confidant-handover-key\.json/);
      const keyFile = keep(successor, 'sleutel.json');

      // The leaving adviser adds it after reading the code out by phone.
      await goTo(leaving.page, 'Instellingen');
      const send = leaving.page.getByRole('region', { name: 'Zaken overdragen aan een opvolger' });
      await send.getByLabel('Sleutelbestand van de opvolger kiezen').setInputFiles(keyFile);
      expect(await send.getByTestId('successor-key-code').textContent()).toBe(receivingCode);
      expect(await send.getByRole('button', { name: 'Opvolger toevoegen' }).isDisabled()).toBe(true);
      await send.getByLabel('Ik heb deze code telefonisch vergeleken met mijn opvolger en hij klopt').check();
      await send.getByRole('button', { name: 'Opvolger toevoegen' }).click();
      await savedStatus(leaving, 'Opvolger toegevoegd.');

      // Not without the reporter's consent, and not before the export of January to November.
      const chooseCase = send.getByRole('checkbox', { name: 'Zaak 2026-001 overdragen' });
      expect(await chooseCase.isDisabled()).toBe(true);
      await send.getByRole('button', { name: 'Instemming vastleggen voor 2026-001' }).click();
      await savedStatus(leaving, 'Instemming vastgelegd voor zaak 2026-001.');
      await chooseCase.check();
      expect(await send.getByRole('button', { name: 'Pakket met 1 zaak opslaan' }).isDisabled()).toBe(true);
      await send.getByText('Sla voordat er iets vertrekt uw export van 1 jan 2026 tot en met 30 nov 2026 op, zodat de cijfers van uw jaar van u blijven.').waitFor();
      await send.getByRole('button', { name: 'Export tonen' }).click();
      await send.getByLabel('Ik heb deze cijfers gelezen; sla ze onverzegeld op voor eigen gebruik (deze kluis hoort bij geen team)').check();
      await leaving.screenshot('handover-leaving-export');
      await send.getByRole('button', { name: 'Export opslaan' }).click();
      await send.getByText(/^Uw export van 1 jan 2026 tot en met 30 nov 2026 is opgeslagen\./).waitFor();
      await send.getByRole('button', { name: 'Pakket met 1 zaak opslaan' }).click();
      await savedStatus(leaving, /^Pakket opgeslagen als confidant-handover-[0-9a-f]{6}\.age\./);
      await leaving.screenshot('handover-leaving-sent');
      expect(await seriousViolations(leaving.page)).toEqual([]);
      const packageFile = keep(leaving, 'overdracht.age');
      const signingCode = await send.getByTestId('own-signing-code').textContent();

      // The successor compares the signer's code, receives, and saves the confirmation.
      const receive = successor.page.getByRole('region', { name: 'Zaken ontvangen van een voorganger' });
      await receive.getByLabel('Overdrachtspakket kiezen').setInputFiles(packageFile);
      expect(await receive.getByTestId('package-signer-code').textContent()).toBe(signingCode);
      await receive.getByText('Afzender: Ombudsfunctionaris, overgedragen op 5 dec 2026: 1 zaak.').waitFor();
      await receive.getByLabel('Ik heb deze code telefonisch vergeleken met de vertrekkende collega en hij klopt').check();
      await successor.screenshot('handover-successor-compare');
      expect(await seriousViolations(successor.page)).toEqual([]);
      await receive.getByRole('button', { name: 'Zaken ontvangen' }).click();
      await savedStatus(successor, '1 zaak ontvangen. Sla de bevestiging op en geef die aan de vertrekkende collega.');
      const received = receive.getByRole('table', { name: 'Ontvangen op 5 dec 2026' });
      expect(await received.getByRole('row').allTextContents()).toEqual(['NummerNummer bij de voorganger', '2026-0012026-001']);
      await receive.getByRole('button', { name: 'Bevestiging opslaan' }).click();
      await savedStatus(successor, /confidant-handover-confirmation\.json/);
      const confirmationFile = keep(successor, 'bevestiging.json');

      // Until the confirmation is read, the case stays in the leaving vault, read-only: its page says
      // so, shows its note, and takes no change (the way back to the list is its one enabled button).
      expect(leaving.core.vault.database().prepare('SELECT count(*) FROM cases').pluck().get()).toBe(1);
      await openCaseList(leaving.page);
      await leaving.page.getByRole('listitem').filter({ hasText: /Zaak 2026-001/ }).click();
      await savedStatus(leaving, 'Overgedragen aan uw opvolger; wacht op de bevestiging. Wijzigen kan niet meer.');
      await leaving.page.locator('.timeline-item').filter({ hasText: `Eerste gesprek ${CANARY.noteWord}` }).waitFor();
      expect(await leaving.page.getByRole('form', { name: 'Gesprek toevoegen' }).getByLabel('Notities').isDisabled()).toBe(true);
      expect(await leaving.page.locator('.case-page button:enabled').allTextContents()).toEqual(['Terug naar de lijst']);
      expect(await leaving.page.locator('.case-page button:disabled').count()).toBeGreaterThan(5);
      await leaving.screenshot('handover-leaving-case-read-only');
      expect(await seriousViolations(leaving.page)).toEqual([]);
      await goTo(leaving.page, 'Instellingen');
      await send.getByLabel('Bevestiging van de opvolger kiezen').setInputFiles(confirmationFile);
      await savedStatus(leaving, 'Bevestiging aanvaard: 1 zaak hier vernietigd.');
      await leaving.screenshot('handover-leaving-confirmed');
      expect(leaving.core.vault.database().prepare('SELECT count(*) FROM cases').pluck().get()).toBe(0);
      expect(successor.core.vault.database().prepare('SELECT notes FROM conversations').pluck().all()).toEqual([`Eerste gesprek ${CANARY.noteWord}`]);
    } finally {
      await successor.close();
    }
  });
});
