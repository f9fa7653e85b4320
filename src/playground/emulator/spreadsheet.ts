// SpreadsheetApp and the objects it hands out, over the Workbook model. Each class implements the slice
// interface from src/server/gas.ts (so the compiler lists what the add-on may call) and reproduces Apps Script's
// behaviour and messages where the add-on can notice them.
import type * as Gas from '../../server/gas';
import { type A1Range, formatA1, parseA1, splitSheet } from './a1';
import { normalizeColor } from './colors';
import {
  asEnum,
  BooleanCriteria,
  DataValidationCriteria,
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  enumName,
  isEnumValue,
  ProtectionType,
} from './enums';
import { ApiError, NotEmulated, OUTSIDE_SHEET } from './errors';
import { compileFormat, GENERAL } from './formats';
import { offsetRelative, render, tokenize } from './formula';
import type { EmuUi } from './ui';
import type {
  ConditionalRule,
  GridRange,
  MetadataLocation,
  MetadataModel,
  ProtectionModel,
  SheetModel,
  ValidationRule,
  Workbook,
} from './workbook';

/** What every emulated spreadsheet object shares. */
export interface Ctx {
  wb: Workbook;
  ui: EmuUi;
  /** Records a toast (Spreadsheet.toast). */
  toast(message: string, title: string, timeoutSeconds: number | null): void;
}

type Value = unknown;

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `${v.length > 0 ? describeType(v[0]) : 'Object'}[]`;
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  if (v === undefined) return 'undefined';
  return 'Object';
}

/** Apps Script's complaint when arguments do not fit any overload of a method. */
function signatureError(method: string, args: unknown[]): ApiError {
  return new ApiError(
    `The parameters (${args.map(describeType).join(',')}) don't match the method signature for SpreadsheetApp.${method}.`,
  );
}

function checkBounds(
  sheet: SheetModel,
  row: number,
  column: number,
  numRows: number,
  numColumns: number,
): void {
  if (row < 1) throw new ApiError('The starting row of the range is too small.');
  if (column < 1) throw new ApiError('The starting column of the range is too small.');
  if (numRows < 1) throw new ApiError('The number of rows in the range must be at least 1.');
  if (numColumns < 1) throw new ApiError('The number of columns in the range must be at least 1.');
  if (row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns) {
    throw new ApiError(OUTSIDE_SHEET);
  }
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Overloads of addDeveloperMetadata: (key), (key, visibility), (key, value), (key, value, visibility). */
function metadataArgs(args: unknown[]): {
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
} {
  const [key, second, third] = args;
  if (typeof key !== 'string') throw signatureError('Range.addDeveloperMetadata', args);
  if (isEnumValue(second, 'DeveloperMetadataVisibility')) {
    return { key, value: null, visibility: enumName(second) as 'DOCUMENT' | 'PROJECT' };
  }
  const visibility = third === undefined ? 'DOCUMENT' : (enumName(third) as 'DOCUMENT' | 'PROJECT');
  return { key, value: second === undefined ? null : String(second), visibility };
}

function addMetadata(ctx: Ctx, args: unknown[], location: MetadataLocation): void {
  const { key, value, visibility } = metadataArgs(args);
  ctx.wb.metadata.push({ id: ctx.wb.nextMetadataId++, key, value, visibility, location });
}

/** Row/column span of a range that covers whole columns (all rows) or whole rows (all columns). */
function wholeSpan(wb: Workbook, range: GridRange): MetadataLocation | undefined {
  const r = wb.bounded(range);
  if (r.row === 1 && r.numRows === r.sheet.maxRows) {
    return { type: 'COLUMN', sheet: r.sheet, start: r.column, count: r.numColumns };
  }
  if (r.column === 1 && r.numColumns === r.sheet.maxColumns) {
    return { type: 'ROW', sheet: r.sheet, start: r.row, count: r.numRows };
  }
  return undefined;
}

// ---- SpreadsheetApp -------------------------------------------------------------------------------------------

export class EmuSpreadsheetApp implements Gas.SpreadsheetAppSlice {
  readonly gasClass = 'SpreadsheetApp';
  readonly ProtectionType = asEnum<Gas.SpreadsheetAppSlice['ProtectionType']>(ProtectionType);
  readonly DeveloperMetadataVisibility =
    asEnum<Gas.SpreadsheetAppSlice['DeveloperMetadataVisibility']>(DeveloperMetadataVisibility);
  readonly DeveloperMetadataLocationType = asEnum<Gas.SpreadsheetAppSlice['DeveloperMetadataLocationType']>(
    DeveloperMetadataLocationType,
  );
  readonly DataValidationCriteria =
    asEnum<Gas.SpreadsheetAppSlice['DataValidationCriteria']>(DataValidationCriteria);
  readonly BooleanCriteria = asEnum<Gas.SpreadsheetAppSlice['BooleanCriteria']>(BooleanCriteria);
  private readonly spreadsheet: EmuSpreadsheet;

  constructor(private readonly ctx: Ctx) {
    this.spreadsheet = new EmuSpreadsheet(ctx);
  }

  flush(): void {}
  getActive(): EmuSpreadsheet {
    return this.spreadsheet;
  }
  getActiveSpreadsheet(): EmuSpreadsheet {
    return this.spreadsheet;
  }
  getActiveSheet(): EmuSheet {
    return this.spreadsheet.getActiveSheet();
  }
  getActiveRange(): EmuRange {
    return this.spreadsheet.getActiveRange();
  }
  getUi(): EmuUi {
    return this.ctx.ui;
  }
  newDataValidation(): EmuDataValidationBuilder {
    return new EmuDataValidationBuilder(this.ctx);
  }
  newConditionalFormatRule(): EmuConditionalFormatRuleBuilder {
    return new EmuConditionalFormatRuleBuilder(this.ctx);
  }
}

// ---- Spreadsheet -----------------------------------------------------------------------------------------------

export class EmuSpreadsheet implements Gas.Spreadsheet {
  readonly gasClass = 'Spreadsheet';
  constructor(private readonly ctx: Ctx) {}

  private get wb(): Workbook {
    return this.ctx.wb;
  }

  getName(): string {
    return this.wb.name;
  }
  getId(): string {
    return this.wb.id;
  }
  getSpreadsheetTimeZone(): string {
    return this.wb.timeZone;
  }
  getSheets(): EmuSheet[] {
    return this.wb.sheets.map((s) => new EmuSheet(this.ctx, s));
  }
  getSheetByName(name: string): EmuSheet | null {
    const s = this.wb.sheetByName(String(name));
    return s ? new EmuSheet(this.ctx, s) : null;
  } /** The sheet with this ID (IDs survive renames and moves), or null. */
  getSheetById(id: number): EmuSheet | null {
    const model = this.wb.sheets.find((sh) => sh.id === id);
    return model ? new EmuSheet(this.ctx, model) : null;
  }

  insertSheet(sheetName: string, sheetIndex?: number): EmuSheet;
  insertSheet(...args: unknown[]): EmuSheet {
    let [name, index] = args;
    if (typeof name === 'number' || name === undefined) {
      index = name;
      let n = this.wb.sheets.length + 1;
      while (this.wb.sheetByName(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (typeof name !== 'string' || (index !== undefined && !isInt(index))) {
      if (typeof index === 'object' || typeof name === 'object')
        throw new NotEmulated('Spreadsheet.insertSheet(options)');
      throw signatureError('Spreadsheet.insertSheet', args);
    }
    const sheet = this.wb.addSheet(name, index === undefined ? this.wb.sheets.length : index);
    this.wb.active = { sheet };
    return new EmuSheet(this.ctx, sheet);
  }

  deleteSheet(sheet: Gas.Sheet): void {
    this.wb.deleteSheet(toModel(sheet));
  }
  getActiveSheet(): EmuSheet {
    return new EmuSheet(this.ctx, this.wb.activeSheet());
  }
  setActiveSheet(sheet: Gas.Sheet): EmuSheet {
    const model = toModel(sheet);
    this.wb.active = { sheet: model };
    return new EmuSheet(this.ctx, model);
  }
  /** Moves the active sheet to a 1-based tab position, as Sheets does. */
  moveActiveSheet(pos: number): void {
    const n = this.wb.sheets.length;
    if (!Number.isInteger(pos) || pos < 1 || pos > n) {
      throw new ApiError(
        `Exception: The parameters (number) don't match the method signature for Spreadsheet.moveActiveSheet.`,
      );
    }
    const model = this.wb.activeSheet();
    const from = this.wb.sheets.indexOf(model);
    this.wb.sheets.splice(from, 1);
    this.wb.sheets.splice(pos - 1, 0, model);
  }
  getActiveRange(): EmuRange {
    const sheet = this.wb.activeSheet();
    const range: A1Range = this.wb.active.range ?? { row: 1, column: 1, numRows: 1, numColumns: 1 };
    return new EmuRange(this.ctx, { ...range, sheet });
  }
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.ctx.toast(String(msg), title === undefined ? '' : String(title), timeoutSeconds ?? null);
  }
  getRange(a1Notation: string): EmuRange {
    if (typeof a1Notation !== 'string') throw signatureError('Spreadsheet.getRange', [a1Notation]);
    return new EmuRange(this.ctx, this.wb.rangeFromA1(a1Notation, this.wb.activeSheet()));
  }
  getRangeByName(name: string): EmuRange | null {
    const n = this.wb.namedRanges.find((x) => x.name.toLowerCase() === String(name).toLowerCase());
    return n ? new EmuRange(this.ctx, n.range) : null;
  }
  getNamedRanges(): EmuNamedRange[] {
    return this.wb.namedRanges.map((n) => new EmuNamedRange(this.ctx, n.name));
  }
  setNamedRange(name: string, range: Gas.Range): void {
    this.wb.setNamedRange(String(name), toGrid(range));
  }
  removeNamedRange(name: string): void {
    this.wb.removeNamedRange(String(name));
  }

  addDeveloperMetadata(key: string): EmuSpreadsheet;
  addDeveloperMetadata(key: string, visibility: Gas.DeveloperMetadataVisibility): EmuSpreadsheet;
  addDeveloperMetadata(key: string, value: string): EmuSpreadsheet;
  addDeveloperMetadata(
    key: string,
    value: string,
    visibility: Gas.DeveloperMetadataVisibility,
  ): EmuSpreadsheet;
  addDeveloperMetadata(...args: unknown[]): EmuSpreadsheet {
    addMetadata(this.ctx, args, { type: 'SPREADSHEET' });
    return this;
  }
  getDeveloperMetadata(): EmuDeveloperMetadata[] {
    return this.wb.metadata
      .filter((m) => m.location.type === 'SPREADSHEET')
      .map((m) => new EmuDeveloperMetadata(this.ctx, m));
  }
  createDeveloperMetadataFinder(): EmuDeveloperMetadataFinder {
    return new EmuDeveloperMetadataFinder(this.ctx, () => true);
  }
}

function toModel(sheet: Gas.Sheet): SheetModel {
  if (!(sheet instanceof EmuSheet)) throw new ApiError('Invalid argument: sheet');
  return sheet.model;
}

function toGrid(range: Gas.Range): GridRange {
  if (!(range instanceof EmuRange)) throw new ApiError('Invalid argument: range');
  return range.grid;
}

// ---- Sheet ---------------------------------------------------------------------------------------------------

export class EmuSheet implements Gas.Sheet {
  readonly gasClass = 'Sheet';
  constructor(
    private readonly ctx: Ctx,
    readonly model: SheetModel,
  ) {}

  private get wb(): Workbook {
    return this.ctx.wb;
  }

  getName(): string {
    return this.model.name;
  }
  setName(name: string): EmuSheet {
    this.wb.renameSheet(this.model, String(name));
    return this;
  }
  getSheetId(): number {
    return this.model.id;
  }
  getIndex(): number {
    return this.wb.sheets.indexOf(this.model) + 1;
  }
  getParent(): EmuSpreadsheet {
    return new EmuSpreadsheet(this.ctx);
  }
  /** Copies this sheet into the (only, active) spreadsheet: see Workbook.copySheet. */
  copyTo(spreadsheet: Gas.Spreadsheet): EmuSheet {
    void spreadsheet;
    return new EmuSheet(this.ctx, this.wb.copySheet(this.model));
  }

  getRange(row: number, column: number): EmuRange;
  getRange(row: number, column: number, numRows: number): EmuRange;
  getRange(row: number, column: number, numRows: number, numColumns: number): EmuRange;
  getRange(a1Notation: string): EmuRange;
  getRange(...args: unknown[]): EmuRange {
    const [a, b, c, d] = args;
    if (typeof a === 'string' && args.length === 1) {
      const { sheet, ref } = splitSheet(a);
      if (sheet !== undefined && sheet.toLowerCase() !== this.model.name.toLowerCase()) {
        throw new ApiError('Range not found');
      }
      const r = parseA1(ref, this.model.maxRows, this.model.maxColumns);
      if (!r) throw new ApiError('Range not found');
      checkBounds(this.model, r.row, r.column, Math.max(1, r.numRows), Math.max(1, r.numColumns));
      return new EmuRange(this.ctx, { ...r, sheet: this.model });
    }
    if (!isInt(a) || !isInt(b) || (c !== undefined && !isInt(c)) || (d !== undefined && !isInt(d))) {
      throw signatureError('Sheet.getRange', args);
    }
    const numRows = c ?? 1;
    const numColumns = d ?? 1;
    checkBounds(this.model, a, b, numRows, numColumns);
    return new EmuRange(this.ctx, { sheet: this.model, row: a, column: b, numRows, numColumns });
  }

  getDataRange(): EmuRange {
    const rows = Math.max(1, this.wb.lastRow(this.model));
    const columns = Math.max(1, this.wb.lastColumn(this.model));
    return new EmuRange(this.ctx, {
      sheet: this.model,
      row: 1,
      column: 1,
      numRows: rows,
      numColumns: columns,
    });
  }
  getLastRow(): number {
    return this.wb.lastRow(this.model);
  }
  getLastColumn(): number {
    return this.wb.lastColumn(this.model);
  }
  getMaxRows(): number {
    return this.model.maxRows;
  }
  getMaxColumns(): number {
    return this.model.maxColumns;
  }

  private checkPosition(pos: unknown, howMany: unknown, dimension: 'row' | 'column', method: string): void {
    if (!isInt(pos) || !isInt(howMany)) throw signatureError(`Sheet.${method}`, [pos, howMany]);
    const max = dimension === 'row' ? this.model.maxRows : this.model.maxColumns;
    if (pos < 1 || pos > max || howMany < 1) {
      throw new ApiError(
        dimension === 'row' ? 'Those rows are out of bounds.' : 'Those columns are out of bounds.',
      );
    }
  }

  insertRowsAfter(afterPosition: number, howMany: number): EmuSheet {
    this.checkPosition(afterPosition, howMany, 'row', 'insertRowsAfter');
    this.wb.restructure(this.model, 'row', afterPosition + 1, howMany);
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number): EmuSheet {
    this.checkPosition(beforePosition, howMany, 'row', 'insertRowsBefore');
    this.wb.restructure(this.model, 'row', beforePosition, howMany);
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): EmuSheet {
    this.checkPosition(afterPosition, howMany, 'column', 'insertColumnsAfter');
    this.wb.restructure(this.model, 'column', afterPosition + 1, howMany);
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number): EmuSheet {
    this.checkPosition(beforePosition, howMany, 'column', 'insertColumnsBefore');
    this.wb.restructure(this.model, 'column', beforePosition, howMany);
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.checkPosition(rowPosition, howMany, 'row', 'deleteRows');
    if (rowPosition + howMany - 1 > this.model.maxRows) throw new ApiError('Those rows are out of bounds.');
    if (howMany >= this.model.maxRows - this.model.frozenRows && rowPosition <= this.model.frozenRows + 1) {
      throw new ApiError('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this.wb.restructure(this.model, 'row', rowPosition, -howMany);
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this.checkPosition(columnPosition, howMany, 'column', 'deleteColumns');
    if (columnPosition + howMany - 1 > this.model.maxColumns)
      throw new ApiError('Those columns are out of bounds.');
    if (howMany >= this.model.maxColumns)
      throw new ApiError('Sorry, it is not possible to delete all columns.');
    this.wb.restructure(this.model, 'column', columnPosition, -howMany);
  }

  appendRow(rowContents: unknown[]): EmuSheet {
    if (!Array.isArray(rowContents)) throw signatureError('Sheet.appendRow', [rowContents]);
    const row = this.wb.lastRow(this.model) + 1;
    if (row > this.model.maxRows) this.wb.restructure(this.model, 'row', this.model.maxRows + 1, 1);
    if (rowContents.length > this.model.maxColumns) {
      this.wb.restructure(
        this.model,
        'column',
        this.model.maxColumns + 1,
        rowContents.length - this.model.maxColumns,
      );
    }
    this.wb.batch(() => {
      rowContents.forEach((v, i) => {
        this.wb.writeValue(this.model, row, i + 1, v);
      });
    });
    return this;
  }

  setFrozenRows(rows: number): void {
    if (!isInt(rows) || rows < 0) throw signatureError('Sheet.setFrozenRows', [rows]);
    if (rows >= this.model.maxRows) throw new ApiError("You can't freeze all visible rows on the sheet.");
    this.model.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.model.frozenRows;
  }

  getConditionalFormatRules(): EmuConditionalFormatRule[] {
    return this.model.rules.map(
      (r) => new EmuConditionalFormatRule(this.ctx, { ...r, ranges: [...r.ranges] }),
    );
  }
  setConditionalFormatRules(rules: Gas.ConditionalFormatRule[]): void {
    if (!Array.isArray(rules)) throw signatureError('Sheet.setConditionalFormatRules', [rules]);
    this.model.rules = rules.map((rule) => {
      if (!(rule instanceof EmuConditionalFormatRule)) throw new ApiError('Invalid argument: rules');
      for (const r of rule.model.ranges) {
        if (r.sheet !== this.model) {
          throw new ApiError('The conditional format rule cannot reference a different sheet.');
        }
      }
      return { ...rule.model, ranges: [...rule.model.ranges] };
    });
  }

  protect(): EmuProtection {
    const existing = this.wb.protections.find((p) => p.type === 'SHEET' && p.sheet === this.model);
    if (existing) return new EmuProtection(this.ctx, existing);
    const p: ProtectionModel = { type: 'SHEET', sheet: this.model, description: '', warningOnly: false };
    this.wb.protections.push(p);
    return new EmuProtection(this.ctx, p);
  }
  getProtections(type: Gas.ProtectionType): EmuProtection[] {
    const t = enumName(type);
    return this.wb.protections
      .filter((p) => p.sheet === this.model && p.type === t)
      .map((p) => new EmuProtection(this.ctx, p));
  }

  addDeveloperMetadata(key: string): EmuSheet;
  addDeveloperMetadata(key: string, visibility: Gas.DeveloperMetadataVisibility): EmuSheet;
  addDeveloperMetadata(key: string, value: string): EmuSheet;
  addDeveloperMetadata(key: string, value: string, visibility: Gas.DeveloperMetadataVisibility): EmuSheet;
  addDeveloperMetadata(...args: unknown[]): EmuSheet {
    addMetadata(this.ctx, args, { type: 'SHEET', sheet: this.model });
    return this;
  }
  getDeveloperMetadata(): EmuDeveloperMetadata[] {
    return this.wb.metadata
      .filter((m) => m.location.type === 'SHEET' && m.location.sheet === this.model)
      .map((m) => new EmuDeveloperMetadata(this.ctx, m));
  }
  createDeveloperMetadataFinder(): EmuDeveloperMetadataFinder {
    return new EmuDeveloperMetadataFinder(
      this.ctx,
      (m) => 'sheet' in m.location && m.location.sheet === this.model,
    );
  }

  setColumnWidth(columnPosition: number, width: number): EmuSheet {
    if (!isInt(columnPosition) || !isInt(width))
      throw signatureError('Sheet.setColumnWidth', [columnPosition, width]);
    checkBounds(this.model, 1, columnPosition, 1, 1);
    this.model.columnWidths[columnPosition] = width;
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): EmuSheet {
    if (!isInt(startColumn) || !isInt(numColumns) || !isInt(width)) {
      throw signatureError('Sheet.setColumnWidths', [startColumn, numColumns, width]);
    }
    checkBounds(this.model, 1, startColumn, 1, numColumns);
    for (let c = startColumn; c < startColumn + numColumns; c++) this.model.columnWidths[c] = width;
    return this;
  }
  setTabColor(color: string | null): EmuSheet {
    this.model.tabColor = normalizeColor(color);
    return this;
  }
  activate(): EmuSheet {
    this.wb.active = { sheet: this.model };
    return this;
  }
  clear(): EmuSheet {
    const all: GridRange = {
      sheet: this.model,
      row: 1,
      column: 1,
      numRows: this.model.maxRows,
      numColumns: this.model.maxColumns,
    };
    this.wb.clearContent(all);
    this.wb.clearFormats(all, { formats: true });
    return this;
  }
  hideSheet(): EmuSheet {
    const visible = this.wb.sheets.filter((s) => !s.hidden);
    if (visible.length === 1 && visible[0] === this.model) {
      throw new ApiError("You can't hide all the sheets in a document.");
    }
    this.model.hidden = true;
    return this;
  }
  showSheet(): EmuSheet {
    this.model.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this.model.hidden;
  }
}

// ---- Range ---------------------------------------------------------------------------------------------------

type Matrix<T> = T[][];

export class EmuRange implements Gas.Range {
  readonly gasClass = 'Range';
  constructor(
    private readonly ctx: Ctx,
    readonly grid: GridRange,
  ) {}

  private get wb(): Workbook {
    return this.ctx.wb;
  }
  /** The range as it stands now (open-ended ranges reach the current end of the sheet). */
  private get r(): GridRange {
    return this.wb.bounded(this.grid);
  }
  private get sheet(): SheetModel {
    return this.grid.sheet;
  }

  private cells<T>(fn: (row: number, column: number) => T): Matrix<T> {
    const r = this.r;
    const out: Matrix<T> = [];
    for (let i = 0; i < r.numRows; i++) {
      const row: T[] = [];
      for (let j = 0; j < r.numColumns; j++) row.push(fn(r.row + i, r.column + j));
      out.push(row);
    }
    return out;
  }

  /** Checks a 2-D argument against the range's size, with Apps Script's messages. */
  private checkMatrix(data: unknown, method: string): asserts data is unknown[][] {
    if (!Array.isArray(data) || data.some((row) => !Array.isArray(row))) {
      throw signatureError(`Range.${method}`, [data]);
    }
    const r = this.r;
    if (data.length !== r.numRows) {
      throw new ApiError(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${r.numRows}.`,
      );
    }
    for (const row of data as unknown[][]) {
      if (row.length !== r.numColumns) {
        throw new ApiError(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${r.numColumns}.`,
        );
      }
    }
  }

  private eachWrite(fn: (row: number, column: number, i: number, j: number) => void): void {
    const r = this.r;
    this.wb.batch(() => {
      for (let i = 0; i < r.numRows; i++)
        for (let j = 0; j < r.numColumns; j++) fn(r.row + i, r.column + j, i, j);
    });
  }

  private meta(row: number, column: number) {
    return this.sheet.cellForWrite(row, column);
  }

  // values and formulas

  getValues(): Value[][] {
    return this.cells((row, column) => this.wb.scriptValue(this.sheet, row, column));
  }
  getValue(): Value {
    return this.wb.scriptValue(this.sheet, this.grid.row, this.grid.column);
  }
  getDisplayValues(): string[][] {
    return this.cells((row, column) => this.wb.displayValue(this.sheet, row, column));
  }
  getDisplayValue(): string {
    return this.wb.displayValue(this.sheet, this.grid.row, this.grid.column);
  }
  setValues(values: unknown[][]): EmuRange {
    this.checkMatrix(values, 'setValues');
    this.eachWrite((row, column, i, j) => this.wb.writeValue(this.sheet, row, column, values[i]![j]));
    return this;
  }
  setValue(value: unknown): EmuRange {
    this.eachWrite((row, column) => this.wb.writeValue(this.sheet, row, column, value));
    return this;
  }
  getFormulas(): string[][] {
    return this.cells((row, column) => this.wb.formulaAt(this.sheet, row, column));
  }
  getFormula(): string {
    return this.wb.formulaAt(this.sheet, this.grid.row, this.grid.column);
  }
  setFormulas(formulas: string[][]): EmuRange {
    this.checkMatrix(formulas, 'setFormulas');
    this.eachWrite((row, column, i, j) => this.writeFormulaOrValue(row, column, formulas[i]![j]));
    return this;
  }
  /** On a multi-cell range, relative references move with each cell, as when filling in Sheets. */
  setFormula(formula: string): EmuRange {
    if (typeof formula !== 'string') throw signatureError('Range.setFormula', [formula]);
    const top = this.r;
    this.eachWrite((row, column) => {
      const moved =
        row === top.row && column === top.column
          ? formula
          : shiftFormula(formula, row - top.row, column - top.column);
      this.writeFormulaOrValue(row, column, moved);
    });
    return this;
  }
  private writeFormulaOrValue(row: number, column: number, f: unknown): void {
    if (typeof f === 'string' && f.startsWith('=')) this.wb.writeFormula(this.sheet, row, column, f);
    else this.wb.writeValue(this.sheet, row, column, f);
  }

  // geometry

  getNumRows(): number {
    return this.r.numRows;
  }
  getNumColumns(): number {
    return this.r.numColumns;
  }
  getRow(): number {
    return this.grid.row;
  }
  getColumn(): number {
    return this.grid.column;
  }
  getLastRow(): number {
    const r = this.r;
    return r.row + r.numRows - 1;
  }
  getLastColumn(): number {
    const r = this.r;
    return r.column + r.numColumns - 1;
  }
  getA1Notation(): string {
    return formatA1(this.grid);
  }
  getSheet(): EmuSheet {
    return new EmuSheet(this.ctx, this.sheet);
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): EmuRange {
    const args = [rowOffset, columnOffset, numRows, numColumns].filter((a) => a !== undefined);
    if (!args.every(isInt)) throw signatureError('Range.offset', args);
    const r = this.r;
    const next = {
      sheet: this.sheet,
      row: r.row + rowOffset,
      column: r.column + columnOffset,
      numRows: numRows ?? r.numRows,
      numColumns: numColumns ?? r.numColumns,
    };
    checkBounds(this.sheet, next.row, next.column, next.numRows, next.numColumns);
    return new EmuRange(this.ctx, next);
  }
  isBlank(): boolean {
    let blank = true;
    this.cells((row, column) => {
      if (!this.wb.isEmptyCell(this.sheet, row, column)) blank = false;
    });
    return blank;
  }

  // formats

  getNumberFormat(): string {
    return this.wb.effectiveFormat(this.sheet, this.grid.row, this.grid.column).pattern || GENERAL;
  }
  getNumberFormats(): string[][] {
    return this.cells((row, column) => this.wb.effectiveFormat(this.sheet, row, column).pattern || GENERAL);
  }
  setNumberFormat(numberFormat: string): EmuRange {
    compileFormat(String(numberFormat));
    this.cells((row, column) => {
      this.meta(row, column).numberFormat = String(numberFormat);
    });
    return this;
  }
  setNumberFormats(numberFormats: string[][]): EmuRange {
    this.checkMatrix(numberFormats, 'setNumberFormats');
    for (const row of numberFormats) for (const f of row) compileFormat(String(f));
    const top = this.r;
    this.cells((row, column) => {
      this.meta(row, column).numberFormat = String(numberFormats[row - top.row]![column - top.column]);
    });
    return this;
  }
  getBackground(): string {
    return this.sheet.cell(this.grid.row, this.grid.column)?.background ?? '#ffffff';
  }
  getBackgrounds(): string[][] {
    return this.cells((row, column) => this.sheet.cell(row, column)?.background ?? '#ffffff');
  }
  setBackground(color: string | null): EmuRange {
    const c = normalizeColor(color);
    this.cells((row, column) => {
      this.meta(row, column).background = c ?? undefined;
    });
    return this;
  }
  setBackgrounds(color: Array<Array<string | null>>): EmuRange {
    this.checkMatrix(color, 'setBackgrounds');
    const colors = color.map((row) => row.map(normalizeColor));
    const top = this.r;
    this.cells((row, column) => {
      this.meta(row, column).background = colors[row - top.row]![column - top.column] ?? undefined;
    });
    return this;
  }
  getFontWeight(): Gas.FontWeight {
    return this.sheet.cell(this.grid.row, this.grid.column)?.fontWeight ?? 'normal';
  }
  getFontWeights(): Gas.FontWeight[][] {
    return this.cells((row, column) => this.sheet.cell(row, column)?.fontWeight ?? 'normal');
  }
  setFontWeight(fontWeight: Gas.FontWeight | null): EmuRange {
    if (fontWeight !== null && fontWeight !== 'bold' && fontWeight !== 'normal') {
      throw new ApiError(`Invalid argument: fontWeight`);
    }
    this.cells((row, column) => {
      this.meta(row, column).fontWeight = fontWeight === 'bold' ? 'bold' : undefined;
    });
    return this;
  }
  setFontWeights(fontWeights: Array<Array<Gas.FontWeight | null>>): EmuRange {
    this.checkMatrix(fontWeights, 'setFontWeights');
    const top = this.r;
    this.cells((row, column) => {
      const w = fontWeights[row - top.row]![column - top.column];
      this.meta(row, column).fontWeight = w === 'bold' ? 'bold' : undefined;
    });
    return this;
  }
  getFontColor(): string {
    return this.sheet.cell(this.grid.row, this.grid.column)?.fontColor ?? '#000000';
  }
  setFontColor(color: string | null): EmuRange {
    const c = normalizeColor(color);
    this.cells((row, column) => {
      this.meta(row, column).fontColor = c ?? undefined;
    });
    return this;
  }
  getHorizontalAlignment(): string {
    const a = this.sheet.cell(this.grid.row, this.grid.column)?.horizontalAlignment;
    return a && a !== 'normal' ? a : 'general';
  }
  setHorizontalAlignment(alignment: Gas.HorizontalAlignment): EmuRange {
    if (alignment !== null && !['left', 'center', 'right', 'normal'].includes(alignment)) {
      throw new ApiError('Invalid argument: alignment');
    }
    this.cells((row, column) => {
      this.meta(row, column).horizontalAlignment = alignment ?? undefined;
    });
    return this;
  }
  getWrap(): boolean {
    return this.sheet.cell(this.grid.row, this.grid.column)?.wrap ?? false;
  }
  setWrap(isWrapEnabled: boolean): EmuRange {
    this.cells((row, column) => {
      this.meta(row, column).wrap = !!isWrapEnabled;
    });
    return this;
  }

  // validation

  setDataValidation(rule: Gas.DataValidation | null): EmuRange {
    if (rule !== null && !(rule instanceof EmuDataValidation))
      throw signatureError('Range.setDataValidation', [rule]);
    this.cells((row, column) => {
      this.meta(row, column).validation = rule ? { ...rule.model } : undefined;
    });
    return this;
  }
  setDataValidations(rules: Array<Array<Gas.DataValidation | null>>): EmuRange {
    this.checkMatrix(rules, 'setDataValidations');
    const top = this.r;
    this.cells((row, column) => {
      const rule = rules[row - top.row]![column - top.column];
      if (rule !== null && !(rule instanceof EmuDataValidation))
        throw signatureError('Range.setDataValidations', [rule]);
      this.meta(row, column).validation = rule ? { ...rule.model } : undefined;
    });
    return this;
  }
  getDataValidation(): EmuDataValidation | null {
    const v = this.sheet.cell(this.grid.row, this.grid.column)?.validation;
    return v ? new EmuDataValidation(this.ctx, v) : null;
  }
  getDataValidations(): Array<Array<EmuDataValidation | null>> {
    return this.cells((row, column) => {
      const v = this.sheet.cell(row, column)?.validation;
      return v ? new EmuDataValidation(this.ctx, v) : null;
    });
  }

  // clearing

  clearContent(): EmuRange {
    this.wb.clearContent(this.grid);
    return this;
  }
  clear(): EmuRange {
    this.wb.clearContent(this.grid);
    this.wb.clearFormats(this.grid, { formats: true });
    return this;
  }
  clearDataValidations(): EmuRange {
    this.wb.clearFormats(this.grid, { validations: true });
    return this;
  }

  // protection and metadata

  protect(): EmuProtection {
    const p: ProtectionModel = {
      type: 'RANGE',
      sheet: this.sheet,
      range: { ...this.grid },
      description: '',
      warningOnly: false,
    };
    this.wb.protections.push(p);
    return new EmuProtection(this.ctx, p);
  }

  addDeveloperMetadata(key: string): EmuRange;
  addDeveloperMetadata(key: string, visibility: Gas.DeveloperMetadataVisibility): EmuRange;
  addDeveloperMetadata(key: string, value: string): EmuRange;
  addDeveloperMetadata(key: string, value: string, visibility: Gas.DeveloperMetadataVisibility): EmuRange;
  addDeveloperMetadata(...args: unknown[]): EmuRange {
    const location = wholeSpan(this.wb, this.grid);
    if (!location) {
      throw new ApiError(
        'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
      );
    }
    addMetadata(this.ctx, args, location);
    return this;
  }
  getDeveloperMetadata(): EmuDeveloperMetadata[] {
    const span = wholeSpan(this.wb, this.grid);
    if (!span || span.type === 'SPREADSHEET' || span.type === 'SHEET') return [];
    return this.wb.metadata
      .filter(
        (m) =>
          m.location.type === span.type &&
          m.location.sheet === span.sheet &&
          m.location.start === span.start &&
          m.location.count === span.count,
      )
      .map((m) => new EmuDeveloperMetadata(this.ctx, m));
  }
  createDeveloperMetadataFinder(): EmuDeveloperMetadataFinder {
    const span = wholeSpan(this.wb, this.grid);
    return new EmuDeveloperMetadataFinder(this.ctx, (m) => {
      if (!span || span.type === 'SPREADSHEET' || span.type === 'SHEET') return false;
      const loc = m.location;
      return (
        loc.type === span.type &&
        loc.sheet === span.sheet &&
        loc.start >= span.start &&
        loc.start + loc.count <= span.start + span.count
      );
    });
  }

  activate(): EmuRange {
    const { sheet, ...range } = this.grid;
    this.wb.active = { sheet, range };
    return this;
  }
}

/** Moves the relative references of a formula, for setFormula on a multi-cell range. */
function shiftFormula(formula: string, rows: number, columns: number): string {
  return render(offsetRelative(tokenize(formula), rows, columns));
}

// ---- data validation -------------------------------------------------------------------------------------------

function validationCriteriaValues(ctx: Ctx, v: ValidationRule): unknown[] {
  if (v.criteria === 'VALUE_IN_RANGE')
    return [v.range ? new EmuRange(ctx, v.range) : null, v.showDropdown ?? true];
  if (v.criteria === 'VALUE_IN_LIST')
    return [[...((v.values[0] as unknown[]) ?? [])], v.showDropdown ?? true];
  return [...v.values];
}

export class EmuDataValidation implements Gas.DataValidation {
  readonly gasClass = 'DataValidation';
  constructor(
    private readonly ctx: Ctx,
    readonly model: ValidationRule,
  ) {}
  getAllowInvalid(): boolean {
    return this.model.allowInvalid;
  }
  getCriteriaType(): Gas.DataValidationCriteria {
    return DataValidationCriteria[this.model.criteria] as unknown as Gas.DataValidationCriteria;
  }
  getCriteriaValues(): unknown[] {
    return validationCriteriaValues(this.ctx, this.model);
  }
  getHelpText(): string {
    return this.model.helpText ?? '';
  }
}

export class EmuDataValidationBuilder implements Gas.DataValidationBuilder {
  readonly gasClass = 'DataValidationBuilder';
  private model: ValidationRule = { criteria: '', values: [], allowInvalid: true };
  constructor(private readonly ctx: Ctx) {}

  requireValueInList(values: string[], showDropdown?: boolean): EmuDataValidationBuilder {
    if (!Array.isArray(values)) throw signatureError('DataValidationBuilder.requireValueInList', [values]);
    this.model = { ...this.model, criteria: 'VALUE_IN_LIST', values: [values.map(String)], range: undefined };
    this.model.showDropdown = showDropdown ?? true;
    return this;
  }
  requireValueInRange(range: Gas.Range, showDropdown?: boolean): EmuDataValidationBuilder {
    this.model = { ...this.model, criteria: 'VALUE_IN_RANGE', values: [], range: toGrid(range) };
    this.model.showDropdown = showDropdown ?? true;
    return this;
  }
  requireNumberBetween(start: number, end: number): EmuDataValidationBuilder {
    if (!isInt(start) || !isInt(end))
      throw signatureError('DataValidationBuilder.requireNumberBetween', [start, end]);
    this.model = { ...this.model, criteria: 'NUMBER_BETWEEN', values: [start, end], range: undefined };
    return this;
  }
  requireCheckbox(): EmuDataValidationBuilder {
    this.model = { ...this.model, criteria: 'CHECKBOX', values: [], range: undefined };
    return this;
  }
  setAllowInvalid(allowInvalidData: boolean): EmuDataValidationBuilder {
    this.model.allowInvalid = !!allowInvalidData;
    return this;
  }
  setHelpText(helpText: string): EmuDataValidationBuilder {
    this.model.helpText = String(helpText);
    return this;
  }
  getAllowInvalid(): boolean {
    return this.model.allowInvalid;
  }
  getCriteriaType(): Gas.DataValidationCriteria {
    return DataValidationCriteria[this.model.criteria] as unknown as Gas.DataValidationCriteria;
  }
  getCriteriaValues(): unknown[] {
    return validationCriteriaValues(this.ctx, this.model);
  }
  build(): EmuDataValidation {
    if (!this.model.criteria) throw new ApiError('You must specify criteria for the data validation rule.');
    return new EmuDataValidation(this.ctx, { ...this.model, values: [...this.model.values] });
  }
}

/** Whether a typed value passes a cell's validation (the playground refuses invalid input when asked to). */
export function passesValidation(wb: Workbook, v: ValidationRule, value: unknown): boolean {
  if (value === null || value === '') return true;
  switch (v.criteria) {
    case 'VALUE_IN_LIST':
      return ((v.values[0] as unknown[]) ?? []).some((x) => String(x) === String(value));
    case 'VALUE_IN_RANGE': {
      if (!v.range) return true;
      const r = wb.bounded(v.range);
      for (let i = 0; i < r.numRows; i++) {
        for (let j = 0; j < r.numColumns; j++) {
          if (wb.displayValue(r.sheet, r.row + i, r.column + j) === String(value)) return true;
        }
      }
      return false;
    }
    case 'NUMBER_BETWEEN':
      return typeof value === 'number' && value >= Number(v.values[0]) && value <= Number(v.values[1]);
    case 'CHECKBOX':
      return typeof value === 'boolean';
    default:
      return true;
  }
}

// ---- conditional formats -------------------------------------------------------------------------------------

export class EmuBooleanCondition implements Gas.BooleanCondition {
  readonly gasClass = 'BooleanCondition';
  constructor(private readonly model: ConditionalRule) {}
  getBackground(): string | null {
    return this.model.background;
  }
  getFontColor(): string | null {
    return this.model.fontColor;
  }
  getCriteriaType(): Gas.BooleanCriteria {
    return BooleanCriteria[this.model.criteria] as unknown as Gas.BooleanCriteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.model.values];
  }
}

export class EmuConditionalFormatRule implements Gas.ConditionalFormatRule {
  readonly gasClass = 'ConditionalFormatRule';
  constructor(
    private readonly ctx: Ctx,
    readonly model: ConditionalRule,
  ) {}
  getRanges(): EmuRange[] {
    return this.model.ranges.map((r) => new EmuRange(this.ctx, r));
  }
  getBooleanCondition(): EmuBooleanCondition | null {
    return new EmuBooleanCondition(this.model);
  }
}

export class EmuConditionalFormatRuleBuilder implements Gas.ConditionalFormatRuleBuilder {
  readonly gasClass = 'ConditionalFormatRuleBuilder';
  private model: ConditionalRule = {
    ranges: [],
    criteria: '',
    values: [],
    background: null,
    fontColor: null,
  };
  constructor(private readonly ctx: Ctx) {}

  private when(criteria: string, values: Array<string | number>): EmuConditionalFormatRuleBuilder {
    this.model = { ...this.model, criteria, values };
    return this;
  }
  whenTextEqualTo(text: string): EmuConditionalFormatRuleBuilder {
    return this.when('TEXT_EQUAL_TO', [String(text)]);
  }
  whenNumberLessThan(number: number): EmuConditionalFormatRuleBuilder {
    return this.when('NUMBER_LESS_THAN', [Number(number)]);
  }
  whenNumberGreaterThanOrEqualTo(number: number): EmuConditionalFormatRuleBuilder {
    return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [Number(number)]);
  }
  whenNumberBetween(start: number, end: number): EmuConditionalFormatRuleBuilder {
    return this.when('NUMBER_BETWEEN', [Number(start), Number(end)]);
  }
  whenFormulaSatisfied(formula: string): EmuConditionalFormatRuleBuilder {
    if (typeof formula !== 'string' || !formula.startsWith('=')) {
      throw new ApiError('Invalid argument: formula');
    }
    return this.when('CUSTOM_FORMULA', [formula]);
  }
  setBackground(color: string | null): EmuConditionalFormatRuleBuilder {
    this.model.background = normalizeColor(color);
    return this;
  }
  setFontColor(color: string | null): EmuConditionalFormatRuleBuilder {
    this.model.fontColor = normalizeColor(color);
    return this;
  }
  setRanges(ranges: Gas.Range[]): EmuConditionalFormatRuleBuilder {
    if (!Array.isArray(ranges)) throw signatureError('ConditionalFormatRuleBuilder.setRanges', [ranges]);
    this.model.ranges = ranges.map(toGrid);
    return this;
  }
  getRanges(): EmuRange[] {
    return this.model.ranges.map((r) => new EmuRange(this.ctx, r));
  }
  build(): EmuConditionalFormatRule {
    if (!this.model.criteria)
      throw new NotEmulated('ConditionalFormatRuleBuilder.build() without a condition');
    return new EmuConditionalFormatRule(this.ctx, { ...this.model, ranges: [...this.model.ranges] });
  }
}

// ---- protection --------------------------------------------------------------------------------------------

export class EmuProtection implements Gas.Protection {
  readonly gasClass = 'Protection';
  constructor(
    private readonly ctx: Ctx,
    private readonly model: ProtectionModel,
  ) {}
  setWarningOnly(warningOnly: boolean): EmuProtection {
    this.model.warningOnly = !!warningOnly;
    return this;
  }
  isWarningOnly(): boolean {
    return this.model.warningOnly;
  }
  setDescription(description: string): EmuProtection {
    this.model.description = String(description);
    return this;
  }
  getDescription(): string {
    return this.model.description;
  }
  getRange(): EmuRange {
    const s = this.model.sheet;
    return new EmuRange(
      this.ctx,
      this.model.range ?? { sheet: s, row: 1, column: 1, numRows: s.maxRows, numColumns: s.maxColumns },
    );
  }
  remove(): void {
    const i = this.ctx.wb.protections.indexOf(this.model);
    if (i >= 0) this.ctx.wb.protections.splice(i, 1);
  }
}

// ---- developer metadata ------------------------------------------------------------------------------------

export class EmuDeveloperMetadata implements Gas.DeveloperMetadata {
  readonly gasClass = 'DeveloperMetadata';
  constructor(
    private readonly ctx: Ctx,
    private readonly model: MetadataModel,
  ) {}
  getId(): number {
    return this.model.id;
  }
  getKey(): string {
    return this.model.key;
  }
  getValue(): string | null {
    return this.model.value;
  }
  setValue(value: string): EmuDeveloperMetadata {
    this.model.value = String(value);
    return this;
  }
  getLocation(): EmuDeveloperMetadataLocation {
    return new EmuDeveloperMetadataLocation(this.ctx, this.model.location);
  }
  remove(): void {
    const i = this.ctx.wb.metadata.indexOf(this.model);
    if (i >= 0) this.ctx.wb.metadata.splice(i, 1);
  }
}

export class EmuDeveloperMetadataLocation implements Gas.DeveloperMetadataLocation {
  readonly gasClass = 'DeveloperMetadataLocation';
  constructor(
    private readonly ctx: Ctx,
    private readonly location: MetadataLocation,
  ) {}
  getLocationType(): Gas.DeveloperMetadataLocationType {
    return DeveloperMetadataLocationType[this.location.type] as unknown as Gas.DeveloperMetadataLocationType;
  }
  /** As in Apps Script: the sheet of a SHEET location only; a row or column location answers null. */
  getSheet(): EmuSheet | null {
    return this.location.type === 'SHEET' ? new EmuSheet(this.ctx, this.location.sheet) : null;
  }
  getColumn(): EmuRange | null {
    const l = this.location;
    if (l.type !== 'COLUMN') return null;
    return new EmuRange(this.ctx, {
      sheet: l.sheet,
      row: 1,
      column: l.start,
      numRows: l.sheet.maxRows,
      numColumns: l.count,
      openRows: true,
      wholeColumns: true,
    });
  }
  getRow(): EmuRange | null {
    const l = this.location;
    if (l.type !== 'ROW') return null;
    return new EmuRange(this.ctx, {
      sheet: l.sheet,
      row: l.start,
      column: 1,
      numRows: l.count,
      numColumns: l.sheet.maxColumns,
      openColumns: true,
      wholeRows: true,
    });
  }
}

export class EmuDeveloperMetadataFinder implements Gas.DeveloperMetadataFinder {
  readonly gasClass = 'DeveloperMetadataFinder';
  private readonly filters: Array<(m: MetadataModel) => boolean> = [];
  constructor(
    private readonly ctx: Ctx,
    private readonly scope: (m: MetadataModel) => boolean,
  ) {}
  withKey(key: string): EmuDeveloperMetadataFinder {
    this.filters.push((m) => m.key === key);
    return this;
  }
  withValue(value: string): EmuDeveloperMetadataFinder {
    this.filters.push((m) => m.value === value);
    return this;
  }
  withLocationType(locationType: Gas.DeveloperMetadataLocationType): EmuDeveloperMetadataFinder {
    const t = enumName(locationType);
    this.filters.push((m) => m.location.type === t);
    return this;
  }
  find(): EmuDeveloperMetadata[] {
    return this.ctx.wb.metadata
      .filter((m) => this.scope(m) && this.filters.every((f) => f(m)))
      .map((m) => new EmuDeveloperMetadata(this.ctx, m));
  }
}

// ---- named ranges --------------------------------------------------------------------------------------------

export class EmuNamedRange implements Gas.NamedRange {
  readonly gasClass = 'NamedRange';
  constructor(
    private readonly ctx: Ctx,
    private name: string,
  ) {}
  private get model() {
    const m = this.ctx.wb.namedRanges.find((n) => n.name === this.name);
    if (!m) throw new ApiError(`Named range "${this.name}" does not exist.`);
    return m;
  }
  getName(): string {
    return this.model.name;
  }
  getRange(): EmuRange {
    return new EmuRange(this.ctx, this.model.range);
  }
  setRange(range: Gas.Range): EmuNamedRange {
    this.ctx.wb.setNamedRange(this.name, toGrid(range));
    return this;
  }
  remove(): void {
    this.ctx.wb.removeNamedRange(this.name);
  }
}
