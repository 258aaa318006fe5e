import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unansweredFlows } from '../../../../shared/flowQuestions';
import { PUBLICATION_FORMATS, type Differencing, type Language, type PublicationFormat } from '../../../../shared/contract';
import { errorCodeOf, invoke } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Checkbox } from '../../components/form/fields';
import { useAttempt } from '../../hooks/useAttempt';
import type { SaveTexts } from './ReportTextsEditor';
import { validK, type useTeamReport } from './useTeamReport';

type ReportState = ReturnType<typeof useTeamReport>;

/**
 * Saves the report document as PDF, Word, Excel or CSV in Dutch or English. When imports were
 * removed since this year was last published, it lists the cells whose change could reveal the
 * removed adviser's small counts, and publishes only after the team member has read it.
 */
export function PublishPanel({ state, saveTexts }: { state: ReportState; saveTexts: SaveTexts }) {
  const { t, i18n } = useTranslation();
  const languageId = useId();
  const [language, setLanguage] = useState<Language>(i18n.language === 'en' ? 'en' : 'nl');
  const [differencing, setDifferencing] = useState<Differencing | null>(null);
  const [accepted, setAccepted] = useState(false);
  const [ioa, setIoa] = useState(false);
  const { status, error, attempt, setError } = useAttempt();
  const { report, year, k, grouped } = state;
  const ready = !!report && (!!report.published.team || !!report.published.faculty) && validK(k);

  useEffect(() => {
    if (!ready) return;
    setAccepted(false);
    invoke('team.document', { year, k, grouped, language, ioa }).then(
      (document) => setDifferencing(document.differencing),
      (caught: unknown) => setError(errorCodeOf(caught)),
    );
  }, [ready, year, k, grouped, language, ioa, report, setError]);

  const unanswered = report ? unansweredFlows(report).length : 0;
  const blocked = !ready || unanswered > 0 || (!!differencing && differencing.cells.length > 0 && !accepted);
  const save = (format: PublicationFormat) =>
    attempt(async () => {
      // The document takes its texts from the vault: what is typed goes there first, and a text that cannot be saved (its error is on screen) stops the publication.
      if (!(await saveTexts())) return null;
      const { fileName } = await invoke('team.savePublication', { year, k: k!, grouped, language, ioa, format, acceptDifferencing: accepted });
      return t('export.saved', { fileName });
    });

  return (
    <section className="card no-print" aria-labelledby="publish-title">
      <h2 id="publish-title">{t('team.publish.title')}</h2>
      <p className="hint">{t('team.publish.hint')}</p>
      <div className="field">
        <label htmlFor={languageId}>{t('team.publish.language')}</label>
        <select id={languageId} value={language} onChange={(event) => setLanguage(event.target.value === 'en' ? 'en' : 'nl')}>
          <option value="nl">Nederlands</option>
          <option value="en">English</option>
        </select>
      </div>
      <Checkbox label={t('team.publish.ioa')} checked={ioa} onChange={setIoa} />
      {differencing && (
        <div className="differencing" role="alert">
          <h3>{t('publication.differencingTitle')}</h3>
          <p>{t('publication.differencingText', { year, date: differencing.publishedOn, count: differencing.removedImports, k })}</p>
          {differencing.cells.length === 0 ? (
            <p>{t('publication.differencingNone', { k })}</p>
          ) : (
            <>
              <ul className="cells-at-risk">
                {differencing.cells.map((cell) => (
                  <li key={`${cell.table}|${cell.row}|${cell.column ?? ''}`}>
                    {t('publication.cellAtRisk', { table: cell.table, row: cell.row, column: cell.column ? ` · ${cell.column}` : '', previous: cell.previous, current: cell.current })}
                  </li>
                ))}
              </ul>
              <Checkbox label={t('publication.differencingAccept')} checked={accepted} onChange={setAccepted} />
            </>
          )}
        </div>
      )}
      {unanswered > 0 && (
        <p className="notice" role="note">
          {t('team.flowQuestions.waiting', { count: unanswered })}
        </p>
      )}
      <div className="actions">
        {PUBLICATION_FORMATS.map((format) => (
          <button key={format} type="button" className={format === 'pdf' ? undefined : 'secondary'} disabled={blocked} onClick={() => void save(format)}>
            {t(`team.publish.${format}`)}
          </button>
        ))}
      </div>
      <ErrorMessage code={error} />
      {status && <p role="status">{status}</p>}
    </section>
  );
}
