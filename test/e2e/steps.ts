import type { Page } from 'playwright-core';

/** The words an adviser sees on the screens the common steps pass through, in each language. */
export const SCREEN_WORDS = {
  nl: {
    createTitle: 'Nieuwe kluis aanmaken',
    yourFunction: 'Uw functie',
    concernsPoint: 'Coördinator meldpunt (CCP)',
    external: 'Externe facultaire vertrouwenspersoon',
    passphrase: 'Wachtwoordzin',
    repeat: 'Herhaal de wachtwoordzin',
    createVault: 'Kluis aanmaken',
    keyStored: 'Ik heb de herstelsleutel veilig opgeslagen',
    next: 'Verder',
    typeBackTitle: 'Hebt u de sleutel goed genoteerd?',
    group: 'Groep',
    toVault: 'Verder naar mijn kluis',
    skipBackups: 'Nu niet, later in Instellingen',
    cases: 'Zaken',
    today: 'Vandaag',
    open: 'Openen',
    lock: 'Vergrendelen',
    unlockTitle: 'Kluis openen',
    staffCategory: 'Personeelscategorie',
    age: 'Leeftijd',
    role: 'Rol van de melder',
    employment: 'Dienstverband',
    earlierPeriod: 'Gebeurtenissen uit een eerdere periode, nu pas gemeld?',
    employed: 'In dienst',
    notEarlier: 'Nee, recente periode',
    direct: 'Rechtstreeks bij deze functie',
    academicStaff: 'Wetenschappelijk personeel (WP)',
    unknownAge: 'Onbekend',
    directlyAffected: 'Direct betrokkene',
    newCase: 'Nieuwe zaak',
    firstContact: 'Eerste contact (datum en tijd)',
    cameInVia: 'Binnengekomen via',
    workload: 'Werkdruk',
    saveCase: 'Zaak opslaan',
    caseHeading: /^Zaak \d+/,
  },
  en: {
    createTitle: 'Create a new vault',
    yourFunction: 'Your function',
    concernsPoint: 'Concerns-point coordinator (CCP)',
    external: 'External faculty adviser',
    passphrase: 'Passphrase',
    repeat: 'Repeat the passphrase',
    createVault: 'Create vault',
    keyStored: 'I have stored the recovery key safely',
    next: 'Next',
    typeBackTitle: 'Did you note the key correctly?',
    group: 'Group',
    toVault: 'Continue to my vault',
    skipBackups: 'Not now, later in Settings',
    cases: 'Cases',
    today: 'Today',
    open: 'Open',
    lock: 'Lock',
    unlockTitle: 'Open the vault',
    staffCategory: 'Staff category',
    age: 'Age',
    role: "Reporter's role",
    employment: 'Employment status',
    earlierPeriod: 'Events from an earlier period, reported only now?',
    employed: 'Currently employed',
    notEarlier: 'No, the current period',
    direct: 'Directly to this function',
    academicStaff: 'Academic staff (WP)',
    unknownAge: 'Unknown',
    directlyAffected: 'Directly affected',
    newCase: 'New case',
    firstContact: 'First contact (date and time)',
    cameInVia: 'Came in via',
    workload: 'Workload',
    saveCase: 'Save case',
    caseHeading: /^Case \d+/,
  },
} as const;

export type Language = keyof typeof SCREEN_WORDS;

/**
 * What an adviser does, step by step, in the given language. The steps for English switch the
 * language on the first screen, as an adviser would; the app keeps that choice.
 */
export function adviserSteps(language: Language) {
  const words = SCREEN_WORDS[language];

  async function createVault(page: Page, passphrase: string, functionLabel: string = words.concernsPoint, external = false): Promise<string> {
    await page.getByRole('heading', { name: SCREEN_WORDS.nl.createTitle }).waitFor();
    if (language !== 'nl') {
      await page.getByLabel('Taal').selectOption(language);
      await page.getByRole('heading', { name: words.createTitle }).waitFor();
    }
    await page.getByLabel(words.yourFunction).selectOption({ label: functionLabel });
    if (external) await page.getByLabel(words.external).check();
    await page.getByLabel(words.passphrase, { exact: true }).fill(passphrase);
    await page.getByLabel(words.repeat).fill(passphrase);
    await page.getByRole('button', { name: words.createVault }).click();
    const key = (await page.getByTestId('recovery-key').textContent()) ?? '';
    await page.getByLabel(words.keyStored).check();
    await page.getByRole('button', { name: words.next, exact: true }).click();
    await typeBackRecoveryKey(page, key);
    await page.getByRole('button', { name: words.toVault }).click();
    await page.getByRole('button', { name: words.skipBackups }).click();
    await page.getByRole('heading', { name: words.cases }).waitFor();
    return key;
  }

  /** The groups the app asks for, by number ("Groep 3"), each typed from the noted key. */
  async function typeBackRecoveryKey(page: Page, key: string): Promise<void> {
    await page.getByRole('heading', { name: words.typeBackTitle }).waitFor();
    const groups = key.split('-');
    for (const label of await page.locator('label', { hasText: new RegExp(`^${words.group} \\d+$`) }).allTextContents()) {
      await page.getByLabel(label, { exact: true }).fill(groups[Number(label.replace(`${words.group} `, '')) - 1]!);
    }
  }

  async function unlock(page: Page, passphrase: string): Promise<void> {
    await page.getByLabel(words.passphrase).fill(passphrase);
    await page.getByRole('button', { name: words.open, exact: true }).click();
  }

  async function lock(page: Page): Promise<void> {
    await page.getByRole('button', { name: words.lock, exact: true }).click();
    await page.getByRole('heading', { name: words.unlockTitle }).waitFor();
  }

  /** The reporter's category, age band, role, employment and period: the form has no defaults for them, so the adviser picks each. */
  async function describeReporter(page: Page, staffLabel: string = words.academicStaff, ageLabel: string = words.unknownAge, roleLabel: string = words.directlyAffected): Promise<void> {
    const reporter = page.locator('.list-item').first();
    await reporter.getByLabel(words.staffCategory).selectOption({ label: staffLabel });
    await reporter.getByLabel(words.age).selectOption({ label: ageLabel });
    await reporter.getByLabel(words.role).selectOption({ label: roleLabel });
    await reporter.getByLabel(words.employment).selectOption({ label: words.employed });
    await reporter.getByLabel(words.earlierPeriod).selectOption({ label: words.notEarlier });
  }

  async function openCaseList(page: Page): Promise<void> {
    await page.getByRole('navigation').getByRole('button', { name: words.cases }).click();
    await page.getByRole('heading', { name: words.cases }).waitFor();
  }

  /**
   * A minimal case: first contact, route, the reporter's three explicit choices and the one nature
   * every report needs; the statistics question stays "not asked yet".
   */
  async function addCase(page: Page, firstContactAt: string, routeLabel: string): Promise<void> {
    await openCaseList(page);
    await page.getByRole('button', { name: words.newCase }).click();
    await page.getByLabel(words.firstContact).fill(firstContactAt);
    await page.getByLabel(words.cameInVia).selectOption({ label: routeLabel });
    await describeReporter(page);
    await page.getByRole('checkbox', { name: words.workload, exact: true }).check();
    await page.getByRole('button', { name: words.saveCase }).click();
    await page.getByRole('heading', { name: words.caseHeading }).waitFor();
  }

  return { words, createVault, typeBackRecoveryKey, unlock, lock, describeReporter, openCaseList, addCase };
}

/** The steps in Dutch, the app's default language. */
export const { createVault, typeBackRecoveryKey, unlock, lock, describeReporter, openCaseList, addCase } = adviserSteps('nl');

/** The statistics question answered yes on the given day. */
export async function consentToStatistics(page: Page, answeredOn: string): Promise<void> {
  const question = page.getByRole('group', { name: 'Telt mee in de anonieme statistiek?' });
  await question.getByRole('radio', { name: 'Ja, toestemming gegeven' }).check();
  await question.getByLabel('Datum van het antwoord').fill(answeredOn);
}

export interface CountedCaseOptions {
  /** The intake route's label, when not directly to this function. */
  routeLabel?: string;
  /** Where this function referred the reporter, by the target's label. */
  referredTo?: string;
}

/** A case whose reporter consented to be counted, so it enters the annual export. */
export async function addCountedCase(page: Page, firstContactAt: string, natureLabel: string, staffLabel: string, options: CountedCaseOptions = {}): Promise<void> {
  await openCaseList(page);
  await page.getByRole('button', { name: 'Nieuwe zaak' }).click();
  await page.getByLabel('Eerste contact (datum en tijd)').fill(firstContactAt);
  await page.getByLabel('Eerste reactie (datum en tijd)').fill(firstContactAt);
  await page.getByLabel('Binnengekomen via').selectOption({ label: options.routeLabel ?? SCREEN_WORDS.nl.direct });
  await describeReporter(page, staffLabel);
  await page.getByRole('checkbox', { name: natureLabel, exact: true }).check();
  if (options.referredTo) {
    await page.getByRole('checkbox', { name: 'Doorverwijzing', exact: true }).check();
    await page.getByRole('button', { name: 'Doorverwijzing toevoegen' }).click();
    await page.getByLabel('Verwezen naar').selectOption({ label: options.referredTo });
    await page.getByLabel('Datum', { exact: true }).fill(firstContactAt.slice(0, 10));
  }
  await consentToStatistics(page, firstContactAt.slice(0, 10));
  await page.getByRole('button', { name: 'Zaak opslaan' }).click();
  await page.getByRole('heading', { name: /^Zaak \d+/ }).waitFor();
}

export async function goTo(page: Page, section: 'Zaken' | 'Signalen en activiteiten' | 'Jaarexport' | 'Teamrapport' | 'Bewaartermijn' | 'Instellingen' | 'Help'): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: section }).click();
}

/** A conversation with a note on the open case's page; done once the case's timeline shows it. */
export async function addConversation(page: Page, note: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Gesprek toevoegen' });
  await form.getByLabel('Notities').fill(note);
  await form.getByRole('button', { name: 'Gesprek opslaan' }).click();
  await page.locator('.timeline-item').filter({ hasText: note }).waitFor();
}

/** The idle minutes in Settings, saved as soon as typed. */
export async function setIdleLockMinutes(page: Page, minutes: number): Promise<void> {
  await goTo(page, 'Instellingen');
  await page.getByLabel('Automatisch vergrendelen na (minuten zonder activiteit)').fill(String(minutes));
  await page.getByText('Instellingen opgeslagen.').waitFor();
}

/** A backup now, into the folder the shell's folder dialog answers with. */
export async function backUpNow(page: Page, folder: string): Promise<void> {
  await goTo(page, 'Instellingen');
  await page.getByRole('button', { name: 'Map kiezen…' }).click();
  // The folder is saved as soon as it is chosen; the backup button counts only once it is shown.
  await page.getByTestId('backup-folder').filter({ hasText: folder }).waitFor();
  await page.getByRole('button', { name: 'Nu een back-up maken' }).click();
  await page.getByRole('status').filter({ hasText: 'Back-up gemaakt en gecontroleerd' }).waitFor();
}

/** All of `year` exported with the adviser's consent, unsealed (no team key), through the shell's save dialog. */
export async function exportYearUnsealed(page: Page, year: number): Promise<void> {
  await goTo(page, 'Jaarexport');
  await page.getByLabel('Jaar', { exact: true }).fill(String(year));
  await page.getByLabel('Van', { exact: true }).selectOption({ label: 'januari' });
  await page.getByLabel('Tot en met', { exact: true }).selectOption({ label: 'december' });
  await page.getByRole('button', { name: 'Voorbeeld tonen' }).click();
  await page.getByRole('region', { name: 'In het kort' }).waitFor();
  await page.getByLabel('Ik heb alle getallen gecontroleerd en geef toestemming om dit bestand op te slaan.').check();
  await page.getByLabel('Ik begrijp dat dit bestand niet verzegeld is').check();
  await page.getByRole('button', { name: 'Opslaan…' }).click();
  await page.getByRole('status').filter({ hasText: 'Opgeslagen als' }).waitFor();
}

/** The export preview's tables, behind the disclosure under the summary and the consent: one click. */
export async function showExportTables(page: Page): Promise<void> {
  await page.getByText('Alle tabellen van het bestand bekijken, precies zoals ze meegaan').click();
  await page.getByText('Uw cijfers, zoals de tabellen van het teamrapport ze tonen').waitFor();
}

/** The team report from unsealed export files, published as PDF through the shell's save dialog. */
export async function publishReportPdf(page: Page, exportFiles: string[]): Promise<void> {
  await goTo(page, 'Teamrapport');
  await page.getByLabel('Onverzegelde exportbestanden accepteren').check();
  await page.getByLabel('Exportbestanden kiezen').setInputFiles(exportFiles);
  for (const file of exportFiles) await page.getByText(`${file.split(/[\\/]/).pop()}: geïmporteerd`).waitFor();
  await page.getByRole('button', { name: 'Opslaan als PDF…' }).click();
  await page.getByRole('status').filter({ hasText: /Opgeslagen als .*\.pdf/ }).waitFor();
}
