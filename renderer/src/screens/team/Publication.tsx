import { useTranslation } from 'react-i18next';
import type { TeamReport } from '../../../../shared/contract';
import { TeamSectionView } from './TeamSectionView';

/**
 * The annual figures as the team publishes them, or, on request, the exact figures the merging
 * member checks against: those are marked on screen and in print as not for publication.
 */
export function Publication({ report, exact }: { report: TeamReport; exact: boolean }) {
  const { t } = useTranslation();
  const sections = exact ? report.exact : report.published;
  const k = exact ? 1 : report.k;
  return (
    <article className={exact ? 'publication exact' : 'publication'} aria-labelledby="publication-title">
      <h2 id="publication-title">{t(exact ? 'team.exactTitle' : 'team.publicationTitle', { year: report.year })}</h2>
      {exact ? (
        <p className="exact-banner" role="note">
          {t('team.exactWarning')}
        </p>
      ) : (
        <p className="hint">{t('team.suppressionNote', { k: report.k })}</p>
      )}
      {sections.team && <TeamSectionView kind="team" section={sections.team} k={k} headcount={report.headcount} />}
      {!exact && report.units.length > 0 && (
        <section className="report-table" aria-label={t('team.units')}>
          <h3>{t('team.units')}</h3>
          <p className="table-unit">{t('team.unitsUnit')}</p>
          <table>
            <tbody>
              {report.units.map((unit) => (
                <tr key={unit.unit}>
                  <th scope="row">{unit.unit}</th>
                  <td>{unit.reports}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {sections.faculty && <TeamSectionView kind="faculty" section={sections.faculty} k={k} headcount={report.headcount} />}
    </article>
  );
}
