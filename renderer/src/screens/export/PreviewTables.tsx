import { useTranslation } from 'react-i18next';
import type { ExportCounts, ExportPreviewTables, PreviewShape, PreviewTable } from '../../../../shared/contract';
import { keyLabel } from '../../../../shared/publication/labels';
import { CountCell, SmallCellThreshold } from '../team/CountCell';
import { FiguresView } from '../team/FiguresView';
import { TeamSectionView } from '../team/TeamSectionView';

/** True when the file would carry no count at all: the adviser is asked before exporting nothing. */
export function isAllZero(counts: ExportCounts): boolean {
  const sum = (value: unknown): number =>
    typeof value === 'number' ? value : value && typeof value === 'object' ? Object.values(value).reduce((total: number, inner) => total + sum(inner), 0) : 0;
  return sum(counts) === 0;
}

/** A count of the file the team report has no table for; rows that are zero are left out, as in the report. */
function FileTableView({ table }: { table: PreviewTable }) {
  const { t } = useTranslation();
  const label = (key: string) => {
    if (table.labels === 'figure') return t(`export.figure.${key}`);
    if (table.labels === 'unit') return key;
    return keyLabel(t, table.labels)(key);
  };
  const title = t(`export.table.${table.name}`);
  const rows = table.rows.filter((row) => row.value !== 0);
  if (rows.length === 0) {
    return (
      <section className="report-table" aria-label={title}>
        <h3>{title}</h3>
        <p className="empty">{t('team.none')}</p>
      </section>
    );
  }
  return <FiguresView title={title} figures={rows.map((row) => ({ label: label(row.key), value: row.value, count: row.count }))} k={1} />;
}

/** Each combination of natures, other party, hierarchy and bystander with its reports: what the team's nature tables are built from. */
function ShapesView({ shapes }: { shapes: PreviewShape[] }) {
  const { t } = useTranslation();
  const title = t('export.table.caseShapes');
  return (
    <section className="report-table" aria-label={title}>
      <h3>{title}</h3>
      <p className="table-unit">{t('export.caseShapesHint')}</p>
      {shapes.length === 0 ? (
        <p className="empty">{t('team.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('export.shape.natures')}</th>
              <th scope="col">{t('export.shape.otherParty')}</th>
              <th scope="col">{t('export.shape.hierarchy')}</th>
              <th scope="col">{t('export.shape.bystander')}</th>
              <th scope="col">{t('team.countOf', { unit: t('team.unit.reports') })}</th>
            </tr>
          </thead>
          <tbody>
            {shapes.map((shape) => (
              <tr key={shape.path}>
                <th scope="row">{shape.natures.map(keyLabel(t, 'nature')).join(' + ')}</th>
                <td>{keyLabel(t, 'otherPartyRelation')(shape.otherParty)}</td>
                <td>{keyLabel(t, 'hierarchy')(shape.hierarchical)}</td>
                <td>{keyLabel(t, 'bystander')(shape.bystander ? 'bystander' : 'not_bystander')}</td>
                <CountCell value={shape.reports} k={1} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * The export as the team's tables, in the adviser's language, then every other count the file
 * carries, each non-zero count below the team's threshold marked: those are the numbers the team
 * will only ever show merged or hidden.
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
        <section className="team-section" aria-label={t('export.moreTitle')}>
          <h2>{t('export.moreTitle')}</h2>
          <p className="hint">{t('export.moreHint')}</p>
          {tables.tables.map((table) => (
            <FileTableView key={table.name} table={table} />
          ))}
          <ShapesView shapes={tables.shapes} />
        </section>
      </SmallCellThreshold.Provider>
    </section>
  );
}
