import { functionRecordsMediation } from '../../../shared/taxonomy';
import { deleteMediation, saveMediation } from '../cases/mediation';
import { AppError } from '../errors';
import type { Handlers } from '../ipc/router';
import type { Db } from '../vault/database';
import { getProfile } from '../vault/profile';
import { done, type CoreContext } from './context';

type MediationChannel = 'mediation.save' | 'mediation.delete';

/** Mediation belongs to the ombudsperson; other functions cannot record one. */
function mediationDb(db: Db): Db {
  if (!functionRecordsMediation(getProfile(db).function)) throw new AppError('NOT_FOR_THIS_FUNCTION');
  return db;
}

export function mediationHandlers({ db, clock }: CoreContext) {
  return {
    'mediation.save': ({ caseId, mediation }) => {
      saveMediation(mediationDb(db()), caseId, mediation, clock);
      return done;
    },
    'mediation.delete': ({ caseId }) => {
      deleteMediation(mediationDb(db()), caseId);
      return done;
    },
  } satisfies Pick<Handlers, MediationChannel>;
}
