import { z } from 'zod';
import { NATURES, OTHER_PARTY_RELATIONS, STAFF_CATEGORIES } from '../taxonomy';

/**
 * Named groups of codes the publication shows as one row ("direct supervisor or (co)promotor").
 * Saved in the merging member's vault; they change only how the report shows rows, never what is
 * stored or exported.
 */
export const GROUPABLE_LISTS = { nature: NATURES, otherPartyRelation: OTHER_PARTY_RELATIONS, staffCategory: STAFF_CATEGORIES } as const;
export type GroupableList = keyof typeof GROUPABLE_LISTS;
const LIST_NAMES = Object.keys(GROUPABLE_LISTS) as [GroupableList, ...GroupableList[]];

/** A grouped row's key in the report: the prefix keeps it apart from every taxonomy code. */
export const GROUP_KEY_PREFIX = 'group:';

export const Grouping = z
  .object({
    list: z.enum(LIST_NAMES),
    name: z.string().trim().min(1, 'required').max(80, 'tooLong').regex(/^[^\p{Cc}]*$/u, 'invalidCharacters'),
    codes: z.array(z.string()).min(2, 'groupNeedsTwo').max(30),
  })
  .strict()
  .refine((grouping) => grouping.codes.every((code) => (GROUPABLE_LISTS[grouping.list] as readonly string[]).includes(code)), {
    message: 'unknownCode',
    path: ['codes'],
  })
  .refine((grouping) => new Set(grouping.codes).size === grouping.codes.length, { message: 'duplicate', path: ['codes'] });
export type Grouping = z.infer<typeof Grouping>;

/** Within one list a code belongs to at most one group, and names are unique. */
export const Groupings = z
  .array(Grouping)
  .max(50)
  .superRefine((groupings, context) => {
    for (const list of LIST_NAMES) {
      const inList = groupings.map((grouping, index) => ({ grouping, index })).filter(({ grouping }) => grouping.list === list);
      const codes = new Set<string>();
      const names = new Set<string>();
      for (const { grouping, index } of inList) {
        if (names.has(grouping.name)) context.addIssue({ code: 'custom', path: [index, 'name'], message: 'duplicate' });
        names.add(grouping.name);
        for (const code of grouping.codes) {
          if (codes.has(code)) context.addIssue({ code: 'custom', path: [index, 'codes'], message: 'codeInTwoGroups' });
          codes.add(code);
        }
      }
    }
  });
export type Groupings = z.infer<typeof Groupings>;

/** The combinations the reference annual report publishes; the team can change them. */
export const DEFAULT_GROUPINGS: Groupings = [
  { list: 'otherPartyRelation', name: 'Direct leidinggevende of (co)promotor', codes: ['direct_supervisor', 'promotor_supervisor'] },
  { list: 'nature', name: 'Pesten en re-integratie', codes: ['bullying', 'illness_reintegration'] },
  { list: 'nature', name: 'Discriminatie', codes: ['discrimination', 'discrimination_disability', 'discrimination_racism'] },
  { list: 'nature', name: 'Overig: privé, mentaal, studenten', codes: ['private_problems', 'mental_health', 'problems_with_students', 'other'] },
];
