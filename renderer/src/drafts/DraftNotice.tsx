import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../screens/cases/format';
import { localMinute } from '../../../shared/time';
import { takeUndo, useDiscardUndo, type UndoOffer } from './discardUndo';

/**
 * Tells the adviser that the form holds what they were typing before a lock or a crash, and lets
 * them throw it away: no question first, but an offer to undo it for a few seconds, in the same place.
 */
export function DraftNotice({ restoredAt, onThrowAway }: { restoredAt: string | null; onThrowAway(): void }) {
  const { t, i18n } = useTranslation();
  const offer = useDiscardUndo((state) => state.offer);
  if (offer?.discard === onThrowAway) return <UndoNotice offer={offer} />;
  if (!restoredAt) return null;
  return (
    <div role="status" className="notice draft-notice">
      <p>{t('drafts.restored', { when: formatDateTime(localMinute(new Date(restoredAt)), i18n.language) })}</p>
      <button type="button" className="secondary" onClick={onThrowAway}>
        {t('drafts.throwAway')}
      </button>
    </div>
  );
}

const FIELDS = 'input, textarea, select';

function UndoNotice({ offer }: { offer: UndoOffer }) {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const undo = button.current;
    // The button that threw the draft away is gone: the focus goes to the offer, and when the
    // offer ends without being taken, to the form's first field instead of the page.
    const form = undo?.closest('form, section');
    undo?.focus();
    return () => {
      if (document.activeElement === document.body || document.activeElement === undo) form?.querySelector<HTMLElement>(FIELDS)?.focus();
    };
  }, []);
  return (
    <div role="status" className="notice draft-notice">
      <p>{t('drafts.thrownAway')}</p>
      <button ref={button} type="button" className="secondary" onClick={() => takeUndo(offer)}>
        {t('drafts.undo')}
      </button>
    </div>
  );
}
