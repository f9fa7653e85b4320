// Where the table of a KPI tab is: the rows of a tab's sample as a person scans them. Notes and titles above the
// header (an analytics export's `# …` lines, a source line, a blank row), one or several header rows, the first
// row of entries, and whether the periods run down a column (a long table) or across a header row (a wide
// scorecard: one metric per row, `Metric | Jan 2024 | Feb 2024 | …`). Pure: it reads cells, nothing else.

import { isEmptyEntry, periodOfDate, periodOfText } from './kpi-cells';
import { parseLocaleNumber, readingFor } from './locale-number';
import type { Period } from './periods';
import { type Cell, isBlank, isDate } from './values';

export type CellKind = 'blank' | 'number' | 'period' | 'text';

const POINT = readingFor('.');
const COMMA = readingFor(',');

/** What a cell looks like at a glance: a number (in either decimal mark), a period (date, month, year…), text. */
export function cellKind(v: Cell): CellKind {
  if (isEmptyEntry(v)) return 'blank';
  if (isDate(v)) return 'period';
  if (typeof v === 'number') return Number.isFinite(v) ? 'number' : 'text';
  if (typeof v !== 'string') return 'text';
  const t = v.trim();
  if (/^\d{4}(\s?\([A-Za-z]{1,5}\.?\))?$/.test(t)) return 'number'; // a year is a number until its column says
  if (headerPeriod(t)) return 'period';
  return parseLocaleNumber(t, POINT) || parseLocaleNumber(t, COMMA) ? 'number' : 'text';
}

/** The period a header or label cell names, in any date order (a header row of months, years, weeks). */
export function headerPeriod(v: Cell): Period | undefined {
  if (isDate(v)) return periodOfDate(v);
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1900 && v <= 2100 ? yearOf(v) : undefined;
  if (typeof v !== 'string' || !/\d/.test(v)) return undefined;
  const t = v.trim();
  if (/^\d{4}$/.test(t)) return yearOf(Number(t));
  return periodOfText(t, 'MDY') ?? periodOfText(t, 'DMY') ?? periodOfText(t, 'YMD');
}

function yearOf(y: number): Period | undefined {
  return y >= 1000 && y <= 9999 ? { start: { year: y, month: 1, day: 1 }, granularity: 'year' } : undefined;
}

const isNote = (row: readonly Cell[]): boolean => {
  const first = row.find((v) => !isBlank(v));
  return typeof first === 'string' && /^\s*#/.test(first) && first.trim() !== '#';
};

export interface TableShape {
  orientation: 'long' | 'wide';
  /** 1-based rows of the header, top first; empty when the tab has none */
  headerRows: number[];
  /** 1-based row of the first entry */
  firstRow: number;
  /** wide: the 0-based columns of the header's periods, and their periods */
  periodColumns?: number[];
  periods?: Period[];
  /** wide: the 0-based columns left of the periods that label a row */
  labelColumns?: number[];
}

/** Filled cells of a row, and which of them are numbers or periods. */
function profile(row: readonly Cell[]): { filled: number; data: Set<number> } {
  const data = new Set<number>();
  let filled = 0;
  row.forEach((v, c) => {
    const k = cellKind(v);
    if (k === 'blank') return;
    filled++;
    if (k === 'number' || k === 'period') data.add(c);
  });
  return { filled, data };
}

/**
 * A header row of periods: at least three cells naming periods of one granularity, in time order (oldest or
 * newest first), after the row's label cells, with numbers under them in the rows below.
 */
function widePeriods(
  rows: readonly Cell[][],
  r: number,
): { columns: number[]; periods: Period[]; labels: number[] } | undefined {
  const row = rows[r] ?? [];
  const columns: number[] = [];
  const periods: Period[] = [];
  row.forEach((v, c) => {
    const p = typeof v === 'number' && !Number.isInteger(v) ? undefined : headerPeriod(v);
    if (p) {
      columns.push(c);
      periods.push(p);
    }
  });
  if (columns.length < 3) return undefined;
  const grain = periods[0]!.granularity;
  if (periods.some((p) => p.granularity !== grain && !(grain === 'year' && p.granularity === 'month')))
    return undefined;
  const starts = periods.map((p) => Date.UTC(p.start.year, p.start.month - 1, p.start.day));
  const up = starts.every((t, i) => i === 0 || t >= starts[i - 1]!);
  const down = starts.every((t, i) => i === 0 || t <= starts[i - 1]!);
  if (!up && !down) return undefined;
  const first = columns[0]!;
  const labels: number[] = [];
  for (let c = 0; c < first; c++) labels.push(c);
  if (labels.length === 0) return undefined;
  // the rows below hold numbers under the periods (most rows that hold anything)
  let valued = 0;
  let seen = 0;
  for (const below of rows.slice(r + 1, r + 31)) {
    if (below.every((v) => isEmptyEntry(v))) continue;
    seen++;
    if (columns.some((c) => cellKind(below[c]) === 'number')) valued++;
  }
  return valued > 0 && valued >= 0.25 * seen ? { columns, periods, labels } : undefined;
}

/**
 * The shape of a tab's table, from its first rows. A wide scorecard is a header row of periods (above);
 * otherwise the first entry is the first row that holds numbers or periods in most of the columns the
 * entries below hold them in, and the header is the run of filled rows right above it, up to a blank row, a
 * `#` note or a one-cell title (the row right above the entries always belongs to it).
 */
export function tableShape(head: readonly Cell[][]): TableShape {
  const scan = Math.min(head.length, 30);
  for (let r = 0; r < Math.min(scan, 15); r++) {
    const wide = widePeriods(head, r);
    if (wide) {
      return {
        orientation: 'wide',
        headerRows: [r + 1],
        firstRow: r + 2,
        periodColumns: wide.columns,
        periods: wide.periods,
        labelColumns: wide.labels,
      };
    }
  }
  const profiles = head.map((row) => (isNote(row) ? { filled: 0, data: new Set<number>() } : profile(row)));
  // the columns that hold numbers or periods in at least half of the rows that hold any
  const dataRows = profiles.slice(0, Math.max(scan, 1)).filter((p) => p.data.size > 0);
  const counts = new Map<number, number>();
  for (const p of dataRows) for (const c of p.data) counts.set(c, (counts.get(c) ?? 0) + 1);
  const typical = [...counts].filter(([, n]) => n >= dataRows.length / 2).map(([c]) => c);
  // the column where most of those rows hold a period: a row with a period there is an entry, however few
  // of its other cells are filled yet (the first weeks of a series)
  const periodCounts = new Map<number, number>();
  for (const row of head.slice(0, scan)) {
    row.forEach((v, c) => {
      if (cellKind(v) === 'period') periodCounts.set(c, (periodCounts.get(c) ?? 0) + 1);
    });
  }
  const dated = [...periodCounts].find(([, n]) => n >= 0.8 * dataRows.length && n >= 2)?.[0];
  let first = -1;
  for (let r = 0; r < scan && first < 0; r++) {
    const p = profiles[r]!;
    if (p.data.size === 0) continue;
    const hits = typical.filter((c) => p.data.has(c)).length;
    if (hits >= Math.max(1, 0.6 * typical.length)) first = r;
    else if (dated !== undefined && cellKind(head[r]?.[dated]) === 'period' && hits >= 2) first = r;
  }
  if (first < 0) {
    const filledRow = profiles.findIndex((p) => p.filled > 0);
    return {
      orientation: 'long',
      headerRows: filledRow >= 0 ? [filledRow + 1] : [],
      firstRow: filledRow + 2,
    };
  }
  const headerRows: number[] = [];
  for (let r = first - 1; r >= 0; r--) {
    const row = head[r] ?? [];
    if (isNote(row) || row.every((v) => isBlank(v))) break;
    const filled = row.filter((v) => !isBlank(v)).length;
    const width = profiles[first]!.filled;
    if (headerRows.length > 0 && filled < 2 && width > 1) break;
    headerRows.unshift(r + 1);
  }
  return { orientation: 'long', headerRows, firstRow: first + 1 };
}
