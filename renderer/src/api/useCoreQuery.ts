import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { ErrorCode } from '../../../shared/errors';
import { errorCodeOf } from './client';

/**
 * A screen's read from the core: the answer, or the typed error it was refused with, for the
 * ErrorMessage beside it. A slower, older answer never overwrites a newer one.
 */
export function useCoreQuery<T>(load: () => Promise<T>, deps: DependencyList): { data: T | null; error: ErrorCode | null; reload(): Promise<void> } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const latest = useRef(0);
  // The caller names what the read depends on, as with useEffect.
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    const call = ++latest.current;
    setError(null);
    try {
      const answer = await run();
      if (call === latest.current) setData(answer);
    } catch (caught) {
      if (call === latest.current) setError(errorCodeOf(caught));
    }
  }, [run]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
}
