import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CANARY } from '../fixtures/canaries';
import { temporaryDirectory } from '../support/temporaryDirectory';
import { appPerTest } from './appPerTest';
import { launchApp, type RunningApp } from './harness';
import { addCountedCase, createVault, goTo, showExportTables, unlock } from './steps';

const running = appPerTest();
const files = temporaryDirectory();
afterAll(() => files.remove());
const NOW = new Date(2027, 0, 10, 12, 0);

/** What the app saved last, kept beside the test (the app's own folder goes when it closes). */
function keep(app: RunningApp, name: string): string {
  const path = join(files.path, name);
  copyFileSync(app.savedFiles.at(-1)!, path);
  return path;
}

async function acceptInvitation(app: RunningApp, invitation: string, expectedFingerprint: string, screenshot: string): Promise<string> {
  const { page } = app;
  await goTo(page, 'Instellingen');
  await page.getByLabel('Uitnodiging kiezen').setInputFiles(invitation);
  // The adviser reads the code to the merging member by phone before accepting.
  expect(await page.getByTestId('invitation-fingerprint').textContent()).toBe(expectedFingerprint);
  const accept = page.getByRole('button', { name: 'Uitnodiging aannemen' });
  expect(await accept.isDisabled()).toBe(true);
  await page.getByLabel('Ik heb deze code telefonisch vergeleken met de samenvoegende collega en hij klopt').check();
  await app.screenshot(screenshot);
  await accept.click();
  await page.getByText('Deze kluis hoort bij team Universiteit Voorbeeld. Exports worden daarvoor verzegeld.').waitFor();
  await page.getByRole('button', { name: 'Aanmeldbestand opslaan…' }).click();
  await page.getByRole('status').filter({ hasText: 'Opgeslagen als' }).waitFor();
  return (await page.getByTestId('own-key-fingerprint').textContent()) ?? '';
}

async function exportSealed(app: RunningApp, screenshot: string): Promise<string> {
  const { page } = app;
  await goTo(page, 'Jaarexport');
  await page.getByLabel('Jaar', { exact: true }).fill('2026');
  await page.getByLabel('Van', { exact: true }).selectOption({ label: 'januari' });
  await page.getByLabel('Tot en met', { exact: true }).selectOption({ label: 'december' });
  await page.getByRole('button', { name: 'Voorbeeld tonen' }).click();
  await page.getByText(/Het bestand wordt verzegeld voor team Universiteit Voorbeeld/).waitFor();
  // The same tables as the team report, in Dutch, with every count below the team's k marked.
  await showExportTables(page);
  const tables = page.getByRole('region', { name: 'Uw cijfers, zoals de tabellen van het teamrapport ze tonen' });
  await tables.getByText(/Gemarkeerde getallen liggen onder de drempel van het team \(k = 5\)/).waitFor();
  expect(await tables.locator('mark.small-cell').count()).toBeGreaterThan(0);
  expect(await tables.locator('mark.small-cell').first().textContent()).toContain('klein aantal, onder de drempel 5');
  await page.getByLabel('Ik heb alle getallen gecontroleerd en geef toestemming om dit bestand op te slaan.').check();
  await app.screenshot(screenshot);
  await page.getByRole('button', { name: 'Opslaan…' }).click();
  await page.getByRole('status').filter({ hasText: 'Opgeslagen als' }).waitFor();
  const sealed = readFileSync(app.savedFiles.at(-1)!, 'utf8');
  expect(sealed.startsWith('-----BEGIN AGE ENCRYPTED FILE-----')).toBe(true);
  expect(sealed).not.toContain('reports');
  expect(sealed).not.toContain('CANARY');
  return sealed;
}

describe('a team of three: the merging member and two advisers', () => {
  it('creates the team, two advisers accept it by its code and export sealed, and the merging member merges both', async () => {
    const mergerData = join(files.path, 'merger-vault');
    mkdirSync(mergerData);
    let app = (running.app = await launchApp({ now: NOW, dataDirectory: mergerData }));
    await createVault(app.page, CANARY.passphrase, 'Ombudsfunctionaris');
    await goTo(app.page, 'Instellingen');
    await app.page.getByLabel('Organisatie').fill('Universiteit Voorbeeld');
    await app.page.getByLabel('Eenheden (faculteiten en diensten), één per regel').fill('Faculteit Rechten\nUniversiteitsbibliotheek');
    await app.page.getByRole('button', { name: 'Team aanmaken' }).click();
    const fingerprint = (await app.page.getByTestId('team-fingerprint').textContent()) ?? '';
    expect(fingerprint).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/);
    await app.page.getByRole('button', { name: 'Uitnodiging opslaan…' }).click();
    await app.page.getByRole('status').filter({ hasText: 'Opgeslagen als' }).waitFor();
    const invitation = keep(app, 'invitation.json');
    expect(readFileSync(invitation, 'utf8')).not.toContain('AGE-SECRET-KEY');
    await app.screenshot('30-team-created');
    await app.close();

    const advisers: { acceptance: string; sealed: string; keyCode: string }[] = [];
    for (const [index, functionLabel] of ['Centrale vertrouwenspersoon', 'Coördinator meldpunt (CCP)'].entries()) {
      app = running.app = await launchApp({ now: NOW });
      await createVault(app.page, CANARY.passphrase, functionLabel);
      const keyCode = await acceptInvitation(app, invitation, fingerprint, `31-accept-invitation-${index + 1}`);
      const acceptance = keep(app, `acceptance-${index + 1}.json`);
      await addCountedCase(app.page, `2026-0${index + 3}-02T09:00`, 'Intimidatie', 'Wetenschappelijk personeel (WP)');
      await exportSealed(app, `32-export-sealed-${index + 1}`);
      advisers.push({ acceptance, sealed: keep(app, `export-${index + 1}.age`), keyCode });
      await app.close();
    }

    app = running.app = await launchApp({ now: NOW, dataDirectory: mergerData });
    const { page } = app;
    await unlock(page, CANARY.passphrase);
    await goTo(page, 'Teamrapport');
    const chooser = page.getByLabel('Exportbestanden kiezen');
    // Before the adviser's acceptance is added, their export is refused by name.
    await chooser.setInputFiles(advisers[0]!.sealed);
    await page.getByText(/export-1\.age: Deze export is ondertekend door een kluis waarvan u het aanmeldbestand niet hebt toegevoegd/).waitFor();

    await goTo(page, 'Instellingen');
    for (const adviser of advisers) {
      await page.getByLabel('Aanmeldbestand van een adviseur toevoegen').setInputFiles(adviser.acceptance);
      // The merging member reads the key code back with the adviser before adding it.
      await page.getByTestId('acceptance-key-fingerprint').waitFor();
      expect(await page.getByTestId('acceptance-key-fingerprint').textContent()).toBe(adviser.keyCode);
      const add = page.getByRole('button', { name: 'Adviseur toevoegen', exact: true });
      expect(await add.isDisabled()).toBe(true);
      await page.getByLabel('Ik heb deze sleutelcode telefonisch met de adviseur vergeleken en hij klopt').check();
      await add.click();
      await page.getByRole('cell', { name: adviser.keyCode }).waitFor();
    }
    const trusted = page.getByRole('table', { name: 'Adviseurs van wie u exports accepteert' });
    expect(await trusted.getByRole('row').count()).toBe(4);
    await app.screenshot('33-advisers-added');

    await goTo(page, 'Teamrapport');
    await page.getByLabel('Exportbestanden kiezen').setInputFiles(advisers.map((adviser) => adviser.sealed));
    await page.getByText('export-2.age: geïmporteerd').waitFor();
    expect(await page.getByText('export-1.age: geïmporteerd').count()).toBe(1);
    const keyFigures = (await page.getByRole('article', { name: 'Jaarcijfers 2026' }).getByRole('region', { name: 'Kerncijfers', exact: true }).first().textContent()) ?? '';
    // Two advisers' exports merged; two reports are below the threshold, so the publication hides the number.
    expect(keyFigures).toContain('Bijdragende adviseurs2');
    expect(keyFigures).toContain('Meldingen (uniek, elk één keer geteld)<5');
    await app.screenshot('34-merged-report');
  });
});
