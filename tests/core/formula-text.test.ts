// Formula text that parses in every locale (core/formula-text.ts): numbers without a decimal mark that read back
// as exactly the same double, and every formula the add-on generates free of what some locale reads otherwise:
// no `,` between arguments, no decimal literal, no array literal wider than one column.
import fc from 'fast-check';
import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { call, date, headerFormula, headerOfFormula, numeral, quoted } from '../../src/core/formula-text';
import { keyResultFormulas, objectiveFormulas } from '../../src/core/formulas';
import { trendFormula } from '../../src/core/kpi-health';
import {
  type KpiDefinition,
  latestFormula,
  previousFormula,
  registryFormulas,
  trendRuleFormulas,
} from '../../src/core/kpi-registry';
import { KEY_RESULTS, KPIS, layoutColumns, OBJECTIVES } from '../../src/core/layout';
import { paceColourFormulas, paceStatusFormula } from '../../src/core/quarter';
import { bandRuleFormulas } from '../../src/core/score';
import { FORMULA_SYNTAXES } from '../helpers/formula-syntax';

describe('numbers', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [1, '1'],
    [10, '10'],
    [-2, '(-2)'],
    [0.7, '(7/10)'],
    [0.4, '(2/5)'],
    [1.5, '(3/2)'],
    [0.65, '(13/20)'],
    [-0.125, '(-1/8)'],
    [1e-7, '(1/10000000)'],
    [123456789.25, '(493827157/4)'],
    [0.1 + 0.2, '(1351079888211149/4503599627370496)'],
    [2 ** -1074, `(1/${2n ** 1000n}/${2n ** 74n})`],
  ])('%d is written %j', (n, text) => {
    expect(numeral(n)).toBe(text);
  });

  it('refuses what no formula should hold', () => {
    expect(() => numeral(Number.NaN)).toThrow('not finite');
    expect(() => numeral(Number.POSITIVE_INFINITY)).toThrow('not finite');
    expect(() => numeral(1e21)).toThrow('too large');
  });

  it.each(FORMULA_SYNTAXES)('reads back as exactly the same double in %s', (_, syntax) => {
    const samples = fc.sample(
      fc.oneof(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.integer({ min: -1000, max: 1000 }).map((n) => n / 100),
        fc.constantFrom(0.7, 0.4, 0.35, 0.65, 1.5, 0.1 + 0.2, 1 / 3, 2 ** -60, 2 ** 53 + 2, Number.MIN_VALUE),
      ),
      { numRuns: 3000, seed: 9 },
    );
    const hf = HyperFormula.buildFromSheets(
      { S: samples.map((n) => [`=${numeral(n)}`]) },
      { licenseKey: 'gpl-v3', ...syntax },
    );
    const got = hf.getSheetValues(hf.getSheetId('S')!).map((row) => row[0]);
    hf.destroy();
    const wrong = samples.filter((n, i) => !Object.is(got[i], n === 0 ? 0 : n));
    expect(wrong).toEqual([]);
    for (const n of samples) expect(numeral(n)).toMatch(/^\(?-?\d+(\/\d+)*\)?$/);
  });
});

describe('the pieces', () => {
  it('calls with `;`, quotes text, writes days with DATE', () => {
    expect(call('IF', 'A1=""', '""', quoted('Say "hi"'))).toBe('IF(A1="";"";"Say ""hi""")');
    expect(date({ year: 2027, month: 3, day: 31 })).toBe('DATE(2027;3;31)');
    expect(headerFormula('Score', '=OKR_SCORE(F2:F;G2:G)')).toBe('={"Score";OKR_SCORE(F2:F;G2:G)}');
  });

  it('finds the header of a header formula as getFormula returns it in any locale', () => {
    // en_US shows `,` between arguments, de_DE `;`; rows are `;` in both
    expect(headerOfFormula('={"Score";OKR_SCORE(F2:F,G2:G,H2:H,E2:E,1)}')).toBe('Score');
    expect(headerOfFormula('={"Score";OKR_SCORE(F2:F;G2:G;H2:H;E2:E;1)}')).toBe('Score');
    expect(headerOfFormula('= { "Key results" ; ARRAYFORMULA(A2:A)}')).toBe('Key results');
    expect(headerOfFormula('=OKR_SCORE(F2:F;G2:G)')).toBeUndefined();
  });
});

/** A formula's text outside "strings" and 'sheet names', where a locale's marks matter. */
function bare(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"|'(?:[^']|'')*'/g, (m) => m[0]!.repeat(2));
}

/** What some locale reads otherwise, found in a formula: a `,`, a decimal literal, a `\`, a row of an array. */
function localeTraps(formula: string): string[] {
  const text = bare(formula);
  const traps: string[] = [];
  if (text.includes(',')) traps.push('a comma');
  if (/\d\.\d/.test(text)) traps.push('a decimal literal');
  if (text.includes('\\')) traps.push('a backslash');
  let depth = 0;
  let braces = 0;
  for (const ch of text) {
    if (ch === '{') braces++;
    else if (ch === '}') braces--;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    if (braces > 0 && depth === 0 && (ch === ',' || ch === '\\')) traps.push('an array literal with columns');
  }
  return traps;
}

describe('every formula the add-on generates', () => {
  const days = { start: { year: 2027, month: 1, day: 1 }, end: { year: 2027, month: 3, day: 31 } };
  const scoring = { cap: 1.5, yellowFrom: 0.35, greenFrom: 0.65 };
  const kr = layoutColumns(KEY_RESULTS);
  const def: KpiDefinition = {
    id: 'churn',
    name: 'Churn, monthly',
    sourceTab: "Bob's metrics, 2027",
    headerRow: 1,
    value: { index: 1, header: 'Rate' },
    date: { index: 0, header: 'Month' },
    unit: '%',
    betterWhen: 'lower',
    target: 0.05,
    warnAt: 0.065,
  };
  const generated: Record<string, string> = {
    ...keyResultFormulas(kr, days, scoring),
    ...Object.fromEntries(
      Object.entries(
        objectiveFormulas(layoutColumns(OBJECTIVES), kr, '2027-Q1 Key Results, team A', days, scoring),
      ).map(([k, f]) => [`objectives ${k}`, f]),
    ),
    pace: paceStatusFormula('L2:L', days.start, days.end, scoring),
    ...Object.fromEntries(bandRuleFormulas('L2', scoring).map((r) => [`band ${r.band}`, r.formula])),
    ...Object.fromEntries(paceColourFormulas('M2').map((r) => [`pace colour ${r.band}`, r.formula])),
    trend: trendFormula('L2:L', 'M2:M'),
    ...Object.fromEntries(
      Object.entries(registryFormulas(layoutColumns(KPIS))).map(([k, f]) => [`registry ${k}`, f]),
    ),
    ...Object.fromEntries(
      trendRuleFormulas(layoutColumns(KPIS)).map((r) => [`trend ${r.meaning}`, r.formula]),
    ),
    latest: latestFormula('churn'),
    previous: previousFormula(def, 'K2'),
  } as Record<string, string>;

  it.each(Object.entries(generated))('%s holds nothing a locale reads otherwise', (_, formula) => {
    expect(localeTraps(formula)).toEqual([]);
  });

  it('is seen by the audit when it would not parse everywhere', () => {
    expect(localeTraps('=AND(ISNUMBER(L2),L2>=0.7)')).toEqual(['a comma', 'a decimal literal']);
    expect(localeTraps('={"a","b"}')).toEqual(['a comma', 'an array literal with columns']);
    expect(localeTraps('=IF(A1="1,5";"a.b";"c")')).toEqual([]);
  });
});
