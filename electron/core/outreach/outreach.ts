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

export function saveSignal(db: Db, input: SignalInput, clock: Clock, id?: number): { id: number } {
  if (futureSignalFields(input, clock()).length > 0) throw new AppError('INVALID_INPUT');
  const values = [input.notedOn, input.unit, input.theme, input.note];
  if (id === undefined) {
    const result = db.prepare('INSERT INTO signals (noted_on, unit, theme, note) VALUES (?, ?, ?, ?)').run(...values);
    return { id: Number(result.lastInsertRowid) };
  }
  if (db.prepare('UPDATE signals SET noted_on = ?, unit = ?, theme = ?, note = ? WHERE id = ?').run(...values, id).changes === 0) {
    throw new AppError('NOT_FOUND');
  }
  return { id };
}

export function listActivities(db: Db): Activity[] {
  return db
    .prepare('SELECT id, held_on AS heldOn, type, audience, attendees FROM activities ORDER BY held_on DESC, id DESC')
    .all() as Activity[];
}

export function saveActivity(db: Db, input: ActivityInput, id?: number): { id: number } {
  const values = [input.heldOn, input.type, input.audience, input.attendees];
  if (id === undefined) {
    const result = db.prepare('INSERT INTO activities (held_on, type, audience, attendees) VALUES (?, ?, ?, ?)').run(...values);
    return { id: Number(result.lastInsertRowid) };
  }
  if (db.prepare('UPDATE activities SET held_on = ?, type = ?, audience = ?, attendees = ? WHERE id = ?').run(...values, id).changes === 0) {
    throw new AppError('NOT_FOUND');
  }
  return { id };
}

export function deleteRow(db: Db, table: 'signals' | 'activities', id: number): void {
  if (db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id).changes === 0) throw new AppError('NOT_FOUND');
}
