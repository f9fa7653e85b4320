// A1 notation as Google Sheets reads it: cells (B3), ranges (B3:D9), whole columns (B:D), whole rows (3:9) and
// the open-ended ranges Sheets allows and HyperFormula does not (B3:D = rows 3 to the end of the sheet).
// Column letters themselves are core's (src/core/a1.ts).
import { columnLetter, columnNumber } from '../../core/a1';

/**
 * A rectangle of a sheet, 1-based and inclusive. `openRows` marks a range whose rows run to the end of the sheet
 * (B:B, B3:B); `openColumns` one whose columns do (3:3, A3:3). Such ranges keep their meaning when the sheet grows.
 */
export interface A1Range {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  openRows?: boolean;
  openColumns?: boolean;
  /** Rows are whole (3:9 or B:B), so getA1Notation prints them without row numbers. */
  wholeColumns?: boolean;
  wholeRows?: boolean;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d+)$/;

/** Splits `'My sheet'!A1:B2` or `Sheet1!A1` into sheet name and the rest. */
export function splitSheet(a1: string): { sheet?: string; ref: string } {
  const text = a1.trim();
  const quoted = /^'((?:[^']|'')+)'!(.*)$/.exec(text);
  if (quoted) return { sheet: quoted[1]!.replace(/''/g, "'"), ref: quoted[2]! };
  const bang = text.lastIndexOf('!');
  if (bang > 0) return { sheet: text.slice(0, bang), ref: text.slice(bang + 1) };
  return { ref: text };
}

/**
 * Parses a range reference (no sheet name) against a sheet of maxRows × maxColumns.
 * Returns undefined when the text is not A1 notation.
 */
export function parseA1(ref: string, maxRows: number, maxColumns: number): A1Range | undefined {
  const parts = ref.trim().split(':');
  if (parts.length === 1) {
    const m = CELL.exec(parts[0]!);
    if (!m) return undefined;
    return { row: Number(m[2]), column: columnNumber(m[1]!)!, numRows: 1, numColumns: 1 };
  }
  if (parts.length !== 2) return undefined;
  const [a, b] = parts as [string, string];
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  if (ca && cb) {
    const r1 = Number(ca[2]);
    const r2 = Number(cb[2]);
    const c1 = columnNumber(ca[1]!)!;
    const c2 = columnNumber(cb[1]!)!;
    return {
      row: Math.min(r1, r2),
      column: Math.min(c1, c2),
      numRows: Math.abs(r2 - r1) + 1,
      numColumns: Math.abs(c2 - c1) + 1,
    };
  }
  // B3:D (open rows) and B:D (whole columns)
  const colB = COL.exec(b);
  if (colB) {
    const c2 = columnNumber(colB[1]!)!;
    const colA = COL.exec(a);
    if (colA) {
      const c1 = columnNumber(colA[1]!)!;
      return {
        row: 1,
        column: Math.min(c1, c2),
        numRows: maxRows,
        numColumns: Math.abs(c2 - c1) + 1,
        openRows: true,
        wholeColumns: true,
      };
    }
    if (ca) {
      const r1 = Number(ca[2]);
      const c1 = columnNumber(ca[1]!)!;
      return {
        row: r1,
        column: Math.min(c1, c2),
        numRows: Math.max(0, maxRows - r1 + 1),
        numColumns: Math.abs(c2 - c1) + 1,
        openRows: true,
      };
    }
    return undefined;
  }
  // A3:3 (open columns) and 3:9 (whole rows)
  const rowB = ROW.exec(b);
  if (rowB) {
    const r2 = Number(rowB[1]);
    const rowA = ROW.exec(a);
    if (rowA) {
      const r1 = Number(rowA[1]);
      return {
        row: Math.min(r1, r2),
        column: 1,
        numRows: Math.abs(r2 - r1) + 1,
        numColumns: maxColumns,
        openColumns: true,
        wholeRows: true,
      };
    }
    if (ca) {
      const c1 = columnNumber(ca[1]!)!;
      const r1 = Number(ca[2]);
      return {
        row: Math.min(r1, r2),
        column: c1,
        numRows: Math.abs(r2 - r1) + 1,
        numColumns: Math.max(0, maxColumns - c1 + 1),
        openColumns: true,
      };
    }
  }
  return undefined;
}

/** A1 notation of a range, as Range.getA1Notation prints it. */
export function formatA1(r: A1Range): string {
  const c1 = columnLetter(r.column);
  const c2 = columnLetter(r.column + r.numColumns - 1);
  const r2 = r.row + r.numRows - 1;
  if (r.wholeColumns) return `${c1}:${c2}`;
  if (r.wholeRows) return `${r.row}:${r2}`;
  if (r.openRows) return `${c1}${r.row}:${c2}`;
  if (r.openColumns) return `${c1}${r.row}:${r2}`;
  if (r.numRows === 1 && r.numColumns === 1) return `${c1}${r.row}`;
  return `${c1}${r.row}:${c2}${r2}`;
}

export function cellA1(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** Sheets writes a sheet name bare when it is a plain word that cannot be read as a cell, else in quotes. */
export function quoteSheetName(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
  if (plain && !/^(R\d*C\d*)$/i.test(name) && !/^(TRUE|FALSE)$/i.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}
