// Spreadsheet dates: a cell holds a serial number (days since 1899-12-30) read as wall-clock time in the
// spreadsheet's time zone. Apps Script turns it into a Date for that wall-clock time in that zone, and back.

const MS_PER_DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws on an unknown IANA zone, with Apps Script's wording for invalid arguments. */
export function checkTimeZone(timeZone: string): void {
  try {
    formatter(timeZone);
  } catch {
    throw new Error(`Invalid argument: timeZone (${timeZone})`);
  }
}

export function wallClock(ms: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
    millisecond: ((ms % 1000) + 1000) % 1000,
  };
}

function wallAsUtc(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
}

/** The instant at which the zone's clocks show `w` (the earlier one when clocks go back). */
export function instantOf(w: WallClock, timeZone: string): number {
  const guess = wallAsUtc(w);
  let ms = guess;
  for (let i = 0; i < 3; i++) {
    const offset = wallAsUtc(wallClock(ms, timeZone)) - ms;
    const next = guess - offset;
    if (next === ms) break;
    ms = next;
  }
  return ms;
}

export function serialOfInstant(ms: number, timeZone: string): number {
  return (wallAsUtc(wallClock(ms, timeZone)) - EPOCH) / MS_PER_DAY;
}

export function wallOfSerial(serial: number): WallClock {
  const ms = Math.round(EPOCH + serial * MS_PER_DAY);
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

export function instantOfSerial(serial: number, timeZone: string): number {
  return instantOf(wallOfSerial(serial), timeZone);
}

export function serialOfWall(w: WallClock): number {
  return (wallAsUtc(w) - EPOCH) / MS_PER_DAY;
}
