import { armor, Decrypter, Encrypter } from 'age-encryption';
import { HandoverPackage, SignedHandover } from '../../../shared/schemas/handover';
import { AppError } from '../errors';
import { keyFingerprint, signatureIsValid } from '../team/signingKey';

const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';

/** Domain-separated: a signature over a handover can never pass as one over an export or anything else. */
const signedBytes = (keyId: string, payload: string) => Buffer.from(`confidant-signed-handover\n1\n${keyId}\n${payload}`, 'utf8');

/**
 * The package as it leaves the vault: its JSON signed with the leaving vault's key and sealed with
 * age to the successor's receiving key alone (never to the team), armored as text.
 */
export async function sealHandover(payload: string, successor: { keyId: string; recipient: string }, signingKey: Buffer, sign: (data: Buffer) => Buffer): Promise<string> {
  const envelope: SignedHandover = {
    format: 'confidant-signed-handover',
    version: 1,
    keyId: successor.keyId,
    payload,
    signingKey: signingKey.toString('base64'),
    signature: sign(signedBytes(successor.keyId, payload)).toString('base64'),
  };
  const encrypter = new Encrypter();
  encrypter.addRecipient(successor.recipient);
  return armor.encode(await encrypter.encrypt(JSON.stringify(envelope)));
}

/** Decrypts with one receiving key after another; which one opened it is what the package must name. */
async function decryptWithOne(ciphertext: Uint8Array, identities: Map<string, string>): Promise<{ keyId: string; text: string }> {
  let tampered = false;
  for (const [keyId, identity] of identities) {
    const decrypter = new Decrypter();
    decrypter.addIdentity(identity);
    try {
      return { keyId, text: await decrypter.decrypt(ciphertext, 'text') };
    } catch (error) {
      // age cannot tell a header sealed for someone else from a damaged one: both name no recipient of ours.
      if (!(error instanceof Error && /no identity matched/.test(error.message))) tampered = true;
    }
  }
  throw new AppError(tampered ? 'TAMPERED_HANDOVER' : 'HANDOVER_NOT_ADDRESSED');
}

/**
 * Opens a package with this vault's receiving keys and checks, in this order, that it was sealed
 * to one of them and names that key inside, that its signature holds for the key it carries, and
 * that it is a package. Who signed it is the caller's to check against the code compared by phone.
 * The identity strings are held only for this call (the age library takes them as strings).
 */
export async function openHandover(content: string, identities: Map<string, string>): Promise<{ pkg: HandoverPackage; signerFingerprint: string }> {
  if (!content.trimStart().startsWith(ARMOR_BEGIN)) throw new AppError('NOT_A_HANDOVER_FILE');
  let ciphertext: Uint8Array;
  try {
    ciphertext = armor.decode(content.trim());
  } catch {
    throw new AppError('TAMPERED_HANDOVER');
  }
  const opened = await decryptWithOne(ciphertext, identities);
  let envelope: SignedHandover;
  try {
    envelope = SignedHandover.parse(JSON.parse(opened.text));
  } catch {
    throw new AppError('NOT_A_HANDOVER_FILE');
  }
  if (envelope.keyId !== opened.keyId) throw new AppError('HANDOVER_NOT_ADDRESSED');
  const signingKey = Buffer.from(envelope.signingKey, 'base64');
  if (!signatureIsValid(signingKey, signedBytes(envelope.keyId, envelope.payload), Buffer.from(envelope.signature, 'base64'))) throw new AppError('TAMPERED_HANDOVER');
  let pkg: HandoverPackage;
  try {
    pkg = HandoverPackage.parse(JSON.parse(envelope.payload));
  } catch {
    throw new AppError('NOT_A_HANDOVER_FILE');
  }
  if (pkg.keyId !== envelope.keyId) throw new AppError('HANDOVER_NOT_ADDRESSED');
  return { pkg, signerFingerprint: keyFingerprint(signingKey) };
}
