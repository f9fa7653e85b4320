// A wide scorecard through the built add-on: one metric per row, months across the header row. A row is tagged
// as a KPI through tagKpi; the KPIs sheet's Latest and Previous follow the newest month, also when the team adds
// next month's column at the right, types the months newest first, or leaves a month blank; a month header is
// never a KPI column.
import { beforeEach, describe, expect, it } from 'vitest';
import type { KpiView, TabView } from '../../src/core/rpc';
import { type Addon, call, records, startAddon, thrown } from '../helpers/addon';

let addon: Addon;
const rows = () => [
  ['Metric', 'Jan 2027', 'Feb 2027', 'Mar 2027'],
  ['Sales'],
  ['New customers', '40', '52', '47'],
  ['Churned customers', '5', '7', ''],
  [],
  ['Source: CRM export'],
];
beforeEach(() => {
  addon = startAddon({ now: () => new Date('2027-04-10T09:30:00Z') });
  addon.replaceWorkbook([{ name: 'Scorecard', rows: rows() }]);
});
const tag = (input: Record<string, unknown>) =>
  call<KpiView>(addon, 'tagKpi', { sheetName: 'Scorecard', ...input });
const registry = (name: string) => records(addon, 'KPIs').find((r) => r.Name === name)!;

describe('a wide scorecard', () => {
  it('is listed with its rows as KPIs, never its month headers as columns', () => {
    const tab = call<TabView[]>(addon, 'listTabs').find((t) => t.name === 'Scorecard')!;
    expect(tab).toMatchObject({ orientation: 'wide', headerRow: 1, valueColumns: [], cadence: 'monthly' });
    expect(tab.kpiRows?.map((r) => [r.row, r.label, r.betterWhen, r.latest, r.latestPeriod])).toEqual([
      [3, 'New customers', 'higher', 47, '2027-03'],
      [4, 'Churned customers', 'lower', 7, '2027-02'],
    ]);
    expect(thrown(() => tag({ valueColumn: 'B', name: 'Jan', betterWhen: 'higher' }))).toMatch(
      /row: no row chosen of "Scorecard"; rows of numbers there: 3 \(New customers\), 4 \(Churned customers\)/,
    );
  });

  it('tags a row: Latest is the newest month holding a number, and follows a month added at the right', () => {
    const k = tag({ row: 4, name: 'Churned', betterWhen: 'lower', target: 6 });
    expect(k).toMatchObject({ row: 4, latest: 7, previous: 5, status: 'red' });
    expect(registry('Churned')).toMatchObject({
      'Value column': 'row 4 (Churned customers)',
      'Date column': 'row 1',
      Latest: 7,
      Previous: 5,
    });
    // March is typed in, then April gets its own column at the right
    addon.editCell('Scorecard', 'D4', '6');
    expect(registry('Churned')).toMatchObject({ Latest: 6, Previous: 7, Status: 'green' });
    addon.editCell('Scorecard', 'E1', 'Apr 2027');
    addon.editCell('Scorecard', 'E4', '4');
    expect(registry('Churned')).toMatchObject({ Latest: 4, Previous: 6 });
    const view = call<KpiView[]>(addon, 'listKpiViews').find((v) => v.name === 'Churned')!;
    expect(view.recent).toEqual([5, 7, 6, 4]);
  });

  it('reads months typed newest first by their dates, not by their place', () => {
    addon.replaceWorkbook([
      {
        name: 'Scorecard',
        rows: [
          ['Metric', 'Mar 2027', 'Feb 2027', 'Jan 2027'],
          ['New customers', '47', '52', '40'],
        ],
      },
    ]);
    const k = tag({ row: 2, name: 'New customers', betterWhen: 'higher' });
    expect(k).toMatchObject({ latest: 47, previous: 52 });
    expect(registry('New customers')).toMatchObject({ Latest: 47, Previous: 52 });
  });
});
