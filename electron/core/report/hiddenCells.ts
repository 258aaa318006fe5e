import type { Published, ReportSection } from '../../../shared/schemas/teamReport';

const isHidden = (value: Published | null) => typeof value === 'string';
const count = (values: (Published | null)[]) => values.filter(isHidden).length;

/** How many numbers each table of a section hides (counts and totals; percentages follow them). */
export function hiddenCells(section: ReportSection): Record<string, number> {
  const hidden: Record<string, number> = {};
  for (const [name, content] of Object.entries(section)) {
    if (content === null) continue;
    if (Array.isArray(content)) hidden[name] = count(content.flatMap((flow) => [flow.made, flow.received]));
    else if ('rows' in content) hidden[name] = count([...content.rows.map((row) => row.value), content.total]);
    else if ('cells' in content) hidden[name] = count([...content.cells.flat(), ...content.rowTotals, ...content.columnTotals, content.total]);
    else hidden[name] = count(Object.values(content).filter((value): value is Published => typeof value !== 'boolean'));
  }
  return hidden;
}
