import type { Channel, RequestOf, ResponseOf, VaultBridge } from '../../../shared/contract';
import type { ErrorCode, Result } from '../../../shared/errors';
import { routeFormSave } from '../drafts/formSave';

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

/**
 * The renderer's one way to the core, typed from the shared contract. A form's save goes with its
 * draft's key (`drafts.saveForm`, answered as the save's own channel answers): ../drafts/formSave.ts.
 */
export async function invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = (await window.vault.invoke(...routeFormSave(channel, request))) as Result<ResponseOf<C>>;
  // Damage is also announced as an event, which is where the window reacts to it.
  if (!result.ok) throw new VaultError(result.error.code);
  return result.value;
}

export function errorCodeOf(error: unknown): ErrorCode {
  return error instanceof VaultError ? error.code : 'INTERNAL';
}
