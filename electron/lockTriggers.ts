import type { PowerMonitor } from 'electron';

/** How often the system idle time is compared with the adviser's setting. */
export const IDLE_POLL_MS = 15_000;

/**
 * Locks on suspend, on screen lock, at shutdown and after the system has been idle for the set
 * minutes. The renderer runs its own idle timer too; this one still fires if the renderer hangs.
 */
export function installLockTriggers(powerMonitor: PowerMonitor, lock: () => void, idleLockMinutes: () => number): () => void {
  powerMonitor.on('suspend', lock);
  powerMonitor.on('lock-screen', lock);
  powerMonitor.on('shutdown', lock);
  const timer = setInterval(() => {
    if (powerMonitor.getSystemIdleTime() >= idleLockMinutes() * 60) lock();
  }, IDLE_POLL_MS);
  return () => {
    clearInterval(timer);
    powerMonitor.off('suspend', lock);
    powerMonitor.off('lock-screen', lock);
    powerMonitor.off('shutdown', lock);
  };
}
