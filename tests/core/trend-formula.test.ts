// The registry's Trend column is one native formula over Latest and Previous (no custom-function call per
// KPI), while the sidebar computes the same arrow with kpiTrend. A formula engine evaluates the generated
// formula here and must agree with kpiTrend on every pair (tests/libreoffice/trend-formula.test.ts does the
// same in LibreOffice).
import { HyperFormula } from 'hyperformula';
import { expect, it } from 'vitest';
import { kpiTrend, trendFormula } from '../../src/core/kpi-health';
import { FORMULA_SYNTAXES } from '../helpers/formula-syntax';
import { TREND_PAIRS } from '../helpers/trend-pairs';

it.each(FORMULA_SYNTAXES)('trendFormula agrees with kpiTrend on every pair, read in %s', (_, syntax) => {
  // HyperFormula parses strings as typed input ("7%" would be 0.07): an apostrophe keeps text as text
  const cell = (v: number | string) => (v === '' ? null : typeof v === 'string' ? `'${v}` : v);
  const hf = HyperFormula.buildFromSheets(
    { S: TREND_PAIRS.map(([l, p]) => [cell(l), cell(p)]) },
    { licenseKey: 'gpl-v3', ...syntax },
  );
  const sheet = hf.getSheetId('S')!;
  const n = TREND_PAIRS.length;
  hf.setCellContents({ sheet, col: 2, row: 0 }, [[`=${trendFormula(`A1:A${n}`, `B1:B${n}`)}`]]);
  const got = hf.getSheetValues(sheet).map((row) => row[2]);
  hf.destroy();
  expect(got).toEqual(TREND_PAIRS.map(([l, p]) => kpiTrend(l, p)));
  expect(new Set(got)).toEqual(new Set(['↑', '↓', '→', '']));
});
