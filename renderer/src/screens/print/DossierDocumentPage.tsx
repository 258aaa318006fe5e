import { useEffect, useState } from 'react';
import type { AccessDossier } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/errors';
import { PRINT_STATE_ATTRIBUTE } from '../../../../shared/publication/printLayout';
import { errorCodeOf, invoke } from '../../api/client';
import { DossierBody } from '../access/DossierBody';
import { exposeChartCapture } from './chartCapture';
import { DOSSIER_FONTS } from './dossierFonts';
import './dossierDocument.css';

/** Every character of the dossier in each of its fonts: the browser loads only the parts it needs. */
async function fontsFor(dossier: AccessDossier): Promise<void> {
  const text = JSON.stringify(dossier);
  await Promise.all(DOSSIER_FONTS.map((family) => document.fonts.load(`12px "${family}"`, text)));
  await document.fonts.ready;
}

/**
 * A reporter's access dossier on the print route: the shell prints it off-screen as the annual
 * report is printed, and tells it is done only once the fonts for every name in it are loaded.
 */
export function DossierDocumentPage({ token }: { token: string }) {
  const [dossier, setDossier] = useState<AccessDossier | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);

  useEffect(() => {
    invoke('access.printedDossier', { token }).then(setDossier, (caught: unknown) => setError(errorCodeOf(caught)));
  }, [token]);

  // The shell asks every print route for its charts after printing; a dossier answers with none.
  useEffect(exposeChartCapture, []);

  useEffect(() => {
    const root = window.document.documentElement;
    if (error) root.setAttribute(PRINT_STATE_ATTRIBUTE, 'failed');
    if (!dossier) return;
    root.lang = dossier.language;
    window.document.title = dossier.title;
    fontsFor(dossier).then(
      () => root.setAttribute(PRINT_STATE_ATTRIBUTE, 'ready'),
      () => root.setAttribute(PRINT_STATE_ATTRIBUTE, 'failed'),
    );
  }, [dossier, error]);

  if (error) return <p role="alert">{error}</p>;
  if (!dossier) return null;
  return (
    <article className="access-dossier">
      <header>
        <h1>{dossier.title}</h1>
        <p className="subject">{dossier.subject}</p>
        <p className="made-on">{dossier.madeOn}</p>
        <p className="intro">{dossier.intro}</p>
      </header>
      <DossierBody dossier={dossier} />
    </article>
  );
}
