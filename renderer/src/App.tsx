import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../shared/errors';
import { errorCodeOf } from './api/client';
import { ErrorMessage } from './components/ErrorMessage';
import { LanguageSwitch } from './components/LanguageSwitch';
import { useIdleLock } from './hooks/useIdleLock';
import { useLockWatch } from './hooks/useLockWatch';
import { CreateVaultScreen } from './screens/CreateVaultScreen';
import { MainLayout } from './screens/MainLayout';
import { RecoverScreen } from './screens/RecoverScreen';
import { RecoveryKeyScreen } from './screens/RecoveryKeyScreen';
import { UnlockScreen } from './screens/UnlockScreen';
import { useSessionStore } from './stores/sessionStore';
import { useSettingsStore } from './stores/settingsStore';

function UnlockedApp() {
  const lock = useSessionStore((state) => state.lock);
  const lockedElsewhere = useSessionStore((state) => state.lockedElsewhere);
  const idleLockMinutes = useSettingsStore((state) => state.settings?.idleLockMinutes ?? 10);
  useIdleLock(idleLockMinutes, lock);
  useLockWatch(lockedElsewhere);
  return <MainLayout />;
}

export function App() {
  const { t } = useTranslation();
  const phase = useSessionStore((state) => state.phase);
  const start = useSessionStore((state) => state.start);
  const loadSettings = useSettingsStore((state) => state.load);
  const [startError, setStartError] = useState<ErrorCode | null>(null);

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
      <ErrorMessage code={startError} />
      {phase === 'create' && <CreateVaultScreen />}
      {phase === 'showRecoveryKey' && <RecoveryKeyScreen />}
      {phase === 'locked' && <UnlockScreen />}
      {phase === 'recover' && <RecoverScreen />}
      {phase === 'unlocked' && <UnlockedApp />}
    </div>
  );
}
