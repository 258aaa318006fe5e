import type { Published, SuppressionMark } from '../../../shared/schemas/teamReport';
import type { Declaration, DeclaredQuantity, Declarations, QuantityKind } from './declarations';
import { maximumOf, type Relation } from './protection';

export type { Published };

/** A sum over the plan's own quantities, after the numbers a reader takes for one are made one. */
interface Equation {
  total: string;
  members: string[];
}

interface Solvable {
  relations: Declaration[];
  /** The one name every printing of a quantity goes by (a union of the `same` declarations). */
  representative: (name: string) => string;
  equations: Equation[];
  linear: Relation[];
}

/**
 * Small-cell suppression over every number the publication prints, as one system.
 *
 * Each printed number is a named quantity (its place in the document, see ./declarations.ts);
 * the tables declare, where they are defined, the sums and identities a reader can check, and
 * the plan hides until none of them gives a small count back. Numbers a reader takes for one
 * quantity (the reporters above two tables, a referral as its sender and its receiver counted
 * it) are hidden everywhere or nowhere.
 *
 * Primary: every count from 1 to k − 1 ("<k"). Complementary ("×"): counts hidden only so that no
 * small count can be recomputed or bounded below k from the published sums. Complements are the
 * smallest counts that do the job, so little is lost. The team's own acts are never hidden. The
 * guarantee is audited independently, from the printed document and with another solver
 * (test/support/suppressionAudit.ts), reading the same declarations.
 */
export class SuppressionPlan {
  private readonly quantities = new Map<string, DeclaredQuantity>();
  private readonly declared: Declaration[] = [];
  private readonly zeroRules: { cell: string; margins: string[] }[] = [];
  private solvable: Solvable | null = null;

  /** Registers a printed number; a name registered twice must carry the same value. */
  quantity(name: string, value: number, kind: QuantityKind = 'count'): string {
    const known = this.quantities.get(name);
    if (known !== undefined && known.value !== value) throw new Error(`quantity ${name} has two values`);
    this.quantities.set(name, { value, kind });
    this.solvable = null;
    return name;
  }

  has(name: string): boolean {
    return this.quantities.has(name);
  }

  valueOf(name: string): number {
    const quantity = this.quantities.get(name);
    if (!quantity) throw new Error(`no quantity ${name}`);
    return quantity.value;
  }

  private value(name: string): number {
    return this.quantities.get(name)!.value;
  }

  private declare(declaration: Declaration, names: string[]): void {
    const missing = names.find((name) => !this.quantities.has(name));
    if (missing) throw new Error(`relation over unregistered ${missing}`);
    this.declared.push(declaration);
    this.solvable = null;
  }

  sum(total: string, members: string[]): void {
    if (members.length > 0) this.declare({ kind: 'sum', total, members }, [total, ...members]);
  }

  /** Declared freely; it holds (and binds the two) only where both are printed with one value. */
  same(a: string, b: string): void {
    this.declared.push({ kind: 'same', names: [a, b] });
    this.solvable = null;
  }

  atMost(parts: string[], whole: string): void {
    if (parts.length > 0) this.declare({ kind: 'atMost', parts, whole }, [whole, ...parts]);
  }

  ratio(figure: string, numerator: string, denominator: string | number, scale: number): void {
    this.declare({ kind: 'ratio', figure, numerator, denominator, scale }, typeof denominator === 'string' ? [numerator, denominator] : [numerator]);
  }

  /** A printing rule of crosses: a zero cell prints only where its row and column totals print. */
  zeroNeedsMargins(cell: string, margins: string[]): void {
    this.zeroRules.push({ cell, margins });
  }

  declarations(): Declarations {
    return { quantities: this.quantities, relations: this.prepared().relations };
  }

  solve(k: number): (name: string) => Published {
    const { representative } = this.prepared();
    const marks = new Map<string, SuppressionMark>();
    for (const [name, { value, kind }] of this.quantities) if (kind === 'count' && value > 0 && value < k) marks.set(representative(name), 'small');
    this.closeEquations(marks, k);
    this.protectByRange(marks, k);
    for (const { cell, margins } of this.zeroRules) {
      if (this.value(cell) === 0 && margins.some((margin) => marks.has(representative(margin)))) marks.set(representative(cell), 'complement');
    }
    return (name) => marks.get(representative(name)) ?? this.value(name);
  }

  private prepared(): Solvable {
    if (this.solvable) return this.solvable;
    const holds = (declaration: Declaration) =>
      declaration.kind !== 'same' || declaration.names.every((name) => this.quantities.has(name) && this.value(name) === this.value(declaration.names[0]));
    const relations = this.declared.filter(holds);
    const parent = new Map<string, string>();
    const representative = (name: string): string => {
      const up = parent.get(name);
      if (up === undefined) return name;
      const root = representative(up);
      parent.set(name, root);
      return root;
    };
    for (const relation of relations) {
      if (relation.kind !== 'same') continue;
      const [a, b] = relation.names.map(representative) as [string, string];
      if (a !== b) parent.set(b, a);
    }
    const equations: Equation[] = [];
    const linear: Relation[] = [];
    for (const relation of relations) {
      if (relation.kind === 'sum') {
        const total = representative(relation.total);
        const members = relation.members.map(representative);
        // A total that is one of its own members leaves the others summing to zero: nothing to protect.
        if (members.includes(total)) continue;
        equations.push({ total, members });
        linear.push({ terms: [{ name: total, coef: -1 }, ...members.map((name) => ({ name, coef: 1 }))], bound: 'equal' });
      } else if (relation.kind === 'atMost') {
        linear.push({ terms: [{ name: representative(relation.whole), coef: -1 }, ...relation.parts.map((name) => ({ name: representative(name), coef: 1 }))], bound: 'atMost' });
      }
    }
    this.solvable = { relations, representative, equations, linear };
    return this.solvable;
  }

  /** The smallest published non-zero count among the names (never one of the team's own acts), or undefined. */
  private smallestShown(names: string[], marks: Map<string, SuppressionMark>): string | undefined {
    return names
      .filter((name) => !marks.has(name) && this.value(name) > 0 && this.quantities.get(name)!.kind === 'count')
      .sort((a, b) => this.value(a) - this.value(b) || (a < b ? -1 : 1))[0];
  }

  /** The fast rules: no equation with a single hidden term, no published total bounding a small member below k. */
  private closeEquations(marks: Map<string, SuppressionMark>, k: number): void {
    const hidden = (name: string) => marks.has(name);
    let changed = true;
    while (changed) {
      changed = false;
      for (const { total, members } of this.prepared().equations) {
        const hiddenTerms = [total, ...members].filter(hidden);
        if (hiddenTerms.length === 0) continue;
        const hiddenMemberSum = members.filter(hidden).reduce((sum, name) => sum + this.value(name), 0);
        const recomputable = new Set(hiddenTerms).size === 1;
        const boundedBelowK = !hidden(total) && members.some((name) => marks.get(name) === 'small') && hiddenMemberSum < k;
        if (!recomputable && !boundedBelowK) continue;
        const next = this.smallestShown(members, marks) ?? (hidden(total) ? undefined : this.smallestShown([total], marks));
        if (next === undefined) continue;
        marks.set(next, 'complement');
        changed = true;
      }
    }
  }

  /**
   * The rules above miss what only several sums together reveal (a small cell in a hidden
   * rectangle whose other corners are small too). Each small count's range is computed as a
   * linear program; while it stays below k, the smallest published count
   * in a relation it shares (widening outwards through hidden terms) is hidden as well. Hiding
   * more only widens ranges, so counts already protected stay protected.
   */
  private protectByRange(marks: Map<string, SuppressionMark>, k: number): void {
    const { linear } = this.prepared();
    const published = (name: string) => (marks.has(name) ? undefined : this.value(name));
    for (const [name, mark] of [...marks]) {
      if (mark !== 'small') continue;
      // The exact value is always possible, so once the greatest reaches k the range holds more than one value.
      while (maximumOf(name, this.component(name, linear, marks), published) < k) {
        const next = this.nearestShown(name, linear, marks);
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
        if (taken.has(relation) || !relation.terms.some((term) => reached.has(term.name))) continue;
        taken.add(relation);
        for (const term of relation.terms) if (marks.has(term.name) && !reached.has(term.name)) reached.add(term.name);
        grew = true;
      }
    }
    return [...taken];
  }

  /** The smallest published count in the relations around a name, searching outwards through hidden terms. */
  private nearestShown(start: string, relations: Relation[], marks: Map<string, SuppressionMark>): string | undefined {
    const seen = new Set([start]);
    let frontier = [start];
    while (frontier.length > 0) {
      const around = relations.filter((relation) => relation.terms.some((term) => frontier.includes(term.name)));
      const terms = [...new Set(around.flatMap((relation) => relation.terms.map((term) => term.name)))];
      const next = this.smallestShown(terms, marks);
      if (next !== undefined) return next;
      frontier = terms.filter((name) => marks.has(name) && !seen.has(name));
      for (const name of frontier) seen.add(name);
    }
    return undefined;
  }
}
