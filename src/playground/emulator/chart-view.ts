// A chart as the page draws it: its type, where it floats and how big it is, its options, and its data table read
// now from its ranges (values, the text the cells show and their number formats, in the spreadsheet's locale), so
// a chart follows every edit of the cells it reads. Part of the sheet's view (view.ts).
import { computed, displayValue, effectiveFormat, lastRow } from './cells';
import { type ChartTable, chartTable, type DataCell } from './chart-data';
import {
  type ChartModel,
  type ChartPosition,
  type ChartTypeName,
  liveRanges,
  type OptionTree,
} from './chart-model';
import { type GridRange, isCellError } from './model';
import type { Workbook } from './workbook';

/** A chart's size in pixels when its options give none (what Sheets gives a new chart: our observation). */
export const DEFAULT_CHART_WIDTH = 600;
export const DEFAULT_CHART_HEIGHT = 371;

export interface ChartView {
  id: number;
  type: ChartTypeName;
  position: ChartPosition;
  width: number;
  height: number;
  /** The Gviz options as set (title, legend, hAxis/vAxis, series, colors…). */
  options: OptionTree;
  /** The spreadsheet's locale: axis labels are written in it. */
  locale: string;
  /** The ranges it reads, with their sheets (`'2027-Q1 Objectives'!B1:C4`). */
  ranges: string[];
  table: ChartTable;
}

function cellsOf(wb: Workbook, range: GridRange): DataCell[][] {
  const r = wb.bounded(range);
  // An open-ended range (A2:B) reads no further than the sheet's data.
  const end = Math.min(
    r.row + r.numRows - 1,
    range.openRows ? lastRow(wb, r.sheet) : Number.MAX_SAFE_INTEGER,
  );
  const rows: DataCell[][] = [];
  for (let row = r.row; row <= end; row++) {
    const cells: DataCell[] = [];
    for (let column = r.column; column < r.column + r.numColumns; column++) {
      const v = computed(wb, r.sheet, row, column);
      cells.push({
        value: isCellError(v) ? null : v,
        text: displayValue(wb, r.sheet, row, column),
        format: typeof v === 'number' ? effectiveFormat(wb, r.sheet, row, column).pattern : '',
      });
    }
    rows.push(cells);
  }
  return rows;
}

const positive = (v: unknown, fallback: number) =>
  typeof v === 'number' && v > 0 ? Math.round(v) : fallback;

export function chartView(wb: Workbook, chart: ChartModel): ChartView {
  const ranges = liveRanges(wb, chart.ranges);
  return {
    id: chart.id,
    type: chart.type,
    position: { ...chart.position },
    width: positive(chart.options.width, DEFAULT_CHART_WIDTH),
    height: positive(chart.options.height, DEFAULT_CHART_HEIGHT),
    options: structuredClone(chart.options),
    locale: wb.locale,
    ranges: ranges.map((r) => wb.a1Of(r, true)),
    table: chartTable(
      ranges.map((r) => cellsOf(wb, r)),
      {
        merge: chart.merge,
        transpose: chart.transpose,
        ...(chart.numHeaders !== undefined ? { numHeaders: chart.numHeaders } : {}),
        firstColumnIsDomain: chart.options.useFirstColumnAsDomain !== false,
      },
    ),
  };
}
