import type { Db } from '../../electron/core/vault/database';
import { CANARY } from '../fixtures/canaries';

/**
 * The draft writer's steps: the note of one case's new-conversation form, kept as a draft at each
 * step, and saved as a conversation (with its draft, in one request) at every fifth.
 */
export const draftKey = (caseId: number) => `conversation:new:${caseId}`;

/** A note of a few kilobytes, as a long conversation's, with a canary that must stay inside the cipher. */
export function draftNote(n: number): string {
  return `draft ${n} ${CANARY.noteWord} ${'y'.repeat(1000 + (n % 5) * 700)}`;
}

export const isSaveStep = (n: number) => n % 5 === 4;

/** What the writer printed: `case <id>`, then `ack draft <n>` or `ack saved <n>` once the vault answered. */
export function readSaid(lines: string[]): { caseId: number | null; lastAcked: number } {
  let caseId: number | null = null;
  let lastAcked = -1;
  for (const line of lines) {
    const started = /^case (\d+)$/.exec(line);
    if (started) caseId = Number(started[1]);
    const acked = /^ack (draft|saved) (\d+)$/.exec(line);
    if (acked) lastAcked = Number(acked[2]);
  }
  return { caseId, lastAcked };
}

/**
 * The promises, on whatever the vault holds after a crash: it is the state after some step at
 * least as late as the last acknowledged one, never between the parts of a step. A draft is
 * newer than every saved note (a saved note never comes back as a draft), every save up to the
 * step reached is there once, and each text is exactly what was written. Returns what is broken.
 */
export function draftPromisesBroken(db: Db, caseId: number, lastAcked: number): string[] {
  const broken: string[] = [];
  const content = db.prepare('SELECT content FROM drafts WHERE key = ?').pluck().get(draftKey(caseId)) as string | undefined;
  const draftStep = content === undefined ? null : Number(/^draft (\d+) /.exec(content)?.[1] ?? NaN);
  if (content !== undefined && content !== draftNote(draftStep!)) broken.push(`the draft is not exactly what step ${draftStep} wrote`);
  const notes = db.prepare('SELECT notes FROM conversations WHERE case_id = ? ORDER BY id').pluck().all(caseId) as string[];
  const saved = notes.map((note) => Number(/^draft (\d+) /.exec(note)?.[1] ?? NaN));
  notes.forEach((note, index) => {
    if (note !== draftNote(saved[index]!)) broken.push(`saved note ${index} is not exactly what its step wrote`);
  });
  const lastSaved = saved.at(-1) ?? -1;
  if (draftStep !== null && draftStep <= lastSaved) broken.push(`draft ${draftStep} is back after note ${lastSaved} was saved`);
  const reached = draftStep ?? lastSaved;
  if (reached < lastAcked) broken.push(`the vault holds step ${reached}, older than step ${lastAcked} acknowledged`);
  const expectedSaves = Array.from({ length: reached + 1 }, (_, n) => n).filter(isSaveStep);
  if (JSON.stringify(saved) !== JSON.stringify(expectedSaves)) broken.push(`saved ${JSON.stringify(saved)} where steps ${JSON.stringify(expectedSaves)} were saved`);
  return broken;
}
