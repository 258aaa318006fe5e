import type { BoardAdvice, BoardAdviceInput } from '../../../shared/contract';
import { AppError } from '../errors';
import type { Clock } from '../clock';
import type { Db } from '../vault/database';
import { localMinute } from '../../../shared/time';

/** Formal written advice to the board: recorded beside the cases, counted in the export. */
export function listBoardAdvices(db: Db): BoardAdvice[] {
  return db
    .prepare('SELECT id, given_on AS givenOn, reports_concerned AS reportsConcerned, response, note FROM board_advices ORDER BY given_on DESC, id DESC')
    .all() as BoardAdvice[];
}

export function saveBoardAdvice(db: Db, input: BoardAdviceInput, clock: Clock, id?: number): { id: number } {
  if (input.givenOn > localMinute(clock()).slice(0, 10)) throw new AppError('INVALID_INPUT');
  const values = [input.givenOn, input.reportsConcerned, input.response, input.note];
  if (id === undefined) {
    const result = db.prepare('INSERT INTO board_advices (given_on, reports_concerned, response, note) VALUES (?, ?, ?, ?)').run(...values);
    return { id: Number(result.lastInsertRowid) };
  }
  if (db.prepare('UPDATE board_advices SET given_on = ?, reports_concerned = ?, response = ?, note = ? WHERE id = ?').run(...values, id).changes === 0) {
    throw new AppError('NOT_FOUND');
  }
  return { id };
}

export function deleteBoardAdvice(db: Db, id: number): void {
  if (db.prepare('DELETE FROM board_advices WHERE id = ?').run(id).changes === 0) throw new AppError('NOT_FOUND');
}
