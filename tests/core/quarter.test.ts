import { describe, expect, it } from 'vitest';
import {
  elapsedShare,
  formatQuarter,
  nextQuarter,
  paceStatus,
  parseQuarter,
  quarterEnd,
  quarterOfDay,
  quarterStart,
  readFiscalStartMonth,
} from '../../src/core/quarter';
import { formatDay } from '../../src/core/values';

const day = (s: string) => {
  const [year, month, d] = s.split('-').map(Number) as [number, number, number];
  return { year, month, day: d };
};

describe('quarter labels', () => {
  it.each([
    ['2027-01-01', 1, '2027-Q1'],
    ['2027-03-31', 1, '2027-Q1'],
    ['2027-04-01', 1, '2027-Q2'],
    ['2027-12-31', 1, '2027-Q4'],
    // fiscal year starting April is labelled by the calendar year in which it ends
    ['2026-04-01', 4, '2027-Q1'],
    ['2026-05-15', 4, '2027-Q1'],
    ['2026-12-31', 4, '2027-Q3'],
    ['2027-03-31', 4, '2027-Q4'],
    ['2027-04-01', 4, '2028-Q1'],
    // fiscal year starting July
    ['2026-07-01', 7, '2027-Q1'],
    ['2026-06-30', 7, '2026-Q4'],
    ['2026-11-22', 10, '2027-Q1'],
    ['2026-09-30', 10, '2026-Q4'],
  ])('%s with fiscal start %i is %s', (d, fsm, label) => {
    expect(formatQuarter(quarterOfDay(day(d), fsm))).toBe(label);
  });

  it.each([
    ['2027-Q1', 1, '2027-01-01', '2027-03-31'],
    ['2027-Q4', 1, '2027-10-01', '2027-12-31'],
    ['2028-Q1', 2, '2027-02-01', '2027-04-30'],
    ['2027-Q1', 4, '2026-04-01', '2026-06-30'],
    ['2027-Q4', 4, '2027-01-01', '2027-03-31'],
    ['2024-Q1', 12, '2023-12-01', '2024-02-29'],
  ])('%s with fiscal start %i runs %s to %s', (label, fsm, start, end) => {
    const q = parseQuarter(label);
    expect(formatDay(quarterStart(q, fsm))).toBe(start);
    expect(formatDay(quarterEnd(q, fsm))).toBe(end);
  });

  it('every day of four fiscal years falls inside its own quarter', () => {
    for (const fsm of [1, 2, 4, 7, 10, 12]) {
      for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2029, 0, 1); t += 86_400_000) {
        const d = new Date(t);
        const today = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
        const q = quarterOfDay(today, fsm);
        const iso = formatDay(today);
        expect(
          formatDay(quarterStart(q, fsm)) <= iso && iso <= formatDay(quarterEnd(q, fsm)),
          `${iso} fsm ${fsm}`,
        ).toBe(true);
      }
    }
  });

  it('parses labels leniently and refuses others by name', () => {
    expect(parseQuarter(' 2027-q3 ')).toEqual({ year: 2027, q: 3 });
    expect(parseQuarter('2027 Q3')).toEqual({ year: 2027, q: 3 });
    expect(() => parseQuarter('2027-Q5')).toThrow('label "2027-Q5" is not a quarter like "2027-Q1"');
    expect(() => parseQuarter(2027)).toThrow('label 2027 is not a quarter');
    expect(formatQuarter(nextQuarter({ year: 2026, q: 4 }))).toBe('2027-Q1');
    expect(() => readFiscalStartMonth(13)).toThrow('fiscalStartMonth 13 must be a month number from 1 to 12');
    expect(readFiscalStartMonth('4')).toBe(4);
  });
});

describe('pace', () => {
  const start = day('2027-01-01');
  const end = day('2027-03-31'); // 90 days

  it('measures the elapsed share in whole days', () => {
    expect(elapsedShare(day('2026-12-31'), start, end)).toBe(0);
    expect(elapsedShare(day('2027-01-01'), start, end)).toBeCloseTo(1 / 90, 12);
    expect(elapsedShare(day('2027-02-14'), start, end)).toBeCloseTo(45 / 90, 12);
    expect(elapsedShare(day('2027-03-31'), start, end)).toBe(1);
    expect(elapsedShare(day('2027-06-01'), start, end)).toBe(1);
  });

  it.each([
    ['', 0.5, ''],
    [1, 0.1, 'Done'],
    [0.35, 0.5, 'On track'],
    [0.34, 0.5, 'At risk'],
    [0.2, 0.5, 'At risk'],
    [0.19, 0.5, 'Off track'],
    [0.7, 1, 'On track'],
    [0.69, 1, 'At risk'],
    [0.39, 1, 'Off track'],
    [0, 0, 'On track'],
  ] as const)('score %s at %s of the quarter is %s', (score, elapsed, status) => {
    expect(paceStatus(score, elapsed)).toBe(status);
  });
});
