// The sample workbook a newcomer meets on first start: the KPI tabs a team already keeps, with a year of weekly
// data up to the seed date, not yet tagged. Churn drifts from about 5% toward 8% — a KPI turning red, the moment
// an OKR is the intervention. Deterministic for a given seed date (seeded PRNG), so screenshots and tests repeat.
import { cellA1 } from './emulator/a1';
import type { CellFormat, CellInput, SheetState, WorkbookState } from './emulator/state';

const MS_PER_DAY = 86_400_000;
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const WEEKS = 52;

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

/** Roughly normal noise (sum of uniforms), mean 0, sd ≈ 1. */
function noise(rand: () => number): number {
  return (rand() + rand() + rand() + rand() - 2) * 1.7;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

interface Column {
  header: string;
  format: string;
  width?: number;
  /** Value for week i of n (0 = oldest). */
  value: (i: number, n: number) => number;
}

function kpiSheet(name: string, id: number, weeks: number[], columns: Column[]): SheetState {
  const cells: Record<string, CellInput> = { A1: 'Week' };
  const formats: Record<string, CellFormat> = { A1: { fontWeight: 'bold', background: '#f1f3f4' } };
  columns.forEach((c, j) => {
    cells[cellA1(1, j + 2)] = c.header;
    formats[cellA1(1, j + 2)] = { fontWeight: 'bold', background: '#f1f3f4', horizontalAlignment: 'right' };
  });
  weeks.forEach((serial, i) => {
    const row = i + 2;
    cells[cellA1(row, 1)] = serial;
    formats[cellA1(row, 1)] = { numberFormat: 'yyyy-mm-dd' };
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

/** Mondays, oldest first, the last one on or before the seed date. */
function weeksUpTo(seed: Date, count: number): number[] {
  const day = Date.UTC(seed.getUTCFullYear(), seed.getUTCMonth(), seed.getUTCDate());
  const back = (new Date(day).getUTCDay() + 6) % 7; // days since Monday
  const lastMonday = (day - back * MS_PER_DAY - SERIAL_EPOCH) / MS_PER_DAY;
  return Array.from({ length: count }, (_, i) => lastMonday - (count - 1 - i) * 7);
}

export function sampleWorkbook(seedDate: Date): WorkbookState {
  const key = seedDate.toISOString().slice(0, 10);
  const rand = prng(hash(key));
  const weeks = weeksUpTo(seedDate, WEEKS);
  const t = (i: number, n: number) => i / Math.max(1, n - 1);

  const churn = kpiSheet('Churn', 0, weeks, [
    {
      header: 'Churn %',
      format: '0.0%',
      value: (i, n) => round(0.05 + 0.03 * t(i, n) ** 1.6 + 0.0025 * noise(rand), 4),
    },
  ]);
  const nps = kpiSheet('NPS', 1_000_007_919, weeks, [
    { header: 'NPS', format: '0', value: (i, n) => Math.round(31 + 9 * t(i, n) + 3 * noise(rand)) },
  ]);
  const metrics = kpiSheet('Metrics', 1_000_015_838, weeks, [
    {
      header: 'MRR',
      format: '$#,##0',
      value: (i, n) => Math.round(120_000 * (1 + 0.32 * t(i, n)) + 1_500 * noise(rand)),
    },
    {
      header: 'DAU',
      format: '#,##0',
      value: (i, n) => Math.round(8_000 + 3_100 * t(i, n) + 250 * noise(rand)),
    },
    {
      header: 'Activation rate',
      format: '0.0%',
      value: (i, n) => round(0.41 + 0.05 * t(i, n) + 0.01 * noise(rand), 4),
    },
  ]);
  const support = kpiSheet('Support', 1_000_023_757, weeks, [
    {
      header: 'Resolution time (h)',
      format: '0.0',
      width: 160,
      value: (i, n) => round(Math.max(4, 21 - 6 * t(i, n) + 1.4 * noise(rand)), 1),
    },
    {
      header: 'Tickets',
      format: '#,##0',
      value: () => Math.round(420 + 60 * noise(rand)),
    },
  ]);
  return {
    version: 1,
    id: 'sample-acme-kpis',
    name: 'Acme — KPIs',
    timeZone: 'Etc/UTC',
    locale: 'en_US',
    sheets: [churn, nps, metrics, support],
    namedRanges: [],
    protections: [],
    metadata: [],
    nextMetadataId: 1,
    properties: { document: {}, user: {} },
    active: { sheet: 0, a1: 'A1' },
  };
}
