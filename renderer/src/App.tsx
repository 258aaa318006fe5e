import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../shared/errors';
import { errorCodeOf } from './api/client';
import { coreAnswersAgain, useCoreFailure } from './api/coreFailure';
import { saveBeforeLock } from './api/lockHandshake';
import { listenForUnexpectedErrors, useUnexpectedError } from './api/unexpectedErrors';
import { restoreAfterUnlock } from './api/unlockSteps';
import { subscribeToVaultEvents } from './api/vaultEvents';
import { LeaveDialog } from './drafts/LeaveDialog';
import { keepDirtyFormsAsDrafts, restoreDrafts } from './drafts/draftsThroughLock';
import { dirtyForms } from './drafts/openForms';
import { ErrorMessage } from './components/ErrorMessage';
import { LanguageSwitch } from './components/LanguageSwitch';
import { ProgressNotice } from './components/ProgressNotice';
import { ScreenErrorBoundary } from './components/ScreenErrorBoundary';
import { useIdleLock } from './hooks/useIdleLock';
import { CreateVaultScreen } from './screens/CreateVaultScreen';
import { BackupProposalScreen } from './screens/BackupProposalScreen';
import { FunctionBadge, MainLayout } from './screens/MainLayout';
import { RecoverScreen } from './screens/RecoverScreen';
import { RecoveryKeyScreen } from './screens/RecoveryKeyScreen';
import { UnlockScreen } from './screens/UnlockScreen';
import { useSessionStore } from './stores/sessionStore';
import { useSettingsStore } from './stores/settingsStore';

function UnlockedApp() {
  const lock = useSessionStore((state) => state.lock);
  const idleLockMinutes = useSettingsStore((state) => state.settings?.idleLockMinutes ?? 10);
  const lockWhenIdle = useCallback(() => void lock('idle'), [lock]);
  useIdleLock(idleLockMinutes, lockWhenIdle);
  return <MainLayout />;
}

export function App() {
  const { t } = useTranslation();
  const phase = useSessionStore((state) => state.phase);
  const start = useSessionStore((state) => state.start);
  const loadSettings = useSettingsStore((state) => state.load);
  const appDamaged = useSessionStore((state) => state.appDamaged);
  const coreFailure = useCoreFailure((state) => state.code);
  const [startError, setStartError] = useState<ErrorCode | null>(null);

  const unexpected = useUnexpectedError((state) => state.code);

  useEffect(subscribeToVaultEvents, []);
  useEffect(listenForUnexpectedErrors, []);
  useEffect(() => saveBeforeLock(keepDirtyFormsAsDrafts), []);
  useEffect(() => restoreAfterUnlock(restoreDrafts), []);
  useEffect(() => restoreAfterUnlock(coreAnswersAgain), []);
  useEffect(() => {
    // Closing the window with a dirty form is held back; the shell then asks keep, discard or stay.
    const holdBack = (event: BeforeUnloadEvent) => {
      if (dirtyForms().length > 0) event.preventDefault();
    };
    window.addEventListener('beforeunload', holdBack);
    return () => window.removeEventListener('beforeunload', holdBack);
  }, []);

  useEffect(() => {
    loadSettings()
      .then(start)
      .catch((error: unknown) => setStartError(errorCodeOf(error)));
  }, [loadSettings, start]);

  return (
    <div className="app">
      <header className="app-header">
        <span className="brand">{t('app.name')}</span>
        {phase === 'unlocked' && <FunctionBadge />}
        <LanguageSwitch />
      </header>
      <ErrorMessage code={appDamaged ? 'APP_DAMAGED' : (coreFailure ?? startError ?? unexpected)} />
      {coreFailure === 'CORE_STOPPED' && (
        // Main starts a fresh core when the window loads again.
        <button type="button" onClick={() => window.location.reload()}>
          {t('failure.restart')}
        </button>
      )}
      <ProgressNotice />
      {/* A new phase is a new screen: one that broke before does not stay broken. */}
      <ScreenErrorBoundary key={phase}>
        {phase === 'create' && <CreateVaultScreen />}
        {phase === 'showRecoveryKey' && <RecoveryKeyScreen />}
        {phase === 'proposeBackup' && <BackupProposalScreen />}
        {phase === 'locked' && <UnlockScreen />}
        {phase === 'recover' && <RecoverScreen />}
        {phase === 'unlocked' && <UnlockedApp />}
      </ScreenErrorBoundary>
      <LeaveDialog />
    </div>
  );
}
