// loadAddon: runs the built dist/Code.js (the bytes `clasp push` sends) in a node:vm realm whose globals are the
// emulated Apps Script services, over a HyperFormula workbook. Tests and the playground both start here.
// See docs/EMULATOR.md for what is emulated and how faithfully.
import path from 'node:path';
import { format, types } from 'node:util';
import type * as Gas from '../../server/gas';
import { parseA1, splitSheet } from './a1';
import { readBundle } from './bundle';
import { AuthMode } from './enums';
import { ApiError, NotEmulated } from './errors';
import { parseInput } from './formats';
import {
  EmuLockService,
  EmuPropertiesService,
  EmuScriptApp,
  EmuSession,
  EmuUtilities,
  LockState,
} from './services';
import { type Ctx, EmuRange, EmuSpreadsheetApp, passesValidation } from './spreadsheet';
import { parseWorkbookState, type WorkbookState, type WorkbookStateInput } from './state';
import {
  type AlertRecord,
  type Answer,
  type DialogRecord,
  EmuHtmlService,
  EmuUi,
  type MenuEntry,
  type MenuRecord,
  type PendingQuestion,
  type ToastRecord,
  UiState,
} from './ui';
import { type SheetView, sheetView, type WorkbookView, workbookView } from './view';
import { Workbook } from './workbook';
import { CallCounter, Realm, Wrapper } from './wrap';

export type { WorkbookState, WorkbookStateInput } from './state';
export type { Answer, MenuEntry, MenuRecord, PendingQuestion } from './ui';
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
  | { ok: false; question: PendingQuestion };

export interface UiView {
  readonly menus: MenuRecord[];
  readonly sidebar: { title: string; html: string } | null;
  readonly dialogs: DialogRecord[];
  readonly toasts: ToastRecord[];
  readonly alerts: AlertRecord[];
  /** Scripts the answers of the next alerts/prompts ("YES", "NO", "OK", "CANCEL", "CLOSE", or {button, text}). */
  answer(...answers: Answer[]): void;
  closeSidebar(): void;
  closeDialog(id: number): void;
}

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
  /** A user typing `input` into a cell: numbers, percents, dates read as Sheets reads them; = makes a formula. */
  editCell(sheetName: string, a1: string, input: string): ActionResult;
  /** Replaces the whole workbook with these sheets (rows of values or =formulas, written as setValues does). */
  replaceWorkbook(sheets: Array<{ name: string; rows: unknown[][] }>): void;
  /** Loads a saved state in place of the current workbook. */
  loadState(state: WorkbookStateInput): void;
  toState(): WorkbookState;
  /** What the grid shows for a sheet (default: the active one). */
  view(sheetName?: string): WorkbookView;
  sheetView(sheetName: string): SheetView;
}

const SPREADSHEET_CLASSES = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'DataValidation',
  'DataValidationBuilder',
  'ConditionalFormatRule',
  'ConditionalFormatRuleBuilder',
  'BooleanCondition',
  'Protection',
  'DeveloperMetadata',
  'DeveloperMetadataFinder',
  'DeveloperMetadataLocation',
  'NamedRange',
]);

/**
 * What a custom function may read from SpreadsheetApp here. Sheets allows custom functions most get*()
 * methods; the emulator allows those that do not read cells (a cell read while the engine evaluates would
 * re-enter it). The spreadsheet's time zone is how the date functions read and write calendar days.
 */
const CUSTOM_FUNCTION_READS = new Set([
  'SpreadsheetApp.getActive',
  'SpreadsheetApp.getActiveSpreadsheet',
  'Spreadsheet.getSpreadsheetTimeZone',
  'Spreadsheet.getName',
  'Spreadsheet.getId',
]);

/** Calls that change the document, for fault injection. */
const CHANGES = /^(set|insert|delete|append|clear|protect|add|remove|copy|move|hide|show|sort|merge)/;

/** Apps Script's failure text for an exception, as google.script.run's failure handler receives it. */
function failureMessage(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) {
    const name = 'name' in e ? String((e as { name: unknown }).name) : 'Error';
    return `${name}: ${String((e as { message: unknown }).message)}`;
  }
  return String(e);
}

function containsDate(v: unknown, seen = new Set<unknown>()): boolean {
  if (types.isDate(v)) return true;
  if (typeof v !== 'object' || v === null || seen.has(v)) return false;
  seen.add(v);
  return Object.values(v).some((x) => containsDate(x, seen));
}

function menuFunctions(entries: MenuEntry[], out = new Set<string>()): Set<string> {
  for (const e of entries) {
    if (e.type === 'item') out.add(e.functionName);
    if (e.type === 'submenu') menuFunctions(e.items, out);
  }
  return out;
}

export function loadAddon(options: LoadOptions = {}): Addon {
  const codePath = path.resolve(options.codePath ?? 'dist/Code.js');
  const htmlDir = path.resolve(options.htmlDir ?? path.dirname(codePath));
  const clock = () => (options.now ? options.now().getTime() : Date.now());
  const bundle = readBundle(codePath);
  const realm = new Realm(clock);
  const counter = new CallCounter();
  const lockState = new LockState();
  const uiState = new UiState();
  const logs: string[] = [];
  let authModeNone = false;
  const unanswered = options.unansweredDialogs ?? 'throw';
  // biome-ignore lint/suspicious/noExplicitAny: the bundle's globals are untyped JavaScript
  const globals = realm.context as Record<string, any>;

  const newWorkbook = (state?: WorkbookStateInput): Workbook => {
    const parsed = state ? parseWorkbookState(state) : undefined;
    const wb = new Workbook({
      id: parsed?.id ?? 'emulated-spreadsheet',
      name: parsed?.name ?? 'Untitled spreadsheet',
      timeZone: parsed?.timeZone ?? options.timeZone ?? 'Etc/UTC',
      now: clock,
      customFunctions: bundle.customFunctions,
      invoke: (name, args) => {
        const fn = globals[name];
        if (typeof fn !== 'function') throw new Error(`Unknown function: ${name}`);
        return fn(...args.map((a) => realm.toRealm(a)));
      },
    });
    if (parsed) wb.loadState(parsed);
    else wb.addSheet('Sheet1');
    return wb;
  };

  const ui = new EmuUi(uiState, options.addonName ?? 'okr-sheets', clock, () => unanswered);
  const ctx: Ctx = {
    wb: undefined as unknown as Workbook,
    ui,
    toast: (message, title, timeoutSeconds) => ui.toast(message, title, timeoutSeconds),
  };

  const faults = { failOn: 0, changes: 0 };
  const wrapper = new Wrapper(realm, counter, (cls, member) => {
    if (
      (SPREADSHEET_CLASSES.has(cls) || cls === 'Properties') &&
      !cls.endsWith('Builder') &&
      CHANGES.test(member)
    ) {
      faults.changes++;
      if (faults.changes === faults.failOn) {
        throw new ApiError(`Service error: injected failure at change ${faults.changes} (${cls}.${member})`);
      }
    }
    if (
      ctx.wb?.inCustomFunction &&
      SPREADSHEET_CLASSES.has(cls) &&
      !CUSTOM_FUNCTION_READS.has(`${cls}.${member}`)
    ) {
      throw new NotEmulated(`${cls}.${member} inside a custom function`);
    }
    if (
      authModeNone &&
      !['Ui', 'Menu', 'ScriptApp'].includes(cls) &&
      !(cls === 'SpreadsheetApp' && member === 'getUi')
    ) {
      throw new ApiError(
        `You do not have permission to call ${cls}.${member} in AuthMode.NONE. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly`,
      );
    }
  });

  const spreadsheetApp = new EmuSpreadsheetApp(ctx);
  const services = {
    SpreadsheetApp: spreadsheetApp,
    HtmlService: new EmuHtmlService(htmlDir),
    PropertiesService: new EmuPropertiesService(() => ctx.wb),
    LockService: new EmuLockService(lockState),
    Session: new EmuSession(options.user ?? 'you@example.com', options.scriptTimeZone ?? 'Etc/UTC'),
    Utilities: new EmuUtilities(),
    ScriptApp: new EmuScriptApp(),
  };
  for (const [name, service] of Object.entries(services)) globals[name] = wrapper.wrap(service);
  const logLine = (...args: unknown[]) => {
    const line = format(...args);
    logs.push(line);
    options.log?.(line);
  };
  globals.console = { log: logLine, info: logLine, warn: logLine, error: logLine };
  const logger = {
    log: (...args: unknown[]) => {
      logLine(...args);
      return logger;
    },
  };
  globals.Logger = logger;

  realm.run(bundle.code, 'Code.js');
  ctx.wb = newWorkbook(options.state);

  /** One execution (menu click, RPC, trigger): releases its locks at the end, as Apps Script does. */
  const execute = <T>(fn: () => T): T => {
    try {
      return fn();
    } finally {
      if (lockState.holder === 'this') lockState.holder = 'none';
    }
  };

  /** Runs an action that may raise an alert needing the user: in 'defer' mode it is rolled back if so. */
  const action = (fn: () => void): ActionResult => {
    const before = unanswered === 'defer' ? ctx.wb.toState() : undefined;
    const uiBefore =
      unanswered === 'defer'
        ? structuredClone({
            menus: uiState.menus,
            sidebar: uiState.sidebar,
            dialogs: uiState.dialogs,
            toasts: uiState.toasts,
            alerts: uiState.alerts,
          })
        : undefined;
    uiState.pending = null;
    let error: string | undefined;
    try {
      execute(fn);
    } catch (e) {
      error = failureMessage(e);
    }
    const question = uiState.pending as PendingQuestion | null;
    if (question && before && uiBefore) {
      uiState.pending = null;
      ctx.wb = newWorkbook(before);
      Object.assign(uiState, uiBefore);
      uiState.answers = [];
      return { ok: false, question };
    }
    return error === undefined ? { ok: true } : { ok: false, error };
  };

  const sheetNamed = (name: string) => {
    const s = ctx.wb.sheetByName(name);
    if (!s) throw new Error(`no sheet named "${name}"`);
    return s;
  };

  const addon: Addon = {
    globals,
    app: wrapper.wrap(spreadsheetApp),
    spreadsheet: wrapper.wrap(spreadsheetApp.getActiveSpreadsheet()),
    get workbook() {
      return ctx.wb;
    },
    ui: {
      get menus() {
        return uiState.menus;
      },
      get sidebar() {
        return uiState.sidebar;
      },
      get dialogs() {
        return uiState.dialogs;
      },
      get toasts() {
        return uiState.toasts;
      },
      get alerts() {
        return uiState.alerts;
      },
      answer: (...answers) => {
        uiState.answers.push(...answers);
      },
      closeSidebar: () => {
        uiState.sidebar = null;
      },
      closeDialog: (id) => {
        uiState.dialogs = uiState.dialogs.filter((d) => d.id !== id);
      },
    },
    counter: {
      reset: () => counter.reset(),
      snapshot: () => counter.snapshot(),
      total: () => counter.total(),
    },
    faults: {
      failOnChange: (n: number) => {
        faults.failOn = n;
        faults.changes = 0;
      },
      clear: () => {
        faults.failOn = 0;
        faults.changes = 0;
      },
      changes: () => faults.changes,
    },
    locks: {
      holdByAnotherExecution: () => {
        lockState.holder = 'other';
      },
      releaseOtherExecution: () => {
        if (lockState.holder === 'other') lockState.holder = 'none';
      },
    },
    logs,
    functions: bundle.functions,
    customFunctions: bundle.customFunctions,

    open(authMode = 'LIMITED') {
      if (typeof globals.onOpen !== 'function')
        return { ok: false, error: 'The bundle has no onOpen function.' };
      uiState.menus = [];
      return action(() => {
        authModeNone = authMode === 'NONE';
        try {
          const e = realm.toRealm({ authMode: AuthMode[authMode], user: undefined });
          (e as Record<string, unknown>).source = authModeNone ? undefined : addon.spreadsheet;
          globals.onOpen(e);
        } finally {
          authModeNone = false;
        }
      });
    },

    rpc(name, args = []) {
      if (!bundle.functions.includes(name) || name.endsWith('_')) {
        return { ok: false, error: `Script function not found: ${name}` };
      }
      let text: string;
      try {
        text = JSON.stringify(args);
      } catch (e) {
        return { ok: false, error: `Failed due to illegal value in argument: ${failureMessage(e)}` };
      }
      const realmArgs = realm.jsonParse(text) as unknown[];
      try {
        const value = execute(() => globals[name](...realmArgs));
        if (value === undefined) return { ok: true };
        if (containsDate(value)) return { ok: true, value: null };
        return { ok: true, value: JSON.parse(JSON.stringify(value)) };
      } catch (e) {
        return { ok: false, error: failureMessage(e) };
      }
    },

    runMenu(functionName) {
      const inMenus = uiState.menus.some((m) => menuFunctions(m.items).has(functionName));
      if (!inMenus)
        return { ok: false, error: `No menu item runs ${functionName} (menus: run open() first).` };
      if (typeof globals[functionName] !== 'function') {
        return { ok: false, error: `Script function not found: ${functionName}` };
      }
      return action(() => globals[functionName]());
    },

    setActive(sheetName, a1) {
      const sheet = sheetNamed(sheetName);
      if (a1 === undefined) {
        ctx.wb.active = { sheet };
        return;
      }
      const r = parseA1(a1, sheet.maxRows, sheet.maxColumns);
      if (!r) throw new Error(`"${a1}" is not A1 notation`);
      ctx.wb.active = { sheet, range: r };
    },

    editCell(sheetName, a1, input) {
      const sheet = ctx.wb.sheetByName(sheetName);
      if (!sheet) return { ok: false, error: `No sheet named "${sheetName}".` };
      const { ref } = splitSheet(a1);
      const r = parseA1(ref, sheet.maxRows, sheet.maxColumns);
      if (r?.numRows !== 1 || r.numColumns !== 1) return { ok: false, error: `"${a1}" is not one cell.` };
      if (r.row > sheet.maxRows || r.column > sheet.maxColumns)
        return { ok: false, error: 'That cell is outside the sheet.' };
      const validation = sheet.cell(r.row, r.column)?.validation;
      if (validation && !validation.allowInvalid) {
        const parsed = parseInput(String(input));
        const value = parsed.kind === 'value' ? parsed.value : null;
        if (parsed.kind === 'value' && !passesValidation(ctx.wb, validation, value)) {
          const why =
            validation.helpText ||
            (validation.criteria === 'VALUE_IN_LIST' || validation.criteria === 'VALUE_IN_RANGE'
              ? 'Input must be an item on the specified list.'
              : 'Input must fall within specified range.');
          return { ok: false, error: `There was a problem: ${why}` };
        }
      }
      const oldValue = ctx.wb.scriptValue(sheet, r.row, r.column);
      ctx.wb.batch(() => ctx.wb.writeValue(sheet, r.row, r.column, String(input)));
      ctx.wb.active = { sheet, range: r };
      if (typeof globals.onEdit === 'function') {
        return action(() => {
          const range = wrapper.wrap(new EmuRange(ctx, { ...r, sheet }));
          const e = realm.toRealm({ authMode: AuthMode.LIMITED, value: String(input), oldValue }) as Record<
            string,
            unknown
          >;
          e.range = range;
          e.source = addon.spreadsheet;
          globals.onEdit(e);
        });
      }
      return { ok: true };
    },

    replaceWorkbook(sheets) {
      const wb = newWorkbook();
      const placeholder = wb.sheets[0]!;
      if (sheets.length > 0) wb.renameSheet(placeholder, '__okr_placeholder__');
      for (const s of sheets) {
        const rows = s.rows ?? [];
        const width = Math.max(0, ...rows.map((row) => (Array.isArray(row) ? row.length : 0)));
        const sheet = wb.addSheet(s.name, wb.sheets.length, {
          rows: Math.max(1000, rows.length),
          columns: Math.max(26, width),
        });
        wb.batch(() => {
          rows.forEach((row, ri) => {
            if (!Array.isArray(row)) throw new Error(`sheet "${s.name}": row ${ri + 1} is not an array`);
            row.forEach((v, ci) => {
              wb.writeValue(sheet, ri + 1, ci + 1, v);
            });
          });
        });
      }
      if (sheets.length > 0) wb.deleteSheet(placeholder);
      wb.active = { sheet: wb.sheets[0] };
      ctx.wb = wb;
    },

    loadState(state) {
      ctx.wb = newWorkbook(state);
    },

    toState: () => ctx.wb.toState(),
    view: (sheetName) => workbookView(ctx.wb, sheetName),
    sheetView: (sheetName) => sheetView(ctx.wb, sheetNamed(sheetName)),
  };
  return addon;
}
