/**
 * What a reader of the publication can check, stated once by each table where it is defined and
 * read by both the suppression (which hides until no small count can be worked out) and the audit
 * in the tests (which tries to work them out from the printed cells).
 *
 * Every printed number has a name that is its place in the document:
 * `<section>.<table>|<row code>|<column code>`, e.g. `team.reporterProfile|phd_candidate|count`,
 * `team.natureByOtherParty|total|colleague`, `team.keyFigures|reports|value`; a table's base (the
 * number its percentages are of, printed in its unit line) is `<section>.<table>|base|count`.
 */
export type QuantityKind =
  /** A count of people or their reports: hidden below k. */
  | 'count'
  /** The team's own acts (advice to the board, outreach): printed exactly, never hidden. */
  | 'act';

export type Declaration =
  /** The total is the sum of the members (a table's total, a row or column of a cross). */
  | { kind: 'sum'; total: string; members: string[] }
  /**
   * Two printed numbers a reader takes for one quantity (the reporters above two tables, what the
   * sender and the receiver counted of one referral flow when no note says they differ).
   * Declared where a table is defined; holds only where the two values are equal.
   */
  | { kind: 'same'; names: [string, string] }
  /** The parts add up to at most the whole (members of a group printed apart from the group's row). */
  | { kind: 'atMost'; parts: string[]; whole: string }
  /** A figure printed with one decimal: numerator / denominator × scale (a count or a known constant below). */
  | { kind: 'ratio'; figure: string; numerator: string; denominator: string | number; scale: number };

export interface DeclaredQuantity {
  value: number;
  kind: QuantityKind;
}

export interface Declarations {
  quantities: ReadonlyMap<string, DeclaredQuantity>;
  /** Only relations that hold: a `same` between unequal values is not a relation a reader can use. */
  relations: readonly Declaration[];
}

/** The name of a printed number, as the document places it. */
export const cellName = (table: string, row: string, column: string) => `${table}|${row}|${column}`;
