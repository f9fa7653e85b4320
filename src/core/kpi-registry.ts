// A tagged KPI as okr-sheets keeps it: its named range, the mark (developer metadata) on the user's tab, its row
// of the KPIs registry with the formulas that compute Latest, Previous, Trend and Status (for a column, a row of
// a wide scorecard, one of several stacked series), reading those formulas back, and the KPI as the sidebar
// sees it (one way of building it, whether from the registry or from a tag just made). The user's tabs as the
// sidebar lists them are kpi-tab-view.ts. Pure: the server reads and writes.

import { columnFrom2, columnLetter, quoteSheet } from './a1';
import { call, FUNCTIONS, headerFormula, quoted } from './formula-text';
import { isKpiId } from './ids';
import { type BetterWhen, type Cadence, trendFormula } from './kpi-health';
import { type DatePartUnit, howText } from './kpi-series';
import { asText, type Columns, type KeyOf, type KPIS, type RowPatch } from './layout';
import type { DateOrder } from './locale';
import type { KpiView } from './rpc';
import { AUTOMATIC_FORMAT, numberFormatOf, type UnitChoice } from './units';
import { type Cell, numberOrBlank, textKey, textOf } from './values';

/** The named range of a KPI's value column: `=OKR_KPI_LATEST(KPI_churn)` works in any cell. */
export function namedRangeOf(id: string): string {
  return `KPI_${id}`;
}

/**
 * Latest: the newest entry of the KPI's named range, by its dates when it has a date column (or, for a row
 * KPI, its header row of periods), of its series when the tab stacks several. A key result that follows the
 * KPI has the same formula as Current. Without a definition: the last entry of the named range.
 */
export function latestFormula(id: string, def?: KpiDefinition): string {
  return latestFormulaOf(namedRangeOf(id), ...(def ? seriesArgs(def) : []));
}

/** Latest of a named range (and the ranges and texts saying how its dates read), as a key result's Current holds it. */
export function latestFormulaOf(namedRange: string, ...args: readonly string[]): string {
  return `=${call(FUNCTIONS.kpiLatest, namedRange, ...args)}`;
}

/**
 * A Latest formula as getFormula returns it, in any locale (`,` or `;` between arguments), also under the name
 * the function had before it took the `OKR_` prefix (`=KPI_LATEST(KPI_churn)`), in any letter case: the named
 * range it reads and its other arguments as written. Undefined when the formula is not one.
 */
export function readLatestFormula(
  formula: string | undefined,
): { range: string; args: string[] } | undefined {
  const m = formula ? /^=\s*(?:OKR_)?KPI_LATEST\(([\s\S]*)\)$/i.exec(formula.trim()) : null;
  if (!m) return undefined;
  const parts = splitArguments(m[1]!);
  const range = parts?.[0]?.trim();
  if (!parts || !range || !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(range)) return undefined;
  return { range, args: parts.slice(1).map((a) => a.trim()) };
}

/**
 * The arguments of a call as written, split at the separators outside quotes and brackets (`,` in en_US, `;`
 * in the decimal-comma locales: no argument of ours holds a number, so neither is ever a decimal mark).
 */
function splitArguments(text: string): string[] | undefined {
  const out: string[] = [];
  let depth = 0;
  let quote: '"' | "'" | undefined;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = undefined; // a doubled quote closes and reopens: the same text
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') depth--;
    else if (depth === 0 && (ch === ',' || ch === ';')) {
      out.push(text.slice(from, i));
      from = i + 1;
    }
    if (depth < 0) return undefined;
  }
  if (quote || depth !== 0) return undefined;
  out.push(text.slice(from));
  return out;
}

/**
 * A Latest formula written anew in the add-on's one syntax (`;` between arguments, the function's current
 * name), from one read back in any locale or made under the older name: what a carried or following key
 * result's Current holds. Undefined when the formula is not one.
 */
export function rewrittenLatestFormula(formula: string | undefined): string | undefined {
  const read = readLatestFormula(formula);
  return read ? latestFormulaOf(read.range, ...read.args) : undefined;
}

/** The named range a Latest formula reads (so the KPI a key result's Current follows), if it is one. */
export function latestFormulaRange(formula: string | undefined): string | undefined {
  return readLatestFormula(formula)?.range;
}

/** The ranges and texts after the named range that say where a KPI's dates and series are and how they read. */
function seriesArgs(def: KpiDefinition, cadenceCell?: string): string[] {
  const tab = quoteSheet(def.sourceTab);
  const first = def.headerRow + 1;
  const span = (from: number, to: number) =>
    `${tab}!${columnLetter(from + 1)}${first}:${columnLetter(Math.max(from, to) + 1)}`;
  const args: string[] = [];
  if (def.row) {
    // the whole header row: a month added at the right is dated as soon as it is typed
    args.push(`${tab}!${def.row.periodRow}:${def.row.periodRow}`);
  } else if (def.date) {
    args.push(span(def.date.index, def.date.part?.index ?? def.date.index));
  }
  const how = howText({
    ...(def.date?.order ? { order: def.date.order } : {}),
    ...(def.date?.part ? { part: def.date.part.unit } : {}),
  });
  const tail: string[] = [];
  if (cadenceCell !== undefined) tail.push(cadenceCell);
  if (how || def.series) tail.push(quoted(how));
  if (def.series) {
    const cols = def.series.columns;
    tail.push(span(cols[0]!, cols[cols.length - 1]!), quoted(def.series.key));
  }
  if (tail.length && args.length === 0) args.push(quoted(''));
  return [...args, ...tail];
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
  /** how the dates read (`DMY`, `year+month`), the column completing them, and the series followed */
  how?: string;
  part?: number;
  series?: { columns: number[]; key: string };
  /** on a row of a wide scorecard: the periods' header row and their first and last columns (0-based) */
  across?: { periodRow: number; from: number; to: number };
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
    const part = whole(raw.part);
    const s = raw.series;
    const series =
      s &&
      typeof s.key === 'string' &&
      Array.isArray(s.columns) &&
      s.columns.every((c) => whole(c) !== undefined)
        ? { columns: s.columns, key: s.key }
        : undefined;
    const a = raw.across;
    const across =
      a && [a.periodRow, a.from, a.to].every((n) => whole(n) !== undefined)
        ? { periodRow: a.periodRow, from: a.from, to: a.to }
        : undefined;
    return {
      id: raw.id,
      role: raw.role,
      ...(headerRow !== undefined ? { headerRow } : {}),
      ...(rows !== undefined ? { rows } : {}),
      ...(typeof raw.how === 'string' && raw.how ? { how: raw.how } : {}),
      ...(part !== undefined ? { part } : {}),
      ...(series ? { series } : {}),
      ...(across ? { across } : {}),
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
  /** the date column, how its text dates read, and a second column completing them (a month after a year) */
  date?: { index: number; header: string; order?: DateOrder; part?: { index: number; unit: DatePartUnit } };
  /**
   * a row KPI of a wide scorecard: its sheet row, the header row of periods, the periods' first and last columns
   * when tagged; its named range and dates are the whole rows, so a new period's column at the right is followed
   */
  row?: { row: number; label: string; periodRow: number; from: number; to: number };
  /** the stacked series followed: the columns telling series apart and the series' key (`EWR`, `A / B`) */
  series?: { columns: number[]; key: string };
  /** a unit the KPIs sheet shows (`%`, `$`, `€`, `h`, `MWh`), or one of the form's words */
  unit: UnitChoice | string;
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
  if (!def.date && !def.row && !def.series) return `=${call(FUNCTIONS.kpiPrevious, range)}`;
  return `=${call(FUNCTIONS.kpiPrevious, range, ...seriesArgs(def, cadenceCell))}`;
}

/** Where a KPI's numbers are, as the registry shows it: `MRR (C)`, `row 5 (Total users)`, `Total (F) for EWR`. */
export function valueLabel(def: KpiDefinition): string {
  if (def.row) return `row ${def.row.row} (${def.row.label})`;
  const column = columnLabel(def.value.header, columnLetter(def.value.index + 1));
  return def.series ? `${column} for ${def.series.key}` : column;
}

/** Where a KPI's dates are: `Week (A)`, `Year (B) + Month (C)`, `row 1`, or "" without dates. */
export function dateLabel(def: KpiDefinition): string {
  if (def.row) return `row ${def.row.periodRow}`;
  if (!def.date) return '';
  const main = columnLabel(def.date.header, columnLetter(def.date.index + 1));
  return def.date.part ? `${main} + column ${columnLetter(def.date.part.index + 1)}` : main;
}

/** The cells of a KPI's registry row (row `row`, 1-based), user text kept as text. */
export function registryRow(def: KpiDefinition, row: number, c: KpiColumns): RowPatch<KeyOf<typeof KPIS>> {
  return {
    id: def.id,
    name: asText(def.name),
    sourceTab: asText(def.sourceTab),
    valueColumn: asText(valueLabel(def)),
    dateColumn: asText(dateLabel(def)),
    unit: def.unit,
    betterWhen: def.betterWhen,
    target: def.target ?? '',
    warnAt: def.warnAt ?? '',
    owner: asText(def.owner ?? ''),
    cadence: def.cadence ?? '',
    latest: latestFormula(def.id, def),
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
  unit: UnitChoice | string,
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
    dateColumn: dateLabel(def),
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
  /** a row KPI's sheet row, and the stacked series a KPI follows */
  row?: number;
  series?: string;
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
