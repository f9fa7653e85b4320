// SpreadsheetApp and the Spreadsheet it hands out, over the Workbook model; what every emulated spreadsheet
// object is built with (Ctx). Each class implements its slice interface from src/server/gas.ts (so the compiler
// lists what the add-on may call) and reproduces Apps Script's behaviour and messages where the add-on can notice
// them. The other classes of the family: sheet.ts, range.ts, validation.ts, conditional-formats.ts,
// protection.ts, developer-metadata.ts, named-ranges.ts.
import type * as Gas from '../../server/gas';
import type { A1Range } from './a1';
import { isInt, signatureError } from './checks';
import { EmuConditionalFormatRuleBuilder } from './conditional-formats';
import { addMetadata, EmuDeveloperMetadata, EmuDeveloperMetadataFinder } from './developer-metadata';
import {
  asEnum,
  BooleanCriteria,
  DataValidationCriteria,
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  ProtectionType,
} from './enums';
import { ApiError, NotEmulated } from './errors';
import { EmuNamedRange } from './named-ranges';
import { EmuRange, toGrid } from './range';
import { EmuSheet, toModel } from './sheet';
import type { EmuUi } from './ui';
import { EmuDataValidationBuilder } from './validation';
import type { Workbook } from './workbook';

/** Range lives in range.ts; tests and the bench reach it through this module too. */
export { EmuRange } from './range';

/** What every emulated spreadsheet object shares. */
export interface Ctx {
  wb: Workbook;
  ui: EmuUi;
  /** Records a toast (Spreadsheet.toast). */
  toast(message: string, title: string, timeoutSeconds: number | null): void;
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
  /** The locale id (`en_US`, `de_DE`): how formulas and typed text read and numbers show in this spreadsheet. */
  getSpreadsheetLocale(): string {
    return this.wb.locale;
  }
  /** As File › Settings › Locale: existing formulas show in the new locale, values display in it. */
  setSpreadsheetLocale(locale: string): void {
    if (typeof locale !== 'string') throw signatureError('Spreadsheet.setSpreadsheetLocale', [locale]);
    this.wb.setLocale(locale);
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
