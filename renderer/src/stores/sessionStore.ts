import { create } from 'zustand';
import type { LockReason } from '../../../shared/events';
import type { VaultFunction } from '../../../shared/taxonomy';
import { invoke } from '../api/client';
import { causeOf, lockedBecause, type LockedBecause } from '../api/lockCause';
import { runAfterUnlockSteps } from '../api/unlockSteps';
import { useSettingsStore } from './settingsStore';
import { resetAllStores } from './resettable';

/**
 * Which screen the adviser is on. Not resettable itself: locking moves it to 'locked' after
 * every data store has been cleared.
 */
export type Phase = 'starting' | 'create' | 'locked' | 'recover' | 'showRecoveryKey' | 'proposeBackup' | 'unlocked';

interface SessionState {
  phase: Phase;
  /** Held only between creation (or a recovery) and the adviser's confirmation that the key is stored. */
  recoveryKey: string | null;
  /** The key shown replaces the one just used to recover: that key and its sheet no longer open the vault. */
  recoveryKeyReplaced: boolean;
  /** The vault turned out damaged: the unlock screen offers a restore. */
  corrupt: boolean;
  /** The app's own files do not load: only a reinstall helps. */
  appDamaged: boolean;
  /** The automatic backup at the last lock failed (copying it, or its check at the unlock); the unlock and home screens say so. */
  autoBackupFailed: boolean;
  /** Why the vault last locked while the window was open, and whether typed work was kept; the unlock screen says so. */
  lockedBecause: LockedBecause | null;
  start(): Promise<void>;
  create(passphrase: string, fn: VaultFunction, external: boolean): Promise<void>;
  confirmRecoveryKeySaved(): void;
  /** The first-run backup proposal was answered (set up or skipped). */
  backupProposalAnswered(): void;
  unlock(passphrase: string): Promise<void>;
  recover(recoveryKey: string, newPassphrase: string): Promise<void>;
  showRecover(show: boolean): void;
  /** Asks the core to lock; the window hears "locking" and "locked" like any other lock. `idle`: the window's own idle timer. */
  lock(cause?: 'adviser' | 'idle'): Promise<void>;
  lockedElsewhere(reason: LockReason | 'internal'): void;
  damaged(code: 'CORRUPT_VAULT' | 'APP_DAMAGED'): void;
}

/** Until the adviser has answered it once, the backup proposal comes before the vault's screens. */
const openedPhase = (): Phase => (useSettingsStore.getState().settings?.backupProposalAnswered === false ? 'proposeBackup' : 'unlocked');

export const useSessionStore = create<SessionState>()((set, get) => ({
  phase: 'starting',
  recoveryKey: null,
  recoveryKeyReplaced: false,
  corrupt: false,
  appDamaged: false,
  autoBackupFailed: false,
  lockedBecause: null,
  async start() {
    const status = await invoke('vault.status', {});
    set({ phase: !status.exists ? 'create' : status.unlocked ? 'unlocked' : 'locked' });
  },
  async create(passphrase, fn, external) {
    const { recoveryKey } = await invoke('vault.create', { passphrase, function: fn, external });
    set({ phase: 'showRecoveryKey', recoveryKey, recoveryKeyReplaced: false });
  },
  confirmRecoveryKeySaved() {
    set({ phase: openedPhase(), recoveryKey: null });
  },
  backupProposalAnswered() {
    set({ phase: 'unlocked' });
  },
  async unlock(passphrase) {
    // The unlock itself may report that the copy made at the last lock failed its check: heard while it runs, kept after.
    set({ autoBackupFailed: false });
    await invoke('vault.unlock', { passphrase });
    await runAfterUnlockSteps();
    set({ phase: openedPhase(), corrupt: false });
  },
  async recover(recoveryKey, newPassphrase) {
    const renewed = await invoke('vault.recover', { recoveryKey, newPassphrase });
    await runAfterUnlockSteps();
    set({ phase: 'showRecoveryKey', recoveryKey: renewed.recoveryKey, recoveryKeyReplaced: true });
  },
  showRecover(show) {
    set({ phase: show ? 'recover' : 'locked' });
  },
  async lock(cause = 'adviser') {
    // The core hears every window lock as "renderer": the window itself knows whether the adviser or its idle timer asked.
    const because = lockedBecause(cause);
    await invoke('vault.lock', {});
    resetAllStores();
    set({ phase: 'locked', recoveryKey: null, lockedBecause: because });
  },
  lockedElsewhere(reason) {
    if (get().phase !== 'unlocked' && get().phase !== 'showRecoveryKey' && get().phase !== 'proposeBackup') return;
    const because = lockedBecause(causeOf(reason));
    resetAllStores();
    set({ phase: 'locked', recoveryKey: null, lockedBecause: because });
  },
  damaged(code) {
    if (code === 'APP_DAMAGED') {
      set({ appDamaged: true });
      return;
    }
    resetAllStores();
    set({ phase: 'locked', recoveryKey: null, corrupt: true });
  },
}));
