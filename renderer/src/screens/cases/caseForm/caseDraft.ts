import type { CaseInput, Reporter } from '../../../../../shared/contract';
import { localMinute } from '../../../../../shared/time';

export const today = () => localMinute(new Date()).slice(0, 10);

/** A reporter as the form holds them: category, age band and role stay unchosen until the adviser picks one. */
type ReporterDraft = Omit<Reporter, 'staffCategory' | 'ageBand' | 'role'> & {
  staffCategory: Reporter['staffCategory'] | null;
  ageBand: Reporter['ageBand'] | null;
  role: Reporter['role'] | null;
};

/** The case as the form holds it; the shared schema refuses it until every choice is made. */
export type CaseDraft = Omit<CaseInput, 'reporters'> & { reporters: ReporterDraft[] };

export function emptyCase(): CaseDraft {
  return {
    label: '',
    firstContactAt: localMinute(new Date()),
    firstResponseAt: null,
    intakeRoute: 'direct',
    referredInBy: null,
    reporterIdentified: true,
    reporters: [newReporter()],
    natures: [],
    otherParty: { relation: null, hierarchical: null, description: '' },
    recency: null,
    frequency: null,
    peopleAffected: null,
    peopleBehavingBadly: null,
    handlings: [],
    referrals: [],
    consents: [],
    status: 'open',
    closedOn: null,
    outcome: null,
    destroyBy: null,
  };
}

// No default becomes a statistic: what the adviser does not choose is not counted as chosen.
export function newReporter(): ReporterDraft {
  return {
    name: '',
    staffCategory: null,
    employmentStatus: 'current',
    ageBand: null,
    gender: null,
    unit: '',
    role: null,
    earlierPeriod: 'not_earlier',
    international: null,
  };
}
