// How a chart's options dress it, read once from the Gviz options it was built with: each series' colour (its
// `series.N.color`, else `colors[N]`, else Sheets' default palette), kind (bars, line, area or points: a combo
// chart's `seriesType` and `series.N.type`), dash (`lineDashStyle`), width and point size; the legend's position;
// the axes' titles and options; stacking. Plain data in and out (tested without a browser).
import type { ChartView } from '../emulator/chart-view';

/** The colours Sheets gives series in order (its default theme: our observation, not documented). */
export const SHEETS_PALETTE = [
  '#4285f4',
  '#ea4335',
  '#fbbc04',
  '#34a853',
  '#ff6d01',
  '#46bdc6',
  '#7baaf7',
  '#f07b72',
  '#fcd04f',
  '#71c287',
  '#ff994d',
  '#7ed1d7',
];

export type SeriesKind = 'bars' | 'line' | 'area' | 'points';

export interface SeriesStyle {
  index: number;
  label: string;
  color: string;
  kind: SeriesKind;
  /** SVG stroke-dasharray from `lineDashStyle` ([4, 4] → "4 4"), or undefined for a solid line. */
  dash?: string;
  lineWidth: number;
  pointSize: number;
  inLegend: boolean;
}

type Tree = Record<string, unknown>;
const tree = (v: unknown): Tree =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Tree) : {};
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** `series` is an object keyed by index (`{ 1: {…} }`) or an array. */
function seriesOption(options: Tree, i: number): Tree {
  const s = options.series;
  if (Array.isArray(s)) return tree(s[i]);
  return tree(tree(s)[String(i)]);
}

function kindOf(type: unknown): SeriesKind | undefined {
  if (type === 'bars' || type === 'bar' || type === 'columns') return 'bars';
  if (type === 'line') return 'line';
  if (type === 'area' || type === 'steppedArea') return 'area';
  if (type === 'scatter') return 'points';
  return undefined;
}

function baseKind(view: ChartView): SeriesKind {
  switch (view.type) {
    case 'BAR':
    case 'COLUMN':
      return 'bars';
    case 'AREA':
      return 'area';
    case 'SCATTER':
      return 'points';
    case 'COMBO':
      // Gviz ComboChart: "seriesType … The default line type for any series not specified in `series`" ('line').
      return kindOf(view.options.seriesType) ?? 'line';
    default:
      return 'line';
  }
}

function dashOf(v: unknown): string | undefined {
  if (!Array.isArray(v) || v.length === 0 || !v.every((x) => typeof x === 'number' && x >= 0))
    return undefined;
  return v.join(' ');
}

export function seriesStyles(view: ChartView): SeriesStyle[] {
  const o = view.options;
  const colors = Array.isArray(o.colors) ? o.colors : [];
  const base = baseKind(view);
  return view.table.series.map((s, i) => {
    const so = seriesOption(o, i);
    const kind = (view.type === 'COMBO' ? kindOf(so.type) : undefined) ?? base;
    const dash = dashOf(so.lineDashStyle ?? o.lineDashStyle);
    return {
      index: i,
      label: str(so.labelInLegend) ?? (s.label || `Series ${i + 1}`),
      color: str(so.color) ?? str(colors[i]) ?? SHEETS_PALETTE[i % SHEETS_PALETTE.length]!,
      kind,
      ...(dash ? { dash } : {}),
      lineWidth: num(so.lineWidth) ?? num(o.lineWidth) ?? 2,
      pointSize: num(so.pointSize) ?? num(o.pointSize) ?? (kind === 'points' ? 7 : 0),
      inLegend: so.visibleInLegend !== false,
    };
  });
}

/** A pie's slice colours: `slices.N.color`, else `colors[N]`, else the palette. */
export function sliceColors(view: ChartView): string[] {
  const colors = Array.isArray(view.options.colors) ? view.options.colors : [];
  const slices = view.options.slices;
  return view.table.domain.labels.map(
    (_, i) =>
      str(tree(Array.isArray(slices) ? slices[i] : tree(slices)[String(i)]).color) ??
      str(colors[i]) ??
      SHEETS_PALETTE[i % SHEETS_PALETTE.length]!,
  );
}

export type LegendPosition = 'right' | 'left' | 'top' | 'bottom' | 'none';

/** `legend: 'bottom'` or `legend: { position: 'bottom' }`; Gviz's default is right. */
export function legendPosition(view: ChartView): LegendPosition {
  const l = view.options.legend;
  const p = typeof l === 'string' ? l : tree(l).position;
  if (p === 'left' || p === 'top' || p === 'bottom' || p === 'none' || p === 'right') return p;
  if (p === 'in') return 'top';
  return 'right';
}

export interface AxisOptions {
  title?: string;
  minValue?: number;
  maxValue?: number;
  fixedMin?: number;
  fixedMax?: number;
  format?: unknown;
  count?: number;
}

function axisOptions(a: Tree): AxisOptions {
  const w = tree(a.viewWindow);
  const g = tree(a.gridlines);
  const out: AxisOptions = {};
  const title = str(a.title);
  if (title !== undefined) out.title = title;
  for (const [key, v] of [
    ['minValue', num(a.minValue)],
    ['maxValue', num(a.maxValue)],
    ['fixedMin', num(w.min)],
    ['fixedMax', num(w.max)],
    ['count', num(g.count)],
  ] as const) {
    if (v !== undefined) out[key] = v;
  }
  if (a.format !== undefined) out.format = a.format;
  return out;
}

/**
 * The horizontal and vertical axes' options: `hAxis`, and `vAxis` with `vAxes[0]` over it (Sheets has been
 * reported to show a vertical axis title only from `vAxes`: tanaikech's gist 4125cc280e15c0fc726cb2fe4f35a3f7).
 */
export function axes(view: ChartView): { h: AxisOptions; v: AxisOptions } {
  const o = view.options;
  return {
    h: axisOptions({ ...tree(o.hAxis), ...tree(tree(o.hAxes)['0']) }),
    v: axisOptions({ ...tree(o.vAxis), ...tree(tree(o.vAxes)['0']) }),
  };
}

export function isStacked(view: ChartView): boolean {
  const s = view.options.isStacked;
  return s === true || s === 'absolute';
}
