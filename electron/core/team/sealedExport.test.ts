import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { armor, Decrypter, Encrypter } from 'age-encryption';
import { generateKeyPairSync, sign } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportPreview, ImportOutcome, TeamInfo } from '../../../shared/contract';
import { HIERARCHY_KEYS, OTHER_PARTY_KEYS } from '../../../shared/schemas/export';
import type { TeamInvitation } from '../../../shared/schemas/team';
import { NATURES } from '../../../shared/taxonomy';
import { syntheticCase, syntheticExport } from '../../../test/fixtures/syntheticExports';
import * as taxonomy from '../../../shared/taxonomy';
import en from '../../../shared/i18n/locales/en.json';
import nl from '../../../shared/i18n/locales/nl.json';
import { CANARY } from '../../../test/fixtures/canaries';
import { caseInput } from '../../../test/fixtures/records';
import { callCore } from '../../../test/support/callCore';
import { temporaryDirectory } from '../../../test/support/temporaryDirectory';
import { teamTables } from '../../../test/support/teamTables';
import { testShell } from '../../../test/support/testShell';
import { createCore } from '../core';
import { createLogger } from '../log';
import { openSealedExport, PADDED_SIZE, sealExport } from './sealedExport';
import { signerOf, teamIdentity } from './team';

/**
 * The team workflow with real vaults: the merging member creates the team, advisers accept the
 * invitation (fingerprint compared) and hand back their signing key, exports leave sealed and
 * signed, and only the merging member's app opens them. Debian's `age` opens them too, given the
 * team identity read from the test vault (no product channel returns it).
 */
const dir = temporaryDirectory();
const now = () => new Date(2027, 0, 10, 12, 0);
const YEAR = { from: '2026-01-01', to: '2026-12-31' };

function vault(name: string, fn: string) {
  const dialogs = testShell(join(dir.path));
  const core = createCore({ dataDirectory: join(dir.path, name), clock: now, log: createLogger(() => undefined), shell: dialogs.shell });
  const calls = callCore(() => core);
  return {
    core,
    ...calls,
    create: () => calls.ok('vault.create', { passphrase: CANARY.passphrase, function: fn }),
    lastSaved: () => readFileSync(dialogs.saved.at(-1)!, 'utf8'),
    async exportSealed(period = YEAR) {
      const { file, json } = await calls.ok<ExportPreview>('export.preview', { period, includeUnits: false });
      const saved = await calls.ok<{ fileName: string; sealed: boolean }>('export.save', { exportId: file.exportId });
      expect(saved.sealed).toBe(true);
      expect(saved.fileName).toMatch(/\.age$/);
      return { sealed: readFileSync(dialogs.saved.at(-1)!, 'utf8'), json };
    },
  };
}

const merger = vault('merger', 'ombudsperson');
const adviser = vault('adviser', 'central_confidential_adviser');
const stranger = vault('stranger', 'central_confidential_adviser');
const otherMerger = vault('other-merger', 'ombudsperson');
const otherAdviser = vault('other-adviser', 'central_confidential_adviser');
let invitation: string;
let info: TeamInfo;
let firstSealed = '';
let otherInvitation = '';
const imports = () => merger.core.vault.database().prepare('SELECT count(*) FROM team_imports').pluck().get();
/** An acceptance for `adviserId`, well formed and signed, but with a key that adviser's vault never had. */
function acceptanceWithNewKey(adviserId: string, fn: string): string {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const teamId = JSON.parse(invitation).teamId as string;
  const signingKey = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  const signed = ['confidant-team-acceptance', teamId, adviserId, fn, 'false', signingKey].join('\n');
  return JSON.stringify({ format: 'confidant-team-acceptance', version: 1, teamId, adviserId, function: fn, external: false, signingKey, signature: sign(null, Buffer.from(signed), privateKey).toString('base64') });
}

async function joinTeam(member: ReturnType<typeof vault>, invitationText: string, sendAcceptanceTo: ReturnType<typeof vault> | null) {
  const summary = await member.ok<{ fingerprint: string }>('team.readInvitation', { content: invitationText });
  await member.ok('team.acceptInvitation', { content: invitationText, fingerprint: summary.fingerprint });
  await member.ok('team.saveAcceptance', {});
  if (sendAcceptanceTo) await sendAcceptanceTo.ok('team.addAdviser', { content: member.lastSaved() });
}

beforeAll(async () => {
  for (const each of [merger, adviser, stranger, otherMerger, otherAdviser]) await each.create();
  info = await merger.ok<TeamInfo>('team.create', { organisation: 'Universiteit Voorbeeld', units: ['Faculteit Rechten', 'Universiteitsbibliotheek'], k: 5 });
  await merger.ok('team.saveInvitation', {});
  invitation = merger.lastSaved();
  await joinTeam(adviser, invitation, merger);
  await joinTeam(stranger, invitation, null);
  await otherMerger.ok('team.create', { organisation: 'Andere Hogeschool', units: [], k: 5 });
  await otherMerger.ok('team.saveInvitation', {});
  otherInvitation = otherMerger.lastSaved();
  await joinTeam(otherAdviser, otherInvitation, otherMerger);
  for (const each of [adviser, stranger, otherAdviser]) await each.ok('cases.create', caseInput());
}, 60_000);

afterAll(() => {
  for (const each of [merger, adviser, stranger, otherMerger, otherAdviser]) each.core.vault.lock();
  dir.remove();
});

describe('the team invitation', () => {
  it('shows the same short fingerprint on both sides, and refuses one that was not compared', async () => {
    expect(info.role).toBe('merger');
    expect(info.fingerprint).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/);
    const summary = await adviser.ok<{ fingerprint: string; organisation: string; units: string[] }>('team.readInvitation', { content: invitation });
    expect(summary).toMatchObject({ fingerprint: info.fingerprint, organisation: 'Universiteit Voorbeeld', units: ['Faculteit Rechten', 'Universiteitsbibliotheek'] });
    expect(await stranger.codeOf('team.acceptInvitation', { content: invitation, fingerprint: 'AAAA-AAAA-AAAA-AAAA-AAAA' })).toBe('FINGERPRINT_MISMATCH');
    // The merging member's own membership follows the team it keeps; an invitation file cannot replace it.
    expect(await merger.codeOf('team.acceptInvitation', { content: invitation, fingerprint: info.fingerprint })).toBe('TEAM_EXISTS');
    expect((await adviser.ok<TeamInfo>('team.info', {})).role).toBe('member');
  });

  it('never lets the team identity out through a channel: not in the invitation, the info or an acceptance', async () => {
    const secret = merger.core.vault.database().prepare('SELECT age_identity FROM team_identity').pluck().get() as string;
    expect(secret).toMatch(/^AGE-SECRET-KEY-1/);
    await merger.ok('team.saveAcceptance', {});
    for (const text of [invitation, JSON.stringify(await merger.ok('team.info', {})), merger.lastSaved()]) {
      expect(text).not.toContain('AGE-SECRET-KEY');
      expect(text).not.toContain(secret.slice(20, 40));
    }
  });

  it('lists the advisers whose acceptance the merging member imported, and refuses a forged acceptance', async () => {
    const signers = (await merger.ok<TeamInfo>('team.info', {})).signers;
    expect(signers.map((signer) => signer.function).sort()).toEqual(['central_confidential_adviser', 'ombudsperson']);
    await stranger.ok('team.saveAcceptance', {});
    const forged = JSON.parse(stranger.lastSaved()) as { adviserId: string };
    forged.adviserId = '00000000-0000-4000-8000-000000000000';
    const before = teamTables(merger.core);
    expect(await merger.codeOf('team.addAdviser', { content: JSON.stringify(forged) })).toBe('BAD_SIGNATURE');
    expect(teamTables(merger.core)).toEqual(before);
    expect(await merger.codeOf('team.addAdviser', { content: invitation })).toBe('NOT_AN_ACCEPTANCE');
    expect(teamTables(merger.core)).toEqual(before);
    expect((await merger.ok<TeamInfo>('team.info', {})).signers).toHaveLength(2);
  });
  it('never replaces a known adviser’s key silently: refused with its reason, shown by its code, replaced only on confirmation', async () => {
    await adviser.ok('team.saveAcceptance', {});
    const genuine = adviser.lastSaved();
    const adviserId = (JSON.parse(genuine) as { adviserId: string }).adviserId;
    const own = await adviser.ok<TeamInfo>('team.info', {});
    expect(await merger.ok('team.readAcceptance', { content: genuine })).toMatchObject({ known: 'same', keyFingerprint: own.ownKeyFingerprint, previousKeyFingerprint: null });
    const impostor = acceptanceWithNewKey(adviserId, 'central_confidential_adviser');
    const summary = await merger.ok<{ known: string; keyFingerprint: string; previousKeyFingerprint: string }>('team.readAcceptance', { content: impostor });
    expect(summary.known).toBe('changed');
    expect(summary.previousKeyFingerprint).toBe(own.ownKeyFingerprint);
    expect(summary.keyFingerprint).not.toBe(own.ownKeyFingerprint);
    const before = teamTables(merger.core);
    expect(await merger.codeOf('team.addAdviser', { content: impostor })).toBe('SIGNER_KEY_CHANGED');
    expect(teamTables(merger.core)).toEqual(before);
    const replaced = await merger.ok<TeamInfo>('team.addAdviser', { content: impostor, replaceKey: true });
    expect(replaced.signers.find((signer) => signer.adviserId === adviserId)?.keyFingerprint).toBe(summary.keyFingerprint);
    // The adviser's real key back, for the tests that follow: again only on confirmation.
    expect(await merger.codeOf('team.addAdviser', { content: genuine })).toBe('SIGNER_KEY_CHANGED');
    await merger.ok('team.addAdviser', { content: genuine, replaceKey: true });
    expect(await merger.ok('team.readAcceptance', { content: genuine })).toMatchObject({ known: 'same' });
  });
});

describe('a sealed export', () => {
  it('holds nothing of the export in the clear, and opens with Debian’s age given the team identity', async () => {
    const { sealed, json } = await adviser.exportSealed();
    expect(sealed.startsWith('-----BEGIN AGE ENCRYPTED FILE-----')).toBe(true);
    const fieldNames = new Set<string>();
    const walk = (value: unknown) => {
      if (!value || typeof value !== 'object') return;
      for (const [key, inner] of Object.entries(value)) {
        fieldNames.add(key);
        walk(inner);
      }
    };
    walk(JSON.parse(json));
    const codes = Object.values(taxonomy).flatMap((value) => (Array.isArray(value) ? value.filter((code): code is string => typeof code === 'string') : []));
    const labels = [nl, en].flatMap((locale) => Object.values(locale.taxonomy).flatMap((list) => Object.values(list)));
    // Armored age is base64 between two fixed lines: JSON punctuation can never occur, and a
    // fragment of six or more characters turns up by chance with odds far below one in a million.
    for (const structural of ['{', '"', ':']) expect(sealed).not.toContain(structural);
    const fragments = [...fieldNames, ...codes, ...labels, CANARY.noteWord, 'CANARY'].filter((fragment) => fragment.length >= 6);
    expect(fragments.length).toBeGreaterThan(300);
    for (const fragment of fragments) expect(sealed, fragment).not.toContain(fragment);

    const identityFile = join(dir.path, 'team.identity');
    writeFileSync(identityFile, `${merger.core.vault.database().prepare('SELECT age_identity FROM team_identity').pluck().get() as string}\n`, { mode: 0o600 });
    const sealedFile = join(dir.path, 'export.age');
    writeFileSync(sealedFile, sealed);
    const opened = JSON.parse(execFileSync('age', ['--decrypt', '--identity', identityFile, sealedFile], { encoding: 'utf8' })) as { payload: string; signature: string };
    expect(opened.payload).toBe(json);
    expect(opened.signature.length).toBeGreaterThan(40);

    expect((await merger.ok<ImportOutcome>('team.import', { content: sealed, replace: [] })).status).toBe('imported');
    expect(imports()).toBe(1);
    firstSealed = sealed;
  });

  it('is refused, with its own reason and nothing changed, when altered, unsigned, wrongly signed, from an unknown vault, for another team, unsealed or replayed', async () => {
    const first = await adviser.exportSealed();
    const before = teamTables(merger.core);

    const bytes = armor.decode(first.sealed);
    bytes[bytes.length - 20]! ^= 0x01;
    const flipped = armor.encode(bytes);
    const reseal = async (envelope: object) => {
      const encrypter = new Encrypter();
      encrypter.addRecipient(JSON.parse(invitation).recipients[0]);
      return armor.encode(await encrypter.encrypt(JSON.stringify(envelope)));
    };
    const teamId = JSON.parse(invitation).teamId as string;
    const unsigned = await reseal({ format: 'confidant-signed-export', version: 1, teamId, payload: first.json });
    const { privateKey } = generateKeyPairSync('ed25519');
    const wronglySigned = await reseal({
      format: 'confidant-signed-export',
      version: 1,
      teamId,
      payload: first.json,
      signature: sign(null, Buffer.from(`confidant-signed-export\n1\n${teamId}\n${first.json}`), privateKey).toString('base64'),
    });
    const fromStranger = (await stranger.exportSealed()).sealed;
    const forAnotherTeam = (await otherAdviser.exportSealed()).sealed;

    const refusals: [string, string][] = [
      [flipped, 'TAMPERED_EXPORT'],
      [unsigned, 'UNSIGNED_EXPORT'],
      [wronglySigned, 'BAD_SIGNATURE'],
      [fromStranger, 'UNKNOWN_SIGNER'],
      [forAnotherTeam, 'OTHER_TEAM'],
      [first.json, 'UNSEALED_EXPORT'],
    ];
    for (const [content, code] of refusals) {
      expect(await merger.codeOf('team.import', { content, replace: [] }), code).toBe(code);
      expect(teamTables(merger.core), code).toEqual(before);
    }

    // The newer export replaces the earlier one after confirmation; the earlier one replayed is refused.
    const asked = await merger.ok<ImportOutcome>('team.import', { content: first.sealed, replace: [] });
    expect(asked.status).toBe('replaceNeeded');
    const replaced = asked.status === 'replaceNeeded' ? asked.overlapping.map((entry) => entry.exportId) : [];
    expect((await merger.ok<ImportOutcome>('team.import', { content: first.sealed, replace: replaced })).status).toBe('imported');
    const replacedOnce = teamTables(merger.core);
    expect(await merger.codeOf('team.import', { content: firstSealed, replace: [] })).toBe('OLDER_EXPORT');
    expect(teamTables(merger.core)).toEqual(replacedOnce);
  });
});

describe('an export and its adviser’s acceptance', () => {
  it('must name the function and external flag the acceptance named: another is refused with its code, and imports once the new acceptance is added', async () => {
    const changer = vault('changer', 'central_confidential_adviser');
    await changer.create();
    await joinTeam(changer, invitation, merger);
    // Without cases yet, the adviser may still change the profile the acceptance was made from.
    await changer.ok('profile.update', { function: 'faculty_confidential_adviser', external: true });
    await changer.ok('cases.create', caseInput());
    const { sealed } = await changer.exportSealed();
    const before = teamTables(merger.core);
    expect(await merger.codeOf('team.import', { content: sealed, replace: [] })).toBe('SIGNER_PROFILE_MISMATCH');
    expect(teamTables(merger.core)).toEqual(before);
    await changer.ok('team.saveAcceptance', {});
    await merger.ok('team.addAdviser', { content: changer.lastSaved() });
    expect((await merger.ok<ImportOutcome>('team.import', { content: sealed, replace: [] })).status).toBe('imported');
    changer.core.vault.lock();
  });
});

describe('a sealed file in transit', () => {
  it('has a name that says nothing of function or months, and a size in steps: exports of different sizes seal to the same length', async () => {
    const sealedOf = async (includeUnits: boolean) => {
      const { file, json } = await adviser.ok<ExportPreview>('export.preview', { period: YEAR, includeUnits });
      const saved = await adviser.ok<{ fileName: string }>('export.save', { exportId: file.exportId });
      expect(saved.fileName).toMatch(/^confidant-export-[0-9a-f]{6}\.age$/);
      return { json, sealed: adviser.lastSaved() };
    };
    const plain = await sealedOf(false);
    const withUnits = await sealedOf(true);
    expect(withUnits.json.length).toBeGreaterThan(plain.json.length);
    expect(withUnits.json.length).toBeLessThan(PADDED_SIZE / 2);
    expect(withUnits.sealed.length).toBe(plain.sealed.length);
    // Opened, the padding is gone: the merging member's app reads the export as the adviser saw it.
    const db = merger.core.vault.database();
    expect((await openSealedExport(withUnits.sealed, teamIdentity(db)!, (adviserId) => signerOf(db, adviserId))).payload).toBe(withUnits.json);
  });

  it('has one size from a small export to a large one (150 reports, each its own shape), and past that bound a multiple of it', async () => {
    const team = JSON.parse(invitation) as TeamInvitation;
    const units = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`Faculteit der Wijsbegeerte en Geesteswetenschappen ${index}`, 3]));
    const sealedOf = async (reports: number) => {
      const file = syntheticExport('central_confidential_adviser', fc.sample(fc.array(syntheticCase, { minLength: reports, maxLength: reports }), { numRuns: 1, seed: reports })[0]!, 2026, units);
      const caseShapes = Array.from({ length: reports }, (_, index) => ({
        natures: [...new Set([0, 7, 11, 13].map((step) => NATURES[(index * step + step) % NATURES.length]!))].sort(),
        otherParty: OTHER_PARTY_KEYS[index % OTHER_PARTY_KEYS.length]!,
        hierarchical: HIERARCHY_KEYS[index % 2]!,
        bystander: index % 3 === 0,
        reports: 1,
      }));
      const payload = JSON.stringify({ ...file, counts: { ...file.counts, caseShapes } });
      return { payload, sealed: await sealExport(payload, team, () => Buffer.alloc(64)) };
    };
    const opened = async (sealed: string) => {
      const decrypter = new Decrypter();
      decrypter.addIdentity(teamIdentity(merger.core.vault.database())!.identity);
      return Buffer.byteLength(await decrypter.decrypt(armor.decode(sealed), 'text'));
    };
    const small = await sealedOf(10);
    const large = await sealedOf(150);
    expect(large.payload.length).toBeGreaterThan(3 * small.payload.length);
    expect(large.sealed.length).toBe(small.sealed.length);
    expect(await opened(large.sealed)).toBe(PADDED_SIZE);
    const huge = await sealedOf(1500);
    expect(huge.payload.length).toBeGreaterThan(PADDED_SIZE);
    expect((await opened(huge.sealed)) % PADDED_SIZE).toBe(0);
  });
});

describe('a second merging member', () => {
  it('joins from the invitation by its code; once the first adds them, both hand out one invitation and both open every export', async () => {
    const second = vault('second-merger', 'central_confidential_adviser');
    await second.create();
    expect(await second.codeOf('team.joinAsMerger', { content: invitation, fingerprint: 'AAAA-AAAA-AAAA-AAAA-AAAA' })).toBe('FINGERPRINT_MISMATCH');
    const joined = await second.ok<TeamInfo>('team.joinAsMerger', { content: invitation, fingerprint: info.fingerprint });
    expect(joined.role).toBe('merger');
    expect(joined.fingerprint).not.toBe(info.fingerprint);
    await second.ok('team.saveInvitation', {});
    const shared = second.lastSaved();
    expect(await merger.codeOf('team.addMerger', { content: otherInvitation })).toBe('OTHER_TEAM');
    expect((await merger.ok<TeamInfo>('team.addMerger', { content: shared })).fingerprint).toBe(joined.fingerprint);
    await merger.ok('team.saveInvitation', {});
    expect(merger.lastSaved()).toBe(shared);

    // The adviser accepts the new invitation and hands the acceptance to the second merging member too.
    await joinTeam(adviser, shared, second);
    const { sealed, json } = await adviser.exportSealed({ from: '2026-01-01', to: '2026-03-31' });
    const sealedFile = join(dir.path, 'for-both.age');
    writeFileSync(sealedFile, sealed);
    for (const [name, each] of [['first', merger], ['second', second]] as const) {
      const identityFile = join(dir.path, `${name}.identity`);
      writeFileSync(identityFile, `${each.core.vault.database().prepare('SELECT age_identity FROM team_identity').pluck().get() as string}\n`, { mode: 0o600 });
      expect(JSON.parse(execFileSync('age', ['--decrypt', '--identity', identityFile, sealedFile], { encoding: 'utf8' })).payload).toBe(json);
    }
    expect((await second.ok<ImportOutcome>('team.import', { content: sealed, replace: [] })).status).toBe('imported');
    second.core.vault.lock();
  });
});

describe('export periods', () => {
  it('are whole calendar months of one year that have ended', async () => {
    expect(await adviser.codeOf('export.preview', { period: { from: '2026-03-10', to: '2026-03-10' }, includeUnits: false })).toBe('INVALID_INPUT');
    expect(await adviser.codeOf('export.preview', { period: { from: '2026-03-01', to: '2026-03-30' }, includeUnits: false })).toBe('INVALID_INPUT');
    expect(await adviser.codeOf('export.preview', { period: { from: '2026-02-01', to: '2026-02-28' }, includeUnits: false })).toBe('ok');
    expect(await adviser.codeOf('export.preview', { period: { from: '2027-01-01', to: '2027-01-31' }, includeUnits: false })).toBe('PERIOD_NOT_ENDED');
    expect(await adviser.codeOf('export.preview', { period: { from: '2099-01-01', to: '2099-12-31' }, includeUnits: false })).toBe('PERIOD_NOT_ENDED');
  });

  it('without a team, save only unsealed, on request', async () => {
    const alone = vault('alone', 'central_confidential_adviser');
    await alone.create();
    const { file } = await alone.ok<ExportPreview>('export.preview', { period: YEAR, includeUnits: false });
    expect(await alone.codeOf('export.save', { exportId: file.exportId })).toBe('NO_TEAM');
    expect((await alone.ok<{ sealed: boolean }>('export.save', { exportId: file.exportId, unsealed: true })).sealed).toBe(false);
    alone.core.vault.lock();
  });
});
