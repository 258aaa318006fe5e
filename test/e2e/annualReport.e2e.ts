import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PublicationDocument } from '../../shared/schemas/publication';
import { OTHER_PARTY_KEYS } from '../../shared/schemas/export';
import { CANARY } from '../fixtures/canaries';
import { syntheticCase, syntheticExport } from '../fixtures/syntheticExports';
import { callCore } from '../support/callCore';
import { layoutProblems } from '../support/pdfLayout';
import { temporaryDirectory } from '../support/temporaryDirectory';
import { appPerTest } from './appPerTest';
import { launchApp, SCREENSHOTS, type RunningApp } from './harness';
import { addCase, addCountedCase, createVault, goTo, showExportTables } from './steps';

const running = appPerTest();
const files = temporaryDirectory();
afterAll(() => files.remove());

const TEAM_SECTION = 'Team: meldpunt, ombudsfunctionaris en centrale vertrouwenspersonen';

/** The core's day: January 2027, so all of 2026 is over and can be exported. */
const NOW = new Date(2027, 0, 10, 12, 0);

/** January up to `toMonth` of 2026, whatever the real date makes the screen's default. */
async function choosePeriod(page: Page, toMonth: string): Promise<void> {
  await page.getByLabel('Jaar', { exact: true }).fill('2026');
  await page.getByLabel('Van', { exact: true }).selectOption({ label: 'januari' });
  await page.getByLabel('Tot en met', { exact: true }).selectOption({ label: toMonth });
}

/**
 * Exports 2026 from January up to `toMonth` with the adviser's explicit consent, unsealed (no
 * team here); returns the file's text.
 */
async function exportWithConsent(target: RunningApp, screenshot: string, toMonth = 'december'): Promise<string> {
  const { page } = target;
  const before = target.savedFiles.length;
  await goTo(page, 'Jaarexport');
  await choosePeriod(page, toMonth);
  await page.getByRole('button', { name: 'Voorbeeld tonen' }).click();
  // The summary comes first; the readable tables and the raw bytes are each one click away.
  await page.getByRole('region', { name: 'In het kort' }).waitFor();
  await showExportTables(page);
  await page.getByRole('group').filter({ has: page.getByTestId('export-json') }).locator('summary').click();
  const preview = page.getByTestId('export-json');
  await preview.waitFor();
  const shown = (await preview.textContent()) ?? '';
  const save = page.getByRole('button', { name: 'Opslaan…' });
  expect(await save.isDisabled()).toBe(true);
  expect(target.savedFiles).toHaveLength(before);
  await page.getByLabel('Ik heb alle getallen gecontroleerd en geef toestemming om dit bestand op te slaan.').check();
  expect(await save.isDisabled()).toBe(true);
  await page.getByLabel('Ik begrijp dat dit bestand niet verzegeld is').check();
  await target.screenshot(screenshot);
  await save.click();
  await page.getByRole('status').filter({ hasText: 'Opgeslagen als' }).waitFor();
  const written = readFileSync(target.savedFiles[before]!, 'utf8');
  expect(written.trim()).toBe(shown.trim());
  expect(written).not.toContain('CANARY');
  return written;
}

/** The document the app printed, asked of its core with the report screen's settings. */
const documentOf = (app: RunningApp, language: 'nl' | 'en') =>
  callCore(() => app.core).ok<PublicationDocument>('team.document', { year: 2026, k: 3, grouped: true, language, ioa: true });

/**
 * An adviser's export with reports by every kind of other party: the nature-by-other-party table
 * gets more columns than an A4 page holds side by side.
 */
function wideExport(): string {
  const cases = fc.sample(fc.array(syntheticCase, { minLength: 60, maxLength: 60 }), { numRuns: 1, seed: 2026 })[0]!;
  return JSON.stringify(syntheticExport('central_confidential_adviser', cases.map((entry, index) => ({ ...entry, otherParty: OTHER_PARTY_KEYS[index % OTHER_PARTY_KEYS.length]! })), 2026));
}

/** The chart labels that reach past their chart's edges on a print route page, as Chromium lays them out. */
const CUT_CHART_LABELS = `[...document.querySelectorAll('[data-chart-id] svg')].flatMap((svg) => {
  const box = svg.getBoundingClientRect();
  return [...svg.querySelectorAll('text')].filter((text) => {
    const own = text.getBoundingClientRect();
    return own.left < box.left - 0.5 || own.right > box.right + 0.5;
  }).map((text) => text.textContent);
})`;

const region = (scope: Page | ReturnType<Page['getByRole']>, name: string) => scope.getByRole('region', { name, exact: true });

describe('the annual report, from two advisers to a published PDF', () => {
  it('exports with consent from two functions, merges both with a confirmed replacement, and writes the PDF', async () => {
    let app = (running.app = await launchApp({ now: NOW }));
    await createVault(app.page, CANARY.passphrase, 'Coördinator meldpunt (CCP)');
    await addCountedCase(app.page, '2026-03-02T09:00', 'Intimidatie', 'Wetenschappelijk personeel (WP)', { referredTo: 'Ombudsfunctionaris' });
    await addCountedCase(app.page, '2026-04-02T09:00', 'Werkdruk', 'Ondersteunend personeel (OBP)', { referredTo: 'Ombudsfunctionaris' });
    await addCountedCase(app.page, '2026-04-20T09:00', 'Werkdruk', 'Wetenschappelijk personeel (WP)');
    await addCase(app.page, '2026-06-01T09:00', 'Rechtstreeks bij deze functie');

    // The case nobody asked yet is named before consenting, and opens from the list.
    await goTo(app.page, 'Jaarexport');
    await choosePeriod(app.page, 'december');
    await app.page.getByRole('button', { name: 'Voorbeeld tonen' }).click();
    const notAsked = app.page.getByRole('region', { name: '1 zaak is nog niet gevraagd of hij mag meetellen' });
    await notAsked.getByRole('button', { name: /Zaak \d{4}-004/ }).click();
    await app.page.getByRole('heading', { name: /^Zaak \d{4}-004/ }).waitFor();

    const concernsPoint = await exportWithConsent(app, '20-export-preview');
    const concernsFile = JSON.parse(concernsPoint);
    expect(concernsFile.counts.reports).toBe(3);
    expect(concernsFile.counts.byReferralTarget.ombudsperson).toBe(2);
    writeFileSync(join(files.path, 'concerns-point.json'), concernsPoint);
    await app.close();

    app = running.app = await launchApp({ now: NOW });
    await createVault(app.page, CANARY.passphrase, 'Ombudsfunctionaris');
    await addCountedCase(app.page, '2026-05-06T10:00', 'Arbeidsconflict', 'Ondersteunend personeel (OBP)');
    await addCountedCase(app.page, '2026-05-08T10:00', 'Intimidatie', 'Wetenschappelijk personeel (WP)', { routeLabel: 'Via het meldpunt (CCP)' });
    const firstHalf = await exportWithConsent(app, '21-export-ombuds', 'juni');
    const firstFile = JSON.parse(firstHalf);
    expect([firstFile.counts.reports, firstFile.counts.receivedReports, firstFile.counts.referralsReceived.concerns_point]).toEqual([1, 1, 1]);
    writeFileSync(join(files.path, 'ombudsperson.json'), firstHalf);
    await addCountedCase(app.page, '2026-07-01T10:00', 'Pesten', 'Ondersteunend personeel (OBP)');
    await addCountedCase(app.page, '2026-08-03T10:00', 'Werkdruk', 'Ondersteunend personeel (OBP)');
    const wholeYear = await exportWithConsent(app, '21-export-ombuds-again', 'december');
    expect(JSON.parse(wholeYear).counts.reports).toBe(3);
    writeFileSync(join(files.path, 'ombudsperson-year.json'), wholeYear);

    const { page } = app;
    await goTo(page, 'Teamrapport');
    // No team here: the merging member accepts these unsealed files knowingly, batch by batch (the box unticks as each starts).
    const importUnsealed = async (names: string[]) => {
      await page.getByLabel('Onverzegelde exportbestanden accepteren').check();
      await page.getByLabel('Exportbestanden kiezen').setInputFiles(names.map((name) => join(files.path, name)));
    };
    await importUnsealed(['concerns-point.json', 'ombudsperson.json']);
    await page.getByText('ombudsperson.json: geïmporteerd').waitFor();
    expect(await page.getByText('concerns-point.json: geïmporteerd').count()).toBe(1);

    await importUnsealed(['ombudsperson.json']);
    await page.getByText('ombudsperson.json: Deze export is al geïmporteerd.').waitFor();
    writeFileSync(join(files.path, 'tampered.json'), concernsPoint.replace('"reports": 3', '"reports": 30'));
    await importUnsealed(['tampered.json']);
    await page.getByText('tampered.json: Dit bestand is na het exporteren gewijzigd').waitFor();

    // The same adviser's second export overlaps the first: both are shown, and only a confirmation replaces.
    await importUnsealed(['ombudsperson-year.json']);
    const replace = page.getByRole('alertdialog', { name: 'ombudsperson-year.json overlapt met eerdere imports van dezelfde adviseur' });
    const adviser = `adviseur ${firstFile.adviserId.slice(0, 8)}`;
    const incoming = (await replace.getByRole('list', { name: 'Nieuwe export' }).textContent()) ?? '';
    expect(incoming).toContain(adviser);
    expect(incoming).toContain('31 dec 2026');
    const overlapping = (await replace.getByRole('list', { name: 'Overlapt met deze import' }).textContent()) ?? '';
    expect(overlapping).toContain('30 jun 2026');
    expect(overlapping).toContain('1 melding');
    await app.screenshot('22-replace-confirmation');
    await replace.getByRole('button', { name: 'Ja, de eerdere import vervangen' }).click();
    await page.getByText('ombudsperson-year.json: geïmporteerd, verving 1 eerdere import').waitFor();
    const imports = page.getByRole('table', { name: 'Imports voor 2026' });
    expect(await imports.getByRole('row').count()).toBe(3);
    expect(await imports.getByRole('row', { name: /Ombudsfunctionaris/ }).textContent()).toContain('31 dec 2026');
    expect(await page.getByRole('region', { name: 'Vervangen imports' }).textContent()).toContain(`${adviser}: 1 jan 2026 – 30 jun 2026`);

    await page.getByLabel('Aantal medewerkers in 2026').fill('240');
    await page.getByRole('button', { name: 'Personeelsomvang opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Personeelsomvang opgeslagen.' }).waitFor();
    await page.getByLabel('Drempel k (minimaal 3)').fill('3');

    const publication = page.getByRole('article', { name: 'Jaarcijfers 2026' });
    const team = region(publication, TEAM_SECTION);
    const keyFigures = (await region(team, 'Kerncijfers').textContent()) ?? '';
    expect(keyFigures).toContain('Meldingen (uniek, elk één keer geteld)6');
    expect(keyFigures).toContain('2,5% van 240 medewerkers');

    const byFunction = region(team, 'Meldingen per functie');
    expect(await byFunction.textContent()).toContain('Telt meldingen; percentages van 6.');
    expect(await byFunction.textContent()).toContain('bij de functie van het eerste contact');
    expect(await byFunction.getByRole('row', { name: /Coördinator meldpunt/ }).textContent()).toBe('Coördinator meldpunt (CCP)350%');
    expect(await byFunction.getByRole('row', { name: /Ombudsfunctionaris/ }).textContent()).toBe('Ombudsfunctionaris350%');

    const flows = region(team, 'Doorverwijzingen tussen functies');
    const flow = flows.getByRole('row', { name: /Meldpunt \(CCP\)/ });
    expect(await flow.textContent()).toBe('Meldpunt (CCP)Ombudsfunctionaris<3<3Let op: de twee kanten telden verschillend.');

    const profile = region(team, 'Profiel van de melders');
    expect(await profile.textContent()).toContain('Telt melders');
    expect(await profile.locator('[data-bar]').count()).toBe(2);
    expect(await region(team, 'Aard van de meldingen').textContent()).toContain('samen komen de meldingen boven de 100%');
    expect(await region(team, 'Alleen advies of intensiever').textContent()).toContain('Telt meldingen');
    await app.screenshot('23-team-report');

    // The exact figures are for the merging member only: marked, and never what the publication holds.
    await page.getByLabel('Exacte cijfers tonen (niet voor publicatie)').check();
    const exact = page.getByRole('article', { name: 'Exacte cijfers 2026' });
    await exact.getByText('Niet voor publicatie', { exact: false }).waitFor();
    const exactFlow = region(region(exact, TEAM_SECTION), 'Doorverwijzingen tussen functies').getByRole('row', { name: /Meldpunt \(CCP\)/ });
    expect(await exactFlow.textContent()).toContain('Meldpunt (CCP)Ombudsfunctionaris21');
    await page.getByLabel('Exacte cijfers tonen (niet voor publicatie)').uncheck();

    // The team's own words, kept in the vault, go onto the title page and above the sections.
    await page.getByLabel('Organisatie op de titelpagina').fill('Universiteit Canaryland');
    await page.getByLabel('Tekst bij ‘Kerncijfers’').fill('Dit jaar kwamen zes meldingen binnen.');
    await page.getByRole('button', { name: 'Teksten opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Teksten opgeslagen.' }).waitFor();

    // The concerns point counted 2 referrals to the ombudsperson, whose exports received 1: the merging
    // member is asked in words naming functions, and publishing waits for the answer.
    const question = region(page, 'Doorverwijzingen die niet kloppen').getByRole('group', {
      name: 'Het meldpunt zegt 2 meldingen te hebben doorverwezen naar de ombudsfunctionaris; de exports aan die kant ontvingen er 1 als doorverwezen.',
    });
    await page.getByText('Nog 1 doorverwijzing te beantwoorden voordat u publiceert', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Opslaan als PDF…' }).isDisabled()).toBe(true);
    await app.screenshot('23-flow-question');
    // The choice shows once the vault has kept it (the report is read again): a click, not a check that expects it at once.
    await question.getByRole('radio', { name: 'Ze kwamen niet aan bij de ombudsfunctionaris' }).click();
    await page.getByRole('status').filter({ hasText: 'Antwoord opgeslagen; het totaal en de voetnoot volgen het.' }).waitFor();
    expect(await flow.textContent()).toContain('Doorverwijzingen van het meldpunt naar de ombudsfunctionaris die daar niet aankwamen');

    await page.getByLabel('IOA-categorieën opnemen (voor internationale vergelijking)').check();
    await page.getByRole('button', { name: 'Opslaan als PDF…' }).click();
    await page.getByRole('status').filter({ hasText: 'confidant-annual-report-2026.pdf' }).waitFor();
    const pdf = app.savedFiles.at(-1)!;
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const pages = text.split('\f').filter((entry) => entry.trim() !== '');
    const flat = text.replace(/\s+/g, ' ');
    expect(pages[0]).toContain('Universiteit Canaryland');
    expect(pages[0]).toContain('Jaarverslag 2026: sociale veiligheid');
    expect(pages[0]).toContain('Gemaakt op 10 januari 2027');
    expect(pages[0]).toContain('Coördinator meldpunt (CCP): 1 adviseur over januari – december 2026');
    expect(pages[0]).toContain('Ombudsfunctionaris: 1 adviseur over januari – december 2026');
    expect(layoutProblems(pdf, await documentOf(app, 'nl'))).toEqual([]);
    for (const heading of ['Kerncijfers', 'Profiel van de melders', 'Leeftijd', 'Meldingen per functie en doorverwijzingen', 'Aard van de meldingen en de andere partij', 'Afhandeling', 'Signalen', 'Voorlichting', 'Bemiddelingen', 'Internationale vergelijking (IOA)']) {
      expect(flat).toContain(heading);
    }
    expect(flat).toContain('Dit jaar kwamen zes meldingen binnen.');
    expect(flat).toContain('Doorverwijzingen van het meldpunt naar de ombudsfunctionaris die daar niet aankwamen, zijn daar geen melding');
    pages.forEach((page, index) => expect(page).toMatch(new RegExp(`\\b${index + 1} / ${pages.length}\\b`)));
    // Two small counts in the profile, and the count beside one hidden only to protect it: its own mark and footnote.
    const profileText = text.slice(text.indexOf('Profiel van de melders'));
    expect(profileText).toMatch(/Wetenschappelijk personeel \(WP\)\s+<3/);
    expect(profileText).toMatch(/Ondersteunend personeel \(OBP\)\s+×/);
    expect(flat).toContain('×: een aantal dat alleen is verborgen zodat een klein aantal in dezelfde rij, kolom of totaal niet terug te rekenen is.');
    expect(text).not.toContain('Exportbestanden kiezen');
    expect(text).not.toContain('Niet voor publicatie');
    // Every page rendered to an image, kept with the screenshots.
    for (const stale of readdirSync(SCREENSHOTS).filter((name) => name.startsWith('24-report-page-'))) rmSync(join(SCREENSHOTS, stale));
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(SCREENSHOTS, '24-report-page')]);
    expect(readdirSync(SCREENSHOTS).filter((name) => name.startsWith('24-report-page-'))).toHaveLength(pages.length);

    // The print route draws one bar per category, hidden ones included.
    const printPage = await app.openPrintRoute('#/print?year=2026&k=3&grouped=1&lang=nl');
    const profileChart = printPage.locator('[data-chart-id="team.reporterProfile"]');
    expect(await profileChart.locator('[data-bar]').count()).toBe(2);
    expect(await profileChart.locator('[data-bar="small"]').count()).toBe(1);
    expect(await profileChart.locator('[data-bar="complement"]').count()).toBe(1);
    expect(await printPage.locator('[data-chart-id="team.reportsByFunction"] [data-bar]').count()).toBe(2);
    expect(await printPage.getAttribute('html', 'lang')).toBe('nl');
    // The longest label wraps onto lines of its own, and no label reaches past its chart.
    expect(await printPage.locator('[data-chart-id="team.handlingSummary"] text', { hasText: 'Intensiever' }).locator('tspan').count()).toBeGreaterThan(1);
    expect(await printPage.evaluate(CUT_CHART_LABELS)).toEqual([]);
    await printPage.close();

    await page.getByLabel('Taal van het verslag').selectOption('en');
    await page.getByRole('button', { name: 'Opslaan als Word…' }).click();
    await page.getByRole('status').filter({ hasText: 'confidant-annual-report-2026.docx' }).waitFor();
    const { value: html } = await mammoth.convertToHtml({ path: app.savedFiles.at(-1)! });
    expect(html).toContain('<h1>Profile of reporters</h1>');
    // The charts Word holds are the print route's own, rasterised in the page.
    expect(html.match(/<img src="data:image\/png;base64,/g)!.length).toBeGreaterThanOrEqual(5);

    await page.getByRole('button', { name: 'Opslaan als Excel…' }).click();
    await page.getByRole('status').filter({ hasText: 'confidant-annual-report-2026.xlsx' }).waitFor();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(app.savedFiles.at(-1)!);
    expect(workbook.getWorksheet('Reporter profile')!.getCell('A1').value).toBe('Reporter profile');

    // A third adviser's export with reports by every kind of other party: a table wider than the page.
    writeFileSync(join(files.path, 'wide.json'), wideExport());
    await page.getByLabel('Onverzegelde exportbestanden accepteren').check();
    await page.getByLabel('Exportbestanden kiezen').setInputFiles(join(files.path, 'wide.json'));
    await page.getByText('wide.json: geïmporteerd').waitFor();
    // Its referrals to other functions were received by no one here: each such flow is answered before publishing.
    const unanswered = region(page, 'Doorverwijzingen die niet kloppen').locator('fieldset:not(:has(input:checked))');
    for (let left = await unanswered.count(); left > 0; left = await unanswered.count()) {
      await unanswered.first().getByRole('radio', { name: /^Ze kwamen niet aan bij/ }).click();
      await expect.poll(() => unanswered.count()).toBeLessThan(left);
    }
    for (const [language, part] of [['nl', 'deel 1 van'], ['en', 'part 1 of']] as const) {
      await page.getByLabel('Taal van het verslag').selectOption(language);
      const before = app.savedFiles.length;
      await page.getByRole('button', { name: 'Opslaan als PDF…' }).click();
      await expect.poll(() => app.savedFiles.length, { timeout: 60_000 }).toBe(before + 1);
      await page.getByRole('status').filter({ hasText: 'confidant-annual-report-2026.pdf' }).waitFor();
      const printed = app.savedFiles.at(-1)!;
      const document = await documentOf(app, language);
      expect(document.sections.flatMap((section) => section.tables).find((table) => table.id === 'team.natureByOtherParty')!.columns.length).toBeGreaterThan(8);
      // Every column header, every total and every chart label whole, on the page, at least 8 pt: read by poppler.
      expect(layoutProblems(printed, document), language).toEqual([]);
      expect(execFileSync('pdftotext', ['-layout', printed, '-'], { encoding: 'utf8' })).toContain(part);
      const route = await app.openPrintRoute(`#/print?year=2026&k=3&grouped=1&lang=${language}&ioa=1`);
      expect(await route.evaluate(CUT_CHART_LABELS), language).toEqual([]);
      await route.close();
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '12', printed, join(SCREENSHOTS, `25-wide-report-${language}`)]);
    }
  });
});
