import { useTranslation } from 'react-i18next';
import type { ExportCounts, ExportPreviewTables } from '../../../../shared/contract';
import { SmallCellThreshold } from '../team/CountCell';
import { TeamSectionView } from '../team/TeamSectionView';

/** True when the file would carry no count at all: the adviser is asked before exporting nothing. */
export function isAllZero(counts: ExportCounts): boolean {
  const sum = (value: unknown): number =>
    typeof value === 'number' ? value : value && typeof value === 'object' ? Object.values(value).reduce((total: number, inner) => total + sum(inner), 0) : 0;
  return sum(counts) === 0;
}

/**
 * The export as the team's tables, in the adviser's language, with each non-zero count below the
 * team's threshold marked: those are the numbers the team will only ever show merged or hidden.
 */
export function PreviewTables({ tables, kind, sealed }: { tables: ExportPreviewTables; kind: 'team' | 'faculty'; sealed: boolean }) {
  const { t } = useTranslation();
  if (!tables.section) return null;
  return (
    <section aria-label={t('export.tablesTitle')}>
      <h3>{t('export.tablesTitle')}</h3>
      {tables.k !== null && (
        <p className="notice" role="note">
          {t(sealed ? 'export.smallCellsSealed' : 'export.smallCellsUnsealed', { k: tables.k })}
        </p>
      )}
      <SmallCellThreshold.Provider value={tables.k}>
        <TeamSectionView kind={kind} section={tables.section} k={1} headcount={undefined} />
      </SmallCellThreshold.Provider>
    </section>
  );
}
