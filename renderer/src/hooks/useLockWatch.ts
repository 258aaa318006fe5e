import { useEffect } from 'react';
import { invoke } from '../api/client';

export const LOCK_WATCH_MS = 2_000;

/**
 * The main process locks on its own (suspend, screen lock, system idle). The bridge offers only
 * invoke, so the unlocked screen asks for the status and clears itself once the vault is locked.
 */
export function useLockWatch(onLockedElsewhere: () => void): void {
  useEffect(() => {
    const timer = window.setInterval(() => {
      void invoke('vault.status', {}).then((status) => {
        if (!status.unlocked) onLockedElsewhere();
      });
    }, LOCK_WATCH_MS);
    return () => window.clearInterval(timer);
  }, [onLockedElsewhere]);
}
