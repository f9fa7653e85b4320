// Batched I/O against a sheet: read it once (values, and formulas or number formats when asked) and find the
// layout's columns; write a row in runs of adjacent columns; create a sheet the add-on owns from its layout;
// build its dropdowns and colour rules. No per-cell loops against SpreadsheetApp.

import { columnLetter } from '../core/a1';
import { headerOfFormula } from '../core/formula-text';
import {
  type ColumnDef,
  type Columns,
  HEADER_STYLE,
  hasHeaders,
  type KeyOf,
  layoutColumns,
  locateColumns,
  type SheetLayout,
} from '../core/layout';
import type { Cell } from '../core/values';
import {
  type ConditionalFormatRule,
  type DataValidation,
  type Range,
  type Sheet,
  type Spreadsheet,
  spreadsheetApp,
} from './gas';

export interface Table<L extends SheetLayout> {
  sheet: Sheet;
  name: string;
  values: Cell[][];
  formulas?: string[][];
  numberFormats?: string[][];
  columns: Columns<L>;
}

/**
 * Reads a whole sheet in one getValues (and one getFormulas when asked) and finds the layout's columns in row
 * 1. A header whose formula shows an error (a spill blocked by a typed value) is still found by its formula.
 */
export function readTable<L extends SheetLayout>(
  sheet: Sheet,
  layout: L,
  withFormulas = false,
  withFormats = false,
): Table<L> {
  const range = sheet.getDataRange();
  const values = range.getValues() as Cell[][];
  let formulas = withFormulas ? range.getFormulas() : undefined;
  const numberFormats = withFormats ? range.getNumberFormats() : undefined;
  const name = sheet.getName();
  const header = [...(values[0] ?? [])];
  if (!hasHeaders(layout, header)) {
    formulas = formulas ?? range.getFormulas();
    (formulas[0] ?? []).forEach((f, i) => {
      const shown = headerOfFormula(f);
      if (shown) header[i] = shown;
    });
  }
  return {
    sheet,
    name,
    values,
    ...(formulas ? { formulas } : {}),
    ...(numberFormats ? { numberFormats } : {}),
    columns: locateColumns(layout, header, name),
  };
}

/**
 * Gives a sheet made before an optional column of its layout existed that column, at the end of its header
 * row (one setValues, growing the grid when it has no room; `undo` takes it back), and returns the sheet's
 * columns and width with it. `found` is what reading the header found (readLogEnd or readTable).
 */
export function withOptionalColumns<L extends SheetLayout>(
  sheet: Sheet,
  found: { columns: Columns<L>; width: number },
  layout: L,
  undo?: Array<() => void>,
): { columns: Columns<L>; width: number } {
  const width = found.width;
  const columns = { ...found.columns } as Record<string, number | undefined>;
  const missing = layout.columns.filter((c) => c.optional && columns[c.key] === undefined);
  if (!missing.length) return { columns: found.columns, width: width || layout.columns.length };
  const first = width + 1;
  const maxColumns = sheet.getMaxColumns();
  const more = first + missing.length - 1 - maxColumns;
  if (more > 0) sheet.insertColumnsAfter(maxColumns, more);
  const range = sheet.getRange(1, first, 1, missing.length);
  range.setValues([missing.map((c) => c.header)]);
  undo?.push(() => range.clearContent());
  missing.forEach((c, i) => {
    columns[c.key] = width + i;
  });
  return { columns: columns as Columns<L>, width: width + missing.length };
}

/**
 * Row 1 of a log sheet and the layout's columns in it, and the row after its last: what appending needs, read
 * without reading the log (which only grows). A header whose formula shows an error is found as in readTable.
 */
export function readLogEnd<L extends SheetLayout>(
  sheet: Sheet,
  layout: L,
): { width: number; columns: Columns<L>; next: number } {
  const range = sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn()));
  const header = [...((range.getValues()[0] ?? []) as Cell[])];
  if (!hasHeaders(layout, header)) {
    (range.getFormulas()[0] ?? []).forEach((f, i) => {
      const shown = headerOfFormula(f);
      if (shown) header[i] = shown;
    });
  }
  return {
    width: header.length,
    columns: locateColumns(layout, header, sheet.getName()),
    next: Math.max(1, sheet.getLastRow()) + 1,
  };
}

/** Writes cells of one row in runs of adjacent columns: one setValues per run. */
export function writeRuns(sheet: Sheet, row: number, runs: Array<{ start: number; values: Cell[] }>): void {
  for (const run of runs) sheet.getRange(row, run.start + 1, 1, run.values.length).setValues([run.values]);
}

/**
 * Grows a sheet's grid so that row `last` exists (Sheets refuses a range beyond the grid: "The coordinates of
 * the range are outside the dimensions of the sheet"), by `spare` rows more so the next write need not grow it.
 */
export function ensureRows(sheet: Sheet, last: number, spare = 99): void {
  const maxRows = sheet.getMaxRows();
  if (last > maxRows) sheet.insertRowsAfter(maxRows, last - maxRows + spare);
}

/**
 * Writes rows from row `first` down in one setValues, growing the grid first when they do not fit (by `spare`
 * rows more, so the next append need not grow it again). With `undo`, registers how to take both back.
 */
export function appendRows(
  sheet: Sheet,
  first: number,
  rows: Cell[][],
  options: { spare?: number; undo?: Array<() => void> } = {},
): void {
  const maxRows = sheet.getMaxRows();
  const more = first + rows.length - 1 - maxRows;
  if (more > 0) {
    const added = more + (options.spare ?? 0);
    sheet.insertRowsAfter(maxRows, added);
    options.undo?.push(() => sheet.deleteRows(maxRows + 1, added));
  }
  const range = sheet.getRange(first, 1, rows.length, rows[0]?.length ?? 1);
  range.setValues(rows);
  options.undo?.push(() => range.clearContent());
}

// ---- Sheets the add-on owns ------------------------------------------------------------------------------------

export interface NewSheetSpec<L extends SheetLayout> {
  layout: L;
  name: string;
  /** formulas for computed columns, written into their header cells */
  headerFormulas?: Partial<Record<KeyOf<L>, string>>;
  /** data rows (without the header) */
  rows?: Cell[][];
  /** where to insert the tab (0 = first) */
  index?: number;
}

/**
 * Creates a sheet with its header row (texts and header formulas in one write), bold tinted headers, row 1
 * frozen, column widths and number formats. Returns the sheet and its column positions.
 */
export function createLayoutSheet<L extends SheetLayout>(
  ss: Spreadsheet,
  spec: NewSheetSpec<L>,
  undo?: Array<() => void>,
): { sheet: Sheet; columns: Columns<L> & Record<KeyOf<L>, number> } {
  const { layout } = spec;
  const n = layout.columns.length;
  const sheet = spec.index === undefined ? ss.insertSheet(spec.name) : ss.insertSheet(spec.name, spec.index);
  // registered at once: a failure in the formatting below must not leave a half-made sheet behind
  undo?.push(() => ss.deleteSheet(sheet));
  const formulas = (spec.headerFormulas ?? {}) as Record<string, string | undefined>;
  const header = layout.columns.map((c: ColumnDef) => formulas[c.key] ?? c.header);
  const rows = spec.rows ?? [];
  // header and data in one write; the header formulas spill over the (blank) computed cells below them
  sheet.getRange(1, 1, 1 + rows.length, n).setValues([header, ...rows]);
  sheet
    .getRange(1, 1, 1, n)
    .setFontWeight('bold')
    .setBackground(HEADER_STYLE.background)
    .setFontColor(HEADER_STYLE.font);
  sheet.setFrozenRows(1);
  // widths: one call per run of adjacent columns sharing a width; the rest keep Sheets' default
  let i = 0;
  while (i < n) {
    const w = layout.columns[i]!.width;
    let j = i + 1;
    while (j < n && layout.columns[j]!.width === w) j++;
    if (w !== undefined) sheet.setColumnWidths(i + 1, j - i, w);
    i = j;
  }
  layout.columns.forEach((c: ColumnDef, index: number) => {
    if (c.numberFormat) dataColumn(sheet, index).setNumberFormat(c.numberFormat);
  });
  return { sheet, columns: layoutColumns(layout) };
}

/** The data rows of a column, row 2 down to the grid's end (`L2:L`: one call). */
export function dataColumn(sheet: Sheet, index0: number): Range {
  const letter = columnLetter(index0 + 1);
  return sheet.getRange(`${letter}2:${letter}`);
}

export function listValidation(values: string[], help: string): DataValidation {
  return spreadsheetApp()
    .newDataValidation()
    .requireValueInList(values, true)
    .setAllowInvalid(false)
    .setHelpText(help)
    .build();
}

/** A dropdown of the values in a column of another sheet (the objective IDs a key result may belong to). */
export function columnValidation(source: Range, help: string): DataValidation {
  return spreadsheetApp()
    .newDataValidation()
    .requireValueInRange(source, true)
    .setAllowInvalid(false)
    .setHelpText(help)
    .build();
}

/** A colour rule: cells of `range` where the formula (or, with `text`, the cell's text) holds get the colours. */
export interface ColourRule {
  formula?: string;
  text?: string;
  background: string;
  font?: string;
}

export function colourRules(range: Range, rules: readonly ColourRule[]): ConditionalFormatRule[] {
  return rules.map((r) => {
    let b = spreadsheetApp().newConditionalFormatRule();
    b = r.text !== undefined ? b.whenTextEqualTo(r.text) : b.whenFormulaSatisfied(r.formula ?? '');
    b = b.setBackground(r.background);
    if (r.font) b = b.setFontColor(r.font);
    return b.setRanges([range]).build();
  });
}
