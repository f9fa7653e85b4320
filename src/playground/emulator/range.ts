// Range: a rectangle of a sheet (open-ended ranges reach its current end). Its values and formulas (written as
// setValue(s) and setFormula(s) write them, with Apps Script's dimension errors; read as the add-on sees them,
// custom-function cells loading during its execution: loading.ts), geometry, formats, data validation,
// clearing, protection and developer metadata.
import type * as Gas from '../../server/gas';
import { formatA1 } from './a1';
import { displayValue, effectiveFormat, formulaAt, isEmptyCell, scriptValue } from './cells';
import { checkBounds, isInt, signatureError } from './checks';
import { normalizeColor } from './colors';
import {
  addRangeMetadata,
  type EmuDeveloperMetadata,
  type EmuDeveloperMetadataFinder,
  rangeMetadata,
  rangeMetadataFinder,
} from './developer-metadata';
import { ApiError } from './errors';
import { compileFormat, GENERAL } from './formats';
import { offsetRelative, render, tokenize } from './formula';
import { readFormula } from './formula-locale';
import { LOADING } from './loading';
import type { GridRange, ProtectionModel, SheetModel } from './model';
import { EmuProtection } from './protection';
import { EmuSheet } from './sheet';
import type { Ctx } from './spreadsheet';
import { EmuDataValidation } from './validation';
import type { Workbook } from './workbook';

type Value = unknown;
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

  /** What the add-on reads in a cell whose custom function is still being computed (loading.ts), if so. */
  private loading(row: number, column: number): string | undefined {
    const state = this.wb.loading.state(this.wb.hf, { sheet: this.sheet.hf, row: row - 1, col: column - 1 });
    return state === 'anchor' ? LOADING : state === 'spill' ? '' : undefined;
  }
  private value(row: number, column: number): Value {
    return this.loading(row, column) ?? scriptValue(this.wb, this.sheet, row, column);
  }
  private display(row: number, column: number): string {
    return this.loading(row, column) ?? displayValue(this.wb, this.sheet, row, column);
  }

  getValues(): Value[][] {
    return this.cells((row, column) => this.value(row, column));
  }
  getValue(): Value {
    return this.value(this.grid.row, this.grid.column);
  }
  getDisplayValues(): string[][] {
    return this.cells((row, column) => this.display(row, column));
  }
  getDisplayValue(): string {
    return this.display(this.grid.row, this.grid.column);
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
    return this.cells((row, column) => formulaAt(this.wb, this.sheet, row, column));
  }
  getFormula(): string {
    return formulaAt(this.wb, this.sheet, this.grid.row, this.grid.column);
  }
  setFormulas(formulas: string[][]): EmuRange {
    this.checkMatrix(formulas, 'setFormulas');
    this.eachWrite((row, column, i, j) => this.writeFormulaOrValue(row, column, formulas[i]![j]));
    return this;
  }
  /**
   * On a multi-cell range, relative references move with each cell, as when filling in Sheets. The formula is
   * read in the spreadsheet's locale once; one that does not parse there is written as it is to every cell.
   */
  setFormula(formula: string): EmuRange {
    if (typeof formula !== 'string') throw signatureError('Range.setFormula', [formula]);
    const top = this.r;
    const canonical = formula.startsWith('=') ? readFormula(formula, this.wb.rules) : undefined;
    this.eachWrite((row, column) => {
      if (canonical === undefined) {
        this.writeFormulaOrValue(row, column, formula);
        return;
      }
      const moved =
        row === top.row && column === top.column
          ? canonical
          : shiftFormula(canonical, row - top.row, column - top.column);
      this.wb.writeCanonicalFormula(this.sheet, row, column, moved);
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
      if (!isEmptyCell(this.wb, this.sheet, row, column)) blank = false;
    });
    return blank;
  }

  // formats

  getNumberFormat(): string {
    return effectiveFormat(this.wb, this.sheet, this.grid.row, this.grid.column).pattern || GENERAL;
  }
  getNumberFormats(): string[][] {
    return this.cells((row, column) => effectiveFormat(this.wb, this.sheet, row, column).pattern || GENERAL);
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
    addRangeMetadata(this.ctx, this.grid, args);
    return this;
  }
  getDeveloperMetadata(): EmuDeveloperMetadata[] {
    return rangeMetadata(this.ctx, this.grid);
  }
  createDeveloperMetadataFinder(): EmuDeveloperMetadataFinder {
    return rangeMetadataFinder(this.ctx, this.grid);
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

/** The range behind a Range the add-on passed back (setNamedRange, requireValueInRange, setRanges). */
export function toGrid(range: Gas.Range): GridRange {
  if (!(range instanceof EmuRange)) throw new ApiError('Invalid argument: range');
  return range.grid;
}
