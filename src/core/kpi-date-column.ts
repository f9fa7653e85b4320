// The date column of a long KPI table and the series stacked in it: which column (or two, a year with a month or
// week, a day with an hour) dates the entries, and, when periods repeat, the text columns that tell the series
// apart (a region column). Pure: it reads what kpi-detect.ts read of each column.
import {
  combinePeriods,
  isEmptyEntry,
  type NumberReading,
  type PeriodReading,
  periodTime,
} from './kpi-cells';
import type { DetectedColumn, Detection } from './kpi-detect';
import { isDateHeader, periodUnitOfHeader } from './kpi-words';
import type { Period } from './periods';
import { type Cell, textOf } from './values';

/** What was read of a column: its cells, as numbers and as periods. */
export interface ColumnRead {
  cells: Cell[];
  numbers: NumberReading;
  periods?: PeriodReading | undefined;
}

/**
 * The date column: a column of dates or periods (a date header first), else a year column completed by a
 * month, week or quarter column, else a year column, else a month, week or quarter number; a day column whose
 * days repeat is completed by an hour column.
 */
export function chooseDate(
  columns: readonly DetectedColumn[],
  reads: readonly ColumnRead[],
): { column: number; part?: Detection['datePart'] } | undefined {
  const dated = columns.filter((c) => c.kind === 'date');
  const pick =
    dated.find((c) => isDateHeader(c.header.split(' ').pop() ?? '') || /\bdat/i.test(c.header)) ?? dated[0];
  const unitOf = (c: DetectedColumn) => periodUnitOfHeader(c.header);
  if (pick) {
    const read = reads[pick.index]!.periods!;
    const days = read.periods.filter((p) => p?.granularity === 'day').map((p) => periodTime(p!));
    const hour = columns.find((c) => c.kind === 'number' && unitOf(c) === 'hour');
    if (hour && days.length > new Set(days).size)
      return { column: pick.index, part: { column: hour.index, unit: 'hour' } };
    return { column: pick.index };
  }
  const index = (c: DetectedColumn) => Boolean(c.period) && reads[c.index]!.periods?.kind === 'index';
  const years = columns.filter((c) => index(c) && reads[c.index]!.periods!.units?.[0] === 'year');
  const year = years.find((c) => unitOf(c) === 'year') ?? years[0];
  const months = columns.find(
    (c) =>
      c.kind === 'text' &&
      reads[c.index]!.cells.filter((v) => !isEmptyEntry(v)).every(
        (v) =>
          typeof v === 'string' &&
          combinePeriods(
            [{ start: { year: 2000, month: 1, day: 1 }, granularity: 'year' }],
            [v],
            'monthName',
          )[0],
      ),
  );
  if (year) {
    const parts = columns.filter((c) => c !== year && (index(c) || c === months));
    for (const unit of ['month', 'week', 'quarter'] as const) {
      const part = parts.find((c) => unitOf(c) === unit || (unit === 'month' && c === months));
      const fits = part && (part === months || reads[part.index]!.periods?.units?.includes(unit));
      if (part && fits) return { column: year.index, part: { column: part.index, unit } };
    }
    return { column: year.index };
  }
  const counted = columns.find((c) => index(c) && ['month', 'week', 'quarter'].includes(unitOf(c) ?? ''));
  return counted ? { column: counted.index } : undefined;
}

/**
 * Series stacked in one table: when periods repeat, the text columns (one, else two) whose values with the
 * period tell every entry apart, e.g. a region column. Undefined when the periods do not repeat.
 */
export function stackedSeries(
  columns: readonly DetectedColumn[],
  reads: readonly ColumnRead[],
  periods: readonly (Period | undefined)[],
): { columns: number[]; keys: string[] } | undefined {
  const dated = periods.map((p, i) => [p, i] as const).filter(([p]) => p);
  const times = dated.map(([p]) => periodTime(p!));
  if (times.length < 2 || new Set(times).size === times.length) return undefined;
  const texts = columns.filter(
    (c) => c.kind === 'text' && new Set(reads[c.index]!.cells.map(textOf)).size > 1,
  );
  const unique = (cols: DetectedColumn[]) => {
    const seen = new Set<string>();
    for (const [p, i] of dated) {
      const key = `${periodTime(p!)}|${cols.map((c) => textOf(reads[c.index]!.cells[i])).join('|')}`;
      if (seen.has(key)) return false;
      seen.add(key);
    }
    return true;
  };
  const tries: DetectedColumn[][] = [
    ...texts.map((c) => [c]),
    ...texts.flatMap((a, i) => texts.slice(i + 1).map((b) => [a, b])),
  ];
  const found = tries.find(unique);
  if (!found) return undefined;
  const keys: string[] = [];
  for (const [, i] of dated) {
    const key = found.map((c) => textOf(reads[c.index]!.cells[i])).join(' / ');
    if (!keys.includes(key)) keys.push(key);
  }
  return { columns: found.map((c) => c.index), keys };
}
