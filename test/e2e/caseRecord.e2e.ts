import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CANARY, containsBytes } from '../fixtures/canaries';
import { seedCases } from '../support/seedCases';
import { appPerTest } from './appPerTest';
import { launchApp, type RunningApp } from './harness';
import { consentToStatistics, describeReporter, createVault, lock, openCaseList, unlock } from './steps';

const running = appPerTest();

function rawVaultFiles(target: RunningApp): Buffer[] {
  const folder = join(target.dataDirectory, 'vault');
  return readdirSync(folder).map((name) => readFileSync(join(folder, name)));
}

describe('the complete case record, as advisers use it', () => {
  it('a concerns point logs a joint case with three conversations and a referral, and finds it by a word from a note', async () => {
    running.app = await launchApp();
    const app = running.app;
    const { page } = app;
    await createVault(page, CANARY.passphrase, 'Coördinator meldpunt (CCP)');

    await page.getByRole('button', { name: 'Nieuwe zaak' }).click();
    await page.getByLabel('Kenmerk (alleen voor uzelf)').fill('Gezamenlijke melding');
    await page.getByLabel('Eerste contact (datum en tijd)').fill('2-3-2026 9:00');
    await page.getByLabel('Eerste reactie (datum en tijd)').fill('02-03-2026 13.00');
    await page.getByLabel('Binnengekomen via').selectOption({ label: 'Rechtstreeks bij deze functie' });
    const reporters = page.locator('.list-item');
    await reporters.nth(0).getByLabel('Naam (blijft in de kluis)').fill(CANARY.name);
    await reporters.nth(0).getByLabel('Personeelscategorie').selectOption({ label: 'Wetenschappelijk personeel (WP)' });
    await reporters.nth(0).getByLabel('Leeftijd').selectOption({ label: '35–44' });
    await reporters.nth(0).getByLabel('Rol van de melder').selectOption({ label: 'Direct betrokkene' });
    await page.getByRole('button', { name: 'Melder toevoegen' }).click();
    // "Unknown" is an answer the adviser gives, not what an untouched field becomes; no answer is preset.
    for (const field of ['Dienstverband', 'Gebeurtenissen uit een eerdere periode, nu pas gemeld?']) expect(await reporters.nth(1).getByLabel(field).inputValue()).toBe('');
    for (const field of ['Personeelscategorie', 'Leeftijd', 'Rol van de melder']) {
      expect(await reporters.nth(1).getByLabel(field).inputValue()).toBe('');
      expect((await reporters.nth(1).getByLabel(field).locator('option').allTextContents()).some((text) => text.startsWith('Onbekend'))).toBe(true);
    }
    await reporters.nth(1).getByLabel('Personeelscategorie').selectOption({ label: 'Promovendus' });
    await reporters.nth(1).getByLabel('Leeftijd').selectOption({ label: 'Onbekend' });
    await reporters.nth(1).getByLabel('Rol van de melder').selectOption({ label: 'Omstander (meldt namens een ander)' });
    for (const row of [0, 1]) {
      await reporters.nth(row).getByLabel('Dienstverband').selectOption({ label: 'In dienst' });
      await reporters.nth(row).getByLabel('Gebeurtenissen uit een eerdere periode, nu pas gemeld?').selectOption({ label: 'Nee, recente periode' });
    }
    await page.getByRole('checkbox', { name: 'Intimidatie', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Werkdruk' }).check();
    await page.getByLabel('Andere partij', { exact: true }).selectOption({ label: 'Direct leidinggevende' });
    await page.getByRole('checkbox', { name: 'Doorverwijzing' }).check();
    await page.getByRole('button', { name: 'Doorverwijzing toevoegen' }).click();
    await page.getByLabel('Verwezen naar').selectOption({ label: 'Ombudsfunctionaris' });
    await page.getByLabel('Datum', { exact: true }).fill('2026-03-05');
    await consentToStatistics(page, '2026-03-02');
    await app.screenshot('10-case-form');
    await page.getByRole('button', { name: 'Zaak opslaan' }).click();
    await page.getByRole('heading', { name: /^Zaak \d{4}-001 Gezamenlijke melding$/ }).waitFor();
    expect(app.core.vault.database().prepare('SELECT first_contact_at, first_response_at FROM cases').get()).toEqual({
      first_contact_at: '2026-03-02T09:00',
      first_response_at: '2026-03-02T13:00',
    });

    const notes = ['Eerste gesprek: kennismaking.', `Tweede gesprek, ${CANARY.noteWord} besproken.`, 'Derde gesprek: doorverwezen.'];
    for (const [index, note] of notes.entries()) {
      const form = page.getByRole('form', { name: 'Gesprek toevoegen' });
      await form.getByLabel('Datum en tijd').fill(`2026-03-0${index + 2}T14:00`);
      await form.getByLabel('Notities').fill(note);
      await form.getByRole('button', { name: 'Gesprek opslaan' }).click();
      await page.getByRole('heading', { name: index === 0 ? '1 gesprek' : `${index + 1} gesprekken` }).waitFor();
    }
    await app.screenshot('11-case-page');

    await openCaseList(page);
    await page.getByLabel('Zoeken in notities').fill(CANARY.noteWord.slice(0, 14).toLowerCase());
    await page.getByRole('status').filter({ hasText: '1 zaak' }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Gezamenlijke melding' }).waitFor();
    await page.getByLabel('Zoeken in notities').fill('nietsvandit');
    await page.getByRole('status').filter({ hasText: '0 zaken' }).waitFor();

    await lock(page);
    await unlock(page, CANARY.passphrase);
    await openCaseList(page);
    await page.getByRole('listitem').filter({ hasText: 'Gezamenlijke melding' }).click();
    await page.getByRole('heading', { name: '3 gesprekken' }).waitFor();
    const overview = (await page.getByRole('region', { name: 'Overzicht' }).textContent()) ?? '';
    expect(overview).toContain('Promovendus');
    expect(overview).toContain(CANARY.name);
    expect(overview).toContain('Intimidatie, Werkdruk');
    expect(overview).toContain('Ombudsfunctionaris');
    expect(overview).toContain('Ja, toestemming gegeven');
    expect(await page.getByText(CANARY.noteWord, { exact: false }).count()).toBe(1);

    app.core.vault.lock();
    for (const bytes of rawVaultFiles(app)) {
      for (const canary of [CANARY.noteWord, CANARY.name, 'Gezamenlijke melding']) expect(containsBytes(bytes, canary)).toBe(false);
    }
  });

  it('an ombudsperson records a mediation with consent to be heard and an agreement, and its two sessions where conversations are written', async () => {
    running.app = await launchApp();
    const app = running.app;
    const { page } = app;
    await createVault(page, CANARY.passphrase, 'Ombudsfunctionaris');
    await page.getByRole('button', { name: 'Nieuwe zaak' }).click();
    await page.getByLabel('Eerste contact (datum en tijd)').fill('2026-03-02T09:00');
    await page.getByLabel('Binnengekomen via').selectOption({ label: 'Rechtstreeks bij deze functie' });
    await describeReporter(page);
    await page.getByRole('checkbox', { name: 'Arbeidsconflict' }).check();
    await page.getByRole('checkbox', { name: 'Bemiddeling' }).check();
    await page.getByRole('button', { name: 'Zaak opslaan' }).click();
    await page.getByRole('heading', { name: /^Zaak \d{4}-001/ }).waitFor();

    const mediation = page.getByRole('form', { name: 'Bemiddeling' });
    await mediation.getByLabel('Wederhoor gehouden op').fill('2026-03-09');
    await mediation.getByRole('button', { name: 'Bemiddeling opslaan' }).click();
    await mediation.getByRole('link', { name: 'Wederhoor kan alleen met instemming van de andere partij.' }).waitFor();

    await mediation.getByLabel('De andere partij stemt in met wederhoor').check();
    await mediation.getByLabel('Instemming gegeven op').fill('05-03-2026');
    await mediation.getByLabel('Notities wederhoor').fill('Andere partij gehoord.');
    // The mediation has no session boxes of its own: a session is written where conversations are.
    expect(await mediation.getByRole('button', { name: 'Gesprek toevoegen' }).count()).toBe(0);
    await mediation.getByRole('button', { name: 'Afspraak toevoegen' }).click();
    await mediation.getByLabel('Afgesproken op').fill('2026-03-19');
    await mediation.getByLabel('Afspraak', { exact: true }).fill('Wekelijks overleg tussen partijen.');
    await mediation.getByLabel('Uitkomst').selectOption({ label: 'Overeenstemming' });
    await mediation.getByRole('button', { name: 'Bemiddeling opslaan' }).click();
    await page.getByText('Bemiddeling opgeslagen.').waitFor();
    await mediation.getByText('Nog geen bemiddelingssessie vastgelegd', { exact: false }).waitFor();

    const composer = page.getByRole('form', { name: 'Gesprek toevoegen' });
    for (const [index, day] of ['12', '19'].entries()) {
      await composer.getByRole('radio', { name: 'Bemiddelingssessie' }).check();
      await composer.getByLabel('Datum en tijd').fill(`2026-03-${day}T14:00`);
      await composer.getByLabel('Vorm').selectOption({ label: 'Niet vastgelegd' });
      await composer.getByLabel('Duur (minuten)').fill('');
      await composer.getByLabel('Aanwezig').fill('Beide partijen');
      await composer.getByLabel('Notities').fill(`Sessie ${index + 1}: ${CANARY.noteWord}`);
      await composer.getByRole('button', { name: 'Gesprek opslaan' }).click();
      await mediation.getByText(index === 0 ? '1 bemiddelingssessie vastgelegd' : '2 bemiddelingssessies vastgelegd', { exact: false }).waitFor();
    }
    await app.screenshot('12-mediation');
    expect(app.core.vault.database().prepare('SELECT kind, held_at, duration_minutes, mode, participants FROM conversations ORDER BY id').all()).toEqual(
      ['12', '19'].map((day) => ({ kind: 'mediation_session', held_at: `2026-03-${day}T14:00`, duration_minutes: null, mode: null, participants: 'Beide partijen' })),
    );

    await lock(page);
    await unlock(page, CANARY.passphrase);
    await openCaseList(page);
    await page.getByRole('listitem').filter({ hasText: /Zaak \d{4}-001/ }).click();
    const reopened = page.getByRole('form', { name: 'Bemiddeling' });
    await reopened.waitFor();
    expect(await reopened.getByLabel('Instemming gegeven op').inputValue()).toBe('05-03-2026');
    expect(await reopened.getByLabel('Wederhoor gehouden op').inputValue()).toBe('09-03-2026');
    await reopened.getByText('2 bemiddelingssessies vastgelegd', { exact: false }).waitFor();
    const sessions = page.locator('.timeline-item.mediation-session');
    expect(await sessions.count()).toBe(2);
    expect(await sessions.nth(1).getByText('Bemiddelingssessie', { exact: true }).count()).toBe(1);
    expect(await sessions.nth(1).locator('.notes').textContent()).toBe(`Sessie 2: ${CANARY.noteWord}`);
    expect(await reopened.getByLabel('Afspraak', { exact: true }).inputValue()).toBe('Wekelijks overleg tussen partijen.');
    expect(await reopened.getByLabel('Uitkomst').inputValue()).toBe('agreement');
  });

  it('scrolls a list of 30,000 cases while keeping only the visible rows in the page', async () => {
    running.app = await launchApp();
    const app = running.app;
    const { page } = app;
    await createVault(page, CANARY.passphrase);
    seedCases(app.core.vault.database(), 30_000);
    await page.getByRole('navigation').getByRole('button', { name: 'Signalen en activiteiten' }).click();
    await openCaseList(page);
    await page.getByRole('status').filter({ hasText: '30000 zaken' }).waitFor();
    expect(await page.getByRole('listitem').count()).toBeLessThan(80);

    await page.getByTestId('case-scroller').evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await page.locator('[data-case-id="1"]').waitFor();
    expect(await page.getByRole('listitem').count()).toBeLessThan(80);
    await app.screenshot('13-thirty-thousand');
  });
});
