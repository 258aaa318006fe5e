import { randomUUID } from 'node:crypto';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { TeamAcceptance, TeamInvitation, type AcceptanceSummary, type InvitationSummary, type TeamInfo } from '../../../shared/schemas/team';
import type { VaultFunction } from '../../../shared/taxonomy';
import { AppError } from '../errors';
import type { Db } from '../vault/database';
import { getProfile } from '../vault/profile';
import { fingerprintOf } from './fingerprint';
import type { Signer } from './sealedExport';
import { keyFingerprint, signatureIsValid, signWithVault, vaultPublicKey } from './signingKey';

/** Everything in an invitation but its date: what the adviser and the merging member compare by phone. */
export const invitationFingerprint = (invitation: TeamInvitation) =>
  fingerprintOf('confidant-team-invitation', invitation.teamId, invitation.organisation, ...invitation.recipients, JSON.stringify(invitation.units), String(invitation.k));

const acceptanceBytes = (acceptance: Omit<TeamAcceptance, 'signature'>) =>
  Buffer.from(['confidant-team-acceptance', acceptance.teamId, acceptance.adviserId, acceptance.function, String(acceptance.external), acceptance.signingKey].join('\n'), 'utf8');

function parseJson<T>(text: string, schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, refusal: 'NOT_AN_INVITATION' | 'NOT_AN_ACCEPTANCE'): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError(refusal);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError(refusal);
  return parsed.data;
}

interface TeamRow {
  team_id: string;
  organisation: string;
  recipients: string;
  units: string;
  k: number;
  created_on: string;
}

function teamRow(db: Db): TeamRow | undefined {
  return db.prepare('SELECT team_id, organisation, recipients, units, k, created_on FROM team_identity WHERE id = 1').get() as TeamRow | undefined;
}

/** The invitation this vault accepted, if any. */
export function membership(db: Db): TeamInvitation | null {
  const text = db.prepare('SELECT invitation FROM team_membership WHERE id = 1').pluck().get() as string | undefined;
  return text ? TeamInvitation.parse(JSON.parse(text)) : null;
}

function invitationOf(row: TeamRow): TeamInvitation {
  return {
    format: 'confidant-team-invitation',
    version: 1,
    teamId: row.team_id,
    organisation: row.organisation,
    recipients: JSON.parse(row.recipients) as string[],
    units: JSON.parse(row.units) as string[],
    k: row.k,
    createdOn: row.created_on,
  };
}

/**
 * The merging member makes the team: an age X25519 identity kept in this vault, and the
 * invitation the advisers accept. The merging member's own vault accepts it at once, so their
 * own exports are sealed and signed like everyone's.
 */
export async function createTeam(db: Db, request: { organisation: string; units: string[]; k: number }, today: string): Promise<TeamInfo> {
  return startMerging(db, { teamId: randomUUID(), organisation: request.organisation, recipients: [], units: request.units, k: request.k }, today);
}

/**
 * A second merging member joins a team from its invitation (after comparing its code): their own
 * identity, their recipient added to the team's. The first merging member then adds their
 * invitation (`addMerger`), so both hand out the same invitation and every export opens for both.
 */
export async function joinAsMerger(db: Db, text: string, confirmedFingerprint: string, today: string): Promise<TeamInfo> {
  const { invitation, summary } = readInvitation(text);
  if (summary.fingerprint !== confirmedFingerprint) throw new AppError('FINGERPRINT_MISMATCH');
  return startMerging(db, invitation, today);
}

async function startMerging(db: Db, team: Pick<TeamInvitation, 'teamId' | 'organisation' | 'recipients' | 'units' | 'k'>, today: string): Promise<TeamInfo> {
  if (teamRow(db)) throw new AppError('TEAM_EXISTS');
  const identity = await generateX25519Identity();
  const recipients = [...new Set([...team.recipients, await identityToRecipient(identity)])].sort();
  const row: TeamRow = { team_id: team.teamId, organisation: team.organisation, recipients: JSON.stringify(recipients), units: JSON.stringify(team.units), k: team.k, created_on: today };
  db.transaction(() => {
    db.prepare('INSERT INTO team_identity (id, team_id, organisation, age_identity, recipients, units, k, created_on) VALUES (1, ?, ?, ?, ?, ?, ?, ?)').run(
      row.team_id,
      row.organisation,
      identity,
      row.recipients,
      row.units,
      row.k,
      row.created_on,
    );
    storeMembership(db, invitationOf(row), today);
    addSigner(db, acceptanceOf(db), today);
  })();
  return teamInfo(db);
}

/** The first merging member takes in a second one's invitation: same team, theirs plus one recipient. */
export function addMerger(db: Db, text: string, today: string): TeamInfo {
  const row = teamRow(db);
  if (!row) throw new AppError('NO_TEAM');
  const { invitation } = readInvitation(text);
  const own = invitationOf(row);
  const sameTeam =
    invitation.teamId === own.teamId && invitation.organisation === own.organisation && invitation.k === own.k && JSON.stringify(invitation.units) === JSON.stringify(own.units);
  if (!sameTeam) throw new AppError('OTHER_TEAM');
  if (!own.recipients.every((recipient) => invitation.recipients.includes(recipient))) throw new AppError('OTHER_TEAM');
  const recipients = JSON.stringify([...new Set([...own.recipients, ...invitation.recipients])].sort());
  db.transaction(() => {
    db.prepare('UPDATE team_identity SET recipients = ? WHERE id = 1').run(recipients);
    storeMembership(db, invitationOf({ ...row, recipients }), today);
  })();
  return teamInfo(db);
}

export function teamInfo(db: Db): TeamInfo {
  const row = teamRow(db);
  const invitation = row ? invitationOf(row) : membership(db);
  const signers = row
    ? (db.prepare('SELECT adviser_id, function, external, public_key, added_on FROM team_signers ORDER BY added_on, adviser_id').all() as {
        adviser_id: string;
        function: VaultFunction;
        external: number;
        public_key: Buffer;
        added_on: string;
      }[]).map((signer) => ({ adviserId: signer.adviser_id, function: signer.function, external: signer.external === 1, keyFingerprint: keyFingerprint(signer.public_key), addedOn: signer.added_on }))
    : [];
  return {
    role: row ? 'merger' : invitation ? 'member' : 'none',
    organisation: invitation?.organisation ?? null,
    fingerprint: invitation ? invitationFingerprint(invitation) : null,
    units: invitation?.units ?? [],
    k: invitation?.k ?? null,
    signers,
    ownKeyFingerprint: keyFingerprint(vaultPublicKey(db)),
  };
}

/** The invitation file the merging member hands out. */
export function invitationText(db: Db): string {
  const row = teamRow(db);
  if (!row) throw new AppError('NO_TEAM');
  return `${JSON.stringify(invitationOf(row), null, 2)}\n`;
}

export function readInvitation(text: string): { invitation: TeamInvitation; summary: InvitationSummary } {
  const invitation = parseJson(text, TeamInvitation, 'NOT_AN_INVITATION');
  return {
    invitation,
    summary: { organisation: invitation.organisation, fingerprint: invitationFingerprint(invitation), units: invitation.units, k: invitation.k, merging: invitation.recipients.length },
  };
}

function storeMembership(db: Db, invitation: TeamInvitation, today: string): void {
  db.prepare(
    `INSERT INTO team_membership (id, invitation, fingerprint, accepted_on) VALUES (1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET invitation = excluded.invitation, fingerprint = excluded.fingerprint, accepted_on = excluded.accepted_on`,
  ).run(JSON.stringify(invitation), invitationFingerprint(invitation), today);
}

/**
 * An adviser accepts an invitation after comparing its fingerprint with the merging member's.
 * The fingerprint they confirmed must be this invitation's: a swapped file is refused.
 */
export function acceptInvitation(db: Db, text: string, confirmedFingerprint: string, today: string): TeamInfo {
  const { invitation, summary } = readInvitation(text);
  if (summary.fingerprint !== confirmedFingerprint) throw new AppError('FINGERPRINT_MISMATCH');
  // A merging member's membership follows their own team; an invitation file must not replace it.
  if (teamRow(db)) throw new AppError('TEAM_EXISTS');
  storeMembership(db, invitation, today);
  return teamInfo(db);
}

/** The acceptance this vault hands back: its signing key, signed with it. */
export function acceptanceOf(db: Db): TeamAcceptance {
  const invitation = membership(db);
  if (!invitation) throw new AppError('NO_TEAM');
  const profile = getProfile(db);
  const adviserId = db.prepare("SELECT value FROM meta WHERE key = 'adviser_id'").pluck().get() as string;
  const unsigned = {
    format: 'confidant-team-acceptance' as const,
    version: 1 as const,
    teamId: invitation.teamId,
    adviserId,
    function: profile.function,
    external: profile.external,
    signingKey: vaultPublicKey(db).toString('base64'),
  };
  return { ...unsigned, signature: signWithVault(db, acceptanceBytes(unsigned)).toString('base64') };
}

function addSigner(db: Db, acceptance: TeamAcceptance, today: string): void {
  db.prepare(
    `INSERT INTO team_signers (adviser_id, function, external, public_key, added_on) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (adviser_id) DO UPDATE SET function = excluded.function, external = excluded.external, public_key = excluded.public_key, added_on = excluded.added_on`,
  ).run(acceptance.adviserId, acceptance.function, acceptance.external ? 1 : 0, Buffer.from(acceptance.signingKey, 'base64'), today);
}

/** An acceptance the merging member holds: checked for this team and signed with the key it carries. */
function checkedAcceptance(db: Db, text: string): TeamAcceptance {
  const row = teamRow(db);
  if (!row) throw new AppError('NO_TEAM');
  const acceptance = parseJson(text, TeamAcceptance, 'NOT_AN_ACCEPTANCE');
  if (acceptance.teamId !== row.team_id) throw new AppError('OTHER_TEAM');
  const { signature, ...unsigned } = acceptance;
  if (!signatureIsValid(Buffer.from(acceptance.signingKey, 'base64'), acceptanceBytes(unsigned), Buffer.from(signature, 'base64'))) throw new AppError('BAD_SIGNATURE');
  return acceptance;
}

/** What the merging member compares by phone before adding an acceptance, and whether it would replace a known adviser's key. */
export function readAcceptance(db: Db, text: string): AcceptanceSummary {
  const acceptance = checkedAcceptance(db, text);
  const key = Buffer.from(acceptance.signingKey, 'base64');
  const known = signerKey(db, acceptance.adviserId);
  return {
    function: acceptance.function,
    external: acceptance.external,
    keyFingerprint: keyFingerprint(key),
    known: known === null ? 'new' : known.equals(key) ? 'same' : 'changed',
    previousKeyFingerprint: known === null || known.equals(key) ? null : keyFingerprint(known),
  };
}

/**
 * The merging member adds an adviser's acceptance: from now on that adviser's signed exports are
 * trusted. A different key for an adviser already known is refused unless the merging member
 * confirmed replacing it (`replaceKey`): whoever holds a forged acceptance file could otherwise
 * take over that adviser's place in the team's figures without anyone noticing.
 */
export function importAcceptance(db: Db, text: string, today: string, replaceKey: boolean): TeamInfo {
  const acceptance = checkedAcceptance(db, text);
  const known = signerKey(db, acceptance.adviserId);
  if (known && !known.equals(Buffer.from(acceptance.signingKey, 'base64')) && !replaceKey) throw new AppError('SIGNER_KEY_CHANGED');
  addSigner(db, acceptance, today);
  return teamInfo(db);
}

/** The merging member's team id and age identity, for opening one sealed export; never returned over IPC. */
export function teamIdentity(db: Db): { teamId: string; identity: string } | null {
  const row = db.prepare('SELECT team_id, age_identity FROM team_identity WHERE id = 1').get() as { team_id: string; age_identity: string } | undefined;
  return row ? { teamId: row.team_id, identity: row.age_identity } : null;
}

/** The merging member's unit list: the only unit names an import may count (none without a team). */
export function teamUnits(db: Db): string[] {
  const row = teamRow(db);
  return row ? (JSON.parse(row.units) as string[]) : [];
}

export function signerKey(db: Db, adviserId: string): Buffer | null {
  return signerOf(db, adviserId)?.key ?? null;
}

export function signerOf(db: Db, adviserId: string): Signer | null {
  const row = db.prepare('SELECT public_key, function, external FROM team_signers WHERE adviser_id = ?').get(adviserId) as
    | { public_key: Buffer; function: VaultFunction; external: number }
    | undefined;
  return row ? { key: row.public_key, function: row.function, external: row.external === 1 } : null;
}
