import { useTranslation } from 'react-i18next';
import type { TeamReport } from '../../../../shared/contract';

/** Per table, how many cells the publication hides without groups, with each group alone, and with all. */
export function GroupingEffectsView({ report }: { report: TeamReport }) {
  const { t } = useTranslation();
  const effects = report.groupingEffects;
  if (effects.length < 2) return null;
  const tables = [...new Set(effects.flatMap((effect) => Object.keys(effect.hidden)))].filter((table) => effects.some((effect) => (effect.hidden[table] ?? 0) > 0));
  const tableTitle = (table: string) => {
    if (table === 'keyFigures') return t('team.key.title');
    if (table === 'mediation') return t('publication.mediationFigures');
    return t(`team.${table}`, { defaultValue: t(`publication.${table}`, { defaultValue: table }) });
  };
  const heading = (grouping: string | null) => (grouping === null ? t('team.groupingEffects.none') : grouping === '*' ? t('team.groupingEffects.all') : grouping);
  return (
    <section className="card no-print report-table" aria-labelledby="grouping-effects-title">
      <h2 id="grouping-effects-title">{t('team.groupingEffects.title', { k: report.k })}</h2>
      <p className="hint">{t('team.groupingEffects.hint')}</p>
      <table className="cross">
        <thead>
          <tr>
            <th scope="col">{t('team.groupingEffects.table')}</th>
            {effects.map((effect) => (
              <th key={effect.grouping ?? 'none'} scope="col">
                {heading(effect.grouping)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tables.map((table) => (
            <tr key={table}>
              <th scope="row">{tableTitle(table)}</th>
              {effects.map((effect) => (
                <td key={effect.grouping ?? 'none'}>{effect.hidden[table] ?? 0}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
