import { describe, expect, it } from 'vitest';
import type { Cadence, DayReader } from '../../src/core/kpi-health';
import {
  howText,
  previousOf,
  readHow,
  readSeries,
  seriesLatest,
  seriesPrevious,
  seriesRecent,
} from '../../src/core/kpi-series';
import type { Cell } from '../../src/core/values';
import { dayOfDate } from '../../src/core/values';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const series = (values: readonly Cell[], dates?: readonly Cell[]) =>
  readSeries({ values, dates: dates?.map((d) => [d]) });

describe('seriesLatest: the newest entry by its date', () => {
  it('is the last non-blank entry when there are no dates', () => {
    expect(seriesLatest(series([1, 2, 3, '', '']))).toBe(3);
    expect(seriesLatest(series(['', ' ', null]))).toBe('');
    expect(seriesLatest(series([]))).toBe('');
  });

  it('is the newest date whatever the order of the rows', () => {
    const newestFirst = ['2027-03-01', '2027-02-01', '2027-01-01'].map(day);
    expect(seriesLatest(series([30, 20, 10], newestFirst))).toBe(30);
    const unsorted = ['2027-02-01', '2027-03-01', '2027-01-01'].map(day);
    expect(seriesLatest(series([20, 30, 10], unsorted))).toBe(30);
  });

  it('is never a row without a date (a totals row) while other rows have one', () => {
    const dates = [day('2027-01-01'), day('2027-02-01'), 'Total'];
    expect(seriesLatest(series([10, 20, 30], dates))).toBe(20);
    expect(seriesLatest(series([10, 20, 30], [...dates.slice(0, 2), '']))).toBe(20);
  });
});

describe('seriesPrevious: the value one cadence period before the latest', () => {
  const weeks = ['2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28'].map(day);
  const days = Array.from({ length: 15 }, (_, i) => new Date(Date.UTC(2026, 11, 17 + i)));
  const daily = days.map((_, i) => 100 + i); // 100 … 114, the latest on 2026-12-31
  it.each<[string, Cell[], Cell[] | undefined, Cadence | undefined, number | '']>([
    ['weekly entries, weekly cadence: the previous week', [8, 7.5, 7.2, 7.1], weeks, 'weekly', 7.2],
    [
      'weekly entries, no cadence: the entry dated before the latest',
      [8, 7.5, 7.2, 7.1],
      weeks,
      undefined,
      7.2,
    ],
    [
      'weekly entries, monthly cadence: a month before 28 Dec is 28 Nov: none that old, so the entry before',
      [8, 7.5, 7.2, 7.1],
      weeks,
      'monthly',
      7.2,
    ],
    ['daily entries, weekly cadence: the entry of 24 Dec', daily, days, 'weekly', 107],
    ['daily entries, daily cadence: yesterday', daily, days, 'daily', 113],
    ['daily entries, monthly cadence: none that old, the entry before', daily, days, 'monthly', 113],
    [
      'blank values are skipped, latest included',
      [8, 7.5, '', 7.1, ''],
      [...weeks, day('2027-01-04')],
      'weekly',
      7.5,
    ],
    ['a gap: the newest entry on or before the limit', [8, '', 7.2, 7.1], weeks, 'weekly', 7.2],
    ['no dates: the previous non-blank entry', [1, '', 2, 3, ''], undefined, 'weekly', 2],
    ['one entry: blank', ['', 5, ''], undefined, undefined, ''],
    ['no entries: blank', ['', ''], undefined, 'weekly', ''],
    [
      'a row without a date is neither latest nor previous',
      [1, 2, 3],
      [day('2026-01-01'), day('2026-01-08'), 'n/a'],
      'weekly',
      1,
    ],
    [
      'a note in the date column is no date',
      [1, 2, 3],
      ['total', day('2026-01-08'), day('2026-01-15')],
      'weekly',
      2,
    ],
    ['dates as ISO text', [1, 2, 3], ['2026-01-01', '2026-01-08', '2026-01-15'], 'weekly', 2],
    [
      'newest first: the row below the latest',
      [3, 2, 1],
      ['2026-01-15', '2026-01-08', '2026-01-01'].map(day),
      'weekly',
      2,
    ],
  ])('%s', (_, values, dates, cadence, expected) => {
    expect(seriesPrevious(series(values, dates), cadence)).toBe(expected);
  });

  it('goes back calendar months: a month before 31 March is 28 February', () => {
    const dates = ['2027-01-31', '2027-02-28', '2027-03-01', '2027-03-31'].map(day);
    expect(seriesPrevious(series([1, 2, 3, 4], dates), 'monthly')).toBe(2);
    expect(seriesPrevious(series([1, 2, 3, 4], dates), 'quarterly')).toBe(3); // 31 Dec: none that old
    const quarters = ['2026-09-30', '2026-12-31', '2027-03-31'].map(day);
    expect(seriesPrevious(series([1, 2, 3], quarters), 'quarterly')).toBe(2);
  });

  it('reads the latest date in the given time zone and compares the others as instants', () => {
    // Auckland midnight of 2027-01-15 is 2027-01-14T11:00Z; a week before is 2027-01-08 (= 2027-01-07T11:00Z)
    const nz = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 13 * 3_600_000);
    const zone: DayReader = {
      dayOf: (d) => dayOfDate(new Date(d.getTime() + 13 * 3_600_000)),
      midnightOf: (dd) => Date.UTC(dd.year, dd.month - 1, dd.day) - 13 * 3_600_000,
    };
    const dates = ['2027-01-01', '2027-01-08', '2027-01-15'].map(nz);
    expect(seriesPrevious(series([1, 2, 3], dates), 'weekly', zone)).toBe(2);
    expect(seriesPrevious(series([1, 2, 3], dates), 'daily', zone)).toBe(2);
  });
});

describe('previousOf over the newest rows of a tab only', () => {
  const days = Array.from({ length: 50 }, (_, i) => new Date(Date.UTC(2027, 0, 1 + i)));
  const values = days.map((_, i) => i);
  it.each<[string, Cadence | undefined, number, boolean]>([
    ['weekly cadence, a week back is among the rows read', 'weekly', 42, true],
    ['monthly cadence, a month back is among the rows read', 'monthly', 18, true],
    ['quarterly cadence: a quarter back lies above the rows read, not by period', 'quarterly', 48, false],
    ['no cadence: the entry dated before the latest', undefined, 48, true],
  ])('%s', (_, cadence, expected, byPeriod) => {
    const { index, byPeriod: found } = previousOf(series(values, days), cadence);
    expect(values[index]).toBe(expected);
    expect(found).toBe(byPeriod);
  });
});

describe('seriesRecent: the sparkline', () => {
  it('keeps the newest numbers, oldest first, skipping text and blanks', () => {
    expect(seriesRecent(series([1, '', 2, 'n/a', 3, 4, 5]), 3)).toEqual([3, 4, 5]);
    expect(seriesRecent(series(['', 'x']))).toEqual([]);
    expect(seriesRecent(series(Array.from({ length: 30 }, (_, i) => i)))).toHaveLength(12);
  });

  it('orders by date and leaves out rows without one', () => {
    const dates = ['2027-03-01', '2027-01-01', 'Total', '2027-02-01'].map((d) =>
      d === 'Total' ? d : day(d),
    );
    expect(seriesRecent(series([3, 1, 99, 2], dates))).toEqual([1, 2, 3]);
  });
});

describe('how a formula reads its dates', () => {
  it.each([
    [{ order: 'DMY' as const }, 'DMY'],
    [{ part: 'month' as const }, 'year+month'],
    [{ part: 'hour' as const }, 'day+hour'],
    [{ order: 'MDY' as const, part: 'week' as const }, 'MDY year+week'],
    [{}, ''],
  ])('%j is written %s and read back', (how, text) => {
    expect(howText(how)).toBe(text);
    expect(readHow(text)).toEqual(how);
  });
});
