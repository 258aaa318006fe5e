import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CANARY, containsBytes } from '../fixtures/canaries';
import { appPerTest } from './appPerTest';
import { launchApp, type RunningApp } from './harness';
import { addCase, createVault, lock, openCaseList, typeBackRecoveryKey, unlock } from './steps';

const running = appPerTest();

const vaultFile = (target: RunningApp) => join(target.dataDirectory, 'vault', 'vault.db');

describe('the vault, as an adviser uses it', () => {
  it('creates a vault, adds a case, locks, refuses a wrong passphrase and reopens with the right one', async () => {
    running.app = await launchApp();
    const app = running.app;
    const { page } = app;
    const recoveryKey = await createVault(page, CANARY.passphrase);
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/);

    await addCase(page, '2026-03-14T09:30', 'Rechtstreeks bij deze functie');
    await openCaseList(page);
    const row = page.getByRole('listitem').filter({ hasText: /Zaak \d{4}-001/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Rechtstreeks bij deze functie');
    await app.screenshot('01-case-added');

    await lock(page);
    expect(await page.locator('body').textContent()).not.toMatch(/Zaak \d{4}-001/);
    const lockedBytes = readFileSync(vaultFile(app));

    await unlock(page, CANARY.otherPassphrase);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Deze wachtwoordzin klopt niet. Probeer het opnieuw.');
    expect(readFileSync(vaultFile(app)).equals(lockedBytes)).toBe(true);
    await app.screenshot('02-wrong-passphrase');

    await unlock(page, CANARY.passphrase);
    await openCaseList(page);
    await page.getByRole('listitem').filter({ hasText: /Zaak \d{4}-001/ }).waitFor();
    await app.screenshot('03-reopened');

    await app.reopen();
    await app.page.getByRole('heading', { name: 'Zaken' }).waitFor();
    app.core.vault.lock();
    const raw = readFileSync(vaultFile(app));
    expect(raw.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(containsBytes(raw, CANARY.passphrase)).toBe(false);
    expect(app.logLines.join('\n')).not.toContain('CANARY');
  });

  it('resets a forgotten passphrase with the recovery key', async () => {
    running.app = await launchApp();
    const app = running.app;
    const { page } = app;
    const recoveryKey = await createVault(page, CANARY.passphrase);
    await addCase(page, '2026-01-05T14:00', 'Rechtstreeks bij deze functie');
    await lock(page);

    await page.getByRole('button', { name: 'Wachtwoordzin vergeten? Gebruik uw herstelsleutel' }).click();
    await page.getByLabel('Herstelsleutel', { exact: true }).fill('ABCD-'.repeat(12) + 'ABCD');
    await page.getByLabel('Nieuwe wachtwoordzin', { exact: true }).fill(CANARY.otherPassphrase);
    await page.getByLabel('Herhaal de nieuwe wachtwoordzin').fill(CANARY.otherPassphrase);
    await page.getByRole('button', { name: 'Openen en wachtwoordzin vervangen' }).click();
    await page.getByText('Deze herstelsleutel klopt niet. Controleer elk teken.').waitFor();

    await page.getByLabel('Herstelsleutel', { exact: true }).fill(recoveryKey.toLowerCase());
    await page.getByRole('button', { name: 'Openen en wachtwoordzin vervangen' }).click();
    // The key just used is replaced: the new one is shown, saved and checked as at creation.
    await page.getByText('De herstelsleutel die u net gebruikte, en het herstelblad waar hij op staat, openen de kluis niet meer').waitFor();
    const renewedKey = (await page.getByTestId('recovery-key').textContent()) ?? '';
    expect(renewedKey).toMatch(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/);
    expect(renewedKey).not.toBe(recoveryKey);
    await page.getByLabel('Ik heb de herstelsleutel veilig opgeslagen').check();
    await page.getByRole('button', { name: 'Verder', exact: true }).click();
    await typeBackRecoveryKey(page, renewedKey);
    await page.getByRole('button', { name: 'Verder naar mijn kluis' }).click();
    // A recovery opens the vault as an unlock does: on Today.
    await page.getByRole('heading', { name: 'Vandaag', level: 1 }).waitFor();
    await openCaseList(page);
    await page.getByRole('listitem').filter({ hasText: /Zaak \d{4}-001/ }).waitFor();
    await app.screenshot('04-recovered');

    await lock(page);
    await page.getByRole('button', { name: 'Wachtwoordzin vergeten? Gebruik uw herstelsleutel' }).click();
    await page.getByLabel('Herstelsleutel', { exact: true }).fill(recoveryKey);
    await page.getByLabel('Nieuwe wachtwoordzin', { exact: true }).fill(CANARY.passphrase);
    await page.getByLabel('Herhaal de nieuwe wachtwoordzin').fill(CANARY.passphrase);
    await page.getByRole('button', { name: 'Openen en wachtwoordzin vervangen' }).click();
    await page.getByText('Deze herstelsleutel klopt niet. Controleer elk teken.').waitFor();
    await page.getByRole('button', { name: 'Terug naar openen met wachtwoordzin' }).click();
    await unlock(page, CANARY.passphrase);
    await page.getByText('Deze wachtwoordzin klopt niet. Probeer het opnieuw.').waitFor();
    await unlock(page, CANARY.otherPassphrase);
    await openCaseList(page);
    await page.getByRole('listitem').filter({ hasText: /Zaak \d{4}-001/ }).waitFor();
  });

  it('locks after the idle minutes and clears the screen', async () => {
    running.app = await launchApp({ clock: true });
    const app = running.app;
    const { page } = app;
    await createVault(page, CANARY.passphrase);
    await addCase(page, '2026-02-02T10:00', 'Anders');
    await page.getByRole('navigation').getByRole('button', { name: 'Instellingen' }).click();
    // Saved as soon as it is typed, like every setting; a value out of bounds is named and not saved.
    const idle = page.getByLabel('Automatisch vergrendelen na (minuten zonder activiteit)');
    await idle.fill('0');
    await page.getByText('Kies een heel getal van 1 tot en met 240.').waitFor();
    expect(await app.core.router.handle('settings.get', {})).toMatchObject({ value: { idleLockMinutes: 10 } });
    await idle.fill('1');
    await page.getByText('Instellingen opgeslagen.').waitFor();
    expect(await app.core.router.handle('settings.get', {})).toMatchObject({ value: { idleLockMinutes: 1 } });
    expect(await page.getByRole('button', { name: /^(Opslaan|Functie opslaan)$/ }).count()).toBe(0);
    // Chromium here runs on Linux: the screen says what locks the vault there, and that capture cannot be shielded.
    const triggers = page.getByRole('region', { name: 'Op deze computer vergrendelt de kluis' });
    await triggers.getByText('na 1 minuut zonder toetsenbord- of muisgebruik').waitFor();
    await triggers.getByText(/als het scherm vergrendelt, mits uw bureaublad dat meldt/).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Scherm afschermen tegen schermopnames' }).isDisabled()).toBe(true);
    await page.getByText(/Niet beschikbaar op Linux/).waitFor();

    await page.clock.runFor(61_000);
    await page.getByRole('heading', { name: 'Kluis openen' }).waitFor();
    expect(await page.locator('body').textContent()).not.toMatch(/Zaak \d{4}-001/);
    expect(app.core.vault.status().unlocked).toBe(false);
    await app.screenshot('05-idle-locked');
  });

  it('follows a lock made outside the window (suspend, screen lock) through the event feed and remembers the language', async () => {
    running.app = await launchApp({ clock: true });
    const app = running.app;
    const { page } = app;
    await createVault(page, CANARY.passphrase);
    await page.getByLabel('Taal').selectOption('en');
    await page.getByRole('heading', { name: 'Cases' }).waitFor();

    // The shell's path: the window hears "locking", answers, and follows the "locked" event; no clock runs, nothing polls.
    await app.core.requestLock('suspend');
    expect(app.core.vault.isUnlocked).toBe(false);
    await page.getByRole('heading', { name: 'Open the vault' }).waitFor();

    await app.reopen();
    await app.page.getByRole('heading', { name: 'Open the vault' }).waitFor();
  });

  it('lets nothing reach the network', async () => {
    running.app = await launchApp();
    const app = running.app;
    const { page } = app;
    await page.getByRole('heading', { name: 'Nieuwe kluis aanmaken' }).waitFor();
    const outcome = await page.evaluate(async () => {
      try {
        await fetch('https://example.org/');
        return 'reached';
      } catch {
        return 'blocked';
      }
    });
    expect(outcome).toBe('blocked');
  });
});
