// What each sheet the add-on owns holds, as data (DESIGN.md §4). Columns are found by header text, never by
// letter, so users may add, move or widen columns; the add-on only requires its headers to exist once.
import { InputError } from './values';

export interface ColumnDef<K extends string = string> {
  key: K;
  header: string;
  /** pixels; columns without one keep Sheets' default width */
  width?: number;
  /** a Sheets number format for the data rows */
  numberFormat?: string;
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
    col('timestamp', 'Timestamp', undefined, { numberFormat: 'yyyy-mm-dd hh:mm' }),
    col('quarter', 'Quarter'),
    col('krId', 'KR ID'),
    col('value', 'Value'),
    col('confidence', 'Confidence'),
    col('note', 'Note', 320),
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
  ],
} as const satisfies SheetLayout;

export type KeyOf<L extends SheetLayout> = L['columns'][number]['key'];

export function sheetName(layout: SheetLayout, quarter?: string): string {
  return quarter ? layout.name.replace('{quarter}', quarter) : layout.name;
}

export function headers(layout: SheetLayout): string[] {
  return layout.columns.map((c) => c.header);
}

const norm = (s: unknown) =>
  String(s ?? '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');

/**
 * Finds each column of a layout in a header row by its text (case- and space-insensitive).
 * Returns 0-based indexes. A missing header is an InputError naming the sheet and the header.
 */
export function locateColumns<L extends SheetLayout>(
  layout: L,
  headerRow: readonly unknown[],
  sheet: string,
): Record<KeyOf<L>, number> {
  const index = new Map<string, number>();
  headerRow.forEach((h, i) => {
    const key = norm(h);
    if (key && !index.has(key)) index.set(key, i);
  });
  const out = {} as Record<string, number>;
  const missing: string[] = [];
  for (const c of layout.columns) {
    const i = index.get(norm(c.header));
    if (i === undefined) missing.push(c.header);
    else out[c.key] = i;
  }
  if (missing.length) {
    throw new InputError(
      `the sheet "${sheet}" has no column ${missing.map((m) => `"${m}"`).join(', ')} in row 1; restore the header${missing.length > 1 ? 's' : ''} to let okr-sheets find it`,
    );
  }
  return out as Record<KeyOf<L>, number>;
}

/**
 * User text written as a cell value must stay exactly that text. setValues parses strings as if typed: `=…`
 * becomes a formula (formula injection: `=IMPORTRANGE(…)` would run), `+1-2` a formula, `45%`, `1,000` or
 * `2027-01-01` numbers and dates, `TRUE` a boolean. A leading apostrophe makes Sheets keep the rest verbatim
 * as text; the apostrophe is not part of the value getValues returns. Every user string goes through here.
 */
export function asText(s: string): string {
  return s === '' ? '' : `'${s}`;
}
