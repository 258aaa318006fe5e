import { AppView, type Draft, type DraftInput } from '../../../shared/schemas/drafts';
import type { Clock } from '../clock';
import type { Db } from '../vault/database';
import { assertCaseExists } from '../cases/caseExists';

/**
 * Unsaved work kept at a lock, inside the encrypted vault only. Drafts live in their own table,
 * which no count, export or search reads, so nothing half-typed becomes a statistic.
 */
export function saveDraft(db: Db, draft: DraftInput, clock: Clock): void {
  if (draft.caseId !== null) assertCaseExists(db, draft.caseId);
  db.prepare(
    `INSERT INTO drafts (key, case_id, view, content, saved_at) VALUES (@key, @caseId, @view, @content, @savedAt)
     ON CONFLICT (key) DO UPDATE SET case_id = excluded.case_id, view = excluded.view, content = excluded.content, saved_at = excluded.saved_at`,
  ).run({ ...draft, view: JSON.stringify(draft.view), savedAt: clock().toISOString() });
}

interface DraftRow {
  key: string;
  caseId: number | null;
  view: string;
  content: string;
  savedAt: string;
}

/**
 * Newest first, since the adviser returns to the screen of the last draft written. Taking them
 * deletes them: the window holds them in its forms again, and the next lock saves what is still
 * unsaved, so no draft outlives the form that could show it.
 */
export function takeDrafts(db: Db): Draft[] {
  return db.transaction(() => {
    const rows = db.prepare('SELECT key, case_id AS caseId, view, content, saved_at AS savedAt FROM drafts ORDER BY saved_at DESC, key').all() as DraftRow[];
    db.prepare('DELETE FROM drafts').run();
    return rows.map((row) => ({ ...row, view: AppView.parse(JSON.parse(row.view)) }));
  })();
}
