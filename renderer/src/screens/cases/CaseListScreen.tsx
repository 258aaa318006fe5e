import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../../shared/contract';
import { useCaseListStore } from '../../stores/caseListStore';
import { useNavigationStore } from '../../stores/navigationStore';
import { LastBackupStatus } from '../home/LastBackupStatus';
import { CaseFilterBar } from './CaseFilterBar';
import { formatDateTime } from './format';

const ROW_HEIGHT = 64;

const CaseRow = memo(function CaseRow({ item }: { item: CaseSummary }) {
  const { t, i18n } = useTranslation();
  const go = useNavigationStore((state) => state.go);
  return (
    <button type="button" className="case-row" onClick={() => go({ name: 'case', id: item.id })} data-case-id={item.id}>
      <span className="case-number">{t('caseList.caseNumber', { number: item.number })}</span>
      <span className="case-label">{item.label}</span>
      <span>{formatDateTime(item.firstContactAt, i18n.language)}</span>
      <span>{t(`taxonomy.intakeRoute.${item.intakeRoute}`)}</span>
      <span className="natures">{item.natures.map((nature) => t(`taxonomy.nature.${nature}`)).join(', ')}</span>
      <span className={`status status-${item.status}`}>{t(`taxonomy.status.${item.status}`)}</span>
      <span className="flags">
        {item.responseLate && <span className="flag-late">{t('caseList.responseLate')}</span>}
        {item.needsAttention && <span className="flag-attention">{t('caseList.needsAttention')}</span>}
        {item.statisticsConsent === 'not_asked' && <span className="flag-statistics">{t('caseList.statisticsNotAsked')}</span>}
      </span>
    </button>
  );
});

/** Virtualised: only the rows in view exist in the page, and only their pages are fetched. */
export function CaseListScreen() {
  const { t } = useTranslation();
  const { total, pages, reload, ensureRows, rowAt } = useCaseListStore();
  const go = useNavigationStore((state) => state.go);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(() => {
    if (total) void ensureRows(first, last);
  }, [first, last, total, ensureRows]);

  return (
    <section className="case-list" aria-labelledby="case-list-title">
      <div className="pane-header">
        <h1 id="case-list-title">{t('caseList.title')}</h1>
        <button type="button" onClick={() => go({ name: 'newCase' })}>
          {t('caseList.new')}
        </button>
      </div>
      <LastBackupStatus />
      <CaseFilterBar />
      <p className="count" role="status">
        {total === null ? t('caseList.loading') : t('caseList.count', { count: total })}
      </p>
      {total === 0 && <p className="empty">{t('caseList.empty')}</p>}
      <div ref={scroller} className="case-scroller" data-testid="case-scroller" data-pages={Object.keys(pages).length}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="list" aria-label={t('caseList.title')}>
          {items.map((virtual) => {
            const item = rowAt(virtual.index);
            return (
              <div
                key={virtual.key}
                role="listitem"
                className="case-row-slot"
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: virtual.size, transform: `translateY(${virtual.start}px)` }}
              >
                {item ? <CaseRow item={item} /> : <span className="case-row placeholder">…</span>}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
