// An embedded chart as plain data: its type, source ranges (on any sheet), headers, merge strategy, transposition,
// Gviz options (a JSON tree, read and written by dotted paths such as `vAxis.title`) and where it floats over its
// sheet; chart IDs; the charts' ranges and anchors moved with inserted and deleted rows and columns; and a chart
// to and from its saved state. The Apps Script objects over this data are charts.ts; what the page draws is
// chart-view.ts.
import type { GridRange, SheetModel } from './model';
import type { ChartState } from './state';
import type { Workbook } from './workbook';

/** Charts.ChartType, in Google's order (https://developers.google.com/apps-script/reference/charts/chart-type). */
export const CHART_TYPE_NAMES = [
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
] as const;

/** The types the emulator holds and the playground draws; any other throws `not emulated`. */
export const EMULATED_CHART_TYPES = ['AREA', 'BAR', 'COLUMN', 'COMBO', 'LINE', 'PIE', 'SCATTER'] as const;
export type ChartTypeName = (typeof EMULATED_CHART_TYPES)[number];

export function isEmulatedType(name: string): name is ChartTypeName {
  return (EMULATED_CHART_TYPES as readonly string[]).includes(name);
}

export type MergeStrategy = 'MERGE_COLUMNS' | 'MERGE_ROWS';

/** Where a chart floats: its top-left corner is `offsetX`, `offsetY` pixels from the anchor cell's top-left. */
export interface ChartPosition {
  row: number;
  column: number;
  offsetX: number;
  offsetY: number;
}

/** Gviz options as JSON: `{ title: 'x', vAxis: { title: 'y' }, series: { '1': { type: 'line' } } }`. */
export type OptionTree = Record<string, unknown>;

/** What a builder holds and a chart is: everything but its ID. */
export interface ChartSpec {
  type: ChartTypeName;
  ranges: GridRange[];
  /** Rows (columns when transposed) of headers; undefined: never set, Sheets guesses from the data. */
  numHeaders?: number;
  merge: MergeStrategy;
  transpose: boolean;
  options: OptionTree;
  position: ChartPosition;
}

export interface ChartModel extends ChartSpec {
  id: number;
}

// ---- options -----------------------------------------------------------------------------------------------

/** A value the add-on passed, as JSON of this realm (so it is a copy no later change of the caller reaches). */
export function jsonCopy(value: unknown): unknown {
  if (value === undefined) return null;
  const text = JSON.stringify(value);
  return text === undefined ? null : JSON.parse(text);
}

const isTree = (v: unknown): v is OptionTree => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The option at a dotted path (`hAxis.title`, `series.1.type`), or undefined. */
export function optionAt(tree: OptionTree, path: string): unknown {
  let node: unknown = tree;
  for (const key of path.split('.')) {
    if (!isTree(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/** Sets the option at a dotted path (replacing what was there), making the objects on the way. */
export function setOptionAt(tree: OptionTree, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = tree;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (!isTree(next)) node[key] = {};
    node = node[key] as OptionTree;
  }
  node[keys[keys.length - 1]!] = value;
}

// ---- charts ------------------------------------------------------------------------------------------------

export function copySpec(spec: ChartSpec): ChartSpec {
  return {
    type: spec.type,
    ranges: spec.ranges.map((r) => ({ ...r })),
    ...(spec.numHeaders !== undefined ? { numHeaders: spec.numHeaders } : {}),
    merge: spec.merge,
    transpose: spec.transpose,
    options: structuredClone(spec.options),
    position: { ...spec.position },
  };
}

/** A new chart ID: unique in the spreadsheet and never reused, large like Sheets' (deterministic here). */
export function newChartId(wb: Workbook): number {
  const taken = new Set(wb.sheets.flatMap((s) => s.charts.map((c) => c.id)));
  let id: number;
  do id = 1_100_000_000 + wb.nextChartId++ * 6151;
  while (taken.has(id));
  return id;
}

/** The ranges that still exist: a range on a deleted sheet is gone from its chart. */
export function liveRanges(wb: Workbook, ranges: readonly GridRange[]): GridRange[] {
  return ranges.filter((r) => wb.sheets.includes(r.sheet));
}

/** Moves a 1-based position for an insertion (count > 0) or deletion (count < 0) at `at`: a deleted one stays at `at`. */
function shiftIndex(index: number, at: number, count: number): number {
  if (count > 0) return index >= at ? index + count : index;
  const n = -count;
  if (index < at) return index;
  if (index >= at + n) return index - n;
  return at;
}

/**
 * After rows or columns of `sheet` were inserted or deleted (structure.ts): every chart's ranges move as the
 * other ranges of the workbook do (`move`; a range that lost all its cells is dropped), and the charts floating
 * over `sheet` keep their anchor cell (one whose row or column was deleted anchors at the one that took its place).
 */
export function shiftCharts(
  wb: Workbook,
  sheet: SheetModel,
  dimension: 'row' | 'column',
  at: number,
  count: number,
  move: (range: GridRange) => GridRange | null,
): void {
  for (const s of wb.sheets) {
    for (const chart of s.charts) {
      chart.ranges = chart.ranges.map(move).filter((r): r is GridRange => r !== null);
      if (s !== sheet) continue;
      const p = chart.position;
      if (dimension === 'row') p.row = Math.min(sheet.maxRows, shiftIndex(p.row, at, count));
      else p.column = Math.min(sheet.maxColumns, shiftIndex(p.column, at, count));
    }
  }
}

// ---- state -------------------------------------------------------------------------------------------------

/** A chart as JSON: ranges as A1 with their sheet (`'2027-Q1 Objectives'!B1:B9`). */
export function chartState(wb: Workbook, chart: ChartModel): ChartState {
  return {
    id: chart.id,
    type: chart.type,
    ranges: liveRanges(wb, chart.ranges).map((r) => wb.a1Of(r, true)),
    ...(chart.numHeaders !== undefined ? { numHeaders: chart.numHeaders } : {}),
    ...(chart.merge !== 'MERGE_COLUMNS' ? { mergeStrategy: chart.merge } : {}),
    ...(chart.transpose ? { transpose: true } : {}),
    options: structuredClone(chart.options),
    position: { ...chart.position },
  };
}

/** A chart of `sheet` from its state (every sheet it reads must exist already). */
export function chartFromState(wb: Workbook, sheet: SheetModel, st: ChartState): ChartModel {
  if (!isEmulatedType(st.type)) throw new Error(`chart ${st.id}: type ${st.type} is not emulated`);
  return {
    id: st.id,
    type: st.type,
    ranges: st.ranges.map((a1) => wb.rangeFromA1(a1, sheet)),
    ...(st.numHeaders !== undefined ? { numHeaders: st.numHeaders } : {}),
    merge: st.mergeStrategy ?? 'MERGE_COLUMNS',
    transpose: st.transpose ?? false,
    options: structuredClone(st.options),
    position: { ...st.position },
  };
}

/**
 * The charts of a sheet copied onto `copy` (Sheet.copyTo): each gets a new ID; a range on the copied sheet now
 * reads the copy, a range on another sheet still reads that sheet.
 */
export function copyCharts(wb: Workbook, source: SheetModel, copy: SheetModel): void {
  copy.charts = source.charts.map((chart) => ({
    ...copySpec({ ...chart, ranges: liveRanges(wb, chart.ranges) }),
    ranges: liveRanges(wb, chart.ranges).map((r) => ({ ...r, sheet: r.sheet === source ? copy : r.sheet })),
    id: newChartId(wb),
  }));
}
