// The scoring contract (DESIGN.md §5), row by row. These are the numbers users' sheets will show.
import { describe, expect, it } from 'vitest';
import { bandOf, bandOfCell, readScoreType, rollup, rollupDetail, scoreOne } from '../../src/core/score';
import { type Cell, InputError } from '../../src/core/values';

describe('scoreOne: the seeds', () => {
  it.each([
    ['reduce churn 8% → 5%, now 5.5%', 0.08, 0.05, 0.055, 0.833333333333],
    ['raise NPS 35 → 55, now 45', 35, 55, 45, 0.5],
    ['DAU 10,000 → 25,000, now 25,000', 10_000, 25_000, 25_000, 1],
    ['support resolution 72 h → 36 h, now 80 h', 72, 36, 80, 0],
    ['onboarding 7 days → 3 days, now 3', 7, 3, 3, 1],
    ['churn as percent text', '8%', '5%', '5.5%', 0.833333333333],
    ['numbers as text with thousands separators', '10,000', '25,000', '17,500', 0.5],
  ])('%s', (_, b, t, c, expected) => {
    expect(scoreOne(b as Cell, t as Cell, c as Cell)).toBeCloseTo(expected, 10);
  });
});

describe('scoreOne: types', () => {
  it.each<[string, Cell, Cell, Cell, Cell, number | '']>([
    ['auto increase halfway', 0, 10, 5, 'auto', 0.5],
    ['auto decrease halfway', 10, 0, 5, 'auto', 0.5],
    ['blank type is auto', 10, 0, 5, '', 0.5],
    ['increase', 0, 10, 7, 'increase', 0.7],
    ['increase is case-insensitive', 0, 10, 7, ' INCREASE ', 0.7],
    ['decrease', 100, 50, 60, 'decrease', 0.8],
    ['clamped above 1', 0, 10, 15, 'auto', 1],
    ['clamped below 0', 0, 10, -5, 'auto', 0],
    ['decrease overshoot clamps at 1', 72, 36, 20, 'decrease', 1],
    ['at least met', '', 100, 100, 'at least', 1],
    ['at least missed', 0, 100, 99.9, 'At Least', 0],
    ['at most met', '', 5, 4, 'at most', 1],
    ['at most missed', '', 5, 5.1, 'at most', 0],
    ['yes/no TRUE', '', '', true, 'yes/no', 1],
    ['yes/no FALSE', '', '', false, 'yes/no', 0],
    ['yes/no 1', '', '', 1, 'yes/no', 1],
    ['yes/no 0', '', '', 0, 'yes/no', 0],
    ['yes/no "yes"', '', '', 'Yes', 'yes/no', 1],
    ['yes/no "done"', '', '', 'done', 'yes/no', 1],
    ['yes/no "no"', '', '', 'no', 'yes/no', 0],
    ['milestone 3 of 4', '', 4, 3, 'milestone', 0.75],
    ['milestone all done', 0, 4, 4, 'milestone', 1],
    ['milestone beyond clamps', 0, 4, 5, 'milestone', 1],
  ])('%s', (_, b, t, c, type, expected) => {
    expect(scoreOne(b, t, c, type)).toBeCloseTo(expected as number, 12);
  });

  it('lets over-achievement show up to the cap', () => {
    expect(scoreOne(0, 10, 15, 'auto', 1.5)).toBe(1.5);
    expect(scoreOne(0, 10, 30, 'auto', 1.5)).toBe(1.5);
    expect(scoreOne(0, 10, 12, 'auto', 1.5)).toBeCloseTo(1.2, 12);
    expect(scoreOne(0, 4, 5, 'milestone', 2)).toBe(1.25);
  });

  it('removes floating-point noise so band boundaries hold', () => {
    expect(scoreOne(0.1, 1.1, 0.8)).toBe(0.7);
    expect(bandOf(scoreOne(0.1, 1.1, 0.8) as number)).toBe('green');
  });
});

describe('scoreOne: blanks give blanks', () => {
  it.each<[string, Cell, Cell, Cell, Cell]>([
    ['current blank', 0, 10, '', 'auto'],
    ['baseline blank', '', 10, 5, 'auto'],
    ['target blank', 0, '', 5, 'auto'],
    ['null current', 0, 10, null, 'auto'],
    ['whitespace current', 0, 10, '   ', 'auto'],
    ['at least without current', '', 10, '', 'at least'],
    ['yes/no without current', '', '', '', 'yes/no'],
    ['milestone without target', '', '', 3, 'milestone'],
  ])('%s', (_, b, t, c, type) => {
    expect(scoreOne(b, t, c, type)).toBe('');
  });
});

describe('scoreOne: errors name the argument and the value', () => {
  it.each<[string, Cell, Cell, Cell, Cell, RegExp]>([
    ['text current', 0, 10, 'abc', 'auto', /^current "abc" is not a number$/],
    ['text baseline', 'n/a', 10, 5, 'auto', /^baseline "n\/a" is not a number$/],
    ['text target', 0, 'ten', 5, 'auto', /^target "ten" is not a number$/],
    [
      'a date is not a number',
      0,
      10,
      new Date(Date.UTC(2027, 0, 1)),
      'auto',
      /^current date 2027-01-01 is not a number$/,
    ],
    ['a boolean is not a number', 0, 10, true, 'auto', /^current true is not a number$/],
    ['unknown type', 0, 10, 5, 'double', /^type "double" is not one of "auto", "increase", .*"milestone"$/],
    [
      'baseline = target',
      5,
      5,
      5,
      'auto',
      /both 5: that is a KPI to maintain, not a key result; use type "at least" or "at most"/,
    ],
    [
      'increase with falling target',
      10,
      5,
      7,
      'increase',
      /type "increase" needs target \(5\) above baseline \(10\)/,
    ],
    [
      'decrease with rising target',
      5,
      10,
      7,
      'decrease',
      /type "decrease" needs target \(10\) below baseline \(5\)/,
    ],
    ['zero milestones', '', 0, 0, 'milestone', /target 0 must be the number of milestones/],
    ['NaN', 0, 10, Number.NaN, 'auto', /current NaN is not a finite number/],
    ['Infinity', 0, 10, Number.POSITIVE_INFINITY, 'auto', /current Infinity is not a finite number/],
  ])('%s', (_, b, t, c, type, message) => {
    expect(() => scoreOne(b, t, c, type)).toThrow(InputError);
    expect(() => scoreOne(b, t, c, type)).toThrow(message);
  });

  it('reads type aliases', () => {
    expect(readScoreType('AtLeast')).toBe('at least');
    expect(readScoreType('yes / no'.replace(/ /g, ''))).toBe('yes/no');
    expect(readScoreType(null)).toBe('auto');
  });
});

describe('bands', () => {
  it.each([
    [0, 'red'],
    [0.39999, 'red'],
    [0.4, 'yellow'],
    [0.69999, 'yellow'],
    [0.7, 'green'],
    [1, 'green'],
    [1.3, 'green'],
  ] as const)('%s is %s', (score, band) => {
    expect(bandOf(score)).toBe(band);
  });

  it('honours custom thresholds and passes blanks and errors through', () => {
    expect(bandOf(0.55, { yellowFrom: 0.3, greenFrom: 0.5 })).toBe('green');
    expect(bandOfCell('')).toBe('');
    expect(bandOfCell('#ERROR: current "x" is not a number')).toBe('#ERROR: current "x" is not a number');
    expect(bandOfCell('45%')).toBe('yellow');
    expect(() => bandOfCell('high')).toThrow('score "high" is not a number');
  });
});

describe('rollup of key results not started or not set up (DESIGN.md §5)', () => {
  const krObjectiveIds = ['O1', 'O1', 'O1', 'O2', 'O2'];
  it('counts a key result with a target and no score as 0: one finished KR never makes its objective done', () => {
    const result = rollupDetail({
      objectiveIds: ['O1', 'O2'],
      krObjectiveIds,
      krScores: [1.5, '', '', '', 1],
      krTargets: [40, 10, '', '', ''],
      krTypes: ['', 'auto', '', 'yes/no', 'yes/no'],
    });
    expect(result).toEqual([
      { score: 0.75, counted: 2, keyResults: 3 },
      // a yes/no key result needs no target: without a current value it is not started
      { score: 0.5, counted: 2, keyResults: 2 },
    ]);
  });
  it('leaves every KR out while none has a target, and keeps the older sheets reading blanks as not counted', () => {
    expect(
      rollup({ objectiveIds: ['O1'], krObjectiveIds: ['O1', 'O1'], krScores: ['', ''], krTargets: ['', ''] }),
    ).toEqual(['']);
    expect(rollup({ objectiveIds: ['O1'], krObjectiveIds: ['O1', 'O1'], krScores: [1, ''] })).toEqual([1]);
  });
});

describe('rollup', () => {
  const objectiveIds = ['O1', 'O2', 'O3', ''];
  const krObjectiveIds = ['O1', 'O1', 'O2', 'O1', 'O2'];

  it('averages the KRs of each objective, ignoring blanks', () => {
    const result = rollup({ objectiveIds, krObjectiveIds, krScores: [0.5, 1, 0.2, '', ''] });
    expect(result).toEqual([0.75, 0.2, '', '']);
  });

  it('weights KRs (blank weight = 1)', () => {
    const result = rollup({
      objectiveIds,
      krObjectiveIds,
      krScores: [0.5, 1, 0.2, 0, 0.4],
      krWeights: [3, '', 1, 0, 1],
    });
    expect(result[0]).toBeCloseTo((0.5 * 3 + 1) / 4, 12);
    expect(result[1]).toBeCloseTo(0.3, 12);
  });

  it('names the KR whose score is an error instead of averaging the rest', () => {
    const result = rollup({
      objectiveIds,
      krObjectiveIds,
      krScores: [0.5, '#ERROR: current "abc" is not a number', 0.2, '', ''],
      krIds: ['O1.1', 'O1.2', 'O2.1', 'O1.3', 'O2.2'],
    });
    expect(result[0]).toBe('#ERROR: key result O1.2 has an error (current "abc" is not a number)');
    expect(result[1]).toBe(0.2);
  });

  it('without KR IDs names the row, and rejects bad weights', () => {
    const result = rollup({ objectiveIds: ['O1'], krObjectiveIds: ['O1', 'O1'], krScores: [0.5, 'high'] });
    expect(result[0]).toBe('#ERROR: the key result in row 2 of the range score "high" is not a number');
    const weights = rollup({
      objectiveIds: ['O1'],
      krObjectiveIds: ['O1'],
      krScores: [0.5],
      krWeights: [-1],
    });
    expect(weights[0]).toMatch(/weight -1 is negative/);
  });

  it('says when KR columns differ in height', () => {
    expect(() => rollup({ objectiveIds: ['O1'], krObjectiveIds: ['O1', 'O1'], krScores: [1, 2, 3] })).toThrow(
      'krObjectiveIds has 2 rows but krScores has 3: ranges must be the same height',
    );
  });
});
