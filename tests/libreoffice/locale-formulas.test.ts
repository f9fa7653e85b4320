// The add-on's formula text typed into LibreOffice in de-DE, fr-FR and en-US (tests/helpers/libreoffice-typed.ts):
// a second engine reading the very same text with each locale's decimal mark and separators, as Sheets reads a
// formula written into a spreadsheet of that locale. The pace-aware Status, the band colours' rules and the
// Trend must compute what core computes in every one of them, while the formulas the add-on used to write
// (`,` between arguments, `0.7`) break in de-DE exactly as Sheets users of decimal-comma locales saw them break.
import { beforeAll, expect, it } from 'vitest';
import { date } from '../../src/core/formula-text';
import { kpiTrend, trendFormula } from '../../src/core/kpi-health';
import {
  elapsedShare,
  paceStatus,
  paceStatusFormula,
  quarterEnd,
  quarterStart,
} from '../../src/core/quarter';
import { type Bands, bandOf, bandRuleFormulas, DEFAULT_BANDS } from '../../src/core/score';
import { type Day, dayOfSerial, serialOfDay } from '../../src/core/values';
import { type CellValue, describeWithLibreOffice, FormulaError } from '../helpers/libreoffice';
import { recalculateTyped, type TypedCell, type TypedLocale } from '../helpers/libreoffice-typed';
import { TREND_PAIRS } from '../helpers/trend-pairs';

const SCORES: Array<number | string | null> = [
  0,
  0.05,
  0.1,
  0.2,
  0.3,
  0.35,
  0.39,
  0.4,
  0.5,
  0.65,
  0.69,
  0.7,
  0.7001,
  0.9,
  1,
  1.2,
  -0.1,
  null,
  '#N/A',
];
const START = quarterStart({ year: 2027, q: 1 });
const END = quarterEnd({ year: 2027, q: 1 });
const CUSTOM: Bands = { yellowFrom: 0.35, greenFrom: 0.65 };

interface Block {
  today: Day;
  bands: Bands;
  row: number;
}

/**
 * One sheet: blocks of scores in column A with the pace formula over the block in column B (TODAY() pinned),
 * the band rules in C–E, and below them the Trend pairs (A, B) with the trend formula in C.
 */
function workbook(): { rows: TypedCell[][]; blocks: Block[]; trendRow: number } {
  const rows: TypedCell[][] = [];
  const blocks: Block[] = [];
  const days = [];
  for (let s = serialOfDay(START) - 2; s <= serialOfDay(END) + 2; s += 3) days.push(dayOfSerial(s));
  for (const bands of [DEFAULT_BANDS, CUSTOM]) {
    for (const today of days) {
      const row = rows.length;
      const range = `A${row + 1}:A${row + SCORES.length}`;
      const pace = paceStatusFormula(range, START, END, bands).replaceAll('TODAY()', date(today));
      SCORES.forEach((score, i) => {
        const rules = bandRuleFormulas(`A${row + i + 1}`, bands).map((r) => r.formula);
        rows.push([score, pace, ...rules]);
      });
      blocks.push({ today, bands, row });
    }
  }
  const trendRow = rows.length;
  const n = TREND_PAIRS.length;
  const trend = `=${trendFormula(`A${trendRow + 1}:A${trendRow + n}`, `B${trendRow + 1}:B${trendRow + n}`)}`;
  for (const [l, p] of TREND_PAIRS) rows.push([l === '' ? null : l, p === '' ? null : p, trend]);
  return { rows, blocks, trendRow };
}

const { rows, blocks, trendRow } = workbook();
const isError = (s: unknown) => typeof s === 'string' && s.startsWith('#');

for (const locale of ['de-DE', 'fr-FR', 'en-US'] as TypedLocale[]) {
  describeWithLibreOffice(`the add-on's formulas typed in LibreOffice in ${locale}`, () => {
    let got: CellValue[][];
    beforeAll(async () => {
      got = await recalculateTyped(rows, locale);
    });

    it('Status is paceStatus for every score, on every third day around a quarter, with default and custom bands', () => {
      for (const b of blocks) {
        const elapsed = elapsedShare(b.today, START, END);
        const status = SCORES.map((_, i) => got[b.row + i]![1]);
        const expected = SCORES.map((s) =>
          isError(s) ? 'Error' : paceStatus(s === null ? '' : (s as number), elapsed, b.bands),
        );
        expect(status, `${b.today.year}-${b.today.month}-${b.today.day}`).toEqual(expected);
      }
    });

    it('colours a score by its band: exactly one rule holds for a number, none for a blank or an error', () => {
      for (const b of blocks.slice(0, 1).concat(blocks.slice(-1))) {
        SCORES.forEach((s, i) => {
          const held = got[b.row + i]!.slice(2, 5).map((v) => v === 1);
          const expected =
            typeof s === 'number'
              ? ['green', 'yellow', 'red'].map((band) => band === bandOf(s, b.bands))
              : [false, false, false];
          // the rules are tried in order and the first that holds colours the cell: green, then yellow
          const first = held.indexOf(true);
          expect(first === -1 ? [false, false, false] : held.map((_, k) => k === first), String(s)).toEqual(
            expected,
          );
        });
      }
    });

    it('Trend shows the arrow of kpiTrend for every pair', () => {
      const got2 = TREND_PAIRS.map((_, i) => got[trendRow + i]![2]);
      expect(got2).toEqual(TREND_PAIRS.map(([l, p]) => kpiTrend(l, p)));
    });
  });
}

describeWithLibreOffice('the formulas the add-on used to write, typed in LibreOffice', () => {
  // As the add-on wrote them before: `,` between arguments and decimal literals (Sheets' en_US syntax).
  const old = [
    [0.75, '=AND(ISNUMBER(A1),A1>=0.7)'],
    [0.75, '=IF(A2="","",IF(A2>=1,"Done","Not yet"))'],
    [0.75, '=ROUND(A3-0.7*0.5,9)'],
  ] as const;
  const ours = [
    [0.75, bandRuleFormulas('A4', DEFAULT_BANDS)[0]!.formula],
    [0.75, '=IF(A5="";"";IF(A5>=1;"Done";"Not yet"))'],
    [0.75, '=ROUND(A6-(7/10)*(1/2);9)'],
  ] as const;
  const sheet: TypedCell[][] = [...old, ...ours].map(([score, formula]) => [score, formula]);
  const results: Partial<Record<TypedLocale, CellValue[][]>> = {};
  beforeAll(async () => {
    results['de-DE'] = await recalculateTyped(sheet, 'de-DE');
    results['en-US'] = await recalculateTyped(sheet, 'en-US');
  });

  it('in de-DE, every one of them fails or computes something else; ours compute', () => {
    const de = results['de-DE']!.map((r) => r[1]);
    // `,` is the decimal mark there: A1>=0.7 is no number and IF(A2="","",…) no formula
    expect(de.slice(0, 3).map((v) => v instanceof FormulaError)).toEqual([true, true, true]);
    expect(de.slice(3)).toEqual([1, 'Not yet', 0.4]);
  });

  it('in en-US, both compute alike: Sheets and LibreOffice read `;` there too', () => {
    const en = results['en-US']!.map((r) => r[1]);
    expect(en).toEqual([1, 'Not yet', 0.4, 1, 'Not yet', 0.4]);
  });
});
