import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CANARY } from '../fixtures/canaries';
import { numberedGroups } from '../support/recoverySheetGroups';
import { appPerTest } from './appPerTest';
import { backupFolderBeside, launchApp, SCREENSHOTS, type RunningApp } from './harness';
import { addCase, createVault, goTo, lock, typeBackRecoveryKey, unlock } from './steps';

const running = appPerTest();

/** An ombudsperson's vault with one case (its page shows the mediation panel) and one verified backup; returns the backup's folder. */
async function ombudspersonWithBackup(app: RunningApp): Promise<string> {
  const { page } = app;
  await createVault(page, CANARY.passphrase, 'Ombudsfunctionaris');
  await addCase(page, '2026-03-02T09:00', 'Rechtstreeks bij deze functie');
  await page.getByRole('heading', { name: 'Bemiddeling', exact: true }).waitFor();
  const backups = backupFolderBeside(app);
  await goTo(page, 'Instellingen');
  app.answerNextFolderDialog(backups);
  await page.getByRole('button', { name: 'Map kiezen…' }).click();
  await page.getByTestId('backup-folder').filter({ hasText: backups }).waitFor();
  await page.getByRole('button', { name: 'Nu een back-up maken' }).click();
  await page.getByRole('status').filter({ hasText: 'Back-up gemaakt en gecontroleerd' }).waitFor();
  return join(backups, readdirSync(backups)[0]!);
}

describe('the vault screens, as an adviser uses them', () => {
  it('counts the unlock wait down, keeps the typed passphrase, and opens once the wait is over', async () => {
    running.app = await launchApp();
    const { page } = running.app;
    await createVault(page, CANARY.passphrase);
    await lock(page);

    const open = page.getByRole('button', { name: 'Openen', exact: true });
    const field = page.getByLabel('Wachtwoordzin');
    for (let attempt = 0; attempt < 4; attempt++) {
      // Playwright's click waits until the button is enabled again, as the adviser would.
      await unlock(page, CANARY.otherPassphrase);
      await page.getByText('Deze wachtwoordzin klopt niet.').waitFor();
      expect(await field.inputValue()).toBe(CANARY.otherPassphrase);
    }
    // The fourth failure asks for four seconds: the message counts down while the adviser watches.
    const wait = page.getByTestId('unlock-wait');
    await wait.filter({ hasText: /over [34] seconden/ }).waitFor();
    const first = await wait.textContent();
    await wait.filter({ hasText: /over [12] seconde/ }).waitFor();
    expect(await wait.textContent()).not.toBe(first);

    await field.fill(CANARY.passphrase);
    expect(await open.isDisabled()).toBe(true);
    await running.app.screenshot('40-unlock-countdown');
    await expect.poll(() => open.isEnabled(), { timeout: 6000 }).toBe(true);
    expect(await wait.count()).toBe(0);
    await open.click();
    await page.getByRole('heading', { name: 'Vandaag', level: 1 }).waitFor();
  });

  it('shows the passphrase on request and warns about caps lock', async () => {
    running.app = await launchApp();
    const { page } = running.app;
    await createVault(page, CANARY.passphrase);
    await lock(page);
    const field = page.getByLabel('Wachtwoordzin');
    const toggle = page.getByRole('button', { name: 'Toon wachtwoordzin' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await field.getAttribute('type')).toBe('text');
    // Headless Chromium keeps no caps-lock state of its own; the key event carries it, as a real one does.
    await field.dispatchEvent('keydown', { key: 'A', modifierCapsLock: true });
    await page.getByText('Caps Lock staat aan.').waitFor();
  });

  it('asks for two groups of the recovery key at creation and marks a wrong one', async () => {
    running.app = await launchApp();
    const { page } = running.app;
    await page.getByRole('heading', { name: 'Nieuwe kluis aanmaken' }).waitFor();
    await page.getByLabel('Uw functie').selectOption({ label: 'Coördinator meldpunt (CCP)' });
    await page.getByLabel('Wachtwoordzin', { exact: true }).fill(CANARY.passphrase);
    await page.getByLabel('Herhaal de wachtwoordzin').fill(CANARY.passphrase);
    await page.getByRole('button', { name: 'Kluis aanmaken' }).click();
    const key = (await page.getByTestId('recovery-key').textContent()) ?? '';
    const groups = key.split('-');
    // The recovery sheet: one A4 page that poppler reads back with the whole key on it.
    await page.getByRole('button', { name: 'Herstelblad opslaan (pdf)' }).click();
    await page.getByRole('status').filter({ hasText: 'Herstelblad opgeslagen als Confidant-herstelblad.pdf' }).waitFor();
    const sheet = running.app.savedFiles.at(-1)!;
    expect(execFileSync('pdfinfo', [sheet], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
    expect(numberedGroups(sheet)).toEqual({ numbers: groups.map((_, index) => index + 1), groups });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', sheet, join(SCREENSHOTS, '45-recovery-sheet')]);
    await page.getByLabel('Ik heb de herstelsleutel veilig opgeslagen').check();
    await page.getByRole('button', { name: 'Verder', exact: true }).click();
    await page.getByRole('heading', { name: 'Hebt u de sleutel goed genoteerd?' }).waitFor();
    expect(await page.getByTestId('recovery-key').count()).toBe(0);

    const [firstLabel, secondLabel] = await page.locator('label', { hasText: /^Groep \d+$/ }).allTextContents();
    const groupOf = (label: string) => groups[Number(label.replace('Groep ', '')) - 1]!;
    await page.getByLabel(firstLabel!, { exact: true }).fill(groupOf(firstLabel!));
    await page.getByLabel(secondLabel!, { exact: true }).fill('ZZZZ' === groupOf(secondLabel!) ? 'YYYY' : 'ZZZZ');
    await page.getByRole('button', { name: 'Verder naar mijn kluis' }).click();
    await page.getByText(`${secondLabel} klopt niet. Kijk nog eens naar wat u hebt genoteerd.`).waitFor();
    expect(await page.getByLabel(secondLabel!, { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel(firstLabel!, { exact: true }).getAttribute('aria-invalid')).toBeNull();
    await running.app.screenshot('41-recovery-key-check');

    await page.getByLabel(secondLabel!, { exact: true }).fill(groupOf(secondLabel!).toLowerCase());
    await page.getByRole('button', { name: 'Verder naar mijn kluis' }).click();
    await page.getByRole('button', { name: 'Nu niet, later in Instellingen' }).click();
    await page.getByRole('heading', { name: 'Zaken' }).waitFor();
  });

  it('tells a wrong backup passphrase on the restore form and keeps the vault open', async () => {
    running.app = await launchApp();
    const app = running.app;
    const { page } = app;
    const backup = await ombudspersonWithBackup(app);
    const form = page.getByRole('form', { name: 'Back-up terugzetten' });
    app.answerNextFolderDialog(backup);
    await form.getByLabel('Wachtwoordzin van de back-up').fill(CANARY.otherPassphrase);
    await form.getByRole('button', { name: 'Back-up kiezen en terugzetten…' }).click();
    await form.getByRole('button', { name: 'Ja, back-up kiezen en terugzetten…' }).click();
    await form.getByRole('alert').filter({ hasText: 'Deze wachtwoordzin klopt niet.' }).waitFor();
    expect(app.core.vault.status().unlocked).toBe(true);
    await running.app.screenshot('42-restore-wrong-passphrase');
  });

  it('restores as an ombudsperson and says what came back, keeping the mediation panel', async () => {
    running.app = await launchApp();
    const app = running.app;
    const { page } = app;
    const backup = await ombudspersonWithBackup(app);
    const form = page.getByRole('form', { name: 'Back-up terugzetten' });
    app.answerNextFolderDialog(backup);
    await form.getByLabel('Wachtwoordzin van de back-up').fill(CANARY.passphrase);
    await form.getByRole('button', { name: 'Back-up kiezen en terugzetten…' }).click();
    await form.getByRole('button', { name: 'Ja, back-up kiezen en terugzetten…' }).click();
    const done = page.getByRole('status').filter({ hasText: /^De back-up van .* is teruggezet, met 1 zaak\.$/ });
    await done.waitFor();
    const made = /confidant-backup-(\d{4})(\d{2})(\d{2})/.exec(backup)!;
    expect(await done.textContent()).toContain(String(Number(made[3])));
    expect(await done.textContent()).toContain(made[1]);
    await running.app.screenshot('43-restored');

    await goTo(page, 'Zaken');
    await page.getByRole('listitem').filter({ hasText: /Zaak \d{4}-001/ }).getByRole('button').click();
    await page.getByRole('heading', { name: 'Bemiddeling', exact: true }).waitFor();
  });
});

describe('the first-run backup proposal', () => {
  async function upToTheProposal(page: RunningApp['page']): Promise<void> {
    await page.getByRole('heading', { name: 'Nieuwe kluis aanmaken' }).waitFor();
    await page.getByLabel('Uw functie').selectOption({ label: 'Coördinator meldpunt (CCP)' });
    await page.getByLabel('Wachtwoordzin', { exact: true }).fill(CANARY.passphrase);
    await page.getByLabel('Herhaal de wachtwoordzin').fill(CANARY.passphrase);
    await page.getByRole('button', { name: 'Kluis aanmaken' }).click();
    const key = (await page.getByTestId('recovery-key').textContent()) ?? '';
    await page.getByLabel('Ik heb de herstelsleutel veilig opgeslagen').check();
    await page.getByRole('button', { name: 'Verder', exact: true }).click();
    await typeBackRecoveryKey(page, key);
    await page.getByRole('button', { name: 'Verder naar mijn kluis' }).click();
    await page.getByRole('heading', { name: 'Back-ups instellen' }).waitFor();
  }

  it('remembers a skip across lock and unlock, and the home screen says no backup was made', async () => {
    running.app = await launchApp();
    const { page } = running.app;
    await upToTheProposal(page);
    await running.app.screenshot('44-backup-proposal');
    await page.getByRole('button', { name: 'Nu niet, later in Instellingen' }).click();
    await page.getByRole('heading', { name: 'Zaken' }).waitFor();
    await page.getByTestId('last-backup').filter({ hasText: 'Er is nog geen back-up gemaakt.' }).waitFor();
    await lock(page);
    await unlock(page, CANARY.passphrase);
    await page.getByRole('heading', { name: 'Vandaag', level: 1 }).waitFor();
    expect(await page.getByRole('heading', { name: 'Back-ups instellen' }).count()).toBe(0);
    await page.getByTestId('last-backup').getByRole('button', { name: 'Back-ups instellen' }).click();
    await page.getByRole('heading', { name: 'Instellingen' }).waitFor();
  });

  it('sets up a folder and automatic backups; after a lock the home screen shows the verified backup', async () => {
    running.app = await launchApp();
    const app = running.app;
    const { page } = app;
    await upToTheProposal(page);
    const backups = backupFolderBeside(app);
    expect(await page.getByRole('button', { name: 'Back-ups instellen en verder' }).isDisabled()).toBe(true);
    app.answerNextFolderDialog(backups);
    await page.getByRole('button', { name: 'Map kiezen…' }).click();
    await page.getByText(`Back-upmap: ${backups}`).waitFor();
    expect(await page.getByLabel('Bij elk vergrendelen automatisch een back-up maken').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Back-ups instellen en verder' }).click();
    await page.getByTestId('last-backup').filter({ hasText: 'Er is nog geen back-up gemaakt.' }).waitFor();

    await lock(page);
    expect(readdirSync(backups)).toHaveLength(1);
    await unlock(page, CANARY.passphrase);
    const status = page.getByTestId('last-backup').filter({ hasText: /^Laatste gecontroleerde back-up: / });
    await status.waitFor();
    expect(await status.textContent()).toContain(String(new Date().getFullYear()));
    await app.screenshot('45-last-backup');
  });
});
