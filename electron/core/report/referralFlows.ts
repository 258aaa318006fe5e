import { needsAnswer } from '../../../shared/flowQuestions';
import type { ExportFile } from '../../../shared/schemas/export';
import type { FlowAnswer } from '../../../shared/schemas/teamReport';
import { FUNCTION_REFERRAL_CODES, REFERRAL_CODE_OF_FUNCTION, type FunctionReferralCode } from '../../../shared/taxonomy';

/**
 * Referrals between team functions, once as the sender counted them (referrals made) and once as
 * the receiver did (reports received), so a disagreement shows instead of being averaged away.
 */
export interface Flow {
  from: FunctionReferralCode;
  to: FunctionReferralCode;
  made: number;
  received: number;
  /** The merging member's answer, where one was given for exactly these counts. */
  answer: FlowAnswer | null;
}

/** An answer as kept, with the counts it was given for. */
export interface KeptFlowAnswer {
  from: FunctionReferralCode;
  to: FunctionReferralCode;
  made: number;
  received: number;
  answer: FlowAnswer;
}

export function referralFlows(files: ExportFile[], answers: readonly KeptFlowAnswer[] = []): Flow[] {
  const flows: Flow[] = [];
  for (const from of FUNCTION_REFERRAL_CODES) {
    for (const to of FUNCTION_REFERRAL_CODES) {
      let made = 0;
      let received = 0;
      for (const file of files) {
        const code = REFERRAL_CODE_OF_FUNCTION[file.function];
        if (code === from) made += file.counts.byReferralTarget[to];
        if (code === to) received += file.counts.referralsReceived[from];
      }
      if (made === 0 && received === 0) continue;
      const kept = answers.find((answer) => answer.from === from && answer.to === to && answer.made === made && answer.received === received);
      flows.push({ from, to, made, received, answer: kept && needsAnswer({ made, received }) ? kept.answer : null });
    }
  }
  return flows;
}

/** Reports the receiver recorded as direct although the sender had referred them: both count them, the total must count them once. */
export function countedTwice(flow: Flow): number {
  return flow.answer === 'recorded_as_direct' ? flow.made - flow.received : 0;
}

/** Which section of the report a receiving function's reports are counted in. */
export function sectionOf(code: FunctionReferralCode): 'team' | 'faculty' {
  return code === 'faculty_adviser' ? 'faculty' : 'team';
}
