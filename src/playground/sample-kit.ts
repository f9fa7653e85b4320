// What every sample workbook is made of: a year of weekly KPI rows up to the seed date, as a team keeps them in
// a tab of its own (a date column, value columns with number formats, a bold header), and the series behind
// them. Churn drifts from about 5% toward 8%: a KPI turning red, the moment an OKR is the intervention. The
// samples of each locale (sample.ts, sample-de.ts, sample-fr.ts) choose names, headers and formats. Deterministic
// for a given seed date (seeded PRNG), so screenshots and tests repeat.
import { cellA1 } from './emulator/a1';
import type { CellFormat, CellInput, SheetState, WorkbookState } from './emulator/state';

const MS_PER_DAY = 86_400_000;
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
export const WEEKS = 52;
/** Sheet ids as Sheets hands them out (the first tab 0), so tabs keep their ids across samples. */
export const SHEET_IDS = [0, 1_000_007_919, 1_000_015_838, 1_000_023_757] as const;

/** mulberry32: a small, good-enough PRNG with a 32-bit seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** One value column of a KPI tab. */
export interface Column {
  header: string;
  format: string;
  width?: number;
  /** Value for week i of n (0 = oldest). */
  value: (i: number, n: number) => number;
}

/** How a team writes the date column: its header and the date's format (`yyyy-mm-dd`, `dd.mm.yyyy`). */
export interface DateColumn {
  header: string;
  format: string;
}

/** Mondays as date serials, oldest first, the last one on or before the seed date. */
export function weeksUpTo(seed: Date, count = WEEKS): number[] {
  const day = Date.UTC(seed.getUTCFullYear(), seed.getUTCMonth(), seed.getUTCDate());
  const back = (new Date(day).getUTCDay() + 6) % 7; // days since Monday
  const lastMonday = (day - back * MS_PER_DAY - SERIAL_EPOCH) / MS_PER_DAY;
  return Array.from({ length: count }, (_, i) => lastMonday - (count - 1 - i) * 7);
}

/** A KPI tab: the date column, then the value columns, one row per week, header frozen. */
export function kpiSheet(
  name: string,
  id: number,
  weeks: number[],
  date: DateColumn,
  columns: Column[],
): SheetState {
  const cells: Record<string, CellInput> = { A1: date.header };
  const formats: Record<string, CellFormat> = { A1: { fontWeight: 'bold', background: '#f1f3f4' } };
  columns.forEach((c, j) => {
    cells[cellA1(1, j + 2)] = c.header;
    formats[cellA1(1, j + 2)] = { fontWeight: 'bold', background: '#f1f3f4', horizontalAlignment: 'right' };
  });
  weeks.forEach((serial, i) => {
    const row = i + 2;
    cells[cellA1(row, 1)] = serial;
    formats[cellA1(row, 1)] = { numberFormat: date.format };
    columns.forEach((c, j) => {
      cells[cellA1(row, j + 2)] = c.value(i, weeks.length);
      formats[cellA1(row, j + 2)] = { numberFormat: c.format };
    });
  });
  const columnWidths: Record<string, number> = { '1': 110 };
  columns.forEach((c, j) => {
    columnWidths[String(j + 2)] = c.width ?? 130;
  });
  return {
    name,
    id,
    maxRows: 1000,
    maxColumns: 26,
    frozenRows: 1,
    columnWidths,
    cells,
    formats,
    conditionalFormats: [],
  };
}

/** The KPI series of a seed date, each a value per week; call them in the same order for the same numbers. */
export function kpiSeries(seedDate: Date) {
  const rand = prng(hash(seedDate.toISOString().slice(0, 10)));
  /** Roughly normal noise (sum of uniforms), mean 0, sd ≈ 1. */
  const noise = () => (rand() + rand() + rand() + rand() - 2) * 1.7;
  const t = (i: number, n: number) => i / Math.max(1, n - 1);
  return {
    churn: (i: number, n: number) => round(0.05 + 0.03 * t(i, n) ** 1.6 + 0.0025 * noise(), 4),
    nps: (i: number, n: number) => Math.round(31 + 9 * t(i, n) + 3 * noise()),
    revenue: (i: number, n: number) => Math.round(120_000 * (1 + 0.32 * t(i, n)) + 1_500 * noise()),
    activeUsers: (i: number, n: number) => Math.round(8_000 + 3_100 * t(i, n) + 250 * noise()),
    activation: (i: number, n: number) => round(0.41 + 0.05 * t(i, n) + 0.01 * noise(), 4),
    resolutionHours: (i: number, n: number) => round(Math.max(4, 21 - 6 * t(i, n) + 1.4 * noise()), 1),
    tickets: () => Math.round(420 + 60 * noise()),
  };
}

/** A workbook of these tabs, not yet tagged, the first tab active. */
export function kpiWorkbook(w: {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  sheets: SheetState[];
}): WorkbookState {
  return {
    version: 1,
    id: w.id,
    name: w.name,
    timeZone: w.timeZone,
    locale: w.locale,
    sheets: w.sheets,
    namedRanges: [],
    protections: [],
    metadata: [],
    nextMetadataId: 1,
    properties: { document: {}, user: {} },
    active: { sheet: 0, a1: 'A1' },
  };
}
