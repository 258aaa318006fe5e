import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CANARY, containsBytes } from '../fixtures/canaries';
import { temporaryDirectory } from '../support/temporaryDirectory';
import { heapText } from './heapText';
import { appPerTest } from './appPerTest';
import { launchApp } from './harness';
import { addCase, createVault, lock, openCaseList, unlock } from './steps';

const running = appPerTest();

/** Every file under a folder, as bytes. */
function filesUnder(folder: string): Buffer[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name))
    .filter((path) => statSync(path, { throwIfNoEntry: false })?.isFile())
    .map((path) => readFileSync(path));
}

const newConversation = (page: Page) => page.getByRole('form', { name: 'Gesprek toevoegen' });
const leaveQuestion = (page: Page) => page.getByRole('alertdialog', { name: 'Niet-opgeslagen wijzigingen' });

describe('nothing typed is lost', () => {
  it('keeps a half-typed note through an idle lock, encrypted, and returns to it after the unlock', async () => {
    const profile = temporaryDirectory();
    try {
      running.app = await launchApp({ profileDirectory: profile.path });
      const { page, core } = running.app;
      await createVault(page, CANARY.passphrase);
      await addCase(page, '2026-03-02T09:00', 'Rechtstreeks bij deze functie');
      const caseHeading = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
      await newConversation(page).getByLabel('Notities').fill(`Half getypt: ${CANARY.noteWord} zei dat`);

      // The shell's idle trigger asks the core's one lock path, as main does when the system is idle.
      await core.requestLock('idle');
      await page.getByRole('heading', { name: 'Kluis openen' }).waitFor();
      expect(await page.content()).not.toContain(CANARY.noteWord);
      expect(await heapText(page)).not.toContain(CANARY.noteWord);
      for (const bytes of filesUnder(profile.path)) expect(containsBytes(bytes, CANARY.noteWord)).toBe(false);
      for (const bytes of filesUnder(join(running.app.dataDirectory, 'vault'))) expect(containsBytes(bytes, CANARY.noteWord)).toBe(false);

      await unlock(page, CANARY.passphrase);
      await page.getByRole('heading', { level: 1, name: caseHeading }).waitFor();
      await expect.poll(() => newConversation(page).getByLabel('Notities').inputValue()).toBe(`Half getypt: ${CANARY.noteWord} zei dat`);
      await newConversation(page).getByRole('status').filter({ hasText: 'teruggezet' }).waitFor();
      await newConversation(page).getByRole('button', { name: 'Gesprek opslaan' }).click();
      await page.locator('.timeline-item').filter({ hasText: CANARY.noteWord }).waitFor();
      expect(await newConversation(page).getByRole('status').count()).toBe(0);
    } finally {
      profile.remove();
    }
  });

  it('counts nothing by default: an empty new case names its missing choices, Escape asks, and a lock keeps it as a draft', async () => {
    running.app = await launchApp();
    const { page, core } = running.app;
    await createVault(page, CANARY.passphrase);
    await openCaseList(page);
    await page.getByRole('button', { name: 'Nieuwe zaak' }).click();
    await page.getByLabel('Kenmerk (alleen voor uzelf)').fill(CANARY.name);

    await page.getByLabel('Kenmerk (alleen voor uzelf)').press('Escape');
    await leaveQuestion(page).getByRole('button', { name: 'Blijven' }).click();
    await page.getByRole('button', { name: 'Zaak opslaan' }).click();
    const reporter = page.locator('.list-item').first();
    for (const field of ['Personeelscategorie', 'Leeftijd', 'Rol van de melder']) {
      expect(await reporter.getByLabel(field).getAttribute('aria-invalid')).toBe('true');
    }
    expect(await reporter.getByText('Maak hier een keuze.').count()).toBeGreaterThanOrEqual(3);
    await page.getByText('Kies minstens één aard van de melding.').first().waitFor();
    expect(core.vault.database().prepare('SELECT count(*) FROM cases').pluck().get()).toBe(0);

    await lock(page);
    await unlock(page, CANARY.passphrase);
    await page.getByRole('heading', { name: 'Nieuwe zaak' }).waitFor();
    expect(await page.getByLabel('Kenmerk (alleen voor uzelf)').inputValue()).toBe(CANARY.name);
    expect(core.vault.database().prepare('SELECT count(*) FROM cases').pluck().get()).toBe(0);
    // Read back, it stays in the vault until the form is saved or thrown away.
    expect(core.vault.database().prepare('SELECT key FROM drafts').pluck().all()).toEqual(['case:new']);
  });

  it('brings back what was typed when the core dies mid-typing: the same screen, the caret at the end, in view, and typing goes on', async () => {
    const profile = temporaryDirectory();
    try {
      const app = await launchApp({ profileDirectory: profile.path, viewport: { width: 1024, height: 640 } });
      running.app = app;
      const { page } = app;
      await createVault(page, CANARY.passphrase);
      await addCase(page, '2026-03-02T09:00', 'Rechtstreeks bij deze functie');
      const caseHeading = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
      const notes = newConversation(page).getByLabel('Notities');
      await notes.click();

      // Typed as an adviser types, the core dropped between two keys with no pause before it.
      const typed = `Gesprek met ${CANARY.noteWord}: zij vertelde dat het al maanden zo gaat en dat`;
      const keyTimes: number[] = [];
      for (const key of typed) {
        await page.keyboard.type(key);
        keyTimes.push(Date.now());
        await page.waitForTimeout(60);
        if (keyTimes.length > 20 && Date.now() - keyTimes[0]! > 3_000) break;
      }
      // The draft is written while the vault is open: its file and WAL hold it only encrypted.
      await expect.poll(() => app.core.vault.database().prepare('SELECT count(*) FROM drafts').pluck().get()).toBe(1);
      for (const bytes of filesUnder(join(app.dataDirectory, 'vault'))) expect(containsBytes(bytes, CANARY.noteWord)).toBe(false);
      const droppedAt = Date.now();
      app.replaceCore();
      await page.getByRole('heading', { name: 'Kluis openen' }).waitFor();

      // Nor is it in the browser's profile.
      for (const bytes of filesUnder(profile.path)) expect(containsBytes(bytes, CANARY.noteWord)).toBe(false);

      await unlock(page, CANARY.passphrase);
      await page.getByRole('heading', { level: 1, name: caseHeading }).waitFor();
      const back = newConversation(page).getByLabel('Notities');
      await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe(await back.getAttribute('id'));
      const restored = await back.inputValue();
      // At most the last second is lost: every key typed a second before the drop (and some slack for the request) is there.
      const surelyKept = keyTimes.filter((at) => at < droppedAt - 1_500).length;
      expect(typed.startsWith(restored)).toBe(true);
      expect(restored.length).toBeGreaterThanOrEqual(surelyKept);
      expect(restored.length).toBeGreaterThan(0);
      expect(await page.evaluate('[document.activeElement.selectionStart, document.activeElement.selectionEnd]')).toEqual([restored.length, restored.length]);
      const box = (await back.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + Math.min(box.height, 40)).toBeLessThanOrEqual(640);
      await app.screenshot('drafts-back-after-core-died-1024');

      await page.keyboard.type(' het nu te veel werd.');
      expect(await back.inputValue()).toBe(`${restored} het nu te veel werd.`);
      await newConversation(page).getByRole('button', { name: 'Gesprek opslaan' }).click();
      await page.locator('.timeline-item').filter({ hasText: 'het nu te veel werd.' }).waitFor();
      expect(app.core.vault.database().prepare('SELECT notes FROM conversations').pluck().all()).toEqual([`${restored} het nu te veel werd.`]);
      expect(app.core.vault.database().prepare('SELECT count(*) FROM drafts').pluck().get()).toBe(0);
    } finally {
      profile.remove();
    }
  });

  it('brings back what was typed when the window dies: the vault locks without it, and the window loads again on the same screen', async () => {
    const app = await launchApp();
    running.app = app;
    await createVault(app.page, CANARY.passphrase);
    await addCase(app.page, '2026-03-02T09:00', 'Rechtstreeks bij deze functie');
    await newConversation(app.page).getByLabel('Notities').fill(`Getypt vóór de crash: ${CANARY.name}`);
    await expect.poll(() => app.core.vault.database().prepare('SELECT count(*) FROM drafts').pluck().get(), { timeout: 3_000 }).toBe(1);

    // As main does for a renderer that is gone: the vault locks (the window cannot answer), then the page loads again.
    app.core.vault.lock();
    await app.reopen();
    await unlock(app.page, CANARY.passphrase);
    const back = newConversation(app.page).getByLabel('Notities');
    await expect.poll(() => app.page.evaluate('document.activeElement?.id')).toBe(await back.getAttribute('id'));
    expect(await back.inputValue()).toBe(`Getypt vóór de crash: ${CANARY.name}`);
    await app.page.keyboard.type(' en meer');
    expect(await back.inputValue()).toBe(`Getypt vóór de crash: ${CANARY.name} en meer`);
  });

  it('asks save, discard or stay before Escape or a menu click drops a note', async () => {
    running.app = await launchApp();
    const { page } = running.app;
    await createVault(page, CANARY.passphrase);
    await addCase(page, '2026-03-02T09:00', 'Rechtstreeks bij deze functie');
    const notes = newConversation(page).getByLabel('Notities');

    await notes.fill('Eerste versie');
    await notes.press('Escape');
    await leaveQuestion(page).getByRole('button', { name: 'Blijven' }).click();
    expect(await notes.inputValue()).toBe('Eerste versie');

    await page.getByRole('navigation').getByRole('button', { name: 'Instellingen' }).click();
    await leaveQuestion(page).waitFor();
    await leaveQuestion(page).getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByRole('heading', { name: 'Instellingen' }).waitFor();
    expect(running.app.core.vault.database().prepare('SELECT notes FROM conversations').pluck().all()).toEqual(['Eerste versie']);
  });

  it('keeps the ombudsperson’s hearing notes when Edit is clicked, and the window holds its close back', async () => {
    running.app = await launchApp();
    const { page } = running.app;
    await createVault(page, CANARY.passphrase, 'Ombudsfunctionaris');
    await addCase(page, '2026-03-02T09:00', 'Rechtstreeks bij deze functie');
    const mediation = page.getByRole('form', { name: 'Bemiddeling' });
    await mediation.getByLabel('Notities wederhoor').fill(`Wederhoor: ${CANARY.name}`);

    await page.getByRole('button', { name: 'Bewerken', exact: true }).first().click();
    await leaveQuestion(page).getByRole('button', { name: 'Blijven' }).click();
    expect(await mediation.getByLabel('Notities wederhoor').inputValue()).toBe(`Wederhoor: ${CANARY.name}`);

    // Closing the window: the page holds the close back (the shell then asks keep, discard or stay).
    const asked = new Promise<string>((resolve) => page.once('dialog', (dialog) => { resolve(dialog.type()); void dialog.dismiss(); }));
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
    expect(page.isClosed()).toBe(false);

    await page.getByRole('button', { name: 'Bewerken', exact: true }).first().click();
    await leaveQuestion(page).getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByRole('heading', { name: /bewerken/i }).waitFor();
    const record = running.app.core.vault.database().prepare('SELECT hearing_notes FROM mediations').pluck().get();
    expect(record).toBe(`Wederhoor: ${CANARY.name}`);
  });

  it('asks in English too, at 1024×640, and discarding really discards', async () => {
    running.app = await launchApp({ viewport: { width: 1024, height: 640 } });
    const { page } = running.app;
    await createVault(page, CANARY.passphrase);
    await addCase(page, '2026-03-02T09:00', 'Rechtstreeks bij deze functie');
    await page.getByLabel('Taal').selectOption('en');
    const form = page.getByRole('form', { name: 'Add conversation' });
    await form.getByLabel('Notes').fill('Not worth keeping');
    await form.getByLabel('Notes').press('Escape');
    const question = page.getByRole('alertdialog', { name: 'Unsaved changes' });
    await question.getByRole('button', { name: "Don't save" }).click();
    expect(await form.getByLabel('Notes').inputValue()).toBe('');
    await running.app.screenshot('drafts-leave-question-en-1024');
  });
});
