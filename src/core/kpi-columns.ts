// Finding the column (or, in a wide scorecard, the row) a user names when tagging, and refusing with a message
// that lists what the tab does hold when it is not a column of numbers or of dates. Pure.
import { columnLetter, columnNumber } from './a1';
import type { DetectedColumn, Detection } from './kpi-detect';
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
