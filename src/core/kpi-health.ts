// KPI health: a KPI is expected to be at 100% of target all the time; when it is not, it turns yellow or red.
// Also what a KPI's column says about it: its latest value, the value one cadence period earlier, the trend.
// (What its numbers are, the unit, is core/units.ts.)
import { call, quoted } from './formula-text';
import type { Band } from './score';
import {
  type Cell,
  type Day,
  dateOfDay,
  dayOfDate,
  dayOfSerial,
  describe,
  InputError,
  isBlank,
  isDate,
  readDay,
  readNumber,
  serialOfDay,
} from './values';

export const BETTER_WHEN = ['higher', 'lower'] as const;
export type BetterWhen = (typeof BETTER_WHEN)[number];

/** How often a KPI gets a new value: Previous is the value one such period before the latest. */
export const CADENCES = ['daily', 'weekly', 'monthly', 'quarterly'] as const;
export type Cadence = (typeof CADENCES)[number];

export function readBetterWhen(v: Cell): BetterWhen {
  const key = typeof v === 'string' ? v.trim().toLowerCase() : '';
  if (key === 'higher' || key === 'lower') return key;
  throw new InputError(`betterWhen ${describe(v)} must be "higher" or "lower"`);
}

/** A cadence from a cell: blank is undefined (no cadence: Previous is the previous entry). */
export function readCadence(v: Cell): Cadence | undefined {
  if (isBlank(v)) return undefined;
  const key = typeof v === 'string' ? v.trim().toLowerCase() : '';
  const found = CADENCES.find((c) => c === key);
  if (found) return found;
  throw new InputError(`cadence ${describe(v)} must be one of ${CADENCES.map((c) => `"${c}"`).join(', ')}`);
}

/**
 * Status of a KPI value: green when it meets target, yellow when it is still within warn-at, red beyond.
 * Without warn-at there is no yellow zone. Blank value or target → "". A row of the registry with nothing
 * in it (blank direction too) is blank, so one call can cover a whole column of rows, filled or not.
 */
export function kpiStatus(value: Cell, target: Cell, warnAt: Cell, betterWhen: Cell): Band | '' {
  if (isBlank(betterWhen) && (isBlank(value) || isBlank(target))) return '';
  const better = readBetterWhen(betterWhen);
  const v = readNumber('value', value);
  const t = readNumber('target', target);
  const w = readNumber('warnAt', warnAt);
  if (w !== undefined && t !== undefined) checkWarnAt(t, w, better);
  if (v === undefined || t === undefined) return '';
  const meets = (limit: number) => (better === 'higher' ? v >= limit : v <= limit);
  if (meets(t)) return 'green';
  if (w !== undefined && meets(w)) return 'yellow';
  return 'red';
}

/** Warn-at lies between target and red: below target when higher is better, above it when lower is. */
export function checkWarnAt(target: number, warnAt: number, better: BetterWhen): void {
  if (better === 'higher' && warnAt > target) {
    throw new InputError(
      `warnAt (${warnAt}) is above target (${target}) but better when higher: warn-at must be below target`,
    );
  }
  if (better === 'lower' && warnAt < target) {
    throw new InputError(
      `warnAt (${warnAt}) is below target (${target}) but better when lower: warn-at must be above target`,
    );
  }
}

/** The index of the last non-blank entry, or -1. */
function lastIndex(cells: readonly Cell[], before = cells.length): number {
  for (let i = before - 1; i >= 0; i--) if (!isBlank(cells[i])) return i;
  return -1;
}

/** The last non-blank value of a range read row by row (the newest entry of a KPI column). */
export function lastValue(cells: readonly Cell[]): Cell {
  const i = lastIndex(cells);
  return i < 0 ? '' : cells[i];
}

/** The serial day one cadence period before `day` (a month back from 31 March is 28 or 29 February). */
export function periodBefore(day: Day, cadence: Cadence): number {
  if (cadence === 'daily') return serialOfDay(day) - 1;
  if (cadence === 'weekly') return serialOfDay(day) - 7;
  const months = cadence === 'monthly' ? 1 : 3;
  const index = day.year * 12 + (day.month - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return serialOfDay({ year, month, day: Math.min(day.day, lastDay) });
}

function dayOrUndefined(v: Cell, dayOf: (d: Date) => Day): number | undefined {
  try {
    const d = readDay('date', v, dayOf);
    return d ? serialOfDay(d) : undefined;
  } catch {
    return undefined; // a note or a label in the date column is no date: that row has no date
  }
}

/**
 * How dates are read: the calendar day a Date shows, and the instant a day starts. Sheets hands dates over
 * as midnight in the spreadsheet's time zone; the server passes that zone, core alone reads UTC.
 */
export interface DayReader {
  dayOf(d: Date): Day;
  midnightOf(day: Day): number;
}

const UTC_DAYS: DayReader = { dayOf: dayOfDate, midnightOf: (day) => dateOfDay(day).getTime() };

/**
 * The value a KPI had one cadence period before its latest entry. With dates and a cadence: the newest
 * entry dated on or before (latest date − one period); otherwise, or when no entry is that old, the entry
 * before the latest. Rows are read top to bottom as the tab holds them; `dates` is aligned with `values`
 * row by row and may be shorter or longer. Blank when there is no earlier entry. Only the latest date is
 * converted to a calendar day; the others are compared as instants, so 50,000 rows cost 50,000 comparisons.
 */
export function kpiPrevious(
  values: readonly Cell[],
  dates?: readonly Cell[],
  cadence?: Cadence,
  days: DayReader = UTC_DAYS,
): Cell {
  const { index } = previousIndex(values, dates, cadence, days);
  return index < 0 ? '' : values[index];
}

/**
 * kpiPrevious over the newest rows of a column only (a tab's last rows, the rows above them not read):
 * undefined when the answer may lie in the rows above (rows run oldest first).
 */
export function kpiPreviousOfNewest(
  values: readonly Cell[],
  dates?: readonly Cell[],
  cadence?: Cadence,
  days: DayReader = UTC_DAYS,
): Cell | undefined {
  const { index, byDate } = previousIndex(values, dates, cadence, days);
  if (byDate === 'not found') return undefined;
  return index < 0 ? undefined : values[index];
}

/** The row of the previous value: by date when dates, a cadence and a dated latest entry allow it. */
function previousIndex(
  values: readonly Cell[],
  dates: readonly Cell[] | undefined,
  cadence: Cadence | undefined,
  days: DayReader,
): { index: number; byDate?: 'found' | 'not found' } {
  const latest = lastIndex(values);
  if (latest < 0) return { index: -1 };
  const latestDay = dates && cadence ? dayOrUndefined(dates[latest], days.dayOf) : undefined;
  if (dates && cadence && latestDay !== undefined) {
    const limit = periodBefore(dayOfSerial(latestDay), cadence);
    // an entry dated before the start of the day after `limit` is dated on or before `limit`
    const end = days.midnightOf(dayOfSerial(limit + 1));
    let best = -1;
    let bestAt = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < latest; i++) {
      if (isBlank(values[i])) continue;
      const d = dates[i];
      let at: number | undefined;
      if (isDate(d)) {
        const t = d.getTime();
        if (t < end) at = t;
      } else {
        const serial = dayOrUndefined(d, days.dayOf);
        if (serial !== undefined && serial <= limit) at = days.midnightOf(dayOfSerial(serial));
      }
      if (at !== undefined && at >= bestAt) {
        best = i;
        bestAt = at;
      }
    }
    if (best >= 0) return { index: best, byDate: 'found' };
    return { index: lastIndex(values, latest), byDate: 'not found' };
  }
  return { index: lastIndex(values, latest) };
}

export type Trend = '↑' | '↓' | '→' | '';

/**
 * Which way a KPI moved from previous to latest: ↑ up, ↓ down, → unchanged; blank unless both are numbers.
 * Whether that is good depends on the direction (trendMeaning). The registry's Trend column computes the
 * same with a native formula (trendFormula); a test evaluates both and compares.
 */
export function kpiTrend(latest: Cell, previous: Cell): Trend {
  if (typeof latest !== 'number' || typeof previous !== 'number') return '';
  if (latest > previous) return '↑';
  if (latest < previous) return '↓';
  return '→';
}

/** A move judged by the KPI's direction: up is improving when higher is better, worsening when lower is. */
export function trendMeaning(
  trend: Trend,
  betterWhen: BetterWhen,
): 'improving' | 'worsening' | 'steady' | '' {
  if (trend === '') return '';
  if (trend === '→') return 'steady';
  return (trend === '↑') === (betterWhen === 'higher') ? 'improving' : 'worsening';
}

/** How the registry shows a move: green when it is improving, red when it is worsening. */
export const TREND_COLOURS: Record<'improving' | 'worsening', { background: string; font: string }> = {
  improving: { background: '#e6f4ea', font: '#137333' },
  worsening: { background: '#fce8e6', font: '#c5221f' },
};

/**
 * The Trend column as one native formula over the Latest and Previous columns (e.g. `L2:L`, `M2:M`): the
 * arrow of kpiTrend for every row, blank where either is not a number.
 */
export function trendFormula(latest: string, previous: string): string {
  const numbers = `${call('ISNUMBER', latest)}*${call('ISNUMBER', previous)}`;
  const arrow = call(
    'IF',
    `${latest}>${previous}`,
    quoted('↑'),
    call('IF', `${latest}<${previous}`, quoted('↓'), quoted('→')),
  );
  return call('ARRAYFORMULA', call('IF', numbers, arrow, '""'));
}

/** The newest `n` numbers of a column, oldest first (for a sparkline); text and blanks are skipped. */
export function recentNumbers(cells: readonly Cell[], n = 12): number[] {
  const out: number[] = [];
  for (let i = cells.length - 1; i >= 0 && out.length < n; i--) {
    const v = cells[i];
    if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
  }
  return out.reverse();
}
