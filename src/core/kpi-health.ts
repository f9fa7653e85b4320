// KPI health: a KPI is expected to be at 100% of target all the time; when it is not, it turns yellow or red.
// Also its direction and cadence words, one cadence period back from a day, and the trend from previous to
// latest. (Which entries are latest and previous is kpi-series.ts; what its numbers are, the unit, units.ts.)
import { call, quoted } from './formula-text';
import type { Band } from './score';
import { type Cell, type Day, describe, InputError, isBlank, readNumber, serialOfDay } from './values';

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

/**
 * How dates are read: the calendar day a Date shows, and the instant a day starts. Sheets hands dates over
 * as midnight in the spreadsheet's time zone; the server passes that zone, core alone reads UTC.
 */
export interface DayReader {
  dayOf(d: Date): Day;
  midnightOf(day: Day): number;
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
