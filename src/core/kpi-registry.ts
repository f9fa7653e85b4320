// A tagged KPI as okr-sheets keeps it: its named range, the mark (developer metadata) on the user's tab, its row
// of the KPIs registry with the formulas that compute Latest, Previous, Trend and Status, and the KPI as the
// sidebar sees it (one way of building it, whether from the registry or from a tag just made). Pure: the
// server reads and writes.

import { columnFrom2, columnLetter, quoteSheet } from './a1';
import { call, FUNCTIONS, headerFormula, quoted } from './formula-text';
import { isKpiId } from './ids';
import { type BetterWhen, type Cadence, trendFormula } from './kpi-health';
import { asText, type Columns, type KeyOf, type KPIS, type RowPatch } from './layout';
import type { KpiView } from './rpc';
import { AUTOMATIC_FORMAT, numberFormatOf, type UnitChoice } from './units';
import { type Cell, numberOrBlank, textKey, textOf } from './values';

/** The named range of a KPI's value column: `=OKR_KPI_LATEST(KPI_churn)` works in any cell. */
export function namedRangeOf(id: string): string {
  return `KPI_${id}`;
}

/** Latest: the last entry of the KPI's named range. A key result that follows the KPI has it as Current. */
export function latestFormula(id: string): string {
  return latestFormulaOf(namedRangeOf(id));
}

/** Latest of a named range, as a key result's Current holds it. */
export function latestFormulaOf(namedRange: string): string {
  return `=${call(FUNCTIONS.kpiLatest, namedRange)}`;
}

/**
 * The named range a Latest formula reads (so the KPI a key result's Current follows), if it is one: as
 * getFormula returns it in any locale (one argument, so no separator), also under the name the function had
 * before it took the `OKR_` prefix (`=KPI_LATEST(KPI_churn)`), in any letter case.
 */
export function latestFormulaRange(formula: string | undefined): string | undefined {
  const m = formula
    ? /^=\s*(?:OKR_)?KPI_LATEST\(\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\)$/i.exec(formula.trim())
    : null;
  return m ? m[1] : undefined;
}

// ---- Developer metadata on the user's tab -----------------------------------------------------------------

/** The developer-metadata key okr-sheets puts on a KPI's value column (and on its date column). */
export const KPI_MARK_KEY = 'okr-sheets.kpi';

/**
 * What the mark on a column says. On the value column: the KPI, the tab's header row, and the last row the
 * named range reaches (when the tab's grid grows past it, the range is re-pointed). On the date column: the
 * KPI it dates.
 */
export interface KpiMark {
  id: string;
  role: 'value' | 'date';
  headerRow?: number;
  rows?: number;
}

export function readKpiMark(json: string | null | undefined): KpiMark | undefined {
  if (!json) return undefined;
  try {
    const raw = JSON.parse(json) as Partial<KpiMark>;
    if (typeof raw.id !== 'string' || !isKpiId(raw.id)) return undefined;
    if (raw.role !== 'value' && raw.role !== 'date') return undefined;
    const whole = (n: unknown) => (typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined);
    const headerRow = whole(raw.headerRow);
    const rows = whole(raw.rows);
    return {
      id: raw.id,
      role: raw.role,
      ...(headerRow !== undefined ? { headerRow } : {}),
      ...(rows !== undefined ? { rows } : {}),
    };
  } catch {
    return undefined;
  }
}

export function writeKpiMark(mark: KpiMark): string {
  return JSON.stringify(mark);
}

// ---- The registry row --------------------------------------------------------------------------------------

export type KpiColumns = Columns<typeof KPIS>;

/** A column as the registry shows it: `MRR (C)`, or `column C` when it has no header. */
export function columnLabel(header: string, letter: string): string {
  return header ? `${header} (${letter})` : `column ${letter}`;
}

export interface KpiDefinition {
  id: string;
  name: string;
  sourceTab: string;
  headerRow: number;
  value: { index: number; header: string };
  date?: { index: number; header: string };
  unit: UnitChoice;
  betterWhen: BetterWhen;
  target?: number;
  warnAt?: number;
  owner?: string;
  cadence?: Cadence;
}

/**
 * Previous: the entry one cadence period before the latest, by the date column (an open range on the tab,
 * so it follows renames, inserted columns and new rows), cadence read from the registry row's own cell.
 */
export function previousFormula(def: KpiDefinition, cadenceCell: string): string {
  const range = namedRangeOf(def.id);
  if (!def.date) return `=${call(FUNCTIONS.kpiPrevious, range)}`;
  const letter = columnLetter(def.date.index + 1);
  const dates = `${quoteSheet(def.sourceTab)}!${letter}${def.headerRow + 1}:${letter}`;
  return `=${call(FUNCTIONS.kpiPrevious, range, dates, cadenceCell)}`;
}

/** The cells of a KPI's registry row (row `row`, 1-based), user text kept as text. */
export function registryRow(def: KpiDefinition, row: number, c: KpiColumns): RowPatch<KeyOf<typeof KPIS>> {
  return {
    id: def.id,
    name: asText(def.name),
    sourceTab: asText(def.sourceTab),
    valueColumn: asText(columnLabel(def.value.header, columnLetter(def.value.index + 1))),
    dateColumn: def.date ? asText(columnLabel(def.date.header, columnLetter(def.date.index + 1))) : '',
    unit: def.unit,
    betterWhen: def.betterWhen,
    target: def.target ?? '',
    warnAt: def.warnAt ?? '',
    owner: asText(def.owner ?? ''),
    cadence: def.cadence ?? '',
    latest: latestFormula(def.id),
    previous: previousFormula(def, `${columnLetter(c.cadence + 1)}${row}`),
  };
}

/** The registry's computed columns, each one formula in its header cell. */
export function registryFormulas(c: KpiColumns): { trend: string; status: string } {
  const at = (i: number) => columnFrom2(undefined, i);
  return {
    trend: headerFormula('Trend', trendFormula(at(c.latest), at(c.previous))),
    status: headerFormula(
      'Status',
      call(FUNCTIONS.kpiStatus, at(c.latest), at(c.target), at(c.warnAt), at(c.betterWhen)),
    ),
  };
}

/**
 * The conditional-format formulas that colour the Trend column by whether the move is good for the KPI,
 * reading the first data row's Trend and Better-when cells (Sheets moves them down the range).
 */
export function trendRuleFormulas(
  c: KpiColumns,
): Array<{ meaning: 'improving' | 'worsening'; formula: string }> {
  const t = `${columnLetter(c.trend + 1)}2`;
  const better = `${columnLetter(c.betterWhen + 1)}2`;
  const moved = (up: string, down: string) =>
    `=${call(
      'OR',
      call('AND', `${t}=${quoted('↑')}`, `${better}=${quoted(up)}`),
      call('AND', `${t}=${quoted('↓')}`, `${better}=${quoted(down)}`),
    )}`;
  return [
    { meaning: 'improving', formula: moved('higher', 'lower') },
    { meaning: 'worsening', formula: moved('lower', 'higher') },
  ];
}

/**
 * The number format for a KPI's numbers in the registry: the tab's own, else its unit's (with decimals where
 * the tab's `values` have them); undefined when that is the automatic format.
 */
export function registryNumberFormat(
  unit: UnitChoice,
  sourceFormat?: string,
  values: readonly unknown[] = [],
): string | undefined {
  if (sourceFormat) return sourceFormat;
  const format = numberFormatOf(unit, values);
  return format === AUTOMATIC_FORMAT ? undefined : format;
}

// ---- The KPI as the sidebar sees it ---------------------------------------------------------------------------

/** What a KPI's registry row states: what the user set when tagging, and what the sheet computed. */
export interface RegistryEntry {
  id: string;
  name: string;
  sourceTab: string;
  unit: string;
  betterWhen: BetterWhen;
  target: number | '';
  warnAt: number | '';
  owner: string;
  cadence: string;
  latest: Cell;
  previous: Cell;
  trend: Cell;
  status: Cell;
  /** the Date column cell: a KPI tagged with a date column says so here */
  dateColumn: string;
}

export function readRegistryEntry(id: string, r: readonly Cell[], c: KpiColumns): RegistryEntry {
  return {
    id,
    name: textOf(r[c.name]),
    sourceTab: textOf(r[c.sourceTab]),
    unit: textOf(r[c.unit]),
    betterWhen: textKey(r[c.betterWhen]) === 'lower' ? 'lower' : 'higher',
    target: numberOrBlank(r[c.target]),
    warnAt: numberOrBlank(r[c.warnAt]),
    owner: textOf(r[c.owner]),
    cadence: textKey(r[c.cadence]),
    latest: r[c.latest] ?? '',
    previous: r[c.previous] ?? '',
    trend: r[c.trend] ?? '',
    status: r[c.status] ?? '',
    dateColumn: textOf(r[c.dateColumn]),
  };
}

/** A registry entry from a definition, with its health as computed from the tab's rows. */
export function entryOf(
  def: KpiDefinition,
  health: Pick<RegistryEntry, 'latest' | 'previous' | 'trend' | 'status'>,
): RegistryEntry {
  return {
    id: def.id,
    name: def.name,
    sourceTab: def.sourceTab,
    unit: def.unit,
    betterWhen: def.betterWhen,
    target: def.target ?? '',
    warnAt: def.warnAt ?? '',
    owner: def.owner ?? '',
    cadence: def.cadence ?? '',
    dateColumn: def.date ? columnLabel(def.date.header, columnLetter(def.date.index + 1)) : '',
    ...health,
  };
}

/** Where a KPI's columns are now: header text ("" without one) and letter. */
export interface KpiPlaceView {
  sourceTab: string;
  valueColumn: string;
  valueLetter: string;
  dateColumn: string;
  dateLetter: string;
}

const plainValue = (v: Cell): number | string | '' =>
  typeof v === 'number' || typeof v === 'string' ? v : '';

/** The KPI as the sidebar shows it. */
export function kpiView(e: RegistryEntry, place: KpiPlaceView, recent: number[], problem?: string): KpiView {
  const trend = textOf(e.trend);
  const status = textOf(e.status);
  return {
    id: e.id,
    name: e.name,
    ...place,
    namedRange: namedRangeOf(e.id),
    unit: e.unit,
    betterWhen: e.betterWhen,
    target: e.target,
    warnAt: e.warnAt,
    owner: e.owner,
    cadence: e.cadence,
    latest: plainValue(e.latest),
    previous: plainValue(e.previous),
    trend: trend === '↑' || trend === '↓' || trend === '→' ? trend : '',
    status: status === 'green' || status === 'yellow' || status === 'red' ? status : '',
    recent,
    ...(problem ? { problem } : {}),
  };
}
