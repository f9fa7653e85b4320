// The custom functions, each declared once: its name (from core/formula-text.ts FUNCTIONS, the one list of
// names), its arguments (read per cell, or single values read once) and the core function that computes a row.
// Each takes cells or whole columns so one call fills a column.
// Errors: thrown in scalar form, `#ERROR: …` per row in column form. The JSDoc Sheets shows lives on the
// exports of index.ts; the time zone (server/dates.ts) is the only thing here that core cannot know.
import { FUNCTIONS } from '../core/formula-text';
import { type Arg, cellFunction, column, guard, isGrid, type Result, scalarArg } from '../core/grid';
import { kpiStatus, readCadence } from '../core/kpi-health';
import { readHow, readSeries, type Series, seriesLatest, seriesPrevious } from '../core/kpi-series';
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
    });
    if (isGrid(objectiveIds)) return result.map((v) => [v]);
    const only = result[0];
    if (typeof only === 'string' && only.startsWith('#'))
      throw new InputError(only.replace(/^#ERROR:\s*/, ''));
    return only;
  });
}

/** A range's cells row by row, in sheet order (a column top to bottom, a row left to right). */
function cellsOf(v: Arg | undefined): Cell[] {
  if (v === undefined) return [];
  if (!isGrid(v)) return [v];
  const out: Cell[] = [];
  for (const row of v) for (const c of row) out.push(c);
  return out;
}

/** Per entry of `values`, the cells of a second range that go with it: its row (a column KPI) or its cell (a row KPI). */
function perEntry(values: Arg, other: Arg | undefined): Cell[][] | undefined {
  if (other === undefined || (!isGrid(other) && other === '')) return undefined;
  const grid = isGrid(other) ? other : [[other]];
  const oneRow = isGrid(values) && values.length === 1 && (values[0]?.length ?? 0) > 1;
  return oneRow ? (grid[0] ?? []).map((c) => [c]) : grid.map((row) => [...row]);
}

function seriesArgs(fn: string, values: Arg, dates?: Arg, how?: Arg, keys?: Arg, key?: Arg): Series {
  const keyText = key === undefined ? undefined : scalarArg(fn, 'key', key);
  const cells = cellsOf(values);
  if (isGrid(values) && values.length > 1 && (values[0]?.length ?? 0) > 1) {
    throw new InputError(
      `values must be a single column or a single row, got ${values.length} rows of ${values[0]?.length} columns`,
    );
  }
  const when = perEntry(values, dates);
  const oneRow = isGrid(values) && values.length === 1 && (values[0]?.length ?? 0) > 1;
  if (oneRow && isGrid(dates) && dates.length > 1) {
    throw new InputError(`dates of a row of values must be a row: got ${dates.length} rows`);
  }
  return readSeries({
    values: cells,
    ...(when ? { dates: when } : {}),
    how: readHow(how === undefined ? '' : scalarArg(fn, 'how', how)),
    ...(perEntry(values, keys) && keyText !== undefined && keyText !== ''
      ? { keys: perEntry(values, keys)!, key: String(keyText) }
      : {}),
  });
}

export function OKR_KPI_LATEST(values: Arg, dates?: Arg, how?: Arg, keys?: Arg, key?: Arg): Result {
  const fn = FUNCTIONS.kpiLatest;
  return guard(fn, () => seriesLatest(seriesArgs(fn, values, dates, how, keys, key)));
}

export function OKR_KPI_PREVIOUS(
  values: Arg,
  dates?: Arg,
  cadence?: Arg,
  how?: Arg,
  keys?: Arg,
  key?: Arg,
): Result {
  const fn = FUNCTIONS.kpiPrevious;
  return guard(fn, () => {
    const every = readCadence(scalarArg(fn, 'cadence', cadence ?? ''));
    return seriesPrevious(seriesArgs(fn, values, dates, how, keys, key), every, zoneDays);
  });
}
