// Custom functions in column form, called as Sheets calls them: single cells as values, ranges as 2-D arrays.
import { describe, expect, it } from 'vitest';
import { OKR_BAND, OKR_KPI_LATEST, OKR_KPI_STATUS, OKR_ROLLUP, OKR_SCORE } from '../../src/server/functions';

describe('OKR_SCORE column form', () => {
  it('returns a column of the same height, scalars broadcast', () => {
    const result = OKR_SCORE([[0.08], [35], ['']], [[0.05], [55], [10]], [[0.055], [45], [5]]);
    expect(result).toHaveLength(3);
    expect((result as number[][])[0]![0]).toBeCloseTo(0.8333, 4);
    expect(result).toMatchObject([[expect.any(Number)], [0.5], ['']]);
    expect(OKR_SCORE(0, 100, [[10], [20], [30]])).toEqual([[0.1], [0.2], [0.3]]);
    expect(OKR_SCORE([[0]], [[100]], [[50]])).toBe(0.5);
  });

  it('puts an error text in the bad row only', () => {
    const result = OKR_SCORE([[0], [0], [0]], [[10], [10], [10]], [[5], ['abc'], [10]]);
    expect(result).toEqual([[0.5], ['#ERROR: current "abc" is not a number'], [1]]);
  });

  it('throws in scalar form, naming the function, the argument and the value', () => {
    expect(() => OKR_SCORE(0, 10, 'abc')).toThrow('OKR_SCORE: current "abc" is not a number');
    expect(() => OKR_SCORE(5, 5, 5)).toThrow(
      /^OKR_SCORE: baseline and target are both 5: that is a KPI to maintain/,
    );
  });

  it('says the heights when ranges differ', () => {
    expect(() => OKR_SCORE([[0], [0]], [[1], [1], [1]], 0)).toThrow(
      'OKR_SCORE: baseline has 2 rows but target has 3 rows: ranges must be the same height',
    );
  });

  it('takes a type column and a cap', () => {
    expect(OKR_SCORE([[0], ['']], [[10], [3]], [[15], [3]], [['auto'], ['at least']], 1.5)).toEqual([
      [1.5],
      [1],
    ]);
    expect(() => OKR_SCORE(0, 10, 5, 'auto', 0.5)).toThrow('OKR_SCORE: cap 0.5 must be between 1 and 10');
    expect(() => OKR_SCORE(0, 10, 5, 'auto', [[1], [2]])).toThrow(
      'OKR_SCORE: cap must be a single value, not a range',
    );
  });
});

describe('OKR_ROLLUP', () => {
  it('fills a whole objectives column in one call', () => {
    const result = OKR_ROLLUP(
      [['O1'], ['O2'], ['']],
      [['O1'], ['O1'], ['O2'], ['']],
      [[0.5], [1], ['#ERROR: current "x" is not a number'], ['']],
      '',
      [['O1.1'], ['O1.2'], ['O2.1'], ['']],
    );
    expect(result).toEqual([
      [0.75],
      ['#ERROR: key result O2.1 has an error (current "x" is not a number)'],
      [''],
    ]);
  });

  it('throws for a single objective whose KR has an error', () => {
    expect(() => OKR_ROLLUP('O1', [['O1'], ['O1']], [[0.5], ['#ERROR: bad']])).toThrow(
      'OKR_ROLLUP: the key result in row 2 of the range has an error (bad)',
    );
    expect(OKR_ROLLUP('O1', [['O1'], ['O1']], [[0.5], [0.7]])).toBeCloseTo(0.6, 12);
  });
});

describe('OKR_BAND, OKR_KPI_LATEST, OKR_KPI_STATUS', () => {
  it('bands a column and keeps error rows as errors', () => {
    expect(OKR_BAND([[0.2], [0.5], [0.9], [''], ['#ERROR: x']])).toEqual([
      ['red'],
      ['yellow'],
      ['green'],
      [''],
      ['#ERROR: x'],
    ]);
    expect(() => OKR_BAND('#ERROR: x')).toThrow('OKR_BAND: score is an error: #ERROR: x');
    expect(OKR_BAND(0.5, 0.3, 0.5)).toBe('green');
    expect(() => OKR_BAND(0.5, 0.8, 0.5)).toThrow(
      'OKR_BAND: yellowFrom (0.8) must not be above greenFrom (0.5)',
    );
  });

  it('OKR_KPI_LATEST is the last non-blank value of a column', () => {
    expect(OKR_KPI_LATEST([[0.05], [0.06], [0.071], [''], ['']])).toBe(0.071);
    expect(OKR_KPI_LATEST([[''], ['']])).toBe('');
  });

  it('OKR_KPI_STATUS works on columns', () => {
    expect(OKR_KPI_STATUS([[0.045], [0.055], [0.08]], 0.05, 0.06, 'lower')).toEqual([
      ['green'],
      ['yellow'],
      ['red'],
    ]);
    expect(() => OKR_KPI_STATUS(1, 2, 1, 'sideways')).toThrow(
      'OKR_KPI_STATUS: betterWhen "sideways" must be "higher" or "lower"',
    );
  });
});
