import { describe, expect, it } from 'vitest';
import { CANARY } from '../fixtures/canaries';
import { appPerTest } from './appPerTest';
import { seriousViolations } from './axe';
import { launchApp } from './harness';
import { addCase, createVault, goTo, lock, unlock } from './steps';

const running = appPerTest();

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
] as const;

describe('daily use, by keyboard and for everyone', () => {
  it('opens a new case with Ctrl+N, searches with Ctrl+F, and puts the focus on the heading after navigating', async () => {
    running.app = await launchApp();
    const { page } = running.app;
    await createVault(page, CANARY.passphrase);
    await addCase(page, '2026-03-02T09:00', 'Rechtstreeks bij deze functie');

    await page.keyboard.press('Control+n');
    await page.getByRole('heading', { name: 'Nieuwe zaak' }).waitFor();
    expect(await page.evaluate('document.activeElement?.id')).toBe(await page.getByLabel('Kenmerk (alleen voor uzelf)').getAttribute('id'));
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Zaken', level: 1 }).waitFor();

    await goTo(page, 'Instellingen');
    await expect.poll(() => page.evaluate('document.activeElement?.tagName')).toBe('H1');
    await page.keyboard.press('Control+f');
    await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('case-search');
    await page.keyboard.type('2026-001');
    await page.getByRole('listitem').filter({ hasText: /Zaak 2026-001/ }).waitFor();

    await goTo(page, 'Help');
    await page.getByRole('table', { name: 'Sneltoetsen' }).getByText('Kluis vergrendelen').waitFor();
    await lock(page);
    // Shortcuts do nothing while the vault is locked.
    await page.keyboard.press('Control+n');
    expect(await page.getByRole('heading', { name: 'Nieuwe zaak' }).count()).toBe(0);
    await unlock(page, CANARY.passphrase);
  });

  it('writes dates day first on a 24-hour clock in English too, names a wrong date, and offers its own file button', async () => {
    running.app = await launchApp({ viewport: { width: 1024, height: 640 } });
    const { page, core } = running.app;
    await createVault(page, CANARY.passphrase);
    await page.getByLabel('Taal').selectOption('en');
    await page.getByRole('button', { name: 'New case' }).click();
    const firstContact = page.getByLabel('First contact (date and time)');
    expect(await firstContact.getAttribute('placeholder')).toBe('dd-mm-yyyy hh:mm');
    await firstContact.fill('4-3-2026 21.30');
    await firstContact.blur();
    expect(await firstContact.inputValue()).toBe('04-03-2026 21:30');
    const firstResponse = page.getByLabel('First response (date and time)');
    await firstResponse.fill('31-02-2026 09:00');
    await page.getByRole('button', { name: 'Save case' }).click();
    await page.getByText('Not a valid date. Write day-month-year').first().waitFor();
    expect(await firstResponse.getAttribute('aria-invalid')).toBe('true');
    // No control of the browser's own, which would follow the operating system's language.
    expect(await page.locator('input[type=date], input[type=datetime-local], input[type=file]:not([hidden])').count()).toBe(0);
    expect(core.vault.database().prepare('SELECT count(*) FROM cases').pluck().get()).toBe(0);
    await firstResponse.fill('');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: "Don't save" }).click();

    await page.getByRole('navigation').getByRole('button', { name: 'Team report' }).click();
    await page.getByRole('button', { name: 'Choose export files' }).waitFor();
    await page.getByText('No files chosen').waitFor();
    expect(await page.locator('input[type=file]:not([hidden])').count()).toBe(0);
    await running.app.screenshot('52-dates-and-file-button-en-1024');
  });

  it('closes a case in one step: today prefilled, an outcome picked, the statistics question recalled', async () => {
    running.app = await launchApp();
    const { page, core } = running.app;
    await createVault(page, CANARY.passphrase);
    await addCase(page, '2026-03-02T09:00', 'Rechtstreeks bij deze functie');
    await page.getByRole('button', { name: 'Zaak sluiten' }).click();
    const panel = page.getByRole('form', { name: 'Zaak sluiten' });
    const today = new Date();
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    // Typed and shown day first, as a Dutch adviser writes it; stored as a calendar date.
    expect(await panel.getByLabel('Gesloten op').inputValue()).toBe(iso.split('-').reverse().join('-'));
    await panel.getByText('De statistiekvraag is nog niet gesteld').waitFor();
    await panel.getByLabel('Uitkomst').selectOption({ index: 1 });
    await panel.getByRole('button', { name: 'Zaak sluiten' }).click();
    await expect.poll(() => core.vault.database().prepare('SELECT status, closed_on FROM cases').get()).toEqual({ status: 'closed', closed_on: iso });
    // The row is written before the page has drawn the closed case: wait for the page, not only the row.
    await expect.poll(() => page.getByRole('button', { name: 'Zaak sluiten' }).count()).toBe(0);
  });

  it('has no serious or critical accessibility violation on any main screen, at 1280×800 and 1024×640, in Dutch and English', async () => {
    running.app = await launchApp();
    const { page } = running.app;
    const found: string[] = [];
    const check = async (screen: string) => {
      for (const size of SIZES) {
        await page.setViewportSize(size);
        const language = (await page.evaluate('document.documentElement.lang')) as string;
        await running.app!.screenshot(`daily-${screen}-${language}-${size.width}`);
        for (const violation of await seriousViolations(page)) found.push(`${screen} (${language}, ${size.width}): ${violation}`);
      }
    };
    await page.getByRole('heading', { name: 'Nieuwe kluis aanmaken' }).waitFor();
    await check('create-vault');
    await createVault(page, CANARY.passphrase, 'Ombudsfunctionaris');
    // A new vault's first screen says what to do first, with a way to each step.
    const firstSteps = page.getByRole('region', { name: 'Eerste stappen' });
    await firstSteps.getByRole('button', { name: 'Eerste zaak vastleggen' }).waitFor();
    expect(await firstSteps.getByRole('button', { name: 'Naar instellingen' }).count()).toBe(2);
    await check('case-list-empty');
    await page.getByRole('button', { name: 'Nieuwe zaak' }).click();
    await page.getByRole('button', { name: 'Zaak opslaan' }).click();
    await check('case-form-with-errors');
    await page.keyboard.press('Escape');
    await addCase(page, '2026-03-02T09:00', 'Rechtstreeks bij deze functie');
    await check('case-page');
    // The list has column headings, and at 1024 px no cell hides its text from a screen reader.
    await goTo(page, 'Zaken');
    await page.setViewportSize({ width: 1024, height: 640 });
    for (const heading of ['Nummer', 'Kenmerk', 'Eerste contact', 'Aard', 'Status']) await page.locator('.case-header').getByText(heading, { exact: true }).waitFor();
    const row = page.getByRole('listitem').first().getByRole('button');
    expect(await row.getAttribute('aria-label')).toMatch(/^Zaak \d{4}-001, .*Werkdruk, Open/);
    for (const section of ['Zaken', 'Signalen en activiteiten', 'Jaarexport', 'Teamrapport', 'Bewaartermijn', 'Instellingen', 'Help'] as const) {
      await goTo(page, section);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await check(section);
    }
    await page.getByLabel('Taal').selectOption('en');
    for (const section of ['Cases', 'Case page', 'Settings'] as const) {
      if (section === 'Case page') await page.getByRole('listitem').first().getByRole('button').first().click();
      else await page.getByRole('navigation').getByRole('button', { name: section }).click();
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await check(`${section}-en`);
    }
    await page.getByLabel('Language').selectOption('nl');
    await lock(page);
    await check('unlock');
    expect(found).toEqual([]);
  });
});
