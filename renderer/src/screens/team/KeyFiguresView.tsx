import { useTranslation } from 'react-i18next';
import type { KeyFigures } from '../../../../shared/contract';
import { shownCount } from './rowLabels';

/** The headline numbers of a section; reports are the unique total, each report counted once. */
export function KeyFiguresView({ figures, k, headcount }: { figures: KeyFigures; k: number; headcount: number | null | undefined }) {
  const { t } = useTranslation();
  const items: [string, string][] = [
    [t('team.key.advisers'), String(figures.advisers)],
    [t('team.key.reports'), shownCount(figures.reports, k)],
    [t('team.key.reporters'), shownCount(figures.reporters, k)],
    [t('team.key.jointReports'), shownCount(figures.jointReports, k)],
    [t('team.key.conversations'), shownCount(figures.conversations, k)],
    [t('team.key.conversationsPerReporter'), figures.conversationsPerReporter === null ? '—' : String(figures.conversationsPerReporter)],
    [t('team.key.boardAdvices'), shownCount(figures.boardAdvices, k)],
  ];
  if (headcount !== undefined) {
    items.push([
      t('team.key.staffShare'),
      headcount === null
        ? t('team.key.staffShareNoHeadcount')
        : figures.staffShare === null
          ? t('team.key.staffShareSuppressed')
          : t('team.key.staffShareValue', { share: figures.staffShare, headcount }),
    ]);
  }
  return (
    <section className="report-table" aria-label={t('team.key.title')}>
      <h3>{t('team.key.title')}</h3>
      <dl className="overview key-figures">
        {items.map(([term, value]) => (
          <div key={term} className="key-figure">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
