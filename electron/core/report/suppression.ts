import type { Published, SuppressionMark } from '../../../shared/schemas/teamReport';
import { rangeOf, type Relation } from './protection';

export type { Published };

/** A sum the report lets a reader check: the total equals the sum of its members. */
interface Equation {
  total: string;
  members: string[];
}

/**
 * Small-cell suppression over every number one report section publishes, as one system.
 *
 * Each published number is a named quantity; a quantity printed in several tables (the reporters
 * above the profile and the age table, a nature's count beside its row in the crosses) has one
 * name, so it is hidden everywhere or nowhere. Every table total is an equation.
 *
 * Primary: every count from 1 to k − 1 ("<k"). Complementary ("×"): counts hidden only so that no
 * small count can be recomputed or bounded below k from the published sums. Complements are the
 * smallest counts that do the job, so little is lost; a name shared between tables makes a cell
 * hidden in one table count as hidden in all. The guarantee is audited independently, from the
 * printed report and with another solver (test/support/suppressionAudit.ts).
 */
export class SuppressionPlan {
  private readonly values = new Map<string, number>();
  private readonly equations: Equation[] = [];

  /** Registers a quantity; a name registered twice must carry the same value. */
  quantity(name: string, value: number): string {
    const known = this.values.get(name);
    if (known !== undefined && known !== value) throw new Error(`quantity ${name} has two values`);
    this.values.set(name, value);
    return name;
  }

  /** A name for the value: the shared name when the two agree, else a name of its own. */
  linked(shared: string, own: string, value: number): string {
    return this.values.get(shared) === value ? shared : this.quantity(own, value);
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  equation(total: string, members: string[]): void {
    if (members.length > 0) this.equations.push({ total, members });
  }

  solve(k: number): (name: string) => Published {
    const marks = new Map<string, SuppressionMark>();
    for (const [name, value] of this.values) if (value > 0 && value < k) marks.set(name, 'small');
    this.closeEquations(marks, k);
    this.protectByRange(marks, k);
    return (name) => marks.get(name) ?? this.values.get(name)!;
  }

  private value(name: string): number {
    return this.values.get(name)!;
  }

  /** The smallest published non-zero count among the names, or undefined. */
  private smallestShown(names: string[], marks: Map<string, SuppressionMark>): string | undefined {
    return names.filter((name) => !marks.has(name) && this.value(name) > 0).sort((a, b) => this.value(a) - this.value(b) || (a < b ? -1 : 1))[0];
  }

  /** The fast rules: no equation with a single hidden term, no published total bounding a small member below k. */
  private closeEquations(marks: Map<string, SuppressionMark>, k: number): void {
    const hidden = (name: string) => marks.has(name);
    let changed = true;
    while (changed) {
      changed = false;
      for (const { total, members } of this.equations) {
        const hiddenTerms = [total, ...members].filter(hidden);
        if (hiddenTerms.length === 0) continue;
        const hiddenMemberSum = members.filter(hidden).reduce((sum, name) => sum + this.value(name), 0);
        const recomputable = hiddenTerms.length === 1;
        const boundedBelowK = !hidden(total) && members.some((name) => marks.get(name) === 'small') && hiddenMemberSum < k;
        if (!recomputable && !boundedBelowK) continue;
        const next = this.smallestShown(members, marks) ?? (hidden(total) ? undefined : total);
        if (next === undefined) continue;
        marks.set(next, 'complement');
        changed = true;
      }
    }
  }

  /**
   * The rules above miss what only several sums together reveal (a small cell in a hidden
   * rectangle whose other corners are small too). Each small count's range is computed as a
   * linear program; while it stays below k or holds a single value, the smallest published count
   * in a sum it shares (widening outwards through hidden terms) is hidden as well. Hiding more
   * only widens ranges, so counts already protected stay protected.
   */
  private protectByRange(marks: Map<string, SuppressionMark>, k: number): void {
    const relations: Relation[] = this.equations.map(({ total, members }) => [{ name: total, coef: -1 }, ...members.map((name) => ({ name, coef: 1 }))]);
    const published = (name: string) => (marks.has(name) ? undefined : this.value(name));
    for (const [name, mark] of [...marks]) {
      if (mark !== 'small') continue;
      for (;;) {
        const { low, high } = rangeOf(name, this.component(name, relations, marks), published);
        if (high >= k && high - low >= 1) break;
        const next = this.nearestShown(name, marks);
        if (next === undefined) break;
        marks.set(next, 'complement');
        this.closeEquations(marks, k);
      }
    }
  }

  /** The relations a hidden name is tied to through other hidden names; the rest cannot move it. */
  private component(start: string, relations: Relation[], marks: Map<string, SuppressionMark>): Relation[] {
    const reached = new Set([start]);
    const taken = new Set<Relation>();
    let grew = true;
    while (grew) {
      grew = false;
      for (const relation of relations) {
        if (taken.has(relation) || !relation.some((term) => reached.has(term.name))) continue;
        taken.add(relation);
        for (const term of relation) if (marks.has(term.name) && !reached.has(term.name)) reached.add(term.name);
        grew = true;
      }
    }
    return [...taken];
  }

  /** The smallest published count in the sums around a name, searching outwards through hidden terms. */
  private nearestShown(start: string, marks: Map<string, SuppressionMark>): string | undefined {
    const seen = new Set([start]);
    let frontier = [start];
    while (frontier.length > 0) {
      const around = this.equations.filter(({ total, members }) => frontier.some((name) => name === total || members.includes(name)));
      const terms = [...new Set(around.flatMap(({ total, members }) => [...members, total]))];
      const next = this.smallestShown(terms, marks);
      if (next !== undefined) return next;
      frontier = terms.filter((name) => marks.has(name) && !seen.has(name));
      for (const name of frontier) seen.add(name);
    }
    return undefined;
  }
}
