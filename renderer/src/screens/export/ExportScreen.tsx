import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportRequest, type ExportPreview } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/errors';
import { errorCodeOf, invoke } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { fieldErrors } from '../../components/form/fieldErrors';
import { Checkbox, TextField } from '../../components/form/fields';
import { NotAskedYetList } from './NotAskedYetList';
import { PreviewSummary } from './PreviewSummary';

function thisYear(): ExportRequest['period'] {
  const year = new Date().getFullYear();
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

export function ExportScreen() {
  const { t } = useTranslation();
  const [request, setRequest] = useState<ExportRequest>({ period: thisYear(), includeUnits: false });
  const [preview, setPreview] = useState<ExportPreview | null>(null);
  const [consent, setConsent] = useState(false);
  const [savedAs, setSavedAs] = useState<string | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const errors = fieldErrors(ExportRequest, request);

  function change(next: ExportRequest) {
    setRequest(next);
    setPreview(null);
    setConsent(false);
    setSavedAs(null);
  }

  async function showPreview() {
    setError(null);
    setSavedAs(null);
    setConsent(false);
    try {
      setPreview(await invoke('export.preview', request));
    } catch (caught) {
      setError(errorCodeOf(caught));
    }
  }

  async function save() {
    if (!preview) return;
    setError(null);
    try {
      setSavedAs((await invoke('export.save', { exportId: preview.file.exportId })).fileName);
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
      <div className="card">
        <div className="grid">
          <TextField label={t('export.from')} type="date" value={request.period.from} onChange={(from) => change({ ...request, period: { ...request.period, from } })} error={errors['period.from']} />
          <TextField label={t('export.to')} type="date" value={request.period.to} onChange={(to) => change({ ...request, period: { ...request.period, to } })} error={errors['period.to']} />
        </div>
        <Checkbox label={t('export.includeUnits')} checked={request.includeUnits} onChange={(includeUnits) => change({ ...request, includeUnits })} />
        <p className="hint">{t('export.unitsHint')}</p>
        <button type="button" onClick={() => void showPreview()} disabled={Object.keys(errors).length > 0}>
          {t('export.preview')}
        </button>
      </div>
      <ErrorMessage code={error} />
      {savedAs && <p role="status">{t('export.saved', { fileName: savedAs })}</p>}
      {preview && (
        <section className="card" aria-labelledby="preview-title">
          <h2 id="preview-title">{t('export.previewTitle')}</h2>
          <NotAskedYetList cases={preview.notAskedYet} />
          {preview.excludedRefused > 0 && (
            <p className="hint" role="note">
              {t('export.excludedRefused', { count: preview.excludedRefused })}
            </p>
          )}
          <PreviewSummary preview={preview} />
          <h3>{t('export.exactContent')}</h3>
          <pre className="export-json" data-testid="export-json" tabIndex={0}>
            {preview.json}
          </pre>
          <details>
            <summary>{t('export.csvContent')}</summary>
            <pre className="export-json">{preview.csv}</pre>
          </details>
          <Checkbox label={t('export.consent')} checked={consent} onChange={setConsent} />
          <button type="button" disabled={!consent} onClick={() => void save()}>
            {t('export.save')}
          </button>
        </section>
      )}
    </div>
  );
}
