// What each sheet the add-on owns holds, as data (DESIGN.md §4), and how a row of it is written. Columns are
// found by header text, never by letter, so users may add, move or widen columns; the add-on only requires its
// headers to exist once (a column added in a later version may be missing from sheets made before it).
import { type Cell, InputError, textKey } from './values';

export interface ColumnDef<K extends string = string> {
  key: K;
  header: string;
  /** pixels; columns without one keep Sheets' default width */
  width?: number;
  /** a Sheets number format for the data rows */
  numberFormat?: string;
  /** added after sheets of this layout were first made: those sheets may lack it until they are dressed again */
  optional?: boolean;
}

export interface SheetLayout<K extends string = string> {
  /** how the sheet is named; `{quarter}` is replaced by the quarter label */
  name: string;
  columns: readonly ColumnDef<K>[];
}

const col = <K extends string>(
  key: K,
  header: string,
  width?: number,
  extra: Omit<Partial<ColumnDef>, 'key'> = {},
): ColumnDef<K> => ({
  ...extra,
  key,
  header,
  ...(width ? { width } : {}),
});

export const OBJECTIVES = {
  name: '{quarter} Objectives',
  columns: [
    col('id', 'ID'),
    col('title', 'Objective', 300),
    col('owner', 'Owner'),
    col('team', 'Team'),
    col('alignsTo', 'Aligns to'),
    col('keyResults', 'Key results'),
    col('score', 'Score', undefined, { numberFormat: '0%' }),
    col('status', 'Status'),
    col('notes', 'Notes', 240),
  ],
} as const satisfies SheetLayout;

export const KEY_RESULTS = {
  name: '{quarter} Key Results',
  columns: [
    col('id', 'ID'),
    col('objective', 'Objective'),
    col('title', 'Key result', 300),
    col('owner', 'Owner'),
    col('type', 'Type'),
    col('baseline', 'Baseline'),
    col('target', 'Target'),
    col('current', 'Current'),
    col('kpi', 'KPI'),
    col('weight', 'Weight'),
    col('confidence', 'Confidence'),
    col('score', 'Score', undefined, { numberFormat: '0%' }),
    col('status', 'Status'),
    col('lastCheckIn', 'Last check-in', undefined, { numberFormat: 'yyyy-mm-dd' }),
    col('notes', 'Notes', 240),
    // last, so that sheets made before it get it at their end (core/units.ts says what a unit is)
    { ...col('unit', 'Unit', 80), optional: true as const },
  ],
} as const satisfies SheetLayout;

export const KPIS = {
  name: 'KPIs',
  columns: [
    col('id', 'ID'),
    col('name', 'Name'),
    col('sourceTab', 'Source tab'),
    col('valueColumn', 'Value column'),
    col('dateColumn', 'Date column'),
    col('unit', 'Unit'),
    col('betterWhen', 'Better when'),
    col('target', 'Target'),
    col('warnAt', 'Warn at'),
    col('owner', 'Owner'),
    col('cadence', 'Cadence'),
    col('latest', 'Latest'),
    col('previous', 'Previous'),
    col('trend', 'Trend'),
    col('status', 'Status'),
  ],
} as const satisfies SheetLayout;

export const CHECK_INS = {
  name: 'Check-ins',
  columns: [
    col('timestamp', 'Timestamp', 140, { numberFormat: 'yyyy-mm-dd hh:mm' }),
    col('quarter', 'Quarter'),
    col('krId', 'KR ID'),
    col('value', 'Value'),
    col('confidence', 'Confidence'),
    col('note', 'Note', 320),
    // last, so that logs made before it get it at their end
    { ...col('author', 'Checked in by', 140), optional: true as const },
  ],
} as const satisfies SheetLayout;

export const HISTORY = {
  name: 'OKR History',
  columns: [
    col('quarter', 'Quarter'),
    col('objectiveId', 'Objective ID'),
    col('objective', 'Objective', 260),
    col('krId', 'KR ID'),
    col('keyResult', 'Key result', 260),
    col('baseline', 'Baseline'),
    col('target', 'Target'),
    col('finalValue', 'Final value'),
    col('score', 'Score', undefined, { numberFormat: '0%' }),
    col('closedOn', 'Closed on', undefined, { numberFormat: 'yyyy-mm-dd' }),
    // last, so that histories made before it get it at their end
    {
      ...col('objectiveScore', 'Objective score', undefined, { numberFormat: '0%' }),
      optional: true as const,
    },
  ],
} as const satisfies SheetLayout;

export type KeyOf<L extends SheetLayout> = L['columns'][number]['key'];
type OptionalKey<L extends SheetLayout> = Extract<L['columns'][number], { optional: true }>['key'];

/** Where a layout's columns are in a sheet (0-based); an optional column the sheet lacks is undefined. */
export type Columns<L extends SheetLayout> = { [K in Exclude<KeyOf<L>, OptionalKey<L>>]: number } & {
  [K in OptionalKey<L>]?: number;
};

/** The columns of a sheet made from its layout as it stands. */
export function layoutColumns<L extends SheetLayout>(layout: L): Columns<L> & Record<KeyOf<L>, number> {
  return Object.fromEntries(layout.columns.map((c, i) => [c.key, i])) as Columns<L> &
    Record<KeyOf<L>, number>;
}

export function sheetName(layout: SheetLayout, quarter?: string): string {
  // a function replacement: a string one would expand `$&` and `$'` if a label ever held them
  return quarter ? layout.name.replace('{quarter}', () => quarter) : layout.name;
}

export function headers(layout: SheetLayout): string[] {
  return layout.columns.map((c) => c.header);
}

/** Whether a header row holds every header a layout requires (case- and space-insensitive). */
export function hasHeaders(layout: SheetLayout, headerRow: readonly unknown[]): boolean {
  const present = new Set(headerRow.map(textKey));
  return layout.columns.every((c) => c.optional || present.has(textKey(c.header)));
}

/**
 * Finds each column of a layout in a header row by its text (case- and space-insensitive).
 * Returns 0-based indexes. A missing header is an InputError naming the sheet and the header.
 */
export function locateColumns<L extends SheetLayout>(
  layout: L,
  headerRow: readonly unknown[],
  sheet: string,
): Columns<L> {
  const index = new Map<string, number>();
  headerRow.forEach((h, i) => {
    const key = textKey(h);
    if (key && !index.has(key)) index.set(key, i);
  });
  const out = {} as Record<string, number>;
  const missing: string[] = [];
  for (const c of layout.columns) {
    const i = index.get(textKey(c.header));
    if (i !== undefined) out[c.key] = i;
    else if (!c.optional) missing.push(c.header);
  }
  if (missing.length) {
    throw new InputError(
      `the sheet "${sheet}" has no column ${missing.map((m) => `"${m}"`).join(', ')} in row 1; restore the header${missing.length > 1 ? 's' : ''} to let okr-sheets find it`,
    );
  }
  return out as Columns<L>;
}

/** How the add-on's header rows look: bold, on a light blue, in dark blue. */
export const HEADER_STYLE = { background: '#e8f0fe', font: '#174ea6' } as const;

/**
 * User text written as a cell value must stay exactly that text. setValues parses strings as if typed: `=…`
 * becomes a formula (formula injection: `=IMPORTRANGE(…)` would run), `+1-2` a formula, `45%`, `1,000` or
 * `2027-01-01` numbers and dates, `TRUE` a boolean. A leading apostrophe makes Sheets keep the rest verbatim
 * as text; the apostrophe is not part of the value getValues returns. Every user string goes through here.
 */
export function asText(s: string): string {
  return s === '' ? '' : `'${s}`;
}

// ---- Rows written by the add-on --------------------------------------------------------------------------------

/** One row's cells to write, by column key; user text goes through textCell so it can never become a formula. */
export type RowPatch<K extends string> = Partial<Record<K, Cell>>;

export function textCell(s: string | undefined): Cell {
  return s ? asText(s) : '';
}

export function numberCell(n: number | undefined | ''): Cell {
  return n === undefined ? '' : n;
}

/**
 * Splits a row patch into runs of adjacent columns, so a row is written with one setValues per run (the
 * computed columns between them are never written: they belong to the header formulas). A key whose column
 * the sheet lacks is left out.
 */
export function contiguousRuns<K extends string>(
  patch: RowPatch<K>,
  columns: Partial<Record<K, number>>,
): Array<{ start: number; values: Cell[] }> {
  const cells = (Object.keys(patch) as K[])
    .filter((k) => patch[k] !== undefined && columns[k] !== undefined)
    .map((k) => [columns[k] as number, patch[k] as Cell] as const)
    .sort((a, b) => a[0] - b[0]);
  const runs: Array<{ start: number; values: Cell[] }> = [];
  for (const [index, value] of cells) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.values.length === index) last.values.push(value);
    else runs.push({ start: index, values: [value] });
  }
  return runs;
}

/** A whole row `width` cells wide holding a patch (blank elsewhere), for appending rows in one write. */
export function fullRow<K extends string>(
  patch: RowPatch<K>,
  columns: Partial<Record<K, number>>,
  width: number,
): Cell[] {
  const row: Cell[] = new Array(width).fill('');
  for (const k of Object.keys(patch) as K[]) {
    const i = columns[k];
    if (i !== undefined && i < width) row[i] = patch[k];
  }
  return row;
}

/** The last row (1-based) whose key column is filled, below the header: 1 when there is none. */
export function lastFilledRow(values: readonly (readonly Cell[])[], keyColumn: number): number {
  for (let i = values.length - 1; i >= 1; i--) {
    const v = values[i]?.[keyColumn];
    if (v !== '' && v !== null && v !== undefined) return i + 1;
  }
  return 1;
}

/** Rows to delete as runs of adjacent rows, bottom-up, so each deletion leaves the next runs' rows valid. */
export function rowRunsBottomUp(rows: readonly number[]): Array<{ start: number; count: number }> {
  const sorted = [...rows].sort((a, b) => b - a);
  const runs: Array<{ start: number; count: number }> = [];
  for (const row of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.start - 1 === row) {
      last.start = row;
      last.count++;
    } else runs.push({ start: row, count: 1 });
  }
  return runs;
}
