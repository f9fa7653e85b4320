// The plot of a chart with axes (column, bar, line, area, combo, scatter) inside a box of its figure: gridlines and
// tick labels of the value axis, the categories along the other axis (a scatter chart's x values on a second
// value axis), the axis titles, and each series drawn as its style says: grouped or stacked bars, lines (dashed
// when asked, broken at blanks), areas, points. Every mark carries its value and a tooltip as the cell shows it.
import type { ChartView } from '../emulator/chart-view';
import { axisStyle, niceScale, type Scale, tickLabels } from './chart-scale';
import { type AxisOptions, axes, isStacked, type SeriesStyle } from './chart-style';
import { BASELINE_COLOR, fitText, GRID_COLOR, LABEL_SIZE, textWidth, wrapText } from './chart-text';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Gviz bar.groupWidth's default: the golden ratio of each category's band. */
const GROUP_WIDTH = 0.618;
const AXIS_TITLE_BAND = 22;
const LABEL_BAND = 20;
const LINE_HEIGHT = LABEL_SIZE + 2;
/** Gviz slants category labels that fit neither on a line nor wrapped; here by 30 degrees. */
const SLANT = Math.PI / 6;

type CategoryLabels =
  | { kind: 'lines'; lines: string[][] }
  | { kind: 'slanted'; texts: string[]; height: number }
  | { kind: 'every'; every: number };

/**
 * How the categories along the bottom are written, as Gviz does: each on one line, else wrapped onto up to three,
 * else slanted (cut to a third of the chart's height), else every k-th one.
 */
function categoryLabels(labels: string[], band: number, boxHeight: number): CategoryLabels {
  const room = band - 4;
  const wrapped = labels.map((l) => (textWidth(l) <= room ? [l] : wrapText(l, room)));
  if (wrapped.every((w) => w !== null)) return { kind: 'lines', lines: wrapped as string[][] };
  if (band >= LINE_HEIGHT) {
    const longest = boxHeight / 3 / Math.sin(SLANT);
    const texts = labels.map((l) => fitText(l, longest));
    const height = Math.max(...texts.map((t) => textWidth(t))) * Math.sin(SLANT) + LINE_HEIGHT;
    return { kind: 'slanted', texts, height };
  }
  const widest = Math.max(1, ...labels.map((l) => textWidth(l)));
  return { kind: 'every', every: Math.max(1, Math.ceil((widest + 6) / band)) };
}

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

function scaleFor(values: number[], axis: AxisOptions, includeZero: boolean): Scale {
  return niceScale(values, {
    includeZero,
    ...(axis.minValue !== undefined ? { minValue: axis.minValue } : {}),
    ...(axis.maxValue !== undefined ? { maxValue: axis.maxValue } : {}),
    ...(axis.fixedMin !== undefined ? { fixedMin: axis.fixedMin } : {}),
    ...(axis.fixedMax !== undefined ? { fixedMax: axis.fixedMax } : {}),
    ...(axis.count !== undefined ? { count: axis.count } : {}),
  });
}

/** Positive data reaching down to half its maximum shows zero too (our rule, near enough to Gviz's choice). */
function nearZero(values: number[]): boolean {
  return values.length > 0 && Math.min(...values) >= 0 && Math.min(...values) <= Math.max(...values) / 2;
}

/** The values the value axis must show: each series' values, or for stacked bars each category's sums. */
function extent(view: ChartView, styles: SeriesStyle[], stacked: boolean): number[] {
  const series = view.table.series;
  const out: number[] = [];
  const n = view.table.domain.labels.length;
  for (let i = 0; i < n; i++) {
    let up = 0;
    let down = 0;
    for (const s of styles) {
      const v = series[s.index]!.values[i];
      if (!finite(v)) continue;
      if (stacked && s.kind === 'bars') {
        if (v >= 0) up += v;
        else down += v;
      } else out.push(v);
    }
    if (stacked) out.push(up, down);
  }
  return out;
}

/** Segments of consecutive points (a blank breaks a line, as Sheets leaves a gap). */
function segments(points: Array<[number, number] | null>): Array<Array<[number, number]>> {
  const out: Array<Array<[number, number]>> = [];
  let run: Array<[number, number]> = [];
  for (const p of points) {
    if (p) run.push(p);
    else if (run.length) {
      out.push(run);
      run = [];
    }
  }
  if (run.length) out.push(run);
  return out;
}

const path = (pts: Array<[number, number]>) => pts.map(([x, y], i) => `${i ? 'L' : 'M'}${x},${y}`).join('');

export function CartesianPlot(props: { view: ChartView; styles: SeriesStyle[]; box: Box }) {
  const { view, styles, box } = props;
  const table = view.table;
  const horizontal = view.type === 'BAR';
  const scatter = view.type === 'SCATTER';
  const stacked = isStacked(view);
  const { h, v } = axes(view);
  const valueAxis = horizontal ? h : v;
  const n = table.domain.labels.length;

  const values = extent(view, styles, stacked);
  const includeZero = styles.some((s) => s.kind === 'bars' || s.kind === 'area') || nearZero(values);
  const scale = scaleFor(values, valueAxis, includeZero);
  const dataFormat = styles.map((s) => table.series[s.index]!.format).find((f) => f !== '') ?? '';
  const valueLabels = tickLabels(scale, axisStyle(valueAxis.format, dataFormat), view.locale);
  const xs = table.domain.values.filter(finite);
  const xScale = scatter ? scaleFor(xs, h, nearZero(xs)) : undefined;
  const xLabels = xScale ? tickLabels(xScale, axisStyle(h.format, table.domain.format), view.locale) : [];

  // Layout: the vertical axis' labels and title on the left, the horizontal axis' below.
  const leftLabels = horizontal
    ? Math.min(box.width * 0.3, Math.max(0, ...table.domain.labels.map((l) => textWidth(l))) + 10)
    : Math.max(0, ...valueLabels.map((l) => textWidth(l))) + 10;
  const left = box.x + (v.title ? AXIS_TITLE_BAND : 0) + leftLabels;
  const right = box.x + box.width - (horizontal || scatter ? 16 : 8);
  const plotWidth = Math.max(10, right - left);
  const bottomLabels =
    horizontal || scatter
      ? null
      : categoryLabels(table.domain.labels, plotWidth / Math.max(1, n), box.height);
  const labelBand =
    bottomLabels?.kind === 'lines'
      ? LABEL_BAND + (Math.max(...bottomLabels.lines.map((l) => l.length)) - 1) * LINE_HEIGHT
      : bottomLabels?.kind === 'slanted'
        ? bottomLabels.height + 6
        : LABEL_BAND;
  const top = box.y + 8;
  const bottom = box.y + box.height - labelBand - (h.title ? AXIS_TITLE_BAND : 0);
  const plot = { x: left, y: top, w: plotWidth, h: Math.max(10, bottom - top) };

  const span = (s: Scale) => s.max - s.min || 1;
  const valueAt = (x: number) =>
    horizontal
      ? plot.x + ((x - scale.min) / span(scale)) * plot.w
      : plot.y + plot.h - ((x - scale.min) / span(scale)) * plot.h;
  const band = (horizontal ? plot.h : plot.w) / Math.max(1, n);
  const bandStart = (i: number) => (horizontal ? plot.y : plot.x) + i * band;
  const along = (i: number) =>
    xScale
      ? plot.x + (((table.domain.values[i] ?? 0) - xScale.min) / span(xScale)) * plot.w
      : bandStart(i) + band / 2;
  const zero = valueAt(Math.min(Math.max(0, scale.min), scale.max));
  const clip = `chart-clip-${view.id}`;

  const every = horizontal
    ? Math.max(1, Math.ceil((LABEL_SIZE * 1.3) / band))
    : bottomLabels?.kind === 'every'
      ? bottomLabels.every
      : 1;

  // A bar chart's categories, on the left: wrapped onto the lines their band has room for, else cut.
  const sideRows = Math.max(1, Math.min(3, Math.floor(band / LINE_HEIGHT)));
  const sideLines = table.domain.labels.map((l) =>
    textWidth(l) <= leftLabels - 8
      ? [l]
      : (wrapText(l, leftLabels - 8, sideRows) ?? [fitText(l, leftLabels - 8)]),
  );

  const bars = styles.filter((s) => s.kind === 'bars');
  const group = band * GROUP_WIDTH;
  const barThickness = stacked ? group : group / Math.max(1, bars.length);
  const stack = table.domain.labels.map(() => ({ up: 0, down: 0 }));

  const marks = styles.map((s) => {
    const series = table.series[s.index]!;
    const tip = (i: number) =>
      `${series.label || s.label}\n${table.domain.labels[i] ?? ''}: ${series.texts[i] ?? ''}`;
    if (s.kind === 'bars') {
      const k = bars.indexOf(s);
      return (
        <g key={`s${s.index}`} class="chart-series" data-series={s.index}>
          {series.values.map((val, i) => {
            if (!finite(val)) return null;
            let from = 0;
            if (stacked) {
              const st = stack[i]!;
              from = val >= 0 ? st.up : st.down;
              if (val >= 0) st.up += val;
              else st.down += val;
            }
            const a = valueAt(from);
            const b = valueAt(from + val);
            const offset = bandStart(i) + (band - group) / 2 + (stacked ? 0 : k * barThickness);
            const rect = horizontal
              ? { x: Math.min(a, b), y: offset, width: Math.abs(b - a), height: barThickness }
              : { x: offset, y: Math.min(a, b), width: barThickness, height: Math.abs(b - a) };
            return (
              <rect
                key={i}
                class="chart-bar"
                data-series={s.index}
                data-category={i}
                data-value={val}
                fill={s.color}
                {...rect}
              >
                <title>{tip(i)}</title>
              </rect>
            );
          })}
        </g>
      );
    }
    const pts = series.values.map((val, i): [number, number] | null =>
      finite(val) && (!xScale || finite(table.domain.values[i])) ? [along(i), valueAt(val)] : null,
    );
    const runs = segments(pts);
    return (
      <g key={`s${s.index}`} class="chart-series" data-series={s.index}>
        {s.kind === 'area' &&
          runs.map((run, j) => (
            <path
              key={`a${j}`}
              class="chart-area"
              d={`${path(run)}L${run[run.length - 1]![0]},${zero}L${run[0]![0]},${zero}Z`}
              fill={s.color}
              fill-opacity={0.3}
            />
          ))}
        {s.kind !== 'points' &&
          runs.map((run, j) => (
            <path
              key={`l${j}`}
              class="chart-line"
              data-series={s.index}
              d={path(run)}
              fill="none"
              stroke={s.color}
              stroke-width={s.lineWidth}
              stroke-linejoin="round"
              stroke-linecap="round"
              {...(s.dash ? { 'stroke-dasharray': s.dash } : {})}
            />
          ))}
        {pts.map((p, i) =>
          p && (s.pointSize > 0 || s.kind === 'points') ? (
            <circle
              key={`p${i}`}
              class="chart-point"
              data-series={s.index}
              data-value={series.values[i]!}
              cx={p[0]}
              cy={p[1]}
              r={Math.max(1, s.pointSize / 2)}
              fill={s.color}
            >
              <title>{tip(i)}</title>
            </circle>
          ) : null,
        )}
      </g>
    );
  });

  return (
    <g class="chart-plot">
      <defs>
        <clipPath id={clip}>
          {/* wide enough that a point or a line's cap on the edge shows whole */}
          <rect x={plot.x - 8} y={plot.y - 8} width={plot.w + 16} height={plot.h + 16} />
        </clipPath>
      </defs>
      {/* gridlines and the value axis' labels */}
      {scale.ticks.map((t, i) => {
        const at = valueAt(t);
        return horizontal ? (
          <g key={`t${i}`}>
            <line x1={at} x2={at} y1={plot.y} y2={plot.y + plot.h} stroke={GRID_COLOR} />
            <text class="chart-tick" x={at} y={plot.y + plot.h + 15} text-anchor="middle">
              {valueLabels[i]}
            </text>
          </g>
        ) : (
          <g key={`t${i}`}>
            <line x1={plot.x} x2={plot.x + plot.w} y1={at} y2={at} stroke={GRID_COLOR} />
            <text class="chart-tick" x={plot.x - 6} y={at + 4} text-anchor="end">
              {valueLabels[i]}
            </text>
          </g>
        );
      })}
      {xScale?.ticks.map((t, i) => {
        const at = plot.x + ((t - xScale.min) / span(xScale)) * plot.w;
        return (
          <g key={`x${i}`}>
            <line x1={at} x2={at} y1={plot.y} y2={plot.y + plot.h} stroke={GRID_COLOR} />
            <text class="chart-tick" x={at} y={plot.y + plot.h + 15} text-anchor="middle">
              {xLabels[i]}
            </text>
          </g>
        );
      })}
      {/* the categories */}
      {!xScale &&
        table.domain.labels.map((label, i) =>
          i % every !== 0 ? null : horizontal ? (
            <text
              key={`c${i}`}
              class="chart-category"
              x={plot.x - 6}
              y={bandStart(i) + band / 2 + 4 - ((sideLines[i]!.length - 1) * LINE_HEIGHT) / 2}
              text-anchor="end"
            >
              {sideLines[i]!.map((line, j) => (
                <tspan key={j} x={plot.x - 6} dy={j === 0 ? 0 : LINE_HEIGHT}>
                  {line}
                </tspan>
              ))}
            </text>
          ) : bottomLabels?.kind === 'slanted' ? (
            <text
              key={`c${i}`}
              class="chart-category"
              x={bandStart(i) + band / 2 + 4}
              y={plot.y + plot.h + 12}
              text-anchor="end"
              transform={`rotate(-30 ${bandStart(i) + band / 2 + 4} ${plot.y + plot.h + 12})`}
            >
              {bottomLabels.texts[i]}
            </text>
          ) : (
            <text
              key={`c${i}`}
              class="chart-category"
              x={bandStart(i) + band / 2}
              y={plot.y + plot.h + 15}
              text-anchor="middle"
            >
              {bottomLabels?.kind === 'lines'
                ? bottomLabels.lines[i]!.map((line, j) => (
                    <tspan key={j} x={bandStart(i) + band / 2} dy={j === 0 ? 0 : LINE_HEIGHT}>
                      {line}
                    </tspan>
                  ))
                : fitText(label, band * every - 4)}
            </text>
          ),
        )}
      <g clip-path={`url(#${clip})`}>{marks}</g>
      {/* the baseline at zero */}
      {scale.min <= 0 &&
        scale.max >= 0 &&
        (horizontal ? (
          <line x1={zero} x2={zero} y1={plot.y} y2={plot.y + plot.h} stroke={BASELINE_COLOR} />
        ) : (
          <line x1={plot.x} x2={plot.x + plot.w} y1={zero} y2={zero} stroke={BASELINE_COLOR} />
        ))}
      {h.title && (
        <text
          class="chart-axis-title"
          x={plot.x + plot.w / 2}
          y={box.y + box.height - 6}
          text-anchor="middle"
        >
          {fitText(h.title, plot.w)}
        </text>
      )}
      {v.title && (
        <text
          class="chart-axis-title"
          x={box.x + 14}
          y={plot.y + plot.h / 2}
          text-anchor="middle"
          transform={`rotate(-90 ${box.x + 14} ${plot.y + plot.h / 2})`}
        >
          {fitText(v.title, plot.h)}
        </text>
      )}
    </g>
  );
}
