// Batched I/O against the spreadsheet: read a sheet once, write rows in runs, create the sheets the add-on
// owns with their header formulas, formats, dropdowns and colours. No per-cell loops against SpreadsheetApp.

import { columnLetter } from '../core/a1';
import { type ColumnDef, type KeyOf, locateColumns, type SheetLayout } from '../core/layout';
import { headerOfFormula } from '../core/okr';
import type { Cell } from '../core/values';
import {
  type DataValidation,
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
  numberFormats?: string[][];
  columns: Record<KeyOf<L>, number>;
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
    ...(numberFormats ? { numberFormats } : {}),
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
): { sheet: Sheet; columns: Record<KeyOf<L>, number> } {
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
  sheet.getRange(1, 1, 1, n).setFontWeight('bold').setBackground(HEADER_BACKGROUND).setFontColor(HEADER_FONT);
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
  const columns = Object.fromEntries(
    layout.columns.map((c: ColumnDef, index: number) => [c.key, index]),
  ) as Record<KeyOf<L>, number>;
  return { sheet, columns };
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

// ---- Finding our sheets whatever they are renamed to -----------------------------------------------------------
//
// The sheets the add-on owns are listed by sheet ID in one document property. A sheet's ID never changes, so a
// renamed or moved tab is still found, and finding a quarter's two sheets costs one read of the list and one
// getSheetById each. (Developer metadata, which DESIGN.md suggests, works too but costs three calls per tagged
// sheet to read back: see docs/ARCHITECTURE.md.) A sheet missing from the list is looked up by its default name.

export const SHEETS_KEY = 'okr-sheets.sheets';

export interface SheetTag {
  kind: 'objectives' | 'keyResults' | 'kpis' | 'checkIns' | 'history';
  quarter?: string;
  /** YYYY-MM-DD: a quarter's days, fixed when its sheets were created */
  start?: string;
  end?: string;
}

export interface SheetEntry extends SheetTag {
  id: number;
}

const KINDS = new Set(['objectives', 'keyResults', 'kpis', 'checkIns', 'history']);

/** Reads the list of our sheets, dropping anything malformed (a damaged list must not stop the add-on). */
export function readSheetList(json: string | null): SheetEntry[] {
  if (!json) return [];
  try {
    const raw = JSON.parse(json) as unknown;
    if (!Array.isArray(raw)) return [];
    return raw.filter(
      (e): e is SheetEntry =>
        e &&
        typeof e === 'object' &&
        typeof e.id === 'number' &&
        typeof e.kind === 'string' &&
        KINDS.has(e.kind),
    );
  } catch {
    return [];
  }
}

export interface TaggedSheet {
  sheet: Sheet;
  tag: SheetTag;
}

/**
 * One action's view of the document: the spreadsheet and the list of our sheets, read once per action and
 * passed along instead of re-read by every helper. Changes to the list are written back by `saveSheets()`.
 */
export class Doc {
  readonly ss: Spreadsheet;
  private entries: SheetEntry[] | undefined;
  private stored: string | null = null;
  private dirty = false;

  constructor(ss: Spreadsheet = active()) {
    this.ss = ss;
  }

  sheetList(): SheetEntry[] {
    if (!this.entries) {
      this.stored = documentProperty(SHEETS_KEY);
      this.entries = readSheetList(this.stored);
    }
    return this.entries;
  }

  /** The list exactly as it was stored when this action read it (null: none), to restore it on undo. */
  storedSheetList(): string | null {
    this.sheetList();
    return this.stored;
  }

  /** Our sheets matching a filter, resolved to Sheet objects (one call each); deleted tabs are skipped. */
  find(match: (tag: SheetTag) => boolean): TaggedSheet[] {
    const out: TaggedSheet[] = [];
    for (const e of this.sheetList()) {
      if (!match(e)) continue;
      const sheet = this.ss.getSheetById(e.id);
      if (sheet) out.push({ sheet, tag: e });
    }
    return out;
  }

  /** The sheet of a kind the add-on owns (by the list, else by its default name). */
  sheetOfKind(kind: SheetTag['kind'], name: string): Sheet | undefined {
    return this.find((t) => t.kind === kind)[0]?.sheet ?? this.ss.getSheetByName(name) ?? undefined;
  }

  /** Adds a sheet to the list (in memory; `saveSheets` writes it). */
  tag(sheet: Sheet, tag: SheetTag): void {
    const id = sheet.getSheetId();
    this.entries = [...this.sheetList().filter((e) => e.id !== id), { id, ...tag }];
    this.dirty = true;
  }

  /** The list as it should be stored, for writing together with other properties. */
  sheetListJson(): string {
    return JSON.stringify(this.sheetList());
  }

  /** Writes the list if it changed. */
  saveSheets(): void {
    if (this.dirty) setDocumentProperty(SHEETS_KEY, this.sheetListJson());
    this.dirty = false;
  }
}

/** Adds a sheet to the list of our sheets, outside a longer action. */
export function tagSheet(sheet: Sheet, tag: SheetTag, doc: Doc = new Doc()): void {
  doc.tag(sheet, tag);
  doc.saveSheets();
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
