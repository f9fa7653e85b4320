// What a user does to the spreadsheet, each an execution of the add-on where one runs: opening it (onOpen builds
// the menus), clicking a menu item, selecting a sheet or cell, typing into a cell (refused by data validation as
// Sheets refuses it, asked first on a warning-only protection, an undo step, then a bundle onEdit(e) runs), and
// replacing the whole workbook with rows of values (the playground's PUT /api/workbook). Pasting, rows, sorting
// and undo are edits.ts.
import { parseA1, splitSheet } from './a1';
import { scriptValue } from './cells';
import { type EditOptions, userEdit } from './edits';
import { AuthMode } from './enums';
import type { ActionResult } from './index';
import { EmuRange } from './range';
import type { Session } from './session';
import type { MenuEntry } from './ui';
import { typingRefusal } from './validation';
import { cellsArea } from './warnings';

function menuFunctions(entries: MenuEntry[], out = new Set<string>()): Set<string> {
  for (const e of entries) {
    if (e.type === 'item') out.add(e.functionName);
    if (e.type === 'submenu') menuFunctions(e.items, out);
  }
  return out;
}

/** Opens the spreadsheet: runs onOpen(e), rebuilding the menus. */
export function open(s: Session, authMode: 'NONE' | 'LIMITED' | 'FULL'): ActionResult {
  if (typeof s.globals.onOpen !== 'function')
    return { ok: false, error: 'The bundle has no onOpen function.' };
  s.uiState.menus = [];
  return s.action(() => {
    s.policy.authModeNone = authMode === 'NONE';
    try {
      const e = s.realm.toRealm({ authMode: AuthMode[authMode], user: undefined });
      (e as Record<string, unknown>).source = s.policy.authModeNone ? undefined : s.spreadsheet;
      s.globals.onOpen(e);
    } finally {
      s.policy.authModeNone = false;
    }
  });
}

/** A menu click: runs the function it names, which must be in a menu onOpen built. */
export function runMenu(s: Session, functionName: string): ActionResult {
  const inMenus = s.uiState.menus.some((m) => menuFunctions(m.items).has(functionName));
  if (!inMenus) return { ok: false, error: `No menu item runs ${functionName} (menus: run open() first).` };
  if (typeof s.globals[functionName] !== 'function') {
    return { ok: false, error: `Script function not found: ${functionName}` };
  }
  return s.action(() => s.globals[functionName]());
}

/** Selects a sheet and optionally a range (what menu handlers see as active). */
export function setActive(s: Session, sheetName: string, a1?: string): void {
  const sheet = s.sheet(sheetName);
  if (a1 === undefined) {
    s.wb.active = { sheet };
    return;
  }
  const r = parseA1(a1, sheet.maxRows, sheet.maxColumns);
  if (!r) throw new Error(`"${a1}" is not A1 notation`);
  s.wb.active = { sheet, range: r };
}

/**
 * A user typing `input` into a cell: read as Sheets reads typing; `=` makes a formula. Refused as Sheets refuses
 * it (data validation), asked first on a warning-only protection, remembered for undo; then onEdit(e) runs.
 */
export function editCell(
  s: Session,
  sheetName: string,
  a1: string,
  input: string,
  options: EditOptions = {},
): ActionResult {
  const wb = s.wb;
  const sheet = wb.sheetByName(sheetName);
  if (!sheet) return { ok: false, error: `No sheet named "${sheetName}".` };
  const { ref } = splitSheet(a1);
  const r = parseA1(ref, sheet.maxRows, sheet.maxColumns);
  if (r?.numRows !== 1 || r.numColumns !== 1) return { ok: false, error: `"${a1}" is not one cell.` };
  if (r.row > sheet.maxRows || r.column > sheet.maxColumns)
    return { ok: false, error: 'That cell is outside the sheet.' };
  const validation = sheet.cell(r.row, r.column)?.validation;
  const refusal = validation && typingRefusal(wb, validation, String(input));
  if (refusal) return { ok: false, error: refusal };
  const oldValue = scriptValue(wb, sheet, r.row, r.column);
  const edited = userEdit(s, cellsArea(sheet, r.row, r.column), options, () => {
    wb.batch(() => wb.writeValue(sheet, r.row, r.column, String(input)));
    wb.active = { sheet, range: r };
  });
  if (!edited.ok || typeof s.globals.onEdit !== 'function') return edited;
  return s.action(() => {
    const range = s.wrapper.wrap(new EmuRange(s.ctx, { ...r, sheet }));
    const e = s.realm.toRealm({ authMode: AuthMode.LIMITED, value: String(input), oldValue }) as Record<
      string,
      unknown
    >;
    e.range = range;
    e.source = s.spreadsheet;
    s.globals.onEdit(e);
  });
}

/** A fresh workbook with these sheets in the current locale, rows written as setValues writes them. */
export function replaceWorkbook(s: Session, sheets: Array<{ name: string; rows: unknown[][] }>): void {
  const wb = s.newWorkbook(undefined, s.wb.locale);
  const placeholder = wb.sheets[0]!;
  if (sheets.length > 0) {
    wb.renameSheet(placeholder, '__okr_placeholder__');
    // It holds nothing and goes at the end: one cell, so it does not count against the workbook's size limit.
    placeholder.maxRows = 1;
    placeholder.maxColumns = 1;
  }
  for (const { name, rows: given } of sheets) {
    const rows = given ?? [];
    const width = Math.max(0, ...rows.map((row) => (Array.isArray(row) ? row.length : 0)));
    const sheet = wb.addSheet(name, wb.sheets.length, {
      rows: Math.max(1000, rows.length),
      columns: Math.max(26, width),
    });
    wb.batch(() => {
      rows.forEach((row, ri) => {
        if (!Array.isArray(row)) throw new Error(`sheet "${name}": row ${ri + 1} is not an array`);
        row.forEach((v, ci) => {
          wb.writeValue(sheet, ri + 1, ci + 1, v);
        });
      });
    });
  }
  if (sheets.length > 0) wb.deleteSheet(placeholder);
  wb.active = { sheet: wb.sheets[0] };
  s.wb = wb;
  s.history.forget();
}
