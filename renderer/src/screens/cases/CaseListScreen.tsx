import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../../shared/contract';
import { NO_FILTER, useCaseListStore } from '../../stores/caseListStore';
import { leaveTo } from '../../drafts/leaveGuard';
import { LastBackupStatus } from '../home/LastBackupStatus';
import { CaseFilterBar } from './CaseFilterBar';
import { formatDateTime } from './format';
import { SearchSnippet, snippetText } from './SearchSnippet';
import { SignalHits } from './SignalHits';

const ROW_HEIGHT = 64;

/** The list's column headings: drawn above the rows; each row also says all of it to a screen reader. */
function CaseListHeader() {
  const { t } = useTranslation();
  return (
    <div className="case-row case-header" aria-hidden="true">
      <span>{t('caseList.columns.number')}</span>
      <span>{t('caseList.columns.label')}</span>
      <span>{t('caseList.columns.firstContact')}</span>
      <span className="route">{t('caseList.route')}</span>
      <span>{t('caseList.nature')}</span>
      <span>{t('caseList.status')}</span>
      <span>{t('caseList.columns.attention')}</span>
    </div>
  );
}

const CaseRow = memo(function CaseRow({ item }: { item: CaseSummary }) {
  const { t, i18n } = useTranslation();
  const cells = {
    number: t('caseList.caseNumber', { number: item.number }),
    contact: formatDateTime(item.firstContactAt, i18n.language),
    route: item.intakeRoute ? t(`taxonomy.intakeRoute.${item.intakeRoute}`) : '',
    natures: item.natures.map((nature) => t(`taxonomy.nature.${nature}`)).join(', '),
    status: t(`taxonomy.status.${item.status}`),
    flags: [
      item.responseLate && t('caseList.responseLate'),
      item.needsAttention && t('caseList.needsAttention'),
      item.statisticsConsent === 'not_asked' && t('caseList.statisticsNotAsked'),
    ].filter((flag): flag is string => Boolean(flag)),
  };
  // Cut cells show their whole text on hover, and the button's name holds every cell in full.
  const found = item.snippet && t('caseList.snippet', { text: snippetText(item.snippet) });
  const fullText = [cells.number, item.label, cells.contact, cells.route, cells.natures, cells.status, ...cells.flags, found].filter(Boolean).join(', ');
  return (
    <button type="button" className={item.snippet ? 'case-row with-snippet' : 'case-row'} onClick={() => leaveTo({ name: 'case', id: item.id })} data-case-id={item.id} aria-label={fullText} title={fullText}>
      <span className="case-number">{cells.number}</span>
      <span className="case-label">{item.label}</span>
      <span>{cells.contact}</span>
      <span className="route">{cells.route}</span>
      <span className="natures">{cells.natures}</span>
      <span className={`status status-${item.status}`}>{cells.status}</span>
      <span className="flags">
        {item.responseLate && <span className="flag-late">{t('caseList.responseLate')}</span>}
        {item.needsAttention && <span className="flag-attention">{t('caseList.needsAttention')}</span>}
        {item.statisticsConsent === 'not_asked' && <span className="flag-statistics">{t('caseList.statisticsNotAsked')}</span>}
      </span>
      {item.snippet && <SearchSnippet snippet={item.snippet} />}
    </button>
  );
});

/** The first screen of a new vault: what to do first, not only "no cases found". */
function FirstSteps() {
  const { t } = useTranslation();
  return (
    <section className="card first-steps" aria-labelledby="first-steps-title">
      <h2 id="first-steps-title">{t('caseList.firstSteps.title')}</h2>
      <ol>
        <li>
          {t('caseList.firstSteps.case')}{' '}
          <button type="button" className="link" onClick={() => leaveTo({ name: 'newCase' })}>
            {t('caseList.firstSteps.newCase')}
          </button>
        </li>
        <li>
          {t('caseList.firstSteps.backup')}{' '}
          <button type="button" className="link" onClick={() => leaveTo({ name: 'settings' })}>
            {t('caseList.firstSteps.toSettings')}
          </button>
        </li>
        <li>
          {t('caseList.firstSteps.team')}{' '}
          <button type="button" className="link" onClick={() => leaveTo({ name: 'settings' })}>
            {t('caseList.firstSteps.toSettings')}
          </button>
        </li>
      </ol>
    </section>
  );
}

/** Virtualised: only the rows in view exist in the page, and only their pages are fetched. */
export function CaseListScreen() {
  const { t } = useTranslation();
  const { total, pages, reload, ensureRows, rowAt, filter } = useCaseListStore();
  const filtered = JSON.stringify(filter) !== JSON.stringify(NO_FILTER);
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
        <div className="actions">
          <button type="button" onClick={() => leaveTo({ name: 'capture' })}>
            {t('caseList.capture')}
          </button>
          <button type="button" className="secondary" onClick={() => leaveTo({ name: 'newCase' })}>
            {t('caseList.new')}
          </button>
        </div>
      </div>
      <LastBackupStatus />
      <CaseFilterBar />
      <p className="count" role="status">
        {total === null ? t('caseList.loading') : t('caseList.count', { count: total })}
      </p>
      {total === 0 && (filtered ? <p className="empty">{t('caseList.empty')}</p> : <FirstSteps />)}
      {total !== 0 && <CaseListHeader />}
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
      <SignalHits />
    </section>
  );
}
