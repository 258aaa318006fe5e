import { useEffect } from 'react';
import { focusPageHeading } from '../components/keepFocus';
import { RecoveryKeyNotice } from '../components/RecoveryKeyNotice';
import { useSessionStore } from '../stores/sessionStore';

/**
 * Shown once after creation or a recovery; the key leaves memory when the adviser confirms it is
 * stored. The focus starts on its heading, so a keyboard starts here and a screen reader reads it.
 */
export function RecoveryKeyScreen() {
  const recoveryKey = useSessionStore((state) => state.recoveryKey);
  useEffect(focusPageHeading, []);
  const replaced = useSessionStore((state) => state.recoveryKeyReplaced);
  const confirm = useSessionStore((state) => state.confirmRecoveryKeySaved);
  return (
    <main className="gate">
      <div className="gate-column">
        {recoveryKey && <RecoveryKeyNotice recoveryKey={recoveryKey} onDone={confirm} continueLabel="recoveryKey.continue" checkTypedBack replacesUsedKey={replaced} />}
      </div>
    </main>
  );
}
