import { useEffect, useState } from 'react';
import { invoke } from '../api/client';

/** The team's unit list from its invitation; null while loading or when the vault has no team. */
export function useTeamUnits(): string[] | null {
  const [units, setUnits] = useState<string[] | null>(null);
  useEffect(() => {
    let current = true;
    invoke('team.info', {}).then(
      (info) => {
        if (current) setUnits(info.role === 'none' ? null : info.units);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return units;
}
