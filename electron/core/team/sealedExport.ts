import { armor, Decrypter, Encrypter } from 'age-encryption';
import { SignedExport, type TeamInvitation } from '../../../shared/schemas/team';
import type { ExportFile } from '../../../shared/schemas/export';
import type { VaultFunction } from '../../../shared/taxonomy';
import { AppError } from '../errors';
import { verifyExportFile } from '../export/exportFile';
import { signatureIsValid } from './signingKey';

const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';

/** Domain-separated: a signature over an export can never pass as one over anything else. */
const signedBytes = (teamId: string, payload: string) => Buffer.from(`confidant-signed-export\n1\n${teamId}\n${payload}`, 'utf8');

/** What the merging member's app trusts of an adviser: the key and the role their acceptance named. */
export interface Signer {
  key: Buffer;
  function: VaultFunction;
  external: boolean;
}

export const isSealed = (content: string) => content.trimStart().startsWith(ARMOR_BEGIN);

/**
 * Every sealed export opens to this many bytes, so its size in transit says nothing of how many
 * reports or case shapes it holds. Measured: 150 reports each of its own shape, with 40 long unit
 * names, take 32 kB of export (about 40 kB once inside the envelope); this leaves room for
 * several times that. A larger export takes the next multiple, so its size still says little.
 */
export const PADDED_SIZE = 128 * 1024;

/** Pads with spaces: JSON allows trailing whitespace, so what `age -d` gives back is still the envelope's JSON. */
function padded(text: string): string {
  const length = Buffer.byteLength(text, 'utf8');
  return text + ' '.repeat(Math.ceil(length / PADDED_SIZE) * PADDED_SIZE - length);
}

/**
 * The export as it leaves the vault for the team: the exact JSON the adviser previewed, signed
 * with the vault's key, padded, sealed with age to every merging member's recipient and armored as text.
 * Only the merging member's app (or `age -d` with the team identity) can open it.
 */
export async function sealExport(payload: string, invitation: TeamInvitation, sign: (data: Buffer) => Buffer): Promise<string> {
  const envelope: SignedExport = {
    format: 'confidant-signed-export',
    version: 1,
    teamId: invitation.teamId,
    payload,
    signature: sign(signedBytes(invitation.teamId, payload)).toString('base64'),
  };
  const encrypter = new Encrypter();
  for (const recipient of invitation.recipients) encrypter.addRecipient(recipient);
  return armor.encode(await encrypter.encrypt(padded(JSON.stringify(envelope))));
}

/**
 * Opens a sealed export with the team identity and checks, in this order, that it was sealed
 * for this team, is signed, by an adviser whose acceptance was imported, that neither the seal,
 * the signature nor the export's own checksum shows a change, and that the export speaks for the
 * function and external flag that acceptance named. Each failure has its code.
 * The identity string is held only for this call (the age library takes it as a string).
 */
export async function openSealedExport(content: string, team: { teamId: string; identity: string }, signerOf: (adviserId: string) => Signer | null): Promise<{ payload: string; file: ExportFile }> {
  let ciphertext: Uint8Array;
  try {
    ciphertext = armor.decode(content.trim());
  } catch {
    throw new AppError('TAMPERED_EXPORT');
  }
  const decrypter = new Decrypter();
  decrypter.addIdentity(team.identity);
  let text: string;
  try {
    text = await decrypter.decrypt(ciphertext, 'text');
  } catch (error) {
    // age cannot tell a header sealed for someone else from a damaged one: both name no recipient of ours.
    throw new AppError(error instanceof Error && /no identity matched/.test(error.message) ? 'OTHER_TEAM' : 'TAMPERED_EXPORT');
  }
  let envelope: SignedExport;
  try {
    envelope = SignedExport.parse(JSON.parse(text.trimEnd()));
  } catch {
    throw new AppError('INVALID_EXPORT');
  }
  if (envelope.teamId !== team.teamId) throw new AppError('OTHER_TEAM');
  if (!envelope.signature) throw new AppError('UNSIGNED_EXPORT');
  const verified = verifyExportFile(envelope.payload);
  if (!verified.ok) throw new AppError(verified.reason);
  const signer = signerOf(verified.file.adviserId);
  if (!signer) throw new AppError('UNKNOWN_SIGNER');
  if (!signatureIsValid(signer.key, signedBytes(envelope.teamId, envelope.payload), Buffer.from(envelope.signature, 'base64'))) throw new AppError('BAD_SIGNATURE');
  // The merging member vouched for this adviser in one role; the file's own claim must not move its counts to another function's section.
  if (verified.file.function !== signer.function || verified.file.external !== signer.external) throw new AppError('SIGNER_PROFILE_MISMATCH');
  return { payload: envelope.payload, file: verified.file };
}
