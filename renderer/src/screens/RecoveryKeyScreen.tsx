import { RecoveryKeyNotice } from '../components/RecoveryKeyNotice';
import { useSessionStore } from '../stores/sessionStore';

/** Shown once after creation; the key leaves memory when the adviser confirms it is stored. */
export function RecoveryKeyScreen() {
  const recoveryKey = useSessionStore((state) => state.recoveryKey);
  const confirm = useSessionStore((state) => state.confirmRecoveryKeySaved);
  return (
    <main className="gate">
      <div className="gate-column">{recoveryKey && <RecoveryKeyNotice recoveryKey={recoveryKey} onDone={confirm} continueLabel="recoveryKey.continue" checkTypedBack />}</div>
    </main>
  );
}
