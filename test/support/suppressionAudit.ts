import GLPK, { type LP } from 'glpk.js/node';
import { buildPublicationDocument, type DocumentInput } from '../../electron/core/publication/publicationDocument';
import { cellName, type Declarations } from '../../electron/core/report/declarations';
import { buildTeamReportWithDeclarations, type ReportInput } from '../../electron/core/report/teamReport';
import type { Language } from '../../shared/schemas/primitives';
import type { PublicationCell, PublicationDocument } from '../../shared/schemas/publication';
import type { Published, TeamReport } from '../../shared/schemas/teamReport';

/**
 * An attacker's view of one publication, as one system: every number the document prints (both
 * sections, the flows between functions, the units, the key figures, last year's change), every
 * relation the tables declare (the same declarations the suppression reads:
 * electron/core/report/declarations.ts), and what the document's own cells say of each other: a
 * percentage of its row's count and the printed base, a change of its row's count and last
 * year's printed number, a figure with a decimal of its numerator and denominator. Printed zeros
 * are known values like any printed number. For each small count (printed or not) a linear
 * program, solved with GLPK rather than the suppression's own solver, finds the least and the
 * greatest value consistent with all of it; the count is protected when that range reaches k and
 * holds more than one value.
 */
export interface AuditFinding {
  name: string;
  exact: number | null;
  low: number;
  high: number;
  problem: 'pinned' | 'shown' | 'wrongMark' | 'wrongValue' | 'percentLeaks' | 'actHidden' | 'undeclared';
}

export interface PublicationAudit {
  published: PublicationDocument;
  /** The same document with nothing hidden: each printed number's true value, to check the declarations against. */
  exact: PublicationDocument;
  /** Last year's publication, as its change column was computed from it. */
  previous: PublicationDocument | null;
  declarations: Declarations;
  k: number;
}

type Cells = Map<string, PublicationCell>;

/** Every cell the document prints, by its place; a table's base (printed in its unit line) as a count of its own. */
export function printedCells(document: PublicationDocument): Cells {
  const cells: Cells = new Map();
  for (const section of document.sections) {
    for (const table of section.tables) {
      if (table.base !== null) cells.set(cellName(table.id, 'base', 'count'), { kind: 'count', value: table.base });
      for (const row of table.rows) row.cells.forEach((cell, index) => cells.set(cellName(table.id, row.code, table.columns[index]!.code), cell));
    }
  }
  return cells;
}

/** Σ coef · name + constant, bounded. */
interface Constraint {
  terms: Map<string, number>;
  lower: number;
  upper: number;
}

const UNBOUNDED = 1_000_000;

let solver: Awaited<ReturnType<typeof GLPK>> | null = null;

export async function auditPublication({ published, exact, previous, declarations, k }: PublicationAudit): Promise<AuditFinding[]> {
  solver ??= await GLPK();
  const glpk = solver;
  const findings: AuditFinding[] = [];
  const cells = printedCells(published);
  const exactCells = printedCells(exact);
  const before = previous ? printedCells(previous) : new Map<string, PublicationCell>();
  const { quantities } = declarations;
  const countOf = (cell: PublicationCell | undefined): Published | undefined => (cell?.kind === 'count' && cell.value !== null ? cell.value : undefined);
  /** A printed number, or undefined for a hidden or unprinted one: an unknown of the system. */
  const known = (name: string): number | undefined => {
    const value = countOf(cells.get(name));
    return typeof value === 'number' ? value : undefined;
  };

  for (const [name, cell] of cells) {
    const shown = countOf(cell);
    if (shown === undefined) continue;
    const declared = quantities.get(name);
    if (!declared) {
      findings.push({ name, exact: null, low: 0, high: 0, problem: 'undeclared' });
      continue;
    }
    const value = declared.value;
    const exactShown = countOf(exactCells.get(name));
    if (exactShown !== value) findings.push({ name, exact: value, low: 0, high: 0, problem: 'wrongValue' });
    if (declared.kind === 'act') {
      if (shown !== value) findings.push({ name, exact: value, low: 0, high: 0, problem: 'actHidden' });
      continue;
    }
    const small = value > 0 && value < k;
    if (typeof shown === 'number' && shown !== value) findings.push({ name, exact: value, low: shown, high: shown, problem: 'wrongValue' });
    else if (small && shown !== 'small') findings.push({ name, exact: value, low: value, high: value, problem: typeof shown === 'number' ? 'shown' : 'wrongMark' });
    else if (!small && shown === 'small') findings.push({ name, exact: value, low: value, high: value, problem: 'wrongMark' });
  }

  const constraints: Constraint[] = [];
  const linear = (terms: [string, number][], lower: number, upper: number) => {
    const unknown = new Map<string, number>();
    let constant = 0;
    for (const [name, coef] of terms) {
      const value = known(name);
      if (value === undefined) unknown.set(name, (unknown.get(name) ?? 0) + coef);
      else constant += coef * value;
    }
    for (const [name, coef] of unknown) if (coef === 0) unknown.delete(name);
    if (unknown.size > 0) constraints.push({ terms: unknown, lower: lower - constant, upper: upper - constant });
  };

  for (const relation of declarations.relations) {
    if (relation.kind === 'sum') linear([[relation.total, -1], ...relation.members.map((name): [string, number] => [name, 1])], 0, 0);
    else if (relation.kind === 'same') linear([[relation.names[0], 1], [relation.names[1], -1]], 0, 0);
    else if (relation.kind === 'atMost') linear([[relation.whole, -1], ...relation.parts.map((name): [string, number] => [name, 1])], -Infinity, 0);
    else {
      const figure = cells.get(relation.figure);
      if (figure?.kind !== 'ratio' || figure.value === null) continue;
      // Printed with one decimal: numerator / denominator × scale lies within 0.05 of it.
      const [low, high] = [(figure.value - 0.05) / relation.scale, (figure.value + 0.05) / relation.scale];
      if (typeof relation.denominator === 'number') linear([[relation.numerator, 1]], low * relation.denominator, high * relation.denominator);
      else {
        linear([[relation.numerator, 1], [relation.denominator, -high]], -Infinity, 0);
        linear([[relation.numerator, 1], [relation.denominator, -low]], 0, Infinity);
      }
    }
  }

  for (const section of published.sections) {
    for (const table of section.tables) {
      const base = cellName(table.id, 'base', 'count');
      for (const row of table.rows) {
        const countColumn = table.columns.findIndex((column) => column.code === 'count' || column.code === 'value');
        const count = countColumn < 0 ? null : cellName(table.id, row.code, table.columns[countColumn]!.code);
        row.cells.forEach((cell, index) => {
          const column = table.columns[index]!.code;
          if (cell.kind === 'percent' && typeof cell.value === 'number' && count !== null) {
            if (known(count) === undefined) findings.push({ name: cellName(table.id, row.code, column), exact: quantities.get(count)?.value ?? null, low: 0, high: 0, problem: 'percentLeaks' });
            // Rounded to a whole percent: 100 · count / base lies within half a point of it.
            linear([[count, 100], [base, -(cell.value + 0.5)]], -Infinity, 0);
            linear([[count, 100], [base, -(cell.value - 0.5)]], 0, Infinity);
          }
          if (cell.kind === 'change' && cell.value !== null && count !== null) {
            const earlier = countOf(before.get(count));
            if (typeof earlier === 'number') linear([[count, 1]], earlier + cell.value, earlier + cell.value);
          }
        });
      }
    }
  }

  // Hidden quantities tied together through constraints; a program needs only its target's group.
  const parent = new Map<string, string>();
  const root = (name: string): string => {
    const up = parent.get(name);
    if (up === undefined || up === name) return name;
    const top = root(up);
    parent.set(name, top);
    return top;
  };
  for (const constraint of constraints) {
    const [first, ...rest] = [...constraint.terms.keys()].map(root);
    for (const other of rest) if (other !== first) parent.set(other, first!);
  }
  const groups = new Map<string, Constraint[]>();
  for (const constraint of constraints) {
    const group = root(constraint.terms.keys().next().value!);
    groups.set(group, [...(groups.get(group) ?? []), constraint]);
  }

  const rangeOf = (name: string): { low: number; high: number } => {
    const group = groups.get(root(name)) ?? [];
    const variables = new Set([name, ...group.flatMap((constraint) => [...constraint.terms.keys()])]);
    const variable = new Map([...variables].map((entry, index) => [entry, `x${index}`]));
    const subjectTo = group.map((constraint, index) => {
      const type = constraint.lower === constraint.upper ? glpk.GLP_FX : constraint.lower === -Infinity ? glpk.GLP_UP : constraint.upper === Infinity ? glpk.GLP_LO : glpk.GLP_DB;
      return {
        name: `c${index}`,
        vars: [...constraint.terms].map(([term, coef]) => ({ name: variable.get(term)!, coef })),
        bnds: { type, lb: Number.isFinite(constraint.lower) ? constraint.lower : 0, ub: Number.isFinite(constraint.upper) ? constraint.upper : 0 },
      };
    });
    // A count nothing bounds from above gets a ceiling far past any k, so every program is bounded.
    const bounds = [...variable.values()].map((entry) => ({ name: entry, type: glpk.GLP_DB, lb: 0, ub: UNBOUNDED }));
    const extreme = (direction: number): number => {
      const lp: LP = { name: 'audit', objective: { direction, name: 'value', vars: [{ name: variable.get(name)!, coef: 1 }] }, subjectTo, bounds };
      const result = glpk.solve(lp, { msglev: glpk.GLP_MSG_OFF, presol: true });
      if (result.result.status !== glpk.GLP_OPT) throw new Error(`audit LP for ${name} ended with status ${result.result.status}: the printed numbers contradict the declarations`);
      return Math.round(result.result.z * 1000) / 1000;
    };
    return { low: extreme(glpk.GLP_MIN), high: extreme(glpk.GLP_MAX) };
  };

  for (const [name, { value, kind }] of quantities) {
    if (kind !== 'count' || !(value > 0 && value < k) || known(name) !== undefined) continue;
    const { low, high } = rangeOf(name);
    if (high < k || high - low < 1) findings.push({ name, exact: value, low, high, problem: 'pinned' });
  }
  return findings;
}

/** A team report's publication in one language, with last year's, audited as one system. */
export async function auditReport(input: ReportInput, options: { previous?: ReportInput; language?: Language; ioa?: boolean } = {}) {
  const { report, declarations } = buildTeamReportWithDeclarations(input);
  const lastYear = options.previous ? buildTeamReportWithDeclarations(options.previous).report : null;
  const documentOf = (shown: TeamReport, previous: DocumentInput['previous']) =>
    buildPublicationDocument({ report: shown, language: options.language ?? 'nl', texts: {}, organisation: null, madeOn: '2026-01-15', ioa: options.ioa ?? true, previous, differencing: null });
  const previousYear = lastYear && { year: lastYear.year, sections: lastYear.published, coverage: lastYear.imports };
  const published = documentOf(report, previousYear);
  const exact = documentOf({ ...report, published: report.exact }, previousYear);
  const previous = lastYear && documentOf(lastYear, null);
  const findings = await auditPublication({ published, exact, previous, declarations, k: input.k });
  return { report, document: published, declarations, findings };
}
