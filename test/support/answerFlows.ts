import type { TeamReport } from '../../shared/contract';
import { unansweredFlows } from '../../shared/flowQuestions';

type Ok = <T = unknown>(channel: string, request: unknown) => Promise<T>;

/**
 * Answers every referral flow the merging member is asked about before publishing, with "did
 * not arrive" (which changes no total): for tests about other things whose generated teams have
 * flows counted differently on the two sides.
 */
export async function answerOpenFlows(ok: Ok, year: number): Promise<void> {
  const report = await ok<TeamReport>('team.report', { year, k: 5, grouped: false });
  for (const flow of unansweredFlows(report)) await ok('team.answerFlow', { year, from: flow.from, to: flow.to, answer: 'did_not_arrive' });
}
