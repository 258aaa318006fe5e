import { captureCase } from '../cases/captureCase';
import { caseYears, comparableCases, listCases } from '../cases/caseList';
import { createCase, createIncompleteCase, deleteCase, getCase, leaveOutOfStatistics, updateCase, updateIncompleteCase } from '../cases/caseRecords';
import { completeOpenFollowUps } from '../followUps/followUps';
import type { Handlers } from '../ipc/router';
import { done, type CoreContext } from './context';

type CaseChannel =
  | 'cases.list'
  | 'cases.years'
  | 'cases.get'
  | 'cases.create'
  | 'cases.createIncomplete'
  | 'cases.capture'
  | 'cases.update'
  | 'cases.updateIncomplete'
  | 'cases.leaveOutOfStatistics'
  | 'cases.delete'
  | 'cases.comparable';

export function caseHandlers({ db, clock, today, records }: CoreContext) {
  return {
    'cases.list': (request) => listCases(db(), request, clock),
    'cases.years': () => caseYears(db()),
    'cases.get': ({ id }) => getCase(db(), id),
    'cases.create': (input) => {
      const created = createCase(db(), input, clock);
      // The number just issued goes into the record beside the database too, which survives a restore.
      records.save();
      return created;
    },
    'cases.createIncomplete': (input) => {
      const created = createIncompleteCase(db(), input, clock);
      records.save();
      return created;
    },
    'cases.capture': (input) => {
      const created = captureCase(db(), input, clock);
      records.save();
      return created;
    },
    'cases.update': ({ id, record, openFollowUps }) =>
      // One transaction: a close whose steps could not be done is no close, and the panel's error tells the truth.
      db().transaction(() => {
        const updated = updateCase(db(), id, record, clock);
        if (openFollowUps === 'complete') completeOpenFollowUps(db(), id, today());
        return updated;
      })(),
    'cases.updateIncomplete': ({ id, record }) => updateIncompleteCase(db(), id, record, clock),
    'cases.leaveOutOfStatistics': ({ id, leaveOut }) => {
      leaveOutOfStatistics(db(), id, leaveOut);
      return done;
    },
    'cases.delete': ({ id }) => {
      deleteCase(db(), id);
      return done;
    },
    'cases.comparable': ({ id }) => comparableCases(db(), id),
  } satisfies Pick<Handlers, CaseChannel>;
}
