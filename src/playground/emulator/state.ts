// The workbook as JSON: everything a spreadsheet keeps (raw inputs, grid, formats, rules, charts, metadata,
// properties, locale), so the playground can save it after every change and tests can start from a known state. The schema
// (zod), and the conversions between it and the model: a workbook to its state, a state loaded into an empty
// workbook, and Sheet.copyTo, which copies a sheet through its state. Formulas are kept as the state's locale
// writes them, and read in it on load.
import { types } from 'node:util';
import { z } from 'zod';
import { cellA1, formatA1 } from './a1';
import { formulaAt } from './cells';
import { CHART_TYPE_NAMES, chartFromState, chartState, copyCharts } from './chart-model';
import { compileFormat } from './formats';
import { readFormula, shownRuleValues } from './formula-locale';
import { acceptedLocale, DEFAULT_LOCALE } from './locale';
import { hfAddress, type SheetModel, type ValidationRule } from './model';
import type { Workbook } from './workbook';

/**
 * A cell's raw input. Numbers and booleans are values; a string starting with `=` is a formula, written as the
 * state's locale writes it; a string starting with `'` is text without that apostrophe (used for text that starts
 * with = or '); any other string is text exactly as it stands (never re-parsed: "007" stays text). Dates are
 * numbers with a date format.
 */
export const CellInputSchema = z.union([z.string(), z.number(), z.boolean()]);
export type CellInput = z.infer<typeof CellInputSchema>;

export const ValidationStateSchema = z.object({
  criteria: z.string(),
  values: z.array(z.unknown()),
  /** For VALUE_IN_RANGE: the source range, `'Sheet'!A1:A9`. */
  range: z.string().optional(),
  showDropdown: z.boolean().optional(),
  allowInvalid: z.boolean(),
  helpText: z.string().optional(),
});
export type ValidationState = z.infer<typeof ValidationStateSchema>;

export const CellFormatSchema = z.object({
  numberFormat: z.string().optional(),
  background: z.string().optional(),
  fontWeight: z.enum(['bold', 'normal']).optional(),
  fontColor: z.string().optional(),
  horizontalAlignment: z.enum(['left', 'center', 'right', 'normal']).optional(),
  wrap: z.boolean().optional(),
  validation: ValidationStateSchema.optional(),
});
export type CellFormat = z.infer<typeof CellFormatSchema>;

export const RuleStateSchema = z.object({
  /** A1 ranges on the rule's sheet. */
  ranges: z.array(z.string()),
  criteria: z.string(),
  values: z.array(z.union([z.string(), z.number()])),
  background: z.string().nullable().optional(),
  fontColor: z.string().nullable().optional(),
});
export type RuleState = z.infer<typeof RuleStateSchema>;

export const ChartStateSchema = z.object({
  /** Unique in the spreadsheet (EmbeddedChart.getChartId). */
  id: z.number().int(),
  type: z.enum(CHART_TYPE_NAMES),
  /** A1 ranges with their sheet: `'2027-Q1 Objectives'!B1:B9`. */
  ranges: z.array(z.string()),
  numHeaders: z.number().int().nonnegative().optional(),
  mergeStrategy: z.enum(['MERGE_COLUMNS', 'MERGE_ROWS']).optional(),
  transpose: z.boolean().optional(),
  /** Gviz options as set (setOption), a JSON tree. */
  options: z.record(z.string(), z.unknown()),
  position: z.object({
    row: z.number().int().positive(),
    column: z.number().int().positive(),
    offsetX: z.number().int(),
    offsetY: z.number().int(),
  }),
});
export type ChartState = z.infer<typeof ChartStateSchema>;

export const SheetStateSchema = z.object({
  name: z.string().min(1),
  id: z.number().int(),
  maxRows: z.number().int().positive(),
  maxColumns: z.number().int().positive(),
  frozenRows: z.number().int().nonnegative().default(0),
  tabColor: z.string().nullable().optional(),
  hidden: z.boolean().optional(),
  columnWidths: z.record(z.string(), z.number()).optional(),
  /** Sparse raw inputs keyed by A1 (row-major order). */
  cells: z.record(z.string(), CellInputSchema),
  /** Sparse formats keyed by A1. */
  formats: z.record(z.string(), CellFormatSchema).optional(),
  conditionalFormats: z.array(RuleStateSchema).optional(),
  /** Embedded charts floating over this sheet. */
  charts: z.array(ChartStateSchema).optional(),
});
export type SheetState = z.infer<typeof SheetStateSchema>;

export const MetadataStateSchema = z.object({
  id: z.number().int(),
  key: z.string(),
  value: z.string().nullable(),
  visibility: z.enum(['DOCUMENT', 'PROJECT']),
  location: z.discriminatedUnion('type', [
    z.object({ type: z.literal('SPREADSHEET') }),
    z.object({ type: z.literal('SHEET'), sheet: z.number().int() }),
    z.object({
      type: z.enum(['ROW', 'COLUMN']),
      sheet: z.number().int(),
      start: z.number().int().positive(),
      count: z.number().int().positive(),
    }),
  ]),
});
export type MetadataState = z.infer<typeof MetadataStateSchema>;

export const ProtectionStateSchema = z.object({
  type: z.enum(['RANGE', 'SHEET']),
  sheet: z.number().int(),
  /** For RANGE protections: A1 on the sheet. */
  a1: z.string().optional(),
  description: z.string(),
  warningOnly: z.boolean(),
});
export type ProtectionState = z.infer<typeof ProtectionStateSchema>;

export const WorkbookStateSchema = z.object({
  version: z.literal(1),
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  /** The spreadsheet's locale (getSpreadsheetLocale); states saved before locales were emulated are en_US. */
  locale: z
    .string()
    .refine((id) => acceptedLocale(id) !== undefined, { message: 'not a locale Sheets offers' })
    .default(DEFAULT_LOCALE),
  sheets: z.array(SheetStateSchema).min(1),
  namedRanges: z.array(z.object({ name: z.string(), sheet: z.number().int(), a1: z.string() })).default([]),
  protections: z.array(ProtectionStateSchema).default([]),
  metadata: z.array(MetadataStateSchema).default([]),
  nextMetadataId: z.number().int().optional(),
  nextChartId: z.number().int().positive().optional(),
  properties: z
    .object({ document: z.record(z.string(), z.string()), user: z.record(z.string(), z.string()) })
    .default({ document: {}, user: {} }),
  active: z.object({ sheet: z.number().int(), a1: z.string().optional() }).optional(),
});
export type WorkbookState = z.infer<typeof WorkbookStateSchema>;
export type WorkbookStateInput = z.input<typeof WorkbookStateSchema>;

/** Parses JSON text into a state; throws an Error saying what is wrong. */
export function parseWorkbookState(value: unknown): WorkbookState {
  const result = WorkbookStateSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join('.') || '(root)';
    throw new Error(`not a workbook state: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

// ---- model ↔ state ---------------------------------------------------------------------------------------

/** The workbook as JSON (Addon.toState). */
export function workbookState(wb: Workbook): WorkbookState {
  return {
    version: 1,
    id: wb.id,
    name: wb.name,
    timeZone: wb.timeZone,
    locale: wb.locale,
    sheets: wb.sheets.map((s) => sheetState(wb, s)),
    namedRanges: wb.namedRanges.map((n) => ({
      name: n.name,
      sheet: n.range.sheet.id,
      a1: wb.a1Of(n.range),
    })),
    protections: wb.protections.map(
      (p): ProtectionState => ({
        type: p.type,
        sheet: p.sheet.id,
        ...(p.range ? { a1: wb.a1Of(p.range) } : {}),
        description: p.description,
        warningOnly: p.warningOnly,
      }),
    ),
    metadata: wb.metadata.map(
      (m): MetadataState => ({
        id: m.id,
        key: m.key,
        value: m.value,
        visibility: m.visibility,
        location:
          'sheet' in m.location ? { ...m.location, sheet: m.location.sheet.id } : { type: 'SPREADSHEET' },
      }),
    ),
    nextMetadataId: wb.nextMetadataId,
    nextChartId: wb.nextChartId,
    properties: { document: { ...wb.properties.document }, user: { ...wb.properties.user } },
    active: wb.active.sheet
      ? {
          sheet: wb.active.sheet.id,
          ...(wb.active.range ? { a1: formatA1(wb.active.range) } : {}),
        }
      : undefined,
  };
}

function sheetState(wb: Workbook, s: SheetModel): SheetState {
  const cells: Record<string, CellInput> = {};
  const dims = wb.hf.getSheetDimensions(s.hf);
  for (let r = 1; r <= dims.height; r++) {
    for (let c = 1; c <= dims.width; c++) {
      const meta = s.cell(r, c);
      if (meta?.formula !== undefined) {
        cells[cellA1(r, c)] = formulaAt(wb, s, r, c);
        continue;
      }
      const addr = hfAddress(s, r, c);
      if (wb.hf.getCellType(addr) !== 'VALUE') continue;
      const v = wb.hf.getCellValue(addr);
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
    if (m.validation) f.validation = validationState(wb, m.validation);
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
        ranges: rule.ranges.map((r) => wb.a1Of(r)),
        criteria: rule.criteria,
        values: shownRuleValues(rule, wb.rules),
        background: rule.background,
        fontColor: rule.fontColor,
      }),
    ),
    ...(s.charts.length > 0 ? { charts: s.charts.map((c) => chartState(wb, c)) } : {}),
  };
}

function validationState(wb: Workbook, v: ValidationRule): ValidationState {
  return {
    criteria: v.criteria,
    values: v.criteria === 'VALUE_IN_RANGE' ? [] : v.values.map((x) => (types.isDate(x) ? String(x) : x)),
    ...(v.range ? { range: wb.a1Of(v.range, true) } : {}),
    ...(v.showDropdown !== undefined ? { showDropdown: v.showDropdown } : {}),
    allowInvalid: v.allowInvalid,
    ...(v.helpText !== undefined ? { helpText: v.helpText } : {}),
  };
}

function applyFormats(wb: Workbook, sheet: SheetModel, s: SheetState): void {
  for (const [a1, f] of Object.entries(s.formats ?? {})) {
    const r = wb.rangeFromA1(a1, sheet);
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
    if (f.validation) m.validation = validationFromState(wb, f.validation, sheet);
  }
  sheet.rules = (s.conditionalFormats ?? []).map((rule) => {
    const written = rule.criteria === 'CUSTOM_FORMULA' ? String(rule.values[0] ?? '') : undefined;
    const canonical = written === undefined ? undefined : readFormula(written, wb.rules);
    return {
      ranges: rule.ranges.map((a1) => wb.rangeFromA1(a1, sheet)),
      criteria: rule.criteria,
      values: canonical === undefined ? rule.values : [canonical, ...rule.values.slice(1)],
      ...(written !== undefined && canonical === undefined ? { unparsed: true } : {}),
      background: rule.background ?? null,
      fontColor: rule.fontColor ?? null,
    };
  });
}

function writeCells(wb: Workbook, sheet: SheetModel, s: SheetState): void {
  for (const [a1, v] of Object.entries(s.cells)) {
    const r = wb.rangeFromA1(a1, sheet);
    if (r.row > sheet.maxRows || r.column > sheet.maxColumns) {
      throw new Error(
        `cell ${a1} of sheet "${s.name}" lies outside its ${sheet.maxRows}×${sheet.maxColumns} grid`,
      );
    }
    if (typeof v === 'string' && v.startsWith('=')) wb.writeFormula(sheet, r.row, r.column, v);
    else if (typeof v === 'string') wb.writeRaw(sheet, r.row, r.column, v.startsWith("'") ? v.slice(1) : v);
    else wb.writeRaw(sheet, r.row, r.column, v);
  }
}

/**
 * Sheet.copyTo(this spreadsheet), as Sheets does it: a new last tab named "Copy of <name>" with the same cells
 * (formulas as written: unqualified references now read the copy, references naming another sheet still read
 * it), formats, data validation, conditional formats, grid size, frozen rows, column widths and charts (a chart's
 * range on the copied sheet reads the copy: chart-model.ts). Protections, named ranges and developer metadata stay
 * with the original.
 */
export function copySheet(wb: Workbook, source: SheetModel): SheetModel {
  const st = sheetState(wb, source);
  let name = `Copy of ${source.name}`;
  for (let n = 2; wb.sheetByName(name); n++) name = `Copy of ${source.name} ${n}`;
  const sheet = wb.addSheet(name, wb.sheets.length, { rows: st.maxRows, columns: st.maxColumns });
  sheet.frozenRows = st.frozenRows;
  sheet.tabColor = st.tabColor ?? null;
  for (const [k, w] of Object.entries(st.columnWidths ?? {})) sheet.columnWidths[Number(k)] = w;
  applyFormats(wb, sheet, st);
  wb.batch(() => writeCells(wb, sheet, st));
  copyCharts(wb, source, sheet);
  return sheet;
}

/** Loads a state into an empty workbook. */
export function loadWorkbookState(wb: Workbook, state: WorkbookState): void {
  if (wb.sheets.length > 0) throw new Error('loadState needs an empty workbook');
  wb.name = state.name;
  wb.timeZone = state.timeZone;
  // before any cell: formulas and rules are read in the state's locale
  wb.setLocale(state.locale);
  for (const s of state.sheets) {
    const sheet = wb.addSheet(s.name, wb.sheets.length, {
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
    applyFormats(wb, wb.sheets[i]!, s);
  });
  wb.batch(() => {
    state.sheets.forEach((s, i) => {
      writeCells(wb, wb.sheets[i]!, s);
    });
  });
  const byId = (id: number) => {
    const s = wb.sheetById(id);
    if (!s) throw new Error(`unknown sheet id ${id}`);
    return s;
  };
  wb.nextChartId = state.nextChartId ?? 1;
  state.sheets.forEach((s, i) => {
    const sheet = wb.sheets[i]!;
    sheet.charts = (s.charts ?? []).map((c) => chartFromState(wb, sheet, c));
  });
  for (const n of state.namedRanges) wb.setNamedRange(n.name, wb.rangeFromA1(n.a1, byId(n.sheet)));
  wb.protections = state.protections.map((p) => {
    const sheet = byId(p.sheet);
    return {
      type: p.type,
      sheet,
      ...(p.a1 ? { range: wb.rangeFromA1(p.a1, sheet) } : {}),
      description: p.description,
      warningOnly: p.warningOnly,
    };
  });
  wb.metadata = state.metadata.map((m) => ({
    id: m.id,
    key: m.key,
    value: m.value,
    visibility: m.visibility,
    location:
      'sheet' in m.location ? { ...m.location, sheet: byId(m.location.sheet) } : { type: 'SPREADSHEET' },
  }));
  wb.nextMetadataId = state.nextMetadataId ?? Math.max(0, ...wb.metadata.map((m) => m.id)) + 1;
  wb.properties = { document: { ...state.properties.document }, user: { ...state.properties.user } };
  if (state.active) {
    const sheet = wb.sheetById(state.active.sheet);
    if (sheet) {
      wb.active = { sheet };
      if (state.active.a1) {
        const { sheet: _s, ...range } = wb.rangeFromA1(state.active.a1, sheet);
        wb.active.range = range;
      }
    }
  }
}

function validationFromState(wb: Workbook, v: ValidationState, sheet: SheetModel): ValidationRule {
  return {
    criteria: v.criteria,
    values: v.values,
    ...(v.range ? { range: wb.rangeFromA1(v.range, sheet) } : {}),
    ...(v.showDropdown !== undefined ? { showDropdown: v.showDropdown } : {}),
    allowInvalid: v.allowInvalid,
    ...(v.helpText !== undefined ? { helpText: v.helpText } : {}),
  };
}
