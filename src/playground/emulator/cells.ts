// Reading a cell as the add-on and the user see it: the value the engine computed (an error with Sheets' code and
// message), the number format in effect (the cell's own, or the one Sheets picks for a computed date), what
// getValues returns, what the grid displays and what the formula bar shows (in the spreadsheet's locale), a
// sheet's last row and column; and the values custom functions exchange with cells (arguments as Sheets passes
// them, results as cells show them).
import { types } from 'node:util';
import { CellError, type CellValueDetailedType, DetailedCellError, ErrorType } from 'hyperformula';
import { cellA1 } from './a1';
import { HF_ERRORS } from './engine';
import {
  AUTO_PERCENT,
  AUTO_TIME,
  type CompiledFormat,
  compileFormat,
  GENERAL,
  renderGeneral,
} from './formats';
import { showFormula } from './formula-locale';
import { type Address, EmptyValue } from './functions';
import { parseInput } from './input';
import { autoDatePattern, autoDateTimePattern } from './locale';
import { type CellErrorValue, type Computed, hfAddress, isCellError, type SheetModel } from './model';
import { instantOfSerial, serialOfInstant } from './time';
import type { Workbook } from './workbook';

/** The value a cell shows, before formatting. */
export function computed(wb: Workbook, sheet: SheetModel, row: number, column: number): Computed {
  const v = wb.hf.getCellValue(hfAddress(sheet, row, column));
  if (v instanceof DetailedCellError) return cellError(wb, sheet, row, column, v);
  if (v === undefined) return null;
  return v as Computed;
}

function cellError(
  wb: Workbook,
  sheet: SheetModel,
  row: number,
  column: number,
  e: DetailedCellError,
): CellErrorValue {
  const code = HF_ERRORS[e.type] ?? '#ERROR!';
  let message = e.message;
  if (e.type === 'SPILL') {
    const size = wb.predictedSpills.get(`${sheet.hf}:${row - 1}:${column - 1}`);
    const blocker = size && firstFilled(wb, sheet, row, column, size.rows, size.columns);
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

function firstFilled(
  wb: Workbook,
  sheet: SheetModel,
  row: number,
  column: number,
  rows: number,
  columns: number,
): string | undefined {
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      if (i === 0 && j === 0) continue;
      const type = wb.hf.getCellType(hfAddress(sheet, row + i, column + j));
      if (type !== 'EMPTY') return cellA1(row + i, column + j);
    }
  }
  return undefined;
}

/** The formula as the spreadsheet's locale shows it, or "" (getFormula); one that did not parse, as written. */
export function formulaAt(wb: Workbook, sheet: SheetModel, row: number, column: number): string {
  const m = sheet.cell(row, column);
  if (m?.formula === undefined) return '';
  return m.unparsed ? m.formula : showFormula(m.formula, wb.rules);
}

/** The number format a cell has: its own, or the one Sheets picks automatically for a computed date etc. */
export function effectiveFormat(
  wb: Workbook,
  sheet: SheetModel,
  row: number,
  column: number,
): CompiledFormat {
  const rules = wb.rules;
  const own = sheet.cell(row, column)?.numberFormat;
  if (own && own !== GENERAL) return compileFormat(own, rules);
  const type = wb.hf.getCellValueDetailedType(hfAddress(sheet, row, column)) as
    | CellValueDetailedType
    | string;
  switch (type) {
    case 'NUMBER_DATE':
      return compileFormat(autoDatePattern(rules), rules);
    case 'NUMBER_DATETIME':
      return compileFormat(autoDateTimePattern(rules), rules);
    case 'NUMBER_TIME':
      return compileFormat(AUTO_TIME, rules);
    case 'NUMBER_PERCENT':
      return compileFormat(AUTO_PERCENT, rules);
    case 'NUMBER_CURRENCY':
      return compileFormat('$#,##0.00', rules);
    default:
      return compileFormat(GENERAL, rules);
  }
}

/** What getValues returns for a cell: "" for blanks, numbers, booleans, Date for date-formatted numbers. */
export function scriptValue(
  wb: Workbook,
  sheet: SheetModel,
  row: number,
  column: number,
): string | number | boolean | Date {
  const v = computed(wb, sheet, row, column);
  if (v === null) return '';
  if (isCellError(v)) return v.error;
  if (typeof v === 'number') {
    const f = effectiveFormat(wb, sheet, row, column);
    if (f.kind === 'date') return new Date(instantOfSerial(v, wb.timeZone));
  }
  return v;
}

/** What getDisplayValues returns: the value rendered with its number format. */
export function displayValue(wb: Workbook, sheet: SheetModel, row: number, column: number): string {
  const v = computed(wb, sheet, row, column);
  if (v === null) return '';
  if (isCellError(v)) return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  return effectiveFormat(wb, sheet, row, column).renderNumber(v);
}

/**
 * A cell's stored input as a user would see it in the formula bar, in the spreadsheet's locale: the formula, or
 * the value as it could be typed again (dates as yyyy-mm-dd, which every locale reads).
 */
export function inputText(wb: Workbook, sheet: SheetModel, row: number, column: number): string {
  const f = formulaAt(wb, sheet, row, column);
  if (f) return f;
  const addr = hfAddress(sheet, row, column);
  if (wb.hf.getCellType(addr) !== 'VALUE') return '';
  const v = wb.hf.getCellValue(addr);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') {
    const f2 = effectiveFormat(wb, sheet, row, column);
    if (f2.kind === 'date') {
      const pattern = f2.hasTime ? (f2.hasDate ? 'yyyy-mm-dd H:mm:ss' : AUTO_TIME) : 'yyyy-mm-dd';
      return compileFormat(pattern).renderNumber(v);
    }
    if (f2.pattern.includes('%')) return `${renderGeneral(Number((v * 100).toPrecision(15)), wb.rules)}%`;
    return renderGeneral(v, wb.rules);
  }
  if (typeof v === 'string') {
    const reread = parseInput(v, wb.rules);
    return reread.kind === 'formula' || typeof reread.value !== 'string' || v.startsWith("'") ? `'${v}` : v;
  }
  return '';
}

/** The last row holding anything (array results included, blanks and all), or 0. */
export function lastRow(wb: Workbook, sheet: SheetModel): number {
  const dims = wb.hf.getSheetDimensions(sheet.hf);
  for (let r = Math.min(dims.height, sheet.maxRows); r >= 1; r--) {
    for (let c = 1; c <= Math.min(dims.width, sheet.maxColumns); c++) {
      if (wb.hf.getCellType(hfAddress(sheet, r, c)) !== 'EMPTY') return r;
    }
  }
  return 0;
}

/** The last column holding anything, or 0. */
export function lastColumn(wb: Workbook, sheet: SheetModel): number {
  const dims = wb.hf.getSheetDimensions(sheet.hf);
  for (let c = Math.min(dims.width, sheet.maxColumns); c >= 1; c--) {
    for (let r = 1; r <= Math.min(dims.height, sheet.maxRows); r++) {
      if (wb.hf.getCellType(hfAddress(sheet, r, c)) !== 'EMPTY') return c;
    }
  }
  return 0;
}

export function isEmptyCell(wb: Workbook, sheet: SheetModel, row: number, column: number): boolean {
  return wb.hf.getCellType(hfAddress(sheet, row, column)) === 'EMPTY';
}

// ---- custom functions ------------------------------------------------------------------------------------

/** A value HyperFormula computed, as Sheets hands it to a custom function. */
export function customFunctionArgument(wb: Workbook, value: unknown, address: Address | undefined): unknown {
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
    const sheet = address && wb.sheetByHf(address.sheet);
    const dated = sheet
      ? effectiveFormat(wb, sheet, address.row + 1, address.col + 1).kind === 'date'
      : isDateType;
    return dated ? new Date(instantOfSerial(n, wb.timeZone)) : n;
  }
  return value;
}

/** One value a custom function returned, as HyperFormula stores it (a Date becomes a date number). */
export function customFunctionResult(
  value: unknown,
  timeZone: string,
  wrapDate: (serial: number, kind: 'date' | 'datetime') => unknown,
): unknown {
  if (value === null || value === undefined) return '';
  if (types.isDate(value)) {
    const serial = serialOfInstant((value as Date).getTime(), timeZone);
    return wrapDate(serial, Number.isInteger(serial) ? 'date' : 'datetime');
  }
  if (typeof value === 'number') {
    return Number.isFinite(value)
      ? value
      : new CellError(ErrorType.NUM, 'The result is not a finite number.');
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}
