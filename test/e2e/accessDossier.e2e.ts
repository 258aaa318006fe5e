import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CANARY } from '../fixtures/canaries';
import { caseInput, conversationInput, reporter } from '../fixtures/records';
import { callCore } from '../support/callCore';
import { appPerTest } from './appPerTest';
import { launchApp } from './harness';
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

describe('a reporter’s access dossier, in the browser', () => {
  it('is checked in a preview, a passage about a colleague left out, and saved as a PDF that poppler reads with every name intact', async () => {
    running.app = await launchApp({ now: new Date(2026, 1, 10, 12, 0), viewport: { width: 1024, height: 640 } });
    const { page } = running.app;
    await createVault(page, CANARY.passphrase);
    const { ok } = callCore(() => running.app!.core);
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

    // The list shows what the core holds when the adviser comes to it, as after any other screen.
    await goTo(page, 'Help');
    await openCaseList(page);
    await page.locator('.case-row-slot .case-row').first().click();
    await page.getByRole('heading', { name: /^Zaak 2026-001/ }).waitFor();
    const panel = page.locator('details.access-panel');
    await panel.locator('summary').click();
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
});
