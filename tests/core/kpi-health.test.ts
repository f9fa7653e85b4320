import { describe, expect, it } from 'vitest';
import {
  type DayReader,
  kpiPrevious,
  kpiPreviousOfNewest,
  kpiStatus,
  kpiTrend,
  lastValue,
  periodBefore,
  readCadence,
  recentNumbers,
  trendMeaning,
} from '../../src/core/kpi-health';
import { dayOfDate, dayOfSerial, formatDay } from '../../src/core/values';

describe('kpiStatus', () => {
  it.each([
    // higher is better: target 50, warn at 40
    [55, 50, 40, 'higher', 'green'],
    [50, 50, 40, 'higher', 'green'],
    [45, 50, 40, 'higher', 'yellow'],
    [40, 50, 40, 'higher', 'yellow'],
    [39, 50, 40, 'higher', 'red'],
    // lower is better: churn target 5%, warn at 6%
    [0.045, 0.05, 0.06, 'lower', 'green'],
    [0.055, 0.05, 0.06, 'lower', 'yellow'],
    [0.08, 0.05, 0.06, 'lower', 'red'],
    ['8%', '5%', '6%', 'Lower', 'red'],
    // no warn level: no yellow zone
    [45, 50, '', 'higher', 'red'],
    // blanks
    ['', 50, 40, 'higher', ''],
    [45, '', 40, 'higher', ''],
  ] as const)('%s vs target %s warn %s (%s) is %s', (v, t, w, b, status) => {
    expect(kpiStatus(v, t, w, b)).toBe(status);
  });

  it('refuses inconsistent levels and unknown directions by name', () => {
    expect(() => kpiStatus(1, 50, 60, 'higher')).toThrow(
      'warnAt (60) is above target (50) but better when higher',
    );
    expect(() => kpiStatus(1, 0.05, 0.04, 'lower')).toThrow(
      'warnAt (0.04) is below target (0.05) but better when lower',
    );
    expect(() => kpiStatus(1, 2, 1, 'up')).toThrow('betterWhen "up" must be "higher" or "lower"');
    expect(() => kpiStatus('lots', 2, 1, 'higher')).toThrow('value "lots" is not a number');
  });
});

describe('lastValue', () => {
  it('is the last non-blank entry', () => {
    expect(lastValue([1, 2, 3, '', ''])).toBe(3);
    expect(lastValue(['', ' ', null])).toBe('');
    expect(lastValue([])).toBe('');
  });
});

describe('kpiStatus over a whole registry column', () => {
  it('gives blank for an empty row, so one call can cover filled and empty rows', () => {
    expect(kpiStatus('', '', '', '')).toBe('');
    expect(kpiStatus(null, null, null, null)).toBe('');
    // a row with a value but no target yet is blank too
    expect(kpiStatus(0.07, '', '', 'lower')).toBe('');
  });

  it('still names a missing direction when value and target are there', () => {
    expect(() => kpiStatus(0.07, 0.05, '', '')).toThrow('betterWhen "" must be "higher" or "lower"');
  });
});

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('kpiPrevious: the value one cadence period before the latest', () => {
  const weeks = ['2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28'].map(day);
  const days = Array.from({ length: 15 }, (_, i) => new Date(Date.UTC(2026, 11, 17 + i)));
  const daily = days.map((_, i) => 100 + i); // 100 … 114, the latest on 2026-12-31
  it.each([
    ['weekly entries, weekly cadence: the previous week', [8, 7.5, 7.2, 7.1], weeks, 'weekly', 7.2],
    ['weekly entries, no cadence: the previous entry', [8, 7.5, 7.2, 7.1], weeks, undefined, 7.2],
    [
      'weekly entries, monthly cadence: a month before 28 Dec is 28 Nov: none that old, so the previous entry',
      [8, 7.5, 7.2, 7.1],
      weeks,
      'monthly',
      7.2,
    ],
    ['daily entries, weekly cadence: the entry of 24 Dec', daily, days, 'weekly', 107],
    ['daily entries, daily cadence: yesterday', daily, days, 'daily', 113],
    ['daily entries, monthly cadence: none that old, the previous entry', daily, days, 'monthly', 113],
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
      'the latest has no date: the previous entry',
      [1, 2, 3],
      [day('2026-01-01'), day('2026-01-08'), 'n/a'],
      'weekly',
      2,
    ],
    [
      'a note in the date column is no date',
      [1, 2, 3],
      ['total', day('2026-01-08'), day('2026-01-15')],
      'weekly',
      2,
    ],
    ['dates as ISO text and serial numbers', [1, 2, 3], ['2026-01-01', 46030, '2026-01-15'], 'weekly', 2],
    ['dates shorter than values', [1, 2, 3], [day('2026-01-01')], 'weekly', 2],
  ] as const)('%s', (_, values, dates, cadence, expected) => {
    expect(kpiPrevious(values, dates, cadence)).toBe(expected);
  });

  it('goes back calendar months: a month before 31 March is 28 February', () => {
    const dates = ['2027-01-31', '2027-02-28', '2027-03-01', '2027-03-31'].map(day);
    expect(kpiPrevious([1, 2, 3, 4], dates, 'monthly')).toBe(2);
    expect(kpiPrevious([1, 2, 3, 4], dates, 'quarterly')).toBe(3); // 31 Dec: none that old → previous entry
    const quarters = ['2026-09-30', '2026-12-31', '2027-03-31'].map(day);
    expect(kpiPrevious([1, 2, 3], quarters, 'quarterly')).toBe(2);
  });

  it('reads the latest date in the given time zone and compares the others as instants', () => {
    // Auckland midnight of 2027-01-15 is 2027-01-14T11:00Z; a week before is 2027-01-08 (= 2027-01-07T11:00Z)
    const nz = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 13 * 3_600_000);
    const zone: DayReader = {
      dayOf: (d) => dayOfDate(new Date(d.getTime() + 13 * 3_600_000)),
      midnightOf: (dd) => Date.UTC(dd.year, dd.month - 1, dd.day) - 13 * 3_600_000,
    };
    const dates = ['2027-01-01', '2027-01-08', '2027-01-15'].map(nz);
    expect(kpiPrevious([1, 2, 3], dates, 'weekly', zone)).toBe(2);
    // daily: the newest entry on or before 14 January (Auckland) is the one of 8 January
    expect(kpiPrevious([1, 2, 3], dates, 'daily', zone)).toBe(2);
  });
});

describe('kpiPreviousOfNewest: the same from the last rows of a tab only', () => {
  const days = Array.from({ length: 50 }, (_, i) => new Date(Date.UTC(2027, 0, 1 + i)));
  const values = days.map((_, i) => i);
  it.each([
    ['weekly cadence, a week back is among the rows read', 'weekly', 42],
    ['monthly cadence, a month back is among the rows read', 'monthly', 18],
    ['quarterly cadence: a quarter back lies above the rows read, unknown', 'quarterly', undefined],
    ['no cadence: the previous entry', undefined, 48],
  ] as const)('%s', (_, cadence, expected) => {
    expect(kpiPreviousOfNewest(values, days, cadence)).toBe(expected);
  });

  it('is unknown when the rows read hold a single entry', () => {
    expect(kpiPreviousOfNewest(['', 5], undefined, undefined)).toBeUndefined();
    expect(kpiPreviousOfNewest(['', ''])).toBeUndefined();
  });
});

describe('periodBefore', () => {
  it.each([
    ['2027-03-31', 'daily', '2027-03-30'],
    ['2027-03-31', 'weekly', '2027-03-24'],
    ['2027-03-31', 'monthly', '2027-02-28'],
    ['2028-03-31', 'monthly', '2028-02-29'],
    ['2027-01-15', 'monthly', '2026-12-15'],
    ['2027-05-31', 'quarterly', '2027-02-28'],
    ['2027-02-15', 'quarterly', '2026-11-15'],
  ] as const)('%s minus one %s period is %s', (from, cadence, to) => {
    const [y, m, d] = from.split('-').map(Number);
    expect(formatDay(dayOfSerial(periodBefore({ year: y!, month: m!, day: d! }, cadence)))).toBe(to);
  });
});

describe('kpiTrend and its meaning', () => {
  it.each([
    [0.071, 0.07, '↑', 'lower', 'worsening'],
    [0.069, 0.07, '↓', 'lower', 'improving'],
    [51_000, 50_000, '↑', 'higher', 'improving'],
    [49_000, 50_000, '↓', 'higher', 'worsening'],
    [42, 42, '→', 'higher', 'steady'],
    [42, '', '', 'higher', ''],
    ['', 42, '', 'lower', ''],
    ['7%', 0.07, '', 'lower', ''],
    ['#N/A', 3, '', 'higher', ''],
  ] as const)('%s after %s is %s; better %s: %s', (latest, previous, trend, better, meaning) => {
    expect(kpiTrend(latest, previous)).toBe(trend);
    expect(trendMeaning(trend, better)).toBe(meaning);
  });

  it('recentNumbers keeps the newest numbers, oldest first, skipping text and blanks', () => {
    expect(recentNumbers([1, '', 2, 'n/a', 3, 4, 5], 3)).toEqual([3, 4, 5]);
    expect(recentNumbers(['', 'x'])).toEqual([]);
    expect(recentNumbers(Array.from({ length: 30 }, (_, i) => i))).toHaveLength(12);
  });
});

describe('readCadence', () => {
  it('reads a cadence, blank as none, and names a bad one', () => {
    expect(readCadence(' Weekly ')).toBe('weekly');
    expect(readCadence('')).toBeUndefined();
    expect(() => readCadence('fortnightly')).toThrow(
      'cadence "fortnightly" must be one of "daily", "weekly", "monthly", "quarterly"',
    );
  });
});
