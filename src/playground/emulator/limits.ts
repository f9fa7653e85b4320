// The size limits of a Google Sheets spreadsheet, and the check every growth of the grid passes (a new sheet,
// inserted rows or columns, a replaced workbook, a paste past the edge). Google documents them on "Files you can
// store in Google Drive" (https://support.google.com/drive/answer/37603): up to 10 million cells, and up to
// 18,278 columns (column ZZZ), for spreadsheets created in or converted to Sheets.
import { ApiError } from './errors';
import type { Workbook } from './workbook';

/** Cells of every sheet's grid together (empty ones count: it is the grid that is limited). */
export const MAX_CELLS = 10_000_000;
/** Columns of one sheet: A … ZZZ. */
export const MAX_COLUMNS = 18_278;

/** Sheets' own message, as Apps Script and the Sheets API report it. */
export const CELL_LIMIT_MESSAGE = `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`;
/** Our wording: Google's for this case could not be checked. */
export const COLUMN_LIMIT_MESSAGE = `This action would increase the number of columns in the sheet above the limit of ${MAX_COLUMNS} columns.`;

/** The cells of every sheet's grid. */
export function gridCells(wb: Workbook): number {
  return wb.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
}

/**
 * Throws Sheets' error if adding `cells` grid cells to the workbook, or making a sheet `columns` wide, would pass
 * a limit. Called before anything grows, so a refused action changes nothing.
 */
export function checkGrowth(wb: Workbook, growth: { cells: number; columns?: number }): void {
  if (growth.columns !== undefined && growth.columns > MAX_COLUMNS) throw new ApiError(COLUMN_LIMIT_MESSAGE);
  if (growth.cells > 0 && gridCells(wb) + growth.cells > MAX_CELLS) throw new ApiError(CELL_LIMIT_MESSAGE);
}
