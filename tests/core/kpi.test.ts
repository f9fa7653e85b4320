import { describe, expect, it } from 'vitest';
import { kpiStatus, lastValue } from '../../src/core/kpi';

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
