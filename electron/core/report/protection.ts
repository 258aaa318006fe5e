import solver, { type SolveResult } from 'javascript-lp-solver';

/** Σ coef · quantity = 0 (a sum or an identity), or ≤ 0 (parts of a whole). */
export interface Relation {
  terms: { name: string; coef: number }[];
  bound: 'equal' | 'atMost';
}

/** Far past any threshold: a count no published sum bounds from above gets this ceiling. */
export const UNBOUNDED = 1_000_000;

/**
 * The greatest value a hidden quantity can take, given every relation and the values of the
 * published quantities (continuous relaxation, every count at least 0), as a linear program. The
 * least is not needed: the true value is always possible, so a small count whose greatest value
 * reaches k can take more than one value. The audit in the tests checks the same guarantee with
 * another solver, from the printed document.
 */
export function maximumOf(target: string, relations: Relation[], published: (name: string) => number | undefined): number {
  const constraints: Record<string, { equal: number } | { max: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  const variable = (name: string) => (variables[name] ??= { objective: 0, [`ceiling:${name}`]: 1 });
  relations.forEach((relation, index) => {
    let constant = 0;
    const unknown = new Map<string, number>();
    for (const term of relation.terms) {
      const value = published(term.name);
      if (value === undefined) unknown.set(term.name, (unknown.get(term.name) ?? 0) + term.coef);
      else constant += term.coef * value;
    }
    if (unknown.size === 0) return;
    constraints[`r${index}`] = relation.bound === 'equal' ? { equal: -constant } : { max: -constant };
    for (const [name, coef] of unknown) variable(name)[`r${index}`] = coef;
  });
  variable(target).objective = 1;
  for (const name of Object.keys(variables)) constraints[`ceiling:${name}`] = { max: UNBOUNDED };
  const result = solver.Solve({ optimize: 'objective', opType: 'max', constraints, variables }) as SolveResult;
  if (!result.feasible) throw new Error('suppression relations are inconsistent');
  return Math.round(result.result * 1000) / 1000;
}
