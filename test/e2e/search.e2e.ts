import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CANARY } from '../fixtures/canaries';
import { caseInput, conversationInput, reporter } from '../fixtures/records';
import { appPerTest } from './appPerTest';
import { launchApp, type RunningApp } from './harness';
import { createVault, goTo, openCaseList } from './steps';

const running = appPerTest();
const AXE_SOURCE = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((result) => result.violations)`)) as {
    id: string;
    impact: string | null;
  }[];
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id);
}

const marks = (within: Locator) => within.locator('mark').allTextContents();

async function call<T>(app: RunningApp, channel: string, request: unknown): Promise<T> {
  const result = await app.core.router.handle(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
  return result.value as T;
}

/** Types a search and waits for the list to answer it: the count, and the words marked in the row that should hold them. */
async function search(page: Page, typed: string, count: string, row: Locator, marked: string[]): Promise<void> {
  await page.getByLabel('Zoeken in notities').fill(typed);
  await expect.poll(() => marks(row)).toEqual(expect.arrayContaining(marked));
  await page.getByRole('status').filter({ hasText: count }).waitFor();
}

describe('search finds what the adviser typed and shows it', () => {
  it('finds a reporter’s name, the other party and a word of a note, each with the words marked in the row, and the signals that hold them', async () => {
    running.app = await launchApp({ viewport: { width: 1024, height: 640 } });
    const { app } = running;
    const { page } = app;
    await createVault(page, CANARY.passphrase);
    // The records come in through the real core; the walk is what the adviser does with the search box.
    const { id } = await call<{ id: number }>(app, 'cases.create', {
      ...caseInput({ label: 'Roosterconflict' }),
      reporters: [reporter({ name: 'Sanne de Boer', unit: 'Faculteit Geesteswetenschappen' })],
      otherParty: { relation: 'direct_supervisor', hierarchical: true, description: 'Dekker, afdelingshoofd' },
    });
    await call(app, 'conversations.add', { caseId: id, conversation: conversationInput({ notes: 'Mevrouw Jansen belde over het rooster van de afdeling.', participants: '' }) });
    await call(app, 'cases.create', caseInput({ label: 'Andere zaak' }));
    await call(app, 'signals.create', { notedOn: '2026-04-01', unit: 'Bibliotheek', theme: 'workload', note: 'Dekker noemde de werkdruk' });
    await goTo(page, 'Instellingen');
    await openCaseList(page);

    const row = page.getByRole('listitem').filter({ hasText: 'Roosterconflict' });
    await search(page, 'Sanne de Boer', '1 zaak', row, ['Sanne', 'de', 'Boer']);
    await app.screenshot('search-reporter-name');

    await search(page, 'jansen', '1 zaak', row, ['Jansen']);
    expect(await marks(row)).toEqual(['Jansen']);
    // The mark says itself in weight as well as colour, and the row's spoken name holds the snippet.
    const weight = await page.evaluate(`getComputedStyle(document.querySelector('.case-row mark')).fontWeight`);
    expect(Number(weight)).toBeGreaterThanOrEqual(700);
    expect(await row.getByRole('button').getAttribute('aria-label')).toContain('gevonden: ');
    const [rowBox, markBox] = [await row.boundingBox(), await row.locator('mark').boundingBox()];
    expect(markBox!.x + markBox!.width).toBeLessThanOrEqual(rowBox!.x + rowBox!.width);
    expect(markBox!.y + markBox!.height).toBeLessThanOrEqual(rowBox!.y + rowBox!.height);
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot('search-note-word');

    await search(page, 'Dekker', '1 zaak', row, ['Dekker']);
    expect(await marks(row)).toEqual(['Dekker']);
    const signals = page.getByRole('region', { name: '1 signaal met deze woorden' });
    expect(await marks(signals)).toEqual(['Dekker']);

    await signals.getByRole('button', { name: 'Naar Signalen en activiteiten' }).click();
    await page.getByRole('heading', { name: 'Signalen en activiteiten', level: 1 }).waitFor();
    expect(app.logLines.join('\n')).not.toMatch(/Sanne|Dekker|Jansen/);
  });
});
