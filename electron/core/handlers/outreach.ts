import type { Handlers } from '../ipc/router';
import { listBoardAdvices, saveBoardAdvice } from '../outreach/boardAdvices';
import { deleteRow, listActivities, listSignals, saveActivity, saveSignal } from '../outreach/outreach';
import { searchSignals } from '../outreach/signalSearch';
import { done, type CoreContext } from './context';

type OutreachChannel =
  | `signals.${'list' | 'search' | 'create' | 'update' | 'delete'}`
  | `activities.${'list' | 'create' | 'update' | 'delete'}`
  | `boardAdvices.${'list' | 'create' | 'update' | 'delete'}`;

/** The team's own acts outside cases: signals, activities and advice to the board. */
export function outreachHandlers({ db, clock }: CoreContext) {
  return {
    'signals.list': () => listSignals(db()),
    'signals.search': ({ search, language }) => searchSignals(db(), search, language),
    'signals.create': (input) => saveSignal(db(), input, clock),
    'signals.update': ({ id, signal }) => saveSignal(db(), signal, clock, id),
    'signals.delete': ({ id }) => {
      deleteRow(db(), 'signals', id);
      return done;
    },
    'activities.list': () => listActivities(db()),
    'activities.create': (input) => saveActivity(db(), input),
    'activities.update': ({ id, activity }) => saveActivity(db(), activity, id),
    'activities.delete': ({ id }) => {
      deleteRow(db(), 'activities', id);
      return done;
    },
    'boardAdvices.list': () => listBoardAdvices(db()),
    'boardAdvices.create': (input) => saveBoardAdvice(db(), input, clock),
    'boardAdvices.update': ({ id, advice }) => saveBoardAdvice(db(), advice, clock, id),
    'boardAdvices.delete': ({ id }) => {
      deleteRow(db(), 'board_advices', id);
      return done;
    },
  } satisfies Pick<Handlers, OutreachChannel>;
}
