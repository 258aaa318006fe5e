import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isLegalFollowUp, type FollowUp } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/errors';
import { errorCodeOf, invoke } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/form/fields';
import { leaveTo } from '../../drafts/leaveGuard';
import { formatDate } from '../cases/format';

/** What a follow-up is about: the adviser's words, or for a legal deadline its name. */
export function FollowUpTitle({ followUp }: { followUp: FollowUp }) {
  const { t } = useTranslation();
  return <span className="follow-up-title">{isLegalFollowUp(followUp.kind) ? t(`followUps.kind.${followUp.kind}`) : followUp.text}</span>;
}

/**
 * One follow-up with what can be done to it, each in one action: done (a legal deadline with the
 * date it was done), moved to another day, or removed (the adviser's own steps only). `today` is
 * the core's date, so overdue and done follow the vault's clock, not the window's.
 */
export function FollowUpItem({
  followUp,
  today,
  caseLink,
  about,
  onChanged,
}: {
  followUp: FollowUp;
  today: string;
  /** Shown on Today: the case it belongs to, one click away. */
  caseLink?: { number: string; label: string };
  /** Where on the case it was set, e.g. the conversation it follows. */
  about?: string | undefined;
  onChanged(): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const legal = isLegalFollowUp(followUp.kind);
  const [movedTo, setMovedTo] = useState('');
  const [doneOn, setDoneOn] = useState(today);
  const [error, setError] = useState<ErrorCode | null>(null);
  const titleId = useId();
  const overdue = followUp.doneOn === null && followUp.dueDate < today;

  const act = (action: () => Promise<unknown>) => async (event?: FormEvent) => {
    event?.preventDefault();
    setError(null);
    try {
      await action();
      await onChanged();
    } catch (caught) {
      setError(errorCodeOf(caught));
    }
  };
  const complete = act(() => invoke('followUps.complete', { id: followUp.id, doneOn: legal ? doneOn : today }));
  const move = act(() => invoke('followUps.move', { id: followUp.id, dueDate: movedTo, dueTime: followUp.dueTime }));
  const remove = act(() => invoke('followUps.remove', { id: followUp.id }));

  return (
    <li className={overdue ? 'follow-up overdue' : 'follow-up'} aria-labelledby={titleId}>
      <div className="follow-up-what" id={titleId}>
        {overdue && <span className="flag-overdue">{t('followUps.overdue')}</span>}
        <strong className="follow-up-when">
          {formatDate(followUp.dueDate, i18n.language)}
          {followUp.dueTime && ` ${followUp.dueTime}`}
        </strong>{' '}
        <FollowUpTitle followUp={followUp} />
      </div>
      {about && <p className="hint follow-up-about">{about}</p>}
      {legal && <p className="hint follow-up-basis">{t(`followUps.basis.${followUp.kind}`)}</p>}
      {caseLink && (
        <button type="button" className="link follow-up-case" onClick={() => leaveTo({ name: 'case', id: followUp.caseId })}>
          {t('caseList.caseNumber', { number: caseLink.number })} {caseLink.label}
        </button>
      )}
      {followUp.doneOn !== null ? (
        <p className="follow-up-done">{t('followUps.doneOn', { date: formatDate(followUp.doneOn, i18n.language) })}</p>
      ) : (
        <div className="actions follow-up-actions">
          {legal ? (
            <form className="inline-action" onSubmit={(event) => void complete(event)} aria-label={t('followUps.completeLegal')}>
              <TextField label={t('followUps.doneOnLabel')} type="date" value={doneOn} onChange={setDoneOn} />
              <button type="submit" disabled={!/^\d{4}-\d{2}-\d{2}$/.test(doneOn)} aria-describedby={titleId}>
                {t('followUps.completeLegal')}
              </button>
            </form>
          ) : (
            <button type="button" onClick={() => void complete()} aria-describedby={titleId}>
              {t('followUps.done')}
            </button>
          )}
          {!legal && (
            <form className="inline-action" onSubmit={(event) => void move(event)} aria-label={t('followUps.move')}>
              <TextField label={t('followUps.moveTo')} type="date" value={movedTo} onChange={setMovedTo} />
              <button type="submit" className="secondary" disabled={!/^\d{4}-\d{2}-\d{2}$/.test(movedTo)} aria-describedby={titleId}>
                {t('followUps.move')}
              </button>
            </form>
          )}
          {!legal && (
            <button type="button" className="secondary" onClick={() => void remove()} aria-describedby={titleId}>
              {t('followUps.remove')}
            </button>
          )}
        </div>
      )}
      <ErrorMessage code={error} />
    </li>
  );
}
