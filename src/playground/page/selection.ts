// The grid's selection, as in Sheets: an active cell (where the selection started, where typing goes) and the
// cell it was extended to (shift+click, shift+arrows, a drag, a row or column header); the range between them.
import { columnLetter, columnNumber } from '../../core/a1';

export interface Cell {
  row: number;
  column: number;
}

export interface Selection {
  /** The active cell. */
  active: Cell;
  /** The other corner of the selected range (the active cell when one cell is selected). */
  extent: Cell;
}

export interface Span {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export const a1 = (c: Cell) => `${columnLetter(c.column)}${c.row}`;

export const single = (c: Cell): Selection => ({ active: c, extent: c });

export function span(s: Selection): Span {
  return {
    top: Math.min(s.active.row, s.extent.row),
    bottom: Math.max(s.active.row, s.extent.row),
    left: Math.min(s.active.column, s.extent.column),
    right: Math.max(s.active.column, s.extent.column),
  };
}

export const isSingle = (s: Selection) =>
  s.active.row === s.extent.row && s.active.column === s.extent.column;

/** The selection in A1 notation: `B3`, or `B3:D9`. */
export function rangeA1(s: Selection): string {
  const r = span(s);
  const from = a1({ row: r.top, column: r.left });
  return isSingle(s) ? from : `${from}:${a1({ row: r.bottom, column: r.right })}`;
}

export const inSpan = (r: Span, row: number, column: number) =>
  row >= r.top && row <= r.bottom && column >= r.left && column <= r.right;

/** Whole rows top … bottom (a row header's selection): the active cell is the first cell of the first row. */
export function rows(top: number, bottom: number, maxColumns: number, activeRow = top): Selection {
  return {
    active: { row: activeRow, column: 1 },
    extent: { row: activeRow === top ? bottom : top, column: maxColumns },
  };
}

/** Whole columns (a column header's selection). */
export function columns(left: number, right: number, maxRows: number, activeColumn = left): Selection {
  return {
    active: { row: 1, column: activeColumn },
    extent: { row: maxRows, column: activeColumn === left ? right : left },
  };
}

/** Whether the selection is whole rows of the sheet. */
export const wholeRows = (s: Selection, maxColumns: number) => {
  const r = span(s);
  return r.left === 1 && r.right === maxColumns;
};

/** A cell reference (B54) as a cell; undefined when it is not one. */
export function parseCell(ref: string): Cell | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref.trim().toUpperCase());
  const column = m ? columnNumber(m[1]!) : undefined;
  return m && column !== undefined && Number(m[2]) >= 1 ? { row: Number(m[2]), column } : undefined;
}

/** A1 or A1:B2 as a selection (active cell first); undefined when it is neither. */
export function parseRange(ref: string): Selection | undefined {
  const [from, to, ...rest] = ref.split(':');
  if (rest.length > 0 || from === undefined) return undefined;
  const active = parseCell(from);
  if (!active) return undefined;
  if (to === undefined) return single(active);
  const extent = parseCell(to);
  return extent ? { active, extent } : undefined;
}
