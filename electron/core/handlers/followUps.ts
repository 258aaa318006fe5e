import { AppError } from '../errors';
import { addFollowUp, completeFollowUp, completeOpenFollowUps, dueFollowUps, followUpsOfCase, moveFollowUp, removeFollowUp } from '../followUps/followUps';
import type { Handlers } from '../ipc/router';
import { completeProcedureDeadline, isProcedureDeadline } from '../procedure/procedure';
import { done, type CoreContext } from './context';

type FollowUpChannel =
  | 'followUps.ofCase'
  | 'followUps.due'
  | 'followUps.add'
  | 'followUps.complete'
  | 'followUps.move'
  | 'followUps.remove'
  | 'followUps.completeOpenOfCase';

export function followUpHandlers({ db, clock, today }: CoreContext) {
  /** A step is done on a day that has come: a later date would claim a deadline met before it was. */
  const doneDay = (doneOn: string) => {
    if (doneOn > today()) throw new AppError('INVALID_INPUT');
    return doneOn;
  };
  return {
    'followUps.ofCase': ({ caseId }) => ({ today: today(), followUps: followUpsOfCase(db(), caseId) }),
    'followUps.due': () => dueFollowUps(db(), today()),
    'followUps.add': (input) => addFollowUp(db(), { ...input, kind: 'own', createdAt: clock().toISOString() }),
    'followUps.complete': ({ id, doneOn }) => {
      // Done from Today, the confirmation still moves the feedback's deadline and is checked against the receipt.
      if (isProcedureDeadline(db(), id)) completeProcedureDeadline(db(), id, doneOn, today());
      else completeFollowUp(db(), id, doneDay(doneOn));
      return done;
    },
    'followUps.move': ({ id, dueDate, dueTime }) => {
      moveFollowUp(db(), id, dueDate, dueTime);
      return done;
    },
    'followUps.remove': ({ id }) => {
      removeFollowUp(db(), id);
      return done;
    },
    'followUps.completeOpenOfCase': ({ caseId, doneOn }) => completeOpenFollowUps(db(), caseId, doneDay(doneOn)),
  } satisfies Pick<Handlers, FollowUpChannel>;
}
