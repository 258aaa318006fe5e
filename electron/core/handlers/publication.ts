import type { Handlers } from '../ipc/router';
import { PublicationService } from '../publication/publicationService';
import { saveText, textsOf } from '../publication/publications';
import { reportFromVault } from '../report/reportFromVault';
import { saveWhereChosen } from '../storage/saveChosen';
import { done, type CoreContext } from './context';

type PublicationChannel = 'team.document' | 'team.savePublication' | 'team.texts' | 'team.saveText';

/** The annual report as a document: laid out, written in a format, and its editable texts. */
export function publicationHandlers({ db, shell, today }: CoreContext) {
  const publications = new PublicationService({
    db,
    report: (request) => reportFromVault(db(), request),
    shell,
    today,
    saveTo: (suggestedName, content) => saveWhereChosen(shell, suggestedName, content),
  });
  return {
    'team.document': (request) => publications.document(request).document,
    'team.savePublication': (request) => publications.save(request),
    'team.texts': ({ year }) => textsOf(db(), year),
    'team.saveText': ({ year, text, value }) => {
      saveText(db(), year, text, value);
      return done;
    },
  } satisfies Pick<Handlers, PublicationChannel>;
}
