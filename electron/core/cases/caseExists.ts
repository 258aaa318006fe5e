import { AppError } from '../errors';
import type { Db } from '../vault/database';

export function assertCaseExists(db: Db, id: number): void {
  if (!db.prepare('SELECT 1 FROM cases WHERE id = ?').get(id)) throw new AppError('NOT_FOUND');
}
