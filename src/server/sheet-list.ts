// The list of the sheets okr-sheets owns, by sheet ID, in one document property: a sheet's ID never changes,
// so a renamed or moved tab is still found, and finding a quarter's two sheets costs one read of the list and
// one getSheetById each. (Developer metadata, which DESIGN.md suggests, works too but costs three calls per
// sheet to read back: see docs/ARCHITECTURE.md.) A sheet missing from the list is looked up by its default name.
// "Listing" a sheet here is not "tagging": tags are the marks on a KPI's columns (server/kpi-registry.ts).

import type { SheetLayout } from '../core/layout';
import { type Sheet, type Spreadsheet, spreadsheetApp } from './gas';
import { documentProperty, SHEETS_KEY, setDocumentProperty } from './settings';
import { createLayoutSheet } from './tables';

export interface ListEntry {
  kind: 'objectives' | 'keyResults' | 'kpis' | 'checkIns' | 'history';
  quarter?: string;
  /** YYYY-MM-DD: a quarter's days, fixed when its sheets were created */
  start?: string;
  end?: string;
}

export interface StoredEntry extends ListEntry {
  id: number;
}

const KINDS = new Set(['objectives', 'keyResults', 'kpis', 'checkIns', 'history']);

/** Reads the list of our sheets, dropping anything malformed (a damaged list must not stop the add-on). */
export function readSheetList(json: string | null): StoredEntry[] {
  if (!json) return [];
  try {
    const raw = JSON.parse(json) as unknown;
    if (!Array.isArray(raw)) return [];
    return raw.filter(
      (e): e is StoredEntry =>
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

export interface ListedSheet {
  sheet: Sheet;
  entry: ListEntry;
}

/**
 * One action's view of the document: the spreadsheet and the list of our sheets, read once per action and
 * passed along instead of re-read by every helper. Changes to the list are written back by `saveSheets()`.
 */
export class Doc {
  readonly ss: Spreadsheet;
  private entries: StoredEntry[] | undefined;
  private stored: string | null = null;
  private dirty = false;

  constructor(ss: Spreadsheet = spreadsheetApp().getActiveSpreadsheet()) {
    this.ss = ss;
  }

  sheetList(): StoredEntry[] {
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
  find(match: (entry: ListEntry) => boolean): ListedSheet[] {
    const out: ListedSheet[] = [];
    for (const e of this.sheetList()) {
      if (!match(e)) continue;
      const sheet = this.ss.getSheetById(e.id);
      if (sheet) out.push({ sheet, entry: e });
    }
    return out;
  }

  /** The sheet of a kind the add-on owns (by the list, else by its default name). */
  sheetOfKind(kind: ListEntry['kind'], name: string): Sheet | undefined {
    return this.find((e) => e.kind === kind)[0]?.sheet ?? this.ss.getSheetByName(name) ?? undefined;
  }

  /** Adds a sheet to the list (in memory; `saveSheets` writes it). */
  list(sheet: Sheet, entry: ListEntry): void {
    const id = sheet.getSheetId();
    this.entries = [...this.sheetList().filter((e) => e.id !== id), { id, ...entry }];
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
export function listSheet(sheet: Sheet, entry: ListEntry, doc: Doc = new Doc()): void {
  doc.list(sheet, entry);
  doc.saveSheets();
}

/**
 * The log sheet of a kind (Check-ins, OKR History), created at the end of the tabs when there is none yet,
 * without taking the user away from the sheet they are on. The new sheet is listed in `doc` (not yet saved).
 */
export function ensureLogSheet(
  doc: Doc,
  layout: SheetLayout,
  kind: 'checkIns' | 'history',
  undo?: Array<() => void>,
): { sheet: Sheet; created: boolean } {
  const found = doc.sheetOfKind(kind, layout.name);
  if (found) return { sheet: found, created: false };
  const onShow = doc.ss.getActiveSheet();
  const { sheet } = createLayoutSheet(
    doc.ss,
    { layout, name: layout.name, index: doc.ss.getSheets().length },
    undo,
  );
  doc.ss.setActiveSheet(onShow);
  doc.list(sheet, { kind });
  return { sheet, created: true };
}
