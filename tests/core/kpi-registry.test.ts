// A tagged KPI, decided without a spreadsheet: IDs, the marks on the user's columns, the registry row and its
// formulas.
import { describe, expect, it } from 'vitest';
import { slugOf, uniqueId } from '../../src/core/ids';
import {
  columnLabel,
  latestFormula,
  previousFormula,
  readKpiMark,
  readLatestFormula,
  registryFormulas,
  registryNumberFormat,
  registryRow,
  rewrittenLatestFormula,
  writeKpiMark,
} from '../../src/core/kpi-registry';
import { KPIS } from '../../src/core/layout';

describe('IDs', () => {
  it.each([
    ['Churn rate', 'churn_rate'],
    ['Churn %', 'churn'],
    ['  NPS (promoters − detractors) ', 'nps_promoters_detractors'],
    ['Résolution délai', 'resolution_delai'],
    ['2027 revenue', 'kpi_2027_revenue'],
    ['%%%', 'kpi'],
    ['A'.repeat(80), 'a'.repeat(40)],
  ])('%s → %s', (name, id) => {
    expect(slugOf(name)).toBe(id);
    expect(id).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  it('adds _2, _3 … while an ID is taken', () => {
    const taken = new Set(['churn', 'churn_2']);
    expect(uniqueId('churn', (id) => taken.has(id))).toBe('churn_3');
    expect(uniqueId('nps', (id) => taken.has(id))).toBe('nps');
  });
});

describe('marks on the user columns', () => {
  it('round-trip, and anything damaged reads as no mark', () => {
    const mark = { id: 'churn', role: 'value' as const, headerRow: 1, rows: 1000 };
    expect(readKpiMark(writeKpiMark(mark))).toEqual(mark);
    expect(readKpiMark('{"id":"churn","role":"date"}')).toEqual({ id: 'churn', role: 'date' });
    expect(readKpiMark('{"id":"Bad id","role":"value"}')).toBeUndefined();
    expect(readKpiMark('{"id":"x","role":"other"}')).toBeUndefined();
    expect(readKpiMark('not json')).toBeUndefined();
    expect(readKpiMark(null)).toBeUndefined();
  });
});

describe('the registry row', () => {
  const c = Object.fromEntries(KPIS.columns.map((col, i) => [col.key, i])) as Parameters<
    typeof registryRow
  >[2];
  const def = {
    id: 'churn',
    name: '=IMPORTRANGE("x")',
    sourceTab: "Bob's metrics",
    headerRow: 1,
    value: { index: 2, header: 'Churn' },
    date: { index: 0, header: 'Week' },
    unit: '%' as const,
    betterWhen: 'lower' as const,
    target: 0.05,
    warnAt: 0.06,
    owner: 'Success',
    cadence: 'weekly' as const,
  };

  it('holds live formulas for Latest and Previous, and keeps user text as text', () => {
    const row = registryRow(def, 7, c);
    expect(row).toMatchObject({
      id: 'churn',
      name: `'=IMPORTRANGE("x")`,
      sourceTab: `'Bob's metrics`,
      valueColumn: `'Churn (C)`,
      dateColumn: `'Week (A)`,
      unit: '%',
      betterWhen: 'lower',
      target: 0.05,
      warnAt: 0.06,
      owner: "'Success",
      cadence: 'weekly',
      latest: `=OKR_KPI_LATEST(KPI_churn;'Bob''s metrics'!A2:A)`,
      previous: `=OKR_KPI_PREVIOUS(KPI_churn;'Bob''s metrics'!A2:A;K7)`,
    });
    expect(latestFormula('nps')).toBe('=OKR_KPI_LATEST(KPI_nps)');
    const { date: _, ...undated } = def;
    expect(previousFormula({ ...undated, headerRow: 3 }, 'K2')).toBe('=OKR_KPI_PREVIOUS(KPI_churn)');
    expect(previousFormula({ ...def, headerRow: 3 }, 'K2')).toBe(
      `=OKR_KPI_PREVIOUS(KPI_churn;'Bob''s metrics'!A4:A;K2)`,
    );
    expect(registryRow({ ...undated, target: undefined, warnAt: undefined }, 2, c)).toMatchObject({
      dateColumn: '',
      target: '',
      warnAt: '',
    });
  });

  it('computes Trend with one native formula and Status with one OKR_KPI_STATUS call, in their header cells', () => {
    expect(registryFormulas(c)).toEqual({
      trend:
        '={"Trend";ARRAYFORMULA(IF(ISNUMBER(L2:L)*ISNUMBER(M2:M);IF(L2:L>M2:M;"↑";IF(L2:L<M2:M;"↓";"→"));""))}',
      status: '={"Status";OKR_KPI_STATUS(L2:L;H2:H;I2:I;G2:G)}',
    });
  });

  it('shows numbers in the tab own format, else one for the unit', () => {
    expect(registryNumberFormat('%', '0.00%')).toBe('0.00%');
    expect(registryNumberFormat('%')).toBe('0.0%');
    // the unit's own format, the one a key result following the KPI shows too (core/units.ts)
    expect(registryNumberFormat('currency')).toBe('$#,##0');
    expect(registryNumberFormat('currency', undefined, [4.99])).toBe('$#,##0.00');
    expect(registryNumberFormat('duration', undefined, [46.5])).toBe('#,##0.0 "h"');
    expect(registryNumberFormat('count')).toBe('#,##0');
    expect(registryNumberFormat('number')).toBeUndefined();
    expect(columnLabel('', 'F')).toBe('column F');
  });
});

describe('a Latest formula read back and written anew', () => {
  it.each([
    ['en_US shows `,`', "=OKR_KPI_LATEST(KPI_churn,'Churn'!A2:A)"],
    ['de_DE shows `;`', "=OKR_KPI_LATEST(KPI_churn;'Churn'!A2:A)"],
    ['the older name, other case, spaces', " =kpi_latest( KPI_churn , 'Churn'!A2:A ) "],
  ])('%s: one syntax, the current name, the same arguments', (_, formula) => {
    expect(rewrittenLatestFormula(formula)).toBe("=OKR_KPI_LATEST(KPI_churn;'Churn'!A2:A)");
  });

  it('keeps separators inside quoted sheet names and texts as they are', () => {
    const formula = `=OKR_KPI_LATEST(KPI_ewr,'Air, traffic'!B2:C,"year+month",'Air, traffic'!A2:A,"A, B / C")`;
    expect(readLatestFormula(formula)).toEqual({
      range: 'KPI_ewr',
      args: ["'Air, traffic'!B2:C", '"year+month"', "'Air, traffic'!A2:A", '"A, B / C"'],
    });
    expect(rewrittenLatestFormula(formula)).toBe(
      `=OKR_KPI_LATEST(KPI_ewr;'Air, traffic'!B2:C;"year+month";'Air, traffic'!A2:A;"A, B / C")`,
    );
    const def = {
      id: 'ewr',
      name: 'EWR',
      sourceTab: 'Air, traffic',
      headerRow: 1,
      value: { index: 3, header: 'Passengers' },
      date: { index: 1, header: 'Year', part: { index: 2, unit: 'month' as const } },
      series: { columns: [0], key: 'A, B / C' },
      unit: 'count',
      betterWhen: 'higher' as const,
    };
    expect(latestFormula('ewr', def)).toBe(rewrittenLatestFormula(formula));
  });

  it('is no Latest formula when it computes more, or reads no named range', () => {
    expect(rewrittenLatestFormula('=OKR_KPI_LATEST(KPI_churn)*100')).toBeUndefined();
    expect(rewrittenLatestFormula('=OKR_KPI_LATEST(Churn!B2:B)')).toBeUndefined();
    expect(rewrittenLatestFormula('=OKR_KPI_LATEST(KPI_churn,"open)')).toBeUndefined();
    expect(rewrittenLatestFormula('')).toBeUndefined();
  });
});
