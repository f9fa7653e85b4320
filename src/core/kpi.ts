// KPI health: a KPI is expected to be at 100% of target all the time; when it is not, it turns yellow or red.
import type { Band } from './score';
import { type Cell, describe, InputError, isBlank, readNumber } from './values';

export const BETTER_WHEN = ['higher', 'lower'] as const;
export type BetterWhen = (typeof BETTER_WHEN)[number];

export function readBetterWhen(v: Cell): BetterWhen {
  const key = typeof v === 'string' ? v.trim().toLowerCase() : '';
  if (key === 'higher' || key === 'lower') return key;
  throw new InputError(`betterWhen ${describe(v)} must be "higher" or "lower"`);
}

/**
 * Status of a KPI value: green when it meets target, yellow when it is still within warn-at, red beyond.
 * Without warn-at there is no yellow zone. Blank value or target → "".
 */
export function kpiStatus(value: Cell, target: Cell, warnAt: Cell, betterWhen: Cell): Band | '' {
  const better = readBetterWhen(betterWhen);
  const v = readNumber('value', value);
  const t = readNumber('target', target);
  const w = readNumber('warnAt', warnAt);
  if (w !== undefined && t !== undefined) {
    if (better === 'higher' && w > t) {
      throw new InputError(
        `warnAt (${w}) is above target (${t}) but better when higher: warn-at must be below target`,
      );
    }
    if (better === 'lower' && w < t) {
      throw new InputError(
        `warnAt (${w}) is below target (${t}) but better when lower: warn-at must be above target`,
      );
    }
  }
  if (v === undefined || t === undefined) return '';
  const meets = (limit: number) => (better === 'higher' ? v >= limit : v <= limit);
  if (meets(t)) return 'green';
  if (w !== undefined && meets(w)) return 'yellow';
  return 'red';
}

/** The last non-blank value of a range read row by row (the newest entry of a KPI column). */
export function lastValue(cells: readonly Cell[]): Cell {
  for (let i = cells.length - 1; i >= 0; i--) {
    const v = cells[i];
    if (!isBlank(v)) return v;
  }
  return '';
}
