import { useTranslation } from 'react-i18next';
import { useCaseStore } from '../../stores/caseStore';
import { leaveTo } from '../../drafts/leaveGuard';
import { formatDate } from './format';

/** How comparable earlier cases were handled, so comparable cases are handled alike. */
export function ComparableCases() {
  const { t, i18n } = useTranslation();
  const comparable = useCaseStore((state) => state.comparable);
  return (
    <section aria-labelledby="comparable-title" className="card">
      <h2 id="comparable-title">{t('casePage.comparable')}</h2>
      {comparable.length === 0 ? (
        <p className="empty">{t('casePage.noComparable')}</p>
      ) : (
        <ul className="comparable">
          {comparable.map((item) => (
            <li key={item.id}>
              <button type="button" className="link" onClick={() => leaveTo({ name: 'case', id: item.id })}>
                {t('caseList.caseNumber', { number: item.number })} {item.label}
              </button>{' '}
              · {formatDate(item.firstContactAt.slice(0, 10), i18n.language)} · {item.handlings.map((h) => t(`taxonomy.handling.${h}`)).join(', ') || t('form.notRecorded')}
              {item.outcome && ` · ${t(`taxonomy.outcome.${item.outcome}`)}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
