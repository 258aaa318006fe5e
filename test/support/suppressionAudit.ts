import GLPK, { type LP } from 'glpk.js/node';
import type { Published, ReportCross, ReportSection, ReportTable } from '../../shared/schemas/teamReport';
import { FUNCTION_REFERRAL_CODES, REFERRAL_CODE_OF_FUNCTION, TEAM_SECTION_FUNCTIONS } from '../../shared/taxonomy';

/**
 * An attacker's view of one published report section, written apart from the suppression code:
 * every number it prints, every sum a reader can check (table totals, rows and columns of the
 * crosses) and every identity a reader can see (the reporters above the profile and beside the
 * age table, a nature's count beside its row in the crosses, a base beside its figure). For each
 * hidden small count, a linear program finds the least and the greatest value consistent with
 * all of it; the count is protected when that range reaches k and holds more than one value.
 */
interface Quantity {
  published: Published | null;
  exact: number;
}

interface Term {
  name: string;
  coef: number;
}

export interface AuditFinding {
  name: string;
  exact: number;
  low: number;
  high: number;
  problem: 'pinned' | 'shown' | 'wrongMark' | 'percentLeaks';
}

class System {
  readonly quantities = new Map<string, Quantity>();
  readonly equations: Term[][] = [];
  readonly findings: AuditFinding[] = [];

  add(name: string, published: Published | null, exact: Published | null): void {
    if (typeof exact !== 'number') throw new Error(`exact value of ${name} missing`);
    this.quantities.set(name, { published, exact });
  }

  /** total = Σ members, only over names the section prints. */
  sum(total: string, members: string[]): void {
    if (!this.quantities.has(total) || members.some((member) => !this.quantities.has(member))) return;
    this.equations.push([{ name: total, coef: -1 }, ...members.map((name) => ({ name, coef: 1 }))]);
  }

  /** Two printed numbers a reader knows to be the same quantity; only where they truly are. */
  same(a: string, b: string): void {
    const left = this.quantities.get(a);
    const right = this.quantities.get(b);
    if (!left || !right || left.exact !== right.exact) return;
    this.equations.push([
      { name: a, coef: 1 },
      { name: b, coef: -1 },
    ]);
  }
}

function table(system: System, name: string, published: ReportTable, exact: ReportTable) {
  published.rows.forEach((row, index) => {
    const exactRow = exact.rows[index]!;
    system.add(`${name}:${row.key}`, row.value, exactRow.value);
    if (typeof row.value === 'string' && typeof row.percent === 'number') {
      system.findings.push({ name: `${name}:${row.key}`, exact: exactRow.value as number, low: 0, high: 0, problem: 'percentLeaks' });
    }
  });
  if (published.hasTotal) {
    system.add(`${name}:total`, published.total, exact.total);
    system.sum(
      `${name}:total`,
      published.rows.map((row) => `${name}:${row.key}`),
    );
  }
  system.add(`${name}:base`, published.base, exact.base);
}

function cross(system: System, name: string, published: ReportCross, exact: ReportCross) {
  const cell = (row: string, column: string) => `${name}:${row}|${column}`;
  published.rowKeys.forEach((row, i) => {
    published.columnKeys.forEach((column, j) => system.add(cell(row, column), published.cells[i]![j]!, exact.cells[i]![j]!));
    system.add(`${name}:${row}|*`, published.rowTotals[i]!, exact.rowTotals[i]!);
  });
  published.columnKeys.forEach((column, j) => system.add(`${name}:*|${column}`, published.columnTotals[j]!, exact.columnTotals[j]!));
  system.add(`${name}:*`, published.total, exact.total);
  for (const row of published.rowKeys) system.sum(`${name}:${row}|*`, published.columnKeys.map((column) => cell(row, column)));
  for (const column of published.columnKeys) system.sum(`${name}:*|${column}`, published.rowKeys.map((row) => cell(row, column)));
  system.sum(`${name}:*`, published.rowKeys.map((row) => `${name}:${row}|*`));
  system.sum(`${name}:*`, published.columnKeys.map((column) => `${name}:*|${column}`));
}

/** Everything one section prints, with the sums and identities a reader can use. */
function systemOf(published: ReportSection, exact: ReportSection): System {
  const system = new System();
  for (const figure of ['reports', 'reporters', 'jointReports', 'conversations', 'boardAdvices'] as const) {
    system.add(`key:${figure}`, published.keyFigures[figure], exact.keyFigures[figure]);
  }
  for (const figure of ['mediations', 'hearings', 'sessions', 'agreements'] as const) {
    system.add(`mediation:${figure}`, published.mediation[figure], exact.mediation[figure]);
  }
  published.referralFlows.forEach((flow, index) => {
    const exactFlow = exact.referralFlows[index]!;
    system.add(`flow:${flow.from}>${flow.to}:made`, flow.made, exactFlow.made);
    system.add(`flow:${flow.from}>${flow.to}:received`, flow.received, exactFlow.received);
  });

  for (const [name, content] of Object.entries(published)) {
    const exactContent = exact[name as keyof ReportSection];
    if (content === null || typeof content !== 'object' || Array.isArray(content) || exactContent === null) continue;
    if ('rows' in content) {
      table(system, name, content, exactContent as ReportTable);

    } else if ('cells' in content) cross(system, name, content, exactContent as ReportCross);
  }

  // Identities a reader sees on the page.
  for (const [name, content] of Object.entries(published)) {
    if (content === null || typeof content !== 'object' || !('rows' in content)) continue;
    const figure = content.unit === 'reporters' ? 'key:reporters' : content.unit === 'reports' ? 'key:reports' : content.unit === 'mediations' ? 'mediation:mediations' : null;
    if (figure && content.hasTotal && name !== 'duringPhdByStaffCategory') system.same(`${name}:total`, figure);
    if (figure) system.same(`${name}:base`, figure);
    if (content.hasTotal) system.same(`${name}:base`, `${name}:total`);
  }
  for (const crossName of ['natureByOtherParty', 'natureByHierarchy', 'natureByBystander'] as const) {
    for (const row of published[crossName].rowKeys) system.same(`${crossName}:${row}|*`, `natures:${row}`);
  }
  if (published.referralsByFunction) {
    const byFunction = published.referralsByFunction;
    for (const column of byFunction.columnKeys) if (column !== 'elsewhere') system.same(`referralsByFunction:*|${column}`, `referralTargets:${column}`);
    system.same('referralsByFunction:*', 'referralTargets:total');
    const others = published.referralTargets.rows.map((row) => row.key).filter((key) => !(FUNCTION_REFERRAL_CODES as readonly string[]).includes(key));
    system.sum(
      'referralsByFunction:*|elsewhere',
      others.map((key) => `referralTargets:${key}`),
    );
    for (const fn of TEAM_SECTION_FUNCTIONS) {
      for (const to of FUNCTION_REFERRAL_CODES) system.same(`flow:${REFERRAL_CODE_OF_FUNCTION[fn]}>${to}:made`, `referralsByFunction:${fn}|${to}`);
    }
  }
  system.same('earlierPeriod:during_phd', 'duringPhdByStaffCategory:total');
  for (const row of published.handling.rows) system.same(`handling:${row.key}`, `handlingSummary:${row.key}`);
  return system;
}

const UNBOUNDED = 1_000_000;

let solver: Awaited<ReturnType<typeof GLPK>> | null = null;

/** Audits one section published at k against its exact form; returns every finding. */
export async function auditSection(published: ReportSection, exact: ReportSection, k: number): Promise<AuditFinding[]> {
  solver ??= await GLPK();
  const glpk = solver;
  const system = systemOf(published, exact);
  const hidden = [...system.quantities].filter(([, quantity]) => typeof quantity.published === 'string').map(([name]) => name);
  const variable = new Map(hidden.map((name, index) => [name, `x${index}`]));

  for (const [name, { published: shown, exact: value }] of system.quantities) {
    const small = value > 0 && value < k;
    if (small && shown !== 'small') system.findings.push({ name, exact: value, low: value, high: value, problem: typeof shown === 'number' ? 'shown' : 'wrongMark' });
    if (!small && shown === 'small') system.findings.push({ name, exact: value, low: value, high: value, problem: 'wrongMark' });
    if (typeof shown === 'number' && shown !== value) system.findings.push({ name, exact: value, low: shown, high: shown, problem: 'shown' });
  }

  const subjectTo = system.equations.flatMap((terms, index) => {
    let constant = 0;
    const vars: { name: string; coef: number }[] = [];
    for (const term of terms) {
      const quantity = system.quantities.get(term.name)!;
      if (typeof quantity.published === 'number') constant += term.coef * quantity.published;
      else vars.push({ name: variable.get(term.name)!, coef: term.coef });
    }
    if (vars.length === 0) return [];
    return [{ name: `e${index}`, vars, bnds: { type: glpk.GLP_FX, lb: -constant, ub: -constant } }];
  });
  // A count nothing bounds from above gets a ceiling far past any k, so every program is bounded.
  const bounds = hidden.map((name) => ({ name: variable.get(name)!, type: glpk.GLP_DB, lb: 0, ub: UNBOUNDED }));

  const extreme = (name: string, direction: number): number => {
    const lp: LP = {
      name: 'audit',
      objective: { direction, name: 'value', vars: [{ name: variable.get(name)!, coef: 1 }] },
      subjectTo,
      bounds,
    };
    const result = glpk.solve(lp, { msglev: glpk.GLP_MSG_OFF, presol: true });
    if (result.result.status !== glpk.GLP_OPT) throw new Error(`audit LP for ${name} ended with status ${result.result.status}`);
    return Math.round(result.result.z * 1000) / 1000;
  };

  for (const name of hidden) {
    const { exact: value } = system.quantities.get(name)!;
    if (!(value > 0 && value < k)) continue;
    const low = extreme(name, glpk.GLP_MIN);
    const high = extreme(name, glpk.GLP_MAX);
    if (high < k || high - low < 1) system.findings.push({ name, exact: value, low, high, problem: 'pinned' });
  }
  return system.findings;
}
