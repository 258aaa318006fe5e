import { useTranslation } from 'react-i18next';
import { leaveTo } from '../../drafts/leaveGuard';
import { useCaseListStore } from '../../stores/caseListStore';
import { formatDate } from './format';
import { SearchSnippet } from './SearchSnippet';

/**
 * Signals are not cases: those a search finds are listed under the cases, each by its date and a
 * snippet of its unit, theme and note, with a way to the outreach screen where signals are kept.
 */
export function SignalHits() {
  const { t, i18n } = useTranslation();
  const hits = useCaseListStore((state) => state.signalHits);
  if (!hits || hits.total === 0) return null;
  return (
    <section className="signal-hits" aria-labelledby="signal-hits-title">
      <h2 id="signal-hits-title">{t('caseList.signalHits.title', { count: hits.total })}</h2>
      <ul>
        {hits.rows.map((hit) => (
          <li key={hit.id} data-signal-id={hit.id}>
            <span className="signal-hit-date">{formatDate(hit.notedOn, i18n.language)}</span>
            <SearchSnippet snippet={hit.snippet} />
          </li>
        ))}
      </ul>
      {hits.total > hits.rows.length && <p className="hint">{t('caseList.signalHits.more', { count: hits.total - hits.rows.length })}</p>}
      <button type="button" className="link" onClick={() => leaveTo({ name: 'outreach' })}>
        {t('caseList.signalHits.open')}
      </button>
    </section>
  );
}
