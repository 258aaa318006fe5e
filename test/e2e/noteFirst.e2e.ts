import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CANARY } from '../fixtures/canaries';
import { caseInput, conversationInput } from '../fixtures/records';
import { appPerTest } from './appPerTest';
import { launchApp, SCREENSHOTS, type RunningApp } from './harness';
import { createVault, goTo, openCaseList } from './steps';

const running = appPerTest();
const AXE_SOURCE = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');
const FIGURES = join(SCREENSHOTS, '..', 'noteFirst');

const SMALL = { width: 1024, height: 640 };
const SIZES = [SMALL, { width: 1366, height: 768 }] as const;

/** The statistics of a case: none may hold an answer the adviser did not give. */
const STATISTICS_COLUMNS = ['intake_route', 'referred_in_by', 'reporter_identified', 'other_party_relation', 'other_party_hierarchical', 'recency', 'frequency', 'people_affected', 'people_behaving_badly', 'outcome'];
const STATISTICS_TABLES = ['case_reporters', 'case_natures', 'case_handlings', 'case_referrals', 'case_consents'];

/**
 * What the adviser does, counted: every click and every key press other than typing text. Typing
 * goes to the field that already holds the caret, so reaching a field is always a counted action.
 */
class CountedWalk {
  readonly steps: string[] = [];

  constructor(private readonly page: Page) {}

  get actions(): number {
    return this.steps.length;
  }

  async click(target: Locator, what: string): Promise<void> {
    this.steps.push(`click ${what}`);
    await target.click();
    await this.noStatisticsField();
  }

  async press(keys: string): Promise<void> {
    this.steps.push(`press ${keys}`);
    await this.page.keyboard.press(keys);
    await this.noStatisticsField();
  }

  async type(field: Locator, text: string): Promise<void> {
    await expect.poll(() => field.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
    await this.page.keyboard.insertText(text);
  }

  /** The walk never reaches the case form, where the statistics are answered. */
  private async noStatisticsField(): Promise<void> {
    expect(await this.page.evaluate("Boolean(document.activeElement?.closest('form.case-form'))")).toBe(false);
  }
}

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/** axe-core in the real renderer, through the debugging protocol (the app's CSP stays as it ships). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((result) => result.violations)`)) as AxeViolation[];
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

async function viewportShot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** A case as the before-screenshot showed it: three conversations, statistics answered and consented. */
async function seedCaseWithThreeConversations(app: RunningApp): Promise<number> {
  const created = await app.core.router.handle(
    'cases.create',
    caseInput({
      label: 'Werkdruk en sfeer in team B',
      reporters: [{ ...caseInput().reporters[0]!, name: 'Melder A', unit: 'Faculteit X' }],
      otherParty: { relation: 'direct_supervisor', hierarchical: true, description: 'Leidinggevende' },
      consents: [{ scope: 'count_in_statistics', answer: 'given', withWhom: '', givenOn: '2026-03-02', withdrawnOn: null }],
    }),
  );
  if (!created.ok) throw new Error(`seed case refused: ${created.error.code}`);
  const id = (created.value as { id: number }).id;
  const notes = [
    'Eerste gesprek: de melder vertelt over de werkdruk en de toon in het team.',
    'Tweede gesprek: mogelijke stappen besproken; melder denkt erover na.',
    'Derde gesprek: melder wil een gesprek met de leidinggevende voorbereiden.',
  ];
  for (const [index, note] of notes.entries()) {
    const added = await app.core.router.handle('conversations.add', { caseId: id, conversation: conversationInput({ heldAt: `2026-03-0${3 + index}T10:00`, participants: 'Melder', notes: note }) });
    if (!added.ok) throw new Error(`seed conversation refused: ${added.error.code}`);
  }
  return id;
}

/** The case list drawn afresh (cases added through the core since it last loaded). */
async function freshCaseList(page: Page): Promise<void> {
  await goTo(page, 'Help');
  await openCaseList(page);
}

/** Where an element starts on the page, in CSS pixels from the top, whatever is scrolled. */
const pageTop = (element: Locator) => element.evaluate((node) => Math.round(node.getBoundingClientRect().top + node.ownerDocument.defaultView!.scrollY));
const pageHeight = (page: Page) => page.evaluate<number>('document.scrollingElement.scrollHeight');

const inViewport = (element: Locator) => element.evaluate((node) => {
  const box = node.getBoundingClientRect();
  return box.height > 0 && box.top >= 0 && box.bottom <= node.ownerDocument.defaultView!.innerHeight;
});

describe('note first: a conversation is the fastest thing to write down (issue 22)', () => {
  it('writes a conversation for an existing case and a new case with its first note in three actions each, by mouse and by keyboard, in Dutch at 1024×640', async () => {
    running.app = await launchApp({ viewport: SMALL });
    const app = running.app;
    const { page, core } = app;
    const db = () => core.vault.database();
    await createVault(page, CANARY.passphrase);
    const caseId = await seedCaseWithThreeConversations(app);
    const figures: Record<string, { actions: number; steps: string[] }> = {};

    // An existing case, by mouse: open it from the list, click into the note, save.
    await freshCaseList(page);
    const existing = new CountedWalk(page);
    await existing.click(page.getByRole('listitem').filter({ hasText: 'Werkdruk en sfeer in team B' }).getByRole('button'), 'the case in the list');
    await page.getByRole('heading', { name: '3 gesprekken' }).waitFor();
    const composer = page.getByRole('form', { name: 'Gesprek toevoegen' });
    // The writing area is on screen at once, below the conversations, with nothing scrolled.
    expect(await inViewport(composer.getByLabel('Notities'))).toBe(true);
    expect(await inViewport(composer.getByRole('button', { name: 'Gesprek opslaan' }))).toBe(true);
    await viewportShot(page, 'after-case-page');
    const casePage = { pageHeight: await pageHeight(page), notesTop: await pageTop(composer.getByLabel('Notities')), innerHeight: SMALL.height };
    const firstNote = `Vierde gesprek: ${CANARY.noteWord} besproken.`;
    await existing.click(composer.getByLabel('Notities'), 'the note');
    await existing.type(composer.getByLabel('Notities'), firstNote);
    await existing.click(composer.getByRole('button', { name: 'Gesprek opslaan' }), 'Gesprek opslaan');
    await page.getByRole('heading', { name: '4 gesprekken' }).waitFor();
    figures.existingCaseByMouse = { actions: existing.actions, steps: existing.steps };
    expect(db().prepare('SELECT case_id FROM conversations WHERE notes = ?').pluck().all(firstNote)).toEqual([caseId]);

    // The same by keyboard: the shortcut on a case page puts the caret in the writing area, Ctrl+Enter saves.
    await freshCaseList(page);
    const existingByKeys = new CountedWalk(page);
    await existingByKeys.click(page.getByRole('listitem').filter({ hasText: 'Werkdruk en sfeer in team B' }).getByRole('button'), 'the case in the list');
    await page.getByRole('heading', { name: '4 gesprekken' }).waitFor();
    const secondNote = `Vijfde gesprek, telefonisch: ${CANARY.noteWord}.`;
    await existingByKeys.press('Control+Shift+N');
    await existingByKeys.type(composer.getByLabel('Notities'), secondNote);
    await existingByKeys.press('Control+Enter');
    await page.getByRole('heading', { name: '5 gesprekken' }).waitFor();
    figures.existingCaseByKeyboard = { actions: existingByKeys.actions, steps: existingByKeys.steps };
    expect(db().prepare('SELECT case_id FROM conversations WHERE notes = ?').pluck().all(secondNote)).toEqual([caseId]);

    // A new case, by mouse: 'Nieuw gesprek', a label (the caret is already there), click into the note, save.
    await freshCaseList(page);
    const newCase = new CountedWalk(page);
    await newCase.click(page.getByRole('button', { name: 'Nieuw gesprek' }), 'Nieuw gesprek');
    const capture = page.getByRole('form', { name: 'Gesprek met een nieuwe zaak' });
    await newCase.type(capture.getByLabel('Kenmerk (alleen voor uzelf)'), 'Telefoontje over een promotor');
    const thirdNote = `Eerste gesprek: ${CANARY.name} belde over de begeleiding.`;
    await newCase.click(capture.getByLabel('Notities'), 'the note');
    await newCase.type(capture.getByLabel('Notities'), thirdNote);
    await newCase.click(capture.getByRole('button', { name: 'Gesprek opslaan' }), 'Gesprek opslaan');
    await page.getByRole('heading', { name: /^Zaak \d{4}-\d{3} Telefoontje over een promotor$/ }).waitFor();
    await page.getByRole('heading', { name: '1 gesprek' }).waitFor();
    figures.newCaseByMouse = { actions: newCase.actions, steps: newCase.steps };
    await viewportShot(page, 'note-first-new-case');

    // And by keyboard from the list: Ctrl+Shift+N, the label, Tab to the note, Ctrl+Enter.
    await freshCaseList(page);
    const newCaseByKeys = new CountedWalk(page);
    await newCaseByKeys.press('Control+Shift+N');
    await newCaseByKeys.type(capture.getByLabel('Kenmerk (alleen voor uzelf)'), 'Vraag over sociale veiligheid');
    await newCaseByKeys.press('Tab');
    const fourthNote = `Korte vraag, ${CANARY.noteWord}.`;
    await newCaseByKeys.type(capture.getByLabel('Notities'), fourthNote);
    await newCaseByKeys.press('Control+Enter');
    await page.getByRole('heading', { name: /^Zaak \d{4}-\d{3} Vraag over sociale veiligheid$/ }).waitFor();
    figures.newCaseByKeyboard = { actions: newCaseByKeys.actions, steps: newCaseByKeys.steps };

    mkdirSync(FIGURES, { recursive: true });
    writeFileSync(join(FIGURES, 'actions.json'), `${JSON.stringify({ ...figures, casePage }, null, 2)}\n`);
    expect(figures.existingCaseByMouse.actions).toBeLessThanOrEqual(3);
    expect(figures.existingCaseByKeyboard.actions).toBeLessThanOrEqual(3);
    expect(figures.newCaseByMouse.actions).toBeLessThanOrEqual(4);
    expect(figures.newCaseByKeyboard.actions).toBeLessThanOrEqual(4);

    // On disk: each new case holds its label, its conversation and first contact from it, and no statistics answer at all.
    for (const [label, note] of [
      ['Telefoontje over een promotor', thirdNote],
      ['Vraag over sociale veiligheid', fourthNote],
    ] as const) {
      const row = db().prepare(`SELECT id, first_contact_at, needs_attention, ${STATISTICS_COLUMNS.join(', ')} FROM cases WHERE label = ?`).get(label) as Record<string, unknown>;
      const conversation = db().prepare('SELECT held_at FROM conversations WHERE case_id = ? AND notes = ?').get(row.id, note) as { held_at: string };
      expect(row.first_contact_at).toBe(conversation.held_at);
      expect(row.needs_attention).toBe(1);
      for (const column of STATISTICS_COLUMNS) expect(row[column], column).toBeNull();
      for (const table of STATISTICS_TABLES) expect(db().prepare(`SELECT count(*) FROM ${table} WHERE case_id = ?`).pluck().get(row.id), table).toBe(0);
    }
    // The list marks both as to complete.
    await freshCaseList(page);
    for (const label of ['Telefoontje over een promotor', 'Vraag over sociale veiligheid']) {
      await page.getByRole('listitem').filter({ hasText: label }).getByText('Aanvullen', { exact: true }).waitFor();
    }
  });

  it('shows the summary and the consent of the export at once, and the case page and export screen have no serious accessibility finding at 1024×640 and 1366×768, in Dutch and English', async () => {
    running.app = await launchApp({ viewport: SMALL });
    const app = running.app;
    const { page } = app;
    await createVault(page, CANARY.passphrase);
    await seedCaseWithThreeConversations(app);
    const found: string[] = [];
    const check = async (screen: string) => {
      for (const size of SIZES) {
        await page.setViewportSize(size);
        const language = (await page.evaluate('document.documentElement.lang')) as string;
        await viewportShot(page, `note-first-${screen.replace(' ', '-')}-${language}-${size.width}`);
        for (const violation of await seriousViolations(page)) found.push(`${screen} (${language}, ${size.width}): ${violation}`);
      }
      await page.setViewportSize(SMALL);
    };

    await goTo(page, 'Jaarexport');
    await page.getByLabel('Jaar', { exact: true }).fill('2026');
    await page.getByLabel('Van', { exact: true }).selectOption({ label: 'januari' });
    await page.getByLabel('Tot en met', { exact: true }).selectOption({ label: 'november' });
    await page.getByRole('button', { name: 'Voorbeeld tonen' }).click();
    const summary = page.getByRole('region', { name: 'In het kort' });
    await summary.waitFor();
    // Without scrolling further: the summary and the consent are both on screen at 1024×640.
    await expect.poll(() => inViewport(summary.getByText('Geen namen, geen notities', { exact: false }))).toBe(true);
    const consent = page.getByLabel('Ik heb alle getallen gecontroleerd en geef toestemming om dit bestand op te slaan.');
    expect(await inViewport(consent)).toBe(true);
    expect(await inViewport(page.getByRole('button', { name: 'Opslaan…' }))).toBe(true);
    await viewportShot(page, 'after-export');
    expect(await summary.textContent()).toContain('1 melding eerst bij u ontvangen, van 1 melder; 3 gesprekken in deze periode.');
    const exportPage = { pageHeight: await pageHeight(page), consentTop: await pageTop(consent), saveTop: await pageTop(page.getByRole('button', { name: 'Opslaan…' })), innerHeight: SMALL.height };
    mkdirSync(FIGURES, { recursive: true });
    writeFileSync(join(FIGURES, 'export.json'), `${JSON.stringify(exportPage, null, 2)}\n`);
    await check('export');

    await openCaseList(page);
    await page.getByRole('listitem').filter({ hasText: 'Werkdruk en sfeer in team B' }).getByRole('button').click();
    await page.getByRole('heading', { name: '3 gesprekken' }).waitFor();
    await check('case page');

    await page.getByLabel('Taal').selectOption('en');
    await page.getByRole('heading', { name: '3 conversations' }).waitFor();
    await check('case page');
    await page.getByRole('navigation').getByRole('button', { name: 'Annual export' }).click();
    await page.getByLabel('Year', { exact: true }).fill('2026');
    await page.getByRole('button', { name: 'Show preview' }).click();
    await page.getByRole('region', { name: 'In short' }).waitFor();
    await check('export');
    expect(found).toEqual([]);
  });
});
