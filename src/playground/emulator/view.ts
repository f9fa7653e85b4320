// What the grid shows: display strings with number formats, formulas, backgrounds (cell colours and conditional
// formats evaluated as Sheets does), fonts, alignment, dropdowns and error messages, in the spreadsheet's locale,
// and the charts floating over it (chart-view.ts). Used by the playground page and by tests that assert what a
// user would see.
import { cellA1 } from './a1';
import { computed, displayValue, formulaAt, inputText, isEmptyCell, lastColumn, lastRow } from './cells';
import { type ChartView, chartView } from './chart-view';
import { offsetRelative, toEngine, tokenize } from './formula';
import { type ConditionalRule, isCellError, type SheetModel } from './model';
import type { Workbook } from './workbook';

export interface CellView {
  /** The text the cell shows. */
  text: string;
  /** How the value is aligned by default: numbers right, booleans centre, text left. */
  kind: 'number' | 'text' | 'boolean' | 'error';
  /** The formula bar's content: the formula, or the value as it would be typed. */
  input: string;
  formula?: string;
  background?: string;
  color?: string;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  wrap?: boolean;
  /** An error's message (the tooltip Sheets shows on hover). */
  error?: string;
  /** Dropdown choices of a list or range validation. */
  choices?: string[];
  /** A note explaining the validation (its help text). */
  help?: string;
  /** Part of an array result spilled from another cell (its formula bar shows the anchor's formula greyed). */
  spilled?: boolean;
}

export interface SheetView {
  name: string;
  id: number;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  lastRow: number;
  lastColumn: number;
  columnWidths: Record<number, number>;
  /** Cells that show something, keyed by A1. */
  cells: Record<string, CellView>;
  /** The embedded charts over the sheet, in insertion order, with their data read now. */
  charts: ChartView[];
}

export interface WorkbookView {
  name: string;
  /** The spreadsheet's locale (File › Settings): formulas, typing and display follow it. */
  locale: string;
  tabs: Array<{ name: string; id: number; hidden: boolean; color: string | null }>;
  active: { sheet: string; a1: string };
  sheet: SheetView;
}

/** How far below the data conditional formats are evaluated (beyond it every cell is blank). */
const RULE_MARGIN = 50;

function truthy(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  return false;
}

/** Custom-formula results during one view: the same text (`=$D2<0.4` across a row) is computed once. */
type FormulaCache = Map<string, boolean>;

function ruleMatches(
  wb: Workbook,
  sheet: SheetModel,
  rule: ConditionalRule,
  row: number,
  column: number,
  cache: FormulaCache,
): boolean {
  const v = computed(wb, sheet, row, column);
  const [a, b] = rule.values;
  switch (rule.criteria) {
    case 'CELL_EMPTY':
      return v === null || v === '';
    case 'CELL_NOT_EMPTY':
      return !(v === null || v === '');
    case 'TEXT_EQUAL_TO':
      return typeof v === 'string' && v.toLowerCase() === String(a).toLowerCase();
    case 'NUMBER_LESS_THAN':
      return typeof v === 'number' && v < Number(a);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return typeof v === 'number' && v >= Number(a);
    case 'NUMBER_BETWEEN':
      return (
        typeof v === 'number' && v >= Math.min(Number(a), Number(b)) && v <= Math.max(Number(a), Number(b))
      );
    case 'CUSTOM_FORMULA': {
      if (rule.unparsed) return false;
      const anchor = rule.ranges[0]!;
      const tokens = offsetRelative(tokenize(String(a)), row - anchor.row, column - anchor.column);
      const text = toEngine(tokens, (name) => {
        const target = name === undefined ? sheet : wb.sheetByName(name);
        return target && { maxRows: target.maxRows, maxColumns: target.maxColumns };
      });
      let hit = cache.get(text);
      if (hit === undefined) {
        try {
          hit = truthy(wb.hf.calculateFormula(text, sheet.hf));
        } catch {
          hit = false;
        }
        cache.set(text, hit);
      }
      return hit;
    }
    default:
      return false;
  }
}

export function sheetView(wb: Workbook, sheet: SheetModel): SheetView {
  const rows = lastRow(wb, sheet);
  const columns = lastColumn(wb, sheet);
  const cells: Record<string, CellView> = {};
  const cell = (row: number, column: number): CellView => {
    const key = cellA1(row, column);
    let c = cells[key];
    if (!c) {
      c = { text: '', kind: 'text', input: '' };
      cells[key] = c;
    }
    return c;
  };
  for (let r = 1; r <= rows; r++) {
    for (let c = 1; c <= columns; c++) {
      if (isEmptyCell(wb, sheet, r, c)) continue;
      const v = computed(wb, sheet, r, c);
      const view = cell(r, c);
      view.text = displayValue(wb, sheet, r, c);
      view.kind = isCellError(v)
        ? 'error'
        : typeof v === 'number'
          ? 'number'
          : typeof v === 'boolean'
            ? 'boolean'
            : 'text';
      if (isCellError(v)) view.error = v.message;
      view.input = inputText(wb, sheet, r, c);
      const formula = formulaAt(wb, sheet, r, c);
      if (formula) view.formula = formula;
      else if (wb.hf.isCellPartOfArray({ sheet: sheet.hf, row: r - 1, col: c - 1 })) view.spilled = true;
    }
  }
  sheet.eachCell((r, c, m) => {
    if (r > sheet.maxRows || c > sheet.maxColumns) return;
    const has = m.background || m.fontColor || m.fontWeight === 'bold' || m.horizontalAlignment || m.wrap;
    if (!has && !m.validation) return;
    const view = cell(r, c);
    if (m.background) view.background = m.background;
    if (m.fontColor) view.color = m.fontColor;
    if (m.fontWeight === 'bold') view.bold = true;
    if (m.horizontalAlignment && m.horizontalAlignment !== 'normal') view.align = m.horizontalAlignment;
    if (m.wrap) view.wrap = true;
    const v = m.validation;
    if (v) {
      if (v.helpText) view.help = v.helpText;
      if (v.showDropdown !== false && v.criteria === 'VALUE_IN_LIST') {
        view.choices = ((v.values[0] as unknown[]) ?? []).map(String);
      } else if (v.showDropdown !== false && v.criteria === 'VALUE_IN_RANGE' && v.range) {
        const src = wb.bounded(v.range);
        const choices: string[] = [];
        const last = Math.min(src.row + src.numRows - 1, lastRow(wb, src.sheet));
        for (let i = src.row; i <= last; i++) {
          for (let j = src.column; j < src.column + src.numColumns; j++) {
            const t = displayValue(wb, src.sheet, i, j);
            if (t !== '' && !choices.includes(t)) choices.push(t);
          }
        }
        view.choices = choices;
      }
    }
  });
  // Conditional formats: the first rule (in order) whose condition holds formats the cell.
  const evalRows = Math.min(sheet.maxRows, Math.max(rows, sheet.frozenRows) + RULE_MARGIN);
  const done = new Set<string>();
  const cache: FormulaCache = new Map();
  for (const rule of sheet.rules) {
    for (const range of rule.ranges) {
      const r = wb.bounded(range);
      const rowEnd = Math.min(r.row + r.numRows - 1, evalRows);
      for (let row = r.row; row <= rowEnd; row++) {
        for (let column = r.column; column < r.column + r.numColumns; column++) {
          const key = cellA1(row, column);
          if (done.has(key)) continue;
          if (!ruleMatches(wb, sheet, rule, row, column, cache)) continue;
          done.add(key);
          const view = cell(row, column);
          if (rule.background) view.background = rule.background;
          if (rule.fontColor) view.color = rule.fontColor;
        }
      }
    }
  }
  return {
    name: sheet.name,
    id: sheet.id,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    frozenRows: sheet.frozenRows,
    lastRow: rows,
    lastColumn: columns,
    columnWidths: { ...sheet.columnWidths },
    cells,
    charts: sheet.charts.map((c) => chartView(wb, c)),
  };
}

export function workbookView(wb: Workbook, sheetName?: string): WorkbookView {
  const sheet = (sheetName && wb.sheetByName(sheetName)) || wb.activeSheet();
  const active = wb.activeSheet();
  const range = wb.active.range;
  return {
    name: wb.name,
    locale: wb.locale,
    tabs: wb.sheets.map((s) => ({ name: s.name, id: s.id, hidden: s.hidden, color: s.tabColor })),
    active: {
      sheet: active.name,
      a1: range ? cellA1(range.row, range.column) : 'A1',
    },
    sheet: sheetView(wb, sheet),
  };
}
