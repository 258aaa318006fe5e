import { z } from 'zod';
import type { Db } from '../vault/database';

/**
 * A case retention destroyed: its id with its first-contact time (so a later case that took the
 * same id is never mistaken for it) and when. No content.
 */
export const Destruction = z.object({ caseId: z.number().int().positive(), firstContactAt: z.string().max(40), destroyedAt: z.string().max(40) }).strict();
export type Destruction = z.infer<typeof Destruction>;

export function destructionsIn(db: Db): Destruction[] {
  return db.prepare('SELECT case_id AS caseId, first_contact_at AS firstContactAt, destroyed_at AS destroyedAt FROM destructions ORDER BY destroyed_at, case_id').all() as Destruction[];
}

export function recordDestructions(db: Db, destructions: Destruction[]): void {
  const insert = db.prepare('INSERT OR IGNORE INTO destructions (case_id, first_contact_at, destroyed_at) VALUES (?, ?, ?)');
  for (const entry of destructions) insert.run(entry.caseId, entry.firstContactAt, entry.destroyedAt);
}
