// The registry's Trend column (a native ARRAYFORMULA over Latest and Previous) recalculated by LibreOffice, an
// engine independent of Sheets and HyperFormula: it must show kpiTrend's arrow for every pair, also as the
// registry writes it, over open-ended columns below a header.
import { beforeAll, expect, it } from 'vitest';
import { kpiTrend, trendFormula } from '../../src/core/kpi-health';
import {
  type CellInput,
  describeWithLibreOffice,
  type Results,
  recalculateInLibreOffice,
} from '../helpers/libreoffice';
import { TREND_PAIRS } from '../helpers/trend-pairs';

const cell = (v: number | string): CellInput => (v === '' ? null : v);
const registry: CellInput[][] = [
  ['Latest', 'Previous', 'Trend'],
  ...TREND_PAIRS.map(([l, p], i): CellInput[] => [
    cell(l),
    cell(p),
    i === 0 ? `=${trendFormula('A2:A', 'B2:B')}` : null,
  ]),
];

describeWithLibreOffice('trend formula in LibreOffice agrees with kpiTrend', () => {
  let results: Results;
  beforeAll(async () => {
    results = await recalculateInLibreOffice({ KPIs: registry });
  });

  it('shows the arrow of kpiTrend for every pair, blank where either is not a number', () => {
    const got = results.KPIs!.slice(1, TREND_PAIRS.length + 1).map((r) => r[2]);
    expect(got).toEqual(TREND_PAIRS.map(([l, p]) => kpiTrend(l, p)));
  });
});
