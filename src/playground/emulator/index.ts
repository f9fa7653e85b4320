// loadAddon: runs the built dist/Code.js (the bytes `clasp push` sends) in a node:vm realm whose globals are the
// emulated Apps Script services, over a HyperFormula workbook. Tests and the playground both start here. This file
// is the emulator's face: the options, the Addon handle, and its members each delegating to the file that owns
// the concern (session.ts: the realm, services and executions; actions.ts and edits.ts: what a user does; transport.ts:
// google.script.run; policy.ts: counting and fault injection; state.ts: JSON; view.ts: what the grid shows).
// See docs/EMULATOR.md for what is emulated and how faithfully.
import type * as Gas from '../../server/gas';
import { editCell, open, replaceWorkbook, runMenu, setActive } from './actions';
import {
  deleteRows,
  type EditOptions,
  insertRows,
  type PasteContent,
  paste,
  redo,
  sortRange,
  sortSheet,
  undo,
} from './edits';
import { Session } from './session';
import { type WorkbookState, type WorkbookStateInput, workbookState } from './state';
import { runRpc } from './transport';
import { type PendingQuestion, type UiView, uiView } from './ui';
import { type SheetView, sheetView, type WorkbookView, workbookView } from './view';
import type { Workbook } from './workbook';

export type { EditOptions, PasteContent } from './edits';
export type { SortSpec } from './sort';
export type { WorkbookState, WorkbookStateInput } from './state';
export type { Answer, MenuEntry, MenuRecord, PendingQuestion, UiView } from './ui';
export type { CellView, SheetView, WorkbookView } from './view';

export interface LoadOptions {
  /** The bundle to run. Default: dist/Code.js under the current directory. */
  codePath?: string;
  /** Where createHtmlOutputFromFile('X') finds X.html. Default: the bundle's directory. */
  htmlDir?: string;
  /** The workbook to start from. Default: an empty "Untitled spreadsheet" with Sheet1. */
  state?: WorkbookStateInput;
  /** The clock: TODAY(), NOW(), the add-on's `new Date()`, toasts. Default: real time. */
  now?: () => Date;
  /** Session.getActiveUser().getEmail(). Default: "you@example.com". */
  user?: string;
  /** The spreadsheet's time zone for a new workbook (a state carries its own). Default: "Etc/UTC". */
  timeZone?: string;
  /**
   * The spreadsheet's locale for a new workbook (a state carries its own): how formulas and typed text read and
   * how numbers and dates show. Default: "en_US".
   */
  locale?: string;
  /**
   * Sheets computes custom functions asynchronously: when true, a custom-function cell that recomputed during
   * an execution of the add-on (menu click, RPC, onOpen) reads "Loading..." to the add-on's own code until that
   * execution ends (its spilled cells read blank). Default: true, as in Sheets; false only to compare.
   */
  asyncCustomFunctions?: boolean;
  /** Session.getScriptTimeZone() (appsscript.json). Default: "Etc/UTC". */
  scriptTimeZone?: string;
  /** The add-on's name under Extensions. Default: "okr-sheets". */
  addonName?: string;
  /**
   * An alert or prompt with a choice and no scripted answer: 'throw' (default, tests) makes the action fail
   * with a message saying so; 'defer' (playground) rolls the action back and returns the question.
   */
  unansweredDialogs?: 'throw' | 'defer';
  /** Receives the add-on's console.log / Logger.log lines (they are also kept in `logs`). */
  log?: (line: string) => void;
}

export type RpcResult = { ok: true; value?: unknown } | { ok: false; error: string };
export type ActionResult =
  | { ok: true }
  | { ok: false; error: string }
  | { ok: false; question: PendingQuestion }
  /** A user's edit touching a warning-only protection: Sheets' warning; send it again confirmed to go ahead. */
  | { ok: false; warning: string };

export interface Addon {
  /** The add-on's global scope (the vm context): call its top-level functions directly. */
  // biome-ignore lint/suspicious/noExplicitAny: the bundle's globals are untyped JavaScript
  globals: Record<string, any>;
  /** SpreadsheetApp as the add-on sees it (calls through it are counted like the add-on's). */
  app: Gas.SpreadsheetAppSlice;
  /** The active spreadsheet, as the add-on sees it. */
  spreadsheet: Gas.Spreadsheet;
  /** The workbook model behind the services (engine, sheets, formats). */
  readonly workbook: Workbook;
  ui: UiView;
  counter: { reset(): void; snapshot(): Record<string, number>; total(): number };
  locks: { holdByAnotherExecution(): void; releaseOtherExecution(): void };
  /**
   * Fault injection for all-or-nothing tests: `failOnChange(n)` makes the n-th call (1-based) that changes the
   * document (a set…, insert…, delete…, append…, clear…, protect, add…, remove… on a spreadsheet object or the
   * properties) throw, as a quota or network error would in Apps Script. `changes()` counts them since the last
   * `clear()`, so a test can try every step of an action.
   */
  faults: { failOnChange(n: number): void; clear(): void; changes(): number };
  /** Lines the add-on logged. */
  logs: string[];
  /** Top-level functions of the bundle, and the custom functions among them. */
  functions: readonly string[];
  customFunctions: readonly string[];
  /** Opens the spreadsheet: runs onOpen(e) (AuthMode LIMITED unless told), rebuilding the menus. */
  open(authMode?: 'NONE' | 'LIMITED' | 'FULL'): ActionResult;
  /** google.script.run: arguments and result cross a JSON boundary; a Date anywhere in the result gives null. */
  rpc(name: string, args?: unknown[]): RpcResult;
  /** Clicks a menu item: runs the function it names (which must be in a menu onOpen built). */
  runMenu(functionName: string): ActionResult;
  /** Selects a sheet and optionally a range (what menu handlers see as active). */
  setActive(sheetName: string, a1?: string): void;
  /**
   * A user typing `input` into a cell: numbers, percents, dates read as Sheets reads them; = makes a formula.
   * This and the edits below are the user's: each is one undo step, and asks first (`warning`) when it touches
   * a warning-only protection unless `confirmed`.
   */
  editCell(sheetName: string, a1: string, input: string, options?: EditOptions): ActionResult;
  /** Pastes text (rows of cells, read as typed) or cells copied in the grid at the top-left cell of `a1`. */
  paste(sheetName: string, a1: string, content: PasteContent, options?: EditOptions): ActionResult;
  /** Inserts `count` empty rows before row `at` (the sheet's row count + 1: after the last). */
  insertRows(sheetName: string, at: number, count: number, options?: EditOptions): ActionResult;
  deleteRows(sheetName: string, row: number, count: number, options?: EditOptions): ActionResult;
  /** Data › Sort range: the rows of `a1` by one column (a sheet column number inside the range). */
  sortRange(
    sheetName: string,
    a1: string,
    spec: { column: number; ascending: boolean; headerRow?: boolean },
    options?: EditOptions,
  ): ActionResult;
  /** Data › Sort sheet: the rows below the frozen ones by one column. */
  sortSheet(sheetName: string, column: number, ascending: boolean, options?: EditOptions): ActionResult;
  /** Edit › Undo and Redo: the user's own changes, several steps deep (not the add-on's). */
  undo(): ActionResult;
  redo(): ActionResult;
  /** How many steps can be undone and redone now. */
  history(): { undo: number; redo: number };
  /** Replaces the whole workbook with these sheets (rows of values or =formulas, written as setValues does). */
  replaceWorkbook(sheets: Array<{ name: string; rows: unknown[][] }>): void;
  /** Loads a saved state in place of the current workbook. */
  loadState(state: WorkbookStateInput): void;
  /** The user changing File › Settings › Locale (not an execution of the add-on); refuses an unknown id. */
  setLocale(locale: string): void;
  toState(): WorkbookState;
  /** What the grid shows for a sheet (default: the active one). */
  view(sheetName?: string): WorkbookView;
  sheetView(sheetName: string): SheetView;
}

export function loadAddon(options: LoadOptions = {}): Addon {
  const s = new Session(options);
  return {
    globals: s.globals,
    app: s.app,
    spreadsheet: s.spreadsheet,
    get workbook() {
      return s.wb;
    },
    ui: uiView(s.uiState),
    counter: s.policy.counter,
    faults: s.policy.faults,
    locks: s.lockState,
    logs: s.logs,
    functions: s.bundle.functions,
    customFunctions: s.bundle.customFunctions,
    open: (authMode = 'LIMITED') => open(s, authMode),
    rpc: (name, args = []) => runRpc(s, name, args),
    runMenu: (functionName) => runMenu(s, functionName),
    setActive: (sheetName, a1) => setActive(s, sheetName, a1),
    editCell: (sheetName, a1, input, options) => editCell(s, sheetName, a1, input, options),
    paste: (sheetName, a1, content, options) => paste(s, sheetName, a1, content, options),
    insertRows: (sheetName, at, count, options) => insertRows(s, sheetName, at, count, options),
    deleteRows: (sheetName, row, count, options) => deleteRows(s, sheetName, row, count, options),
    sortRange: (sheetName, a1, spec, options) => sortRange(s, sheetName, a1, spec, options),
    sortSheet: (sheetName, column, ascending, options) => sortSheet(s, sheetName, column, ascending, options),
    undo: () => undo(s),
    redo: () => redo(s),
    history: () => s.history.depth,
    replaceWorkbook: (sheets) => replaceWorkbook(s, sheets),
    loadState: (state) => {
      s.wb = s.newWorkbook(state);
      s.history.forget();
    },
    setLocale: (locale) => s.wb.setLocale(locale),
    toState: () => workbookState(s.wb),
    view: (sheetName) => workbookView(s.wb, sheetName),
    sheetView: (sheetName) => sheetView(s.wb, s.sheet(sheetName)),
  };
}
