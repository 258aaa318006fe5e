import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { armor, Decrypter } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessRequest, CaseProcedure, CaseRecord, ExportPreview, HandoverKeySummary, HandoverPackageSummary, HandoverReceived, HandoverStatus, ImportOutcome, TeamInfo, TeamReport } from '../../../shared/contract';
import { CANARY, containsBytes } from '../../../test/fixtures/canaries';
import { caseInput, conversationInput, mediationInput } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { decryptDatabase, decryptWal } from '../../../test/support/sqlcipherPages';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { testShell } from '../../../test/support/testShell';
import { dataKeyOf } from '../../../test/support/vaultKey';
import { recordDossierGiven } from '../access/accessRequests';
import { createCore } from '../core';
import { createLogger } from '../log';
import { signWithVault, vaultPublicKey } from '../team/signingKey';
import { sealHandover } from './sealedHandover';

/**
 * A handover between real vaults: the successor makes a receiving key, the leaving adviser adds it
 * after comparing its code, saves their export of the months before, and sends two open cases with
 * their reporters' consent. Debian's `age` opens the package with the successor's identity (read
 * from the test vault: no channel returns it) and the team's identity does not. The successor
 * receives the cases once, numbered in its own series; the leaving copies go only when the
 * confirmation comes back; and the team report counts each handed-over report once.
 */
const dir = temporaryDirectory();
let now = new Date(2026, 11, 5, 12, 0);
const logged: string[] = [];

function vault(name: string, fn: string) {
  const dialogs = testShell(join(dir.path));
  const core = createCore({ dataDirectory: join(dir.path, name), clock: () => now, log: createLogger((line) => logged.push(JSON.stringify(line))), shell: dialogs.shell });
  const calls = callCore(() => core);
  const db = () => core.vault.database();
  return {
    core,
    db,
    ...calls,
    create: () => calls.ok('vault.create', { passphrase: CANARY.passphrase, function: fn }),
    lastSaved: () => readFileSync(dialogs.saved.at(-1)!, 'utf8'),
    /** Rows per table: a refusal must leave every one as it was. */
    rowCounts: () =>
      Object.fromEntries(
        (db().prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE TABLE%' ORDER BY name").pluck().all() as string[]).map((table) => [
          table,
          db().prepare(`SELECT count(*) FROM "${table}"`).pluck().get(),
        ]),
      ),
  };
}

const leaving = vault('leaving', 'ombudsperson');
const successor = vault('successor', 'central_confidential_adviser');
const stranger = vault('stranger', 'central_confidential_adviser');
const merger = vault('merger', 'concerns_point_coordinator');
let keyFile = '';
let keySummary: HandoverKeySummary;
let packageText = '';
let leavingExport = '';
let confirmation = '';
const ids = { handed: 0, lateHanded: 0, withoutConsent: 0, accessRequest: 0 };
const FOLLOW_UP_CANARY = 'CANARYFOLLOWUPTERUGBELLEN';
/** Every file of a vault's folder: the database, its WAL, the header, the record beside it. */
function vaultFiles(name: string): Buffer[] {
  leaving.db().pragma('wal_checkpoint(TRUNCATE)');
  successor.db().pragma('wal_checkpoint(TRUNCATE)');
  const folder = join(dir.path, name, 'vault');
  return readdirSync(folder).map((file) => readFileSync(join(folder, file)));
}

async function joinTeam(member: ReturnType<typeof vault>, invitation: string) {
  const summary = await member.ok<{ fingerprint: string }>('team.readInvitation', { content: invitation });
  await member.ok('team.acceptInvitation', { content: invitation, fingerprint: summary.fingerprint });
  await member.ok('team.saveAcceptance', {});
  await merger.ok('team.addAdviser', { content: member.lastSaved() });
}

beforeAll(async () => {
  for (const each of [leaving, successor, stranger, merger]) await each.create();
  await merger.ok<TeamInfo>('team.create', { organisation: 'Universiteit Voorbeeld', units: [], k: 3 });
  await merger.ok('team.saveInvitation', {});
  const invitation = merger.lastSaved();
  await joinTeam(leaving, invitation);
  await joinTeam(successor, invitation);
  // Counted by the leaving adviser's export (first contact in March), with an entry after it (December).
  ids.handed = (await leaving.ok<{ id: number }>('cases.create', caseInput())).id;
  await leaving.ok('mediation.save', { caseId: ids.handed, mediation: mediationInput() });
  await leaving.ok('conversations.add', { caseId: ids.handed, conversation: conversationInput() });
  const december = await leaving.ok<{ id: number }>('conversations.add', { caseId: ids.handed, conversation: conversationInput({ heldAt: '2026-12-02T10:00', notes: `December ${CANARY.noteWord}` }) });
  await leaving.ok('followUps.add', { caseId: ids.handed, conversationId: december.id, dueDate: '2026-12-10', dueTime: '14:00', text: `Terugbellen ${FOLLOW_UP_CANARY}` });
  // A report under the whistleblower procedure, its receipt confirmed; and a reporter's access request, answered.
  await leaving.ok('procedure.mark', { caseId: ids.handed, receivedOn: '2026-11-20' });
  const confirmationDeadline = (await leaving.ok<CaseProcedure>('procedure.get', { caseId: ids.handed })).report!.deadlines[0]!;
  await leaving.ok('procedure.complete', { id: confirmationDeadline.id, doneOn: '2026-11-24' });
  ids.accessRequest = (await leaving.ok<{ id: number }>('access.recordRequest', { caseId: ids.handed, requestedOn: '2026-12-02' })).id;
  // The dossier's PDF is access.test.ts's; here only the record that it was given, as saving it writes.
  recordDossierGiven(leaving.db(), ids.accessRequest, '2026-12-04T10:00:00', '2026-12-04');
  // First contacted after the months the leaving export covers: the successor counts this report.
  ids.lateHanded = (await leaving.ok<{ id: number }>('cases.create', caseInput({ firstContactAt: '2026-12-01T09:00', firstResponseAt: '2026-12-01T10:00', consents: [{ scope: 'count_in_statistics', answer: 'given', withWhom: '', givenOn: '2026-12-01', withdrawnOn: null }] }))).id;
  await leaving.ok('conversations.add', { caseId: ids.lateHanded, conversation: conversationInput({ heldAt: '2026-12-01T09:00' }) });
  ids.withoutConsent = (await leaving.ok<{ id: number }>('cases.create', caseInput())).id;
}, 120_000);

afterAll(() => {
  for (const each of [leaving, successor, stranger, merger]) each.core.vault.lock();
  dir.remove();
});

describe('the successor’s receiving key', () => {
  it('is added by the leaving adviser only with the code read out by the successor', async () => {
    const status = await successor.ok<HandoverStatus>('handover.createReceivingKey', {});
    const [key] = status.receivingKeys;
    await successor.ok('handover.saveReceivingKey', { keyId: key!.keyId });
    keyFile = successor.lastSaved();
    expect(keyFile).not.toContain('AGE-SECRET-KEY');
    keySummary = await leaving.ok<HandoverKeySummary>('handover.readKey', { content: keyFile });
    expect(keySummary.fingerprint).toBe(key!.fingerprint);
    expect(keySummary.fingerprint).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/);
    const before = leaving.rowCounts();
    expect(await leaving.codeOf('handover.addSuccessor', { content: keyFile, fingerprint: 'AAAA-AAAA-AAAA-AAAA-AAAA' })).toBe('FINGERPRINT_MISMATCH');
    expect(leaving.rowCounts()).toEqual(before);
    const added = await leaving.ok<HandoverStatus>('handover.addSuccessor', { content: keyFile, fingerprint: keySummary.fingerprint });
    expect(added.successors).toEqual([expect.objectContaining({ keyId: key!.keyId, fingerprint: key!.fingerprint, function: 'central_confidential_adviser' })]);
  });

  it('is never the team’s key: a key file naming a team recipient is refused', async () => {
    const teamRecipient = (JSON.parse(leaving.db().prepare('SELECT invitation FROM team_membership').pluck().get() as string) as { recipients: string[] }).recipients[0]!;
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const unsigned: Record<string, string> = { ...(JSON.parse(keyFile) as Record<string, string>), recipient: teamRecipient, signingKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64') };
    delete unsigned.signature;
    const bytes = ['confidant-handover-key', unsigned.keyId, unsigned.recipient, unsigned.adviserId, unsigned.function, unsigned.signingKey, unsigned.createdOn].join('\n');
    const forged = JSON.stringify({ ...unsigned, signature: sign(null, Buffer.from(bytes), privateKey).toString('base64') });
    const before = leaving.rowCounts();
    expect(await leaving.codeOf('handover.readKey', { content: forged })).toBe('HANDOVER_TO_TEAM_KEY');
    expect(await leaving.codeOf('handover.addSuccessor', { content: forged, fingerprint: keySummary.fingerprint })).toBe('HANDOVER_TO_TEAM_KEY');
    expect(leaving.rowCounts()).toEqual(before);
  });
});

describe('sending a package', () => {
  it('refuses a case without the reporter’s consent, and any case before the leaving export is saved', async () => {
    const request = { keyId: keySummary.keyId, caseIds: [ids.handed, ids.lateHanded] };
    const before = leaving.rowCounts();
    expect(await leaving.codeOf('handover.send', request)).toBe('HANDOVER_CONSENT_MISSING');
    await leaving.ok('handover.setConsent', { caseId: ids.handed, givenOn: '2026-12-03' });
    await leaving.ok('handover.setConsent', { caseId: ids.lateHanded, givenOn: '2026-12-04' });
    expect(await leaving.codeOf('handover.send', request)).toBe('HANDOVER_EXPORT_MISSING');
    expect(await leaving.codeOf('handover.setConsent', { caseId: ids.withoutConsent, givenOn: '2026-12-06' })).toBe('INVALID_INPUT');
    const status = await leaving.ok<HandoverStatus>('handover.status', {});
    expect(status.leavingExport).toEqual({ from: '2026-01-01', to: '2026-11-30', saved: false });
    expect(status.openCases.map((entry) => [entry.id, entry.consentOn])).toEqual([
      [ids.handed, '2026-12-03'],
      [ids.lateHanded, '2026-12-04'],
      [ids.withoutConsent, null],
    ]);
    expect({ ...leaving.rowCounts(), handover_consents: 0 }).toEqual(before);
  });

  it('leaves sealed to the successor alone, after the leaving adviser’s export of the months before', async () => {
    const preview = await leaving.ok<ExportPreview>('handover.previewExport', {});
    expect(preview.file.period).toEqual({ from: '2026-01-01', to: '2026-11-30' });
    expect(preview.file.counts.reports).toBe(2);
    expect(preview.file.counts.conversations).toBe(1);
    expect((await leaving.ok<{ sealed: boolean }>('handover.saveExport', { exportId: preview.file.exportId })).sealed).toBe(true);
    leavingExport = leaving.lastSaved();
    const before = leaving.rowCounts();
    expect(await leaving.codeOf('handover.send', { keyId: keySummary.keyId, caseIds: [ids.handed, ids.withoutConsent] })).toBe('HANDOVER_CONSENT_MISSING');
    expect(leaving.rowCounts()).toEqual(before);

    const saved = await leaving.ok<{ fileName: string }>('handover.send', { keyId: keySummary.keyId, caseIds: [ids.handed, ids.lateHanded] });
    expect(saved.fileName).toMatch(/^confidant-handover-[0-9a-f]{6}\.age$/);
    packageText = leaving.lastSaved();
    for (const plain of ['{', '"', CANARY.noteWord, CANARY.name, 'CANARYLABELDOSSIER', 'CANARYHEARINGNOTES', FOLLOW_UP_CANARY, 'CANARY']) expect(packageText).not.toContain(plain);
    expect((await leaving.ok<HandoverStatus>('handover.status', {})).openCases.filter((entry) => entry.pending).map((entry) => entry.id)).toEqual([ids.handed, ids.lateHanded]);
    expect(await leaving.codeOf('handover.send', { keyId: keySummary.keyId, caseIds: [ids.handed] })).toBe('HANDOVER_PENDING');

    const packageFile = join(dir.path, 'package.age');
    writeFileSync(packageFile, packageText);
    const identityFile = join(dir.path, 'successor.identity');
    writeFileSync(identityFile, `${successor.db().prepare('SELECT age_identity FROM handover_receiving_keys').pluck().get() as string}\n`, { mode: 0o600 });
    const opened = JSON.parse(execFileSync('/usr/bin/age', ['--decrypt', '--identity', identityFile, packageFile], { encoding: 'utf8' })) as { payload: string; keyId: string };
    expect(opened.keyId).toBe(keySummary.keyId);
    const payload = JSON.parse(opened.payload) as { cases: { previousNumber: string; record: CaseRecord }[]; countedThrough: string };
    expect(payload.countedThrough).toBe('2026-11-30');
    expect(payload.cases.map((entry) => entry.previousNumber)).toEqual(['2026-001', '2026-002']);
    expect(payload.cases[0]!.record.conversations.map((entry) => entry.notes).join(' ')).toContain(CANARY.noteWord);

    const teamIdentityFile = join(dir.path, 'team.identity');
    writeFileSync(teamIdentityFile, `${merger.db().prepare('SELECT age_identity FROM team_identity').pluck().get() as string}\n`, { mode: 0o600 });
    expect(() => execFileSync('/usr/bin/age', ['--decrypt', '--identity', teamIdentityFile, packageFile], { encoding: 'utf8', stdio: 'pipe' })).toThrow(/no identity matched/);
  });
});

describe('receiving a package', () => {
  it('refuses, with its own reason and nothing changed, a package tampered with, wrongly addressed or from a signer not compared', async () => {
    const bytes = armor.decode(packageText);
    bytes[bytes.length - 40]! ^= 0x01;
    const tampered = armor.encode(bytes);
    const before = successor.rowCounts();
    expect(await successor.codeOf('handover.readPackage', { content: tampered })).toBe('TAMPERED_HANDOVER');
    expect(await successor.codeOf('handover.receive', { content: tampered, signerFingerprint: 'AAAA-AAAA-AAAA-AAAA-AAAA' })).toBe('TAMPERED_HANDOVER');
    expect(await successor.codeOf('handover.receive', { content: '{"format":"confidant-handover-package"}', signerFingerprint: 'AAAA-AAAA-AAAA-AAAA-AAAA' })).toBe('NOT_A_HANDOVER_FILE');
    const summary = await successor.ok<HandoverPackageSummary>('handover.readPackage', { content: packageText });
    expect(await successor.codeOf('handover.receive', { content: packageText, signerFingerprint: 'AAAA-AAAA-AAAA-AAAA-AAAA' })).toBe('HANDOVER_WRONG_SIGNER');
    expect(successor.rowCounts()).toEqual(before);

    // Whoever holds the successor's (public) key file can seal to it; only the compared signer's package is taken.
    await stranger.ok('handover.addSuccessor', { content: keyFile, fingerprint: keySummary.fingerprint });
    const strangerCase = (await stranger.ok<{ id: number }>('cases.create', caseInput())).id;
    await stranger.ok('handover.setConsent', { caseId: strangerCase, givenOn: '2026-12-01' });
    await stranger.ok('handover.saveExport', { exportId: (await stranger.ok<ExportPreview>('handover.previewExport', {})).file.exportId, unsealed: true });
    await stranger.ok('handover.send', { keyId: keySummary.keyId, caseIds: [strangerCase] });
    const forgedPackage = stranger.lastSaved();
    expect((await successor.ok<HandoverPackageSummary>('handover.readPackage', { content: forgedPackage })).signerFingerprint).not.toBe(summary.signerFingerprint);
    expect(await successor.codeOf('handover.receive', { content: forgedPackage, signerFingerprint: summary.signerFingerprint })).toBe('HANDOVER_WRONG_SIGNER');
    expect(successor.rowCounts()).toEqual(before);

    // Another vault, with or without a receiving key of its own, cannot open it.
    const strangerBefore = stranger.rowCounts();
    expect(await stranger.codeOf('handover.readPackage', { content: packageText })).toBe('HANDOVER_NOT_ADDRESSED');
    expect(stranger.rowCounts()).toEqual(strangerBefore);
    await stranger.ok('handover.createReceivingKey', {});
    const withKey = stranger.rowCounts();
    expect(await stranger.codeOf('handover.receive', { content: packageText, signerFingerprint: summary.signerFingerprint })).toBe('HANDOVER_NOT_ADDRESSED');
    expect(stranger.rowCounts()).toEqual(withKey);
  });

  it('refuses a package from the compared signer whose inside is not a handover’s (a follow-up of no known kind, a time of no clock), nothing changed', async () => {
    const decrypter = new Decrypter();
    decrypter.addIdentity(successor.db().prepare('SELECT age_identity FROM handover_receiving_keys').pluck().get() as string);
    const envelope = JSON.parse(await decrypter.decrypt(armor.decode(packageText), 'text')) as { keyId: string; payload: string };
    const successorKey = leaving.db().prepare('SELECT key_id AS keyId, recipient FROM handover_successors').get() as { keyId: string; recipient: string };
    const { signerFingerprint } = await successor.ok<HandoverPackageSummary>('handover.readPackage', { content: packageText });
    const before = successor.rowCounts();
    for (const change of [{ kind: 'CANARYKIND' }, { dueTime: '25:99' }]) {
      const pkg = JSON.parse(envelope.payload) as { packageId: string; cases: { followUps: object[] }[] };
      pkg.packageId = '00000000-0000-4000-8000-00000000000a';
      pkg.cases[0]!.followUps[0] = { ...pkg.cases[0]!.followUps[0], ...change };
      // Signed with the leaving vault's own key: only the inside is wrong.
      const forged = await sealHandover(JSON.stringify(pkg), successorKey, vaultPublicKey(leaving.db()), (data) => signWithVault(leaving.db(), data));
      expect(await successor.codeOf('handover.readPackage', { content: forged }), JSON.stringify(change)).toBe('NOT_A_HANDOVER_FILE');
      expect(await successor.codeOf('handover.receive', { content: forged, signerFingerprint }), JSON.stringify(change)).toBe('NOT_A_HANDOVER_FILE');
    }
    expect(successor.rowCounts()).toEqual(before);
  });

  it('takes the cases whole, numbered in the successor’s own series with the old number kept, and only once', async () => {
    await successor.ok('cases.create', caseInput({ label: 'eigen zaak' }));
    const summary = await successor.ok<HandoverPackageSummary>('handover.readPackage', { content: packageText });
    // The successor compares this code with the one the leaving adviser reads out from their screen.
    expect(summary).toMatchObject({ signerFingerprint: (await leaving.ok<HandoverStatus>('handover.status', {})).ownKeyFingerprint, fromFunction: 'ombudsperson', cases: 2 });
    const received = await successor.ok<HandoverReceived>('handover.receive', { content: packageText, signerFingerprint: summary.signerFingerprint });
    expect(received.cases.map((entry) => [entry.number, entry.previousNumber])).toEqual([
      ['2026-002', '2026-001'],
      ['2026-003', '2026-002'],
    ]);
    const handed = await successor.ok<CaseRecord>('cases.get', { id: received.cases[0]!.id });
    expect(handed.conversations.map((entry) => entry.notes)).toEqual([conversationInput().notes, `December ${CANARY.noteWord}`]);
    expect(handed.mediation).toEqual(mediationInput());
    expect(handed.reporters[0]!.name).toBe(`${CANARY.name} reporter`);
    expect(handed.statisticsCompletion).toBe('complete');
    const { followUps } = await successor.ok<{ followUps: { kind: string; text: string; dueDate: string; dueTime: string | null; conversationId: number | null }[] }>('followUps.ofCase', { caseId: received.cases[0]!.id });
    expect(followUps.filter((entry) => entry.kind === 'own')).toEqual([expect.objectContaining({ text: `Terugbellen ${FOLLOW_UP_CANARY}`, dueDate: '2026-12-10', dueTime: '14:00', conversationId: handed.conversations[1]!.id })]);
    for (const file of vaultFiles('successor')) for (const canary of [CANARY.noteWord, FOLLOW_UP_CANARY, 'CANARYHEARINGNOTES']) expect(containsBytes(file, canary)).toBe(false);
    const status = await successor.ok<HandoverStatus>('handover.status', {});
    expect(status.received).toEqual([{ packageId: summary.packageId, receivedOn: '2026-12-05', cases: received.cases }]);

    const after = successor.rowCounts();
    expect(await successor.codeOf('handover.readPackage', { content: packageText })).toBe('HANDOVER_ALREADY_RECEIVED');
    expect(await successor.codeOf('handover.receive', { content: packageText, signerFingerprint: summary.signerFingerprint })).toBe('HANDOVER_ALREADY_RECEIVED');
    expect(successor.rowCounts()).toEqual(after);


    // The procedure's deadlines and the access request arrive as deadlines of the case, not loose follow-ups.
    const procedure = await successor.ok<CaseProcedure>('procedure.get', { caseId: handed.id });
    expect(procedure.report).toMatchObject({
      receivedOn: '2026-11-20',
      deadlines: [
        { kind: 'procedure_confirmation', dueDate: '2026-11-27', doneOn: '2026-11-24', status: 'met' },
        { kind: 'procedure_feedback', dueDate: '2027-02-24', doneOn: null, status: 'open' },
      ],
    });
    await successor.ok('procedure.complete', { id: procedure.report!.deadlines[1]!.id, doneOn: '2026-12-05' });
    expect((await successor.ok<CaseProcedure>('procedure.get', { caseId: handed.id })).report!.deadlines[1]).toMatchObject({ doneOn: '2026-12-05', status: 'met' });
    expect(await successor.codeOf('followUps.remove', { id: procedure.report!.deadlines[0]!.id })).toBe('FOLLOW_UP_IS_LEGAL_DEADLINE');
    expect(await successor.ok<AccessRequest[]>('access.requests', { caseId: handed.id })).toEqual([
      { id: expect.any(Number), requestedOn: '2026-12-02', dueOn: '2027-01-02', doneOn: '2026-12-04', dossiersGivenAt: ['2026-12-04T10:00:00'] },
    ]);

    await successor.ok('handover.saveConfirmation', { packageId: summary.packageId });
    confirmation = successor.lastSaved();
    expect(confirmation).not.toContain('CANARY');
  });
});

describe('every handover channel', () => {
  it('answers malformed requests with INVALID_INPUT and changes nothing', async () => {
    const uuid = keySummary.keyId;
    const malformed: [string, unknown][] = [
      ['handover.status', { extra: 1 }],
      ['handover.createReceivingKey', { keyId: uuid }],
      ['handover.saveReceivingKey', { keyId: 'not-a-uuid' }],
      ['handover.readKey', { content: 'x'.repeat(100_001) }],
      ['handover.addSuccessor', { content: keyFile }],
      ['handover.addSuccessor', { content: keyFile, fingerprint: 'A'.repeat(41) }],
      ['handover.setConsent', { caseId: -1, givenOn: '2026-12-01' }],
      ['handover.setConsent', { caseId: ids.withoutConsent, givenOn: '2026-02-30' }],
      ['handover.previewExport', { period: { from: '2026-01-01', to: '2026-11-30' } }],
      ['handover.saveExport', { exportId: 'x' }],
      ['handover.send', { keyId: uuid, caseIds: [] }],
      ['handover.send', { keyId: uuid, caseIds: [1.5] }],
      ['handover.readPackage', { content: 42 }],
      ['handover.receive', { content: packageText }],
      ['handover.receive', { content: packageText, signerFingerprint: null }],
      ['handover.saveConfirmation', { packageId: 7 }],
      ['handover.confirm', { content: confirmation, path: '/tmp/x' }],
    ];
    const before = [leaving.rowCounts(), successor.rowCounts()];
    for (const [channel, request] of malformed) {
      expect(await leaving.codeOf(channel, request), channel).toBe('INVALID_INPUT');
      expect(await successor.codeOf(channel, request), channel).toBe('INVALID_INPUT');
    }
    expect([leaving.rowCounts(), successor.rowCounts()]).toEqual(before);
  });
});

describe('the leaving vault before the confirmation', () => {
  it('counts none of what is the successor’s in an export of the months after its export before the handover', async () => {
    const preview = async (period: { from: string; to: string }) => (await leaving.ok<ExportPreview>('export.preview', { period, includeUnits: false })).file.counts;
    try {
      now = new Date(2027, 0, 10, 12, 0);
      // December: the late report is the successor's own, and so are both handed cases' December entries.
      // The March report was still the leaving adviser's on 1 December, so open at its start here.
      expect(await preview({ from: '2026-12-01', to: '2026-12-31' })).toMatchObject({ reports: 0, conversations: 0, conversationsOnReports: 0, openAtStart: 2 });
      now = new Date(2027, 1, 10, 12, 0);
      // January: handed over before it began, open at its start at the successor's only.
      expect(await preview({ from: '2027-01-01', to: '2027-01-31' })).toMatchObject({ reports: 0, conversations: 0, openAtStart: 1 });
    } finally {
      now = new Date(2026, 11, 5, 12, 0);
    }
  });
});

describe('the confirmation', () => {
  it('is the only thing that destroys the leaving vault’s copies, as retention does, and only once', async () => {
    for (const id of [ids.handed, ids.lateHanded]) expect((await leaving.ok<CaseRecord>('cases.get', { id })).id).toBe(id);
    const before = leaving.rowCounts();
    const forged = JSON.stringify({ ...(JSON.parse(confirmation) as object), receivedOn: '2026-12-04' });
    expect(await leaving.codeOf('handover.confirm', { content: forged })).toBe('HANDOVER_WRONG_SIGNER');
    expect(await leaving.codeOf('handover.confirm', { content: JSON.stringify({ ...(JSON.parse(confirmation) as object), packageId: '00000000-0000-4000-8000-000000000000' }) })).toBe('HANDOVER_NOT_ADDRESSED');
    expect(await stranger.codeOf('handover.confirm', { content: confirmation })).toBe('HANDOVER_NOT_ADDRESSED');
    expect(leaving.rowCounts()).toEqual(before);

    expect(await leaving.ok('handover.confirm', { content: confirmation })).toEqual({ destroyed: 2 });
    for (const id of [ids.handed, ids.lateHanded]) expect(await leaving.codeOf('cases.get', { id })).toBe('NOT_FOUND');
    expect(await leaving.ok<CaseRecord>('cases.get', { id: ids.withoutConsent })).toMatchObject({ id: ids.withoutConsent });
    expect(leaving.db().prepare('SELECT case_id FROM destructions ORDER BY case_id').pluck().all()).toEqual([ids.handed, ids.lateHanded]);
    expect(leaving.db().prepare("SELECT count(*) FROM case_index WHERE case_index MATCH 'CANARYHEARINGNOTES'").pluck().get()).toBe(0);
    // Destroyed, not merely encrypted: no page of the file or its WAL holds the text, read with the vault's own key.
    const folder = join(dir.path, 'leaving', 'vault');
    const key = await dataKeyOf(join(folder, 'vault.header.json'), CANARY.passphrase);
    const wal = join(folder, 'vault.db-wal');
    const pages = Buffer.concat([decryptDatabase(readFileSync(join(folder, 'vault.db')), key), existsSync(wal) ? decryptWal(readFileSync(wal), key) : Buffer.alloc(0)]);
    expect(pages.includes('CREATE TABLE')).toBe(true);
    for (const canary of [CANARY.noteWord, 'CANARYHEARINGNOTES', FOLLOW_UP_CANARY]) expect(pages.includes(canary), canary).toBe(false);
    const after = leaving.rowCounts();
    expect(await leaving.codeOf('handover.confirm', { content: confirmation })).toBe('HANDOVER_ALREADY_CONFIRMED');
    expect(leaving.rowCounts()).toEqual(after);
    expect((await leaving.ok<HandoverStatus>('handover.status', {})).sent).toEqual([expect.objectContaining({ cases: 2, confirmedOn: '2026-12-05' })]);
  });

  it('left no case text in the log', () => {
    for (const text of [CANARY.noteWord, CANARY.name, 'CANARYLABELDOSSIER', 'CANARYHEARINGNOTES']) expect(logged.join('\n')).not.toContain(text);
  });
});

describe('counting a handed-over report', () => {
  it('once, by the leaving adviser’s function when its export counted it, and the rest by the successor', async () => {
    now = new Date(2027, 0, 10, 12, 0);
    const year = { from: '2026-01-01', to: '2026-12-31' };
    const { file } = await successor.ok<ExportPreview>('export.preview', { period: year, includeUnits: false });
    // The March report is the leaving adviser's (ombudsperson); the one first contacted in
    // December, after their export's months, is the successor's (central confidential adviser).
    // Its mediation and hearing, in March, stay counted by the leaving adviser alone.
    // Both are received by handover here; entries count where they were not counted before.
    expect(file.counts).toMatchObject({ reports: 2, receivedByHandover: 2, conversations: 2, receivedReports: 0 });
    expect(file.counts.mediation).toMatchObject({ mediations: 0, hearings: 0, agreements: 0 });
    await successor.ok('export.save', { exportId: file.exportId });
    const successorExport = successor.lastSaved();
    for (const sealed of [leavingExport, successorExport]) expect((await merger.ok<ImportOutcome>('team.import', { content: sealed, replace: [] })).status).toBe('imported');
    const report = await merger.ok<TeamReport>('team.report', { year: 2026, k: 3, grouped: false });
    // Four distinct reports: two of each adviser, the handed ones once each; every conversation once.
    expect(report.exact.team!.keyFigures).toMatchObject({ reports: 4, conversations: 3 });
    // The procedure report received on 20 November, in the leaving export's months, is counted there and not again here.
    expect(file.counts.procedure.reports).toBe(0);
    expect(report.exact.team!.keyFigures.procedureReports).toBe(1);
  });
});
