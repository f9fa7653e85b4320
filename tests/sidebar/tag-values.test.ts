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
  orientation: 'long',
  notes: [],
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

const scorecard: TabView = {
  name: 'Scorecard',
  headerRow: 1,
  rows: 3,
  orientation: 'wide',
  columns: [
    { letter: 'A', header: 'Metric', kind: 'text' },
    { letter: 'B', header: 'Jan 2024', kind: 'number' },
    { letter: 'C', header: 'Feb 2024', kind: 'number' },
  ],
  valueColumns: [],
  kpiRows: [
    { row: 2, label: 'Signups', name: 'Signups', unit: 'count', betterWhen: 'higher', latest: 120 },
    { row: 3, label: 'Widgets shipped', name: 'Widgets shipped', unit: 'count', latest: 9 },
  ],
  cadence: 'monthly',
  notes: [],
  kpis: [{ id: 'signups', name: 'Signups', valueLetter: '', row: 2 }],
};

describe('the tag form proposes', () => {
  it('for a wide scorecard, the first row not yet a KPI, and leaves a direction nobody can tell unchosen', () => {
    expect(proposal(scorecard)).toMatchObject({
      row: '3',
      valueColumn: '',
      name: 'Widgets shipped',
      unit: 'count',
      betterWhen: '',
      cadence: 'monthly',
    });
    expect(proposal(scorecard, '2')).toMatchObject({ row: '2', betterWhen: 'higher' });
  });

  it('the first series of a tab that stacks several, and a unit as the cells write it', () => {
    const stacked: TabView = {
      ...metrics,
      columns: [
        { letter: 'A', header: 'Week', kind: 'date' },
        { letter: 'B', header: 'Region', kind: 'text' },
        { letter: 'C', header: 'Umsatz', kind: 'number', name: 'Umsatz', unit: 'currency', unitText: '€' },
      ],
      valueColumns: ['C'],
      series: { columns: ['B'], keys: ['Nord', 'Süd'] },
    };
    expect(proposal(stacked)).toMatchObject({ valueColumn: 'C', series: 'Nord', unit: '€', betterWhen: '' });
  });

  it("the tab's likeliest column of numbers, with its detected name, unit and direction", () => {
    expect(proposal(metrics)).toEqual({
      sheetName: 'Metrics',
      valueColumn: 'B',
      row: '',
      series: '',
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
