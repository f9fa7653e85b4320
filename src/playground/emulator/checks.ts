// The argument checks the emulated spreadsheet objects share, with Apps Script's messages: arguments that fit no
// overload of a method, and ranges that start, or reach, outside the sheet's grid.
import { ApiError, OUTSIDE_SHEET } from './errors';
import type { SheetModel } from './model';

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `${v.length > 0 ? describeType(v[0]) : 'Object'}[]`;
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  if (v === undefined) return 'undefined';
  return 'Object';
}

/** Apps Script's complaint when arguments do not fit any overload of a method. */
export function signatureError(method: string, args: unknown[]): ApiError {
  return new ApiError(
    `The parameters (${args.map(describeType).join(',')}) don't match the method signature for SpreadsheetApp.${method}.`,
  );
}

export function checkBounds(
  sheet: SheetModel,
  row: number,
  column: number,
  numRows: number,
  numColumns: number,
): void {
  if (row < 1) throw new ApiError('The starting row of the range is too small.');
  if (column < 1) throw new ApiError('The starting column of the range is too small.');
  if (numRows < 1) throw new ApiError('The number of rows in the range must be at least 1.');
  if (numColumns < 1) throw new ApiError('The number of columns in the range must be at least 1.');
  if (row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns) {
    throw new ApiError(OUTSIDE_SHEET);
  }
}

export function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
