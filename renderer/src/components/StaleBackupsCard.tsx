import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api/client';
import { useCoreQuery } from '../api/useCoreQuery';
import { useAttempt } from '../hooks/useAttempt';
import { ConfirmButton } from './ConfirmButton';
import { ErrorMessage } from './ErrorMessage';

/** What made the backups stale: each says it in its own words. */
const TEXTS = {
  destruction: { title: 'retention.staleTitle', count: 'retention.staleBackups' },
  erasure: { title: 'access.erase.staleTitle', count: 'access.erase.staleBackups' },
  handover: { title: 'handover.staleTitle', count: 'handover.staleBackups' },
} as const;

const readStale = async () => (await invoke('retention.staleBackups', {})).count;

/**
 * The step after anything that destroys (retention, an erasure, a handover's confirmation): the
 * backups that still hold what was destroyed, offered for deletion, since a backup cannot be
 * rewritten. `after` is what it follows: each new value reads the backups again. Nothing shows
 * while none is stale, except the outcome of a deletion just done.
 */
export function StaleBackupsCard({ reason, heading: Heading, after }: { reason: keyof typeof TEXTS; heading: 'h2' | 'h4'; after: unknown }) {
  const { t } = useTranslation();
  const titleId = useId();
  const stale = useCoreQuery(readStale, after);
  const { status, error, attempt } = useAttempt();
  const count = stale.data ?? 0;

  const deleteStale = () =>
    attempt(async () => {
      const { deleted } = await invoke('retention.deleteStaleBackups', {});
      await stale.reload();
      return t('retention.backupsDeleted', { count: deleted });
    });

  return (
    <>
      {count > 0 && (
        <section className="card" aria-labelledby={titleId}>
          <Heading id={titleId}>{t(TEXTS[reason].title)}</Heading>
          <p>{t(TEXTS[reason].count, { count })}</p>
          <ConfirmButton
            label={t('retention.deleteBackups', { count })}
            question={t('retention.confirmDeleteBackups', { count })}
            confirmLabel={t('form.confirmDelete')}
            onConfirm={deleteStale}
          />
        </section>
      )}
      <ErrorMessage code={error ?? stale.error} />
      {status && <p role="status">{status}</p>}
    </>
  );
}
