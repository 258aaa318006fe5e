import { execFileSync } from 'node:child_process';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CANARY } from '../fixtures/canaries';
import { caseInput, conversationInput, reporter } from '../fixtures/records';
import { callCore } from '../support/callCore';
import { appPerTest } from './appPerTest';
import { backupFolderBeside, launchApp, type RunningApp } from './harness';
import { createVault, goTo, openCaseList } from './steps';

const running = appPerTest();

/** The reporter who asks, with names in Polish, Turkish and Chinese script in her own entry. */
const ASKING = 'Małgorzata Wiśniewska';
const CHINESE = '王秀英';
const TURKISH = 'Ayşe Yılmaz';
const ARABIC = 'فاطمة الزهراء';
const WORDS = {
  ownNote: 'CANARYEIGENNOTITIE',
  aboutColleague: 'CANARYOVERDECOLLEGA',
  otherReporterNote: 'CANARYANDEREMELDER',
  otherReporterName: 'CANARYNAAMTWEEDEMELDER',
};

/** A PDF as an outside reader sees it: poppler's text, and the fonts it embeds. */
const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
const pdfFonts = (path: string) => execFileSync('pdffonts', [path], { encoding: 'utf8' });

/** The joint case of the walk: the asking reporter's entry names her, the other reporter's entry names only him. */
async function jointCase(app: RunningApp): Promise<number> {
  const { ok } = callCore(() => app.core);
  const { id: caseId } = await ok<{ id: number }>(
    'cases.create',
    caseInput({
      reporters: [reporter({ name: ASKING }), reporter({ name: WORDS.otherReporterName })],
      firstContactAt: '2026-01-05T09:00',
      firstResponseAt: '2026-01-05T10:00',
      consents: [{ scope: 'count_in_statistics', answer: 'given', withWhom: 'CANARYCONSENTWHOM', givenOn: '2026-01-05', withdrawnOn: null }],
    }),
  );
  const add = (participants: string, notes: string) => ok('conversations.add', { caseId, conversation: conversationInput({ heldAt: '2026-01-06T10:00', participants, notes }) });
  await add(`${ASKING}, tolk ${CHINESE}`, `Eerste gesprek met ${TURKISH} en ${ARABIC} erbij. ${WORDS.ownNote}\nZij vertelde over haar collega ${WORDS.aboutColleague}.`);
  await add(WORDS.otherReporterName, `Apart gesprek. ${WORDS.otherReporterNote}`);
  return caseId;
}

/** The case page of the joint case, with its access panel open. */
async function openAccessPanel(page: Page): Promise<Locator> {
  await goTo(page, 'Help');
  await openCaseList(page);
  await page.locator('.case-row-slot .case-row').first().click();
  await page.getByRole('heading', { name: /^Zaak 2026-001/ }).waitFor();
  const panel = page.locator('details.access-panel');
  await panel.locator('summary').click();
  return panel;
}

describe('a reporter’s access dossier, in the browser', () => {
  it('is checked in a preview, a passage about a colleague left out, and saved as a PDF that poppler reads with every name intact', async () => {
    running.app = await launchApp({ now: new Date(2026, 1, 10, 12, 0), viewport: { width: 1024, height: 640 } });
    const { page } = running.app;
    await createVault(page, CANARY.passphrase);
    await jointCase(running.app);

    const panel = await openAccessPanel(page);
    await panel.getByLabel('Datum van het inzageverzoek').fill('31-01-2026');
    await panel.getByRole('button', { name: 'Verzoek vastleggen' }).click();
    await panel.getByText('antwoord uiterlijk 28 feb').waitFor();

    await panel.getByLabel('Melder', { exact: true }).selectOption({ label: ASKING });
    await panel.getByRole('button', { name: 'Dossier bekijken' }).click();
    const preview = page.getByRole('region', { name: `Dossier voor ${ASKING}` });
    await preview.getByText(WORDS.aboutColleague).waitFor();
    expect(await preview.getByText(WORDS.otherReporterNote).count()).toBe(0);
    const colleague = preview.locator('.passage').filter({ hasText: WORDS.aboutColleague });
    await colleague.getByRole('checkbox', { name: 'Weglaten (betreft een ander)' }).check();
    await preview.locator('.passage.left-out').getByText('weggelaten: betreft een ander', { exact: true }).waitFor();
    expect(await preview.getByText(WORDS.aboutColleague).count()).toBe(0);
    await running.app.screenshot('access-dossier-preview');

    await preview.getByRole('button', { name: 'Opslaan als PDF…' }).click();
    await preview.getByRole('status').filter({ hasText: 'Opgeslagen als inzage-2026-001.pdf' }).waitFor();
    const saved = running.app.savedFiles.at(-1)!;
    const text = pdfText(saved);
    for (const words of [ASKING, CHINESE, TURKISH, WORDS.ownNote, 'weggelaten: betreft een ander', 'Gesprekken en aantekeningen']) expect(text, words).toContain(words);
    for (const words of [WORDS.aboutColleague, WORDS.otherReporterNote, WORDS.otherReporterName]) expect(text, words).not.toContain(words);
    // Every script has its glyphs from the fonts the app ships, embedded in the file.
    const fonts = pdfFonts(saved);
    for (const family of ['NotoSans-Regular', 'NotoSansSC', 'NotoSansArabic']) expect(fonts, family).toContain(family);
    await panel.getByText(/dossier gegeven 10 feb 2026/).waitFor();
  });
  it('erases the other reporter after the case number is typed, keeps the asking one and her entry, and offers the older backup for deletion', async () => {
    running.app = await launchApp({ now: new Date(2026, 1, 10, 12, 0), viewport: { width: 1024, height: 640 } });
    const { page } = running.app;
    await createVault(page, CANARY.passphrase);
    const { ok } = callCore(() => running.app!.core);
    running.app.answerNextFolderDialog(backupFolderBeside(running.app));
    await ok('backup.chooseFolder', {});
    await jointCase(running.app);
    await ok('backup.now', {});

    const panel = await openAccessPanel(page);
    await panel.getByLabel('Melder', { exact: true }).selectOption({ label: WORDS.otherReporterName });
    await panel.getByRole('button', { name: 'Gegevens van deze melder wissen…' }).click();
    const erasure = page.getByRole('region', { name: `Wissen op verzoek van ${WORDS.otherReporterName}` });
    await erasure.getByText('De gegevens van de melder en 1 gesprek dat alleen deze melder betreft, worden vernietigd.').waitFor();
    await erasure.getByText('Blijft staan: 1 gesprek en de andere melders (1).').waitFor();
    const confirm = erasure.getByRole('button', { name: 'Definitief wissen' });
    const typed = erasure.getByLabel('Typ het zaaknummer 2026-001 om te bevestigen');
    await typed.fill('2026-01');
    expect(await confirm.isDisabled()).toBe(true);
    await typed.fill('2026-001');
    await running.app.screenshot('access-erasure-confirm');
    await confirm.click();
    await erasure.getByRole('status').filter({ hasText: `De gegevens van ${WORDS.otherReporterName} zijn gewist.` }).waitFor();
    await erasure.getByText('1 back-up in uw back-upmap is gemaakt vóór het wissen en bevat de gewiste gegevens nog.', { exact: false }).waitFor();

    // The case page reads the case again: one reporter, her entry, none of the other's.
    await page.locator('.timeline-item').filter({ hasText: WORDS.ownNote }).waitFor();
    const caseShown = page.locator('.case-layout');
    expect(await caseShown.getByText(WORDS.otherReporterNote).count()).toBe(0);
    expect(await caseShown.getByText(WORDS.otherReporterName).count()).toBe(0);
    expect(await caseShown.getByText(ASKING).count()).toBeGreaterThan(0);
  });
});
