import type { ReferralFlow, TeamReport } from './schemas/teamReport';

/** Only a sender counting more than its receiver leaves a question: were the others recorded as direct reports, or did they not arrive? */
export function needsAnswer(flow: { made: number; received: number }): boolean {
  return flow.made > flow.received;
}

/**
 * A flow of the exact report whose sender counted more referrals than its receiver, not yet
 * answered by the merging member: until it is, a report may be counted twice, so publishing waits.
 */
export function awaitsAnswer(flow: ReferralFlow): boolean {
  const { made, received } = flow;
  return typeof made === 'number' && typeof received === 'number' && needsAnswer({ made, received }) && flow.answer === null;
}

export function unansweredFlows(report: TeamReport): ReferralFlow[] {
  return (report.exact.team?.referralFlows ?? []).filter(awaitsAnswer);
}
