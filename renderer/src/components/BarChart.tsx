import type { Published } from '../../../shared/contract';
import { CHART_BAR_ATTRIBUTE, CHART_ID_ATTRIBUTE } from '../../../shared/publication/printLayout';
import { shownCount } from '../../../shared/publication/shown';
import { textWidth } from '../../../shared/publication/tableParts';

const WIDTH = 640;
const LABEL_WIDTH = 250;
const LABEL_GAP = 8;
const BAR_AREA = WIDTH - LABEL_WIDTH - 60;
const FONT_SIZE = 12;
const LINE_HEIGHT = 14;
const BAR_HEIGHT = 16;
const ROW_GAP = 8;
const COMPLEMENT_WIDTH = 24;

/**
 * A label in lines that each fit left of the bars, broken between words (a word too long for a
 * line on its own is broken where it must): a long label is never cut at the chart's left edge.
 */
export function labelLines(label: string, width = LABEL_WIDTH - LABEL_GAP): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter((entry) => entry !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (textWidth(candidate, FONT_SIZE) <= width) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = word;
    while (textWidth(line, FONT_SIZE) > width) {
      let cut = line.length - 1;
      while (cut > 1 && textWidth(`${line.slice(0, cut)}-`, FONT_SIZE) > width) cut--;
      lines.push(`${line.slice(0, cut)}-`);
      line = line.slice(cut);
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * One bar per category, hidden ones included: a small count is an empty, dashed bar up to k
 * marked "<k"; a complementary one an empty bar marked "×". Nothing is dropped from the chart,
 * so "reports per function" shows every function even where its count is hidden.
 */
export function BarChart({ id, bars, k, title }: { id: string; bars: { label: string; value: Published }[]; k: number; title: string }) {
  if (bars.length === 0) return null;
  const largest = Math.max(k, ...bars.map((bar) => (typeof bar.value === 'number' ? bar.value : 0)));
  const scale = (value: number) => (value / largest) * BAR_AREA;
  const rows = bars.map((bar) => ({ bar, lines: labelLines(bar.label) }));
  const heights = rows.map(({ lines }) => Math.max(BAR_HEIGHT, lines.length * LINE_HEIGHT) + ROW_GAP);
  const tops = heights.map((_, index) => 4 + heights.slice(0, index).reduce((sum, entry) => sum + entry, 0));
  const height = tops.at(-1)! + heights.at(-1)!;
  return (
    <figure className="bar-chart" {...{ [CHART_ID_ATTRIBUTE]: id }}>
      <svg xmlns="http://www.w3.org/2000/svg" width={WIDTH} height={height} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title}>
        <rect x="0" y="0" width={WIDTH} height={height} fill="#ffffff" />
        {rows.map(({ bar, lines }, index) => {
          const middle = tops[index]! + (heights[index]! - ROW_GAP) / 2;
          const hidden = typeof bar.value === 'string';
          const width = typeof bar.value === 'number' ? scale(bar.value) : bar.value === 'small' ? scale(k) : COMPLEMENT_WIDTH;
          const firstLine = middle - ((lines.length - 1) * LINE_HEIGHT) / 2 + FONT_SIZE / 3;
          return (
            <g key={bar.label} {...{ [CHART_BAR_ATTRIBUTE]: hidden ? bar.value : 'shown' }}>
              <text x={LABEL_WIDTH - LABEL_GAP} y={firstLine} textAnchor="end" fontSize={FONT_SIZE} fontFamily="DejaVu Sans, Arial, sans-serif" fill="#1d2733">
                {lines.map((line, lineIndex) => (
                  <tspan key={lineIndex} x={LABEL_WIDTH - LABEL_GAP} dy={lineIndex === 0 ? 0 : LINE_HEIGHT}>
                    {line}
                  </tspan>
                ))}
              </text>
              <rect
                x={LABEL_WIDTH}
                y={middle - BAR_HEIGHT / 2}
                width={Math.max(width, 1)}
                height={BAR_HEIGHT}
                fill={hidden ? 'none' : '#2f5d8a'}
                stroke={hidden ? '#2f5d8a' : 'none'}
                strokeDasharray={hidden ? '4 3' : undefined}
              />
              <text x={LABEL_WIDTH + Math.max(width, 1) + 6} y={middle + FONT_SIZE / 3} fontSize={FONT_SIZE} fontFamily="DejaVu Sans, Arial, sans-serif" fill="#1d2733">
                {shownCount(bar.value, k)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
