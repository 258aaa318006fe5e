import type { BoardAdvice, BoardAdviceInput } from '../../../shared/contract';
import { futureBoardAdviceFields } from '../../../shared/futureDates';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { Db } from '../vault/database';
import { saveRow } from './outreach';

/** Formal written advice to the board: recorded beside the cases, counted in the export. */
export function listBoardAdvices(db: Db): BoardAdvice[] {
  return db
    .prepare('SELECT id, given_on AS givenOn, reports_concerned AS reportsConcerned, response, note FROM board_advices ORDER BY given_on DESC, id DESC')
    .all() as BoardAdvice[];
}

export function saveBoardAdvice(db: Db, input: BoardAdviceInput, clock: Clock, id?: number): { id: number } {
  if (futureBoardAdviceFields(input, clock()).length > 0) throw new AppError('INVALID_INPUT');
  return saveRow(db, 'board_advices', { given_on: input.givenOn, reports_concerned: input.reportsConcerned, response: input.response, note: input.note }, id);
}
