import { useCallback, useRef, useState } from 'react';
import { DEFAULT_SUPPRESSION_K, MIN_SUPPRESSION_K, type TeamReport } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { useCoreQuery } from '../../api/useCoreQuery';

export const validK = (k: number | null): k is number => k !== null && Number.isInteger(k) && k >= MIN_SUPPRESSION_K && k <= 1000;

/**
 * The report for one year, threshold and grouping, fetched again whenever one of them changes.
 * Until the adviser picks a year, it follows the newest year with imports.
 */
export function useTeamReport() {
  const [chosenYear, setYear] = useState<number | null>(null);
  const [k, setK] = useState<number | null>(DEFAULT_SUPPRESSION_K);
  const [grouped, setGrouped] = useState(true);
  // While the threshold being typed is not valid yet, the last report stays on screen.
  const shown = useRef<TeamReport | null>(null);
  const year = chosenYear ?? shown.current?.years[0] ?? new Date().getFullYear();
  const load = useCallback(async () => (validK(k) ? invoke('team.report', { year, k, grouped }) : shown.current), [year, k, grouped]);
  const { data: report, error, reload: refresh } = useCoreQuery(load);
  shown.current = report;

  return { year, setYear, k, setK, grouped, setGrouped, report, error, refresh };
}
