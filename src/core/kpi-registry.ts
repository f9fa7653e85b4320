// A tagged KPI as okr-sheets keeps it: its ID and named range, the mark (developer metadata) on the user's
// tab, and its row of the KPIs registry with the formulas that compute Latest, Previous, Trend and Status.
// Pure: the server writes what comes back.

import { columnFrom2, columnLetter, quoteSheet } from './a1';
import { type BetterWhen, type Cadence, trendFormula, type Unit } from './kpi-health';
import { asText, type KeyOf, type KPIS } from './layout';
import { headerFormula, type RowPatch } from './okr';

// ---- IDs and named ranges ------------------------------------------------------------------------------------

/** A KPI ID from its name: `Churn rate` → `churn_rate` (lowercase letters, digits, _; starts with a letter). */
export function slugOf(name: string): string {
  let s = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (s === '') s = 'kpi';
  if (!/^[a-z]/.test(s)) s = `kpi_${s}`;
  return s.slice(0, 40).replace(/_+$/, '');
}

/** The first of `slug`, `slug_2`, `slug_3` … that is not taken. */
export function uniqueId(slug: string, taken: (id: string) => boolean): string {
  if (!taken(slug)) return slug;
  for (let n = 2; ; n++) {
    const id = `${slug}_${n}`;
    if (!taken(id)) return id;
  }
}

/** The named range of a KPI's value column: `=KPI_LATEST(KPI_churn)` works in any cell. */
export function namedRangeOf(id: string): string {
  return `KPI_${id}`;
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
    if (typeof raw.id !== 'string' || !/^[a-z][a-z0-9_]{0,62}$/.test(raw.id)) return undefined;
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

export type KpiColumns = Record<KeyOf<typeof KPIS>, number>;

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
  unit: Unit;
  betterWhen: BetterWhen;
  target?: number;
  warnAt?: number;
  owner?: string;
  cadence?: Cadence;
}

/** Latest: the last entry of the KPI's named range. */
export function latestFormula(id: string): string {
  return `=KPI_LATEST(${namedRangeOf(id)})`;
}

/**
 * Previous: the entry one cadence period before the latest, by the date column (an open range on the tab,
 * so it follows renames, inserted columns and new rows), cadence read from the registry row's own cell.
 */
export function previousFormula(def: KpiDefinition, cadenceCell: string): string {
  const range = namedRangeOf(def.id);
  if (!def.date) return `=KPI_PREVIOUS(${range})`;
  const letter = columnLetter(def.date.index + 1);
  const first = def.headerRow + 1;
  return `=KPI_PREVIOUS(${range},${quoteSheet(def.sourceTab)}!${letter}${first}:${letter},${cadenceCell})`;
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
      `KPI_STATUS(${at(c.latest)},${at(c.target)},${at(c.warnAt)},${at(c.betterWhen)})`,
    ),
  };
}

/** The number format for a KPI's numbers in the registry: the tab's own, else one for its unit. */
export function registryNumberFormat(unit: Unit, sourceFormat?: string): string | undefined {
  if (sourceFormat) return sourceFormat;
  if (unit === '%') return '0.0%';
  if (unit === 'currency' || unit === 'count') return '#,##0';
  if (unit === 'duration') return '0.0';
  return undefined;
}
