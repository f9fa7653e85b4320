import { describe, expect, it } from 'vitest';
import { kpiStatus, kpiTrend, periodBefore, readCadence, trendMeaning } from '../../src/core/kpi-health';
import { dayOfSerial, formatDay } from '../../src/core/values';

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
