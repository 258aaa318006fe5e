import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { CANARY } from '../fixtures/canaries';
import { addConversation, addCountedCase, backUpNow, createVault, exportYearUnsealed, openCaseList, publishReportPdf, setIdleLockMinutes, unlock } from '../e2e/steps';
import type { Folders } from './launch';

/**
 * The steps that matter most on a real machine, from the browser suite's own step functions: the
 * same walk in the development launch and in the installed app, each on every OS and architecture
 * the release workflow builds for. Each ends with a screenshot.
 */
export interface WalkedApp {
  page: Page;
  screenshot(name: string): Promise<void>;
}

/** Last year is over whatever today's date is, so its figures can be exported. */
const YEAR = new Date().getFullYear() - 1;
const NOTE = 'Eerste gesprek: kennismaking.';

export async function createCaseAndConversation({ page, screenshot }: WalkedApp): Promise<void> {
  await createVault(page, CANARY.passphrase, 'Ombudsfunctionaris');
  await addCountedCase(page, `${YEAR}-03-02T09:00`, 'Werkdruk', 'Wetenschappelijk personeel (WP)');
  await addConversation(page, NOTE);
  await screenshot('01-case-with-conversation');
}

/** Locked by `lockIt` (the menu, or the window's button), then opened again to the same case. */
export async function lockAndUnlock({ page, screenshot }: WalkedApp, lockIt: () => Promise<void>): Promise<void> {
  await lockIt();
  await page.getByRole('heading', { name: 'Kluis openen' }).waitFor();
  expect(await page.locator('body').textContent()).not.toContain(NOTE);
  await screenshot('02-locked');
  await unlock(page, CANARY.passphrase);
  await openCaseList(page);
  await page.getByRole('listitem').filter({ hasText: /Zaak \d{4}-001/ }).waitFor();
}

/** One idle minute: the window's own timer or main's system-idle check locks, whichever comes first. */
export async function lockWhenIdle({ page, screenshot }: WalkedApp): Promise<void> {
  await setIdleLockMinutes(page, 1);
  await page.getByRole('heading', { name: 'Kluis openen' }).waitFor({ timeout: 100_000 });
  await screenshot('03-idle-locked');
  await unlock(page, CANARY.passphrase);
  await openCaseList(page);
}

/** Backup, export and the report as PDF: each saved through a native dialog the test answers. */
export async function backUpExportAndPublish({ page, screenshot }: WalkedApp, folders: Folders): Promise<void> {
  await backUpNow(page, folders.backups);
  const [backup] = readdirSync(folders.backups);
  expect(readdirSync(join(folders.backups, backup!)).sort()).toEqual(['vault.db', 'vault.destructions.json', 'vault.header.json']);
  expect(readFileSync(join(folders.backups, backup!, 'vault.db')).includes(Buffer.from(CANARY.passphrase))).toBe(false);
  await screenshot('04-backed-up');

  await exportYearUnsealed(page, YEAR);
  const [exported] = readdirSync(folders.documents).filter((name) => name.endsWith('.json'));
  expect(JSON.parse(readFileSync(join(folders.documents, exported!), 'utf8')).counts.reports).toBe(1);
  await screenshot('05-exported');

  await publishReportPdf(page, [join(folders.documents, exported!)]);
  const [pdf] = readdirSync(folders.documents).filter((name) => name.endsWith('.pdf'));
  expect(readFileSync(join(folders.documents, pdf!)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await screenshot('06-published');
}
