import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../shared/errors';
import { errorCodeOf, invoke } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { focusPageHeading } from '../components/keepFocus';
import { useSessionStore } from '../stores/sessionStore';
import { useSettingsStore } from '../stores/settingsStore';

/**
 * Once, after a new vault: a backup folder and automatic backups on every lock. Either answer
 * (set up or skipped) is remembered in the settings, so it is not asked again. The focus starts on
 * its heading.
 */
export function BackupProposalScreen() {
  const { t } = useTranslation();
  const settings = useSettingsStore((state) => state.settings);
  const replace = useSettingsStore((state) => state.replace);
  const update = useSettingsStore((state) => state.update);
  const answered = useSessionStore((state) => state.backupProposalAnswered);
  const [automatic, setAutomatic] = useState(true);
  const [error, setError] = useState<ErrorCode | null>(null);
  useEffect(focusPageHeading, []);

  async function run(action: () => Promise<void>) {
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(errorCodeOf(caught));
    }
  }

  const chooseFolder = () => run(async () => replace(await invoke('backup.chooseFolder', {})));
  const finish = (setUp: boolean) =>
    run(async () => {
      await update(setUp ? { autoBackupOnLock: automatic, backupProposalAnswered: true } : { backupProposalAnswered: true });
      answered();
    });

  const folder = settings?.backupFolder ?? null;
  return (
    <main className="gate">
      <section className="card gate-column" aria-labelledby="backup-proposal-title">
        <h1 id="backup-proposal-title">{t('backupProposal.title')}</h1>
        <p>{t('backupProposal.intro')}</p>
        <p className="hint">{folder ? t('backupProposal.folder', { folder }) : t('backupProposal.noFolder')}</p>
        <button type="button" className="secondary" onClick={() => void chooseFolder()}>
          {t('backupProposal.choose')}
        </button>
        <label className="checkbox">
          <input type="checkbox" checked={automatic} onChange={(event) => setAutomatic(event.target.checked)} />
          {t('backupProposal.automatic')}
        </label>
        <ErrorMessage code={error === 'CANCELLED' ? null : error} />
        <div className="actions">
          <button type="button" disabled={!folder} onClick={() => void finish(true)}>
            {t('backupProposal.confirm')}
          </button>
          <button type="button" className="link" onClick={() => void finish(false)}>
            {t('backupProposal.skip')}
          </button>
        </div>
      </section>
    </main>
  );
}
