import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportFile, ExportPreview, ImportOutcome, TeamReport } from '../../../shared/contract';
import { CANARY } from '../../../test/fixtures/canaries';
import { asFormat3 } from '../../../test/fixtures/olderExports';
import { caseInput, conversationInput } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { teamTables } from '../../../test/support/teamTables';
import { testShell } from '../../../test/support/testShell';
import { createCore, type Core } from '../core';
import { translatorFor } from '../i18n/translator';
import { createLogger } from '../log';
import { teamForExport } from '../team/exportSealing';

/**
 * An export of format 3 put every conversation, session, referral and closure of a case in the
 * year of its first contact. No conversion can move them to the year they happened, and summing
 * it with format-4 exports would print figures that mean neither, so the team import refuses it
 * and names the way forward: the adviser exports again. One imported before this version stays
 * stored, uncounted, until a new export of its adviser replaces it.
 */
const now = new Date(2027, 0, 10, 12, 0);
const YEAR = { from: '2026-01-01', to: '2026-12-31' };
let dir: ReturnType<typeof temporaryDirectory>;
const vaults: { core: Core; dialogs: ReturnType<typeof testShell> }[] = [];
let current: (typeof vaults)[number];
const { ok, codeOf } = callCore(() => current.core);

async function openVault(name: string, fn: string) {
  const dialogs = testShell(dir.path);
  current = { core: createCore({ dataDirectory: `${dir.path}/${name}`, clock: () => now, log: createLogger(() => undefined), shell: dialogs.shell }), dialogs };
  vaults.push(current);
  await ok('vault.create', { passphrase: CANARY.passphrase, function: fn });
}

/** The adviser's export of 2026, saved as the adviser saves it. */
async function saveExport(): Promise<string> {
  const { file } = await ok<ExportPreview>('export.preview', { period: YEAR, includeUnits: false });
  await ok('export.save', { exportId: file.exportId, unsealed: true });
  return readFileSync(current.dialogs.saved.at(-1)!, 'utf8');
}

/** Two reports and three conversations in 2026. */
async function adviserExport(): Promise<string> {
  const { id } = await ok<{ id: number }>('cases.create', caseInput());
  for (const day of ['03', '10', '17']) await ok('conversations.add', { caseId: id, conversation: conversationInput({ heldAt: `2026-03-${day}T10:00` }) });
  await ok('cases.create', caseInput({ firstContactAt: '2026-05-04T09:00', firstResponseAt: '2026-05-04T10:00' }));
  return saveExport();
}

beforeEach(() => {
  dir = temporaryDirectory();
});
afterEach(() => {
  for (const each of vaults.splice(0)) each.core.vault.lock();
  dir.remove();
});

describe('an export of the previous format', () => {
  it('is refused at import with a message in Dutch and English that says why and what to do, and nothing changes', async () => {
    await openVault('adviser', 'ombudsperson');
    const older = asFormat3(await adviserExport());
    expect((JSON.parse(older) as { schemaVersion: number }).schemaVersion).toBe(3);
    await openVault('merger', 'central_confidential_adviser');
    await ok('team.create', { organisation: 'Team', units: [], k: 5 });
    const before = teamTables(current.core);
    expect(await codeOf('team.import', { content: older, replace: [], acceptUnsealed: true })).toBe('EXPORT_FROM_OLDER_VERSION');
    expect(teamTables(current.core)).toEqual(before);
    expect(translatorFor('nl')('errors.EXPORT_FROM_OLDER_VERSION')).toMatch(/eerdere versie van Confidant.*jaar van de eerste melding.*opnieuw te exporteren; er is niets geïmporteerd/);
    expect(translatorFor('en')('errors.EXPORT_FROM_OLDER_VERSION')).toMatch(/earlier version of Confidant.*year of first contact.*export again; nothing was imported/);
  });

  it('imported before this version, stays out of the report and is counted as one to redo until the adviser’s new export replaces it', async () => {
    await openVault('adviser', 'ombudsperson');
    const older = asFormat3(await adviserExport());
    const file = JSON.parse(older) as ExportFile;
    await openVault('merger', 'central_confidential_adviser');
    await ok('team.create', { organisation: 'Team', units: [], k: 5 });
    // The rows the earlier version's import wrote.
    const db = current.core.vault.database();
    db.prepare(
      `INSERT INTO team_imports (export_id, adviser_id, function, report_year, period_from, period_to, exported_on, content, imported_at)
       VALUES (?, ?, ?, 2026, ?, ?, ?, ?, '2027-01-10T11:00:00.000Z')`,
    ).run(file.exportId, file.adviserId, file.function, file.period.from, file.period.to, file.exportedOn, JSON.stringify(file));
    db.prepare('INSERT INTO team_seen_exports (adviser_id, sequence, period_from, period_to) VALUES (?, ?, ?, ?)').run(file.adviserId, file.sequence, file.period.from, file.period.to);

    const stale = await ok<TeamReport>('team.report', { year: 2026, k: 3, grouped: false });
    expect(stale.imports).toEqual([]);
    expect(stale.published.team).toBeNull();
    expect(stale.importsToRedo).toBe(1);

    // The adviser, updated, exports the same months again: the new file replaces the stored one.
    const [adviser, merger] = vaults as [typeof current, typeof current];
    current = adviser;
    const newer = await saveExport();
    expect((JSON.parse(newer) as ExportFile).adviserId).toBe(file.adviserId);
    current = merger;
    const asked = await ok<ImportOutcome>('team.import', { content: newer, replace: [], acceptUnsealed: true });
    expect(asked.status).toBe('replaceNeeded');
    const overlapping = asked.status === 'replaceNeeded' ? asked.overlapping.map((entry) => entry.exportId) : [];
    expect(overlapping).toEqual([file.exportId]);
    expect((await ok<ImportOutcome>('team.import', { content: newer, replace: overlapping, acceptUnsealed: true })).status).toBe('imported');
    const renewedReport = await ok<TeamReport>('team.report', { year: 2026, k: 3, grouped: false });
    expect(renewedReport.importsToRedo).toBe(0);
    expect(renewedReport.exact.team!.keyFigures).toMatchObject({ reports: 2, conversations: 3, conversationsOnReports: 3, openAtStart: 0 });
  });

  it('is refused the same way when it arrives sealed and signed by an adviser of the team', async () => {
    await openVault('merger', 'central_confidential_adviser');
    await ok('team.create', { organisation: 'Team', units: [], k: 5 });
    await ok('team.saveInvitation', {});
    const invitation = readFileSync(current.dialogs.saved.at(-1)!, 'utf8');
    const merger = current;
    await openVault('adviser', 'ombudsperson');
    const { fingerprint } = await ok<{ fingerprint: string }>('team.readInvitation', { content: invitation });
    await ok('team.acceptInvitation', { content: invitation, fingerprint });
    await ok('team.saveAcceptance', {});
    const acceptance = readFileSync(current.dialogs.saved.at(-1)!, 'utf8');
    const older = asFormat3(await adviserExport());
    const db = current.core.vault.database();
    const sealed = await teamForExport.sealerFor(db)!(older, db);
    current = merger;
    await ok('team.addAdviser', { content: acceptance });
    const before = teamTables(current.core);
    expect(await codeOf('team.import', { content: sealed, replace: [] })).toBe('EXPORT_FROM_OLDER_VERSION');
    expect(teamTables(current.core)).toEqual(before);
  });
});
