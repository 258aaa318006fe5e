import { useCallback } from 'react';
import { invoke } from '../../api/client';
import { useCoreQuery } from '../../api/useCoreQuery';

/**
 * Whether the case is in a package sent to a successor whose confirmation has not come back: the
 * core refuses every change to it then (CASE_HANDED_OVER), so its page offers none.
 */
export function useHandedOver(caseId: number): boolean {
  const load = useCallback(async () => (await invoke('handover.status', {})).openCases.some((entry) => entry.id === caseId && entry.pending), [caseId]);
  return useCoreQuery(load).data === true;
}
