import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { keepFocusNear } from '../components/keepFocus';
import { answerLeave, useLeaveStore, type LeaveAnswer } from './leaveGuard';

/**
 * "Save, discard or stay", asked whenever leaving a form would lose what was typed. A modal
 * <dialog>: while it is open the page behind is inert, so Tab stays among its three answers;
 * Escape is "stay". When it closes the focus goes back to what was focused before it opened, or
 * near it when the answer removed that (a closed edit, another screen).
 */
export function LeaveDialog() {
  const asking = useLeaveStore((state) => state.asking);
  if (!asking) return null;
  return <LeaveQuestion />;
}

function LeaveQuestion() {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const save = useRef<HTMLButtonElement>(null);

  useLayoutEffect(() => {
    const opener = document.activeElement;
    const refocus = keepFocusNear(opener);
    dialog.current?.showModal();
    save.current?.focus();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
      else requestAnimationFrame(refocus);
    };
  }, []);

  const answer = (choice: LeaveAnswer) => void answerLeave(choice);
  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      aria-labelledby="leave-title"
      aria-describedby="leave-question"
      className="modal"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        // The form behind must not treat this Escape as another request to leave.
        event.stopPropagation();
        event.preventDefault();
        answer('stay');
      }}
      onCancel={(event) => {
        // Any other request to close: the dialog stays in the page until the answer removes it.
        event.preventDefault();
        answer('stay');
      }}
    >
      <h2 id="leave-title">{t('drafts.leaveTitle')}</h2>
      <p id="leave-question">{t('drafts.leaveQuestion')}</p>
      <div className="actions">
        <button ref={save} type="button" onClick={() => answer('save')}>
          {t('drafts.save')}
        </button>
        <button type="button" className="danger" onClick={() => answer('discard')}>
          {t('drafts.discard')}
        </button>
        <button type="button" className="secondary" onClick={() => answer('stay')}>
          {t('drafts.stay')}
        </button>
      </div>
    </dialog>
  );
}
