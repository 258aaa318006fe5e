import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addFollowUp } from '../../electron/core/followUps/followUps';
import { CANARY } from '../fixtures/canaries';
import { caseInput, conversationInput } from '../fixtures/records';
import { appPerTest } from './appPerTest';
import { launchApp, type RunningApp } from './harness';
import { createVault, goTo, lock, openCaseList, unlock } from './steps';

const running = appPerTest();
const AXE_SOURCE = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');
const SMALL = { width: 1024, height: 640 };
/** Monday 9 March 2026, mid-morning: the week runs to Sunday the 15th. */
const MONDAY = new Date(2026, 2, 9, 10, 0);
const THURSDAY = new Date(2026, 2, 12, 8, 30);

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

/** A case with one conversation on 5 March, written through the core as the list shows it. */
async function seedCase(app: RunningApp): Promise<number> {
  const created = await app.core.router.handle('cases.create', caseInput({ label: 'Conflict met leidinggevende' }));
  if (!created.ok) throw new Error(`seed case refused: ${created.error.code}`);
  const id = (created.value as { id: number }).id;
  const added = await app.core.router.handle('conversations.add', { caseId: id, conversation: conversationInput({ heldAt: '2026-03-05T14:00', participants: 'Melder', notes: 'Gesprek over de beoordeling.' }) });
  if (!added.ok) throw new Error(`seed conversation refused: ${added.error.code}`);
  return id;
}

describe('follow-ups and Today (issue 25)', () => {
  it('shows a step set on a conversation in Today on its day, done in one action and gone; an overdue one marked in words; in Dutch at 1024×640', async () => {
    running.app = await launchApp({ viewport: SMALL, now: MONDAY });
    const app = running.app;
    const { page } = app;
    const db = () => app.core.vault.database();
    await createVault(page, CANARY.passphrase);
    const caseId = await seedCase(app);

    // On the case page, a next step set on the conversation of 5 March: Thursday at ten.
    await goTo(page, 'Help');
    await openCaseList(page);
    await page.getByRole('listitem').filter({ hasText: 'Conflict met leidinggevende' }).getByRole('button').click();
    await page.getByRole('heading', { name: '1 gesprek' }).waitFor();
    await page.locator('.timeline-item').filter({ hasText: 'Gesprek over de beoordeling.' }).getByRole('button', { name: 'Vervolgstap' }).click();
    const onConversation = page.getByRole('form', { name: 'Vervolgstap bij dit gesprek' });
    await onConversation.getByLabel('Datum').fill('12-03-2026');
    await onConversation.getByLabel('Tijd (optioneel)').fill('10:00');
    await onConversation.getByLabel('Wat is de volgende stap?').fill(`Melder terugbellen ${CANARY.name}`);
    await onConversation.getByRole('button', { name: 'Vervolgstap opslaan' }).click();
    const panel = page.getByRole('region', { name: 'Vervolgstappen' });
    await panel.getByRole('listitem').filter({ hasText: `Melder terugbellen ${CANARY.name}` }).waitFor();
    expect(db().prepare('SELECT case_id, conversation_id, kind, due_date, due_time, done_on FROM follow_ups').all()).toEqual([
      { case_id: caseId, conversation_id: db().prepare('SELECT id FROM conversations').pluck().get(), kind: 'own', due_date: '2026-03-12', due_time: '10:00', done_on: null },
    ]);

    // And one on the case as a whole, for Tuesday, which nobody does.
    await panel.getByRole('button', { name: 'Vervolgstap plannen' }).click();
    const onCase = page.getByRole('form', { name: 'Vervolgstap plannen' });
    await onCase.getByLabel('Datum').fill('10-03-2026');
    await onCase.getByLabel('Wat is de volgende stap?').fill('Verslag naar de melder sturen');
    await onCase.getByRole('button', { name: 'Vervolgstap opslaan' }).click();
    await panel.getByRole('listitem').filter({ hasText: 'Verslag naar de melder sturen' }).waitFor();

    // On Monday both are later this week, nothing is overdue.
    await page.getByRole('navigation').getByRole('button', { name: 'Vandaag' }).click();
    await page.getByRole('heading', { name: 'Vandaag', level: 1 }).waitFor();
    const week = page.getByRole('region', { name: /^Later deze week/ });
    await week.getByRole('listitem').filter({ hasText: 'Melder terugbellen' }).waitFor();
    expect(await page.getByRole('region', { name: /^Te laat/ }).count()).toBe(0);

    // A legal deadline (as the access request sets one) for Friday.
    addFollowUp(db(), { caseId, kind: 'access_request', text: '', dueDate: '2026-03-13' });

    // Thursday morning: the adviser unlocks and lands on Today.
    await lock(page);
    app.moveClock(THURSDAY);
    await unlock(page, CANARY.passphrase);
    await page.getByRole('heading', { name: 'Vandaag', level: 1 }).waitFor();
    const due = page.getByRole('region', { name: /^Vandaag/ });
    const step = due.getByRole('listitem').filter({ hasText: `Melder terugbellen ${CANARY.name}` });
    await step.waitFor();
    expect(await step.textContent()).toContain('10:00');
    const overdue = page.getByRole('region', { name: /^Te laat/ }).getByRole('listitem').filter({ hasText: 'Verslag naar de melder sturen' });
    await overdue.waitFor();
    // Marked in words, not only by colour.
    expect(await overdue.locator('.flag-overdue').textContent()).toBe('Te laat');
    expect(await step.locator('.flag-overdue').count()).toBe(0);
    await app.screenshot('follow-ups-today');
    expect(await seriousViolations(page)).toEqual([]);
    // The same screen in English, the mark in words there too.
    await page.getByLabel('Taal').selectOption('en');
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    expect(await page.getByRole('region', { name: /^Overdue/ }).locator('.flag-overdue').textContent()).toBe('Overdue');
    await page.getByRole('region', { name: /^Later this week/ }).getByText("Answer to the reporter's access request").waitFor();
    await app.screenshot('follow-ups-today-en');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Language').selectOption('nl');
    await page.getByRole('heading', { name: 'Vandaag', level: 1 }).waitFor();

    // Done in one action: gone from Today, dated Thursday in the vault.
    await step.getByRole('button', { name: 'Afgerond' }).click();
    await expect.poll(() => page.getByRole('listitem').filter({ hasText: 'Melder terugbellen' }).count()).toBe(0);
    expect(db().prepare("SELECT done_on FROM follow_ups WHERE text LIKE 'Melder terugbellen%'").pluck().get()).toBe('2026-03-12');
    expect(await page.getByRole('region', { name: /^Vandaag/ }).count()).toBe(0);

    // The legal deadline says its basis and can only be completed with a date, never removed or moved.
    const legal = page.getByRole('region', { name: /^Later deze week/ }).getByRole('listitem').filter({ hasText: 'Antwoord op het inzageverzoek van de melder' });
    expect(await legal.textContent()).toContain('AVG, art. 12 lid 3 en art. 15');
    expect(await legal.getByRole('button', { name: 'Verwijderen' }).count()).toBe(0);
    expect(await legal.getByRole('button', { name: 'Verplaatsen' }).count()).toBe(0);
    await legal.getByRole('button', { name: 'Afronden met deze datum' }).waitFor();

    // Moved to Friday in one action: no longer overdue, later this week.
    await overdue.getByLabel('Nieuwe datum').fill('13-03-2026');
    await overdue.getByRole('button', { name: 'Verplaatsen' }).click();
    await expect.poll(() => page.getByRole('region', { name: /^Te laat/ }).count()).toBe(0);
    const moved = page.getByRole('region', { name: /^Later deze week/ }).getByRole('listitem').filter({ hasText: 'Verslag naar de melder sturen' });
    await moved.waitFor();
    expect(await moved.locator('.flag-overdue').count()).toBe(0);
    expect(db().prepare("SELECT due_date FROM follow_ups WHERE text = 'Verslag naar de melder sturen'").pluck().get()).toBe('2026-03-13');

    // One click from Today to its case.
    await moved.getByRole('button', { name: /Conflict met leidinggevende/ }).click();
    await page.getByRole('heading', { name: /^Zaak \d{4}-\d{3} Conflict met leidinggevende$/ }).waitFor();
  });

  it('asks, when a case with open steps is closed, whether to complete them today or keep them open', async () => {
    running.app = await launchApp({ viewport: SMALL, now: THURSDAY });
    const app = running.app;
    const { page } = app;
    const db = () => app.core.vault.database();
    await createVault(page, CANARY.passphrase);
    const caseId = await seedCase(app);
    const added = await app.core.router.handle('followUps.add', { caseId, conversationId: null, dueDate: '2026-03-20', dueTime: null, text: 'Nabellen' });
    expect(added.ok).toBe(true);

    await goTo(page, 'Help');
    await openCaseList(page);
    await page.getByRole('listitem').filter({ hasText: 'Conflict met leidinggevende' }).getByRole('button').click();
    await page.getByRole('button', { name: 'Zaak sluiten' }).click();
    // The core's clock says 12 March; the window's own date is today's.
    await page.getByRole('form', { name: 'Zaak sluiten' }).getByLabel('Gesloten op').fill('12-03-2026');
    const question = page.getByRole('group', { name: /open vervolgstap/ });
    await question.waitFor();
    await page.getByRole('form', { name: 'Zaak sluiten' }).getByRole('button', { name: 'Zaak sluiten' }).click();
    // Not answered: the case stays open and the question says so.
    await question.getByText('Kies wat er met de open vervolgstappen gebeurt.').waitFor();
    expect(db().prepare('SELECT status FROM cases').pluck().get()).toBe('open');
    await question.getByRole('radio', { name: 'Vandaag afronden' }).check();
    // The file refuses the step's completion: the close goes with it, and the panel's 'nothing changed' is true.
    db().exec("CREATE TEMP TRIGGER refuse_done BEFORE UPDATE OF done_on ON follow_ups BEGIN SELECT RAISE(ABORT, 'refused'); END");
    await page.getByRole('form', { name: 'Zaak sluiten' }).getByRole('button', { name: 'Zaak sluiten' }).click();
    await page.getByRole('form', { name: 'Zaak sluiten' }).getByText('Er ging iets mis. Er is niets gewijzigd; probeer het opnieuw.').waitFor();
    expect(db().prepare('SELECT status FROM cases').pluck().get()).toBe('open');
    expect(db().prepare('SELECT done_on FROM follow_ups').pluck().all()).toEqual([null]);
    db().exec('DROP TRIGGER temp.refuse_done');
    await page.getByRole('form', { name: 'Zaak sluiten' }).getByRole('button', { name: 'Zaak sluiten' }).click();
    await expect.poll(() => db().prepare('SELECT status FROM cases').pluck().get()).toBe('closed');
    // Closed and its own steps done on the core's day, in one request.
    expect(db().prepare('SELECT done_on FROM follow_ups').pluck().all()).toEqual(['2026-03-12']);

    // Closed through the case's form instead: its page asks the same, and 'keep open' keeps the step on Today.
    const second = await seedCase(app);
    expect((await app.core.router.handle('followUps.add', { caseId: second, conversationId: null, dueDate: '2026-03-20', dueTime: null, text: 'Evaluatie plannen' })).ok).toBe(true);
    await goTo(page, 'Help');
    await openCaseList(page);
    await page.getByRole('listitem').filter({ hasText: /Zaak \d{4}-002/ }).getByRole('button').click();
    await page.getByRole('button', { name: 'Bewerken', exact: true }).first().click();
    await page.getByRole('navigation', { name: 'Onderdelen van het formulier' }).getByRole('button', { name: 'Status en uitkomst' }).click();
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Gesloten' });
    await page.getByLabel('Gesloten op').fill('12-03-2026');
    await page.getByRole('button', { name: 'Zaak opslaan' }).click();
    const afterForm = page.getByRole('group', { name: 'Deze zaak is gesloten en heeft nog 1 open vervolgstap. Wat gebeurt ermee?' });
    await afterForm.getByRole('button', { name: 'Open laten' }).click();
    await afterForm.waitFor({ state: 'detached' });
    expect(db().prepare('SELECT status FROM cases WHERE id = ?').pluck().get(second)).toBe('closed');
    expect(db().prepare('SELECT done_on FROM follow_ups WHERE case_id = ?').pluck().all(second)).toEqual([null]);
  });

  it('keeps a step half typed through a lock, and the unlock brings the adviser back to it instead of Today', async () => {
    running.app = await launchApp({ viewport: SMALL, now: THURSDAY });
    const app = running.app;
    const { page } = app;
    await createVault(page, CANARY.passphrase);
    await seedCase(app);
    await goTo(page, 'Help');
    await openCaseList(page);
    await page.getByRole('listitem').filter({ hasText: 'Conflict met leidinggevende' }).getByRole('button').click();
    await page.getByRole('button', { name: 'Vervolgstap plannen' }).click();
    const form = page.getByRole('form', { name: 'Vervolgstap plannen' });
    await form.getByLabel('Wat is de volgende stap?').fill(`Half getypt: ${CANARY.noteWord}`);
    await lock(page);
    await unlock(page, CANARY.passphrase);
    await page.getByRole('heading', { name: /^Zaak \d{4}-001 Conflict met leidinggevende$/ }).waitFor();
    expect(await form.getByLabel('Wat is de volgende stap?').inputValue()).toBe(`Half getypt: ${CANARY.noteWord}`);
    expect(app.core.vault.database().prepare('SELECT count(*) FROM follow_ups').pluck().get()).toBe(0);
    await form.getByLabel('Datum').fill('13-03-2026');
    await form.getByRole('button', { name: 'Vervolgstap opslaan' }).click();
    await page.getByRole('region', { name: 'Vervolgstappen' }).getByRole('listitem').filter({ hasText: 'Half getypt' }).waitFor();
    // Saved with its draft taken away in the same transaction: nothing comes back at the next unlock.
    expect(app.core.vault.database().prepare('SELECT count(*) FROM drafts').pluck().get()).toBe(0);
  });
});
