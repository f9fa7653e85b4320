// A chart's data table from the cells of its ranges, as Sheets builds it: ranges side by side (MERGE_COLUMNS, the
// default) or one below the other (MERGE_ROWS), rows and columns swapped when transposed, header rows giving the
// series their names, the first column the domain (the categories, or a scatter chart's x values) and every
// other column a series. Plain values in, plain values out; reading the cells is chart-view.ts.

/** One cell as the chart reads it: its value (an error reads as null), the text it shows, its number format. */
export interface DataCell {
  value: number | string | boolean | null;
  text: string;
  format: string;
}

export interface ChartSeries {
  /** The series' name: its header cells' text (joined by a space), or "" without headers. */
  label: string;
  /** One per row: a number, or null for a blank, text, a boolean or an error (Sheets leaves a gap). */
  values: Array<number | null>;
  /** One per row: the text the cell shows (a tooltip shows the value as the sheet does). */
  texts: string[];
  /** The number format of the series' first number: axis labels show numbers as the data does. */
  format: string;
}

export interface ChartTable {
  domain: {
    label: string;
    /** The categories as the cells show them (dates and numbers formatted, in the spreadsheet's locale). */
    labels: string[];
    /** The domain cells' numbers, for charts whose x axis is a value axis (scatter). */
    values: Array<number | null>;
    format: string;
  };
  series: ChartSeries[];
  /** How many rows (columns, when transposed) were read as headers: as set, or guessed. */
  headers: number;
}

export interface TableOptions {
  merge: 'MERGE_COLUMNS' | 'MERGE_ROWS';
  transpose: boolean;
  /** As setNumHeaders set it; undefined: guessed (below). */
  numHeaders?: number;
  /** Gviz `useFirstColumnAsDomain`; false: every column is a series, over the row numbers. */
  firstColumnIsDomain: boolean;
}

const BLANK: DataCell = { value: null, text: '', format: '' };
const isBlank = (c: DataCell) => c.value === null && c.text === '';
const isNumber = (c: DataCell) => typeof c.value === 'number';

function merge(ranges: DataCell[][][], strategy: TableOptions['merge']): DataCell[][] {
  const widths = ranges.map((r) => Math.max(0, ...r.map((row) => row.length)));
  if (strategy === 'MERGE_ROWS') {
    const width = Math.max(0, ...widths);
    return ranges.flatMap((r) => r.map((row) => Array.from({ length: width }, (_, j) => row[j] ?? BLANK)));
  }
  const height = Math.max(0, ...ranges.map((r) => r.length));
  return Array.from({ length: height }, (_, i) =>
    ranges.flatMap((r, k) => Array.from({ length: widths[k]! }, (_, j) => r[i]?.[j] ?? BLANK)),
  );
}

function transpose(rows: DataCell[][]): DataCell[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return Array.from({ length: width }, (_, j) => rows.map((r) => r[j] ?? BLANK));
}

/** Drops the rows below the last one holding anything, and the columns holding nothing at all. */
function trim(rows: DataCell[][]): DataCell[][] {
  let last = rows.length;
  while (last > 0 && rows[last - 1]!.every(isBlank)) last--;
  const kept = rows.slice(0, last);
  const width = Math.max(0, ...kept.map((r) => r.length));
  const used = Array.from({ length: width }, (_, j) => kept.some((r) => r[j] && !isBlank(r[j]!)));
  return kept.map((r) => r.filter((_, j) => used[j]));
}

/**
 * Sheets guesses the headers when none were set ("If not set, Google Sheets will guess how many rows are headers
 * based on the data", Sheets API BasicChartSpec.headerCount): here, one header row when the first row's series
 * cells hold text and a later row holds a number in them. Our rule; Sheets' own is undocumented.
 */
function guessHeaders(rows: DataCell[][], firstSeries: number): number {
  if (rows.length < 2) return 0;
  const series = (r: DataCell[]) => r.slice(firstSeries);
  const textFirst = series(rows[0]!).some((c) => typeof c.value === 'string' && c.value !== '');
  const numbersBelow = rows.slice(1).some((r) => series(r).some(isNumber));
  return textFirst && numbersBelow ? 1 : 0;
}

const numberOf = (c: DataCell | undefined) => (c && typeof c.value === 'number' ? c.value : null);
const formatOf = (cells: Array<DataCell | undefined>) => cells.find((c) => c && isNumber(c))?.format ?? '';

export function chartTable(ranges: DataCell[][][], options: TableOptions): ChartTable {
  let rows = merge(ranges, options.merge);
  if (options.transpose) rows = transpose(rows);
  rows = trim(rows);
  const first = options.firstColumnIsDomain ? 1 : 0;
  const headers = Math.min(rows.length, options.numHeaders ?? guessHeaders(rows, first));
  const head = rows.slice(0, headers);
  const body = rows.slice(headers);
  const width = Math.max(0, ...rows.map((r) => r.length));
  const label = (j: number) =>
    head
      .map((r) => r[j]?.text ?? '')
      .filter((t) => t !== '')
      .join(' ');
  const column = (j: number) => body.map((r) => r[j]);
  const domainCells = first ? column(0) : [];
  return {
    domain: {
      label: first ? label(0) : '',
      labels: first ? domainCells.map((c) => c?.text ?? '') : body.map((_, i) => String(i + 1)),
      values: first ? domainCells.map(numberOf) : body.map((_, i) => i + 1),
      format: formatOf(domainCells),
    },
    series: Array.from({ length: Math.max(0, width - first) }, (_, k) => {
      const cells = column(k + first);
      return {
        label: label(k + first),
        values: cells.map(numberOf),
        texts: cells.map((c) => c?.text ?? ''),
        format: formatOf(cells),
      };
    }),
    headers,
  };
}
