import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { Db } from '../vault/database';
import { fingerprintOf } from './fingerprint';

/** This vault's Ed25519 public key (SPKI DER), made on first use and kept in the vault. */
export function vaultPublicKey(db: Db): Buffer {
  const row = db.prepare('SELECT public_key FROM vault_signing_key WHERE id = 1').pluck().get() as Buffer | undefined;
  if (row) return row;
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicDer = publicKey.export({ format: 'der', type: 'spki' });
  const privateDer = privateKey.export({ format: 'der', type: 'pkcs8' });
  db.prepare('INSERT INTO vault_signing_key (id, private_key, public_key) VALUES (1, ?, ?)').run(privateDer, publicDer);
  privateDer.fill(0);
  return publicDer;
}

/** Signs with this vault's key; the private key is read from the vault for the call and its bytes zeroed after. */
export function signWithVault(db: Db, data: Buffer): Buffer {
  vaultPublicKey(db);
  const privateDer = db.prepare('SELECT private_key FROM vault_signing_key WHERE id = 1').pluck().get() as Buffer;
  try {
    return sign(null, data, createPrivateKey({ key: privateDer, format: 'der', type: 'pkcs8' }));
  } finally {
    privateDer.fill(0);
  }
}

export function signatureIsValid(publicDer: Buffer, data: Buffer, signature: Buffer): boolean {
  try {
    return verify(null, data, createPublicKey({ key: publicDer, format: 'der', type: 'spki' }), signature);
  } catch {
    return false;
  }
}

export const keyFingerprint = (publicDer: Buffer) => fingerprintOf('confidant-signing-key', publicDer);
