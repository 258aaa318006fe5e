import { useTranslation } from 'react-i18next';
import type { UnansweredCase } from '../../../../shared/contract';
import { leaveTo } from '../../drafts/leaveGuard';
import { formatDateTime } from '../cases/format';

/**
 * Cases in the period saved before their statistics were complete: counted nowhere, so the adviser
 * can complete each, or leave it out of the statistics on purpose, before exporting.
 */
export function IncompleteList({ cases }: { cases: UnansweredCase[] }) {
  const { t, i18n } = useTranslation();
  if (cases.length === 0) return null;
  return (
    <section className="notice-block" aria-labelledby="incomplete-title">
      <h3 id="incomplete-title">{t('export.incompleteTitle', { count: cases.length })}</h3>
      <p className="hint">{t('export.incompleteAdvice')}</p>
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
