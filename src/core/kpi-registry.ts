// A tagged KPI as okr-sheets keeps it: its named range, the mark (developer metadata) on the user's tab, its row
// of the KPIs registry with the formulas that compute Latest, Previous, Trend and Status (for a column, a row of
// a wide scorecard, one of several stacked series), and the KPI and the user's tabs as the sidebar sees them
// (one way of building each, whether from the registry or from a tag just made). Pure: the server reads and
// writes.

import { columnFrom2, columnLetter, quoteSheet } from './a1';
import { headerFormula } from './formulas';
import { isKpiId } from './ids';
import type { Detection } from './kpi-detect';
import { type BetterWhen, type Cadence, trendFormula } from './kpi-health';
import { type DatePartUnit, howText } from './kpi-series';
import { asText, type Columns, type KeyOf, type KPIS, type RowPatch } from './layout';
import type { DateOrder } from './locale';
import type { Period } from './periods';
import type { KpiView, TabView } from './rpc';
import { AUTOMATIC_FORMAT, numberFormatOf, type UnitChoice } from './units';
import { type Cell, numberOrBlank, textKey, textOf } from './values';

/** The named range of a KPI's value column: `=KPI_LATEST(KPI_churn)` works in any cell. */
export function namedRangeOf(id: string): string {
  return `KPI_${id}`;
}

/**
 * Latest: the newest entry of the KPI's named range, by its dates when it has a date column (or, for a row
 * KPI, its header row of periods), of its series when the tab stacks several. A key result that follows the
 * KPI has the same formula as Current. Without a definition: the last entry of the named range.
 */
export function latestFormula(id: string, def?: KpiDefinition): string {
  return `=KPI_LATEST(${[namedRangeOf(id), ...(def ? seriesArgs(def) : [])].join(',')})`;
}

/** The named range a Latest formula reads (so the KPI a key result's Current follows), if it is one. */
export function latestFormulaRange(formula: string | undefined): string | undefined {
  const m = formula
    ? /^=KPI_LATEST\(\s*([A-Za-z_][A-Za-z0-9_.]*)\s*(?:,[\s\S]*)?\)$/.exec(formula.trim())
    : null;
  return m ? m[1] : undefined;
}

/** A formula's text literal: `"EWR"`, with a double quote doubled. */
const literal = (text: string) => `"${text.replace(/"/g, '""')}"`;

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
  if (how || def.series) tail.push(literal(how));
  if (def.series) {
    const cols = def.series.columns;
    tail.push(span(cols[0]!, cols[cols.length - 1]!), literal(def.series.key));
  }
  if (tail.length && args.length === 0) args.push('""');
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
  if (!def.date && !def.row && !def.series) return `=KPI_PREVIOUS(${range})`;
  return `=KPI_PREVIOUS(${[range, ...seriesArgs(def, cadenceCell)].join(',')})`;
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
      `KPI_STATUS(${at(c.latest)},${at(c.target)},${at(c.warnAt)},${at(c.betterWhen)})`,
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
    `=OR(AND(${t}="↑",${better}="${up}"),AND(${t}="↓",${better}="${down}"))`;
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

// ---- The user's tabs as the sidebar lists them ---------------------------------------------------------------

/** A period as a person reads it in a listing: `2025-12`, `2025-W03`, `2024-Q1`, `2024`, `2025-12-31`. */
export function periodText(p: Period, cadence?: string): string {
  const { year, month, day } = p.start;
  const mm = String(month).padStart(2, '0');
  // a date cell of a monthly series (Sheets turns a typed `December 2025` into 1 December) names its month
  const grain = p.granularity === 'day' && day === 1 && cadence ? cadence : p.granularity;
  if (grain === 'year' || grain === 'yearly') return String(year);
  if (grain === 'quarter' || grain === 'quarterly') return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  if (grain === 'month' || grain === 'monthly') return `${year}-${mm}`;
  return `${year}-${mm}-${String(day).padStart(2, '0')}`;
}

/** A tab as the sidebar lists it: what detection found, and the KPIs tagged in it (by their marks). */
export function tabView(
  tab: { name: string; lastRow: number },
  d: Detection,
  marks: ReadonlyArray<{ mark: KpiMark; column: number; row?: number }>,
  names: ReadonlyMap<string, string>,
): TabView {
  const letter = (i: number) => d.columns[i]!.letter;
  const offered = d.valueColumns.filter((i) => !d.columns[i]!.period);
  const problem =
    tab.lastRow === 0
      ? 'the tab is empty'
      : d.orientation === 'wide'
        ? (d.rows ?? []).length === 0
          ? 'its header row holds periods, but no row below holds numbers under them'
          : undefined
        : offered.length === 0
          ? 'it has no column of numbers to follow'
          : undefined;
  return {
    name: tab.name,
    headerRow: d.headerRow,
    rows: d.dataRows,
    orientation: d.orientation,
    columns: d.columns.map((c) => ({
      letter: c.letter,
      header: c.header,
      kind: c.kind,
      ...(c.period ? { period: true } : {}),
      ...(c.name ? { name: c.name } : {}),
      ...(c.unit ? { unit: c.unit } : {}),
      ...(c.unitText ? { unitText: c.unitText } : {}),
      ...(c.betterWhen ? { betterWhen: c.betterWhen } : {}),
    })),
    ...(d.dateColumn !== undefined ? { dateColumn: letter(d.dateColumn) } : {}),
    valueColumns: offered.map(letter),
    ...(d.rows
      ? {
          kpiRows: d.rows.map((r) => ({
            row: r.row,
            label: r.label,
            name: r.name,
            unit: r.unit,
            ...(r.unitText ? { unitText: r.unitText } : {}),
            ...(r.betterWhen ? { betterWhen: r.betterWhen } : {}),
            ...(r.latest
              ? { latest: r.latest.value, latestPeriod: periodText(r.latest.period, d.spacing) }
              : {}),
          })),
        }
      : {}),
    ...(d.series ? { series: { columns: d.series.columns.map(letter), keys: d.series.keys } } : {}),
    ...(d.cadence ? { cadence: d.cadence } : {}),
    ...(d.newestFirst ? { newestFirst: true } : {}),
    notes: d.notes,
    kpis: marks
      .filter((m) => m.mark.role === 'value')
      .sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || a.column - b.column)
      .map((m) => ({
        id: m.mark.id,
        name: names.get(m.mark.id) ?? m.mark.id,
        valueLetter: m.row ? '' : (d.columns[m.column - 1]?.letter ?? ''),
        ...(m.row ? { row: m.row } : {}),
      })),
    ...(problem ? { problem } : {}),
  };
}
