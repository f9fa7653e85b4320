// Sheet: a tab of the spreadsheet (name, position, grid size, frozen rows, colour, visibility, column widths),
// the ranges it hands out, its rows and columns inserted and deleted (structure.ts), its conditional-format rules,
// protection, developer metadata and embedded charts (charts.ts), and copyTo.
import type * as Gas from '../../server/gas';
import { parseA1, splitSheet } from './a1';
import { lastColumn, lastRow } from './cells';
import {
  type EmuEmbeddedChart,
  type EmuEmbeddedChartBuilder,
  getCharts,
  insertChart,
  newChart,
  removeChart,
  updateChart,
} from './charts';
import { checkBounds, isInt, signatureError } from './checks';
import { normalizeColor } from './colors';
import { EmuConditionalFormatRule } from './conditional-formats';
import { addMetadata, EmuDeveloperMetadata, EmuDeveloperMetadataFinder } from './developer-metadata';
import { enumName } from './enums';
import { ApiError } from './errors';
import type { GridRange, ProtectionModel, SheetModel } from './model';
import { EmuProtection } from './protection';
import { EmuRange } from './range';
import { type Ctx, EmuSpreadsheet } from './spreadsheet';
import { copySheet } from './state';
import { restructure } from './structure';
import type { Workbook } from './workbook';

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
    return new EmuSheet(this.ctx, copySheet(this.wb, this.model));
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
    const rows = Math.max(1, lastRow(this.wb, this.model));
    const columns = Math.max(1, lastColumn(this.wb, this.model));
    return new EmuRange(this.ctx, {
      sheet: this.model,
      row: 1,
      column: 1,
      numRows: rows,
      numColumns: columns,
    });
  }
  getLastRow(): number {
    return lastRow(this.wb, this.model);
  }
  getLastColumn(): number {
    return lastColumn(this.wb, this.model);
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
    restructure(this.wb, this.model, 'row', afterPosition + 1, howMany);
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number): EmuSheet {
    this.checkPosition(beforePosition, howMany, 'row', 'insertRowsBefore');
    restructure(this.wb, this.model, 'row', beforePosition, howMany);
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): EmuSheet {
    this.checkPosition(afterPosition, howMany, 'column', 'insertColumnsAfter');
    restructure(this.wb, this.model, 'column', afterPosition + 1, howMany);
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number): EmuSheet {
    this.checkPosition(beforePosition, howMany, 'column', 'insertColumnsBefore');
    restructure(this.wb, this.model, 'column', beforePosition, howMany);
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.checkPosition(rowPosition, howMany, 'row', 'deleteRows');
    if (rowPosition + howMany - 1 > this.model.maxRows) throw new ApiError('Those rows are out of bounds.');
    if (howMany >= this.model.maxRows - this.model.frozenRows && rowPosition <= this.model.frozenRows + 1) {
      throw new ApiError('Sorry, it is not possible to delete all non-frozen rows.');
    }
    restructure(this.wb, this.model, 'row', rowPosition, -howMany);
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this.checkPosition(columnPosition, howMany, 'column', 'deleteColumns');
    if (columnPosition + howMany - 1 > this.model.maxColumns)
      throw new ApiError('Those columns are out of bounds.');
    if (howMany >= this.model.maxColumns)
      throw new ApiError('Sorry, it is not possible to delete all columns.');
    restructure(this.wb, this.model, 'column', columnPosition, -howMany);
  }

  appendRow(rowContents: unknown[]): EmuSheet {
    if (!Array.isArray(rowContents)) throw signatureError('Sheet.appendRow', [rowContents]);
    const row = lastRow(this.wb, this.model) + 1;
    if (row > this.model.maxRows) restructure(this.wb, this.model, 'row', this.model.maxRows + 1, 1);
    if (rowContents.length > this.model.maxColumns) {
      restructure(
        this.wb,
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

  newChart(): EmuEmbeddedChartBuilder {
    return newChart(this.ctx);
  }
  insertChart(chart: Gas.EmbeddedChart): void {
    insertChart(this.ctx, this.model, chart);
  }
  updateChart(chart: Gas.EmbeddedChart): void {
    updateChart(this.model, chart);
  }
  removeChart(chart: Gas.EmbeddedChart): void {
    removeChart(this.model, chart);
  }
  getCharts(): EmuEmbeddedChart[] {
    return getCharts(this.ctx, this.model);
  }
}

/** The model behind a Sheet the add-on passed back (setActiveSheet, deleteSheet). */
export function toModel(sheet: Gas.Sheet): SheetModel {
  if (!(sheet instanceof EmuSheet)) throw new ApiError('Invalid argument: sheet');
  return sheet.model;
}
