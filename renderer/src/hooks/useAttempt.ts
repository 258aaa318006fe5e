import { useState } from 'react';
import type { ErrorCode } from '../../../shared/errors';
import { errorCodeOf } from '../api/client';

/** Runs an action that ends in a status line, or in the typed error it was refused with. */
export function useAttempt() {
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  async function attempt(action: () => Promise<string | null>) {
    setError(null);
    setStatus(null);
    try {
      setStatus(await action());
    } catch (caught) {
      setError(errorCodeOf(caught));
    }
  }
  return { status, error, attempt, setError };
}
