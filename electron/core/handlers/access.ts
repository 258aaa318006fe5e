import { accessRequestsOf, recordAccessRequest } from '../access/accessRequests';
import { DossierService } from '../access/dossierService';
import { erasurePreview, eraseReporter } from '../access/erasure';
import type { Handlers } from '../ipc/router';
import { saveWhereChosen } from '../storage/saveChosen';
import type { CoreContext } from './context';

type AccessChannel =
  | 'access.requests'
  | 'access.recordRequest'
  | 'access.dossierPreview'
  | 'access.saveDossier'
  | 'access.printedDossier'
  | 'access.erasurePreview'
  | 'access.erase';

/** A reporter's access request (GDPR art. 15) answered with a dossier, and the erasure of one reporter. */
export function accessHandlers({ db, shell, clock, today, events, records }: CoreContext) {
  const dossiers = new DossierService({ db, shell, clock, today, saveTo: (suggestedName, content) => saveWhereChosen(shell, suggestedName, content) });
  return {
    'access.requests': ({ caseId }) => accessRequestsOf(db(), caseId),
    'access.recordRequest': ({ caseId, requestedOn }) => recordAccessRequest(db(), caseId, requestedOn, today(), clock().toISOString()),
    'access.dossierPreview': (request) => dossiers.preview(request),
    'access.saveDossier': (request) => dossiers.save(request),
    'access.printedDossier': ({ token }) => dossiers.printed(token),
    'access.erasurePreview': ({ caseId, reporter }) => erasurePreview(db(), caseId, reporter),
    'access.erase': ({ caseId, reporter, confirmation }) =>
      events.withProgress('retention', (report) => {
        const erased = eraseReporter(db(), caseId, reporter, confirmation, clock, report);
        // A whole case destroyed joins the record a restore reads; a reporter's erasure is in the database only.
        records.save();
        return erased;
      }),
  } satisfies Pick<Handlers, AccessChannel>;
}
