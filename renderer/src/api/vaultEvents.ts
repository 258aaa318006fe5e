import type { VaultEvent } from '../../../shared/events';
import { useProgressStore } from '../stores/progressStore';
import { useSessionStore } from '../stores/sessionStore';
import { coreFailed } from './coreFailure';
import { answerLocking } from './lockHandshake';

/** Where each event from the core lands in the window. */
function handle(event: VaultEvent): void {
  const session = useSessionStore.getState();
  switch (event.type) {
    case 'locking':
      void answerLocking(event.deadlineMs);
      return;
    case 'locked':
      session.lockedElsewhere(event.reason);
      useProgressStore.setState({ current: null });
      return;
    case 'progress':
      useProgressStore.getState().report(event);
      return;
    case 'damage':
      session.damaged(event.code);
      return;
    case 'autoBackupFailed':
      useSessionStore.setState({ autoBackupFailed: true });
      return;
    case 'coreFailed':
      coreFailed(event.code);
      return;
  }
}

/** Listens to the core for the window's lifetime; the window never polls the vault's status. */
export function subscribeToVaultEvents(): () => void {
  return window.vault.onEvent(handle);
}
