import { useTranslation } from 'react-i18next';
import type { UnansweredCase } from '../../../../shared/contract';
import { leaveTo } from '../../drafts/leaveGuard';
import { formatDateTime } from '../cases/format';

/** Cases left out only because nobody asked yet: the adviser can settle each before exporting. */
export function NotAskedYetList({ cases }: { cases: UnansweredCase[] }) {
  const { t, i18n } = useTranslation();
  if (cases.length === 0) return null;
  return (
    <section className="notice-block" aria-labelledby="not-asked-title">
      <h3 id="not-asked-title">{t('export.notAskedTitle', { count: cases.length })}</h3>
      <p className="hint">{t('export.notAskedAdvice')}</p>
      <ul className="not-asked">
        {cases.map((item) => (
          <li key={item.id}>
            <button type="button" className="link" onClick={() => leaveTo({ name: 'case', id: item.id })}>
              {t('caseList.caseNumber', { number: item.number })} {item.label}
            </button>{' '}
            — {formatDateTime(item.firstContactAt, i18n.language)}
          </li>
        ))}
      </ul>
    </section>
  );
}
