// The slice of Apps Script that okr-sheets uses, and the only way server code reaches Apps Script.
//
// Each interface picks its methods from @types/google-apps-script, so the signatures are Google's; methods that
// return another service object are re-declared to return the narrowed interface instead. The checks at the
// end prove that Google's real objects satisfy every slice (so the accessors below need no cast), and the
// emulator (src/playground/emulator) `implements` the same interfaces. Needing a new method: add it here,
// and the compiler shows what the emulator must implement.

import type { ChartsSlice, EmbeddedChart, EmbeddedChartBuilder } from './gas-charts';

/** Embedded charts' part of the slice (types only) is gas-charts.ts; this module's face includes it. */
export type * from './gas-charts';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GSpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type GDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type GDataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type GRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type GRuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type GBooleanCondition = GoogleAppsScript.Spreadsheet.BooleanCondition;
type GProtection = GoogleAppsScript.Spreadsheet.Protection;
type GMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;
type GMetadataFinder = GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
type GMetadataLocation = GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation;
type GNamedRange = GoogleAppsScript.Spreadsheet.NamedRange;
type GUi = GoogleAppsScript.Base.Ui;
type GMenu = GoogleAppsScript.Base.Menu;
type GHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type GHtmlService = GoogleAppsScript.HTML.HtmlService;
type GProperties = GoogleAppsScript.Properties.Properties;
type GPropertiesService = GoogleAppsScript.Properties.PropertiesService;
type GLock = GoogleAppsScript.Lock.Lock;
type GLockService = GoogleAppsScript.Lock.LockService;
type GSession = GoogleAppsScript.Base.Session;
type GUtilities = GoogleAppsScript.Utilities.Utilities;
type GScriptApp = GoogleAppsScript.Script.ScriptApp;

export type Integer = number;
export type ProtectionType = GoogleAppsScript.Spreadsheet.ProtectionType;
export type DeveloperMetadataVisibility = GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
export type DeveloperMetadataLocationType = GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType;
export type DataValidationCriteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;
export type BooleanCriteria = GoogleAppsScript.Spreadsheet.BooleanCriteria;
export type Button = GoogleAppsScript.Base.Button;
export type ButtonSet = GoogleAppsScript.Base.ButtonSet;
export type AuthMode = GoogleAppsScript.Script.AuthMode;
export type HorizontalAlignment = 'left' | 'center' | 'normal' | 'right' | null;
export type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;

// ---- Spreadsheet --------------------------------------------------------------------------------------------

export interface SpreadsheetAppSlice
  extends Pick<
    GSpreadsheetApp,
    | 'ProtectionType'
    | 'DeveloperMetadataVisibility'
    | 'DeveloperMetadataLocationType'
    | 'DataValidationCriteria'
  > {
  BooleanCriteria: typeof GoogleAppsScript.Spreadsheet.BooleanCriteria;
  flush(): void;
  getActive(): Spreadsheet;
  getActiveSpreadsheet(): Spreadsheet;
  getActiveSheet(): Sheet;
  getActiveRange(): Range;
  getUi(): Ui;
  newDataValidation(): DataValidationBuilder;
  newConditionalFormatRule(): ConditionalFormatRuleBuilder;
}

export interface Spreadsheet
  extends Pick<
    GSpreadsheet,
    | 'getName'
    | 'getId'
    | 'toast'
    | 'getSpreadsheetTimeZone'
    | 'getSpreadsheetLocale'
    | 'setSpreadsheetLocale'
    | 'removeNamedRange'
  > {
  getSheets(): Sheet[];
  getSheetByName(name: string): Sheet | null;
  getSheetById(id: Integer): Sheet | null;
  insertSheet(sheetName: string): Sheet;
  insertSheet(sheetName: string, sheetIndex: Integer): Sheet;
  deleteSheet(sheet: Sheet): void;
  getActiveSheet(): Sheet;
  setActiveSheet(sheet: Sheet): Sheet;
  moveActiveSheet(pos: Integer): void;
  getActiveRange(): Range | null;
  getRange(a1Notation: string): Range;
  getRangeByName(name: string): Range | null;
  getNamedRanges(): NamedRange[];
  setNamedRange(name: string, range: Range): void;
  addDeveloperMetadata(key: string): Spreadsheet;
  addDeveloperMetadata(key: string, visibility: DeveloperMetadataVisibility): Spreadsheet;
  addDeveloperMetadata(key: string, value: string): Spreadsheet;
  addDeveloperMetadata(key: string, value: string, visibility: DeveloperMetadataVisibility): Spreadsheet;
  getDeveloperMetadata(): DeveloperMetadata[];
  createDeveloperMetadataFinder(): DeveloperMetadataFinder;
}

export interface Sheet
  extends Pick<
    GSheet,
    | 'getName'
    | 'getSheetId'
    | 'getIndex'
    | 'getLastRow'
    | 'getLastColumn'
    | 'getMaxRows'
    | 'getMaxColumns'
    | 'deleteRows'
    | 'deleteColumns'
    | 'setFrozenRows'
    | 'getFrozenRows'
    | 'isSheetHidden'
  > {
  setName(name: string): Sheet;
  getRange(row: Integer, column: Integer): Range;
  getRange(row: Integer, column: Integer, numRows: Integer): Range;
  getRange(row: Integer, column: Integer, numRows: Integer, numColumns: Integer): Range;
  getRange(a1Notation: string): Range;
  getDataRange(): Range;
  getParent(): Spreadsheet;
  copyTo(spreadsheet: Spreadsheet): Sheet;
  insertRowsAfter(afterPosition: Integer, howMany: Integer): Sheet;
  insertRowsBefore(beforePosition: Integer, howMany: Integer): Sheet;
  insertColumnsAfter(afterPosition: Integer, howMany: Integer): Sheet;
  insertColumnsBefore(beforePosition: Integer, howMany: Integer): Sheet;
  appendRow(rowContents: unknown[]): Sheet;
  getConditionalFormatRules(): ConditionalFormatRule[];
  setConditionalFormatRules(rules: ConditionalFormatRule[]): void;
  protect(): Protection;
  getProtections(type: ProtectionType): Protection[];
  addDeveloperMetadata(key: string): Sheet;
  addDeveloperMetadata(key: string, visibility: DeveloperMetadataVisibility): Sheet;
  addDeveloperMetadata(key: string, value: string): Sheet;
  addDeveloperMetadata(key: string, value: string, visibility: DeveloperMetadataVisibility): Sheet;
  getDeveloperMetadata(): DeveloperMetadata[];
  createDeveloperMetadataFinder(): DeveloperMetadataFinder;
  setColumnWidth(columnPosition: Integer, width: Integer): Sheet;
  setColumnWidths(startColumn: Integer, numColumns: Integer, width: Integer): Sheet;
  setTabColor(color: string | null): Sheet;
  activate(): Sheet;
  clear(): Sheet;
  hideSheet(): Sheet;
  showSheet(): Sheet;
  newChart(): EmbeddedChartBuilder;
  insertChart(chart: EmbeddedChart): void;
  updateChart(chart: EmbeddedChart): void;
  removeChart(chart: EmbeddedChart): void;
  getCharts(): EmbeddedChart[];
}

export interface Range
  extends Pick<
    GRange,
    | 'getValues'
    | 'getValue'
    | 'getDisplayValues'
    | 'getDisplayValue'
    | 'getFormulas'
    | 'getFormula'
    | 'getNumRows'
    | 'getNumColumns'
    | 'getRow'
    | 'getColumn'
    | 'getLastRow'
    | 'getLastColumn'
    | 'getA1Notation'
    | 'getNumberFormat'
    | 'getNumberFormats'
    | 'getBackground'
    | 'getBackgrounds'
    | 'getFontWeight'
    | 'getFontWeights'
    | 'getFontColor'
    | 'getHorizontalAlignment'
    | 'getWrap'
    | 'isBlank'
  > {
  getSheet(): Sheet;
  offset(rowOffset: Integer, columnOffset: Integer): Range;
  offset(rowOffset: Integer, columnOffset: Integer, numRows: Integer): Range;
  offset(rowOffset: Integer, columnOffset: Integer, numRows: Integer, numColumns: Integer): Range;
  setValues(values: unknown[][]): Range;
  setValue(value: unknown): Range;
  setFormulas(formulas: string[][]): Range;
  setFormula(formula: string): Range;
  setNumberFormat(numberFormat: string): Range;
  setNumberFormats(numberFormats: string[][]): Range;
  setBackground(color: string | null): Range;
  setBackgrounds(color: Array<Array<string | null>>): Range;
  setFontWeight(fontWeight: FontWeight | null): Range;
  setFontWeights(fontWeights: Array<Array<FontWeight | null>>): Range;
  setFontColor(color: string | null): Range;
  setHorizontalAlignment(alignment: HorizontalAlignment): Range;
  setWrap(isWrapEnabled: boolean): Range;
  setDataValidation(rule: DataValidation | null): Range;
  setDataValidations(rules: Array<Array<DataValidation | null>>): Range;
  getDataValidation(): DataValidation | null;
  getDataValidations(): Array<Array<DataValidation | null>>;
  clearContent(): Range;
  clear(): Range;
  clearDataValidations(): Range;
  protect(): Protection;
  addDeveloperMetadata(key: string): Range;
  addDeveloperMetadata(key: string, visibility: DeveloperMetadataVisibility): Range;
  addDeveloperMetadata(key: string, value: string): Range;
  addDeveloperMetadata(key: string, value: string, visibility: DeveloperMetadataVisibility): Range;
  getDeveloperMetadata(): DeveloperMetadata[];
  createDeveloperMetadataFinder(): DeveloperMetadataFinder;
  activate(): Range;
}

export interface DataValidation
  extends Pick<
    GDataValidation,
    'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'
  > {}

export interface DataValidationBuilder
  extends Pick<GDataValidationBuilder, 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues'> {
  requireValueInList(values: string[]): DataValidationBuilder;
  requireValueInList(values: string[], showDropdown: boolean): DataValidationBuilder;
  requireValueInRange(range: Range): DataValidationBuilder;
  requireValueInRange(range: Range, showDropdown: boolean): DataValidationBuilder;
  requireNumberBetween(start: number, end: number): DataValidationBuilder;
  requireCheckbox(): DataValidationBuilder;
  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilder;
  setHelpText(helpText: string): DataValidationBuilder;
  build(): DataValidation;
}

export interface BooleanCondition
  extends Pick<
    GBooleanCondition,
    'getBackground' | 'getFontColor' | 'getCriteriaType' | 'getCriteriaValues'
  > {}

export interface ConditionalFormatRule {
  getRanges(): Range[];
  getBooleanCondition(): BooleanCondition | null;
}

export interface ConditionalFormatRuleBuilder {
  whenTextEqualTo(text: string): ConditionalFormatRuleBuilder;
  whenNumberLessThan(number: number): ConditionalFormatRuleBuilder;
  whenNumberGreaterThanOrEqualTo(number: number): ConditionalFormatRuleBuilder;
  whenNumberBetween(start: number, end: number): ConditionalFormatRuleBuilder;
  whenFormulaSatisfied(formula: string): ConditionalFormatRuleBuilder;
  setBackground(color: string | null): ConditionalFormatRuleBuilder;
  setFontColor(color: string | null): ConditionalFormatRuleBuilder;
  setRanges(ranges: Range[]): ConditionalFormatRuleBuilder;
  getRanges(): Range[];
  build(): ConditionalFormatRule;
}

export interface Protection extends Pick<GProtection, 'isWarningOnly' | 'getDescription' | 'remove'> {
  setWarningOnly(warningOnly: boolean): Protection;
  setDescription(description: string): Protection;
  getRange(): Range;
}

export interface DeveloperMetadata extends Pick<GMetadata, 'getId' | 'getKey' | 'getValue' | 'remove'> {
  setValue(value: string): DeveloperMetadata;
  getLocation(): DeveloperMetadataLocation;
}

export interface DeveloperMetadataLocation extends Pick<GMetadataLocation, 'getLocationType'> {
  getSheet(): Sheet | null;
  getColumn(): Range | null;
  getRow(): Range | null;
}

export interface DeveloperMetadataFinder {
  withKey(key: string): DeveloperMetadataFinder;
  withValue(value: string): DeveloperMetadataFinder;
  withLocationType(locationType: DeveloperMetadataLocationType): DeveloperMetadataFinder;
  find(): DeveloperMetadata[];
}

export interface NamedRange extends Pick<GNamedRange, 'getName' | 'remove'> {
  getRange(): Range;
  setRange(range: Range): NamedRange;
}

// ---- Ui and HtmlService ---------------------------------------------------------------------------------------

export interface Ui extends Pick<GUi, 'Button' | 'ButtonSet' | 'alert' | 'prompt'> {
  createAddonMenu(): Menu;
  createMenu(caption: string): Menu;
  showSidebar(userInterface: HtmlOutput): void;
  showModalDialog(userInterface: HtmlOutput, title: string): void;
}

export interface Menu extends Pick<GMenu, 'addToUi'> {
  addItem(caption: string, functionName: string): Menu;
  addSeparator(): Menu;
  addSubMenu(menu: Menu): Menu;
}

export interface HtmlServiceSlice {
  createHtmlOutputFromFile(filename: string): HtmlOutput;
  createHtmlOutput(html: string): HtmlOutput;
}

export interface HtmlOutput extends Pick<GHtmlOutput, 'getTitle' | 'getContent' | 'getWidth' | 'getHeight'> {
  setTitle(title: string): HtmlOutput;
  setWidth(width: Integer): HtmlOutput;
  setHeight(height: Integer): HtmlOutput;
  setContent(content: string): HtmlOutput;
  append(addedContent: string): HtmlOutput;
}

// ---- Properties, locks, session, utilities, script -----------------------------------------------------------

export interface PropertiesServiceSlice {
  getDocumentProperties(): Properties;
  getUserProperties(): Properties;
}

export interface Properties extends Pick<GProperties, 'getProperty' | 'getProperties' | 'getKeys'> {
  setProperty(key: string, value: string): Properties;
  setProperties(properties: { [key: string]: string }): Properties;
  setProperties(properties: { [key: string]: string }, deleteAllOthers: boolean): Properties;
  deleteProperty(key: string): Properties;
  deleteAllProperties(): Properties;
}

export interface LockServiceSlice {
  getDocumentLock(): Lock;
}

export interface Lock extends Pick<GLock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'> {}

export interface SessionSlice extends Pick<GSession, 'getScriptTimeZone'> {
  getActiveUser(): User;
  getEffectiveUser(): User;
}

export interface User extends Pick<GoogleAppsScript.Base.User, 'getEmail'> {}

export interface UtilitiesSlice extends Pick<GUtilities, 'formatDate' | 'getUuid'> {}

export interface ScriptAppSlice extends Pick<GScriptApp, 'AuthMode'> {}

// ---- Accessors: server code calls these instead of naming the globals -----------------------------------------

export function spreadsheetApp(): SpreadsheetAppSlice {
  return SpreadsheetApp;
}

export function charts(): ChartsSlice {
  return Charts;
}

export function htmlService(): HtmlServiceSlice {
  return HtmlService;
}

export function propertiesService(): PropertiesServiceSlice {
  return PropertiesService;
}

export function lockService(): LockServiceSlice {
  return LockService;
}

export function session(): SessionSlice {
  return Session;
}

export function utilities(): UtilitiesSlice {
  return Utilities;
}

export function scriptApp(): ScriptAppSlice {
  return ScriptApp;
}

// ---- Proof that Google's objects satisfy every slice (a compile error here names the mismatch) ---------------

type Satisfies<Google extends Slice, Slice> = [Google, Slice];
export type GoogleSatisfiesSlices = [
  Satisfies<GSpreadsheetApp, SpreadsheetAppSlice>,
  Satisfies<GSpreadsheet, Spreadsheet>,
  Satisfies<GSheet, Sheet>,
  Satisfies<GRange, Range>,
  Satisfies<GDataValidation, DataValidation>,
  Satisfies<GDataValidationBuilder, DataValidationBuilder>,
  Satisfies<GRule, ConditionalFormatRule>,
  Satisfies<GRuleBuilder, ConditionalFormatRuleBuilder>,
  Satisfies<GProtection, Protection>,
  Satisfies<GMetadata, DeveloperMetadata>,
  Satisfies<GMetadataLocation, DeveloperMetadataLocation>,
  Satisfies<GMetadataFinder, DeveloperMetadataFinder>,
  Satisfies<GNamedRange, NamedRange>,
  Satisfies<GUi, Ui>,
  Satisfies<GMenu, Menu>,
  Satisfies<GHtmlService, HtmlServiceSlice>,
  Satisfies<GHtmlOutput, HtmlOutput>,
  Satisfies<GPropertiesService, PropertiesServiceSlice>,
  Satisfies<GProperties, Properties>,
  Satisfies<GLockService, LockServiceSlice>,
  Satisfies<GLock, Lock>,
  Satisfies<GSession, SessionSlice>,
  Satisfies<GUtilities, UtilitiesSlice>,
  Satisfies<GScriptApp, ScriptAppSlice>,
];
