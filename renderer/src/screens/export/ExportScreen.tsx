import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportRequest, type ResponseOf } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/errors';
import { errorCodeOf, invoke } from '../../api/client';
import { useCoreQuery } from '../../api/useCoreQuery';
import { ErrorMessage } from '../../components/ErrorMessage';
import { fieldErrors } from '../../components/form/fieldErrors';
import { Checkbox, FieldError } from '../../components/form/fields';
import { lastEndedMonths, MonthPeriod } from './MonthPeriod';
import { UncountedCases } from './UncountedCases';
import { PreviewSummary } from './PreviewSummary';
import { isAllZero, PreviewTables } from './PreviewTables';
import { TEAM_SECTION_FUNCTIONS } from '../../../../shared/taxonomy';

const readTeam = () => invoke('team.info', {});

export function ExportScreen() {
  const { t } = useTranslation();
  const [request, setRequest] = useState<ExportRequest>({ period: lastEndedMonths(), includeUnits: false });
  const { data: team, error: teamError } = useCoreQuery(readTeam);
  const [unsealedUnderstood, setUnsealedUnderstood] = useState(false);
  const [preview, setPreview] = useState<ResponseOf<'export.preview'> | null>(null);
  const [nothingConfirmed, setNothingConfirmed] = useState(false);
  const [consent, setConsent] = useState(false);
  const [savedAs, setSavedAs] = useState<string | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const errors = fieldErrors(ExportRequest, request);

  function change(next: ExportRequest) {
    setRequest(next);
    setNothingConfirmed(false);
    setPreview(null);
    setConsent(false);
    setSavedAs(null);
  }

  async function showPreview() {
    setError(null);
    setSavedAs(null);
    setConsent(false);
    setNothingConfirmed(false);
    try {
      setPreview(await invoke('export.preview', request));
    } catch (caught) {
      setError(errorCodeOf(caught));
    }
  }

  // A new preview brings its summary and the consent into view, with the focus at its heading.
  useEffect(() => {
    const heading = previewHeading.current;
    if (!preview || !heading) return;
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: 'start' });
  }, [preview]);

  const sealed = team !== null && team.role !== 'none';

  const empty = preview !== null && isAllZero(preview.file.counts);

  async function save() {
    if (!preview) return;
    if (empty && !nothingConfirmed) {
      setNothingConfirmed(true);
      return;
    }
    setError(null);
    try {
      setSavedAs((await invoke('export.save', { exportId: preview.file.exportId, unsealed: !sealed })).fileName);
      setPreview(null);
      setConsent(false);
    } catch (caught) {
      setError(errorCodeOf(caught));
    }
  }

  return (
    <div className="export">
      <h1>{t('export.title')}</h1>
      <p className="hint">{t('export.intro')}</p>
      <div className="card export-period">
        <MonthPeriod period={request.period} onChange={(period) => change({ ...request, period })} />
        <FieldError error={errors['period.to'] ?? errors['period.from']} />
        {sealed && (
          <>
            <Checkbox label={t('export.includeUnits')} checked={request.includeUnits} onChange={(includeUnits) => change({ ...request, includeUnits })} />
            <p className="hint">{t('export.unitsHint')}</p>
          </>
        )}
        <button type="button" onClick={() => void showPreview()} disabled={Object.keys(errors).length > 0}>
          {t('export.preview')}
        </button>
      </div>
      <ErrorMessage code={error ?? teamError} />
      {savedAs && <p role="status">{t('export.saved', { fileName: savedAs })}</p>}
      {preview && (
        <section className="card export-preview" aria-labelledby="preview-title">
          <h2 id="preview-title" ref={previewHeading} tabIndex={-1}>
            {t('export.previewTitle')}
          </h2>
          {/* The summary and the consent come first; every table stays one click away below them. */}
          <div className="export-consent">
            <PreviewSummary preview={preview} leftOut={preview.notAskedYet.length + preview.incomplete.length + preview.excludedRefused} />
            <section className="consent-box" aria-labelledby="consent-title">
              <h3 id="consent-title">{t('export.consentTitle')}</h3>
              {sealed ? (
                <p className="notice" role="note">
                  {t('export.sealedFor', { organisation: team.organisation })}
                </p>
              ) : (
                <>
                  <p className="warning" role="note">
                    {t('export.unsealedWarning')}
                  </p>
                  <Checkbox label={t('export.unsealedUnderstood')} checked={unsealedUnderstood} onChange={setUnsealedUnderstood} />
                </>
              )}
              <Checkbox label={t('export.consent')} checked={consent} onChange={setConsent} />
              {nothingConfirmed && (
                <p className="warning" role="alert">
                  {t('export.nothingToExport')}
                </p>
              )}
              <button type="button" disabled={!consent || (!sealed && !unsealedUnderstood)} onClick={() => void save()}>
                {t('export.save')}
              </button>
            </section>
          </div>
          <UncountedCases reason="notAsked" cases={preview.notAskedYet} />
          <UncountedCases reason="incomplete" cases={preview.incomplete} />
          {preview.excludedRefused > 0 && (
            <p className="hint" role="note">
              {t('export.excludedRefused', { count: preview.excludedRefused })}
            </p>
          )}
          <details className="export-tables">
            <summary>{t('export.showTables')}</summary>
            <PreviewTables tables={preview.tables} kind={TEAM_SECTION_FUNCTIONS.includes(preview.file.function) ? 'team' : 'faculty'} sealed={sealed} />
          </details>
          <details>
            <summary>{t('export.exactContent')}</summary>
            <pre className="export-json" data-testid="export-json" tabIndex={0}>
              {preview.json}
            </pre>
          </details>
          <details>
            <summary>{t('export.csvContent')}</summary>
            <pre className="export-json">{preview.csv}</pre>
          </details>
        </section>
      )}
    </div>
  );
}
