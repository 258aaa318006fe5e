import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CANARY } from '../fixtures/canaries';
import { numberedGroups } from '../support/recoverySheetGroups';
import { appPerTest } from './appPerTest';
import { backupFolderBeside, launchApp, type RunningApp } from './harness';
import { adviserSteps, type Language } from './steps';

/**
 * Every trap of daily use the issue names, walked as the adviser meets it, in Dutch and in
 * English, on the small laptop screen (1024×640). The words are the ones on the screen, written
 * out here rather than read from the app's catalogues, so a missing or wrong translation fails.
 */
const WORDS = {
  nl: {
    direct: 'Rechtstreeks bij deze functie',
    ombudsperson: 'Ombudsfunctionaris',
    addConversation: 'Gesprek toevoegen',
    notes: 'Notities',
    saveConversation: 'Gesprek opslaan',
    firstVersion: 'Eerste versie van de notitie',
    unsaved: 'Niet-opgeslagen wijzigingen',
    stay: 'Blijven',
    save: 'Opslaan',
    edit: 'Bewerken',
    settings: 'Instellingen',
    restored: 'teruggezet',
    label: 'Kenmerk (alleen voor uzelf)',
    staffCategory: 'Personeelscategorie',
    age: 'Leeftijd',
    role: 'Rol van de melder',
    chooseOne: 'Maak hier een keuze.',
    natureNeeded: 'Kies minstens één aard van de melding.',
    signalsNav: 'Signalen en activiteiten',
    addSignal: 'Signaal toevoegen',
    theme: 'Thema',
    chooseFolder: 'Map kiezen…',
    backupNow: 'Nu een back-up maken',
    backupMade: 'Back-up gemaakt en gecontroleerd',
    deleteCase: 'Zaak verwijderen',
    confirmDelete: 'Deze zaak met alle gesprekken definitief verwijderen?',
    yesDelete: 'Ja, definitief verwijderen',
    notFound: 'Dit onderdeel bestaat niet (meer).',
    caseNumber: (number: string) => `Zaak ${number}`,
    restoreForm: 'Back-up terugzetten',
    restorePassphrase: 'Wachtwoordzin van de back-up',
    restoreChoose: 'Back-up kiezen en terugzetten…',
    restoreConfirm: 'Ja, back-up kiezen en terugzetten…',
    wrongPassphrase: 'Deze wachtwoordzin klopt niet.',
    restoredWith: /^De back-up van .* is teruggezet, met 2 zaken\.$/,
    mediation: 'Bemiddeling',
    search: 'Zoeken in notities',
    oneCase: /^1 zaak$/,
    firstSteps: 'Eerste stappen',
    recordFirstCase: 'Eerste zaak vastleggen',
    newCase: 'Nieuwe zaak',
    formParts: 'Onderdelen van het formulier',
    columns: ['Nummer', 'Kenmerk', 'Eerste contact', 'Binnengekomen via', 'Aard', 'Status', 'Let op'],
    filters: 'Filters',
    closeCase: 'Zaak sluiten',
    closedOn: 'Gesloten op',
    outcome: 'Uitkomst',
    notAsked: 'De statistiekvraag is nog niet gesteld',
    wait: /over [34] seconden/,
    waitLater: /over [12] seconde/,
    show: 'Toon wachtwoordzin',
    capsLock: 'Caps Lock staat aan.',
    strength: { tooShort: 'Sterkte: Te kort', strong: 'Sterkte: Sterk' },
    tooShort: 'De wachtwoordzin moet minstens 12 tekens hebben, spaties niet meegeteld.',
    savePdf: 'Herstelblad opslaan (pdf)',
    sheetName: 'Confidant-herstelblad.pdf',
    keyStored: 'Ik heb de herstelsleutel veilig opgeslagen',
    groupWrong: 'klopt niet. Kijk nog eens naar wat u hebt genoteerd.',
    backupProposal: 'Back-ups instellen',
    automatic: 'Bij elk vergrendelen automatisch een back-up maken',
    setUpBackups: 'Back-ups instellen en verder',
    noBackup: 'Er is nog geen back-up gemaakt.',
    lastBackup: /^Laatste gecontroleerde back-up: /,
    help: 'Help',
    shortcuts: 'Sneltoetsen',
    lockVault: 'Kluis vergrendelen',
    idleMinutes: 'Automatisch vergrendelen na (minuten zonder activiteit)',
    wholeNumber: 'Kies een heel getal van 1 tot en met 240.',
    settingsSaved: 'Instellingen opgeslagen.',
    weakPassphrase: 'Zomer2024!',
  },
  en: {
    direct: 'Directly to this function',
    ombudsperson: 'Ombudsperson',
    addConversation: 'Add conversation',
    notes: 'Notes',
    saveConversation: 'Save conversation',
    firstVersion: 'First version of the note',
    unsaved: 'Unsaved changes',
    stay: 'Stay',
    save: 'Save',
    edit: 'Edit',
    settings: 'Settings',
    restored: 'restored',
    label: 'Label (for yourself only)',
    staffCategory: 'Staff category',
    age: 'Age',
    role: "Reporter's role",
    chooseOne: 'Make a choice here.',
    natureNeeded: 'Choose at least one nature of the report.',
    signalsNav: 'Signals and activities',
    addSignal: 'Add signal',
    theme: 'Theme',
    chooseFolder: 'Choose folder…',
    backupNow: 'Make a backup now',
    backupMade: 'Backup made and checked',
    deleteCase: 'Delete case',
    confirmDelete: 'Permanently delete this case with all its conversations?',
    yesDelete: 'Yes, delete permanently',
    notFound: 'This item does not exist (any more).',
    caseNumber: (number: string) => `Case ${number}`,
    restoreForm: 'Restore a backup',
    restorePassphrase: 'Passphrase of the backup',
    restoreChoose: 'Choose backup and restore…',
    restoreConfirm: 'Yes, choose backup and restore…',
    wrongPassphrase: 'That passphrase is not correct.',
    restoredWith: /^The backup of .* has been restored, with 2 cases\.$/,
    mediation: 'Mediation',
    search: 'Search the notes',
    oneCase: /^1 case$/,
    firstSteps: 'First steps',
    recordFirstCase: 'Record the first case',
    newCase: 'New case',
    formParts: 'Parts of the form',
    columns: ['Number', 'Label', 'First contact', 'Came in via', 'Nature', 'Status', 'Attention'],
    filters: 'Filters',
    closeCase: 'Close case',
    closedOn: 'Closed on',
    outcome: 'Outcome',
    notAsked: 'The statistics question has not been asked',
    wait: /in [34] seconds/,
    waitLater: /in [12] seconds?\./,
    show: 'Show passphrase',
    capsLock: 'Caps Lock is on.',
    strength: { tooShort: 'Strength: Too short', strong: 'Strength: Strong' },
    tooShort: 'The passphrase needs at least 12 characters, not counting spaces.',
    savePdf: 'Save recovery sheet (PDF)',
    sheetName: 'Confidant-recovery-sheet.pdf',
    keyStored: 'I have stored the recovery key safely',
    groupWrong: 'is not right. Look again at what you noted.',
    backupProposal: 'Set up backups',
    automatic: 'Make a backup automatically every time the vault locks',
    setUpBackups: 'Set up backups and continue',
    noBackup: 'No backup has been made yet.',
    lastBackup: /^Last verified backup: /,
    help: 'Help',
    shortcuts: 'Keyboard shortcuts',
    lockVault: 'Lock the vault',
    idleMinutes: 'Lock automatically after (minutes without activity)',
    wholeNumber: 'Choose a whole number from 1 to 240.',
    settingsSaved: 'Settings saved.',
    weakPassphrase: 'Summer2024!',
  },
} as const;

const SMALL_SCREEN = { width: 1024, height: 640 };
const running = appPerTest();

const count = (app: RunningApp, table: string) => app.core.vault.database().prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const focusedTag = (page: Page) => page.evaluate('document.activeElement?.tagName');
const today = () => {
  const now = new Date();
  return [now.getDate(), now.getMonth() + 1].map((part) => String(part).padStart(2, '0')).join('-') + `-${now.getFullYear()}`;
};

describe.each(['nl', 'en'] as const)('the traps of daily use, in %s at 1024×640', (language: Language) => {
  const steps = adviserSteps(language);
  const w = WORDS[language];
  const launch = async () => (running.app = await launchApp({ viewport: SMALL_SCREEN }));
  const shot = (app: RunningApp, name: string) => app.screenshot(`traps-${language}-${name}`);

  it('loses nothing typed: Escape, Edit, the window closing and a menu click ask first, an idle lock keeps the note', async () => {
    const app = await launch();
    const { page, core } = app;
    await steps.createVault(page, CANARY.passphrase);
    await steps.addCase(page, '02-03-2026 09:00', w.direct);
    const caseHeading = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
    const conversation = page.getByRole('form', { name: w.addConversation });
    const notes = conversation.getByLabel(w.notes);
    const question = page.getByRole('alertdialog', { name: w.unsaved });

    await notes.fill(w.firstVersion);
    await notes.press('Escape');
    await question.waitFor();
    await shot(app, 'leave-question');
    await question.getByRole('button', { name: w.stay }).click();
    expect(await notes.inputValue()).toBe(w.firstVersion);

    await page.getByRole('button', { name: w.edit, exact: true }).first().click();
    await question.getByRole('button', { name: w.stay }).click();
    expect(await notes.inputValue()).toBe(w.firstVersion);

    const asked = new Promise<string>((resolve) => page.once('dialog', (dialog) => { resolve(dialog.type()); void dialog.dismiss(); }));
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');

    await page.getByRole('navigation').getByRole('button', { name: w.settings }).click();
    await question.getByRole('button', { name: w.save, exact: true }).click();
    await page.getByRole('heading', { name: w.settings, level: 1 }).waitFor();
    expect(core.vault.database().prepare('SELECT notes FROM conversations').pluck().all()).toEqual([w.firstVersion]);

    await steps.openCaseList(page);
    await page.getByRole('listitem').filter({ hasText: caseHeading.split(' ').slice(0, 2).join(' ') }).getByRole('button').click();
    await notes.fill(`${CANARY.noteWord} ${w.firstVersion}`);
    await core.requestLock('idle');
    await page.getByRole('heading', { name: steps.words.unlockTitle }).waitFor();
    expect(await page.content()).not.toContain(CANARY.noteWord);
    await steps.unlock(page, CANARY.passphrase);
    await page.getByRole('heading', { level: 1, name: caseHeading }).waitFor();
    await expect.poll(() => notes.inputValue()).toBe(`${CANARY.noteWord} ${w.firstVersion}`);
    await conversation.getByRole('status').filter({ hasText: w.restored }).waitFor();
    await shot(app, 'draft-restored');
  });

  it('counts nothing by default: an empty case and a signal without a theme are refused, and nothing is stored', async () => {
    const app = await launch();
    const { page } = app;
    await steps.createVault(page, CANARY.passphrase);
    await steps.openCaseList(page);
    await page.getByRole('button', { name: w.newCase, exact: true }).click();
    await page.getByRole('button', { name: steps.words.saveCase }).click();
    const reporter = page.locator('.list-item').first();
    for (const field of [w.staffCategory, w.age, w.role, steps.words.employment, steps.words.earlierPeriod]) expect(await reporter.getByLabel(field).getAttribute('aria-invalid')).toBe('true');
    expect(await reporter.getByText(w.chooseOne).count()).toBe(5);
    await page.getByText(w.natureNeeded).first().waitFor();
    await shot(app, 'empty-case-refused');
    await page.waitForTimeout(500);
    expect(count(app, 'cases')).toBe(0);

    await page.getByRole('navigation').getByRole('button', { name: w.signalsNav }).click();
    const signal = page.getByRole('form', { name: w.addSignal });
    await signal.getByRole('button', { name: w.addSignal }).click();
    // The message beside the field (the error summary above names it too).
    await signal.getByText(w.chooseOne, { exact: true }).waitFor();
    expect(await signal.getByLabel(w.theme).getAttribute('aria-invalid')).toBe('true');
    await page.waitForTimeout(500);
    expect(count(app, 'signals')).toBe(0);
  });

  it('never reuses a case number, not after a delete and not after restoring an older backup, and a restore says what came back', async () => {
    const app = await launch();
    const { page, core } = app;
    const year = new Date().getFullYear();
    const number = (sequence: number) => `${year}-${String(sequence).padStart(3, '0')}`;
    const caseHeading = (sequence: number) => page.getByRole('heading', { level: 1, name: new RegExp(`^${w.caseNumber(number(sequence))}`) });
    await steps.createVault(page, CANARY.passphrase, w.ombudsperson);
    await steps.addCase(page, `02-03-${year} 09:00`, w.direct);
    await steps.addCase(page, `03-03-${year} 09:00`, w.direct);
    await caseHeading(2).waitFor();

    await page.getByRole('navigation').getByRole('button', { name: w.settings }).click();
    const backups = backupFolderBeside(app);
    app.answerNextFolderDialog(backups);
    await page.getByRole('button', { name: w.chooseFolder }).click();
    await page.getByTestId('backup-folder').filter({ hasText: backups }).waitFor();
    await page.getByRole('button', { name: w.backupNow }).click();
    await page.getByRole('status').filter({ hasText: w.backupMade }).waitFor();
    const backup = join(backups, readdirSync(backups)[0]!);

    await steps.addCase(page, `04-03-${year} 09:00`, w.direct);
    await caseHeading(3).waitFor();
    // Escape cancels the delete confirmation; a confirmed delete removes the case.
    await page.getByRole('button', { name: w.deleteCase }).click();
    const confirmation = page.getByRole('alertdialog', { name: w.confirmDelete });
    await confirmation.waitFor();
    await page.keyboard.press('Escape');
    expect(await confirmation.count()).toBe(0);
    // A delete wrongly sent would still be on its way: give it the time one takes.
    await page.waitForTimeout(500);
    expect(count(app, 'cases')).toBe(3);
    await page.getByRole('button', { name: w.deleteCase }).click();
    await confirmation.getByRole('button', { name: w.yesDelete }).click();
    await expect.poll(() => count(app, 'cases')).toBe(2);
    await steps.addCase(page, `05-03-${year} 09:00`, w.direct);
    await caseHeading(4).waitFor();

    // A delete that fails (here: the case went away behind the screen) says so.
    const id = core.vault.database().prepare('SELECT max(id) FROM cases').pluck().get() as number;
    await core.router.handle('cases.delete', { id });
    await page.getByRole('button', { name: w.deleteCase }).click();
    await confirmation.getByRole('button', { name: w.yesDelete }).click();
    await page.getByRole('alert').filter({ hasText: w.notFound }).waitFor();
    await shot(app, 'failed-delete');

    await page.getByRole('navigation').getByRole('button', { name: w.settings }).click();
    const restore = page.getByRole('form', { name: w.restoreForm });
    app.answerNextFolderDialog(backup);
    await restore.getByLabel(w.restorePassphrase).fill(CANARY.otherPassphrase);
    await restore.getByRole('button', { name: w.restoreChoose }).click();
    await restore.getByRole('button', { name: w.restoreConfirm }).click();
    await restore.getByRole('alert').filter({ hasText: w.wrongPassphrase }).waitFor();
    expect(core.vault.status().unlocked).toBe(true);

    app.answerNextFolderDialog(backup);
    await restore.getByLabel(w.restorePassphrase).fill(CANARY.passphrase);
    await restore.getByRole('button', { name: w.restoreChoose }).click();
    await restore.getByRole('button', { name: w.restoreConfirm }).click();
    await page.getByRole('status').filter({ hasText: w.restoredWith }).waitFor();
    await shot(app, 'restored');

    await steps.openCaseList(page);
    await page.getByRole('listitem').filter({ hasText: w.caseNumber(number(1)) }).getByRole('button').click();
    await page.getByRole('heading', { name: w.mediation, exact: true }).waitFor();
    await steps.addCase(page, `06-03-${year} 09:00`, w.direct);
    await caseHeading(5).waitFor();

    await steps.openCaseList(page);
    await page.getByLabel(w.search).fill(number(2));
    await page.getByRole('status').filter({ hasText: w.oneCase }).waitFor();
    expect(await page.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining(w.caseNumber(number(2)))]);
  });

  it('shows the first steps, a case form in parts with its save button in view, a one-step close and a list with headings', async () => {
    const app = await launch();
    const { page, core } = app;
    await steps.createVault(page, CANARY.passphrase);
    const firstSteps = page.getByRole('region', { name: w.firstSteps });
    await firstSteps.waitFor();
    await shot(app, 'first-steps');
    await firstSteps.getByRole('button', { name: w.recordFirstCase }).click();
    await page.getByRole('heading', { name: w.newCase, level: 1 }).waitFor();
    expect(await page.evaluate('document.activeElement?.id')).toBe(await page.getByLabel(w.label).getAttribute('id'));
    expect(await page.getByRole('navigation', { name: w.formParts }).getByRole('button').count()).toBe(6);
    const save = await page.getByRole('button', { name: steps.words.saveCase }).boundingBox();
    expect(save!.y + save!.height).toBeLessThanOrEqual(SMALL_SCREEN.height);

    await page.getByLabel(steps.words.firstContact).fill(`02-03-${new Date().getFullYear()} 09:00`);
    await page.getByLabel(steps.words.cameInVia).selectOption({ label: w.direct });
    await page.getByLabel(w.label).fill(CANARY.name);
    await steps.describeReporter(page);
    await page.getByRole('checkbox', { name: steps.words.workload, exact: true }).check();
    await page.getByRole('button', { name: steps.words.saveCase }).click();
    await page.getByRole('heading', { name: steps.words.caseHeading, level: 1 }).waitFor();
    await expect.poll(() => focusedTag(page)).toBe('H1');

    await page.getByRole('button', { name: w.closeCase }).click();
    const close = page.getByRole('form', { name: w.closeCase });
    expect(await close.getByLabel(w.closedOn).inputValue()).toBe(today());
    await close.getByText(w.notAsked).waitFor();
    await close.getByLabel(w.outcome).selectOption({ index: 1 });
    await close.getByRole('button', { name: w.closeCase }).click();
    await expect.poll(() => core.vault.database().prepare('SELECT status FROM cases').pluck().get()).toBe('closed');

    await steps.openCaseList(page);
    // The headings are drawn for the eye; each row says its whole content to a screen reader.
    expect(await page.locator('.case-header span').allTextContents()).toEqual(w.columns);
    expect(await page.getByRole('button', { name: w.filters, exact: true }).getAttribute('aria-expanded')).toBe('false');
    const row = page.getByRole('listitem').filter({ hasText: CANARY.name }).getByRole('button');
    expect(await row.getAttribute('aria-label')).toContain(CANARY.name);
    // The case's flag ("statistics: not asked yet") is read whole, inside its row.
    const flagsCut = await page.evaluate(`[...document.querySelectorAll('.case-row .flags > span')].filter((flag) => {
      const box = flag.getBoundingClientRect();
      return flag.scrollWidth > flag.clientWidth || box.bottom > flag.closest('.case-row').getBoundingClientRect().bottom;
    }).length`);
    expect(await page.locator('.case-row .flags > span').count()).toBe(1);
    expect(flagsCut).toBe(0);
    // The search field's hint is read whole.
    const hintFits = await page.evaluate(`(() => {
      const input = document.getElementById('case-search');
      const style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d');
      context.font = style.font;
      return context.measureText(input.placeholder).width <= input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    })()`);
    expect(hintFits).toBe(true);
    // Nothing makes the page wider than the screen (the menu wraps in Dutch).
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(SMALL_SCREEN.width);
    await shot(app, 'case-list');
  });

  it('counts the unlock wait down, keeps the passphrase, shows it on request, warns about caps lock and focuses the heading', async () => {
    const app = await launch();
    const { page } = app;
    await steps.createVault(page, CANARY.passphrase);
    expect(await page.evaluate('document.documentElement.lang')).toBe(language);
    await steps.lock(page);
    const field = page.getByLabel(steps.words.passphrase);
    await page.getByRole('button', { name: w.show }).click();
    expect(await field.getAttribute('type')).toBe('text');
    await field.dispatchEvent('keydown', { key: 'A', modifierCapsLock: true });
    await page.getByText(w.capsLock).waitFor();
    for (let attempt = 0; attempt < 4; attempt++) {
      await steps.unlock(page, CANARY.otherPassphrase);
      await page.getByText(w.wrongPassphrase).waitFor();
      expect(await field.inputValue()).toBe(CANARY.otherPassphrase);
    }
    const wait = page.getByTestId('unlock-wait');
    await wait.filter({ hasText: w.wait }).waitFor();
    await shot(app, 'unlock-wait');
    await wait.filter({ hasText: w.waitLater }).waitFor();
    await field.fill(CANARY.passphrase);
    const open = page.getByRole('button', { name: steps.words.open, exact: true });
    await expect.poll(() => open.isEnabled(), { timeout: 6000 }).toBe(true);
    await open.click();
    await page.getByRole('heading', { name: steps.words.today, level: 1 }).waitFor();
    await expect.poll(() => focusedTag(page)).toBe('H1');
  });

  it('rates and refuses a short passphrase alike, saves a recovery sheet, checks the key, proposes backups, and knows its shortcuts and settings', async () => {
    const app = await launch();
    const { page } = app;
    await page.getByRole('heading', { name: 'Nieuwe kluis aanmaken' }).waitFor();
    if (language !== 'nl') await page.getByLabel('Taal').selectOption(language);
    await expect.poll(() => page.evaluate('document.documentElement.lang')).toBe(language);
    await page.getByLabel(steps.words.yourFunction).selectOption({ label: steps.words.concernsPoint });
    const passphrase = page.getByLabel(steps.words.passphrase, { exact: true });
    const verdict = page.getByTestId('strength-verdict');
    for (const weak of [w.weakPassphrase, ' '.repeat(12)]) {
      await passphrase.fill(weak);
      await page.getByLabel(steps.words.repeat).fill(weak);
      expect(await verdict.textContent()).toBe(w.strength.tooShort);
      expect(await page.evaluate("getComputedStyle(document.querySelector('[data-testid=strength-verdict]')).color")).toBe('rgb(180, 35, 24)');
      await page.getByRole('button', { name: steps.words.createVault }).click();
      await page.getByText(w.tooShort).first().waitFor();
      // The core refuses what the meter calls too short, by the same rule.
      expect(await app.core.router.handle('vault.create', { passphrase: weak, function: 'concerns_point_coordinator' })).toEqual({ ok: false, error: { code: 'WEAK_PASSPHRASE' } });
      expect(app.core.vault.status().exists).toBe(false);
    }
    await passphrase.fill(CANARY.passphrase);
    await page.getByLabel(steps.words.repeat).fill(CANARY.passphrase);
    expect(await verdict.textContent()).toBe(w.strength.strong);
    await page.getByRole('button', { name: steps.words.createVault }).click();

    const key = (await page.getByTestId('recovery-key').textContent()) ?? '';
    await page.getByRole('button', { name: w.savePdf }).click();
    await page.getByRole('status').filter({ hasText: w.sheetName }).waitFor();
    expect(numberedGroups(app.savedFiles.at(-1)!).groups.join('-')).toBe(key);
    await page.getByLabel(w.keyStored).check();
    await page.getByRole('button', { name: steps.words.next, exact: true }).click();
    await page.getByRole('heading', { name: steps.words.typeBackTitle }).waitFor();
    const labels = await page.locator('label', { hasText: new RegExp(`^${steps.words.group} \\d+$`) }).allTextContents();
    for (const label of labels) await page.getByLabel(label, { exact: true }).fill('ZZZZ');
    await page.getByRole('button', { name: steps.words.toVault }).click();
    await page.getByText(`${labels[0]} ${w.groupWrong}`).waitFor();
    await steps.typeBackRecoveryKey(page, key);
    await page.getByRole('button', { name: steps.words.toVault }).click();

    await page.getByRole('heading', { name: w.backupProposal }).waitFor();
    const backups = backupFolderBeside(app);
    app.answerNextFolderDialog(backups);
    await page.getByRole('button', { name: w.chooseFolder }).click();
    expect(await page.getByLabel(w.automatic).isChecked()).toBe(true);
    await page.getByRole('button', { name: w.setUpBackups }).click();
    await page.getByTestId('last-backup').filter({ hasText: w.noBackup }).waitFor();
    await steps.lock(page);
    expect(readdirSync(backups)).toHaveLength(1);
    await steps.unlock(page, CANARY.passphrase);
    await page.getByTestId('last-backup').filter({ hasText: w.lastBackup }).waitFor();

    await page.keyboard.press('Control+n');
    await page.getByRole('heading', { name: w.newCase, level: 1 }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: steps.words.cases, level: 1 }).waitFor();
    await page.getByRole('navigation').getByRole('button', { name: w.help }).click();
    await page.getByRole('table', { name: w.shortcuts }).getByText(w.lockVault).waitFor();
    await page.keyboard.press('Control+f');
    await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('case-search');

    await page.getByRole('navigation').getByRole('button', { name: w.settings }).click();
    const idle = page.getByLabel(w.idleMinutes);
    const idleSetting = async () => ((await app.core.router.handle('settings.get', {})) as { value: { idleLockMinutes: number } }).value.idleLockMinutes;
    await idle.fill('0');
    await idle.blur();
    await page.getByText(w.wholeNumber).waitFor();
    expect(await idleSetting()).toBe(10);
    await idle.fill('1');
    await idle.blur();
    await page.getByText(w.settingsSaved).first().waitFor();
    await expect.poll(idleSetting).toBe(1);
    await shot(app, 'settings');
  });
});
