import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRecord } from '../../../../shared/contract';
import { ConfirmButton } from '../../components/ConfirmButton';
import { hasDraft } from '../../drafts/draftStore';
import { useCaseStore } from '../../stores/caseStore';
import { useFollowUpStore } from '../../stores/followUpStore';
import { FollowUpForm } from '../followUps/FollowUpForm';
import { ConversationForm, newConversation } from './ConversationForm';
import { formatDateTime } from './format';

export function ConversationTimeline({ record }: { record: CaseRecord }) {
  const { t, i18n } = useTranslation();
  const { addConversation, updateConversation, removeConversation } = useCaseStore();
  // A conversation whose edit was kept as a draft at the lock opens in its form again.
  // Sessions are counted with the mediation, never as conversations, here as in the export.
  const sessions = record.conversations.filter((entry) => entry.kind === 'mediation_session').length;
  const conversations = t('conversation.title', { count: record.conversations.length - sessions });
  const [editing, setEditing] = useState<number | null>(() => record.conversations.find((conversation) => hasDraft(`conversation:${conversation.id}`))?.id ?? null);
  // A next step on a conversation is set under it; one half typed at the lock opens there again.
  const [planning, setPlanning] = useState<number | null>(() => record.conversations.find((conversation) => hasDraft(`followUp:new:${record.id}:${conversation.id}`))?.id ?? null);
  const loadFollowUps = useFollowUpStore((state) => state.load);
  return (
    <section aria-labelledby="timeline-title" className="conversations">
      <h2 id="timeline-title">{sessions > 0 ? t('conversation.andSessions', { title: conversations, count: sessions }) : conversations}</h2>
      <ol className="timeline">
        {record.conversations.map((conversation) =>
          editing === conversation.id ? (
            <li key={conversation.id}>
              <ConversationForm
                draftKey={`conversation:${conversation.id}`}
                caseId={record.id}
                title={t('conversation.edit')}
                initial={conversation}
                onSave={async (entry) => {
                  await updateConversation(record.id, conversation.id, entry);
                  setEditing(null);
                }}
                onCancel={() => setEditing(null)}
              />
            </li>
          ) : (
            <li key={conversation.id} className={conversation.kind === 'mediation_session' ? 'timeline-item mediation-session' : 'timeline-item'}>
              <header>
                {conversation.kind === 'mediation_session' && <span className="entry-kind">{t('taxonomy.conversationKind.mediation_session')}</span>}
                <strong>{formatDateTime(conversation.heldAt, i18n.language)}</strong>
                {conversation.mode && <> · {t(`taxonomy.conversationMode.${conversation.mode}`)}</>}
                {conversation.durationMinutes !== null && <> · {t('conversation.minutes', { count: conversation.durationMinutes })}</>}
                {conversation.participants && <> · {conversation.participants}</>}
              </header>
              <p className="notes">{conversation.notes}</p>
              <div className="actions">
                <button type="button" className="secondary" onClick={() => setPlanning(conversation.id)}>
                  {t('followUps.onConversationButton')}
                </button>
                <button type="button" className="secondary" onClick={() => setEditing(conversation.id)}>
                  {t('form.edit')}
                </button>
                <ConfirmButton
                  label={t('form.delete')}
                  question={t('conversation.confirmDelete')}
                  confirmLabel={t('form.confirmDelete')}
                  onConfirm={() => removeConversation(record.id, conversation.id)}
                />
              </div>
              {planning === conversation.id && (
                <FollowUpForm
                  caseId={record.id}
                  conversationId={conversation.id}
                  title={t('followUps.addOnConversation')}
                  onSaved={() => loadFollowUps(record.id)}
                  onCancel={() => setPlanning(null)}
                />
              )}
            </li>
          ),
        )}
      </ol>
      {record.conversations.length === 0 && <p className="hint">{t('conversation.firstHint')}</p>}
      <ConversationForm
        composer
        draftKey={`conversation:new:${record.id}`}
        caseId={record.id}
        title={t('conversation.add')}
        initial={newConversation()}
        onSave={(conversation) => addConversation(record.id, conversation)}
      />
    </section>
  );
}
