import { describe, expect, it } from 'vitest';
import { dateOfDay, dayOfDate, formatDay, readDay, readNumber, serialOfDay } from '../../src/core/values';

describe('readNumber', () => {
  it.each([
    [3, 3],
    [' 3 ', 3],
    ['-2.5', -2.5],
    ['+7', 7],
    ['.5', 0.5],
    ['10,000', 10000],
    ['1,234,567.89', 1234567.89],
    ['1e3', 1000],
    ['45%', 0.45],
    [' 5.5 % ', 0.055],
    ['-3%', -0.03],
    ['', undefined],
    [null, undefined],
  ] as const)('%j reads as %j', (v, n) => {
    expect(readNumber('x', v)).toBe(n);
  });

  it.each(['abc', '1,23', '1.2.3', '%', '12abc', '--1', '1,0000', 'Infinity'])('%j is not a number', (v) => {
    expect(() => readNumber('current', v)).toThrow(`current ${JSON.stringify(v)} is not a number`);
  });
});

describe('dates', () => {
  it('reads and writes Dates as UTC days, round trip', () => {
    const d = dateOfDay({ year: 2027, month: 3, day: 31 });
    expect(d.toISOString()).toBe('2027-03-31T00:00:00.000Z');
    expect(formatDay(dayOfDate(d))).toBe('2027-03-31');
    expect(readDay('date', d)).toEqual({ year: 2027, month: 3, day: 31 });
  });

  it('reads ISO text and serial numbers, refuses impossible days', () => {
    expect(readDay('date', '2027-02-28')).toEqual({ year: 2027, month: 2, day: 28 });
    expect(() => readDay('date', '2027-02-30')).toThrow('date "2027-02-30" is not a date');
    expect(serialOfDay({ year: 2027, month: 1, day: 1 })).toBe(46388);
    expect(readDay('date', 46388)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(() => readDay('date', 'soon')).toThrow('date "soon" is not a date');
  });
});
