import { useTranslation } from 'react-i18next';
import { answerLeave, useLeaveStore, type LeaveAnswer } from './leaveGuard';

/** "Save, discard or stay", asked whenever leaving a form would lose what was typed. */
export function LeaveDialog() {
  const { t } = useTranslation();
  const asking = useLeaveStore((state) => state.asking);
  if (!asking) return null;
  const answer = (choice: LeaveAnswer) => void answerLeave(choice);
  return (
    <div className="modal-backdrop">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="leave-title"
        aria-describedby="leave-question"
        className="modal"
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          // The form behind must not treat this Escape as another request to leave.
          event.stopPropagation();
          answer('stay');
        }}
      >
        <h2 id="leave-title">{t('drafts.leaveTitle')}</h2>
        <p id="leave-question">{t('drafts.leaveQuestion')}</p>
        <div className="actions">
          <button type="button" onClick={() => answer('save')} autoFocus>
            {t('drafts.save')}
          </button>
          <button type="button" className="danger" onClick={() => answer('discard')}>
            {t('drafts.discard')}
          </button>
          <button type="button" className="secondary" onClick={() => answer('stay')}>
            {t('drafts.stay')}
          </button>
        </div>
      </div>
    </div>
  );
}
