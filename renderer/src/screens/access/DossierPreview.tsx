import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestPassageId, type AccessDossier } from '../../../../shared/schemas/access';
import { invoke } from '../../api/client';
import { useCoreQuery } from '../../api/useCoreQuery';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAttempt } from '../../hooks/useAttempt';
import { DossierBody } from './DossierBody';
import '../print/dossierFonts';
import '../print/dossierDocument.css';

/**
 * In a joint case, the requests other than the one answered: the vault does not know which
 * reporter made them, so they start left out and the adviser puts back the reporter's own.
 */
function otherRequests(dossier: AccessDossier, requestId: number): Set<string> {
  const requests = dossier.sections.find((section) => section.id === 'requests')?.entries ?? [];
  const ids = requests.flatMap((entry) => entry.lines.flatMap((line) => line.passages.map((passage) => passage.id)));
  return new Set(ids.filter((id) => id !== requestPassageId(requestId)));
}

/**
 * The dossier as it will be saved, before anything is saved: the adviser leaves out each passage
 * about another person (the other party, colleagues, other reporters), which the saved PDF shows
 * only as "left out: concerns another person".
 */
export function DossierPreview({
  caseId,
  reporter,
  reporterName,
  requestId,
  joint,
  onSaved,
  onClose,
}: {
  caseId: number;
  reporter: number;
  reporterName: string;
  requestId: number;
  joint: boolean;
  onSaved(): void;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'nl';
  const load = useCallback(() => invoke('access.dossierPreview', { caseId, reporter, language }), [caseId, reporter, language]);
  const preview = useCoreQuery(load);
  const [chosen, setChosen] = useState<ReadonlySet<string> | null>(null);
  const { status, error, attempt } = useAttempt();
  const leftOut: ReadonlySet<string> = chosen ?? (joint && preview.data ? otherRequests(preview.data.dossier, requestId) : new Set());

  const toggle = (id: string) => {
    const next = new Set(leftOut);
    if (!next.delete(id)) next.add(id);
    setChosen(next);
  };

  const save = () =>
    attempt(async () => {
      if (!preview.data) return null;
      const { fileName } = await invoke('access.saveDossier', { caseId, reporter, language, requestId, version: preview.data.version, leftOut: [...leftOut] });
      onSaved();
      await preview.reload();
      return t('access.preview.saved', { fileName });
    });

  return (
    <section className="dossier-preview" aria-labelledby="dossier-preview-title">
      <h3 id="dossier-preview-title">{t('access.preview.title', { name: reporterName })}</h3>
      <p className="hint">{t('access.preview.hint')}</p>
      {preview.data && (
        <div className="dossier-document">
          <DossierBody dossier={preview.data.dossier} choice={{ leftOut, toggle }} />
        </div>
      )}
      <p className="hint">{t('access.preview.leftOutCount', { count: leftOut.size })}</p>
      <div className="actions">
        <button type="button" disabled={!preview.data} onClick={() => void save()}>
          {t('access.preview.save')}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t('form.cancel')}
        </button>
      </div>
      <ErrorMessage code={error ?? preview.error} />
      {status && <p role="status">{status}</p>}
    </section>
  );
}
