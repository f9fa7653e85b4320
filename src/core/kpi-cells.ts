// A KPI tab's cells as a person reads them: numbers written as text in the column's own decimal mark (or the
// spreadsheet's locale's), with their currency, `%` or unit word; the placeholders exports write for a missing
// value (`X`, `...`, `n/a`); and the periods a column (or two, year + month, day + hour) holds, as real date
// cells or as text. Also the one rule for the newest entry of a series: the entry with the newest period,
// else the last one written. Pure.
import type { DateOrder, DecimalMark, LocaleRules } from './locale';
import { guessDecimalMark, parseLocaleNumber, readingFor } from './locale-number';
import { type IndexUnit, type Period, parseDateText, periodOfIndex, readDateColumn } from './periods';
import { type Cell, type Day, dayOfDate, isBlank, isDate, serialOfDay } from './values';

/** A text without a digit that an export writes where a value is missing: `X`, `...`, `-`, `n/a`, `:`. */
export function isPlaceholder(v: Cell): boolean {
  if (typeof v !== 'string') return false;
  const t = v.trim();
  if (t === '' || /\d/.test(t)) return false;
  if (!/\p{L}/u.test(t) || /^\p{L}$/u.test(t)) return true;
  return /^(null|none|nan|n\/?a|n\.a\.|nd|n\.d\.|n\.v\.|k\.\s?a\.|keine|missing|\(na\)|#n\/a)$/i.test(t);
}

/** A cell with nothing to read: blank, or a placeholder. */
export const isEmptyEntry = (v: Cell): boolean => isBlank(v) || isPlaceholder(v);

export interface NumberReading {
  /** per entry: the number it holds, undefined for blanks, placeholders and text */
  values: (number | undefined)[];
  /** entries that read as numbers, and non-empty entries (placeholders not counted) */
  numbers: number;
  filled: number;
  /** the numbers were written with `%` (values are fractions) */
  percent: boolean;
  /** the currency or unit word most of the texts were written with */
  currency?: string;
  label?: string;
  /** the decimal mark the column's texts are written with, when they tell */
  decimal?: DecimalMark;
}

function most(counts: Map<string, number>): string | undefined {
  let best: string | undefined;
  for (const [k, n] of counts) if (best === undefined || n > counts.get(best)!) best = k;
  return best;
}

/**
 * Reads a column's entries as numbers. Texts are read with the decimal mark that reads all of them (`105,75`
 * and `1.234,5` are a comma), else the locale's; numbers are numbers. A text that is no number stays unread.
 */
export function readNumbers(cells: readonly Cell[], locale: LocaleRules): NumberReading {
  const mark = guessDecimalMark(cells);
  const rules = mark ? readingFor(mark) : locale;
  const values: (number | undefined)[] = [];
  const currencies = new Map<string, number>();
  const labels = new Map<string, number>();
  let numbers = 0;
  let filled = 0;
  let percents = 0;
  for (const v of cells) {
    if (isEmptyEntry(v)) {
      values.push(undefined);
      continue;
    }
    filled++;
    let n: number | undefined;
    if (typeof v === 'number') n = Number.isFinite(v) ? v : undefined;
    else if (typeof v === 'string') {
      const read = parseLocaleNumber(v, rules);
      if (read) {
        n = read.value;
        if (read.percent) percents++;
        if (read.currency) currencies.set(read.currency, (currencies.get(read.currency) ?? 0) + 1);
        if (read.label) labels.set(read.label, (labels.get(read.label) ?? 0) + 1);
      }
    }
    if (n !== undefined) numbers++;
    values.push(n);
  }
  const out: NumberReading = { values, numbers, filled, percent: numbers > 0 && percents >= numbers / 2 };
  const currency = most(currencies);
  if (currency && currencies.get(currency)! >= numbers / 2) out.currency = currency;
  const label = most(labels);
  if (label && labels.get(label)! >= numbers / 2) out.label = label;
  if (mark) out.decimal = mark;
  return out;
}

// ---- Periods ----------------------------------------------------------------------------------------------

const SEASONS: Record<string, number> = { spring: 1, summer: 5, fall: 8, autumn: 8, winter: 12 };

/**
 * A period a label names beyond a date: a fiscal year (`FY2024`, `FY 24`: its first day is taken as 1 January
 * of that year, as the file does not say when it ends), a semester (`Fall 2025`), a year with a note after it
 * (`2001 voor revisie`).
 */
function periodOfLabel(text: string): Period | undefined {
  const t = text.trim().toLowerCase();
  const fy = /^fy\s?'?(\d{2}|\d{4})$/.exec(t);
  if (fy) {
    const y = fy[1]!.length === 2 ? 2000 + Number(fy[1]) : Number(fy[1]);
    return periodOfIndex(y, 'year', y);
  }
  const season = /^(spring|summer|fall|autumn|winter)\s+(\d{4})$/.exec(t);
  if (season) return periodOfIndex(Number(season[2]), 'month', SEASONS[season[1]!]!);
  const noted = /^(\d{4})\s+[a-z][a-z\s]{2,30}$/.exec(t);
  return noted ? periodOfIndex(Number(noted[1]), 'year', Number(noted[1])) : undefined;
}

/** The period a text names (a date in `order`, a week, month, quarter, year, fiscal year or semester). */
export function periodOfText(text: string, order: DateOrder): Period | undefined {
  return parseDateText(text, order) ?? periodOfLabel(text);
}

/** The period of a date cell: its day, or the instant when it has a time of day. */
export function periodOfDate(d: Date, dayOf: (d: Date) => Day = dayOfDate): Period | undefined {
  if (Number.isNaN(d.getTime())) return undefined;
  const start = dayOf(d);
  const ms = d.getTime() - Date.UTC(start.year, start.month - 1, start.day);
  const inDay = ((ms % 86_400_000) + 86_400_000) % 86_400_000;
  if (inDay === 0) return { start, granularity: 'day' };
  const s = Math.round(inDay / 1000);
  const time = {
    hour: Math.floor(s / 3600),
    minute: Math.floor(s / 60) % 60,
    second: s % 60,
    millisecond: 0,
  };
  return { start, granularity: 'instant', time };
}

export interface PeriodReading {
  kind: 'dates' | 'index';
  /** per entry; undefined for blanks and for entries that are no period (a note, a totals row) */
  periods: (Period | undefined)[];
  /** for an index column, what its integers may count, likeliest first */
  units?: IndexUnit[];
  /** for text dates, the order that reads them, and whether another order would read them otherwise */
  order?: DateOrder;
  ambiguous?: boolean;
  /** how many entries read, of the non-blank ones */
  read: number;
  filled: number;
}

/**
 * Reads a column as periods: real date cells, dates and periods written as text (the order that reads all of
 * them), or an index (years 1000–9999, or numbers 1–53 of a month, week or quarter). Undefined when fewer
 * than 80% of the non-blank entries read.
 */
export function readPeriods(
  cells: readonly Cell[],
  locale: LocaleRules,
  dayOf: (d: Date) => Day = dayOfDate,
): PeriodReading | undefined {
  const filled = cells.filter((v) => !isEmptyEntry(v)).length;
  if (filled === 0) return undefined;
  const dates = cells.filter(isDate).length;
  if (dates > 0) {
    const periods = cells.map((v) => (isDate(v) ? periodOfDate(v, dayOf) : undefined));
    const read = periods.filter(Boolean).length;
    return read >= 0.8 * filled ? { kind: 'dates', periods, read, filled } : undefined;
  }
  const column = readDateColumn(
    cells.map((v) => (isPlaceholder(v) ? '' : v)),
    locale,
  );
  if (column?.kind === 'index') {
    const periods = column.values.map((n) =>
      n !== undefined && column.units[0] === 'year' ? periodOfIndex(n, 'year', n) : undefined,
    );
    const read = column.values.filter((n) => n !== undefined).length;
    return { kind: 'index', periods, units: column.units, read, filled };
  }
  const order = column?.order ?? locale.dateOrder;
  const periods = cells.map((v, i) =>
    typeof v === 'string' ? (column?.periods[i] ?? periodOfLabel(v)) : undefined,
  );
  const read = periods.filter(Boolean).length;
  if (read < 0.8 * filled) return undefined;
  return { kind: 'dates', periods, order, ambiguous: column?.ambiguous ?? false, read, filled };
}

/** The integer an index entry holds (`12`, `2022 (P)`), or undefined. */
export function indexOf(v: Cell): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  const m = typeof v === 'string' ? /^\s*(\d{1,4})\s*(?:\([A-Za-z]{1,5}\.?\))?\s*$/.exec(v) : null;
  return m ? Number(m[1]) : undefined;
}

/**
 * Two columns as one period per row: a year with a quarter, month (number or name) or week number; or a day
 * with an hour of the day (0–23). Undefined for a row where either does not read.
 */
export function combinePeriods(
  first: readonly (Period | undefined)[],
  second: readonly Cell[],
  unit: IndexUnit | 'hour' | 'monthName',
): (Period | undefined)[] {
  return first.map((p, i) => {
    const v = second[i];
    if (!p) return undefined;
    if (unit === 'hour') {
      const h = indexOf(v);
      if (p.granularity !== 'day' || h === undefined || h > 23) return undefined;
      return {
        start: p.start,
        granularity: 'instant',
        time: { hour: h, minute: 0, second: 0, millisecond: 0 },
      };
    }
    if (p.granularity !== 'year') return undefined;
    const n = unit === 'monthName' ? monthNumber(v) : indexOf(v);
    return n === undefined
      ? undefined
      : periodOfIndex(p.start.year, unit === 'monthName' ? 'month' : unit, n);
  });
}

function monthNumber(v: Cell): number | undefined {
  if (typeof v !== 'string') return indexOf(v);
  const p = parseDateText(`${v.trim()} 2000`, 'MDY');
  return p?.granularity === 'month' ? p.start.month : indexOf(v);
}

/** A number that orders periods in time (days since the spreadsheet epoch, with the time of day). */
export function periodTime(p: Period): number {
  const t = p.time;
  const minutes = t ? t.hour * 60 + t.minute + t.second / 60 - (t.offsetMinutes ?? 0) : 0;
  return serialOfDay(p.start) + minutes / 1440;
}

/**
 * The newest entry of a series: among the rows holding a value, the one with the newest period (the last
 * such row on a tie); without periods (no date column, or none of the valued rows has one), the last row
 * holding a value. -1 when no row holds one. A row with a value and no period (a totals row, a note) is never
 * the newest when other rows have periods.
 */
export function newestIndex(
  values: readonly (number | undefined)[],
  periods?: readonly (Period | undefined)[],
  before?: number,
): number {
  let best = -1;
  let bestAt = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const p = periods?.[i];
    if (values[i] === undefined || !p) continue;
    const at = periodTime(p);
    if (before !== undefined && at >= before) continue;
    if (at >= bestAt) {
      best = i;
      bestAt = at;
    }
  }
  if (best >= 0 || (periods && before !== undefined)) return best;
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== undefined) return i;
  return -1;
}
