import { useTranslation } from 'react-i18next';
import type { TeamSection } from '../../../../shared/contract';
import { FUNCTION_REFERRAL_TARGETS } from '../../../../shared/taxonomy';
import { PublishedCrossView, PublishedTableView } from './PublishedTableView';

/** One part of the annual report: the figures the published report shows, in its order. */
export function TeamSectionView({ section, k, headingLevel }: { section: TeamSection; k: number; headingLevel: 'team' | 'faculty' }) {
  const { t } = useTranslation();
  const label = (list: string) => (key: string) => (key === 'not_recorded' ? t('form.notRecorded') : t(`taxonomy.${list}.${key}`));
  const referralsBetweenFunctions = {
    rows: section.referralTargets.rows.filter((row) => (FUNCTION_REFERRAL_TARGETS as readonly string[]).includes(row.key)),
    hasTotal: false,
    total: null,
  };
  return (
    <div className={`team-section team-section-${headingLevel}`}>
      <PublishedTableView title={t('team.reportsAndReporters')} table={section.reports} label={(key) => t(`team.${key}`)} k={k} />
      <PublishedTableView title={t('team.reporterProfile')} table={section.reporterProfile} label={label('staffCategory')} k={k} />
      <PublishedTableView title={t('team.ageStructure')} table={section.ageStructure} label={label('ageBand')} k={k} />
      <PublishedTableView title={t('team.reportsByFunction')} table={section.reportsByFunction} label={label('vaultFunction')} k={k} />
      <PublishedTableView title={t('team.intakeRoutes')} table={section.intakeRoutes} label={label('intakeRoute')} k={k} />
      <PublishedTableView title={t('team.referralsBetweenFunctions')} table={referralsBetweenFunctions} label={label('referralTarget')} k={k} />
      <PublishedTableView title={t('team.referralTargets')} table={section.referralTargets} label={label('referralTarget')} k={k} />
      <PublishedTableView title={t('team.natures')} table={section.natures} label={label('nature')} k={k} />
      <PublishedCrossView title={t('team.natureByOtherParty')} cross={section.natureByOtherParty} rowLabel={label('nature')} columnLabel={label('otherPartyRelation')} k={k} />
      <PublishedTableView title={t('team.handling')} table={section.handling} label={label('handling')} k={k} />
    </div>
  );
}
