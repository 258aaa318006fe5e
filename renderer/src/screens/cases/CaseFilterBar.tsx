import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_SORTS } from '../../../../shared/contract';
import { Checkbox, CodeSelect } from '../../components/form/fields';
import { useCaseListStore } from '../../stores/caseListStore';

const SEARCH_DELAY_MS = 250;
/** Below this width (a 1024-pixel laptop screen) the filters start folded away, so the list keeps its rows. */
const WIDE_ENOUGH = '(min-width: 1200px)';

function followWidth(onChange: () => void): () => void {
  const query = window.matchMedia(WIDE_ENOUGH);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

export function CaseFilterBar() {
  const { t } = useTranslation();
  const { filter, sort, years, setFilter, setSort } = useCaseListStore();
  const [search, setSearch] = useState(filter.search);
  const active = [filter.status, filter.year, filter.nature, filter.intakeRoute].filter((value) => value !== null).length + (filter.openWithoutResponse ? 1 : 0);
  const wide = useSyncExternalStore(followWidth, () => window.matchMedia(WIDE_ENOUGH).matches);
  // Until the adviser opens or closes them, the filters follow the window's width.
  const [chosen, setChosen] = useState<boolean | null>(null);
  const open = chosen ?? (active > 0 || wide);
  const filtersId = useId();

  useEffect(() => {
    if (search === filter.search) return;
    const timer = window.setTimeout(() => void setFilter({ search }), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [search, filter.search, setFilter]);

  return (
    <div className="filter-bar" role="search">
      <div className="field search">
        <label htmlFor="case-search">{t('caseList.search')}</label>
        <input id="case-search" type="search" autoComplete="off" value={search} onChange={(event) => setSearch(event.target.value)} placeholder={t('caseList.searchHint')} />
      </div>
      <button type="button" className="secondary filter-toggle" aria-expanded={open} aria-controls={filtersId} onClick={() => setChosen(!open)}>
        {active ? t('caseList.filtersActive', { count: active }) : t('caseList.filters')}
      </button>
      <div id={filtersId} className="filter-fields" hidden={!open}>
        <CodeSelect list="status" label={t('caseList.status')} value={filter.status} onChange={(status) => void setFilter({ status })} emptyLabel={t('caseList.all')} />
        <div className="field">
          <label htmlFor="case-year">{t('caseList.year')}</label>
          <select id="case-year" value={filter.year ?? ''} onChange={(event) => void setFilter({ year: event.target.value ? Number(event.target.value) : null })}>
            <option value="">{t('caseList.all')}</option>
            {years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </div>
        <CodeSelect list="nature" label={t('caseList.nature')} value={filter.nature} onChange={(nature) => void setFilter({ nature })} emptyLabel={t('caseList.all')} />
        <CodeSelect list="intakeRoute" label={t('caseList.route')} value={filter.intakeRoute} onChange={(intakeRoute) => void setFilter({ intakeRoute })} emptyLabel={t('caseList.all')} />
        <div className="field">
          <label htmlFor="case-sort">{t('caseList.sort')}</label>
          <select id="case-sort" value={sort} onChange={(event) => void setSort(event.target.value as (typeof CASE_SORTS)[number])}>
            {CASE_SORTS.map((option) => (
              <option key={option} value={option}>
                {t(`caseList.sorts.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <Checkbox label={t('caseList.openWithoutResponse')} checked={filter.openWithoutResponse} onChange={(openWithoutResponse) => void setFilter({ openWithoutResponse })} />
      </div>
    </div>
  );
}
