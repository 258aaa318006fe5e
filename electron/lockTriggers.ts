import type { PowerMonitor } from 'electron';
import type { LockReason } from '../shared/events';

/** How often the system idle time is compared with the adviser's setting. */
export const IDLE_POLL_MS = 15_000;

/**
 * Locks on suspend, on screen lock, at shutdown and after the system has been idle for the set
 * minutes. The renderer runs its own idle timer too; this one still fires if the renderer hangs.
 */
export function installLockTriggers(powerMonitor: PowerMonitor, lock: (reason: LockReason) => void, idleLockMinutes: () => number): () => void {
  const onSuspend = () => lock('suspend');
  const onScreenLock = () => lock('screenLock');
  const onShutdown = () => lock('shutdown');
  powerMonitor.on('suspend', onSuspend);
  powerMonitor.on('lock-screen', onScreenLock);
  powerMonitor.on('shutdown', onShutdown);
  const timer = setInterval(() => {
    if (powerMonitor.getSystemIdleTime() >= idleLockMinutes() * 60) lock('idle');
  }, IDLE_POLL_MS);
  return () => {
    clearInterval(timer);
    powerMonitor.off('suspend', onSuspend);
    powerMonitor.off('lock-screen', onScreenLock);
    powerMonitor.off('shutdown', onShutdown);
  };
}
