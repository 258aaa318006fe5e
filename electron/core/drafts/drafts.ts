import { AppView, type Draft, type DraftInput } from '../../../shared/schemas/drafts';
import type { Clock } from '../clock';
import type { Db } from '../vault/database';
import { assertCaseExists } from '../cases/caseExists';

/**
 * Unsaved work, inside the encrypted vault only: each form's draft is written while the adviser
 * types and at every lock. Drafts live in their own table, which no count, export or search
 * reads, so nothing half-typed becomes a statistic.
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
 * Newest first, since the adviser returns to the screen of the last draft written. Reading them
 * leaves them in the vault: a window or core that dies after the unlock finds them again, until
 * their form is saved or the adviser throws them away.
 */
export function listDrafts(db: Db): Draft[] {
  const rows = db.prepare('SELECT key, case_id AS caseId, view, content, saved_at AS savedAt FROM drafts ORDER BY saved_at DESC, key').all() as DraftRow[];
  return rows.map((row) => ({ ...row, view: AppView.parse(JSON.parse(row.view)) }));
}

/** Nothing of it is left to keep: its form was saved, or the adviser threw it away. */
export function discardDraft(db: Db, key: string): void {
  db.prepare('DELETE FROM drafts WHERE key = ?').run(key);
}
