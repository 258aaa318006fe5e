import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRecord } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/errors';
import { errorCodeOf } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { hasDraft } from '../../drafts/draftStore';
import { useFollowUpStore } from '../../stores/followUpStore';
import { formatDateTime } from '../cases/format';
import { FollowUpForm } from './FollowUpForm';
import { FollowUpItem } from './FollowUpItem';

/** The case's next steps and deadlines, open first; a new one set on the case as a whole. */
export function CaseFollowUps({ record }: { record: CaseRecord }) {
  const { t, i18n } = useTranslation();
  const { caseId, today, ofCase, load } = useFollowUpStore();
  const [error, setError] = useState<ErrorCode | null>(null);
  // A step half typed at the lock opens in its form again.
  const [adding, setAdding] = useState(() => hasDraft(`followUp:new:${record.id}`));
  const reload = () => load(record.id);

  useEffect(() => {
    setError(null);
    load(record.id).catch((caught: unknown) => setError(errorCodeOf(caught)));
  }, [record.id, load]);

  const heldAt = (conversationId: number | null) => record.conversations.find((conversation) => conversation.id === conversationId)?.heldAt;
  const shown = caseId === record.id ? ofCase : [];
  return (
    <section className="card case-follow-ups" aria-labelledby="follow-ups-title">
      <h2 id="follow-ups-title">{t('followUps.title')}</h2>
      <ErrorMessage code={error} />
      {shown.length === 0 && <p className="hint">{t('followUps.none')}</p>}
      {shown.length > 0 && (
        <ul className="follow-ups">
          {shown.map((followUp) => {
            const at = heldAt(followUp.conversationId);
            return (
              <FollowUpItem
                key={followUp.id}
                followUp={followUp}
                today={today}
                about={at && t('followUps.onConversation', { date: formatDateTime(at, i18n.language) })}
                onChanged={reload}
              />
            );
          })}
        </ul>
      )}
      {adding ? (
        <FollowUpForm caseId={record.id} conversationId={null} title={t('followUps.add')} onSaved={reload} onCancel={() => setAdding(false)} />
      ) : (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setAdding(true)}>
            {t('followUps.add')}
          </button>
        </div>
      )}
    </section>
  );
}
