import type { Page } from 'playwright-core';

/** What an adviser does, step by step, in Dutch, the app's default language. */
export async function createVault(page: Page, passphrase: string, functionLabel = 'Coördinator meldpunt (CCP)', external = false): Promise<string> {
  await page.getByRole('heading', { name: 'Nieuwe kluis aanmaken' }).waitFor();
  await page.getByLabel('Uw functie').selectOption({ label: functionLabel });
  if (external) await page.getByLabel('Externe facultaire vertrouwenspersoon').check();
  await page.getByLabel('Wachtwoordzin', { exact: true }).fill(passphrase);
  await page.getByLabel('Herhaal de wachtwoordzin').fill(passphrase);
  await page.getByRole('button', { name: 'Kluis aanmaken' }).click();
  const key = (await page.getByTestId('recovery-key').textContent()) ?? '';
  await page.getByLabel('Ik heb de herstelsleutel veilig opgeslagen').check();
  await page.getByRole('button', { name: 'Verder', exact: true }).click();
  await typeBackRecoveryKey(page, key);
  await page.getByRole('button', { name: 'Verder naar mijn kluis' }).click();
  await page.getByRole('button', { name: 'Nu niet, later in Instellingen' }).click();
  await page.getByRole('heading', { name: 'Zaken' }).waitFor();
  return key;
}

/** The groups the app asks for, by number ("Groep 3"), each typed from the noted key. */
export async function typeBackRecoveryKey(page: Page, key: string): Promise<void> {
  await page.getByRole('heading', { name: 'Hebt u de sleutel goed genoteerd?' }).waitFor();
  const groups = key.split('-');
  for (const label of await page.locator('label', { hasText: /^Groep \d+$/ }).allTextContents()) {
    await page.getByLabel(label, { exact: true }).fill(groups[Number(label.replace('Groep ', '')) - 1]!);
  }
}

export async function unlock(page: Page, passphrase: string): Promise<void> {
  await page.getByLabel('Wachtwoordzin').fill(passphrase);
  await page.getByRole('button', { name: 'Openen', exact: true }).click();
}

export async function lock(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Vergrendelen' }).click();
  await page.getByRole('heading', { name: 'Kluis openen' }).waitFor();
}

/** The reporter's category, age band and role: the form has no defaults for them, so the adviser picks each. */
export async function describeReporter(page: Page, staffLabel = 'Wetenschappelijk personeel (WP)', ageLabel = 'Onbekend', roleLabel = 'Direct betrokkene'): Promise<void> {
  const reporter = page.locator('.list-item').first();
  await reporter.getByLabel('Personeelscategorie').selectOption({ label: staffLabel });
  await reporter.getByLabel('Leeftijd').selectOption({ label: ageLabel });
  await reporter.getByLabel('Rol van de melder').selectOption({ label: roleLabel });
}

/**
 * A minimal case: first contact, route, the reporter's three explicit choices and the one nature
 * every report needs; the statistics question stays "not asked yet".
 */
export async function addCase(page: Page, firstContactAt: string, routeLabel: string): Promise<void> {
  await openCaseList(page);
  await page.getByRole('button', { name: 'Nieuwe zaak' }).click();
  await page.getByLabel('Eerste contact (datum en tijd)').fill(firstContactAt);
  await page.getByLabel('Binnengekomen via').selectOption({ label: routeLabel });
  await describeReporter(page);
  await page.getByRole('checkbox', { name: 'Werkdruk', exact: true }).check();
  await page.getByRole('button', { name: 'Zaak opslaan' }).click();
  await page.getByRole('heading', { name: /^Zaak \d+/ }).waitFor();
}

export async function openCaseList(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'Zaken' }).click();
  await page.getByRole('heading', { name: 'Zaken' }).waitFor();
}

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
  if (options.routeLabel) await page.getByLabel('Binnengekomen via').selectOption({ label: options.routeLabel });
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
