import { useEffect, useState } from 'react';
import type { DocumentRequest, PublicationDocument } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/errors';
import { PRINT_STATE_ATTRIBUTE } from '../../../../shared/publication/printLayout';
import { errorCodeOf, invoke } from '../../api/client';
import { exposeChartCapture } from './chartCapture';
import { DocumentTable } from './DocumentTable';
import './reportDocument.css';

function TitlePage({ document }: { document: PublicationDocument }) {
  return (
    <section className="title-page">
      <p className="organisation">{document.organisation}</p>
      <h1>{document.title}</h1>
      <p className="made-on">{document.madeOn}</p>
      <h2 className="periods-title">{document.periodsTitle}</h2>
      <ul className="periods">
        {document.periods.map((period) => (
          <li key={period.function}>{period.line}</li>
        ))}
      </ul>
      <div className="notes">
        {document.notes.map((note) => (
          <p key={note}>{note}</p>
        ))}
      </div>
    </section>
  );
}

/**
 * The annual report as the team publishes it, laid out for A4 on the print route: a title page,
 * then one section per figure of the reference report. The shell prints this page off-screen;
 * it tells the shell it is done through an attribute on <html>.
 */
export function ReportDocumentPage({ request }: { request: DocumentRequest }) {
  const [document, setDocument] = useState<PublicationDocument | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);

  useEffect(() => {
    invoke('team.document', request).then(setDocument, (caught: unknown) => setError(errorCodeOf(caught)));
  }, [request]);

  useEffect(exposeChartCapture, []);

  useEffect(() => {
    const root = window.document.documentElement;
    if (document) {
      root.lang = document.language;
      window.document.title = document.title;
    }
    if (document || error) root.setAttribute(PRINT_STATE_ATTRIBUTE, document ? 'ready' : 'failed');
  }, [document, error]);

  if (error) return <p role="alert">{error}</p>;
  if (!document) return null;
  return (
    <article className="report-document">
      <TitlePage document={document} />
      {document.sections.map((section) => (
        <section key={section.id} className="document-section" aria-labelledby={`section-${section.id}`}>
          <h2 id={`section-${section.id}`}>{section.title}</h2>
          {section.text.split(/\n+/).filter((line) => line.trim() !== '').map((line, index) => (
            <p key={index} className="section-text">
              {line}
            </p>
          ))}
          {section.emptyNote && <p className="section-text">{section.emptyNote}</p>}
          {section.tables.map((table) => (
            <DocumentTable key={table.id} table={table} k={document.k} language={document.language} />
          ))}
        </section>
      ))}
    </article>
  );
}
