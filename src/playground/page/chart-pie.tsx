// A pie chart inside a box of its figure, as Gviz draws one: the first series' values as slices from twelve
// o'clock clockwise, white edges between them, each slice's share written in it when there is room (in the
// spreadsheet's locale), a hole when `pieHole` asks for a doughnut. Blank, negative and zero values get no slice.
import type { ChartView } from '../emulator/chart-view';
import type { Box } from './chart-cartesian';
import { formatValue } from './chart-scale';

/** A slice's share is written in it when the slice is at least this wide (radians). */
const LABEL_ANGLE = 0.3;

export function PiePlot(props: { view: ChartView; colors: string[]; box: Box }) {
  const { view, colors, box } = props;
  const series = view.table.series[0];
  const values = (series?.values ?? []).map((v) => (typeof v === 'number' && v > 0 ? v : 0));
  const total = values.reduce((a, b) => a + b, 0);
  const r = Math.max(10, Math.min(box.width, box.height) / 2 - 8);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const hole =
    typeof view.options.pieHole === 'number' ? Math.min(0.9, Math.max(0, view.options.pieHole)) : 0;
  const point = (angle: number, radius: number): [number, number] => [
    cx + radius * Math.sin(angle),
    cy - radius * Math.cos(angle),
  ];
  let start = 0;
  return (
    <g class="chart-plot">
      {values.map((v, i) => {
        if (v <= 0 || total <= 0) return null;
        const angle = (v / total) * 2 * Math.PI;
        const end = start + angle;
        const [x1, y1] = point(start, r);
        const [x2, y2] = point(end, r);
        const large = angle > Math.PI ? 1 : 0;
        const full = angle >= 2 * Math.PI - 1e-9;
        const d = full
          ? `M${cx},${cy - r}A${r},${r} 0 1 1 ${cx - 0.01},${cy - r}Z`
          : `M${cx},${cy}L${x1},${y1}A${r},${r} 0 ${large} 1 ${x2},${y2}Z`;
        const [lx, ly] = point(start + angle / 2, hole > 0 ? (r * (1 + hole)) / 2 : r * 0.65);
        start = end;
        // Gviz writes a share as #.#% (25%, 43.8%)
        const share = formatValue(Number((v / total).toFixed(3)), { percent: true }, view.locale);
        return (
          <g key={i}>
            <path
              class="chart-slice"
              data-category={i}
              data-value={v}
              d={d}
              fill={colors[i]}
              stroke="#ffffff"
            >
              <title>{`${view.table.domain.labels[i] ?? ''}: ${series?.texts[i] ?? ''} (${share})`}</title>
            </path>
            {angle >= LABEL_ANGLE && (
              <text class="chart-slice-label" x={lx} y={ly + 4} text-anchor="middle">
                {share}
              </text>
            )}
          </g>
        );
      })}
      {hole > 0 && (
        <circle cx={cx} cy={cy} r={r * hole} fill={String(view.options.backgroundColor ?? '#ffffff')} />
      )}
    </g>
  );
}
