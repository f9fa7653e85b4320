// What a user does to the grid besides typing one cell (actions.ts), each one step of the undo history
// (history.ts) and each asked first when it touches a warning-only protection (warnings.ts): pasting (text from
// elsewhere, read as typed, or cells copied in the grid, formulas and formats included), inserting and deleting
// rows, sorting a range or the sheet; and undo and redo themselves.
import { parseA1, splitSheet } from './a1';
import { type CellCopy, readCell, writeCell } from './cell-copy';
import { lastRow } from './cells';
import type { ActionResult } from './index';
import type { GridRange, SheetModel } from './model';
import type { Session } from './session';
import { EmuSheet } from './sheet';
import { type SortSpec, sortRows } from './sort';
import { restructure } from './structure';
import { typingRefusal } from './validation';
import { cellsArea, type EditArea, insertionArea, PROTECTION_WARNING, warningFor } from './warnings';

export interface EditOptions {
  /** The user confirmed editing a warning-only protected range or sheet (the OK of Sheets' warning). */
  confirmed?: boolean;
}

/** What a paste brings: text from the clipboard (rows of tab-separated cells), or cells copied in the grid. */
export type PasteContent = { rows: string[][] } | { from: string };

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * One change by the user: refused (nothing happens, the question returned) when it touches a warning-only
 * protection the user has not confirmed; otherwise made in full or not at all, and remembered for undo.
 */
export function userEdit(
  s: Session,
  area: EditArea | undefined,
  options: EditOptions,
  change: () => void,
): ActionResult {
  if (area && !options.confirmed && warningFor(s.wb, area)) return { ok: false, warning: PROTECTION_WARNING };
  const before = s.history.snapshot(s.wb);
  try {
    change();
  } catch (e) {
    s.wb = s.newWorkbook(JSON.parse(before));
    return { ok: false, error: message(e) };
  }
  s.history.push(before);
  return { ok: true };
}

function findSheet(s: Session, name: string): SheetModel | ActionResult {
  return s.wb.sheetByName(name) ?? { ok: false, error: `No sheet named "${name}".` };
}

/** A range of the sheet in A1 notation (no other sheet named), or a refusal. */
function rangeOf(sheet: SheetModel, a1: string): GridRange | ActionResult {
  const { sheet: named, ref } = splitSheet(a1);
  const r = named === undefined ? parseA1(ref, sheet.maxRows, sheet.maxColumns) : undefined;
  if (!r) return { ok: false, error: `"${a1}" is not a range of this sheet.` };
  if (r.row + r.numRows - 1 > sheet.maxRows || r.column + r.numColumns - 1 > sheet.maxColumns)
    return { ok: false, error: 'That range is outside the sheet.' };
  return { ...r, sheet };
}

const isResult = (v: object): v is ActionResult => 'ok' in v;

/** Pastes at the top-left cell of `a1`; the grid grows when the paste runs past its edge, as in Sheets. */
export function paste(
  s: Session,
  sheetName: string,
  a1: string,
  content: PasteContent,
  options: EditOptions = {},
): ActionResult {
  const sheet = findSheet(s, sheetName);
  if (isResult(sheet)) return sheet;
  const at = rangeOf(sheet, a1);
  if (isResult(at)) return at;
  const wb = s.wb;
  let cell: (i: number, j: number) => { text: string } | { copy: CellCopy; rows: number; columns: number };
  let height: number;
  let width: number;
  if ('rows' in content) {
    const rows = content.rows;
    height = rows.length;
    width = Math.max(0, ...rows.map((row) => row.length));
    cell = (i, j) => ({ text: String(rows[i]?.[j] ?? '') });
    // Text meets data validation as typing does.
    for (let i = 0; i < height; i++) {
      for (let j = 0; j < (rows[i]?.length ?? 0); j++) {
        const validation = sheet.cell(at.row + i, at.column + j)?.validation;
        const refusal = validation && typingRefusal(wb, validation, String(rows[i]![j]));
        if (refusal) return { ok: false, error: refusal };
      }
    }
  } else {
    let from: GridRange;
    try {
      from = wb.bounded(wb.rangeFromA1(content.from, sheet));
    } catch {
      return { ok: false, error: `"${content.from}" is not a range to copy.` };
    }
    height = from.numRows;
    width = from.numColumns;
    // Read before anything is written: the copied cells may be among the pasted ones.
    const copies = Array.from({ length: height }, (_, i) =>
      Array.from({ length: width }, (_, j) => readCell(wb, from.sheet, from.row + i, from.column + j)),
    );
    cell = (i, j) => ({ copy: copies[i]![j]!, rows: at.row - from.row, columns: at.column - from.column });
  }
  if (height === 0 || width === 0) return { ok: true };
  return userEdit(s, cellsArea(sheet, at.row, at.column, height, width), options, () => {
    if (at.row + height - 1 > sheet.maxRows)
      restructure(wb, sheet, 'row', sheet.maxRows + 1, at.row + height - 1 - sheet.maxRows);
    if (at.column + width - 1 > sheet.maxColumns)
      restructure(wb, sheet, 'column', sheet.maxColumns + 1, at.column + width - 1 - sheet.maxColumns);
    wb.batch(() => {
      for (let i = 0; i < height; i++) {
        for (let j = 0; j < width; j++) {
          const v = cell(i, j);
          if ('text' in v) wb.writeValue(sheet, at.row + i, at.column + j, v.text);
          else writeCell(wb, sheet, at.row + i, at.column + j, v.copy, v.rows, v.columns);
        }
      }
    });
    wb.active = { sheet, range: { row: at.row, column: at.column, numRows: height, numColumns: width } };
  });
}

/** Inserts `count` empty rows before row `at` (maxRows + 1: after the last row). */
export function insertRows(
  s: Session,
  sheetName: string,
  at: number,
  count: number,
  options: EditOptions = {},
): ActionResult {
  const sheet = findSheet(s, sheetName);
  if (isResult(sheet)) return sheet;
  if (!Number.isInteger(at) || !Number.isInteger(count) || at < 1 || at > sheet.maxRows + 1 || count < 1)
    return { ok: false, error: 'Those rows are out of bounds.' };
  return userEdit(s, insertionArea(sheet, at), options, () => {
    const tab = new EmuSheet(s.ctx, sheet);
    if (at <= sheet.maxRows) tab.insertRowsBefore(at, count);
    else tab.insertRowsAfter(sheet.maxRows, count);
  });
}

/** Deletes rows `row` … `row + count - 1`. */
export function deleteRows(
  s: Session,
  sheetName: string,
  row: number,
  count: number,
  options: EditOptions = {},
): ActionResult {
  const sheet = findSheet(s, sheetName);
  if (isResult(sheet)) return sheet;
  if (!Number.isInteger(row) || !Number.isInteger(count) || row < 1 || count < 1)
    return { ok: false, error: 'Those rows are out of bounds.' };
  return userEdit(s, cellsArea(sheet, row, 1, count, sheet.maxColumns), options, () => {
    new EmuSheet(s.ctx, sheet).deleteRows(row, count);
  });
}

/** Data › Sort range: the rows of `a1` by one of its columns; with a header row, the first row stays. */
export function sortRange(
  s: Session,
  sheetName: string,
  a1: string,
  spec: SortSpec,
  options: EditOptions = {},
): ActionResult {
  const sheet = findSheet(s, sheetName);
  if (isResult(sheet)) return sheet;
  const range = rangeOf(sheet, a1);
  if (isResult(range)) return range;
  if (spec.column < range.column || spec.column >= range.column + range.numColumns)
    return { ok: false, error: 'The column to sort by must be inside the range.' };
  const top = range.row + (spec.headerRow ? 1 : 0);
  const area = cellsArea(sheet, top, range.column, range.numRows - (top - range.row), range.numColumns);
  return userEdit(s, area, options, () => sortRows(s.wb, range, spec));
}

/** Data › Sort sheet: every row below the frozen ones, by one column. */
export function sortSheet(
  s: Session,
  sheetName: string,
  column: number,
  ascending: boolean,
  options: EditOptions = {},
): ActionResult {
  const sheet = findSheet(s, sheetName);
  if (isResult(sheet)) return sheet;
  if (!Number.isInteger(column) || column < 1 || column > sheet.maxColumns)
    return { ok: false, error: 'That column is outside the sheet.' };
  const first = sheet.frozenRows + 1;
  // Rows below the last with content are blank whatever the order: they stay where they are.
  const last = Math.max(first, lastRow(s.wb, sheet));
  const area = cellsArea(sheet, first, 1, sheet.maxRows - first + 1, sheet.maxColumns);
  return userEdit(s, area, options, () =>
    sortRows(
      s.wb,
      { sheet, row: first, column: 1, numRows: last - first + 1, numColumns: sheet.maxColumns },
      { column, ascending },
    ),
  );
}

/** Edit › Undo: the workbook as it was before the user's last change. */
export function undo(s: Session): ActionResult {
  const state = s.history.undo(s.wb);
  if (!state) return { ok: false, error: 'There is nothing to undo.' };
  s.wb = s.newWorkbook(state);
  return { ok: true };
}

/** Edit › Redo: the change the last undo took back. */
export function redo(s: Session): ActionResult {
  const state = s.history.redo(s.wb);
  if (!state) return { ok: false, error: 'There is nothing to redo.' };
  s.wb = s.newWorkbook(state);
  return { ok: true };
}
