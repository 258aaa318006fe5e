import { useTranslation } from 'react-i18next';
import type { DueFollowUp } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { useCoreQuery } from '../../api/useCoreQuery';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LastBackupStatus } from '../home/LastBackupStatus';
import { formatDate } from '../cases/format';
import { FollowUpItem } from './FollowUpItem';

const readDue = () => invoke('followUps.due', {});

function DueList({ id, title, items, today, reload }: { id: string; title: string; items: DueFollowUp[]; today: string; reload(): Promise<void> }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id} className={`today-group ${id}`}>
      <h2 id={id}>
        {title} <span className="count">({items.length})</span>
      </h2>
      <ul className="follow-ups">
        {items.map((followUp) => (
          <FollowUpItem key={followUp.id} followUp={followUp} today={today} caseLink={{ number: followUp.caseNumber, label: followUp.caseLabel }} onChanged={reload} />
        ))}
      </ul>
    </section>
  );
}

/**
 * Where the adviser lands after an unlock (unless a draft waits): what is overdue, due today and
 * due later this week, each one click from its case and done, moved or removed in one action.
 */
export function TodayScreen() {
  const { t, i18n } = useTranslation();
  const { data, error, reload } = useCoreQuery(readDue);
  return (
    <div className="today">
      <h1>{t('today.title')}</h1>
      <LastBackupStatus />
      <ErrorMessage code={error} />
      {data && (
        <>
          <p className="hint">{t('today.date', { date: formatDate(data.today, i18n.language) })}</p>
          {data.overdue.length + data.dueToday.length + data.laterThisWeek.length === 0 && <p className="empty">{t('today.nothing')}</p>}
          <DueList id="today-overdue" title={t('today.overdue')} items={data.overdue} today={data.today} reload={reload} />
          <DueList id="today-due" title={t('today.dueToday')} items={data.dueToday} today={data.today} reload={reload} />
          <DueList id="today-week" title={t('today.laterThisWeek')} items={data.laterThisWeek} today={data.today} reload={reload} />
        </>
      )}
    </div>
  );
}
