import type { ErasurePreview } from '../../../shared/schemas/access';
import { localSecond } from '../../../shared/time';
import { getCase } from '../cases/caseRecords';
import { destroyCases, leaveNothingReadable } from '../cases/retention';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { ReportPhase } from '../events';
import { followUpsOfCase } from '../followUps/followUps';
import type { Db } from '../vault/database';
import { keptMentionsOf } from './keptMentions';
import { entriesOnlyOf, entriesSharedWith, withoutName } from './reporterEntries';

function erasureOf(db: Db, caseId: number, position: number) {
  const record = getCase(db, caseId);
  if (position >= record.reporters.length) throw new AppError('NOT_FOUND');
  const wholeCase = record.reporters.length === 1;
  const destroyed = wholeCase ? record.conversations : entriesOnlyOf(record, position);
  return { record, wholeCase, destroyed };
}

export function erasurePreview(db: Db, caseId: number, position: number): ErasurePreview {
  const { record, wholeCase, destroyed } = erasureOf(db, caseId, position);
  return {
    caseNumber: record.number,
    wholeCase,
    entriesDestroyed: destroyed.length,
    entriesKept: record.conversations.length - destroyed.length,
    reportersKept: record.reporters.length - 1,
    draftsDiscarded: db.prepare('SELECT count(*) FROM drafts WHERE case_id = ?').pluck().get(caseId) as number,
    keptMentions: wholeCase ? [] : keptMentionsOf(record, position, destroyed, followUpsOfCase(db, caseId)),
  };
}

/**
 * Destroys what concerns only this reporter, beyond recovery as retention does: their record,
 * their own entries (with the steps set on them), their name among who took part in the entries
 * they shared, and every unsaved draft of the case, which may hold their name. A joint case keeps
 * its other reporters, their entries and what they shared.
 * The only reporter of a case takes the whole case with them, recorded as a destruction.
 * Nothing happens unless `confirmation` is the case's number, as the adviser typed it.
 */
export function eraseReporter(db: Db, caseId: number, position: number, confirmation: string, clock: Clock, report: ReportPhase<'retention'>): { wholeCase: boolean } {
  const { record, wholeCase, destroyed } = erasureOf(db, caseId, position);
  if (confirmation.trim() !== record.number) throw new AppError('CONFIRMATION_MISMATCH');
  if (wholeCase) {
    destroyCases(db, [caseId], clock, report);
    return { wholeCase };
  }
  report('delete');
  db.transaction(() => {
    db.prepare('INSERT INTO reporter_erasures (case_id, first_contact_at, erased_at) VALUES (?, ?, ?)').run(caseId, record.firstContactAt, localSecond(clock()));
    const entry = db.prepare('DELETE FROM conversations WHERE id = ?');
    const steps = db.prepare("DELETE FROM follow_ups WHERE conversation_id = ? AND kind = 'own'");
    for (const { id } of destroyed) {
      steps.run(id);
      entry.run(id);
    }
    const participants = db.prepare('UPDATE conversations SET participants = ? WHERE id = ?');
    for (const shared of entriesSharedWith(record, position)) participants.run(withoutName(shared.participants, record.reporters[position]!.name), shared.id);
    db.prepare('DELETE FROM drafts WHERE case_id = ?').run(caseId);
    db.prepare('DELETE FROM case_reporters WHERE case_id = ? AND position = ?').run(caseId, position);
    db.prepare('UPDATE case_reporters SET position = position - 1 WHERE case_id = ? AND position > ?').run(caseId, position);
  })();
  leaveNothingReadable(db, report);
  return { wholeCase };
}
