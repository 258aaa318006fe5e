import type { Db } from '../../electron/core/vault/database';
import { createCase } from '../../electron/core/cases/caseRecords';
import { addConversation } from '../../electron/core/cases/conversations';
import { saveActivity, saveSignal } from '../../electron/core/outreach/outreach';
import type { CaseInput } from '../../shared/contract';
import {
  AGE_BANDS,
  CONVERSATION_MODES,
  OTHER_PARTY_RELATIONS,
  STAFF_CATEGORIES,
  type HandlingType,
  type IntakeRoute,
  type Nature,
} from '../../shared/taxonomy';

/** A seeded generator, so every run builds the same vault. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(random: () => number, table: [T, number][]): T {
  const total = table.reduce((sum, [, weight]) => sum + weight, 0);
  let pick = random() * total;
  for (const [value, weight] of table) {
    pick -= weight;
    if (pick <= 0) return value;
  }
  return table[table.length - 1]![0];
}

const pick = <T>(random: () => number, values: readonly T[]): T => values[Math.floor(random() * values.length)]!;

/** The seed year's proportions (DOMAIN.md): intimidation 29%, labour conflict ~25%, cooperation 17%, … */
const NATURE_WEIGHTS: [Nature, number][] = [
  ['intimidation', 29], ['labour_conflict', 25], ['cooperation_problems', 17], ['sexual_harassment', 12], ['workload', 8],
  ['bullying', 6], ['discrimination', 4], ['abuse_of_power', 4], ['illness_reintegration', 3], ['work_care_combination', 3],
  ['threats', 2], ['integrity_conflict_of_interest', 2], ['mental_health', 2], ['other', 2],
];
const ROUTE_WEIGHTS: [IntakeRoute, number][] = [['via_concerns_point', 43], ['direct', 29], ['referred_by_function', 26], ['other', 2]];
const HANDLING_WEIGHTS: [HandlingType, number][] = [['advice_only', 60], ['accompaniment', 15], ['referral', 12], ['mediation', 8], ['investigation', 5]];

/** Words for notes and for search queries: everyday Dutch, plus rarer terms that narrow a search. */
export const COMMON_WORDS = 'gesprek melder leidinggevende collega afdeling situatie werk overleg afspraak advies contact week maand team project verslag vraag zorgen gevoel sfeer vergadering mail telefoon begeleiding vervolg besproken'.split(' ');
export const RARE_WORDS = 'promotiecommissie reorganisatie bedrijfsarts mantelzorg ziekteverzuim klachtencommissie integriteit vertrouwensbreuk escalatie bemiddelaar werkdrukmeting herplaatsing functioneringsgesprek beoordelingscyclus onderzoeksgroep subsidieaanvraag'.split(' ');

function note(random: () => number): string {
  const length = 25 + Math.floor(random() * 50);
  const words: string[] = [];
  for (let i = 0; i < length; i++) words.push(random() < 0.04 ? pick(random, RARE_WORDS) : pick(random, COMMON_WORDS));
  return `${words.join(' ')}.`;
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * Fills a vault with a decade of records: about 3.3 conversations per case, so 100,000
 * conversations make some 30,000 cases, with signals and activities besides.
 */
export function generateVault(db: Db, conversations: number, seed: number): { cases: number; conversations: number } {
  const random = seededRandom(seed);
  const clock = () => new Date(2026, 10, 23, 12, 0);
  let written = 0;
  let cases = 0;
  db.transaction(() => {
    while (written < conversations) {
      const year = 2017 + Math.floor(random() * 10);
      const month = 1 + Math.floor(random() * (year === 2026 ? 10 : 12));
      const day = 1 + Math.floor(random() * 28);
      const hour = 8 + Math.floor(random() * 9);
      const contact = `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:00`;
      const responded = random() < 0.92;
      const closed = year < 2026 || random() < 0.5;
      const natures = [...new Set([weighted(random, NATURE_WEIGHTS), ...(random() < 0.3 ? [weighted(random, NATURE_WEIGHTS)] : [])])];
      const handling = weighted(random, HANDLING_WEIGHTS);
      const reporterCount = random() < 0.9 ? 1 : random() < 0.8 ? 2 : 3;
      const intakeRoute = weighted(random, ROUTE_WEIGHTS);
      const input: CaseInput = {
        label: `Dossier ${cases + 1}`,
        firstContactAt: contact,
        firstResponseAt: responded ? `${year}-${pad(month)}-${pad(day)}T${pad(Math.min(hour + 1 + Math.floor(random() * 6), 23))}:00` : null,
        intakeRoute,
        referredInBy: intakeRoute === 'via_concerns_point' ? 'concerns_point' : intakeRoute === 'referred_by_function' ? 'confidential_adviser' : null,
        reporterIdentified: true,
        reporters: Array.from({ length: reporterCount }, () => ({
          name: '',
          staffCategory: weighted(random, STAFF_CATEGORIES.map((category, index): [typeof category, number] => [category, index === 0 ? 53 : index === 2 ? 9 : 5])),
          employmentStatus: random() < 0.97 ? ('current' as const) : ('former' as const),
          ageBand: pick(random, AGE_BANDS),
          gender: null,
          unit: `Faculteit ${1 + Math.floor(random() * 9)}`,
          role: random() < 0.8 ? ('directly_affected' as const) : ('bystander' as const),
          earlierPeriod: random() < 0.05 ? ('during_phd' as const) : ('not_earlier' as const),
          international: null,
        })),
        natures,
        otherParty: { relation: pick(random, OTHER_PARTY_RELATIONS), hierarchical: random() < 0.5, description: '' },
        recency: null,
        frequency: null,
        peopleAffected: null,
        peopleBehavingBadly: null,
        handlings: [handling],
        referrals: handling === 'referral' ? [{ target: random() < 0.3 ? 'ombudsperson' : 'hr_adviser', referredOn: contact.slice(0, 10) }] : [],
        consents: random() < 0.95 ? [{ scope: 'count_in_statistics', answer: 'given', withWhom: '', givenOn: contact.slice(0, 10), withdrawnOn: null }] : [],
        status: closed ? 'closed' : 'open',
        closedOn: closed ? `${year}-${pad(month)}-${pad(Math.min(day + 1, 28))}` : null,
        outcome: closed ? 'resolved' : null,
        destroyBy: null,
      };
      const { id } = createCase(db, input, clock);
      cases++;
      const count = Math.min(1 + Math.floor(random() * 5.6), conversations - written);
      for (let i = 0; i < count; i++) {
        addConversation(db, id, { kind: 'conversation', heldAt: contact, durationMinutes: 30 + Math.floor(random() * 60), mode: pick(random, CONVERSATION_MODES), participants: '', notes: note(random) }, clock);
        written++;
      }
    }
    for (let i = 0; i < cases / 20; i++) {
      const date = `${2017 + Math.floor(random() * 10)}-${pad(1 + Math.floor(random() * 10))}-${pad(1 + Math.floor(random() * 28))}`;
      saveSignal(db, { notedOn: date, unit: `Faculteit ${1 + Math.floor(random() * 9)}`, theme: weighted(random, NATURE_WEIGHTS), note: '' }, clock);
      saveActivity(db, { heldOn: date, type: 'workshop', audience: 'medewerkers', attendees: 10 + Math.floor(random() * 40) });
    }
  })();
  return { cases, conversations: written };
}

