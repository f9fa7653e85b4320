// A KPI's series as the registry's formulas read it: the numbers of its column (or row), each with its period
// from the date column (or header row), of one stacked series when the tab holds several. Owns the one rule of
// Latest, Previous and the sparkline: by the dates, whatever the order of the rows (newest first, unsorted),
// and never a row without a date (a totals row, a note) while other rows have one. Also the `how` text a
// formula carries to say how its dates read (`DMY`, `year+month`, `day+hour`). Pure.
import {
  combinePeriods,
  newestIndex,
  periodOfDate,
  periodOfText,
  periodTime,
  readNumbers,
  readPeriods,
} from './kpi-cells';
import { type Cadence, type DayReader, periodBefore } from './kpi-health';
import { type DateOrder, localeRules } from './locale';
import type { Period } from './periods';
import { type Cell, dateOfDay, dayOfDate, dayOfSerial, isDate, textOf } from './values';

const MS_PER_DAY = 86_400_000;
/** The serial day of 1970-01-01: a date cell's instant on the serial scale of text periods. */
const UNIX_EPOCH_SERIAL = 25_569;
const UTC_DAYS: DayReader = { dayOf: dayOfDate, midnightOf: (day) => dateOfDay(day).getTime() };

export type DatePartUnit = 'quarter' | 'month' | 'week' | 'hour';

/** How a formula's dates read: the order of dates written as text, and a second column completing them. */
export interface DateHow {
  order?: DateOrder;
  part?: DatePartUnit;
}

/** The `how` text of a formula: `DMY`, `year+month`, `day+hour`, `DMY day+hour`; "" when nothing needs saying. */
export function howText(how: DateHow): string {
  const part = how.part ? (how.part === 'hour' ? 'day+hour' : `year+${how.part}`) : '';
  return [how.order ?? '', part].filter(Boolean).join(' ');
}

/** Reads a `how` text back; unknown words are ignored (a blank reads as nothing to say). */
export function readHow(text: unknown): DateHow {
  const out: DateHow = {};
  for (const word of textOf(text).toLowerCase().split(/\s+/)) {
    if (word === 'mdy' || word === 'dmy' || word === 'ymd') out.order = word.toUpperCase() as DateOrder;
    const m = /^(?:year|day)\+(quarter|month|week|hour)$/.exec(word);
    if (m) out.part = m[1] as DatePartUnit;
  }
  return out;
}

export interface SeriesInput {
  /** the KPI's cells, in sheet order (a column top to bottom, or a row left to right) */
  values: readonly Cell[];
  /** per entry, the cells of its date: one cell, or the first and last of a span (year … month) */
  dates?: ReadonlyArray<readonly Cell[]>;
  how?: DateHow;
  /** per entry, the cells that tell stacked series apart, and the series followed (`EWR`, `A / B`) */
  keys?: ReadonlyArray<readonly Cell[]>;
  key?: string;
}

export interface Series {
  numbers: (number | undefined)[];
  /** undefined when the KPI has no dates; a date cell is read as the instant it holds (its UTC day and time) */
  periods?: (Period | undefined)[];
  /** the date cells as given, so that the latest one alone is read in the spreadsheet's time zone */
  cells?: Cell[];
}

/** The numbers and periods of a series; entries of other stacked series are left out (undefined). */
export function readSeries(input: SeriesInput): Series {
  const rules = localeRules(undefined);
  let numbers = readNumbers(input.values, rules).values;
  if (input.keys && input.key !== undefined) {
    const want = input.key.trim();
    numbers = numbers.map((n, i) => {
      const cells = input.keys?.[i] ?? [];
      const key = (cells.length > 1 ? [cells[0], cells[cells.length - 1]] : cells).map(textOf).join(' / ');
      return key === want ? n : undefined;
    });
  }
  if (!input.dates) return { numbers };
  const how = input.how ?? {};
  const first = input.dates.map((cells) => cells[0] ?? '');
  const order = how.order ? { ...rules, dateOrder: how.order } : rules;
  // date cells are compared as instants (no time-zone conversion per cell: a 50,000-row tab costs no calls)
  const read = readPeriods(first, order, dayOfDate);
  // dates given to a formula are read one by one even when few of them are dates (a row's label cell, notes)
  let periods: (Period | undefined)[] =
    read?.periods ??
    first.map((v) =>
      isDate(v)
        ? periodOfDate(v)
        : typeof v === 'string'
          ? periodOfText(v, order.dateOrder)
          : typeof v === 'number' && Number.isInteger(v) && v >= 1000 && v <= 9999
            ? { start: { year: v, month: 1, day: 1 }, granularity: 'year' as const }
            : undefined,
    );
  if (how.part) {
    const last = input.dates.map((cells) => cells[cells.length - 1] ?? '');
    const monthNames = how.part === 'month' && last.some((v) => typeof v === 'string' && !/^\s*\d/.test(v));
    periods = combinePeriods(periods, last, monthNames ? 'monthName' : how.part);
  }
  return { numbers, periods, cells: first };
}

/** Latest: the number of the newest entry (by date when there are dates), or "" when there is none. */
export function seriesLatest(s: Series): number | '' {
  const i = newestIndex(s.numbers, s.periods);
  return i < 0 ? '' : s.numbers[i]!;
}

/**
 * Previous: with dates and a cadence, the newest entry dated on or before one period before the latest's date;
 * with dates and no cadence (or none that old), the newest entry dated before the latest; without dates, the
 * entry written before the latest. "" when there is none.
 */
export function seriesPrevious(s: Series, cadence?: Cadence, days: DayReader = UTC_DAYS): number | '' {
  const { index } = previousOf(s, cadence, days);
  return index < 0 ? '' : s.numbers[index]!;
}

/**
 * The entry of Previous, and whether it is one period back by the dates (`byPeriod`): when the series is only
 * the newest rows of a tab, an entry found otherwise may not be the answer (it may lie in the rows not read).
 */
export function previousOf(
  s: Series,
  cadence?: Cadence,
  days: DayReader = UTC_DAYS,
): { index: number; byPeriod: boolean } {
  const latest = newestIndex(s.numbers, s.periods);
  if (latest < 0) return { index: -1, byPeriod: false };
  const at = s.periods?.[latest];
  if (!s.periods || !at) {
    for (let i = latest - 1; i >= 0; i--)
      if (s.numbers[i] !== undefined) return { index: i, byPeriod: false };
    return { index: -1, byPeriod: false };
  }
  if (cadence) {
    // one period back from the latest's calendar day (a date cell's day in the spreadsheet's time zone)
    const cell = s.cells?.[latest];
    const day = isDate(cell) ? days.dayOf(cell) : at.start;
    const limit = periodBefore(day, cadence);
    const before = isDate(cell)
      ? days.midnightOf(dayOfSerial(limit + 1)) / MS_PER_DAY + UNIX_EPOCH_SERIAL
      : limit + 1;
    const i = newestIndex(s.numbers, s.periods, before);
    if (i >= 0) return { index: i, byPeriod: true };
  }
  return { index: newestIndex(s.numbers, s.periods, periodTime(at)), byPeriod: !cadence };
}

/** The newest `n` numbers, oldest first (for a sparkline): by date when there are dates. */
export function seriesRecent(s: Series, n = 12): number[] {
  const entries = s.numbers
    .map((v, i) => ({ v, i, at: s.periods?.[i] ? periodTime(s.periods[i]!) : undefined }))
    .filter((e): e is { v: number; i: number; at: number | undefined } => e.v !== undefined);
  const dated = s.periods ? entries.filter((e) => e.at !== undefined) : [];
  const ordered = dated.length > 0 ? dated.sort((a, b) => a.at! - b.at! || a.i - b.i) : entries;
  return ordered.slice(-n).map((e) => e.v);
}
