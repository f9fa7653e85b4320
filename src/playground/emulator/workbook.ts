// The workbook behind the emulated services: its sheets (model.ts) and the HyperFormula engine that holds their
// values and formulas (engine.ts), kept in step, and its locale. Here: adding, renaming and deleting sheets,
// ranges by A1, writing cells as setValue(s)/setFormula(s) and clearing do (text and formulas read in the
// spreadsheet's locale: input.ts, formula-locale.ts), keeping the engine's copy of each formula in step with the
// sheets' names and sizes, and named ranges. Reading cells is cells.ts, inserting and deleting rows and columns
// structure.ts, the workbook as JSON state.ts.
import { types } from 'node:util';
import { DetailedCellError, type HyperFormula } from 'hyperformula';
import { type LocaleRules, localeRules } from '../../core/locale';
import { type A1Range, formatA1, parseA1, quoteSheetName, splitSheet } from './a1';
import { customFunctionArgument, customFunctionResult } from './cells';
import { createEngine } from './engine';
import { ApiError } from './errors';
import { compileFormat, GENERAL } from './formats';
import {
  dropSheetInTokens,
  referencedSheets,
  renameInTokens,
  render,
  type Token,
  toEngine,
  tokenize,
} from './formula';
import { readFormula } from './formula-locale';
import type { FunctionBridge } from './functions';
import { parseInput } from './input';
import { checkGrowth } from './limits';
import { LoadingCells } from './loading';
import { acceptedLocale, autoDatePattern, autoDateTimePattern, DEFAULT_LOCALE } from './locale';
import {
  DEFAULT_COLUMNS,
  DEFAULT_ROWS,
  type GridRange,
  hfAddress,
  type MetadataModel,
  type NamedRangeModel,
  type ProtectionModel,
  SheetModel,
  sameName,
} from './model';
import { serialOfInstant } from './time';

export interface WorkbookOptions {
  id: string;
  name: string;
  timeZone: string;
  /** The spreadsheet's locale id (default en_US). */
  locale?: string;
  /** Which custom-function cells read "Loading..." during an execution (loading.ts); default: never. */
  loading?: LoadingCells;
  /** The emulator's clock, in ms since the epoch. */
  now: () => number;
  /** Custom functions found in the bundle, and how to call one. */
  customFunctions?: readonly string[];
  invoke?: (name: string, args: unknown[]) => unknown;
}

/** A formula HyperFormula cannot parse: what the engine holds for one that does not parse in the locale. */
const UNPARSABLE = '=(';

export class Workbook {
  readonly hf: HyperFormula;
  readonly sheets: SheetModel[] = [];
  namedRanges: NamedRangeModel[] = [];
  protections: ProtectionModel[] = [];
  metadata: MetadataModel[] = [];
  nextMetadataId = 1;
  /** The next embedded chart's ID (chart-model.ts): IDs are never reused in a spreadsheet. */
  nextChartId = 1;
  properties: { document: Record<string, string>; user: Record<string, string> } = { document: {}, user: {} };
  active: { sheet?: SheetModel; range?: A1Range } = {};
  readonly id: string;
  name: string;
  timeZone: string;
  readonly now: () => number;
  readonly loading: LoadingCells;
  private localeId = DEFAULT_LOCALE;
  private localeRulesOf: LocaleRules = localeRules(DEFAULT_LOCALE);
  /** Predicted array sizes of formulas by engine address, for the #REF! message of a blocked spill. */
  readonly predictedSpills = new Map<string, { rows: number; columns: number }>();
  private nextGid = 0;
  private evaluatingCustomFunction = 0;

  constructor(private readonly options: WorkbookOptions) {
    this.id = options.id;
    this.name = options.name;
    this.timeZone = options.timeZone;
    this.now = options.now;
    this.loading = options.loading ?? new LoadingCells(false);
    this.setLocale(options.locale ?? DEFAULT_LOCALE);
    this.hf = createEngine(options.customFunctions ?? [], this.bridge());
  }

  // ---- locale ----------------------------------------------------------------------------------------------

  /** The spreadsheet's locale id, as getSpreadsheetLocale returns it. */
  get locale(): string {
    return this.localeId;
  }

  /** The rules of the spreadsheet's locale (core/locale.ts): how typed text and formulas read, how numbers show. */
  get rules(): LocaleRules {
    return this.localeRulesOf;
  }

  /**
   * Changes the locale (File › Settings, setSpreadsheetLocale): formulas keep their meaning and show in the new
   * locale; values keep theirs and display in it. An id of no locale Sheets offers is refused.
   */
  setLocale(id: string): void {
    const accepted = acceptedLocale(id);
    // ours: Apps Script's message for a locale it does not offer is undocumented
    if (accepted === undefined) throw new ApiError(`Invalid argument: locale (${String(id)})`);
    this.localeId = accepted;
    this.localeRulesOf = localeRules(accepted);
  }

  /** True while a custom function runs: Sheets gives custom functions no access to change the spreadsheet. */
  get inCustomFunction(): boolean {
    return this.evaluatingCustomFunction > 0;
  }

  private bridge(): FunctionBridge {
    return {
      argument: (value, address) => customFunctionArgument(this, value, address),
      invoke: (name, args) => {
        if (!this.options.invoke) throw new Error(`${name} has no implementation`);
        this.evaluatingCustomFunction++;
        try {
          return this.options.invoke(name, args);
        } finally {
          this.evaluatingCustomFunction--;
        }
      },
      result: (value, wrapDate) => customFunctionResult(value, this.timeZone, wrapDate),
      nowSerial: () => serialOfInstant(this.now(), this.timeZone),
      predicted: (address, rows, columns) => {
        this.predictedSpills.set(`${address.sheet}:${address.row}:${address.col}`, { rows, columns });
      },
      evaluated: (address) => this.loading.evaluated(address),
      text: (value, pattern) => compileFormat(pattern, this.rules).renderNumber(value),
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
    const rows = size.rows ?? DEFAULT_ROWS;
    const columns = size.columns ?? DEFAULT_COLUMNS;
    checkGrowth(this, { cells: rows * columns, columns });
    const hfName = this.hf.addSheet(name);
    const id = size.id ?? this.newGid();
    if (size.id !== undefined) this.nextGid = Math.max(this.nextGid, size.id + 1);
    const sheet = new SheetModel(id, this.hf.getSheetId(hfName)!, name, rows, columns);
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
      const parsed = parseInput(value, this.rules);
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
      const format = Number.isInteger(serial) ? autoDatePattern(this.rules) : autoDateTimePattern(this.rules);
      this.writeRaw(sheet, row, column, serial, format);
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
      existing.unparsed = undefined;
      existing.tokens = undefined;
    }
    if (autoFormat && (!existing?.numberFormat || existing.numberFormat === GENERAL)) {
      sheet.cellForWrite(row, column).numberFormat = autoFormat;
    }
    let content: string | number | boolean | null = value;
    if (typeof value === 'string') content = value === '' ? null : `'${value}`;
    this.hf.setCellContents(hfAddress(sheet, row, column), content);
  }

  /** A formula as written in the spreadsheet's locale (typed, setFormula, setValues, a saved state). */
  writeFormula(sheet: SheetModel, row: number, column: number, formula: string): void {
    const canonical = readFormula(formula, this.rules);
    if (canonical === undefined) {
      const meta = sheet.cellForWrite(row, column);
      meta.formula = formula;
      meta.unparsed = true;
      meta.tokens = undefined;
      // Sheets shows #ERROR! "Formula parse error."; the engine gets a formula that fails to parse
      this.hf.setCellContents(hfAddress(sheet, row, column), UNPARSABLE);
      return;
    }
    this.writeCanonicalFormula(sheet, row, column, canonical);
  }

  /** A formula already in the canonical syntax (formula-locale.ts). */
  writeCanonicalFormula(sheet: SheetModel, row: number, column: number, canonical: string): void {
    const meta = sheet.cellForWrite(row, column);
    meta.formula = canonical;
    meta.unparsed = undefined;
    meta.tokens = tokenize(canonical);
    this.hf.setCellContents(hfAddress(sheet, row, column), this.engineText(sheet, meta.tokens));
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
            m.unparsed = undefined;
            m.tokens = undefined;
          }
          const addr = hfAddress(r.sheet, row, column);
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
          this.hf.setCellContents(hfAddress(sheet, row, column), this.engineText(sheet, m.tokens));
        });
      }
    });
    this.syncNamedRanges();
  }

  /** Rewrites formulas (and conditional-format formulas) whose references `change` moves or renames. */
  rewriteFormulas(change: (tokens: Token[], own: SheetModel) => { tokens: Token[]; changed: boolean }): void {
    this.batch(() => {
      for (const sheet of this.sheets) {
        sheet.eachCell((row, column, m) => {
          if (m.formula === undefined || !m.tokens) return;
          const { tokens, changed } = change(m.tokens, sheet);
          if (!changed) return;
          m.tokens = tokens;
          m.formula = render(tokens);
          this.hf.setCellContents(hfAddress(sheet, row, column), this.engineText(sheet, tokens));
        });
        for (const rule of sheet.rules) {
          if (rule.criteria !== 'CUSTOM_FORMULA' || rule.unparsed) continue;
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
  respill(): void {
    const blocked: Array<[SheetModel, number, number, string]> = [];
    for (const sheet of this.sheets) {
      sheet.eachCell((row, column, m) => {
        if (m.formula === undefined || !m.tokens) return;
        const v = this.hf.getCellValue(hfAddress(sheet, row, column));
        if (v instanceof DetailedCellError && v.type === 'SPILL') {
          blocked.push([sheet, row, column, this.engineText(sheet, m.tokens)]);
        }
      });
    }
    if (blocked.length === 0) return;
    this.hf.batch(() => {
      for (const [sheet, row, column, text] of blocked)
        this.hf.setCellContents(hfAddress(sheet, row, column), text);
    });
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

  /** Re-points the engine's named expressions at their ranges' current extent. */
  syncNamedRanges(): void {
    for (const n of this.namedRanges) {
      const text = this.namedExpression(n.range);
      if (this.hf.getNamedExpressionFormula(n.name) !== text) this.hf.changeNamedExpression(n.name, text);
    }
  }
}
