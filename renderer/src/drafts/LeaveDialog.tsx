import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { keepFocusNear } from '../components/keepFocus';
import { answerLeave, useLeaveStore, type LeaveAnswer } from './leaveGuard';

/**
 * "Save, discard or stay", asked whenever leaving a form would lose what was typed. A modal
 * <dialog>: while it is open the page behind is inert and Tab goes round its three answers;
 * Escape is "stay". When it closes the focus goes back to what was focused before it opened, or
 * near it when the answer removed that (a closed edit, another screen).
 */
export function LeaveDialog() {
  const asking = useLeaveStore((state) => state.asking);
  if (!asking) return null;
  return <LeaveQuestion />;
}

/**
 * The page behind is inert, but past the last answer Chromium hands the focus to the window
 * itself, out of the page; Tab goes round the answers instead.
 */
function wrapTab(event: KeyboardEvent<HTMLDialogElement>): void {
  const answers = [...event.currentTarget.querySelectorAll('button')];
  const [first, last] = [answers[0], answers.at(-1)];
  const to = event.shiftKey ? (document.activeElement === first ? last : null) : document.activeElement === last ? first : null;
  if (!to) return;
  event.preventDefault();
  to.focus();
}

function LeaveQuestion() {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const save = useRef<HTMLButtonElement>(null);

  useLayoutEffect(() => {
    const opener = document.activeElement;
    const refocus = keepFocusNear(opener);
    const element = dialog.current;
    // Opened after the event that asked: an Escape that left a form would otherwise, as its default
    // action, close the question it has just opened.
    const opening = setTimeout(() => {
      element?.showModal();
      save.current?.focus();
    });
    return () => {
      clearTimeout(opening);
      // Closed before the focus moves: nothing behind a modal dialog can take it.
      element?.close();
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
        if (event.key === 'Tab') {
          wrapTab(event);
          return;
        }
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
