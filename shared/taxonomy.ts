/**
 * Codes are stable: they are stored in vaults and written into exports, so a code never
 * changes meaning. Labels live in the renderer's translations under `taxonomy.<list>.<code>`.
 */
export const INTAKE_ROUTES = [
  'direct',
  'via_concerns_point',
  'referred_by_function',
  'national_desk_threatened_scientists',
  'other',
] as const;
export type IntakeRoute = (typeof INTAKE_ROUTES)[number];
