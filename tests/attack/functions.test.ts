// A short seeded slice of the custom-function attacks (npm run attack runs the full counts), and the inputs
// that once gave wrong answers, judged the same way.
import { describe, expect, it } from 'vitest';
import { FUNCTION_ATTACKS, judgeCall } from './functions';
import { SEED } from './harness';

const yearEleven = new Date(0);
yearEleven.setUTCFullYear(11, 9, 18);

describe('custom functions at the edges', () => {
  it.each(FUNCTION_ATTACKS.map((a) => [a.name, a] as const))('%s', async (_name, attack) => {
    const outcome = await attack.run(attack.slice, SEED);
    expect(outcome.examples).toEqual([]);
    expect(outcome.tried).toBe(attack.slice);
  });

  it.each([
    // differences that overflow a double: halfway from −1e308 to 1e308 is 0.5, never 0 or NaN
    ['OKR_SCORE', [-1e308, 1e308, 0]],
    ['OKR_SCORE', [-1.797e308, 1.797e308, 1.797e308]],
    ['OKR_SCORE', [-Number.MAX_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, 'increase']],
    // a type named like an Object.prototype member is an unknown type
    ['OKR_SCORE', [0, 10, 5, 'constructor']],
    ['OKR_SCORE', [0, 10, 5, '__proto__']],
    ['OKR_SCORE', [0, 10, 5, 'toString']],
    // weights that overflow when summed
    ['OKR_ROLLUP', [[['O1']], [['O1'], ['O1']], [[0.5], [1]], [[1e308], [1e308]]]],
    ['OKR_ROLLUP', [[['O1']], [['O1'], ['O1']], [[0.2], [0.8]], [[Number.MAX_VALUE], [1]]]],
    // the years 1–99 are not 1901–1999; a date in the year 11 is in 0011-Q4
    ['OKR_QUARTER_START', ['0001-Q1']],
    ['OKR_QUARTER_END', ['0099-Q4']],
    ['OKR_QUARTER_START', ['0001-Q1', 12]],
    ['OKR_QUARTER', [yearEleven]],
    // arrays Sheets never passes: an error naming the function, not "row is not iterable"
    ['OKR_KPI_LATEST', [[1, 2]]],
    ['OKR_KPI_LATEST', [[[[3]]]]],
    ['OKR_SCORE', [[[[0]]], 10, 5]],
    ['OKR_BAND', [[0.5, 0.7]]],
    ['OKR_ROLLUP', [['O1'], ['O1'], [0.5]]],
  ] as const)('%s(%j)', (name, args) => {
    expect(judgeCall(name, args)).toBeUndefined();
  });

  it('says what the contract says for the inputs that once went wrong', async () => {
    const { newAddon } = await import('../helpers/addon');
    const g = newAddon().globals as Record<string, (...a: unknown[]) => unknown>;
    expect(g.OKR_SCORE!(-1e308, 1e308, 0)).toBe(0.5);
    expect(g.OKR_SCORE!(-1.797e308, 1.797e308, 1.797e308)).toBe(1);
    expect(() => g.OKR_SCORE!(0, 10, 5, 'constructor')).toThrow(
      /^OKR_SCORE: type "constructor" is not one of/,
    );
    expect(g.OKR_ROLLUP!([['O1']], [['O1'], ['O1']], [[0.5], [1]], [[1e308], [1e308]])).toEqual([[0.75]]);
    const start = g.OKR_QUARTER_START!('0001-Q1') as Date;
    expect(start.toISOString()).toBe('0001-01-01T00:00:00.000Z');
    expect(() => g.OKR_KPI_LATEST!([1, 2])).toThrow(/^OKR_KPI_LATEST: values /);
    expect(g.OKR_QUARTER!(yearEleven)).toBe('0011-Q4');
  });
});
