// Custom functions: thin wrappers from Sheets' arguments to core. Each takes cells or whole columns
// (grid.ts broadcasts) so one call fills a column. Errors: thrown in scalar form, `#ERROR: …` per row in
// column form. The JSDoc that Sheets shows lives on the exports in index.ts.
import { type Arg, column, isGrid, mapCells, prefixed, type Result } from '../core/grid';
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

function scalarOnly(fn: string, name: string, v: Arg): Cell {
  if (isGrid(v)) {
    if (v.length === 1 && v[0]?.length === 1) return v[0][0];
    throw prefixed(fn, new InputError(`${name} must be a single value, not a range`));
  }
  return v;
}

export function okrScore(baseline: Arg, target: Arg, current: Arg, type?: Arg, cap?: Arg): Result {
  const capValue = guard('OKR_SCORE', () => readCap(scalarOnly('OKR_SCORE', 'cap', cap)));
  return mapCells(
    'OKR_SCORE',
    [
      ['baseline', baseline],
      ['target', target],
      ['current', current],
      ['type', type],
    ] as const,
    (b, t, c, ty) => scoreOne(b, t, c, ty, capValue),
  );
}

export function okrBand(score: Arg, yellowFrom?: Arg, greenFrom?: Arg): Result {
  const bands = guard('OKR_BAND', () =>
    readBands(
      scalarOnly('OKR_BAND', 'yellowFrom', yellowFrom),
      scalarOnly('OKR_BAND', 'greenFrom', greenFrom),
    ),
  );
  return mapCells('OKR_BAND', [['score', score]] as const, (s) => {
    const band = bandOfCell(s, bands);
    if (!isGrid(score) && typeof band === 'string' && band.startsWith('#')) {
      throw new InputError(`score is an error: ${band}`);
    }
    return band;
  });
}

export function okrRollup(
  objectiveIds: Arg,
  krObjectiveIds: Arg,
  krScores: Arg,
  krWeights?: Arg,
  krIds?: Arg,
): Result {
  return guard('OKR_ROLLUP', () => {
    const ids = column('objectiveIds', objectiveIds);
    const result = rollup({
      objectiveIds: ids,
      krObjectiveIds: column('krObjectiveIds', krObjectiveIds),
      krScores: column('krScores', krScores),
      krWeights: krWeights === undefined || krWeights === '' ? undefined : column('krWeights', krWeights),
      krIds: krIds === undefined || krIds === '' ? undefined : column('krIds', krIds),
    });
    if (isGrid(objectiveIds)) return result.map((v) => [v]);
    const only = result[0];
    if (typeof only === 'string' && only.startsWith('#'))
      throw new InputError(only.replace(/^#ERROR:\s*/, ''));
    return only;
  });
}

export function kpiLatest(range: Arg): Result {
  if (!isGrid(range)) return range ?? '';
  const cells: Cell[] = [];
  for (const row of range) for (const v of row) cells.push(v);
  return lastValue(cells);
}

export function kpiPreviousFn(values: Arg, dates?: Arg, cadence?: Arg): Result {
  return guard('KPI_PREVIOUS', () => {
    const cells = column('values', values);
    const when = dates === undefined || (!isGrid(dates) && dates === '') ? undefined : column('dates', dates);
    const every = readCadence(scalarOnly('KPI_PREVIOUS', 'cadence', cadence ?? ''));
    return kpiPrevious(cells, when, every, zoneDays);
  });
}

export function kpiStatusFn(value: Arg, target: Arg, warnAt: Arg, betterWhen: Arg): Result {
  return mapCells(
    'KPI_STATUS',
    [
      ['value', value],
      ['target', target],
      ['warnAt', warnAt],
      ['betterWhen', betterWhen],
    ] as const,
    kpiStatus,
  );
}

export function quarterFn(date: Arg, fiscalStartMonth?: Arg): Result {
  const fsm = guard('QUARTER', () =>
    readFiscalStartMonth(scalarOnly('QUARTER', 'fiscalStartMonth', fiscalStartMonth)),
  );
  return mapCells('QUARTER', [['date', date]] as const, (d) => {
    const day = readDay('date', d, (date) => dayInZone(date));
    return day ? formatQuarter(quarterOfDay(day, fsm)) : '';
  });
}

export function quarterBoundary(
  fn: 'QUARTER_START' | 'QUARTER_END',
  label: Arg,
  fiscalStartMonth?: Arg,
): Result {
  const fsm = guard(fn, () => readFiscalStartMonth(scalarOnly(fn, 'fiscalStartMonth', fiscalStartMonth)));
  return mapCells(fn, [['label', label]] as const, (l) => {
    if (l === '' || l === null || l === undefined) return '';
    const q = parseQuarter(l);
    return dateInZone(fn === 'QUARTER_START' ? quarterStart(q, fsm) : quarterEnd(q, fsm));
  });
}

function guard<T>(fn: string, body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw prefixed(fn, e);
  }
}
