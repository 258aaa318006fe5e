import { passphraseWrapContext, readHeader } from '../../electron/core/vault/header';
import { deriveFromPassphrase, unwrapKey } from '../../electron/core/vault/keys';

/** The data key of a vault, unwrapped from its header with the passphrase, as the core does on unlock. */
export async function dataKeyOf(headerPath: string, passphrase: string): Promise<Buffer> {
  const header = readHeader(headerPath);
  const wrapping = await deriveFromPassphrase(passphrase, header.kdf);
  try {
    const key = unwrapKey(wrapping, header.wrappedKeys.passphrase, passphraseWrapContext(header));
    if (!key) throw new Error('the passphrase does not open this header');
    return key;
  } finally {
    wrapping.fill(0);
  }
}
