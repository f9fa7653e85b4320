// One embedded chart as an SVG figure, as Sheets draws it: white card, title, legend (right by default, or where
// `legend.position` puts it; a pie lists its slices), and the plot (chart-cartesian.tsx, chart-pie.tsx). Text
// from cells reaches the page as text nodes only.
import type { ChartView } from '../emulator/chart-view';
import { type Box, CartesianPlot } from './chart-cartesian';
import { PiePlot } from './chart-pie';
import {
  type LegendPosition,
  legendPosition,
  type SeriesKind,
  seriesStyles,
  sliceColors,
} from './chart-style';
import { CHART_FONT, fitText, TITLE_SIZE, textWidth } from './chart-text';

const PAD = 12;
const LEGEND_ROW = 20;

interface LegendEntry {
  label: string;
  color: string;
  kind: SeriesKind | 'slice';
  dash?: string;
}

function Marker(props: { entry: LegendEntry; x: number; y: number }) {
  const { entry, x, y } = props;
  if (entry.kind === 'line') {
    return (
      <line
        x1={x}
        x2={x + 16}
        y1={y}
        y2={y}
        stroke={entry.color}
        stroke-width={2}
        {...(entry.dash ? { 'stroke-dasharray': entry.dash } : {})}
      />
    );
  }
  if (entry.kind === 'points') return <circle cx={x + 8} cy={y} r={4} fill={entry.color} />;
  return <rect x={x + 3} y={y - 5} width={10} height={10} rx={2} fill={entry.color} />;
}

/** The legend at `position` inside the figure, and the box left for the plot. */
function layoutLegend(
  entries: LegendEntry[],
  position: LegendPosition,
  area: Box,
): { legend: Array<{ entry: LegendEntry; x: number; y: number; width: number }>; plot: Box } {
  if (position === 'none' || entries.length === 0) return { legend: [], plot: area };
  const entryWidth = (e: LegendEntry) => 24 + textWidth(e.label);
  if (position === 'right' || position === 'left') {
    const width = Math.min(area.width * 0.3, Math.max(...entries.map(entryWidth)) + 8);
    const x = position === 'right' ? area.x + area.width - width : area.x;
    const legend = entries.map((entry, i) => ({ entry, x, y: area.y + 16 + i * LEGEND_ROW, width }));
    const plot =
      position === 'right'
        ? { ...area, width: area.width - width - 8 }
        : { ...area, x: area.x + width + 8, width: area.width - width - 8 };
    return { legend: legend.filter((l) => l.y < area.y + area.height), plot };
  }
  const widths = entries.map((e) => Math.min(entryWidth(e) + 12, area.width));
  const total = widths.reduce((a, b) => a + b, 0);
  let x = area.x + Math.max(0, (area.width - total) / 2);
  const y = position === 'top' ? area.y + 10 : area.y + area.height - 10;
  const legend = entries.map((entry, i) => {
    const at = { entry, x, y, width: widths[i]! - 12 };
    x += widths[i]!;
    return at;
  });
  const plot =
    position === 'top'
      ? { ...area, y: area.y + LEGEND_ROW + 4, height: area.height - LEGEND_ROW - 4 }
      : { ...area, height: area.height - LEGEND_ROW - 4 };
  return { legend: legend.filter((l) => l.x < area.x + area.width), plot };
}

export function Chart(props: { view: ChartView }) {
  const { view } = props;
  const { width, height } = view;
  const title = typeof view.options.title === 'string' ? view.options.title : '';
  const pie = view.type === 'PIE';
  const styles = seriesStyles(view);
  const colors = pie ? sliceColors(view) : [];
  const entries: LegendEntry[] = pie
    ? view.table.domain.labels.map((label, i) => ({ label, color: colors[i]!, kind: 'slice' as const }))
    : styles
        .filter((s) => s.inLegend)
        .map((s) => ({ label: s.label, color: s.color, kind: s.kind, ...(s.dash ? { dash: s.dash } : {}) }));
  const top = PAD + (title ? TITLE_SIZE + 14 : 0);
  const area: Box = { x: PAD, y: top, width: width - 2 * PAD, height: height - top - PAD };
  const { legend, plot } = layoutLegend(entries, legendPosition(view), area);
  const background =
    typeof view.options.backgroundColor === 'string' ? view.options.backgroundColor : '#ffffff';
  return (
    <svg
      class="chart-svg"
      role="img"
      aria-label={title || 'Chart'}
      xmlns="http://www.w3.org/2000/svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      font-family={CHART_FONT}
    >
      <rect class="chart-background" x={0} y={0} width={width} height={height} fill={background} />
      {title && (
        <text class="chart-title" x={PAD + 4} y={PAD + TITLE_SIZE}>
          {fitText(title, width - 2 * PAD, TITLE_SIZE)}
        </text>
      )}
      {pie ? (
        <PiePlot view={view} colors={colors} box={plot} />
      ) : (
        <CartesianPlot view={view} styles={styles} box={plot} />
      )}
      <g class="chart-legend">
        {legend.map(({ entry, x, y, width: w }, i) => (
          <g key={i} class="chart-legend-entry">
            <Marker entry={entry} x={x} y={y} />
            <text class="chart-legend-label" x={x + 22} y={y + 4}>
              {fitText(entry.label, w - 22)}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
