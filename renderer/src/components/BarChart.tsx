import type { Published } from '../../../shared/contract';
import { CHART_BAR_ATTRIBUTE, CHART_ID_ATTRIBUTE } from '../../../shared/publication/printLayout';
import { shownCount } from '../../../shared/publication/shown';

const WIDTH = 640;
const LABEL_WIDTH = 250;
const BAR_AREA = WIDTH - LABEL_WIDTH - 60;
const ROW_HEIGHT = 24;
const BAR_HEIGHT = 16;
const COMPLEMENT_WIDTH = 24;

/**
 * One bar per category, hidden ones included: a small count is an empty, dashed bar up to k
 * marked "<k"; a complementary one an empty bar marked "×". Nothing is dropped from the chart,
 * so "reports per function" shows every function even where its count is hidden.
 */
export function BarChart({ id, bars, k, title }: { id: string; bars: { label: string; value: Published }[]; k: number; title: string }) {
  if (bars.length === 0) return null;
  const largest = Math.max(k, ...bars.map((bar) => (typeof bar.value === 'number' ? bar.value : 0)));
  const scale = (value: number) => (value / largest) * BAR_AREA;
  const height = bars.length * ROW_HEIGHT + 8;
  return (
    <figure className="bar-chart" {...{ [CHART_ID_ATTRIBUTE]: id }}>
      <svg xmlns="http://www.w3.org/2000/svg" width={WIDTH} height={height} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title}>
        <rect x="0" y="0" width={WIDTH} height={height} fill="#ffffff" />
        {bars.map((bar, index) => {
          const y = 4 + index * ROW_HEIGHT;
          const hidden = typeof bar.value === 'string';
          const width = typeof bar.value === 'number' ? scale(bar.value) : bar.value === 'small' ? scale(k) : COMPLEMENT_WIDTH;
          return (
            <g key={bar.label} {...{ [CHART_BAR_ATTRIBUTE]: hidden ? bar.value : 'shown' }}>
              <text x={LABEL_WIDTH - 8} y={y + BAR_HEIGHT - 4} textAnchor="end" fontSize="12" fontFamily="DejaVu Sans, Arial, sans-serif" fill="#1d2733">
                {bar.label.length > 40 ? `${bar.label.slice(0, 39)}…` : bar.label}
              </text>
              <rect
                x={LABEL_WIDTH}
                y={y}
                width={Math.max(width, 1)}
                height={BAR_HEIGHT}
                fill={hidden ? 'none' : '#2f5d8a'}
                stroke={hidden ? '#2f5d8a' : 'none'}
                strokeDasharray={hidden ? '4 3' : undefined}
              />
              <text x={LABEL_WIDTH + Math.max(width, 1) + 6} y={y + BAR_HEIGHT - 4} fontSize="12" fontFamily="DejaVu Sans, Arial, sans-serif" fill="#1d2733">
                {shownCount(bar.value, k)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
