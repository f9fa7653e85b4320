// Reading spreadsheet values as the method needs them. Sheets hands custom functions numbers, strings,
// booleans, Date objects and "" for blanks; users type "45%", "10,000" or " 3 " into cells. Everything that
// cannot be read raises an InputError naming the argument and the value, never NaN.

// Built-ins used on every cell are bound once: a global lookup per cell is measurable over 100,000 rows
// (and far more so in the emulator's node:vm context, where every global access crosses an interceptor).
const isFiniteNumber = Number.isFinite;
const round = Math.round;

/** One cell's value as Apps Script passes it (and as getValues returns it). */
export type Cell = string | number | boolean | Date | null | undefined;

/** A problem with one input, phrased for the user: `current "abc" is not a number`. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** A Date from any realm (the emulator's vm context has its own Date constructor, as frames do). */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** The message of anything thrown, from any realm: Apps Script services throw their own Error objects. */
export function messageOf(e: unknown): string {
  if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string') {
    return (e as { message: string }).message;
  }
  return String(e);
}

export function isBlank(v: unknown): v is '' | null | undefined {
  if (typeof v === 'number') return false;
  return v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A cell as trimmed text; blank is "". */
export function textOf(v: unknown): string {
  return isBlank(v) ? '' : String(v).trim();
}

/** A cell as a number when it reads as one, else "" (reading a row the sheet holds, not checking input). */
export function numberOrBlank(v: unknown): number | '' {
  try {
    return readNumber('', v) ?? '';
  } catch {
    return '';
  }
}

/** The key two texts are compared by as people read them (headers, names): trimmed, lower case, one space. */
export function textKey(v: unknown): string {
  return String(v ?? '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

/** Text starting with `#` is an error carried in a cell (`#ERROR: …`, `#N/A`, `#DIV/0!`). */
export function isErrorText(v: unknown): v is string {
  return typeof v === 'string' && v.trimStart().startsWith('#');
}

/** How a value is quoted in a message: strings in quotes, dates as ISO days, numbers as they are. */
export function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (isDate(v))
    return Number.isNaN(v.getTime()) ? 'an invalid date' : `date ${v.toISOString().slice(0, 10)}`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return 'blank';
  if (Array.isArray(v)) return 'a range';
  return typeof v;
}

const NUMBER_TEXT = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * Reads a number from a cell: numbers, numeric text (`" 3 "`, `"10,000"`, `"1e3"`), percent text (`"45%"` → 0.45).
 * Blank gives undefined. Anything else (text, booleans, dates, NaN, ±Infinity) is an InputError naming `arg`.
 */
export function readNumber(arg: string, v: Cell | unknown): number | undefined {
  if (isBlank(v)) return undefined;
  if (typeof v === 'number') {
    if (isFiniteNumber(v)) return v;
    throw new InputError(`${arg} ${describe(v)} is not a finite number`);
  }
  if (typeof v === 'string') {
    let text = v.trim();
    let scale = 1;
    if (text.endsWith('%')) {
      text = text.slice(0, -1).trim();
      scale = 0.01;
    }
    if (text !== '' && NUMBER_TEXT.test(text) && /\d/.test(text)) {
      const n = Number(text.replace(/,/g, '')) * scale;
      if (Number.isFinite(n)) return scale === 1 ? n : roundScore(n);
    }
  }
  throw new InputError(`${arg} ${describe(v)} is not a number`);
}

/**
 * Removes floating-point noise (0.7000000000000001 → 0.7) so that a score lands in the band a person
 * computing by hand would put it in. Twelve decimals are far below anything a sheet displays.
 */
export function roundScore(x: number): number {
  // beyond a thousand, twelve decimals are below a double's precision (and x × 1e12 could overflow)
  if (!(x < 1e3 && x > -1e3)) return x;
  const r = round(x * 1e12) / 1e12;
  return r === 0 ? 0 : r; // also turns -0 into 0
}

/** Month and weekday names, in English (formulas and formats are English whatever the locale). */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

/** A calendar day, independent of any time zone. */
export interface Day {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

const MS_PER_DAY = 86_400_000;
/** Day 0 of spreadsheet serial numbers (Sheets, Excel 1900 system after 1900-03-01, LibreOffice). */
const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/**
 * Midnight UTC of a calendar day, as a time value, for every year from 1 to 9999: Date.UTC reads the years
 * 0–99 as 1900–1999, so a quarter of the year 1 would start in 1901.
 */
export function utcMidnight(year: number, month: number, day: number): number {
  if (year >= 100) return Date.UTC(year, month - 1, day);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

/**
 * The calendar day of a Date read in UTC. Core is time-zone free: the server converts Dates with the
 * spreadsheet's time zone (server/dates.ts) and hands core the result, or passes its own converter.
 */
export function dayOfDate(d: Date): Day {
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Midnight UTC of a calendar day (the inverse of dayOfDate). */
export function dateOfDay(day: Day): Date {
  return new Date(utcMidnight(day.year, day.month, day.day));
}

export function serialOfDay(day: Day): number {
  return Math.round((utcMidnight(day.year, day.month, day.day) - SERIAL_EPOCH_UTC) / MS_PER_DAY);
}

export function dayOfSerial(serial: number): Day {
  const d = new Date(SERIAL_EPOCH_UTC + Math.floor(serial) * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * Reads a calendar day from a Date (through `dayOf`, by default its UTC day), an ISO `YYYY-MM-DD` text or a
 * date serial number. Blank → undefined.
 */
export function readDay(
  arg: string,
  v: Cell | unknown,
  dayOf: (d: Date) => Day = dayOfDate,
): Day | undefined {
  if (isBlank(v)) return undefined;
  if (isDate(v)) {
    if (Number.isNaN(v.getTime())) throw new InputError(`${arg} is an invalid date`);
    return dayOf(v);
  }
  if (typeof v === 'number' && Number.isFinite(v) && v >= 1 && v < 2_958_466) return dayOfSerial(v);
  if (typeof v === 'string') {
    const m = ISO_DAY.exec(v.trim());
    if (m) {
      const day = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
      const check = new Date(utcMidnight(day.year, day.month, day.day));
      if (check.getUTCMonth() + 1 === day.month && check.getUTCDate() === day.day) return day;
    }
  }
  throw new InputError(`${arg} ${describe(v)} is not a date`);
}

export function formatDay(day: Day): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${day.year}-${p(day.month)}-${p(day.day)}`;
}
