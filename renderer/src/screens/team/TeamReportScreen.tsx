import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FlowQuestions } from './FlowQuestions';
import { GroupingEffectsView } from './GroupingEffectsView';
import { GroupingsEditor } from './GroupingsEditor';
import { HeadcountField } from './HeadcountField';
import { ImportPanel } from './ImportPanel';
import { Publication } from './Publication';
import { PublishPanel } from './PublishPanel';
import { ReportControls } from './ReportControls';
import { ReportTextsEditor, type SaveTexts } from './ReportTextsEditor';
import { useTeamReport } from './useTeamReport';

/**
 * The team's annual report from members' export files: import, merge per report year, and the
 * published figures with small-cell suppression, saved as PDF or CSV.
 */
export function TeamReportScreen() {
  const { t } = useTranslation();
  const state = useTeamReport();
  const [exact, setExact] = useState(false);
  const saveTexts = useRef<SaveTexts | null>(null);
  const { report, year, setYear, refresh } = state;
  const hasFigures = !!report && (!!report.published.team || !!report.published.faculty);
  return (
    <div className="team-report">
      <h1>{t('team.title')}</h1>
      <ErrorMessage code={state.error} />
      {report && (
        <>
          <ImportPanel
            report={report}
            onImported={async (summary) => {
              if (summary.reportYear === year) await refresh();
              else setYear(summary.reportYear);
            }}
            onRemoved={refresh}
          />
          <ReportControls state={state} exact={exact} onExact={setExact} />
          <section className="card no-print" aria-labelledby="headcount-title">
            <h2 id="headcount-title">{t('team.headcountTitle')}</h2>
            <HeadcountField key={report.year} year={report.year} headcount={report.headcount} onSaved={refresh} />
          </section>
          <GroupingsEditor onSaved={refresh} />
          <GroupingEffectsView report={report} />
          <ReportTextsEditor key={report.year} year={report.year} saveRef={saveTexts} />
          <FlowQuestions report={report} onAnswered={refresh} />
          <PublishPanel state={state} saveTexts={() => saveTexts.current?.() ?? Promise.resolve(true)} />
          {hasFigures ? <Publication report={report} exact={exact} /> : <p className="empty">{t('team.noImports')}</p>}
        </>
      )}
    </div>
  );
}
