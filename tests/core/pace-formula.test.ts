// The pace-aware Status column is a native formula (TODAY() cannot reach a custom function), while the sidebar
// computes the same status in TypeScript. Both come from core/quarter.ts; here a real formula engine evaluates
// the generated formula, read as Sheets reads it in a decimal-point and in a decimal-comma locale, and must agree
// with paceStatus for every score and every day of a quarter.
import { type ConfigParams, HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { date } from '../../src/core/formula-text';
import {
  elapsedShare,
  paceStatus,
  paceStatusFormula,
  quarterEnd,
  quarterStart,
} from '../../src/core/quarter';
import { DEFAULT_BANDS } from '../../src/core/score';
import { type Day, dayOfSerial, serialOfDay } from '../../src/core/values';
import { FORMULA_SYNTAXES } from '../helpers/formula-syntax';

const SCORES: Array<number | string> = [
  0,
  0.05,
  0.1,
  0.2,
  0.3,
  0.35,
  0.39,
  0.4,
  0.5,
  0.69,
  0.7,
  0.7001,
  0.9,
  0.99,
  1,
  1.2,
  '',
  '#ERROR: x',
];

function evaluate(formula: string, today: Day, syntax: Partial<ConfigParams>): unknown[] {
  // The formula under test, with TODAY() pinned to the day being checked.
  const pinned = formula.replaceAll('TODAY()', date(today));
  const hf = HyperFormula.buildFromSheets({ S: SCORES.map((s) => [s]) }, { licenseKey: 'gpl-v3', ...syntax });
  const sheet = hf.getSheetId('S')!;
  hf.setCellContents({ sheet, col: 1, row: 0 }, [[pinned]]);
  const values = hf.getSheetValues(sheet).map((row) => row[1]);
  hf.destroy();
  return values;
}

describe.each(FORMULA_SYNTAXES)('paceStatusFormula agrees with paceStatus, read in %s', (_, syntax) => {
  const quarter = { year: 2027, q: 1 };
  const start = quarterStart(quarter);
  const end = quarterEnd(quarter);
  const days = [-3, 0, 1, 10, 30, 45, 60, 89, 90, 120].map((offset) =>
    dayOfSerial(serialOfDay(start) + offset),
  );

  it.each(days.map((d) => [`${d.year}-${d.month}-${d.day}`, d] as const))('on %s', (_, today) => {
    const formula = paceStatusFormula(`A1:A${SCORES.length}`, start, end, DEFAULT_BANDS);
    const got = evaluate(formula, today, syntax);
    const elapsed = elapsedShare(today, start, end);
    const expected = SCORES.map((s) =>
      typeof s === 'string' && s.startsWith('#') ? 'Error' : paceStatus(s as number | '', elapsed),
    );
    expect(got).toEqual(expected);
  });

  it('uses custom band thresholds, written without a decimal mark', () => {
    const bands = { yellowFrom: 0.35, greenFrom: 0.65 };
    const formula = paceStatusFormula(`A1:A${SCORES.length}`, start, end, bands);
    const got = evaluate(formula, end, syntax);
    expect(got).toEqual(
      SCORES.map((s) =>
        typeof s === 'string' && s.startsWith('#') ? 'Error' : paceStatus(s as number | '', 1, bands),
      ),
    );
    expect(got[SCORES.indexOf(0.35)]).toBe('At risk');
    expect(got[SCORES.indexOf(0.69)]).toBe('On track');
    expect(formula).toContain('(13/20)*');
    expect(formula).toContain('(7/20)*');
  });
});
