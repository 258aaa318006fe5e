import { AppError } from '../errors';
import type { Handlers } from '../ipc/router';
import { completeProcedureDeadline, markProcedureReport, procedureReportOf } from '../procedure/procedure';
import { getProfile } from '../vault/profile';
import { done, type CoreContext } from './context';

type ProcedureChannel = 'procedure.get' | 'procedure.mark' | 'procedure.complete';

/**
 * Reports under the whistleblower procedure. Only marking is kept to the receiving functions: a
 * case marked before the setting changed still has its deadlines to meet.
 */
export function procedureHandlers({ db, settings, today }: CoreContext) {
  // The organisation's procedure names them (a setting); the vault's own function is fixed.
  const receives = () => settings.get().procedureFunctions.includes(getProfile(db()).function);
  return {
    'procedure.get': ({ caseId }) => ({ mayMark: receives(), report: procedureReportOf(db(), caseId, today()) }),
    'procedure.mark': ({ caseId, receivedOn }) => {
      if (!receives()) throw new AppError('NOT_FOR_THIS_FUNCTION');
      markProcedureReport(db(), caseId, receivedOn, today());
      return done;
    },
    'procedure.complete': ({ id, doneOn }) => {
      completeProcedureDeadline(db(), id, doneOn, today());
      return done;
    },
  } satisfies Pick<Handlers, ProcedureChannel>;
}
