// Finding the column (or, in a wide scorecard, the row) a user names when tagging, and refusing with a message
// that lists what the tab does hold when it is not a column of numbers or of dates. Pure.
import { columnLetter, columnNumber } from './a1';
import type { DetectedColumn, Detection } from './kpi-detect';
import type { KpiDefinition } from './kpi-registry';
import { InputError, textKey } from './values';

/** The columns a message lists: `"Week", "MRR", "Churn"` (or letters when there is no header). */
function columnList(columns: readonly DetectedColumn[]): string {
  return columns.map((c) => (c.header ? `"${c.header}"` : c.letter)).join(', ');
}

/**
 * A column named by its header text (case- and space-insensitive) or its letter. A header wins over a letter:
 * a column headed "MRR" is found by "MRR" even though MRR is also a column letter.
 */
export function resolveColumn(
  ref: string,
  detection: Detection,
  field: string,
  tab: string,
  what = 'kpi',
): DetectedColumn {
  const key = textKey(ref);
  const byHeader = detection.columns.find((c) => c.header && textKey(c.header) === key);
  if (byHeader) return byHeader;
  const n = columnNumber(ref);
  const byLetter = n === undefined ? undefined : detection.columns[n - 1];
  if (byLetter) return byLetter;
  const where =
    detection.headerRow > 0 ? `a header in row ${detection.headerRow} of "${tab}"` : `a header of "${tab}"`;
  const headers = detection.columns.filter((c) => c.header);
  const list = headers.length ? ` (its headers: ${columnList(headers)})` : '';
  const last = detection.columns.length ? columnLetter(detection.columns.length) : 'A';
  throw new InputError(
    `${what}: ${field}: "${ref}" is neither ${where}${list} nor a column letter from A to ${last}`,
  );
}

/** The value column: a column of numbers, not one that labels rows. Says which columns hold numbers when it is not. */
export function requireValueColumn(
  col: DetectedColumn,
  detection: Detection,
  tab: string,
  what = 'kpi',
): void {
  const numeric = detection.valueColumns.map((i) => detection.columns[i]!).filter((c) => !c.period);
  if (col.kind === 'number' && detection.valueColumns.includes(col.index)) return;
  const holds =
    col.kind === 'empty'
      ? 'is empty'
      : col.kind === 'date' || col.index === detection.dateColumn || col.index === detection.datePart?.column
        ? 'holds dates'
        : col.kind === 'number'
          ? 'holds numbers that label rows (a year, a week number, an ID), not a KPI'
          : 'holds text, not numbers';
  throw new InputError(
    `${what}: valueColumn: ${col.label} (column ${col.letter}) of "${tab}" ${holds}; columns of numbers there: ${columnList(numeric) || 'none'}`,
  );
}

/** The date column: mostly dates, or the year/period index detection found. */
export function requireDateColumn(
  col: DetectedColumn,
  detection: Detection,
  tab: string,
  what = 'kpi',
): void {
  if (col.kind === 'date' || col.index === detection.dateColumn) return;
  const dates = detection.columns.filter((c) => c.kind === 'date');
  throw new InputError(
    `${what}: dateColumn: ${col.label} (column ${col.letter}) of "${tab}" holds no dates; ${dates.length ? `columns of dates there: ${columnList(dates)}` : 'it has no column of dates (leave the date column blank)'}`,
  );
}

/** What the user chose to tag: a column (and its date column, series) or, in a wide scorecard, a row. */
export interface KpiChoice {
  valueColumn?: string | null;
  /** absent: the detected date column; null: none */
  dateColumn?: string | null;
  row?: number;
  series?: string;
}

/** Where on its tab a KPI lives, as a registry definition holds it. */
export type KpiPlace = Pick<KpiDefinition, 'headerRow' | 'value' | 'date' | 'row' | 'series'> & {
  /** what detection proposes for it: its unit (as a cell holds it) */
  unit: string;
};

/** The rows of a scorecard a message lists: `2 (All - Total users), 3 (All - New users)`. */
function rowList(d: Detection): string {
  const rows = d.rows ?? [];
  const shown = rows.slice(0, 8).map((r) => `${r.row} (${r.label})`);
  return `${shown.join(', ')}${rows.length > 8 ? `, and ${rows.length - 8} more` : ''}`;
}

/**
 * Where the chosen KPI is: the column of numbers (not one that labels rows), with the detected date column
 * (or the one named, or none) and how its dates read, of one series when the tab stacks several; or a row of
 * a wide scorecard, dated by its header row. Refuses, saying what the tab holds, when the choice is not one.
 */
export function placeKpi(choice: KpiChoice, d: Detection, tab: string): KpiPlace {
  if (choice.row !== undefined || d.orientation === 'wide') {
    if (d.orientation !== 'wide') {
      throw new InputError(
        `kpi: row: "${tab}" holds its periods down a column, not across a header row: tag a column`,
      );
    }
    const r = (d.rows ?? []).find((x) => x.row === choice.row);
    if (!r) {
      const what =
        choice.row === undefined
          ? 'no row chosen'
          : `row ${choice.row} holds no numbers under the periods of row ${d.headerRow}`;
      throw new InputError(`kpi: row: ${what} of "${tab}"; rows of numbers there: ${rowList(d) || 'none'}`);
    }
    const periods = d.columns.filter((c) => c.kind === 'number').map((c) => c.index);
    const from = Math.min(...periods);
    const to = Math.max(...periods);
    return {
      headerRow: d.headerRow,
      value: { index: from, header: r.label },
      row: { row: r.row, label: r.label, periodRow: d.headerRow, from, to },
      unit: r.unitText ?? r.unit,
    };
  }
  const value = resolveColumn(choice.valueColumn ?? '', d, 'valueColumn', tab);
  requireValueColumn(value, d, tab);
  if (value.misread) throw new InputError(`kpi: valueColumn: ${value.misread}`);
  let date: DetectedColumn | undefined;
  if (choice.dateColumn === undefined) {
    date = d.dateColumn !== undefined && d.dateColumn !== value.index ? d.columns[d.dateColumn] : undefined;
  } else if (choice.dateColumn !== null) {
    date = resolveColumn(choice.dateColumn, d, 'dateColumn', tab);
    if (date.index === value.index) {
      throw new InputError(`kpi: dateColumn: ${date.label} is the value column; choose the column of dates`);
    }
    requireDateColumn(date, d, tab);
  }
  const detected = date && date.index === d.dateColumn;
  const part = detected && d.datePart ? { index: d.datePart.column, unit: d.datePart.unit } : undefined;
  const order = detected ? d.dateOrder : undefined;
  let series: KpiPlace['series'];
  if (d.series) {
    const key = choice.series?.trim();
    if (!key || !d.series.keys.includes(key)) {
      const by = d.series.columns.map((c) => d.columns[c]!.label).join(' and ');
      const keys = d.series.keys
        .slice(0, 12)
        .map((k) => `"${k}"`)
        .join(', ');
      throw new InputError(
        `kpi: series: "${tab}" holds ${d.series.keys.length} series stacked (told apart by ${by}); ${key ? `"${key}" is none of them; ` : ''}choose the one the KPI follows: ${keys}${d.series.keys.length > 12 ? ', …' : ''}`,
      );
    }
    series = { columns: d.series.columns, key };
  }
  return {
    headerRow: d.headerRow,
    value: { index: value.index, header: value.header },
    ...(date
      ? {
          date: {
            index: date.index,
            header: date.header,
            ...(order ? { order } : {}),
            ...(part ? { part } : {}),
          },
        }
      : {}),
    ...(series ? { series } : {}),
    unit: value.unitText ?? value.unit ?? 'number',
  };
}
