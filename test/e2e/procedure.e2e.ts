import { describe, expect, it } from 'vitest';
import { CANARY } from '../fixtures/canaries';
import { appPerTest } from './appPerTest';
import { launchApp } from './harness';
import { addCase, createVault } from './steps';

const running = appPerTest();

describe('a report under the whistleblower procedure, on the case page in Dutch', () => {
  it('is marked with its day of receipt, shows both deadlines and whether each was met, and refuses a day before the receipt', async () => {
    const app = (running.app = await launchApp({ now: new Date(2026, 11, 5, 12, 0), viewport: { width: 1024, height: 640 } }));
    const { page } = app;
    await createVault(page, CANARY.passphrase);
    await addCase(page, '20-11-2026 09:00', 'Rechtstreeks bij deze functie');

    const panel = page.getByRole('region', { name: 'Klokkenluidersregeling' });
    await panel.getByLabel('Datum van ontvangst').fill('24-11-2026');
    await panel.getByRole('button', { name: 'Behandelen als melding onder de klokkenluidersregeling' }).click();

    await panel.getByText('Ontvangen op 24 nov 2026').waitFor();
    const confirmation = panel.getByRole('listitem').filter({ hasText: 'Ontvangstbevestiging' });
    const feedback = panel.getByRole('listitem').filter({ hasText: 'Terugkoppeling' });
    await expect.poll(() => confirmation.getByRole('note').textContent()).toBe('Niet gehaald: de termijn is verstreken en dit is nog niet gedaan');
    expect(await confirmation.textContent()).toContain('uiterlijk 1 dec 2026');
    // No confirmation sent yet: three months from the end of the seven days.
    expect(await feedback.textContent()).toContain('uiterlijk 1 mrt 2027');
    expect(await feedback.getByRole('note').textContent()).toBe('Open');

    // A confirmation cannot have been sent before the report came in: refused in words, nothing moved.
    await confirmation.getByLabel('Verstuurd op').fill('20-11-2026');
    await confirmation.getByRole('button', { name: 'Bevestiging verstuurd' }).click();
    await expect.poll(() => confirmation.getByRole('alert').textContent()).toBe('Die datum ligt vóór de dag waarop de melding is ontvangen. Er is niets veranderd.');
    expect(await feedback.textContent()).toContain('uiterlijk 1 mrt 2027');

    // Sent on 30 November: met, and the feedback is due three months later, on the last day of February.
    await confirmation.getByLabel('Verstuurd op').fill('30-11-2026');
    await confirmation.getByRole('button', { name: 'Bevestiging verstuurd' }).click();
    await expect.poll(() => confirmation.getByRole('note').textContent()).toBe('Gehaald: gedaan op 30 nov 2026');
    await expect.poll(() => feedback.textContent()).toContain('uiterlijk 28 feb 2027');
    expect(await confirmation.getByRole('button').count()).toBe(0);
    await app.screenshot('procedure-case-page');

    const rows = app.core.vault.database().prepare("SELECT kind, due_date, done_on FROM follow_ups WHERE kind LIKE 'procedure_%' ORDER BY kind").all();
    expect(rows).toEqual([
      { kind: 'procedure_confirmation', due_date: '2026-12-01', done_on: '2026-11-30' },
      { kind: 'procedure_feedback', due_date: '2027-02-28', done_on: null },
    ]);
  });
});
