import { useTranslation } from 'react-i18next';
import type { AccessDossier, DossierPassage } from '../../../../shared/contract';

/** The adviser's choice per passage, in the preview only; the printed dossier has none. */
export interface PassageChoice {
  leftOut: ReadonlySet<string>;
  toggle(id: string): void;
}

/** A passage left out in the preview reads the dossier's own marker, in the dossier's language, as the PDF will. */
function Passage({ passage, choice, marker }: { passage: DossierPassage; choice: PassageChoice | undefined; marker: string }) {
  const { t } = useTranslation();
  if (!choice) return <p className={passage.leftOut ? 'passage left-out' : 'passage'}>{passage.text}</p>;
  const leftOut = choice.leftOut.has(passage.id);
  return (
    <div className={leftOut ? 'passage left-out' : 'passage'} data-passage={passage.id}>
      <label className="leave-out">
        <input type="checkbox" checked={leftOut} onChange={() => choice.toggle(passage.id)} />
        {t('access.preview.leaveOut')}
      </label>
      <p>{leftOut ? marker : passage.text}</p>
    </div>
  );
}

/**
 * The dossier as the reporter will read it: the preview (with a choice per passage of the
 * adviser's text) and the print route show the same document.
 */
export function DossierBody({ dossier, choice }: { dossier: AccessDossier; choice?: PassageChoice }) {
  return (
    <>
      {dossier.sections.map((section) => (
        <section key={section.id} className="dossier-section" aria-labelledby={`dossier-${section.id}`}>
          <h2 id={`dossier-${section.id}`}>{section.title}</h2>
          {section.emptyNote && <p className="empty">{section.emptyNote}</p>}
          {section.entries.map((entry, index) => (
            <div key={index} className="dossier-entry">
              {entry.heading && <h3>{entry.heading}</h3>}
              <dl>
                {entry.lines.map((line, lineIndex) => (
                  <div key={lineIndex} className="dossier-line">
                    <dt>{line.label}</dt>
                    <dd>
                      {line.value}
                      {line.passages.map((passage) => (
                        <Passage key={passage.id} passage={passage} choice={choice} marker={dossier.leftOutMarker} />
                      ))}
                    </dd>
                  </div>
                ))}
              </dl>
            </div>
          ))}
        </section>
      ))}
    </>
  );
}
