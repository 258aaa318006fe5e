import type { Channel, RequestOf, ResponseOf, VaultBridge } from '../../../shared/contract';
import type { ErrorCode, Result } from '../../../shared/errors';

declare global {
  interface Window {
    vault: VaultBridge;
  }
}

/** A refused request, carrying only the typed code the core sent. */
export class VaultError extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
    this.name = 'VaultError';
  }
}

const corruptionListeners = new Set<() => void>();

/** Damage can surface on any read; whoever shows the recovery screen listens here. */
export function onVaultCorruption(listener: () => void): () => void {
  corruptionListeners.add(listener);
  return () => corruptionListeners.delete(listener);
}

/** The renderer's one way to the core, typed from the shared contract. */
export async function invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = (await window.vault.invoke(channel, request)) as Result<ResponseOf<C>>;
  if (!result.ok) {
    if (result.error.code === 'CORRUPT_VAULT') for (const listener of corruptionListeners) listener();
    throw new VaultError(result.error.code);
  }
  return result.value;
}

export function errorCodeOf(error: unknown): ErrorCode {
  return error instanceof VaultError ? error.code : 'INTERNAL';
}
