import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CANARY } from '../fixtures/canaries';
import { temporaryDirectory } from '../support/temporaryDirectory';
import { appPerTest } from './appPerTest';
import { launchApp, type RunningApp } from './harness';
import { addCountedCase, createVault, goTo } from './steps';

const running = appPerTest();
const files = temporaryDirectory();
afterAll(() => files.remove());

/** Exports this year's figures with the adviser's explicit consent; returns the file's text. */
async function exportWithConsent(target: RunningApp, screenshot: string): Promise<string> {
  const { page } = target;
  await goTo(page, 'Jaarexport');
  await page.getByRole('button', { name: 'Voorbeeld tonen' }).click();
  const preview = page.getByTestId('export-json');
  await preview.waitFor();
  const shown = (await preview.textContent()) ?? '';
  const save = page.getByRole('button', { name: 'Opslaan…' });
  expect(await save.isDisabled()).toBe(true);
  expect(target.savedFiles).toEqual([]);
  await page.getByLabel('Ik heb alle getallen gecontroleerd en geef toestemming om dit bestand op te slaan.').check();
  await target.screenshot(screenshot);
  await save.click();
  await page.getByRole('status').filter({ hasText: 'Opgeslagen als' }).waitFor();
  const written = readFileSync(target.savedFiles[0]!, 'utf8');
  expect(written.trim()).toBe(shown.trim());
  expect(written).not.toContain('CANARY');
  return written;
}

describe('the annual report, from two advisers to a published PDF', () => {
  it('exports with consent from two functions, merges both, charts them and writes the PDF', async () => {
    let app = (running.app = await launchApp());
    await createVault(app.page, CANARY.passphrase, 'Coördinator meldpunt (CCP)');
    await addCountedCase(app.page, '2026-03-02T09:00', 'Intimidatie', 'Wetenschappelijk personeel (WP)');
    await addCountedCase(app.page, '2026-04-02T09:00', 'Werkdruk', 'Promovendus');
    const concernsPoint = await exportWithConsent(app, '20-export-preview');
    expect(JSON.parse(concernsPoint).counts.reports).toBe(2);
    writeFileSync(join(files.path, 'concerns-point.json'), concernsPoint);
    await app.close();

    app = running.app = await launchApp();
    await createVault(app.page, CANARY.passphrase, 'Ombudsfunctionaris');
    await addCountedCase(app.page, '2026-05-06T10:00', 'Arbeidsconflict', 'Ondersteunend personeel (OBP)');
    const ombudsperson = await exportWithConsent(app, '21-export-ombuds');
    writeFileSync(join(files.path, 'ombudsperson.json'), ombudsperson);

    const { page } = app;
    await goTo(page, 'Teamrapport');
    await page.getByLabel('Exportbestanden kiezen').setInputFiles([join(files.path, 'concerns-point.json'), join(files.path, 'ombudsperson.json')]);
    await page.getByText('ombudsperson.json: geïmporteerd').waitFor();
    expect(await page.getByText('concerns-point.json: geïmporteerd').count()).toBe(1);

    await page.getByLabel('Exportbestanden kiezen').setInputFiles([join(files.path, 'ombudsperson.json')]);
    await page.getByText('ombudsperson.json: Deze export is al geïmporteerd.').waitFor();
    writeFileSync(join(files.path, 'tampered.json'), concernsPoint.replace('"reports": 2', '"reports": 20'));
    await page.getByLabel('Exportbestanden kiezen').setInputFiles([join(files.path, 'tampered.json')]);
    await page.getByText('tampered.json: Dit bestand is na het exporteren gewijzigd').waitFor();

    await page.getByLabel('Drempel k (minimaal 3)').fill('3');
    const publication = page.getByRole('article', { name: 'Jaarcijfers' });
    await publication.getByRole('region', { name: 'Profiel van de melders' }).waitFor();
    expect(await publication.locator('svg.recharts-surface .recharts-bar-rectangle').count()).toBeGreaterThan(0);
    const profile = (await publication.getByRole('region', { name: 'Profiel van de melders' }).textContent()) ?? '';
    expect(profile).toContain('<3');
    const total = publication.getByRole('region', { name: 'Meldingen en melders' }).getByRole('row', { name: /Meldingen/ });
    expect(await total.textContent()).toContain('3');
    await app.screenshot('22-team-report');

    await page.getByRole('button', { name: 'Opslaan als PDF…' }).click();
    await page.getByRole('status').filter({ hasText: 'confidant-annual-report.pdf' }).waitFor();
    const pdf = app.savedFiles.at(-1)!;
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    for (const heading of ['Jaarcijfers', 'Profiel van de melders', 'Leeftijdsopbouw', 'Aard van de meldingen', 'Afhandeling']) {
      expect(text).toContain(heading);
    }
    expect(text).not.toContain('Exportbestanden kiezen');
  });
});
