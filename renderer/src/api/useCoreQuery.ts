import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorCode } from '../../../shared/errors';
import { errorCodeOf } from './client';

/**
 * A screen's read from the core: the answer, or the typed error it was refused with, for the
 * ErrorMessage beside it. A slower, older answer never overwrites a newer one.
 *
 * `load` is the caller's useCallback (or a module's function), so the linter checks what it
 * reads; a new `load` reads again. `source` is what the answer depends on without `load`
 * passing it (a stored setting the core reads itself): when it changes, the read runs again too.
 */
export function useCoreQuery<T>(load: () => Promise<T>, source?: unknown): { data: T | null; error: ErrorCode | null; reload(): Promise<void> } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const call = ++latest.current;
    setError(null);
    try {
      const answer = await load();
      if (call === latest.current) setData(answer);
    } catch (caught) {
      if (call === latest.current) setError(errorCodeOf(caught));
    }
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload, source]);
  return { data, error, reload };
}
