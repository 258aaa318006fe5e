import type { AnswerFlowRequest } from '../../../shared/schemas/teamReport';
import { AppError } from '../errors';
import type { Db } from '../vault/database';
import { needsAnswer } from '../../../shared/flowQuestions';
import { referralFlows, type KeptFlowAnswer } from './referralFlows';
import { importedExports } from './teamImports';

/** The answers kept for a report year, each with the counts it was given for. */
export function keptFlowAnswers(db: Db, year: number): KeptFlowAnswer[] {
  return db
    .prepare('SELECT from_code AS "from", to_code AS "to", made, received, answer FROM team_flow_answers WHERE report_year = ?')
    .all(year) as KeptFlowAnswer[];
}

/**
 * Keeps the merging member's answer to a flow of the year as the imports count it now; refused
 * for a flow whose sides agree (or where the receiver counted more: nothing is counted twice there).
 */
export function answerFlow(db: Db, { year, from, to, answer }: AnswerFlowRequest): void {
  const flow = referralFlows(importedExports(db, year)).find((candidate) => candidate.from === from && candidate.to === to);
  if (!flow || !needsAnswer(flow)) throw new AppError('FLOW_NOT_IN_QUESTION');
  if (answer === null) {
    db.prepare('DELETE FROM team_flow_answers WHERE report_year = ? AND from_code = ? AND to_code = ?').run(year, from, to);
    return;
  }
  db.prepare(
    `INSERT INTO team_flow_answers (report_year, from_code, to_code, made, received, answer) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (report_year, from_code, to_code) DO UPDATE SET made = excluded.made, received = excluded.received, answer = excluded.answer`,
  ).run(year, from, to, flow.made, flow.received, answer);
}
