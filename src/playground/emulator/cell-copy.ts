// A cell's own content and formats as one value that can be written elsewhere, as Sheets moves cells when it
// sorts rows or pastes what was copied: the formula as written (its relative references moved by the distance
// travelled; one moved off the sheet becomes #REF!), or the value as stored, and the cell's formats and data
// validation. A cell that only shows part of another formula's array result has no content of its own.
import { offsetRelative, type RefEnd, render, type Token, tokenize } from './formula';
import { type CellMeta, hfAddress, type SheetModel } from './model';
import type { Workbook } from './workbook';

export interface CellCopy {
  /** A formula as written, a stored value, or null for a cell with no content of its own. */
  content: { formula: string } | { value: string | number | boolean } | null;
  formats: Omit<CellMeta, 'formula' | 'tokens'>;
}

/** Whether the cell shows part of another formula's array result (it holds nothing itself). */
export function isSpilledInto(wb: Workbook, sheet: SheetModel, row: number, column: number): boolean {
  return wb.hf.getCellType(hfAddress(sheet, row, column)) === 'ARRAY';
}

export function readCell(wb: Workbook, sheet: SheetModel, row: number, column: number): CellCopy {
  const { formula, tokens: _tokens, ...formats } = sheet.cell(row, column) ?? {};
  const copy: CellCopy = {
    content: null,
    formats: { ...formats, ...(formats.validation ? { validation: { ...formats.validation } } : {}) },
  };
  if (formula !== undefined) copy.content = { formula };
  else {
    const addr = hfAddress(sheet, row, column);
    if (wb.hf.getCellType(addr) === 'VALUE') {
      const v = wb.hf.getCellValue(addr);
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
        copy.content = { value: v };
    }
  }
  return copy;
}

/** The formula moved `rows` down and `columns` right: relative references follow, absolute ones stay. */
export function movedFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  const offSheet = (e: RefEnd) =>
    (e.row !== undefined && e.row < 1) || (e.column !== undefined && e.column < 1);
  const moved = offsetRelative(tokenize(formula), rows, columns).map(
    (t): Token =>
      t.kind === 'ref' && (offSheet(t.start) || (t.end !== undefined && offSheet(t.end)))
        ? { kind: 'text', text: '#REF!' }
        : t,
  );
  return render(moved);
}

/**
 * Writes a copy into a cell that came `rows` down and `columns` right from where it was read. Nothing is written
 * into a cell showing another formula's array result when the copy holds nothing (the result stays).
 */
export function writeCell(
  wb: Workbook,
  sheet: SheetModel,
  row: number,
  column: number,
  copy: CellCopy,
  rows: number,
  columns: number,
): void {
  const meta = sheet.cell(row, column);
  const hasFormats = Object.keys(copy.formats).length > 0;
  if (meta || hasFormats) {
    const target = sheet.cellForWrite(row, column);
    for (const key of Object.keys(target) as Array<keyof CellMeta>) {
      if (key !== 'formula' && key !== 'tokens') delete target[key];
    }
    Object.assign(target, copy.formats);
  }
  const c = copy.content;
  if (c === null) {
    if (isSpilledInto(wb, sheet, row, column)) return;
    if (meta?.formula !== undefined || wb.hf.getCellType(hfAddress(sheet, row, column)) !== 'EMPTY')
      wb.writeRaw(sheet, row, column, null);
    return;
  }
  if ('formula' in c) wb.writeFormula(sheet, row, column, movedFormula(c.formula, rows, columns));
  else wb.writeRaw(sheet, row, column, c.value);
}
