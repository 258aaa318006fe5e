import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../shared/errors';
import { errorCodeOf } from './api/client';
import { subscribeToVaultEvents } from './api/vaultEvents';
import { ErrorMessage } from './components/ErrorMessage';
import { LanguageSwitch } from './components/LanguageSwitch';
import { ProgressNotice } from './components/ProgressNotice';
import { useIdleLock } from './hooks/useIdleLock';
import { CreateVaultScreen } from './screens/CreateVaultScreen';
import { BackupProposalScreen } from './screens/BackupProposalScreen';
import { MainLayout } from './screens/MainLayout';
import { RecoverScreen } from './screens/RecoverScreen';
import { RecoveryKeyScreen } from './screens/RecoveryKeyScreen';
import { UnlockScreen } from './screens/UnlockScreen';
import { useSessionStore } from './stores/sessionStore';
import { useSettingsStore } from './stores/settingsStore';

function UnlockedApp() {
  const lock = useSessionStore((state) => state.lock);
  const idleLockMinutes = useSettingsStore((state) => state.settings?.idleLockMinutes ?? 10);
  useIdleLock(idleLockMinutes, lock);
  return <MainLayout />;
}

export function App() {
  const { t } = useTranslation();
  const phase = useSessionStore((state) => state.phase);
  const start = useSessionStore((state) => state.start);
  const loadSettings = useSettingsStore((state) => state.load);
  const appDamaged = useSessionStore((state) => state.appDamaged);
  const [startError, setStartError] = useState<ErrorCode | null>(null);

  useEffect(subscribeToVaultEvents, []);

  useEffect(() => {
    loadSettings()
      .then(start)
      .catch((error: unknown) => setStartError(errorCodeOf(error)));
  }, [loadSettings, start]);

  return (
    <div className="app">
      <header className="app-header">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <ErrorMessage code={appDamaged ? 'APP_DAMAGED' : startError} />
      <ProgressNotice />
      {phase === 'create' && <CreateVaultScreen />}
      {phase === 'showRecoveryKey' && <RecoveryKeyScreen />}
      {phase === 'proposeBackup' && <BackupProposalScreen />}
      {phase === 'locked' && <UnlockScreen />}
      {phase === 'recover' && <RecoverScreen />}
      {phase === 'unlocked' && <UnlockedApp />}
    </div>
  );
}
