import { z } from 'zod';
import type { Db } from '../vault/database';

/**
 * One reporter of a joint case erased at their request: the case (its id with its first contact,
 * so a later case that took the same id is never mistaken for it) and when. Never who, nor a
 * digest of who: a record that could name them again would undo the erasure.
 */
export const Erasure = z.object({ caseId: z.number().int().positive(), firstContactAt: z.string().max(40), erasedAt: z.string().max(40) }).strict();
export type Erasure = z.infer<typeof Erasure>;

/** The erasures a database holds; one from before they were recorded (an older backup) holds none. */
export function erasuresIn(db: Db): Erasure[] {
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'reporter_erasures'").get() === undefined) return [];
  return db.prepare('SELECT case_id AS caseId, first_contact_at AS firstContactAt, erased_at AS erasedAt FROM reporter_erasures ORDER BY erased_at, id').all() as Erasure[];
}

const erasureKey = (erasure: Erasure) => `${erasure.caseId}|${erasure.firstContactAt}|${erasure.erasedAt}`;

/**
 * The erasures of `all` that `known` does not hold. Each row counts on its own: two reporters of one
 * case erased in the same second are two erasures, and a copy that holds one of them still predates
 * the other. Which erasures a copy holds, never the clock, says whether it was made before them.
 */
export function erasuresNotIn(all: Erasure[], known: Erasure[]): Erasure[] {
  const left = new Map<string, number>();
  for (const erasure of known) left.set(erasureKey(erasure), (left.get(erasureKey(erasure)) ?? 0) + 1);
  return all.filter((erasure) => {
    const count = left.get(erasureKey(erasure)) ?? 0;
    left.set(erasureKey(erasure), count - 1);
    return count <= 0;
  });
}

/** Carries erasures into a vault (a restored one) that does not hold them yet. */
export function recordErasures(db: Db, erasures: Erasure[]): void {
  const insert = db.prepare('INSERT INTO reporter_erasures (case_id, first_contact_at, erased_at) VALUES (?, ?, ?)');
  for (const erasure of erasuresNotIn(erasures, erasuresIn(db))) insert.run(erasure.caseId, erasure.firstContactAt, erasure.erasedAt);
}
