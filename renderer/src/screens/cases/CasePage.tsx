import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../../shared/errors';
import { functionRecordsMediation } from '../../../../shared/taxonomy';
import { errorCodeOf } from '../../api/client';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useCaseStore } from '../../stores/caseStore';
import { leaveTo } from '../../drafts/leaveGuard';
import { useProfileStore } from '../../stores/profileStore';
import { CaseFollowUps } from '../followUps/CaseFollowUps';
import { ClosedCaseFollowUps } from '../followUps/OpenFollowUpsQuestion';
import { AccessPanel } from '../access/AccessPanel';
import { useHandedOver } from '../handover/useHandedOver';
import { CaseOverview } from './CaseOverview';
import { CloseCasePanel } from './CloseCasePanel';
import { ComparableCases } from './ComparableCases';
import { ConversationTimeline } from './ConversationTimeline';
import { MediationPanel } from './MediationPanel';
import { NeedsAttentionNotice } from './NeedsAttentionNotice';
import { ProcedurePanel } from './ProcedurePanel';

export function CasePage({ id }: { id: number }) {
  const { t } = useTranslation();
  const { record, load, remove } = useCaseStore();
  const profile = useProfileStore((state) => state.profile);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [closing, setClosing] = useState(false);
  const handedOver = useHandedOver(id);

  useEffect(() => {
    setError(null);
    load(id).catch((caught: unknown) => setError(errorCodeOf(caught)));
  }, [id, load]);

  if (error) return <ErrorMessage code={error} />;
  if (!record || record.id !== id) return <p role="status">{t('caseList.loading')}</p>;
  const content = (
    <>
      <ClosedCaseFollowUps caseId={record.id} />
      {closing && record.status === 'open' && <CloseCasePanel record={record} onDone={() => setClosing(false)} />}
      {/* The conversations and the writing area lead; the case's facts and statistics stand beside them, completed when it suits. */}
      <div className="case-layout">
        <div className="case-main">
          <ConversationTimeline record={record} />
        </div>
        <div className="case-side">
          <CaseFollowUps record={record} />
          <CaseOverview record={record} />
          <ProcedurePanel caseId={record.id} />
          {profile && functionRecordsMediation(profile.function) && <MediationPanel record={record} />}
          <ComparableCases />
        </div>
      </div>
      <AccessPanel record={record} />
    </>
  );
  return (
    <article className="case-page" aria-labelledby="case-title">
      <div className="pane-header">
        <h1 id="case-title">
          {t('caseList.caseNumber', { number: record.number })} {record.label}
        </h1>
        <div className="actions">
          <button type="button" className="secondary" onClick={() => leaveTo({ name: 'cases' })}>
            {t('casePage.back')}
          </button>
          {!handedOver && (
            <button type="button" onClick={() => leaveTo({ name: 'editCase', id: record.id })}>
              {t('form.edit')}
            </button>
          )}
          {record.status === 'open' && !closing && !handedOver && (
            <button type="button" onClick={() => setClosing(true)}>
              {t('closeCase.open')}
            </button>
          )}
          {!handedOver && (
            <ConfirmButton
              label={t('casePage.delete')}
              question={t('casePage.confirmDelete')}
              confirmLabel={t('form.confirmDelete')}
              onConfirm={async () => {
                await remove(record.id);
                leaveTo({ name: 'cases' });
              }}
            />
          )}
        </div>
      </div>
      {handedOver && (
        <p id="handed-over-notice" className="notice-block" role="status">
          {t('handover.handedOver')}
        </p>
      )}
      {record.needsAttention && !handedOver && (
        <div className="attention-row">
          <NeedsAttentionNotice />
          <button type="button" className="link" onClick={() => leaveTo({ name: 'editCase', id: record.id })}>
            {t('casePage.completeStatistics')}
          </button>
        </div>
      )}
      {/* A fieldset disabled disables every control in it, whichever panel draws it: the case cannot be changed any more. */}
      {handedOver ? (
        <fieldset className="handed-over-case" disabled aria-describedby="handed-over-notice">
          {content}
        </fieldset>
      ) : (
        content
      )}
    </article>
  );
}
