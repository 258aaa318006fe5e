import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_SUPPRESSION_K } from '../../../../shared/contract';
import { Checkbox, NumberField } from '../../components/form/fields';
import { validK, type useTeamReport } from './useTeamReport';

type ReportState = ReturnType<typeof useTeamReport>;

/** Which year, how strict the suppression, grouped or detailed rows, and whether to see the exact figures. */
export function ReportControls({ state, exact, onExact }: { state: ReportState; exact: boolean; onExact(exact: boolean): void }) {
  const { t } = useTranslation();
  const yearId = useId();
  const { report, year, k, grouped } = state;
  const years = [...new Set([...(report?.years ?? []), new Date().getFullYear(), year])].sort((a, b) => b - a);

  return (
    <section className="card no-print" aria-labelledby="report-controls-title">
      <h2 id="report-controls-title">{t('team.controlsTitle')}</h2>
      <div className="grid">
        <div className="field">
          <label htmlFor={yearId}>{t('team.year')}</label>
          <select id={yearId} value={year} onChange={(event) => state.setYear(Number(event.target.value))}>
            {years.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </div>
        <NumberField label={t('team.threshold', { min: MIN_SUPPRESSION_K })} value={k} onChange={state.setK} error={validK(k) ? undefined : 'tooSmall'} />
      </div>
      <p className="hint">{t('team.thresholdHint')}</p>
      <Checkbox label={t('team.grouped')} checked={grouped} onChange={state.setGrouped} />
      <p className="hint">{t('team.groupedHint')}</p>
      <Checkbox label={t('team.showExact')} checked={exact} onChange={onExact} />
    </section>
  );
}
