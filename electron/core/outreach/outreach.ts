import type { Activity, ActivityInput, Signal, SignalInput } from '../../../shared/contract';
import { futureSignalFields } from '../../../shared/futureDates';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { Db } from '../vault/database';

/** Signals and outreach activities: counted in the annual figures, tied to no case. */
export function listSignals(db: Db): Signal[] {
  return db
    .prepare('SELECT id, noted_on AS notedOn, unit, theme, note FROM signals ORDER BY noted_on DESC, id DESC')
    .all() as Signal[];
}

type OutreachTable = 'signals' | 'activities' | 'board_advices';

/** Inserts a row, or replaces the row with `id` (NOT_FOUND when there is none). */
export function saveRow(db: Db, table: OutreachTable, values: Record<string, string | number>, id?: number): { id: number } {
  const columns = Object.keys(values);
  if (id === undefined) {
    const result = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`).run(values);
    return { id: Number(result.lastInsertRowid) };
  }
  const assignments = columns.map((column) => `${column} = @${column}`).join(', ');
  if (db.prepare(`UPDATE ${table} SET ${assignments} WHERE id = @id`).run({ ...values, id }).changes === 0) throw new AppError('NOT_FOUND');
  return { id };
}

export function saveSignal(db: Db, input: SignalInput, clock: Clock, id?: number): { id: number } {
  if (futureSignalFields(input, clock()).length > 0) throw new AppError('INVALID_INPUT');
  return saveRow(db, 'signals', { noted_on: input.notedOn, unit: input.unit, theme: input.theme, note: input.note }, id);
}

export function listActivities(db: Db): Activity[] {
  return db
    .prepare('SELECT id, held_on AS heldOn, type, audience, attendees FROM activities ORDER BY held_on DESC, id DESC')
    .all() as Activity[];
}

export function saveActivity(db: Db, input: ActivityInput, id?: number): { id: number } {
  return saveRow(db, 'activities', { held_on: input.heldOn, type: input.type, audience: input.audience, attendees: input.attendees }, id);
}

export function deleteRow(db: Db, table: OutreachTable, id: number): void {
  if (db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id).changes === 0) throw new AppError('NOT_FOUND');
}
