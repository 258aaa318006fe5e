import { useTranslation } from 'react-i18next';
import type { KeyFigures, Language, Published } from '../../../../shared/contract';
import type { ReactNode } from 'react';
import { decimalText } from '../../../../shared/publication/shown';
import { CountText } from './CountCell';

/** The headline numbers of a section; reports are the unique total, each report counted once. */
export function KeyFiguresView({ figures, k, headcount }: { figures: KeyFigures; k: number; headcount: number | null | undefined }) {
  const { t, i18n } = useTranslation();
  const count = (value: Published) => <CountText value={value} k={k} />;
  const decimal = (value: number) => decimalText(value, i18n.language as Language);
  const items: [string, ReactNode][] = [
    [t('team.key.advisers'), String(figures.advisers)],
    [t('team.key.reports'), count(figures.reports)],
    ...(figures.recordedReports === null ? [] : [[t('team.key.recordedReports'), count(figures.recordedReports)] as [string, ReactNode]]),
    [t('team.key.reporters'), count(figures.reporters)],
    [t('team.key.jointReports'), count(figures.jointReports)],
    [t('team.key.openAtStart'), count(figures.openAtStart)],
    [t('team.key.conversations'), count(figures.conversations)],
    [t('team.key.conversationsOnReports'), count(figures.conversationsOnReports)],
    [t('team.key.conversationsPerReporter'), figures.conversationsPerReporter === null ? '—' : decimal(figures.conversationsPerReporter)],
    [t('team.key.boardAdvices'), count(figures.boardAdvices)],
    [t('team.key.boardAdviceReports'), count(figures.boardAdviceReports)],
    [t('team.key.procedureReports'), count(figures.procedureReports)],
    [t('team.key.procedureBothMet'), count(figures.procedureBothMet)],
    [t('team.key.procedurePending'), count(figures.procedurePending)],
  ];
  if (headcount !== undefined) {
    items.push([
      t('team.key.staffShare'),
      headcount === null
        ? t('team.key.staffShareNoHeadcount')
        : figures.staffShare === null
          ? t('team.key.staffShareSuppressed')
          : t('team.key.staffShareValue', { share: decimal(figures.staffShare), headcount }),
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
