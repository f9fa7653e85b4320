// The custom functions, each declared once: its name (from core/formula-text.ts FUNCTIONS, the one list of
// names), its arguments (read per cell, or single values read once) and the core function that computes a row.
// Each takes cells or whole columns so one call fills a column.
// Errors: thrown in scalar form, `#ERROR: …` per row in column form. The JSDoc Sheets shows lives on the
// exports of index.ts; the time zone (server/dates.ts) is the only thing here that core cannot know.
import { FUNCTIONS } from '../core/formula-text';
import { type Arg, cellFunction, column, guard, isGrid, type Result, scalarArg } from '../core/grid';
import { kpiPrevious, kpiStatus, lastValue, readCadence } from '../core/kpi-health';
import {
  formatQuarter,
  parseQuarter,
  quarterEnd,
  quarterOfDay,
  quarterStart,
  readFiscalStartMonth,
} from '../core/quarter';
import { bandOfCell, readBands, readCap, rollup, scoreOne } from '../core/score';
import { type Cell, InputError, readDay } from '../core/values';
import { dateInZone, dayInZone, zoneDays } from './dates';

export const OKR_SCORE = cellFunction({
  name: FUNCTIONS.score,
  cells: ['baseline', 'target', 'current', 'type'],
  scalars: ['cap'],
  options: readCap,
  each: (baseline, target, current, type, cap) => scoreOne(baseline, target, current, type, cap),
});

export const OKR_BAND = cellFunction({
  name: FUNCTIONS.band,
  cells: ['score'],
  scalars: ['yellowFrom', 'greenFrom'],
  options: readBands,
  each: (score, _b, _c, _d, bands) => bandOfCell(score, bands),
  passesErrorOf: 'score',
});

export const OKR_KPI_STATUS = cellFunction({
  name: FUNCTIONS.kpiStatus,
  cells: ['value', 'target', 'warnAt', 'betterWhen'],
  each: (value, target, warnAt, betterWhen) => kpiStatus(value, target, warnAt, betterWhen),
});

export const OKR_QUARTER = cellFunction({
  name: FUNCTIONS.quarter,
  cells: ['date'],
  scalars: ['fiscalStartMonth'],
  options: readFiscalStartMonth,
  each: (date, _b, _c, _d, fsm) => {
    const day = readDay('date', date, (d) => dayInZone(d));
    return day ? formatQuarter(quarterOfDay(day, fsm)) : '';
  },
});

function quarterBoundary(name: string, boundary: typeof quarterStart) {
  return cellFunction({
    name,
    cells: ['label'],
    scalars: ['fiscalStartMonth'],
    options: readFiscalStartMonth,
    each: (label, _b, _c, _d, fsm) =>
      label === '' || label === null || label === undefined
        ? ''
        : dateInZone(boundary(parseQuarter(label), fsm)),
  });
}

export const OKR_QUARTER_START = quarterBoundary(FUNCTIONS.quarterStart, quarterStart);
export const OKR_QUARTER_END = quarterBoundary(FUNCTIONS.quarterEnd, quarterEnd);

// ---- Functions of whole columns ------------------------------------------------------------------------------

export function OKR_ROLLUP(
  objectiveIds: Arg,
  krObjectiveIds: Arg,
  krScores: Arg,
  krWeights?: Arg,
  krIds?: Arg,
  krTargets?: Arg,
  krTypes?: Arg,
): Result {
  return guard(FUNCTIONS.rollup, () => {
    const optional = (name: string, v: Arg | undefined) =>
      v === undefined || v === '' ? undefined : column(name, v);
    const result = rollup({
      objectiveIds: column('objectiveIds', objectiveIds),
      krObjectiveIds: column('krObjectiveIds', krObjectiveIds),
      krScores: column('krScores', krScores),
      krWeights: optional('krWeights', krWeights),
      krIds: optional('krIds', krIds),
      krTargets: optional('krTargets', krTargets),
      krTypes: optional('krTypes', krTypes),
    });
    if (isGrid(objectiveIds)) return result.map((v) => [v]);
    const only = result[0];
    if (typeof only === 'string' && only.startsWith('#'))
      throw new InputError(only.replace(/^#ERROR:\s*/, ''));
    return only;
  });
}

export function OKR_KPI_LATEST(range: Arg): Result {
  if (!isGrid(range)) return range ?? '';
  const cells: Cell[] = [];
  for (const row of range) for (const v of row) cells.push(v);
  return lastValue(cells);
}

export function OKR_KPI_PREVIOUS(values: Arg, dates?: Arg, cadence?: Arg): Result {
  return guard(FUNCTIONS.kpiPrevious, () => {
    const cells = column('values', values);
    const when = dates === undefined || (!isGrid(dates) && dates === '') ? undefined : column('dates', dates);
    const every = readCadence(scalarArg(FUNCTIONS.kpiPrevious, 'cadence', cadence ?? ''));
    return kpiPrevious(cells, when, every, zoneDays);
  });
}
