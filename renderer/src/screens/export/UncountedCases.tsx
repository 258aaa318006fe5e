import { useTranslation } from 'react-i18next';
import type { UnansweredCase } from '../../../../shared/contract';
import { leaveTo } from '../../drafts/leaveGuard';
import { formatDateTime } from '../cases/format';

const REASONS = {
  notAsked: { id: 'not-asked-title', title: 'export.notAskedTitle', advice: 'export.notAskedAdvice' },
  incomplete: { id: 'incomplete-title', title: 'export.incompleteTitle', advice: 'export.incompleteAdvice' },
} as const;

/**
 * Why cases of the period are counted nowhere, each a link to its case, so the adviser can settle
 * them before exporting: nobody asked the reporter yet, or the statistics were saved incomplete
 * (complete them, or leave the case out of the statistics on purpose).
 */
export function UncountedCases({ reason, cases }: { reason: keyof typeof REASONS; cases: UnansweredCase[] }) {
  const { t, i18n } = useTranslation();
  if (cases.length === 0) return null;
  const { id, title, advice } = REASONS[reason];
  return (
    <section className="notice-block" aria-labelledby={id}>
      <h3 id={id}>{t(title, { count: cases.length })}</h3>
      <p className="hint">{t(advice)}</p>
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
