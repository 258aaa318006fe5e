import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CANARY } from '../fixtures/canaries';
import { caseInput, conversationInput } from '../fixtures/records';
import { appPerTest } from './appPerTest';
import { launchApp, SCREENSHOTS, type RunningApp } from './harness';
import { goTo, openCaseList, SCREEN_WORDS, typeBackRecoveryKey } from './steps';

const running = appPerTest();
const AXE_SOURCE = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');
const SIZES = [
  { width: 1024, height: 640 },
  { width: 1366, height: 768 },
] as const;
const FIGURES = join(SCREENSHOTS, '..', 'focus');

/** axe-core in the real renderer, through the debugging protocol (the page's CSP stays as it ships). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((result) => result.violations)`)) as {
    id: string;
    impact: string | null;
    nodes: { target: string[] }[];
  }[];
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/**
 * axe on the screen as it stands, at both window sizes, in Dutch and in English (switched in the
 * header, as an adviser would, and back), each with a screenshot.
 */
async function checkScreen(app: RunningApp, name: string, found: string[]): Promise<void> {
  const { page } = app;
  for (const language of ['nl', 'en'] as const) {
    await page.getByRole('banner').getByRole('combobox').selectOption(language);
    await expect.poll(() => page.evaluate('document.documentElement.lang')).toBe(language);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await app.screenshot(`focus-${name}-${language}-${size.width}`);
      for (const violation of await seriousViolations(page)) found.push(`${name} (${language}, ${size.width}): ${violation}`);
    }
  }
  await page.getByRole('banner').getByRole('combobox').selectOption('nl');
  await page.setViewportSize(SIZES[0]);
}

const activeIs = (page: Page, script: string) => page.evaluate(`document.activeElement === (${script})`);

/**
 * The focus ring of the focused element, measured as Chromium draws it: the computed outline colour
 * against the colour behind it (the first opaque background up the tree, the half-transparent ones
 * laid over it), by the WCAG contrast formula.
 */
const RING_CONTRAST = `(() => {
  const parse = (text) => { const [r, g, b, a = 1] = text.match(/[\\d.]+/g).map(Number); return { r, g, b, a }; };
  const over = (top, bottom) => ({ r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a), b: top.b * top.a + bottom.b * (1 - top.a), a: 1 });
  const luminance = ({ r, g, b }) => { const channel = (value) => { const c = value / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; }; return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b); };
  const element = document.activeElement;
  const style = getComputedStyle(element);
  const layers = [];
  // A ring drawn inside the element (negative offset) lies over the element's own background.
  const start = parseFloat(style.outlineOffset) < 0 ? element : element.parentElement;
  for (let node = start; node; node = node.parentElement) {
    const colour = parse(getComputedStyle(node).backgroundColor);
    if (colour.a > 0) layers.push(colour);
    if (colour.a === 1) break;
  }
  const behind = layers.reduceRight((bottom, top) => over(top, bottom), { r: 255, g: 255, b: 255, a: 1 });
  const ring = parse(style.outlineColor);
  const [light, dark] = [luminance(ring), luminance(behind)].sort((a, b) => b - a);
  const hex = ({ r, g, b }) => '#' + [r, g, b].map((value) => Math.round(value).toString(16).padStart(2, '0')).join('');
  return {
    visible: element.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    ring: hex(ring),
    behind: hex(behind),
    ratio: Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100,
  };
})()`;

interface Ring {
  visible: boolean;
  ring: string;
  behind: string;
  ratio: number;
}

/** Focuses the control as the keyboard would (after a Tab, so the ring shows) and measures its ring. */
async function measureRing(page: Page, rings: Record<string, Ring>, name: string, control: Locator | string): Promise<void> {
  await page.keyboard.press('Tab');
  await (typeof control === 'string' ? page.locator(control) : control).first().focus();
  rings[name] = (await page.evaluate(RING_CONTRAST)) as Ring;
}

const focusedLabel = (page: Page) => page.evaluate(`document.activeElement?.labels?.[0]?.textContent ?? null`);

async function createVaultStepByStep(app: RunningApp, found: string[], rings: Record<string, Ring>): Promise<void> {
  const { page } = app;
  const words = SCREEN_WORDS.nl;
  await page.getByRole('heading', { name: words.createTitle }).waitFor();
  // First start: the caret is in the first field, the function.
  expect(await focusedLabel(page)).toBe(words.yourFunction);
  await page.getByText('De functie ligt vast zodra de eerste zaak is vastgelegd').waitFor();
  await measureRing(page, rings, 'header language select (dark header)', 'header select');
  await measureRing(page, rings, 'gate form select (white)', 'main select');
  await measureRing(page, rings, 'gate form primary button (white)', 'main button[type=submit]');
  await page.getByRole('button', { name: words.createVault }).click();
  await expect.poll(() => activeIs(page, `document.querySelector('.error-summary')`)).toBe(true);
  await checkScreen(app, 'create-vault-with-errors', found);

  await page.getByLabel(words.yourFunction).selectOption({ label: words.concernsPoint });
  await page.getByLabel(words.passphrase, { exact: true }).fill(CANARY.passphrase);
  await page.getByLabel(words.repeat).fill(CANARY.passphrase);
  await page.getByRole('button', { name: words.createVault }).click();
  const key = (await page.getByTestId('recovery-key').textContent()) ?? '';
  await expect.poll(() => page.evaluate('document.activeElement?.textContent')).toBe('Uw herstelsleutel');
  await checkScreen(app, 'recovery-key', found);
  await page.getByLabel(words.keyStored).check();
  await page.getByRole('button', { name: words.next, exact: true }).click();
  await typeBackRecoveryKey(page, key);
  await page.getByRole('button', { name: words.toVault }).click();
  await expect.poll(() => page.evaluate('document.activeElement?.textContent')).toBe('Back-ups instellen');
  await checkScreen(app, 'backup-proposal', found);
  await measureRing(page, rings, 'link button (white card)', 'main button.link');
  await measureRing(page, rings, 'secondary button (white card)', 'main button.secondary');
  await page.getByRole('button', { name: words.skipBackups }).click();
  await page.getByRole('heading', { name: words.cases }).waitFor();
}

/** Every control the case form's Tab order reaches, and whether either sticky bar covered any of it. */
async function tabThroughCaseForm(page: Page): Promise<{ reached: number; covered: string[] }> {
  const covered: string[] = [];
  let reached = 0;
  await page.locator('form.case-form input').first().focus();
  for (let step = 0; step < 200; step++) {
    await page.keyboard.press('Tab');
    const where = (await page.evaluate(`(() => {
      const element = document.activeElement;
      const form = element.closest('form.case-form');
      if (!form) return null;
      const bars = [form.querySelector(':scope > .actions'), form.querySelector(':scope > .form-sections')];
      if (bars.some((bar) => bar && bar.contains(element))) return { inBar: true };
      const box = element.getBoundingClientRect();
      const hidden = bars.filter(Boolean).some((bar) => { const b = bar.getBoundingClientRect(); return box.top < b.bottom && box.bottom > b.top; })
        || box.top < 0 || box.bottom > innerHeight;
      return { inBar: false, hidden, name: (element.labels?.[0]?.textContent ?? element.textContent ?? '').trim().slice(0, 40) };
    })()`)) as { inBar: boolean; hidden?: boolean; name?: string } | null;
    if (!where) break;
    if (where.inBar) continue;
    reached++;
    if (where.hidden) covered.push(where.name ?? '');
  }
  return { reached, covered };
}

describe('a failed save, the keyboard and the focus ring', () => {
  // Eight screens, each through axe four times: longer than the project's limit for one test.
  it('walks a first start, a refused new case, the leave question and the lock by keyboard; axe finds nothing serious on those screens', async () => {
    running.app = await launchApp({ viewport: SIZES[0] });
    const app = running.app;
    const { page, core } = app;
    const found: string[] = [];
    const rings: Record<string, Ring> = {};
    await createVaultStepByStep(app, found, rings);

    // A new case saved with its answers missing and a date that is no date.
    await measureRing(page, rings, 'menu button (menu grey)', 'nav button.nav-item');
    await measureRing(page, rings, 'lock button (menu grey)', 'nav button.lock-button');
    await openCaseList(page);
    await measureRing(page, rings, 'page button (page grey)', page.getByRole('button', { name: 'Nieuwe zaak' }));
    await page.getByRole('button', { name: 'Nieuwe zaak' }).first().click();
    await page.getByRole('heading', { name: 'Nieuwe zaak' }).waitFor();
    await page.getByLabel('Eerste reactie (datum en tijd)').fill('31-02-2026 09:00');
    await page.getByRole('button', { name: 'Zaak opslaan' }).click();
    await expect.poll(() => activeIs(page, `document.querySelector('form.case-form .error-summary')`)).toBe(true);
    const summary = page.getByRole('region', { name: 'Er is een probleem' });
    expect(await summary.isVisible()).toBe(true);
    expect(await page.evaluate(`(() => { const box = document.querySelector('.error-summary').getBoundingClientRect(); return box.top >= 0 && box.top < innerHeight; })()`)).toBe(true);
    const links = await summary.getByRole('link').all();
    expect(links.length).toBeGreaterThan(0);
    const texts = await summary.getByRole('link').allTextContents();
    expect(texts).toContain('Eerste reactie (datum en tijd): Geen geldige datum. Schrijf dag-maand-jaar, bijvoorbeeld 04-03-2026 (met tijd: 04-03-2026 09:30).');
    // Each link moves the focus to a field marked with that message, in view and clear of the bars.
    for (const [index, link] of links.entries()) {
      await link.click();
      const field = (await page.evaluate(`(() => {
        const element = document.activeElement;
        const group = element.closest('fieldset');
        const described = [element, group].filter(Boolean).map((node) => node.getAttribute('aria-describedby') ?? '').join(' ').split(/\\s+/).filter(Boolean);
        const messages = described.map((id) => document.getElementById(id)?.textContent ?? '');
        const box = element.getBoundingClientRect();
        const bars = [...document.querySelectorAll('form.case-form > .actions, form.case-form > .form-sections')].map((bar) => bar.getBoundingClientRect());
        return {
          inForm: !!element.closest('form.case-form') && !element.closest('.error-summary'),
          messages,
          clear: box.top >= 0 && box.bottom <= innerHeight && bars.every((bar) => box.bottom <= bar.top || box.top >= bar.bottom),
        };
      })()`)) as { inForm: boolean; messages: string[]; clear: boolean };
      expect(field.inForm, texts[index]).toBe(true);
      expect(field.messages.some((message) => message !== '' && texts[index]!.endsWith(message)), texts[index]).toBe(true);
      expect(field.clear, texts[index]).toBe(true);
      await page.getByRole('region', { name: 'Er is een probleem' }).scrollIntoViewIfNeeded();
    }
    expect(await page.getByLabel('Eerste reactie (datum en tijd)').getAttribute('aria-invalid')).toBe('true');
    await measureRing(page, rings, 'error summary link (white)', '.error-summary a');
    await measureRing(page, rings, 'jump link (sticky bar, page grey)', 'form.case-form .form-sections button');
    await measureRing(page, rings, 'form checkbox (white section)', 'form.case-form input[type=checkbox]');
    await measureRing(page, rings, 'form text field (white section)', 'form.case-form input[type=text]');
    await measureRing(page, rings, 'save button (sticky save bar)', 'form.case-form > .actions button[type=submit]');
    await measureRing(page, rings, 'cancel button (sticky save bar)', 'form.case-form > .actions button.secondary');
    await checkScreen(app, 'case-form-with-error-summary', found);

    // The sticky bars never cover the field the keyboard is on.
    await page.setViewportSize({ width: 1024, height: 640 });
    const tabbed = await tabThroughCaseForm(page);
    expect(tabbed.reached).toBeGreaterThan(20);
    expect(tabbed.covered).toEqual([]);

    // The leave question: Tab stays among its answers, Escape stays and gives the focus back.
    const label = page.getByLabel('Kenmerk (alleen voor uzelf)');
    await label.fill('Half getypt');
    await label.press('Escape');
    const question = page.getByRole('alertdialog', { name: 'Niet-opgeslagen wijzigingen' });
    await question.waitFor();
    expect(await activeIs(page, `document.querySelector('dialog')?.querySelector('button')`)).toBe(true);
    const inDialog: boolean[] = [];
    for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      inDialog.push((await page.evaluate(`!!document.activeElement?.closest('dialog[open]')`)) as boolean);
    }
    expect(inDialog).toEqual(inDialog.map(() => true));
    await measureRing(page, rings, 'dialog button (white dialog)', 'dialog button.secondary');
    await checkScreen(app, 'leave-question', found);
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    expect(await focusedLabel(page)).toBe('Kenmerk (alleen voor uzelf)');
    expect(await label.inputValue()).toBe('Half getypt');
    // Leaving without saving takes the form away; the focus lands on the page, not the document.
    await label.press('Escape');
    await question.getByRole('button', { name: 'Niet opslaan' }).click();
    await page.getByRole('heading', { name: 'Zaken', level: 1 }).waitFor();
    await expect.poll(() => page.evaluate('document.activeElement === document.body')).toBe(false);

    // Settings show the fixed function with the reason once a case exists.
    const created = (await core.router.handle('cases.create', caseInput())) as { ok: true; value: { id: number } };
    for (let index = 1; index <= 5; index++) await core.router.handle('conversations.add', { caseId: created.value.id, conversation: conversationInput({ notes: `Gesprek ${index}` }) });
    await goTo(page, 'Instellingen');
    await page.getByText('Deze kluis bevat zaken.', { exact: false }).waitFor();
    expect(await page.getByRole('region', { name: 'Functie van deze kluis' }).getByRole('combobox').count()).toBe(0);
    await checkScreen(app, 'settings-function-fixed', found);

    // The lists' forms have the summary too.
    await goTo(page, 'Signalen en activiteiten');
    const signal = page.getByRole('form', { name: 'Signaal toevoegen' });
    await signal.getByRole('button', { name: 'Signaal toevoegen' }).click();
    await expect.poll(() => activeIs(page, `document.querySelector('form[aria-label="Signaal toevoegen"] .error-summary')`)).toBe(true);
    await signal.getByRole('region', { name: 'Er is een probleem' }).getByRole('link').first().click();
    expect(await page.evaluate(`document.activeElement.getAttribute('aria-invalid')`)).toBe('true');
    await checkScreen(app, 'signal-form-with-error-summary', found);

    await openCaseList(page);
    await page.locator('.case-row').first().waitFor();
    await measureRing(page, rings, 'case row (in the list)', '.case-row-slot .case-row');

    // The lock screen says why: here the system went to sleep while a note was half typed.
    await page.locator('.case-row-slot .case-row').first().click();
    await page.getByRole('heading', { name: /^Zaak \d{4}-001/ }).waitFor();
    // Tab through the case page: the writing area stuck to the bottom covers none of the conversations' buttons.
    await page.locator('main h1').focus();
    const underComposer: string[] = [];
    for (let step = 0; step < 40; step++) {
      await page.keyboard.press('Tab');
      const covered = (await page.evaluate(`(() => {
        const element = document.activeElement;
        const composer = document.querySelector('form.composer');
        if (!composer || composer.contains(element) || !element.closest('main')) return null;
        // Covered means under it: a control below where the writing area ends (the case's side panels) is not.
        const box = element.getBoundingClientRect();
        const bar = composer.getBoundingClientRect();
        return box.bottom > bar.top && box.top < bar.bottom ? element.textContent : null;
      })()`)) as string | null;
      if (covered !== null) underComposer.push(covered);
    }
    expect(underComposer).toEqual([]);
    const note = page.getByRole('form', { name: 'Gesprek toevoegen' }).getByLabel('Notities');
    await note.fill('Half getypte notitie');
    await measureRing(page, rings, 'writing area (composer card)', 'form.composer textarea');
    await core.requestLock('suspend');
    await page.getByRole('heading', { name: 'Kluis openen' }).waitFor();
    expect(await page.getByTestId('lock-reason').textContent()).toBe('De kluis is vergrendeld omdat de computer in de slaapstand ging.Uw getypte tekst is bewaard: na het openen staat hij weer klaar.');
    await measureRing(page, rings, 'unlock passphrase field (white gate)', '#unlock-passphrase');
    await checkScreen(app, 'unlock-with-reason', found);

    mkdirSync(FIGURES, { recursive: true });
    writeFileSync(join(FIGURES, 'contrast.json'), `${JSON.stringify(rings, null, 2)}\n`);
    expect(found).toEqual([]);
    for (const [name, ring] of Object.entries(rings)) {
      expect(ring.visible, name).toBe(true);
      expect(ring.ratio, `${name}: ${ring.ring} on ${ring.behind}`).toBeGreaterThanOrEqual(3);
    }
  }, 300_000);
});
