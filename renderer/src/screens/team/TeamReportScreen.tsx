import { useCallback, useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SUPPRESSION_K, MIN_SUPPRESSION_K, type TeamReport } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/errors';
import { errorCodeOf, invoke } from '../../api/client';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorMessage } from '../../components/ErrorMessage';
import { NumberField } from '../../components/form/fields';
import { formatDate } from '../cases/format';
import { TeamSectionView } from './TeamSectionView';

interface ImportOutcome {
  fileName: string;
  error: ErrorCode | null;
}

/**
 * The team's annual report from members' export files: import (picker or drop), merge, and the
 * published figures with small-cell suppression, saved as PDF or CSV.
 */
export function TeamReportScreen() {
  const { t, i18n } = useTranslation();
  const [k, setK] = useState<number | null>(DEFAULT_SUPPRESSION_K);
  const [report, setReport] = useState<TeamReport | null>(null);
  const [outcomes, setOutcomes] = useState<ImportOutcome[]>([]);
  const [savedAs, setSavedAs] = useState<string | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [dragging, setDragging] = useState(false);
  const kValid = k !== null && Number.isInteger(k) && k >= MIN_SUPPRESSION_K && k <= 1000;

  const refresh = useCallback(async () => {
    if (!kValid) return;
    try {
      setReport(await invoke('team.report', { k: k! }));
    } catch (caught) {
      setError(errorCodeOf(caught));
    }
  }, [k, kValid]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function importFiles(files: File[]) {
    const results: ImportOutcome[] = [];
    for (const file of files) {
      try {
        await invoke('team.import', { content: await file.text() });
        results.push({ fileName: file.name, error: null });
      } catch (caught) {
        results.push({ fileName: file.name, error: errorCodeOf(caught) });
      }
    }
    setOutcomes(results);
    await refresh();
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    void importFiles([...event.dataTransfer.files]);
  }

  async function save(kind: 'pdf' | 'csv') {
    setError(null);
    setSavedAs(null);
    try {
      const { fileName } = kind === 'pdf' ? await invoke('team.savePdf', {}) : await invoke('team.saveCsv', { k: k! });
      setSavedAs(fileName);
    } catch (caught) {
      setError(errorCodeOf(caught));
    }
  }

  return (
    <div className="team-report">
      <h1>{t('team.title')}</h1>
      <section className="card no-print" aria-labelledby="import-title">
        <h2 id="import-title">{t('team.importTitle')}</h2>
        <div
          className={dragging ? 'drop-zone dragging' : 'drop-zone'}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <label htmlFor="team-files">{t('team.chooseFiles')}</label>
          <input id="team-files" type="file" accept=".json,application/json" multiple onChange={(event) => void importFiles([...(event.target.files ?? [])])} />
          <p className="hint">{t('team.dropHint')}</p>
        </div>
        <ul className="import-outcomes">
          {outcomes.map((outcome, index) => (
            <li key={index} role={outcome.error ? 'alert' : 'status'}>
              {outcome.fileName}: {outcome.error ? t(`errors.${outcome.error}`) : t('team.imported')}
            </li>
          ))}
        </ul>
        {report && report.imports.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('export.function')}</th>
                <th scope="col">{t('team.period')}</th>
                <th scope="col">{t('export.reports')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {report.imports.map((item) => (
                <tr key={item.exportId}>
                  <td>{t(`taxonomy.vaultFunction.${item.function}`)}</td>
                  <td>
                    {formatDate(item.period.from, i18n.language)} – {formatDate(item.period.to, i18n.language)}
                  </td>
                  <td>{item.reports}</td>
                  <td>
                    <ConfirmButton
                      label={t('team.remove')}
                      question={t('team.confirmRemove')}
                      confirmLabel={t('team.remove')}
                      onConfirm={async () => {
                        await invoke('team.remove', { exportId: item.exportId });
                        await refresh();
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card no-print">
        <NumberField label={t('team.threshold', { min: MIN_SUPPRESSION_K })} value={k} onChange={setK} error={kValid ? undefined : 'tooSmall'} />
        <p className="hint">{t('team.thresholdHint')}</p>
        <div className="actions">
          <button type="button" onClick={() => void save('pdf')} disabled={!report?.main && !report?.faculty}>
            {t('team.savePdf')}
          </button>
          <button type="button" className="secondary" onClick={() => void save('csv')} disabled={!kValid || (!report?.main && !report?.faculty)}>
            {t('team.saveCsv')}
          </button>
        </div>
        <ErrorMessage code={error} />
        {savedAs && <p role="status">{t('export.saved', { fileName: savedAs })}</p>}
      </section>

      {report && (report.main || report.faculty) && (
        <article className="publication" aria-labelledby="publication-title">
          <h2 id="publication-title">{t('team.publicationTitle')}</h2>
          <p className="hint">{t('team.suppressionNote', { k: report.k })}</p>
          {report.main && <TeamSectionView section={report.main} k={report.k} headingLevel="team" />}
          {report.units.length > 0 && (
            <section className="report-table" aria-label={t('team.units')}>
              <h3>{t('team.units')}</h3>
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
          {report.faculty && (
            <>
              <h2>{t('team.facultyTitle')}</h2>
              <TeamSectionView section={report.faculty} k={report.k} headingLevel="faculty" />
            </>
          )}
        </article>
      )}
      {report && !report.main && !report.faculty && <p className="empty">{t('team.noImports')}</p>}
    </div>
  );
}
