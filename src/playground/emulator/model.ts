// The workbook's model, as plain data: a sheet (grid size, frozen rows, tab, column widths, and per cell its
// formula as written and its formats and validation, the charts floating over it), conditional-format rules,
// protections, developer metadata and named ranges, and the error a cell shows. Values and formulas are computed by HyperFormula (engine.ts);
// the Workbook (workbook.ts) keeps the two together.
import type { A1Range } from './a1';
import type { ChartModel } from './chart-model';
import type { Token } from './formula';

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

export interface CellMeta {
  /**
   * The formula (with its leading =) on the anchor cell of an array result: in the canonical syntax
   * (formula-locale.ts), or, when `unparsed`, as written, because it did not parse in the spreadsheet's locale.
   */
  formula?: string;
  /** The formula is a parse error in the locale it was written in: kept as written, never re-read. */
  unparsed?: boolean;
  /** The canonical formula's references (none for an unparsed one). */
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
  /** A custom formula (CUSTOM_FORMULA) is canonical (formula-locale.ts), unless `unparsed`. */
  values: Array<string | number>;
  /** The custom formula did not parse in the spreadsheet's locale: kept as written, it matches no cell. */
  unparsed?: boolean;
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
  /** Embedded charts on this sheet, in insertion order (chart-model.ts). */
  charts: ChartModel[] = [];
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

/** Sheet names compare case-insensitively in Sheets ("Sheet1" and "SHEET1" are one name). */
export const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** HyperFormula's address of a cell (0-based) from the model's 1-based row and column. */
export function hfAddress(sheet: SheetModel, row: number, column: number) {
  return { sheet: sheet.hf, row: row - 1, col: column - 1 };
}
