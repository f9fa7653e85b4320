// Periods written as text: the days, weeks, months, quarters and years that KPI tabs hold as people and
// exports write them (`20.03.2015`, `3/20/15`, `Jan-24`, `2024-W03`, `1. Quartal 2024`, ISO date-times).
// Owns reading one text as a period, reading a whole column (which date order reads it, or whether it is a
// period index such as a month number), joining a year column with a month column, and the cadence that the
// spacing of periods shows. Time-zone free: a date-time keeps the day and time as written, with its offset.
import type { Cadence } from './kpi-health';
import { type DateOrder, type LocaleRules, localeRules } from './locale';
import {
  foldText,
  hasControlCharacters,
  monthOfName,
  weekdaysOfName,
  withoutBidiMarks,
} from './locale-words';
import { type Day, serialOfDay } from './values';

export type Granularity = 'instant' | 'day' | 'week' | 'month' | 'quarter' | 'year';

/** The time of day an instant was written with; `offsetMinutes` when it names its zone (`Z` is 0). */
export interface TimeOfDay {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  offsetMinutes?: number;
}

/** A period: its first day, how long it is, and for an instant the time of day as written. */
export interface Period {
  start: Day;
  granularity: Granularity;
  time?: TimeOfDay;
}

const MAX_TEXT = 120;

function validDay(year: number, month: number, day: number): Day | undefined {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? { year, month, day } : undefined;
}

/** Two-digit years as spreadsheets read them by default: 00–29 are 2000–2029, 30–99 are 1930–1999. */
function fullYear(text: string): number {
  const n = Number(text.replace("'", ''));
  return text.replace("'", '').length === 2 ? (n < 30 ? 2000 + n : 1900 + n) : n;
}

function weekdayOf(day: Day): number {
  return new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
}

function addDays(day: Day, days: number): Day {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Monday of ISO week 1: the week holding 4 January. */
function isoWeekOne(year: number): Day {
  const jan4 = { year, month: 1, day: 4 };
  return addDays(jan4, -((weekdayOf(jan4) + 6) % 7));
}

function isoWeeksIn(year: number): number {
  return (serialOfDay(isoWeekOne(year + 1)) - serialOfDay(isoWeekOne(year))) / 7;
}

/** ISO week `week` of `year` (from its Monday), or one day of it (`weekday` 1 = Monday … 7 = Sunday). */
function isoWeek(year: number, week: number, weekday?: number): Period | undefined {
  if (year < 1000 || year > 9999 || week < 1 || week > isoWeeksIn(year)) return undefined;
  const start = addDays(isoWeekOne(year), (week - 1) * 7 + (weekday === undefined ? 0 : weekday - 1));
  return { start, granularity: weekday === undefined ? 'week' : 'day' };
}

function month(year: number, m: number): Period | undefined {
  const start = validDay(year, m, 1);
  return start && { start, granularity: 'month' };
}

function quarter(year: number, q: number): Period | undefined {
  const start = q >= 1 && q <= 4 ? validDay(year, (q - 1) * 3 + 1, 1) : undefined;
  return start && { start, granularity: 'quarter' };
}

function day(year: number, m: number, d: number): Period | undefined {
  const start = validDay(year, m, d);
  return start && { start, granularity: 'day' };
}

const TIME =
  /(?:^|[\st,]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s?([ap])\.?m\.?)?(?:\s?(z|utc|gmt)?\s?([+-])(\d{1,2})(?::?(\d{2}))?|\s?(z|utc|gmt))?(?:\s\([^)]*\))?$/;

/** Splits a trailing time of day (`14:30`, `T10:00:00.5Z`, `2:30 PM`, `10:00:00 GMT+0100 (CET)`) off. */
function splitTime(s: string): { date: string; time?: TimeOfDay } | undefined {
  const m = TIME.exec(s);
  if (!m) return { date: s };
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = m[3] === undefined ? 0 : Number(m[3]);
  const millisecond = m[4] === undefined ? 0 : Math.floor(Number(`0.${m[4]}`) * 1000);
  if (m[5] !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (m[5] === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const time: TimeOfDay = { hour, minute, second, millisecond };
  if (m[7] !== undefined) {
    const h = Number(m[8]);
    const mm = m[9] === undefined ? 0 : Number(m[9]);
    if (h > 14 || mm > 59) return undefined;
    time.offsetMinutes = (m[7] === '-' ? -1 : 1) * (h * 60 + mm);
  } else if (m[6] !== undefined || m[10] !== undefined) {
    time.offsetMinutes = 0;
  }
  return { date: s.slice(0, m.index).replace(/[\s,]+$/, ''), time };
}

/** A statistics office's mark after a period: `2022 (P)` provisional, `(e)` estimated, `(r)` revised. */
const MARKER = /\s?\([a-z]{1,5}\.?\)$/;

const WORD = '([a-zß]+)';
const WEEK_WORD = '(?:week|wk|w|kw|woche|semaine|sem|s|semana|settimana|sett)\\.?';
const QUARTER_WORD = '(?:quartal|quarter|qtr|trimestre|trim|kwartaal)\\.?';
const YEAR = "(\\d{4}|'?\\d{2})";

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_WEEK = /^(\d{4})-?w(\d{2})(?:-?([1-7]))?$/;
const YEAR_MONTH = /^(\d{4})\s?(?:[-/]|m)\s?(\d{1,2})$/;
const MONTH_YEAR = /^(\d{1,2})\s?[-/.]\s?(\d{4})$/;
const YEAR_FIRST = /^(\d{4})([-/.])\s?(\d{1,2})\2\s?(\d{1,2})\.?$/;
const NUMERIC = /^(\d{1,2})([-/.])\s?(\d{1,2})\2\s?(\d{1,4})\.?(?:\s?г\.?)?$/;
const CJK = /^(\d{4})\s?[年년]\s?(\d{1,2})\s?[月월](?:\s?(\d{1,2})\s?[日일])?$/;
const QUARTERS: readonly [RegExp, number, number][] = [
  // [pattern, index of the quarter, index of the year]
  [new RegExp(`^[qtk]\\s?([1-4])(?:\\s|\\s?[-/]\\s?|\\s?')${YEAR}$`), 1, 2],
  [/^(\d{4})\s?[-/]?\s?[qtk]\s?([1-4])$/, 2, 1],
  [new RegExp(`^([1-4])\\s?[qt]\\s?${YEAR}$`), 1, 2],
  [new RegExp(`^([1-4])(?:\\.|er|e|st|nd|rd|th|°|º|ª|o)?\\s?${QUARTER_WORD}\\s?(?:de\\s)?(\\d{4})$`), 1, 2],
  [new RegExp(`^${QUARTER_WORD}\\s?([1-4])[\\s,/-]+(\\d{4})$`), 1, 2],
];
const WEEKS: readonly [RegExp, number, number][] = [
  [new RegExp(`^${WEEK_WORD}\\s?(\\d{1,2})(?:[\\s,/-]+|\\s?')${YEAR}$`), 1, 2],
  [new RegExp(`^(\\d{4})[\\s,/-]*${WEEK_WORD}\\s?(\\d{1,2})$`), 2, 1],
  [/^(\d{1,2})\.?\s?(?:kw|woche|week)\s?(\d{4})$/, 1, 2],
];
const DAY_MONTH_YEAR = new RegExp(
  `^(\\d{1,2})(?:\\.|st|nd|rd|th|er|º|°)?(?:\\s(?:de\\s)?|-|\\.)${WORD}\\.?(?:,?\\s(?:de\\s)?|-|\\.\\s?|\\s?')(\\d{4}|\\d{2})$`,
);
const MONTH_DAY_YEAR = new RegExp(`^${WORD}\\.?[\\s-](\\d{1,2})(?:st|nd|rd|th)?,?\\s(\\d{4})$`);
const MONTH_YEAR_WORD = new RegExp(`^${WORD}\\.?,?(?:\\s+de)?[\\s/.-]*(\\d{4})$`);
const MONTH_SHORT_YEAR = new RegExp(`^${WORD}\\.?(?:[-/]|\\s?')(\\d{2})$`);
const YEAR_MONTH_WORD = new RegExp(`^(\\d{4})[\\s-]${WORD}\\.?$`);

/** A date without its time of day and weekday: the period it names under `order`, or undefined. */
function parseDatePart(s: string, order: DateOrder): Period | undefined {
  let m = ISO_DAY.exec(s) ?? YEAR_FIRST.exec(s);
  if (m) {
    const year = m[1]!;
    const [mo, d] = m.length === 4 ? [m[2]!, m[3]!] : [m[3]!, m[4]!];
    return day(Number(year), Number(mo), Number(d));
  }
  m = NUMERIC.exec(s);
  if (m) {
    const [a, sep, b, c] = [m[1]!, m[2]!, m[3]!, m[4]!];
    if (c.length === 4) {
      if (sep === '.' || order === 'DMY') return day(Number(c), Number(b), Number(a));
      return order === 'MDY' ? day(Number(c), Number(a), Number(b)) : undefined;
    }
    const effective = sep === '.' && order === 'MDY' ? 'DMY' : order;
    if (effective === 'YMD') return a.length === 2 ? day(fullYear(a), Number(b), Number(c)) : undefined;
    if (c.length !== 2) return undefined;
    return effective === 'MDY'
      ? day(fullYear(c), Number(a), Number(b))
      : day(fullYear(c), Number(b), Number(a));
  }
  m = CJK.exec(s);
  if (m) {
    return m[3] === undefined
      ? month(Number(m[1]), Number(m[2]))
      : day(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  m = ISO_WEEK.exec(s);
  if (m) return isoWeek(Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));
  m = YEAR_MONTH.exec(s);
  if (m) return month(Number(m[1]), Number(m[2]));
  m = MONTH_YEAR.exec(s);
  if (m) return month(Number(m[2]), Number(m[1]));
  if (/^\d{4}$/.test(s)) {
    const start = validDay(Number(s), 1, 1);
    return start && { start, granularity: 'year' };
  }
  for (const [re, qi, yi] of QUARTERS) {
    m = re.exec(s);
    if (m) return quarter(fullYear(m[yi]!), Number(m[qi]));
  }
  for (const [re, wi, yi] of WEEKS) {
    m = re.exec(s);
    if (m) return isoWeek(fullYear(m[yi]!), Number(m[wi]));
  }
  m = DAY_MONTH_YEAR.exec(s);
  if (m) {
    const mo = monthOfName(m[2]!);
    return mo === undefined ? undefined : day(fullYear(m[3]!), mo, Number(m[1]));
  }
  m = MONTH_DAY_YEAR.exec(s);
  if (m) {
    const mo = monthOfName(m[1]!);
    return mo === undefined ? undefined : day(Number(m[3]), mo, Number(m[2]));
  }
  m = MONTH_YEAR_WORD.exec(s) ?? MONTH_SHORT_YEAR.exec(s);
  if (m) {
    const mo = monthOfName(m[1]!);
    return mo === undefined ? undefined : month(fullYear(m[2]!), mo);
  }
  m = YEAR_MONTH_WORD.exec(s);
  if (m) {
    const mo = monthOfName(m[2]!);
    return mo === undefined ? undefined : month(Number(m[1]), mo);
  }
  return undefined;
}

/**
 * The period a text names: `2024-03-20`, `2024-03-20T10:00:00Z`, `3/20/15` or `20/03/2015` (read by
 * `order`), `20.03.2015`, `2024-01`, `01/2024`, `Jan 2024`, `Jan-24`, `März 2024`, `2024-W03`, `KW 3 2024`,
 * `Q1 2024`, `1. Quartal 2024`, `2024`. Undefined when the text is no period, names an impossible day, or
 * could only be read by guessing (`Jan 24`, `3/20` without a year). docs/LOCALES.md lists every form.
 */
export function parseDateText(text: string, order: DateOrder): Period | undefined {
  if (typeof text !== 'string' || text.length > MAX_TEXT || hasControlCharacters(text)) return undefined;
  const s = foldText(withoutBidiMarks(text))
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
  if (s === '' || !/\d/.test(s)) return undefined;
  const split = splitTime(s.replace(MARKER, ''));
  if (!split) return undefined;
  const read = (date: string): Period | undefined => {
    const p = parseDatePart(date, order);
    if (!p || split.time === undefined) return p;
    return p.granularity === 'day' ? { start: p.start, granularity: 'instant', time: split.time } : undefined;
  };
  const direct = read(split.date);
  if (direct) return direct;
  // A weekday in front (`Wed, 20 Mar 2024`, `Mi., 20.03.2024`) must agree with the day.
  const w = /^([a-zß]+)\.?,?\s(.*)$/.exec(split.date);
  if (!w) return undefined;
  const weekdays = weekdaysOfName(w[1]!);
  if (weekdays.length === 0) return undefined;
  const p = read(w[2]!);
  return p && p.granularity !== 'week' && weekdays.includes(weekdayOf(p.start)) ? p : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Columns.

const ORDERS: readonly DateOrder[] = ['MDY', 'DMY', 'YMD'];
/** Share of a column's non-blank entries that must read for the column to be read as such. */
const MOSTLY = 0.8;

/** What a column of bare integers counts, most likely first: years, or the number of a quarter, month or week. */
export type IndexUnit = 'year' | 'quarter' | 'month' | 'week';

export type DateColumn =
  | {
      kind: 'dates';
      /** the order that reads the column (the locale's when several read it alike) */
      order: DateOrder;
      /** another order also reads every entry, to other periods: the user should confirm the order */
      ambiguous: boolean;
      granularity: Granularity | 'mixed';
      /** per entry: its period, undefined for blanks and for entries that are no period */
      periods: (Period | undefined)[];
      /** indexes of the non-blank entries that are no period (a note, a totals row) */
      unread: number[];
    }
  | {
      kind: 'index';
      /** what the integers may count: `year` for 1000–9999; for 1–53 the units their range allows */
      units: IndexUnit[];
      values: (number | undefined)[];
      unread: number[];
    };

function isBlankEntry(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function integerOf(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  const m = typeof v === 'string' ? /^\s*(\d{1,4})\s*(?:\([A-Za-z]{1,5}\.?\))?\s*$/.exec(v) : null;
  return m ? Number(m[1]) : undefined;
}

function samePeriod(a: Period | undefined, b: Period | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.granularity === b.granularity &&
    serialOfDay(a.start) === serialOfDay(b.start) &&
    JSON.stringify(a.time) === JSON.stringify(b.time)
  );
}

/**
 * Reads a column of a KPI tab as periods: the date order that reads every entry (a `20/03/2015` anywhere
 * rules out MDY; when several orders do, the locale's), the column's granularity, and each entry's period.
 * A column of bare integers is a period index, not dates: years (1000–9999) or the number of a month, week or
 * quarter (1–53). Undefined when the column is neither (fewer than 80% of its non-blank entries read).
 * Entries may be texts or, for index columns, the numbers a sheet holds.
 */
export function readDateColumn(
  texts: readonly unknown[],
  locale: string | LocaleRules,
): DateColumn | undefined {
  const rules = localeRules(locale);
  const filled = texts.map((t, i) => [t, i] as const).filter(([t]) => !isBlankEntry(t));
  if (filled.length === 0) return undefined;

  const ints = filled.map(([t]) => integerOf(t));
  const intCount = ints.filter((n) => n !== undefined).length;
  if (intCount >= MOSTLY * filled.length) {
    const present = ints.filter((n): n is number => n !== undefined);
    const years = present.every((n) => n >= 1000 && n <= 9999);
    const small = present.every((n) => n >= 1 && n <= 53);
    if (years || small) {
      const max = present.reduce((a, b) => (b > a ? b : a), 0);
      const units: IndexUnit[] = years
        ? ['year']
        : max <= 4
          ? ['quarter', 'month', 'week']
          : max <= 12
            ? ['month', 'week']
            : ['week'];
      const values = texts.map((t) => (isBlankEntry(t) ? undefined : integerOf(t)));
      const unread = filled.filter(([t]) => integerOf(t) === undefined).map(([, i]) => i);
      return { kind: 'index', units, values, unread };
    }
  }

  const readings = ORDERS.map((order) =>
    texts.map((t) => (typeof t === 'string' ? parseDateText(t, order) : undefined)),
  );
  const counts = readings.map((r) => r.filter(Boolean).length);
  const best = counts.reduce((a, b) => (b > a ? b : a), 0);
  if (best < MOSTLY * filled.length) return undefined;
  const candidates = ORDERS.filter((_, i) => counts[i] === best);
  const order = candidates.includes(rules.dateOrder) ? rules.dateOrder : candidates[0]!;
  const periods = readings[ORDERS.indexOf(order)]!;
  const ambiguous = candidates.some(
    (o) => o !== order && readings[ORDERS.indexOf(o)]!.some((p, i) => !samePeriod(p, periods[i])),
  );
  const kinds = new Set(periods.filter((p): p is Period => !!p).map((p) => p.granularity));
  const granularity = kinds.size === 1 ? [...kinds][0]! : 'mixed';
  const unread = filled.filter(([, i]) => !periods[i]).map(([, i]) => i);
  return { kind: 'dates', order, ambiguous, granularity, periods, unread };
}

/**
 * A year column and a month column as one month per row: years 1000–9999 (numbers or text), months 1–12 or a
 * month's name in any language of docs/LOCALES.md. A row where either does not read is undefined.
 */
export function combineYearMonth(
  years: readonly unknown[],
  months: readonly unknown[],
): (Period | undefined)[] {
  const n = Math.max(years.length, months.length);
  const out: (Period | undefined)[] = [];
  for (let i = 0; i < n; i++) {
    const y = integerOf(years[i]);
    const raw = months[i];
    const m = integerOf(raw) ?? (typeof raw === 'string' ? monthOfName(raw) : undefined);
    out.push(y !== undefined && m !== undefined && y >= 1000 ? month(y, m) : undefined);
  }
  return out;
}

/** Period `n` of a year counted in `unit` (quarter 1–4, month 1–12, ISO week 1–53, or the year itself). */
export function periodOfIndex(year: number, unit: IndexUnit, n: number): Period | undefined {
  if (unit === 'year') return month(year, 1) && { start: { year, month: 1, day: 1 }, granularity: 'year' };
  return unit === 'quarter' ? quarter(year, n) : unit === 'month' ? month(year, n) : isoWeek(year, n);
}

/** How often a column has a new period: a KPI's cadence, or what else the spacing shows. */
export type PeriodCadence = Cadence | 'yearly' | 'sub-daily' | 'irregular';

const BUCKETS: readonly [PeriodCadence, number, number][] = [
  // [cadence, shortest gap, longest gap] in days; daily data skips weekends and holidays
  ['sub-daily', 0, 0.75],
  ['daily', 0.75, 4.25],
  ['weekly', 6, 8],
  ['monthly', 27, 32],
  ['quarterly', 85, 95],
  ['yearly', 360, 370],
];

function daysOf(p: Period): number {
  const t = p.time;
  const offset = t?.offsetMinutes ?? 0;
  const minutes = t ? t.hour * 60 + t.minute + t.second / 60 + t.millisecond / 60_000 - offset : 0;
  return serialOfDay(p.start) + minutes / 1440;
}

/**
 * The cadence the spacing of periods shows (in any order, newest first or not): the bucket of the median gap,
 * when at least 80% of the gaps fall in it; else irregular. Undefined with fewer than two distinct periods.
 */
export function cadenceOf(periods: readonly (Period | undefined)[]): PeriodCadence | undefined {
  const times = [...new Set(periods.filter((p): p is Period => !!p).map(daysOf))].sort((a, b) => a - b);
  if (times.length < 2) return undefined;
  const gaps = times.slice(1).map((t, i) => t - times[i]!);
  const sorted = [...gaps].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const bucket = BUCKETS.find(([, lo, hi]) => median > lo && median <= hi);
  if (!bucket) return 'irregular';
  const [cadence, lo, hi] = bucket;
  const fit = gaps.filter((g) => g > lo && g <= hi).length;
  return fit >= MOSTLY * gaps.length ? cadence : 'irregular';
}
