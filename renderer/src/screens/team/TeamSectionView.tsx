import { useTranslation } from 'react-i18next';
import type { ReportSection } from '../../../../shared/contract';
import { KeyFiguresView } from './KeyFiguresView';
import { ReferralFlowsView } from './ReferralFlowsView';
import { ReportCrossView } from './ReportCrossView';
import { ReportTableView } from './ReportTableView';
import { FiguresView } from './FiguresView';
import { keyLabel, tableRowLabel } from '../../../../shared/publication/labels';

/**
 * One part of the annual report, in the order the published report shows it: the team's own
 * functions, or the faculty advisers listed apart.
 */
/** `headcount` undefined: no staff-share line (the adviser's own preview has no organisation size). */
export function TeamSectionView({ kind, section, k, headcount }: { kind: 'team' | 'faculty'; section: ReportSection; k: number; headcount: number | null | undefined }) {
  const { t } = useTranslation();
  const label = (list: Parameters<typeof keyLabel>[1]) => keyLabel(t, list);
  const title = t(`team.section.${kind}`);
  return (
    <section className={`team-section team-section-${kind}`} aria-label={title}>
      <h2>{title}</h2>
      <KeyFiguresView figures={section.keyFigures} k={k} headcount={kind === 'team' ? headcount : undefined} />
      {section.reportsByFunction && (
        <ReportTableView title={t('team.reportsByFunction')} table={section.reportsByFunction} label={label('vaultFunction')} k={k} note={t('team.reportsByFunctionDefinition')} />
      )}
      {section.reportsByAdviser && (
        <ReportTableView
          title={t('team.reportsByAdviser')}
          table={section.reportsByAdviser}
          label={label('adviser')}
          k={k}
          note={t('team.contributingAdvisers', { count: section.keyFigures.advisers })}
        />
      )}
      {kind === 'team' && <ReferralFlowsView flows={section.referralFlows} k={k} />}
      <ReportTableView title={t('team.reporterProfile')} table={section.reporterProfile} label={label('staffCategory')} k={k} chart />
      <ReportTableView title={t('team.employmentStatus')} table={section.employmentStatus} label={label('employmentStatus')} k={k} />
      <ReportTableView title={t('team.reporterRole')} table={section.reporterRole} label={label('reporterRole')} k={k} />
      <ReportTableView title={t('team.earlierPeriod')} table={section.earlierPeriod} label={label('earlierPeriod')} k={k} />
      <ReportTableView title={t('team.duringPhdByStaffCategory')} table={section.duringPhdByStaffCategory} label={label('staffCategory')} k={k} />
      <ReportTableView title={t('team.ageStructure')} table={section.ageStructure} label={label('ageBand')} k={k} chart />
      <ReportTableView title={t('team.intakeRoutes')} table={section.intakeRoutes} label={label('intakeRoute')} k={k} />
      <ReportTableView title={t('team.natures')} table={section.natures} label={label('nature')} k={k} chart />
      <ReportCrossView title={t('team.natureByOtherParty')} cross={section.natureByOtherParty} rowLabel={label('nature')} columnLabel={label('otherPartyRelation')} k={k} />
      <ReportCrossView title={t('team.natureByHierarchy')} cross={section.natureByHierarchy} rowLabel={label('nature')} columnLabel={label('hierarchy')} k={k} />
      <ReportCrossView title={t('team.natureByBystander')} cross={section.natureByBystander} rowLabel={label('nature')} columnLabel={label('bystander')} k={k} />
      <ReportTableView title={t('team.otherParty')} table={section.otherParty} label={label('otherPartyRelation')} k={k} />
      <ReportTableView title={t('team.handlingSummary')} table={section.handlingSummary} label={label('handlingSummary')} k={k} />
      <ReportTableView title={t('team.handling')} table={section.handling} label={tableRowLabel(t, 'handling', 'handling')} k={k} chart />
      <ReportTableView title={t('team.referralTargets')} table={section.referralTargets} label={label('referralTarget')} k={k} />
      <ReportTableView title={t('publication.ioaCategories')} table={section.ioaCategories} label={label('ioaCategory')} k={k} />
      <FiguresView
        title={t('publication.mediationFigures')}
        figures={(['mediations', 'hearings', 'sessions', 'agreements'] as const).map((key) => ({ label: t(`publication.mediationFigure.${key}`), value: section.mediation[key] }))}
        k={k}
        note={t('publication.mediationUnit')}
      />
      <ReportTableView title={t('publication.mediationOutcomes')} table={section.mediationOutcomes} label={label('mediationOutcome')} k={k} />
      <ReportTableView title={t('publication.signals')} table={section.signals} label={label('nature')} k={k} />
      <ReportTableView title={t('publication.activities')} table={section.activities} label={label('activityType')} k={k} />
      <ReportTableView title={t('publication.attendees')} table={section.attendees} label={label('activityType')} k={k} />
    </section>
  );
}
