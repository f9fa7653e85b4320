// Batched I/O against the spreadsheet: read a sheet once, write rows in runs, create the sheets the add-on
// owns with their header formulas, formats, dropdowns and colours. No per-cell loops against SpreadsheetApp.
import { type ColumnDef, type KeyOf, locateColumns, type SheetLayout } from '../core/layout';
import { headerOfFormula } from '../core/okr';
import type { Cell } from '../core/values';
import {
  type DataValidation,
  type DeveloperMetadata,
  lockService,
  propertiesService,
  type Range,
  type Sheet,
  type Spreadsheet,
  spreadsheetApp,
} from './gas';

export function active(): Spreadsheet {
  return spreadsheetApp().getActiveSpreadsheet();
}

export interface Table<L extends SheetLayout> {
  sheet: Sheet;
  name: string;
  values: Cell[][];
  formulas?: string[][];
  columns: Record<KeyOf<L>, number>;
}

/**
 * Reads a whole sheet in one getValues (and one getFormulas when asked) and finds the layout's columns in row
 * 1. A header whose formula shows an error (a spill blocked by a typed value) is still found by its formula.
 */
export function readTable<L extends SheetLayout>(sheet: Sheet, layout: L, withFormulas = false): Table<L> {
  const range = sheet.getDataRange();
  const values = range.getValues() as Cell[][];
  let formulas = withFormulas ? range.getFormulas() : undefined;
  const name = sheet.getName();
  const header = [...(values[0] ?? [])];
  const missing = layout.columns.some(
    (c) =>
      !header.some(
        (h) =>
          String(h ?? '')
            .trim()
            .toLowerCase() === c.header.toLowerCase(),
      ),
  );
  if (missing) {
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
    columns: locateColumns(layout, header, name),
  };
}

/** Rows 2.. of a table whose key column is not blank: the rows users and the add-on filled in. */
export function lastFilledRow(values: Cell[][], keyColumn: number): number {
  for (let i = values.length - 1; i >= 1; i--) {
    const v = values[i]?.[keyColumn];
    if (v !== '' && v !== null && v !== undefined) return i + 1;
  }
  return 1;
}

/** Writes cells of one row in runs of adjacent columns: one setValues per run. */
export function writeRuns(sheet: Sheet, row: number, runs: Array<{ start: number; values: Cell[] }>): void {
  for (const run of runs) sheet.getRange(row, run.start + 1, 1, run.values.length).setValues([run.values]);
}

// ---- Sheets the add-on owns ------------------------------------------------------------------------------------

export const HEADER_BACKGROUND = '#e8f0fe';
export const HEADER_FONT = '#174ea6';
const DEFAULT_WIDTH = 100;

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
): { sheet: Sheet; columns: Record<KeyOf<L>, number> } {
  const { layout } = spec;
  const n = layout.columns.length;
  const sheet = spec.index === undefined ? ss.insertSheet(spec.name) : ss.insertSheet(spec.name, spec.index);
  const formulas = (spec.headerFormulas ?? {}) as Record<string, string | undefined>;
  const header = layout.columns.map((c: ColumnDef) => formulas[c.key] ?? c.header);
  const rows = spec.rows ?? [];
  // header and data in one write; the header formulas spill over the (blank) computed cells below them
  sheet.getRange(1, 1, 1 + rows.length, n).setValues([header, ...rows]);
  sheet.getRange(1, 1, 1, n).setFontWeight('bold').setBackground(HEADER_BACKGROUND).setFontColor(HEADER_FONT);
  sheet.setFrozenRows(1);
  // widths: one call per run of adjacent columns sharing a non-default width
  let i = 0;
  while (i < n) {
    const w = layout.columns[i]!.width;
    let j = i + 1;
    while (j < n && layout.columns[j]!.width === w) j++;
    if (w !== DEFAULT_WIDTH) sheet.setColumnWidths(i + 1, j - i, w);
    i = j;
  }
  const maxRows = sheet.getMaxRows();
  layout.columns.forEach((c: ColumnDef, index: number) => {
    if (c.numberFormat && maxRows > 1)
      sheet.getRange(2, index + 1, maxRows - 1, 1).setNumberFormat(c.numberFormat);
  });
  const columns = Object.fromEntries(
    layout.columns.map((c: ColumnDef, index: number) => [c.key, index]),
  ) as Record<KeyOf<L>, number>;
  return { sheet, columns };
}

/** The data rows of a column (row 2 down to the grid's end). */
export function dataColumn(sheet: Sheet, index0: number): Range {
  return sheet.getRange(2, index0 + 1, Math.max(1, sheet.getMaxRows() - 1), 1);
}

export function listValidation(values: string[], help: string): DataValidation {
  return spreadsheetApp()
    .newDataValidation()
    .requireValueInList(values, true)
    .setAllowInvalid(false)
    .setHelpText(help)
    .build();
}

// ---- Developer metadata: finding our sheets whatever they are renamed to ------------------------------------------

export const SHEET_KEY = 'okr-sheets.sheet';

export interface SheetTag {
  kind: 'objectives' | 'keyResults' | 'kpis' | 'checkIns' | 'history';
  quarter?: string;
  /** YYYY-MM-DD: a quarter's days, fixed when its sheets were created */
  start?: string;
  end?: string;
}

export function tagSheet(sheet: Sheet, tag: SheetTag): void {
  sheet.addDeveloperMetadata(
    SHEET_KEY,
    JSON.stringify(tag),
    spreadsheetApp().DeveloperMetadataVisibility.DOCUMENT,
  );
}

export interface TaggedSheet {
  sheet: Sheet;
  tag: SheetTag;
  metadata: DeveloperMetadata;
}

/** Every sheet tagged by the add-on, found by developer metadata (one finder call). */
export function taggedSheets(ss: Spreadsheet): TaggedSheet[] {
  const out: TaggedSheet[] = [];
  for (const md of ss.createDeveloperMetadataFinder().withKey(SHEET_KEY).find()) {
    const sheet = md.getLocation().getSheet();
    if (!sheet) continue;
    try {
      out.push({ sheet, tag: JSON.parse(md.getValue() ?? '{}') as SheetTag, metadata: md });
    } catch {
      // a damaged tag is ignored: the sheet is then found by name
    }
  }
  return out;
}

// ---- Properties and the document lock ---------------------------------------------------------------------------

export function documentProperty(key: string): string | null {
  return propertiesService().getDocumentProperties().getProperty(key);
}

export function setDocumentProperty(key: string, value: string | null): void {
  const props = propertiesService().getDocumentProperties();
  if (value === null) props.deleteProperty(key);
  else props.setProperty(key, value);
}

/** Runs `body` holding the document lock; another execution holding it gets a clear message instead. */
export function withDocumentLock<T>(what: string, body: () => T, waitMs = 3000): T {
  const lock = lockService().getDocumentLock();
  if (!lock.tryLock(waitMs)) throw new Error(`another ${what} is in progress; try again in a moment`);
  try {
    return body();
  } finally {
    lock.releaseLock();
  }
}

/**
 * Runs `body` only if the document lock is free right now, else skips it: for repairs a read makes on the
 * way (a renamed tab shown in the registry, a named range re-pointed) that the next read makes again.
 */
export function whenUnlocked(body: () => void): void {
  const lock = lockService().getDocumentLock();
  if (!lock.tryLock(0)) return;
  try {
    body();
  } finally {
    lock.releaseLock();
  }
}
