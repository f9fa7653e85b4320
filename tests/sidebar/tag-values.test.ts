// What the tag form starts from and how it follows the user's choices: the likeliest column not yet a KPI
// with what detection found, a column tagged already as its KPI stands (so saving updates it rather than
// tagging it twice), and another column chosen without losing the target and owner typed so far.
import { describe, expect, it } from 'vitest';
import type { KpiView, TabView } from '../../src/core/rpc';
import { blankTag, fromKpi, proposal, propose, withColumn } from '../../src/sidebar/kpis/tagValues';

const metrics: TabView = {
  name: 'Metrics',
  headerRow: 1,
  rows: 52,
  columns: [
    { letter: 'A', header: 'Week', kind: 'date' },
    { letter: 'B', header: 'MRR', kind: 'number', name: 'MRR', unit: 'currency', betterWhen: 'higher' },
    { letter: 'C', header: 'Churn %', kind: 'number', name: 'Churn', unit: '%', betterWhen: 'lower' },
  ],
  dateColumn: 'A',
  valueColumns: ['B', 'C'],
  cadence: 'weekly',
  kpis: [],
};

const mrr: KpiView = {
  id: 'mrr',
  name: 'Monthly revenue',
  sourceTab: 'Metrics',
  valueColumn: 'MRR',
  valueLetter: 'B',
  dateColumn: 'Week',
  dateLetter: 'A',
  namedRange: 'KPI_mrr',
  unit: 'currency',
  betterWhen: 'higher',
  target: 150000,
  warnAt: '',
  owner: 'Sales',
  cadence: 'monthly',
  latest: 141000,
  previous: 139000,
  trend: '↑',
  status: 'yellow',
  recent: [139000, 141000],
};

const tagged: TabView = { ...metrics, kpis: [{ id: 'mrr', name: 'Monthly revenue', valueLetter: 'B' }] };

describe('the tag form proposes', () => {
  it("the tab's likeliest column of numbers, with its detected name, unit and direction", () => {
    expect(proposal(metrics)).toEqual({
      sheetName: 'Metrics',
      valueColumn: 'B',
      name: 'MRR',
      dateColumn: 'A',
      unit: 'currency',
      betterWhen: 'higher',
      target: '',
      warnAt: '',
      owner: '',
      cadence: 'weekly',
    });
  });

  it('the next column not yet a KPI once the likeliest is tagged', () => {
    expect(propose(tagged, [mrr])).toMatchObject({
      valueColumn: 'C',
      name: 'Churn',
      unit: '%',
      betterWhen: 'lower',
    });
  });

  it('a tagged column as its KPI stands, so saving updates that KPI', () => {
    expect(propose(tagged, [mrr], 'B')).toEqual(fromKpi(mrr));
    expect(fromKpi(mrr)).toMatchObject({
      name: 'Monthly revenue',
      target: '150000',
      warnAt: '',
      cadence: 'monthly',
    });
  });

  it('the first column when every one is tagged', () => {
    const all: TabView = {
      ...tagged,
      kpis: [...tagged.kpis, { id: 'churn', name: 'Churn', valueLetter: 'C' }],
    };
    expect(proposal(all).valueColumn).toBe('B');
  });

  it('nothing for a tab it knows nothing about', () => {
    expect(blankTag('Notes')).toMatchObject({
      sheetName: 'Notes',
      valueColumn: '',
      name: '',
      unit: 'number',
    });
  });
});

describe('choosing another value column', () => {
  it("brings the column's name, unit and direction and keeps the target and owner typed", () => {
    const typed = { ...proposal(metrics), target: '160000', owner: 'Finance' };
    expect(withColumn(typed, metrics, [], 'C')).toEqual({
      ...typed,
      valueColumn: 'C',
      name: 'Churn',
      unit: '%',
      betterWhen: 'lower',
    });
  });

  it('brings a tagged column as its KPI stands', () => {
    const typed = { ...proposal(tagged), owner: 'Finance' };
    expect(withColumn(typed, tagged, [mrr], 'B')).toEqual(fromKpi(mrr));
  });
});
