import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_SUPPRESSION_K, MIN_SUPPRESSION_K, type TeamReport } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/errors';
import { errorCodeOf, invoke } from '../../api/client';

export const validK = (k: number | null): k is number => k !== null && Number.isInteger(k) && k >= MIN_SUPPRESSION_K && k <= 1000;

/**
 * The report for one year, threshold and grouping, fetched again whenever one of them changes.
 * Until the adviser picks a year, it follows the newest year with imports.
 */
export function useTeamReport() {
  const [chosenYear, setYear] = useState<number | null>(null);
  const [k, setK] = useState<number | null>(DEFAULT_SUPPRESSION_K);
  const [grouped, setGrouped] = useState(true);
  const [report, setReport] = useState<TeamReport | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const year = chosenYear ?? report?.years[0] ?? new Date().getFullYear();

  const refresh = useCallback(async () => {
    if (!validK(k)) return;
    setError(null);
    try {
      setReport(await invoke('team.report', { year, k, grouped }));
    } catch (caught) {
      setError(errorCodeOf(caught));
    }
  }, [year, k, grouped]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { year, setYear, k, setK, grouped, setGrouped, report, error, refresh };
}
