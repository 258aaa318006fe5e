import type { ReferralFlow, TeamReport } from './schemas/teamReport';

/**
 * A flow of the exact report whose sender counted more referrals than its receiver, not yet
 * answered by the merging member: until it is, a report may be counted twice, so publishing waits.
 */
export function awaitsAnswer(flow: ReferralFlow): boolean {
  return typeof flow.made === 'number' && typeof flow.received === 'number' && flow.made > flow.received && flow.answer === null;
}

export function unansweredFlows(report: TeamReport): ReferralFlow[] {
  return (report.exact.team?.referralFlows ?? []).filter(awaitsAnswer);
}
