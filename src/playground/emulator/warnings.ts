// Warning-only protection as a user meets it: Sheets lets every editor change a range or sheet protected with
// setWarningOnly(true), "except editing will prompt a warning asking the user to confirm the edit" (the Sheets
// API's ProtectedRange.warningOnly). The add-on protects a closed quarter's sheets this way. A user's edit that
// touches one (typing, clearing, pasting, inserting or deleting rows, sorting) is asked first; scripts are never
// asked. The dialog's wording is Sheets', as users quote it: Google's documentation does not give it.
import type { GridRange, ProtectionModel, SheetModel } from './model';
import type { Workbook } from './workbook';

export const PROTECTION_WARNING =
  'You’re trying to edit part of this sheet that shouldn’t be changed accidentally. Edit anyway?';

/** Rows and columns of a sheet an edit changes (1-based, inclusive spans). */
export interface EditArea {
  sheet: SheetModel;
  rows: [number, number];
  columns: [number, number];
}

const overlaps = (a: [number, number], b: [number, number]) => a[0] <= b[1] && b[0] <= a[1];

function covers(wb: Workbook, p: ProtectionModel, area: EditArea): boolean {
  if (p.sheet !== area.sheet) return false;
  if (p.type === 'SHEET' || !p.range) return true;
  const r: GridRange = wb.bounded(p.range);
  return (
    overlaps([r.row, r.row + r.numRows - 1], area.rows) &&
    overlaps([r.column, r.column + r.numColumns - 1], area.columns)
  );
}

/** The warning-only protection an edit of `area` touches, if any. */
export function warningFor(wb: Workbook, area: EditArea): ProtectionModel | undefined {
  return wb.protections.find((p) => p.warningOnly && covers(wb, p, area));
}

/** The area an edit of these cells changes. */
export function cellsArea(sheet: SheetModel, row: number, column: number, rows = 1, columns = 1): EditArea {
  return { sheet, rows: [row, row + rows - 1], columns: [column, column + columns - 1] };
}

/** The area inserting rows before row `at` changes: the rows on either side of the insertion (ours). */
export function insertionArea(sheet: SheetModel, at: number): EditArea {
  return { sheet, rows: [at - 1, at], columns: [1, sheet.maxColumns] };
}
