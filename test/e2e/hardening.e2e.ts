import { readFileSync, truncateSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CANARY } from '../fixtures/canaries';
import { appPerTest } from './appPerTest';
import { heapText } from './heapText';
import { backupFolderBeside, launchApp } from './harness';
import { addCase, createVault, goTo, lock, unlock } from './steps';

const running = appPerTest();

async function addConversationNote(page: Page, note: string) {
  const form = page.getByRole('form', { name: 'Gesprek toevoegen' });
  await form.getByLabel('Notities').fill(note);
  await form.getByRole('button', { name: 'Gesprek opslaan' }).click();
  await page.locator('.timeline-item').filter({ hasText: note }).waitFor();
}

describe('hardening, as an adviser meets it', () => {
  it('leaves no case data in the page, its DOM or its JavaScript heap after locking', async () => {
    running.app = await launchApp();
    const app = running.app;
    const { page } = app;
    await createVault(page, CANARY.passphrase);
    await addCase(page, '2026-03-02T09:00', 'Rechtstreeks bij deze functie');
    await addConversationNote(page, `Gesprek met ${CANARY.noteWord} over de situatie`);
    expect(await heapText(page)).toContain(CANARY.noteWord);

    await lock(page);
    expect(await page.content()).not.toContain(CANARY.noteWord);
    expect(await heapText(page)).not.toContain(CANARY.noteWord);
  });

  it('explains a damaged vault, overwrites nothing, and restores a backup', async () => {
    running.app = await launchApp();
    const app = running.app;
    const { page } = app;
    await createVault(page, CANARY.passphrase);
    await addCase(page, '2026-03-02T09:00', 'Rechtstreeks bij deze functie');

    const backups = backupFolderBeside(app);
    await goTo(page, 'Instellingen');
    app.answerNextFolderDialog(backups);
    await page.getByRole('button', { name: 'Map kiezen…' }).click();
    await page.getByTestId('backup-folder').filter({ hasText: backups }).waitFor();
    await page.getByRole('button', { name: 'Nu een back-up maken' }).click();
    await page.getByRole('status').filter({ hasText: 'Back-up gemaakt en gecontroleerd' }).waitFor();
    await app.screenshot('30-backup');

    await lock(page);
    const database = join(app.dataDirectory, 'vault', 'vault.db');
    truncateSync(database, 4096 * 2);
    const damaged = readFileSync(database);
    await unlock(page, CANARY.passphrase);
    await page.getByRole('heading', { name: 'De kluis kan niet worden geopend' }).waitFor();
    expect(readFileSync(database).equals(damaged)).toBe(true);
    await app.screenshot('31-damaged-vault');

    const [backup] = readdirSync(backups);
    app.answerNextFolderDialog(join(backups, backup!));
    await page.getByLabel('Wachtwoordzin van de back-up').fill(CANARY.passphrase);
    await page.getByRole('button', { name: 'Back-up kiezen en terugzetten…' }).click();
    await page.getByRole('button', { name: 'Ja, back-up kiezen en terugzetten…' }).click();
    // The restore form says what came back, in the settings of the restored vault.
    await page.getByRole('status').filter({ hasText: /is teruggezet, met 1 zaak\.$/ }).waitFor();
    await goTo(page, 'Zaken');
    await page.getByRole('listitem').filter({ hasText: /Zaak \d{4}-001/ }).waitFor();
  });

  it('changes the passphrase, and makes the adviser wait after repeated wrong ones', async () => {
    running.app = await launchApp();
    const app = running.app;
    const { page } = app;
    await createVault(page, CANARY.passphrase);
    await goTo(page, 'Instellingen');
    const form = page.getByRole('form', { name: 'Wachtwoordzin wijzigen' });
    await form.getByLabel('Huidige wachtwoordzin').fill(CANARY.passphrase);
    await form.getByLabel('Nieuwe wachtwoordzin', { exact: true }).fill(CANARY.otherPassphrase);
    await form.getByLabel('Herhaal de nieuwe wachtwoordzin').fill(CANARY.otherPassphrase);
    await form.getByRole('button', { name: 'Wachtwoordzin wijzigen' }).click();
    await page.getByText('De wachtwoordzin is gewijzigd.').waitFor();

    await lock(page);
    for (let attempt = 0; attempt < 3; attempt++) {
      await unlock(page, CANARY.passphrase);
      await page.getByText('Deze wachtwoordzin klopt niet.').waitFor();
    }
    await page.getByText(/kunt u het over \d+ seconden opnieuw proberen/).waitFor();
    // During the wait the right passphrase cannot be sent, so it is not refused either.
    await page.getByLabel('Wachtwoordzin').fill(CANARY.otherPassphrase);
    expect(await page.getByRole('button', { name: 'Openen', exact: true }).isDisabled()).toBe(true);
    await app.screenshot('32-throttled');
    await page.getByRole('button', { name: 'Openen', exact: true }).click();
    await page.getByRole('heading', { name: 'Vandaag', level: 1 }).waitFor();
  });

  it('destroys cases past retention after review and confirmation', async () => {
    running.app = await launchApp();
    const app = running.app;
    const { page } = app;
    await createVault(page, CANARY.passphrase);
    await addCase(page, '2024-01-10T09:00', 'Anders');
    await page.getByRole('button', { name: 'Bewerken' }).click();
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Gesloten' });
    await page.getByLabel('Gesloten op').fill('2024-02-01');
    await page.getByRole('button', { name: 'Zaak opslaan' }).click();
    await page.getByRole('heading', { name: /^Zaak \d{4}-001/ }).waitFor();
    await addCase(page, '2026-03-02T09:00', 'Anders');

    await goTo(page, 'Bewaartermijn');
    await page.getByRole('checkbox', { name: /Zaak \d{4}-001/ }).waitFor();
    expect(await page.getByRole('checkbox', { name: /Zaak \d{4}-002/ }).count()).toBe(0);
    await page.getByRole('button', { name: '1 zaak vernietigen' }).click();
    await page.getByRole('button', { name: 'Ja, definitief verwijderen' }).click();
    await page.getByRole('status').filter({ hasText: '1 zaak vernietigd.' }).waitFor();
    await goTo(page, 'Zaken');
    await page.getByRole('status').filter({ hasText: '1 zaak' }).waitFor();
    expect(app.core.vault.database().prepare('SELECT id FROM cases').pluck().all()).toEqual([2]);
  });
});
