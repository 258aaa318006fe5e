import solver, { type SolveResult } from 'javascript-lp-solver';

/** A sum over named quantities: Σ coef · quantity = 0. */
export type Relation = { name: string; coef: number }[];

/** Far past any threshold: a count no published sum bounds from above gets this ceiling. */
export const UNBOUNDED = 1_000_000;

/**
 * The least and greatest value a hidden quantity can take, given every relation and the values of
 * the published quantities (continuous relaxation, every count at least 0). Solved as two linear
 * programs; the audit in the tests checks the same guarantee with another solver, from the
 * printed report instead of these relations.
 */
export function rangeOf(target: string, relations: Relation[], published: (name: string) => number | undefined): { low: number; high: number } {
  const constraints: Record<string, { equal: number } | { max: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  const variable = (name: string) => (variables[name] ??= { objective: 0, [`ceiling:${name}`]: 1 });
  relations.forEach((relation, index) => {
    let constant = 0;
    const unknown = relation.filter((term) => {
      const value = published(term.name);
      if (value === undefined) return true;
      constant += term.coef * value;
      return false;
    });
    if (unknown.length === 0) return;
    constraints[`r${index}`] = { equal: -constant };
    for (const term of unknown) variable(term.name)[`r${index}`] = term.coef;
  });
  variable(target).objective = 1;
  for (const name of Object.keys(variables)) constraints[`ceiling:${name}`] = { max: UNBOUNDED };
  const extreme = (opType: 'min' | 'max') => {
    const result = solver.Solve({ optimize: 'objective', opType, constraints, variables }) as SolveResult;
    if (!result.feasible) throw new Error('suppression relations are inconsistent');
    return Math.round(result.result * 1000) / 1000;
  };
  return { low: extreme('min'), high: extreme('max') };
}
