// The workbook model behind the emulated services. Cell values and formulas live in HyperFormula; everything
// else a spreadsheet keeps (grid size, formats, validations, conditional formats, protections, developer
// metadata, named ranges, properties) lives here, and moves with inserted or deleted rows and columns as in Sheets.
import { types } from 'node:util';
import {
  CellError,
  type CellValueDetailedType,
  DetailedCellError,
  ErrorType,
  HyperFormula,
} from 'hyperformula';
import { type A1Range, cellA1, formatA1, parseA1, quoteSheetName, splitSheet } from './a1';
import { ApiError } from './errors';
import {
  AUTO_DATE,
  AUTO_DATETIME,
  AUTO_PERCENT,
  AUTO_TIME,
  type CompiledFormat,
  compileFormat,
  GENERAL,
  parseInput,
  renderGeneral,
} from './formats';
import {
  dropSheetInTokens,
  isOpenEnded,
  referencedSheets,
  renameInTokens,
  render,
  type Shift,
  shiftTokens,
  type Token,
  toEngine,
  tokenize,
} from './formula';
import {
  type Address,
  builtInFunctionNames,
  clockPlugin,
  customFunctionPlugin,
  EmptyValue,
  type FunctionBridge,
  registerFunctionNames,
  sheetsCompatPlugin,
} from './functions';
import type {
  CellFormat,
  CellInput,
  MetadataState,
  ProtectionState,
  RuleState,
  SheetState,
  ValidationState,
  WorkbookState,
} from './state';
import { instantOfSerial, serialOfInstant } from './time';

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

/** An error a cell shows: the code Sheets displays (#ERROR!, #REF!, #N/A …) and the message of its tooltip. */
export interface CellErrorValue {
  error: string;
  message: string;
}
export type Computed = string | number | boolean | null | CellErrorValue;

export function isCellError(v: unknown): v is CellErrorValue {
  return typeof v === 'object' && v !== null && 'error' in v;
}

interface CellMeta {
  /** The formula exactly as written (with its leading =), on the anchor cell of an array result. */
  formula?: string;
  tokens?: Token[];
  numberFormat?: string;
  background?: string;
  fontWeight?: 'bold' | 'normal';
  fontColor?: string;
  horizontalAlignment?: 'left' | 'center' | 'right' | 'normal';
  wrap?: boolean;
  validation?: ValidationRule;
}

export interface GridRange extends A1Range {
  sheet: SheetModel;
}

export interface ValidationRule {
  criteria: string;
  values: unknown[];
  range?: GridRange;
  showDropdown?: boolean;
  allowInvalid: boolean;
  helpText?: string;
}

export interface ConditionalRule {
  ranges: GridRange[];
  criteria: string;
  values: Array<string | number>;
  background: string | null;
  fontColor: string | null;
}

export interface ProtectionModel {
  type: 'RANGE' | 'SHEET';
  sheet: SheetModel;
  range?: GridRange;
  description: string;
  warningOnly: boolean;
}

export type MetadataLocation =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheet: SheetModel }
  | { type: 'ROW' | 'COLUMN'; sheet: SheetModel; start: number; count: number };

export interface MetadataModel {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  location: MetadataLocation;
}

export interface NamedRangeModel {
  name: string;
  range: GridRange;
}

export class SheetModel {
  frozenRows = 0;
  tabColor: string | null = null;
  hidden = false;
  columnWidths: Record<number, number> = {};
  /** Sparse [row-1][column-1]. */
  meta: Array<Array<CellMeta | undefined> | undefined> = [];
  rules: ConditionalRule[] = [];
  constructor(
    readonly id: number,
    readonly hf: number,
    public name: string,
    public maxRows: number,
    public maxColumns: number,
  ) {}

  cell(row: number, column: number): CellMeta | undefined {
    return this.meta[row - 1]?.[column - 1];
  }

  cellForWrite(row: number, column: number): CellMeta {
    let r = this.meta[row - 1];
    if (!r) {
      r = [];
      this.meta[row - 1] = r;
    }
    let m = r[column - 1];
    if (!m) {
      m = {};
      r[column - 1] = m;
    }
    return m;
  }

  /** Calls fn for every cell that carries metadata, with 1-based coordinates. */
  eachCell(fn: (row: number, column: number, meta: CellMeta) => void): void {
    this.meta.forEach((r, ri) => {
      r?.forEach((m, ci) => {
        if (m) fn(ri + 1, ci + 1, m);
      });
    });
  }
}

export interface WorkbookOptions {
  id: string;
  name: string;
  timeZone: string;
  /** The emulator's clock, in ms since the epoch. */
  now: () => number;
  /** Custom functions found in the bundle, and how to call one. */
  customFunctions?: readonly string[];
  invoke?: (name: string, args: unknown[]) => unknown;
}

const HF_ERRORS: Record<string, string> = {
  DIV_BY_ZERO: '#DIV/0!',
  NA: '#N/A',
  NAME: '#NAME?',
  NUM: '#NUM!',
  REF: '#REF!',
  VALUE: '#VALUE!',
  ERROR: '#ERROR!',
  CYCLE: '#REF!',
  SPILL: '#REF!',
  LIC: '#ERROR!',
};

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Moves a 1-based span [start, start+length) for an insertion (count > 0) or deletion (count < 0) at `at`. */
function shiftSpan(start: number, length: number, at: number, count: number): [number, number] | null {
  const end = start + length - 1;
  if (count > 0) {
    if (start >= at) return [start + count, length];
    if (end >= at) return [start, length + count];
    return [start, length];
  }
  const n = -count;
  const to = at + n - 1;
  const ns = start < at ? start : start > to ? start - n : at;
  const ne = end < at ? end : end > to ? end - n : at - 1;
  if (ne < ns) return null;
  return [ns, ne - ns + 1];
}

/**
 * HyperFormula keeps every operation for undo, even with undoLimit 0, and scans them all at each compaction:
 * a 40,000-cell setValues then costs minutes. The emulator never undoes, so operations are not kept at all.
 * (Internal API of hyperformula 3.x; the emulator's tests of large writes fail loudly if it changes.)
 */
function dropUndoHistory(hf: HyperFormula): void {
  const undoRedo = (hf as unknown as { _crudOperations?: { undoRedo?: { saveOperation?: unknown } } })
    ._crudOperations?.undoRedo;
  if (!undoRedo || typeof undoRedo.saveOperation !== 'function') {
    throw new Error(
      'emulator: HyperFormula internals changed (no undoRedo.saveOperation); see dropUndoHistory',
    );
  }
  undoRedo.saveOperation = () => {};
}

export class Workbook {
  readonly hf: HyperFormula;
  readonly sheets: SheetModel[] = [];
  namedRanges: NamedRangeModel[] = [];
  protections: ProtectionModel[] = [];
  metadata: MetadataModel[] = [];
  nextMetadataId = 1;
  properties: { document: Record<string, string>; user: Record<string, string> } = { document: {}, user: {} };
  active: { sheet?: SheetModel; range?: A1Range } = {};
  readonly id: string;
  name: string;
  timeZone: string;
  readonly now: () => number;
  /** Predicted array sizes of formulas, for the #REF! message of a blocked spill. */
  private readonly predicted = new Map<string, { rows: number; columns: number }>();
  private nextGid = 0;
  private evaluatingCustomFunction = 0;

  constructor(private readonly options: WorkbookOptions) {
    this.id = options.id;
    this.name = options.name;
    this.timeZone = options.timeZone;
    this.now = options.now;
    const builtIns = builtInFunctionNames();
    const custom = (options.customFunctions ?? []).filter((n) => !builtIns.has(n));
    registerFunctionNames(custom);
    const bridge = this.bridge();
    this.hf = HyperFormula.buildEmpty({
      licenseKey: 'gpl-v3',
      functionPlugins: [
        ...HyperFormula.getAllFunctionPlugins(),
        clockPlugin(bridge),
        sheetsCompatPlugin((value, pattern) => compileFormat(pattern).renderNumber(value)),
        ...(custom.length > 0 ? [customFunctionPlugin(custom, bridge)] : []),
      ],
      // no undo history: the emulator never undoes, and HyperFormula's bookkeeping for it grows quadratically
      undoLimit: 0,
      maxRows: 200_000,
      maxColumns: 18_278,
      dateFormats: ['MM/DD/YYYY', 'YYYY-MM-DD'],
      currencySymbol: ['$'],
      useArrayArithmetic: false,
      evaluateNullToZero: false,
      // Sheets keeps full double precision (getValue of =0.1+0.2 is 0.30000000000000004); only display rounds.
      smartRounding: false,
    });
    dropUndoHistory(this.hf);
  }

  /** True while a custom function runs: Sheets gives custom functions no access to change the spreadsheet. */
  get inCustomFunction(): boolean {
    return this.evaluatingCustomFunction > 0;
  }

  private bridge(): FunctionBridge {
    return {
      argument: (value, address) => this.customFunctionArgument(value, address),
      invoke: (name, args) => {
        if (!this.options.invoke) throw new Error(`${name} has no implementation`);
        this.evaluatingCustomFunction++;
        try {
          return this.options.invoke(name, args);
        } finally {
          this.evaluatingCustomFunction--;
        }
      },
      result: (value, wrapDate) => {
        if (value === null || value === undefined) return '';
        if (types.isDate(value)) {
          const serial = serialOfInstant((value as Date).getTime(), this.timeZone);
          return wrapDate(serial, Number.isInteger(serial) ? 'date' : 'datetime');
        }
        if (typeof value === 'number') {
          return Number.isFinite(value)
            ? value
            : new CellError(ErrorType.NUM, 'The result is not a finite number.');
        }
        if (typeof value === 'string' || typeof value === 'boolean') return value;
        return String(value);
      },
      nowSerial: () => serialOfInstant(this.now(), this.timeZone),
      predicted: (address, rows, columns) => {
        this.predicted.set(`${address.sheet}:${address.row}:${address.col}`, { rows, columns });
      },
    };
  }

  // ---- sheets ----------------------------------------------------------------------------------------------

  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => sameName(s.name, name));
  }

  sheetById(id: number): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  sheetByHf(hf: number): SheetModel | undefined {
    return this.sheets.find((s) => s.hf === hf);
  }

  private checkNewName(name: string, except?: SheetModel): void {
    const other = this.sheetByName(name);
    if (other && other !== except) {
      throw new ApiError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    if (name.trim() === '') throw new ApiError('Invalid argument: sheetName');
  }

  addSheet(
    name: string,
    index = this.sheets.length,
    size: { rows?: number; columns?: number; id?: number } = {},
  ): SheetModel {
    this.checkNewName(name);
    const hfName = this.hf.addSheet(name);
    const id = size.id ?? this.newGid();
    if (size.id !== undefined) this.nextGid = Math.max(this.nextGid, size.id + 1);
    const sheet = new SheetModel(
      id,
      this.hf.getSheetId(hfName)!,
      name,
      size.rows ?? DEFAULT_ROWS,
      size.columns ?? DEFAULT_COLUMNS,
    );
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
    // Formulas that named this sheet before it existed now resolve (HyperFormula does this itself); bound their
    // open-ended ranges by the new sheet's size.
    this.resync((tokens) => referencedSheets(tokens).some((n) => sameName(n, name)));
    return sheet;
  }

  private newGid(): number {
    // Sheets: the first sheet has gid 0, later ones large numbers. Deterministic here.
    const gid = this.nextGid === 0 ? 0 : 1_000_000_000 + this.nextGid * 7919;
    this.nextGid++;
    return gid;
  }

  renameSheet(sheet: SheetModel, name: string): void {
    if (sheet.name === name) return;
    this.checkNewName(name, sheet);
    const old = sheet.name;
    this.hf.renameSheet(sheet.hf, name);
    sheet.name = name;
    this.rewriteFormulas((tokens) => renameInTokens(tokens, old, name));
    this.resync((tokens) => referencedSheets(tokens).some((n) => sameName(n, name)));
  }

  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.length <= 1) {
      throw new ApiError("You can't remove all the sheets in a document.");
    }
    this.hf.removeSheet(sheet.hf);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.rewriteFormulas((tokens) => dropSheetInTokens(tokens, sheet.name));
    this.namedRanges = this.namedRanges.filter((n) => {
      if (n.range.sheet !== sheet) return true;
      this.hf.removeNamedExpression(n.name);
      return false;
    });
    this.protections = this.protections.filter((p) => p.sheet !== sheet);
    this.metadata = this.metadata.filter((m) => !('sheet' in m.location) || m.location.sheet !== sheet);
    for (const s of this.sheets) {
      s.eachCell((_r, _c, m) => {
        if (m.validation?.range?.sheet === sheet) m.validation = undefined;
      });
    }
    if (this.active.sheet === sheet) this.active = { sheet: this.sheets[0] };
  }

  activeSheet(): SheetModel {
    if (!this.active.sheet || !this.sheets.includes(this.active.sheet)) {
      this.active = { sheet: this.sheets.find((s) => !s.hidden) ?? this.sheets[0] };
    }
    return this.active.sheet!;
  }

  // ---- ranges --------------------------------------------------------------------------------------------

  /** Parses A1 notation (optionally with a sheet name) into a range of `base` or the named sheet. */
  rangeFromA1(a1: string, base: SheetModel): GridRange {
    const { sheet: sheetName, ref } = splitSheet(a1);
    const sheet = sheetName === undefined ? base : this.sheetByName(sheetName);
    if (!sheet) throw new ApiError(`Range not found`);
    const r = parseA1(ref, sheet.maxRows, sheet.maxColumns);
    if (!r) throw new ApiError('Range not found');
    return { ...r, sheet };
  }

  a1Of(range: GridRange, withSheet = false): string {
    const a1 = formatA1(range);
    return withSheet ? `${quoteSheetName(range.sheet.name)}!${a1}` : a1;
  }

  /** The current extent of a range whose rows or columns run to the end of the sheet. */
  bounded(range: GridRange): GridRange {
    const r = { ...range };
    if (r.openRows) r.numRows = Math.max(0, r.sheet.maxRows - r.row + 1);
    if (r.openColumns) r.numColumns = Math.max(0, r.sheet.maxColumns - r.column + 1);
    return r;
  }

  // ---- cell values ---------------------------------------------------------------------------------------------

  private addr(sheet: SheetModel, row: number, column: number) {
    return { sheet: sheet.hf, row: row - 1, col: column - 1 };
  }

  /** Writes cells in one recalculation. Each write: a value from a script (setValues semantics) or a formula. */
  batch(fn: () => void): void {
    // suspendEvaluation, not hf.batch(): both recompute once at the end, but hf.batch() grows quadratically
    // with the number of cells set one by one (20,000 cells: seconds; 100,000: minutes), this stays linear.
    let failure: unknown;
    const outer = this.hf.isEvaluationSuspended();
    if (!outer) this.hf.suspendEvaluation();
    try {
      fn();
    } catch (e) {
      failure = e;
    }
    if (!outer) {
      this.hf.resumeEvaluation();
      this.respill();
    }
    if (failure) throw failure;
  }

  /** Range.setValue semantics: `=` makes a formula, strings are read as typed, Dates become date serials. */
  writeValue(sheet: SheetModel, row: number, column: number, value: unknown): void {
    if (typeof value === 'string') {
      const meta = sheet.cell(row, column);
      if (meta?.numberFormat === '@' && !value.startsWith('=')) {
        this.writeRaw(sheet, row, column, value);
        return;
      }
      const parsed = parseInput(value);
      if (parsed.kind === 'formula') {
        this.writeFormula(sheet, row, column, parsed.formula);
        return;
      }
      this.writeRaw(sheet, row, column, parsed.value, parsed.format);
      return;
    }
    if (types.isDate(value)) {
      const ms = (value as Date).getTime();
      if (Number.isNaN(ms)) {
        this.writeRaw(sheet, row, column, 'Invalid Date');
        return;
      }
      const serial = serialOfInstant(ms, this.timeZone);
      this.writeRaw(sheet, row, column, serial, Number.isInteger(serial) ? AUTO_DATE : AUTO_DATETIME);
      return;
    }
    if (value === null || value === undefined) {
      this.writeRaw(sheet, row, column, null);
      return;
    }
    if (typeof value === 'number' || typeof value === 'boolean') {
      this.writeRaw(sheet, row, column, value);
      return;
    }
    // Apps Script writes other objects as their text.
    this.writeRaw(sheet, row, column, String(value));
  }

  /** Stores a plain value; `autoFormat` applies only to a cell whose format is still General. */
  writeRaw(
    sheet: SheetModel,
    row: number,
    column: number,
    value: string | number | boolean | null,
    autoFormat?: string,
  ): void {
    const existing = sheet.cell(row, column);
    if (existing?.formula !== undefined) {
      existing.formula = undefined;
      existing.tokens = undefined;
    }
    if (autoFormat && (!existing?.numberFormat || existing.numberFormat === GENERAL)) {
      sheet.cellForWrite(row, column).numberFormat = autoFormat;
    }
    let content: string | number | boolean | null = value;
    if (typeof value === 'string') content = value === '' ? null : `'${value}`;
    this.hf.setCellContents(this.addr(sheet, row, column), content);
  }

  writeFormula(sheet: SheetModel, row: number, column: number, formula: string): void {
    const meta = sheet.cellForWrite(row, column);
    meta.formula = formula;
    meta.tokens = tokenize(formula);
    this.hf.setCellContents(this.addr(sheet, row, column), this.engineText(sheet, meta.tokens));
  }

  clearContent(range: GridRange): void {
    const r = this.bounded(range);
    // Only cells that hold something of their own: the engine's used area bounds the loop, and cells showing
    // another formula's spilled result are left to that formula (clearing them in Sheets changes nothing).
    const dims = this.hf.getSheetDimensions(r.sheet.hf);
    const lastRow = Math.min(r.row + r.numRows - 1, dims.height);
    const lastColumn = Math.min(r.column + r.numColumns - 1, dims.width);
    this.batch(() => {
      for (let row = r.row; row <= lastRow; row++) {
        for (let column = r.column; column <= lastColumn; column++) {
          const m = r.sheet.cell(row, column);
          if (m) {
            m.formula = undefined;
            m.tokens = undefined;
          }
          const addr = this.addr(r.sheet, row, column);
          const type = this.hf.getCellType(addr);
          // ARRAY marks a cell showing another formula's spill; ARRAYFORMULA is the spilling formula itself
          if (type === 'VALUE' || type === 'FORMULA' || type === 'ARRAYFORMULA')
            this.hf.setCellContents(addr, null);
        }
      }
    });
  }

  /** Removes formats and validations (not values) from a range. */
  clearFormats(range: GridRange, what: { formats?: boolean; validations?: boolean }): void {
    const r = this.bounded(range);
    for (let i = 0; i < r.numRows; i++) {
      const row = r.sheet.meta[r.row + i - 1];
      if (!row) continue;
      for (let j = 0; j < r.numColumns; j++) {
        const m = row[r.column + j - 1];
        if (!m) continue;
        if (what.formats) {
          m.numberFormat = undefined;
          m.background = undefined;
          m.fontWeight = undefined;
          m.fontColor = undefined;
          m.horizontalAlignment = undefined;
          m.wrap = undefined;
        }
        if (what.validations) m.validation = undefined;
      }
    }
  }

  private engineText(sheet: SheetModel, tokens: Token[]): string {
    const text = toEngine(tokens, (name) => {
      const target = name === undefined ? sheet : this.sheetByName(name);
      return target && { maxRows: target.maxRows, maxColumns: target.maxColumns };
    });
    // Sheets spills a formula that is just a range (=Sheet1!A1:A); HyperFormula does as an array literal {…}.
    const meaningful = tokens.filter((t) => !(t.kind === 'text' && t.text.trim() === ''));
    const [first, second] = meaningful;
    if (
      meaningful.length === 2 &&
      first?.kind === 'text' &&
      first.text.trim() === '=' &&
      second?.kind === 'ref' &&
      second.end
    ) {
      return `={${text.slice(text.indexOf('=') + 1).trim()}}`;
    }
    return text;
  }

  /** Re-sets formulas whose engine text depends on sheets that appeared, grew or were renamed. */
  private resync(affects: (tokens: Token[], own: SheetModel) => boolean): void {
    this.batch(() => {
      for (const sheet of this.sheets) {
        sheet.eachCell((row, column, m) => {
          if (m.formula === undefined || !m.tokens) return;
          if (!affects(m.tokens, sheet)) return;
          this.hf.setCellContents(this.addr(sheet, row, column), this.engineText(sheet, m.tokens));
        });
      }
    });
    this.syncNamedRanges();
  }

  private rewriteFormulas(
    change: (tokens: Token[], own: SheetModel) => { tokens: Token[]; changed: boolean },
  ): void {
    this.batch(() => {
      for (const sheet of this.sheets) {
        sheet.eachCell((row, column, m) => {
          if (m.formula === undefined || !m.tokens) return;
          const { tokens, changed } = change(m.tokens, sheet);
          if (!changed) return;
          m.tokens = tokens;
          m.formula = render(tokens);
          this.hf.setCellContents(this.addr(sheet, row, column), this.engineText(sheet, tokens));
        });
        for (const rule of sheet.rules) {
          if (rule.criteria !== 'CUSTOM_FORMULA') continue;
          const text = String(rule.values[0] ?? '');
          const { tokens, changed } = change(tokenize(text), sheet);
          if (changed) rule.values = [render(tokens)];
        }
      }
    });
  }

  /**
   * HyperFormula does not re-evaluate an array formula when the cell that blocked its spill is cleared;
   * Sheets does. Re-set every anchor still showing a spill error.
   */
  private respill(): void {
    const blocked: Array<[SheetModel, number, number, string]> = [];
    for (const sheet of this.sheets) {
      sheet.eachCell((row, column, m) => {
        if (m.formula === undefined || !m.tokens) return;
        const v = this.hf.getCellValue(this.addr(sheet, row, column));
        if (v instanceof DetailedCellError && v.type === 'SPILL') {
          blocked.push([sheet, row, column, this.engineText(sheet, m.tokens)]);
        }
      });
    }
    if (blocked.length === 0) return;
    this.hf.batch(() => {
      for (const [sheet, row, column, text] of blocked)
        this.hf.setCellContents(this.addr(sheet, row, column), text);
    });
  }

  /** The value a cell shows, before formatting. */
  computed(sheet: SheetModel, row: number, column: number): Computed {
    const v = this.hf.getCellValue(this.addr(sheet, row, column));
    if (v instanceof DetailedCellError) return this.errorOf(sheet, row, column, v);
    if (v === undefined) return null;
    return v as Computed;
  }

  private errorOf(sheet: SheetModel, row: number, column: number, e: DetailedCellError): CellErrorValue {
    const code = HF_ERRORS[e.type] ?? '#ERROR!';
    let message = e.message;
    if (e.type === 'SPILL') {
      const size = this.predicted.get(`${sheet.hf}:${row - 1}:${column - 1}`);
      const blocker = size && this.firstFilled(sheet, row, column, size.rows, size.columns);
      message = blocker
        ? `Array result was not expanded because it would overwrite data in ${blocker}.`
        : 'Array result was not expanded because it would overwrite data.';
    } else if (e.type === 'CYCLE') {
      message = 'Circular dependency detected. To resolve with iterative calculation, see File > Settings.';
    } else if (e.type === 'ERROR' && /^Parsing error/.test(message)) {
      message = 'Formula parse error.';
    } else if (e.type === 'NAME') {
      const fn = /Function name (\S+) not recognized/.exec(message);
      if (fn) message = `Unknown function: '${fn[1]}'.`;
    }
    return { error: code, message };
  }

  private firstFilled(sheet: SheetModel, row: number, column: number, rows: number, columns: number) {
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < columns; j++) {
        if (i === 0 && j === 0) continue;
        const type = this.hf.getCellType(this.addr(sheet, row + i, column + j));
        if (type !== 'EMPTY') return cellA1(row + i, column + j);
      }
    }
    return undefined;
  }

  formulaAt(sheet: SheetModel, row: number, column: number): string {
    return sheet.cell(row, column)?.formula ?? '';
  }

  /** The number format a cell has: its own, or the one Sheets picks automatically for a computed date etc. */
  effectiveFormat(sheet: SheetModel, row: number, column: number): CompiledFormat {
    const own = sheet.cell(row, column)?.numberFormat;
    if (own && own !== GENERAL) return compileFormat(own);
    const type = this.hf.getCellValueDetailedType(this.addr(sheet, row, column)) as
      | CellValueDetailedType
      | string;
    switch (type) {
      case 'NUMBER_DATE':
        return compileFormat(AUTO_DATE);
      case 'NUMBER_DATETIME':
        return compileFormat(AUTO_DATETIME);
      case 'NUMBER_TIME':
        return compileFormat(AUTO_TIME);
      case 'NUMBER_PERCENT':
        return compileFormat(AUTO_PERCENT);
      case 'NUMBER_CURRENCY':
        return compileFormat('$#,##0.00');
      default:
        return compileFormat(GENERAL);
    }
  }

  /** What getValues returns for a cell: "" for blanks, numbers, booleans, Date for date-formatted numbers. */
  scriptValue(sheet: SheetModel, row: number, column: number): string | number | boolean | Date {
    const v = this.computed(sheet, row, column);
    if (v === null) return '';
    if (isCellError(v)) return v.error;
    if (typeof v === 'number') {
      const f = this.effectiveFormat(sheet, row, column);
      if (f.kind === 'date') return new Date(instantOfSerial(v, this.timeZone));
    }
    return v;
  }

  /** What getDisplayValues returns: the value rendered with its number format. */
  displayValue(sheet: SheetModel, row: number, column: number): string {
    const v = this.computed(sheet, row, column);
    if (v === null) return '';
    if (isCellError(v)) return v.error;
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    if (typeof v === 'string') return v;
    return this.effectiveFormat(sheet, row, column).renderNumber(v);
  }

  /** A value HyperFormula computed, as Sheets hands it to a custom function. */
  private customFunctionArgument(value: unknown, address: Address | undefined): unknown {
    if (value === EmptyValue || value === null || value === undefined) return '';
    if (value && typeof value === 'object' && 'type' in value && 'message' in value) {
      const t = (value as { type: string }).type;
      return HF_ERRORS[t] ?? '#ERROR!';
    }
    let n: number | undefined;
    let isDateType = false;
    if (typeof value === 'number') n = value;
    else if (value && typeof value === 'object' && 'val' in value) {
      n = Number((value as { val: unknown }).val);
      const ctor = (value as object).constructor.name;
      isDateType = ctor === 'DateNumber' || ctor === 'DateTimeNumber' || ctor === 'TimeNumber';
    }
    if (n !== undefined) {
      const sheet = address && this.sheetByHf(address.sheet);
      const dated = sheet
        ? this.effectiveFormat(sheet, address.row + 1, address.col + 1).kind === 'date'
        : isDateType;
      return dated ? new Date(instantOfSerial(n, this.timeZone)) : n;
    }
    return value;
  }

  lastRow(sheet: SheetModel): number {
    const dims = this.hf.getSheetDimensions(sheet.hf);
    for (let r = Math.min(dims.height, sheet.maxRows); r >= 1; r--) {
      for (let c = 1; c <= Math.min(dims.width, sheet.maxColumns); c++) {
        if (this.hf.getCellType(this.addr(sheet, r, c)) !== 'EMPTY') return r;
      }
    }
    return 0;
  }

  lastColumn(sheet: SheetModel): number {
    const dims = this.hf.getSheetDimensions(sheet.hf);
    for (let c = Math.min(dims.width, sheet.maxColumns); c >= 1; c--) {
      for (let r = 1; r <= Math.min(dims.height, sheet.maxRows); r++) {
        if (this.hf.getCellType(this.addr(sheet, r, c)) !== 'EMPTY') return c;
      }
    }
    return 0;
  }

  isEmptyCell(sheet: SheetModel, row: number, column: number): boolean {
    return this.hf.getCellType(this.addr(sheet, row, column)) === 'EMPTY';
  }

  // ---- structure -------------------------------------------------------------------------------------------

  /** Inserts (count > 0) or deletes (count < 0) rows or columns at `at` (1-based), as Sheets does. */
  restructure(sheet: SheetModel, dimension: 'row' | 'column', at: number, count: number): void {
    if (count === 0) return;
    const index: [number, number] = [at - 1, Math.abs(count)];
    if (dimension === 'row') {
      if (count > 0) this.hf.addRows(sheet.hf, index);
      else this.hf.removeRows(sheet.hf, index);
      if (count > 0) sheet.meta.splice(at - 1, 0, ...new Array<undefined>(count));
      else sheet.meta.splice(at - 1, -count);
      sheet.maxRows += count;
    } else {
      if (count > 0) this.hf.addColumns(sheet.hf, index);
      else this.hf.removeColumns(sheet.hf, index);
      for (const row of sheet.meta) {
        if (!row) continue;
        if (count > 0) {
          if (row.length >= at - 1) row.splice(at - 1, 0, ...new Array<undefined>(count));
        } else row.splice(at - 1, -count);
      }
      const widths: Record<number, number> = {};
      for (const [k, w] of Object.entries(sheet.columnWidths)) {
        const span = shiftSpan(Number(k), 1, at, count);
        if (span) widths[span[0]] = w;
      }
      sheet.columnWidths = widths;
      sheet.maxColumns += count;
    }
    const shift: Shift = { sheet: sheet.name, dimension, at, count };
    // Formulas: shift references to this sheet; bound open-ended ranges by the new size.
    this.rewriteFormulas((tokens, own) => {
      const r = shiftTokens(tokens, own.name, shift);
      const open = r.tokens.some(
        (t) => t.kind === 'ref' && isOpenEnded(t) && sameName(t.sheet ?? own.name, sheet.name),
      );
      return { tokens: r.tokens, changed: r.changed || open };
    });
    const move = (range: GridRange): GridRange | null => this.shiftRange(range, sheet, dimension, at, count);
    for (const s of this.sheets) {
      s.rules = s.rules
        .map((rule) => ({ ...rule, ranges: rule.ranges.map(move).filter((r): r is GridRange => r !== null) }))
        .filter((rule) => rule.ranges.length > 0);
      s.eachCell((_r, _c, m) => {
        if (m.validation?.range) {
          const moved = move(m.validation.range);
          if (moved) m.validation.range = moved;
        }
      });
    }
    this.namedRanges = this.namedRanges.filter((n) => {
      const moved = move(n.range);
      if (!moved) {
        this.hf.removeNamedExpression(n.name);
        return false;
      }
      n.range = moved;
      return true;
    });
    this.protections = this.protections.filter((p) => {
      if (!p.range) return true;
      const moved = move(p.range);
      if (moved) p.range = moved;
      return moved !== null;
    });
    this.metadata = this.metadata.filter((m) => {
      const loc = m.location;
      if (loc.type !== 'ROW' && loc.type !== 'COLUMN') return true;
      if (loc.sheet !== sheet || (loc.type === 'ROW') !== (dimension === 'row')) return true;
      const span = shiftSpan(loc.start, loc.count, at, count);
      if (!span) return false;
      m.location = { ...loc, start: span[0], count: span[1] };
      return true;
    });
    if (this.active.range && this.active.sheet === sheet) {
      const moved = move({ ...this.active.range, sheet });
      this.active.range = moved ?? undefined;
    }
    this.syncNamedRanges();
    this.respill();
  }

  private shiftRange(
    range: GridRange,
    sheet: SheetModel,
    dimension: 'row' | 'column',
    at: number,
    count: number,
  ): GridRange | null {
    if (range.sheet !== sheet) return range;
    if (dimension === 'row') {
      if (range.wholeColumns) return { ...range, numRows: sheet.maxRows };
      const span = shiftSpan(range.row, range.numRows, at, count);
      if (!span) return null;
      const r = { ...range, row: span[0], numRows: span[1] };
      return range.openRows ? this.bounded(r) : r;
    }
    if (range.wholeRows) return { ...range, numColumns: sheet.maxColumns };
    const span = shiftSpan(range.column, range.numColumns, at, count);
    if (!span) return null;
    const r = { ...range, column: span[0], numColumns: span[1] };
    return range.openColumns ? this.bounded(r) : r;
  }

  // ---- named ranges ----------------------------------------------------------------------------------------

  private namedExpression(range: GridRange): string {
    const r = this.bounded(range);
    const a1 = formatA1({ row: r.row, column: r.column, numRows: r.numRows, numColumns: r.numColumns });
    const abs = a1.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
    return `=${quoteSheetName(r.sheet.name)}!${abs}`;
  }

  setNamedRange(name: string, range: GridRange): void {
    const existing = this.namedRanges.find((n) => sameName(n.name, name));
    if (existing) {
      existing.range = range;
      this.hf.changeNamedExpression(existing.name, this.namedExpression(range));
      return;
    }
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) || !this.hf.isItPossibleToAddNamedExpression(name, '=1')) {
      throw new ApiError(`Invalid name: ${name}`);
    }
    this.hf.addNamedExpression(name, this.namedExpression(range));
    this.namedRanges.push({ name, range });
  }

  removeNamedRange(name: string): void {
    const existing = this.namedRanges.find((n) => sameName(n.name, name));
    if (!existing) throw new ApiError(`Named range "${name}" does not exist.`);
    this.hf.removeNamedExpression(existing.name);
    this.namedRanges.splice(this.namedRanges.indexOf(existing), 1);
  }

  private syncNamedRanges(): void {
    for (const n of this.namedRanges) {
      const text = this.namedExpression(n.range);
      if (this.hf.getNamedExpressionFormula(n.name) !== text) this.hf.changeNamedExpression(n.name, text);
    }
  }

  // ---- state -------------------------------------------------------------------------------------------------

  toState(): WorkbookState {
    return {
      version: 1,
      id: this.id,
      name: this.name,
      timeZone: this.timeZone,
      sheets: this.sheets.map((s) => this.sheetState(s)),
      namedRanges: this.namedRanges.map((n) => ({
        name: n.name,
        sheet: n.range.sheet.id,
        a1: this.a1Of(n.range),
      })),
      protections: this.protections.map(
        (p): ProtectionState => ({
          type: p.type,
          sheet: p.sheet.id,
          ...(p.range ? { a1: this.a1Of(p.range) } : {}),
          description: p.description,
          warningOnly: p.warningOnly,
        }),
      ),
      metadata: this.metadata.map(
        (m): MetadataState => ({
          id: m.id,
          key: m.key,
          value: m.value,
          visibility: m.visibility,
          location:
            m.location.type === 'SPREADSHEET'
              ? { type: 'SPREADSHEET' }
              : m.location.type === 'SHEET'
                ? { type: 'SHEET', sheet: m.location.sheet.id }
                : {
                    type: m.location.type,
                    sheet: m.location.sheet.id,
                    start: m.location.start,
                    count: m.location.count,
                  },
        }),
      ),
      nextMetadataId: this.nextMetadataId,
      properties: { document: { ...this.properties.document }, user: { ...this.properties.user } },
      active: this.active.sheet
        ? {
            sheet: this.active.sheet.id,
            ...(this.active.range ? { a1: formatA1(this.active.range) } : {}),
          }
        : undefined,
    };
  }

  private sheetState(s: SheetModel): SheetState {
    const cells: Record<string, CellInput> = {};
    const dims = this.hf.getSheetDimensions(s.hf);
    for (let r = 1; r <= dims.height; r++) {
      for (let c = 1; c <= dims.width; c++) {
        const meta = s.cell(r, c);
        if (meta?.formula !== undefined) {
          cells[cellA1(r, c)] = meta.formula;
          continue;
        }
        const addr = this.addr(s, r, c);
        if (this.hf.getCellType(addr) !== 'VALUE') continue;
        const v = this.hf.getCellValue(addr);
        if (typeof v === 'string') cells[cellA1(r, c)] = v.startsWith('=') || v.startsWith("'") ? `'${v}` : v;
        else if (typeof v === 'number' || typeof v === 'boolean') cells[cellA1(r, c)] = v;
      }
    }
    const formats: Record<string, CellFormat> = {};
    s.eachCell((r, c, m) => {
      const f: CellFormat = {};
      if (m.numberFormat !== undefined) f.numberFormat = m.numberFormat;
      if (m.background !== undefined) f.background = m.background;
      if (m.fontWeight !== undefined) f.fontWeight = m.fontWeight;
      if (m.fontColor !== undefined) f.fontColor = m.fontColor;
      if (m.horizontalAlignment !== undefined) f.horizontalAlignment = m.horizontalAlignment;
      if (m.wrap !== undefined) f.wrap = m.wrap;
      if (m.validation) f.validation = this.validationState(m.validation);
      if (Object.keys(f).length > 0) formats[cellA1(r, c)] = f;
    });
    return {
      name: s.name,
      id: s.id,
      maxRows: s.maxRows,
      maxColumns: s.maxColumns,
      frozenRows: s.frozenRows,
      ...(s.tabColor ? { tabColor: s.tabColor } : {}),
      ...(s.hidden ? { hidden: true } : {}),
      ...(Object.keys(s.columnWidths).length > 0
        ? { columnWidths: Object.fromEntries(Object.entries(s.columnWidths).map(([k, v]) => [k, v])) }
        : {}),
      cells,
      formats,
      conditionalFormats: s.rules.map(
        (rule): RuleState => ({
          ranges: rule.ranges.map((r) => this.a1Of(r)),
          criteria: rule.criteria,
          values: rule.values,
          background: rule.background,
          fontColor: rule.fontColor,
        }),
      ),
    };
  }

  private validationState(v: ValidationRule): ValidationState {
    return {
      criteria: v.criteria,
      values: v.criteria === 'VALUE_IN_RANGE' ? [] : v.values.map((x) => (types.isDate(x) ? String(x) : x)),
      ...(v.range ? { range: this.a1Of(v.range, true) } : {}),
      ...(v.showDropdown !== undefined ? { showDropdown: v.showDropdown } : {}),
      allowInvalid: v.allowInvalid,
      ...(v.helpText !== undefined ? { helpText: v.helpText } : {}),
    };
  }

  private applyFormats(sheet: SheetModel, s: SheetState): void {
    for (const [a1, f] of Object.entries(s.formats ?? {})) {
      const r = this.rangeFromA1(a1, sheet);
      const m = sheet.cellForWrite(r.row, r.column);
      if (f.numberFormat !== undefined) {
        compileFormat(f.numberFormat);
        m.numberFormat = f.numberFormat;
      }
      if (f.background !== undefined) m.background = f.background;
      if (f.fontWeight !== undefined) m.fontWeight = f.fontWeight;
      if (f.fontColor !== undefined) m.fontColor = f.fontColor;
      if (f.horizontalAlignment !== undefined) m.horizontalAlignment = f.horizontalAlignment;
      if (f.wrap !== undefined) m.wrap = f.wrap;
      if (f.validation) m.validation = this.validationFromState(f.validation, sheet);
    }
    sheet.rules = (s.conditionalFormats ?? []).map((rule) => ({
      ranges: rule.ranges.map((a1) => this.rangeFromA1(a1, sheet)),
      criteria: rule.criteria,
      values: rule.values,
      background: rule.background ?? null,
      fontColor: rule.fontColor ?? null,
    }));
  }

  private writeCells(sheet: SheetModel, s: SheetState): void {
    for (const [a1, v] of Object.entries(s.cells)) {
      const r = this.rangeFromA1(a1, sheet);
      if (r.row > sheet.maxRows || r.column > sheet.maxColumns) {
        throw new Error(
          `cell ${a1} of sheet "${s.name}" lies outside its ${sheet.maxRows}×${sheet.maxColumns} grid`,
        );
      }
      if (typeof v === 'string' && v.startsWith('=')) this.writeFormula(sheet, r.row, r.column, v);
      else if (typeof v === 'string')
        this.writeRaw(sheet, r.row, r.column, v.startsWith("'") ? v.slice(1) : v);
      else this.writeRaw(sheet, r.row, r.column, v);
    }
  }

  /**
   * Sheet.copyTo(this spreadsheet), as Sheets does it: a new last tab named "Copy of <name>" with the same cells
   * (formulas as written: unqualified references now read the copy, references naming another sheet still read
   * it), formats, data validation, conditional formats, grid size, frozen rows and column widths. Protections,
   * named ranges and developer metadata stay with the original.
   */
  copySheet(source: SheetModel): SheetModel {
    const st = this.sheetState(source);
    let name = `Copy of ${source.name}`;
    for (let n = 2; this.sheetByName(name); n++) name = `Copy of ${source.name} ${n}`;
    const sheet = this.addSheet(name, this.sheets.length, { rows: st.maxRows, columns: st.maxColumns });
    sheet.frozenRows = st.frozenRows;
    sheet.tabColor = st.tabColor ?? null;
    for (const [k, w] of Object.entries(st.columnWidths ?? {})) sheet.columnWidths[Number(k)] = w;
    this.applyFormats(sheet, st);
    this.batch(() => this.writeCells(sheet, st));
    return sheet;
  }

  /** Loads a state into this (empty) workbook. */
  loadState(state: WorkbookState): void {
    if (this.sheets.length > 0) throw new Error('loadState needs an empty workbook');
    this.name = state.name;
    this.timeZone = state.timeZone;
    for (const s of state.sheets) {
      const sheet = this.addSheet(s.name, this.sheets.length, {
        rows: s.maxRows,
        columns: s.maxColumns,
        id: s.id,
      });
      sheet.frozenRows = s.frozenRows;
      sheet.tabColor = s.tabColor ?? null;
      sheet.hidden = s.hidden ?? false;
      for (const [k, w] of Object.entries(s.columnWidths ?? {})) sheet.columnWidths[Number(k)] = w;
    }
    // Formats first (a value's display depends on them), then cells in one recalculation.
    state.sheets.forEach((s, i) => {
      this.applyFormats(this.sheets[i]!, s);
    });
    this.batch(() => {
      state.sheets.forEach((s, i) => {
        this.writeCells(this.sheets[i]!, s);
      });
    });
    const byId = (id: number) => {
      const s = this.sheetById(id);
      if (!s) throw new Error(`unknown sheet id ${id}`);
      return s;
    };
    for (const n of state.namedRanges) this.setNamedRange(n.name, this.rangeFromA1(n.a1, byId(n.sheet)));
    this.protections = state.protections.map((p) => {
      const sheet = byId(p.sheet);
      return {
        type: p.type,
        sheet,
        ...(p.a1 ? { range: this.rangeFromA1(p.a1, sheet) } : {}),
        description: p.description,
        warningOnly: p.warningOnly,
      };
    });
    this.metadata = state.metadata.map((m) => ({
      id: m.id,
      key: m.key,
      value: m.value,
      visibility: m.visibility,
      location:
        m.location.type === 'SPREADSHEET'
          ? { type: 'SPREADSHEET' }
          : m.location.type === 'SHEET'
            ? { type: 'SHEET', sheet: byId(m.location.sheet) }
            : {
                type: m.location.type,
                sheet: byId(m.location.sheet),
                start: m.location.start,
                count: m.location.count,
              },
    }));
    this.nextMetadataId = state.nextMetadataId ?? Math.max(0, ...this.metadata.map((m) => m.id)) + 1;
    this.properties = { document: { ...state.properties.document }, user: { ...state.properties.user } };
    if (state.active) {
      const sheet = this.sheetById(state.active.sheet);
      if (sheet) {
        this.active = { sheet };
        if (state.active.a1) {
          const { sheet: _s, ...range } = this.rangeFromA1(state.active.a1, sheet);
          this.active.range = range;
        }
      }
    }
  }

  private validationFromState(v: ValidationState, sheet: SheetModel): ValidationRule {
    return {
      criteria: v.criteria,
      values: v.values,
      ...(v.range ? { range: this.rangeFromA1(v.range, sheet) } : {}),
      ...(v.showDropdown !== undefined ? { showDropdown: v.showDropdown } : {}),
      allowInvalid: v.allowInvalid,
      ...(v.helpText !== undefined ? { helpText: v.helpText } : {}),
    };
  }

  /** A cell's stored input as a user would see it in the formula bar (formula, or value as typed). */
  inputText(sheet: SheetModel, row: number, column: number): string {
    const f = this.formulaAt(sheet, row, column);
    if (f) return f;
    const addr = this.addr(sheet, row, column);
    if (this.hf.getCellType(addr) !== 'VALUE') return '';
    const v = this.hf.getCellValue(addr);
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    if (typeof v === 'number') {
      const f2 = this.effectiveFormat(sheet, row, column);
      if (f2.kind === 'date') {
        const pattern = f2.hasTime ? (f2.hasDate ? 'yyyy-mm-dd H:mm:ss' : AUTO_TIME) : 'yyyy-mm-dd';
        return compileFormat(pattern).renderNumber(v);
      }
      if (f2.pattern.includes('%')) return `${renderGeneral(Number((v * 100).toPrecision(15)))}%`;
      return renderGeneral(v);
    }
    if (typeof v === 'string') {
      const reread = parseInput(v);
      return reread.kind === 'formula' || typeof reread.value !== 'string' || v.startsWith("'") ? `'${v}` : v;
    }
    return '';
  }
}
