// One loaded add-on: the built bundle running in its realm with the emulated services (wrapped, wrap.ts) and a
// console as its globals, the workbook behind the services, and executions. An execution (a menu click, an RPC,
// a trigger) releases the locks it holds when it ends, as in Apps Script, the custom-function cells it made
// recompute stop loading (loading.ts), and one that changed the document ends the user's undo history; an action
// that asks a question nobody scripted is, in 'defer' mode (the playground), rolled back and the question returned.
import path from 'node:path';
import { format } from 'node:util';
import type * as Gas from '../../server/gas';
import { type BundleInfo, readBundle } from './bundle';
import { EmuCharts } from './charts';
import { failureMessage } from './errors';
import { UndoHistory } from './history';
import { EmuHtmlService } from './html';
import type { ActionResult, LoadOptions } from './index';
import { LoadingCells } from './loading';
import { DEFAULT_LOCALE } from './locale';
import type { SheetModel } from './model';
import { CallPolicy } from './policy';
import {
  EmuLockService,
  EmuPropertiesService,
  EmuScriptApp,
  EmuSession,
  EmuUtilities,
  LockState,
} from './services';
import { type Ctx, EmuSpreadsheetApp } from './spreadsheet';
import { loadWorkbookState, parseWorkbookState, type WorkbookStateInput, workbookState } from './state';
import { EmuUi, type PendingQuestion, UiState } from './ui';
import { Workbook } from './workbook';
import { Realm, Wrapper } from './wrap';

export class Session {
  readonly bundle: BundleInfo;
  readonly realm: Realm;
  /** The add-on's global scope (the vm context). */
  // biome-ignore lint/suspicious/noExplicitAny: the bundle's globals are untyped JavaScript
  readonly globals: Record<string, any>;
  readonly policy: CallPolicy;
  readonly wrapper: Wrapper;
  readonly lockState = new LockState();
  readonly uiState = new UiState();
  /** The user's undo and redo steps. */
  readonly history = new UndoHistory();
  readonly logs: string[] = [];
  /** SpreadsheetApp and the active spreadsheet as the add-on sees them (wrapped: calls are counted). */
  readonly app: Gas.SpreadsheetAppSlice;
  readonly spreadsheet: Gas.Spreadsheet;
  readonly unanswered: 'throw' | 'defer';
  /** What every emulated spreadsheet object is built with (the workbook, the Ui). */
  readonly ctx: Ctx;
  /** Custom-function cells recomputed in the current execution (read "Loading..." when the rule is on). */
  readonly loading: LoadingCells;
  private readonly clock: () => number;

  constructor(private readonly options: LoadOptions) {
    const codePath = path.resolve(options.codePath ?? 'dist/Code.js');
    const htmlDir = path.resolve(options.htmlDir ?? path.dirname(codePath));
    this.clock = () => (options.now ? options.now().getTime() : Date.now());
    this.bundle = readBundle(codePath);
    this.realm = new Realm(this.clock);
    this.globals = this.realm.context;
    this.unanswered = options.unansweredDialogs ?? 'throw';
    this.loading = new LoadingCells(options.asyncCustomFunctions ?? true);
    const ui = new EmuUi(this.uiState, options.addonName ?? 'okr-sheets', this.clock, () => this.unanswered);
    this.ctx = {
      wb: undefined as unknown as Workbook,
      ui,
      toast: (message, title, timeoutSeconds) => ui.toast(message, title, timeoutSeconds),
    };
    this.policy = new CallPolicy(() => this.ctx.wb?.inCustomFunction ?? false);
    this.wrapper = new Wrapper(this.realm, this.policy);

    const spreadsheetApp = new EmuSpreadsheetApp(this.ctx);
    const services = {
      SpreadsheetApp: spreadsheetApp,
      Charts: new EmuCharts(),
      HtmlService: new EmuHtmlService(htmlDir),
      PropertiesService: new EmuPropertiesService(() => this.ctx.wb),
      LockService: new EmuLockService(this.lockState),
      Session: new EmuSession(options.user ?? 'you@example.com', options.scriptTimeZone ?? 'Etc/UTC'),
      Utilities: new EmuUtilities(),
      ScriptApp: new EmuScriptApp(),
    };
    for (const [name, service] of Object.entries(services)) this.globals[name] = this.wrapper.wrap(service);
    this.installConsole();
    this.app = this.wrapper.wrap(spreadsheetApp);
    this.spreadsheet = this.wrapper.wrap(spreadsheetApp.getActiveSpreadsheet());

    this.realm.run(this.bundle.code, 'Code.js');
    this.ctx.wb = this.newWorkbook(options.state);
  }

  /** The workbook behind the services (replaced as a whole by loadState and replaceWorkbook). */
  get wb(): Workbook {
    return this.ctx.wb;
  }
  set wb(wb: Workbook) {
    this.ctx.wb = wb;
  }

  /**
   * A workbook from a state, or an empty "Untitled spreadsheet" with Sheet1 (in `locale`, else the options'
   * locale); its custom functions call the bundle.
   */
  newWorkbook(state?: WorkbookStateInput, locale?: string): Workbook {
    const parsed = state ? parseWorkbookState(state) : undefined;
    const wb = new Workbook({
      id: parsed?.id ?? 'emulated-spreadsheet',
      name: parsed?.name ?? 'Untitled spreadsheet',
      timeZone: parsed?.timeZone ?? this.options.timeZone ?? 'Etc/UTC',
      locale: parsed?.locale ?? locale ?? this.options.locale ?? DEFAULT_LOCALE,
      loading: this.loading,
      now: this.clock,
      customFunctions: this.bundle.customFunctions,
      invoke: (name, args) => {
        const fn = this.globals[name];
        if (typeof fn !== 'function') throw new Error(`Unknown function: ${name}`);
        return fn(...args.map((a) => this.realm.toRealm(a)));
      },
    });
    if (parsed) loadWorkbookState(wb, parsed);
    else wb.addSheet('Sheet1');
    return wb;
  }

  /** The sheet of that name; throws for a name the workbook lacks (a mistake of the caller, not of the add-on). */
  sheet(name: string): SheetModel {
    const s = this.wb.sheetByName(name);
    if (!s) throw new Error(`no sheet named "${name}"`);
    return s;
  }

  /**
   * One execution (menu click, RPC, trigger): releases its locks at the end, as Apps Script does; custom-function
   * cells it made recompute read "Loading..." to it until it ends (when asyncCustomFunctions is on). One that
   * changed the document ends the user's undo history (history.ts).
   */
  execute<T>(fn: () => T): T {
    const changes = this.policy.documentChanges;
    this.loading.begin();
    try {
      return fn();
    } finally {
      this.loading.end();
      this.lockState.endExecution();
      if (this.policy.documentChanges !== changes) this.history.forget();
    }
  }

  /** Runs an action that may raise an alert needing the user: in 'defer' mode it is rolled back if so. */
  action(fn: () => void): ActionResult {
    const ui = this.uiState;
    const defer = this.unanswered === 'defer';
    const before = defer ? workbookState(this.wb) : undefined;
    const uiBefore = defer
      ? structuredClone({
          menus: ui.menus,
          sidebar: ui.sidebar,
          dialogs: ui.dialogs,
          toasts: ui.toasts,
          alerts: ui.alerts,
        })
      : undefined;
    ui.pending = null;
    let error: string | undefined;
    try {
      this.execute(fn);
    } catch (e) {
      error = failureMessage(e);
    }
    const question = ui.pending as PendingQuestion | null;
    if (question && before && uiBefore) {
      ui.pending = null;
      this.wb = this.newWorkbook(before);
      Object.assign(ui, uiBefore);
      ui.answers = [];
      return { ok: false, question };
    }
    return error === undefined ? { ok: true } : { ok: false, error };
  }

  /** console.log/info/warn/error and Logger.log: lines kept in `logs` and passed to options.log. */
  private installConsole(): void {
    const logLine = (...args: unknown[]) => {
      const line = format(...args);
      this.logs.push(line);
      this.options.log?.(line);
    };
    this.globals.console = { log: logLine, info: logLine, warn: logLine, error: logLine };
    const logger = {
      log: (...args: unknown[]) => {
        logLine(...args);
        return logger;
      },
    };
    this.globals.Logger = logger;
  }
}
