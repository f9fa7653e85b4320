// KPI tabs end to end through the built bundle in the emulator: a team's own tabs (a year of weekly data) are
// tagged through the RPCs the sidebar calls, and the KPIs registry computes their health live.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readSeries, seriesPrevious } from '../../src/core/kpi-series';
import type { KpiView, TabView } from '../../src/core/rpc';
import { EmuRange } from '../../src/playground/emulator/spreadsheet';
import { type Addon, call, clock, records, startAddon, values } from '../helpers/addon';

const MID_Q1 = '2027-02-14T10:00:00Z';
const WEEKS = 52;
/** Mondays from 2026-02-09 to 2027-02-01 */
const week = (i: number) => new Date(Date.UTC(2026, 1, 9) + i * 7 * 86_400_000);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

// A year of weekly numbers, as a team keeps them: churn typed as percents and drifting up, MRR growing,
// NPS wobbling, support resolution time (hours) coming down, and a tab of notes.
const churnPct = (i: number) => Math.round((5 + i * 0.06) * 100) / 100; // 5.00% … 8.06%
const mrr = (i: number) => 40_000 + i * 300; // 40,000 … 55,300
const nps = (i: number) => 30 + (i % 5);
const dau = (i: number) => 10_000 + i * 100;
const hours = (i: number) => 72 - i * 0.5; // 72 … 46.5

function sampleTabs(): Array<{ name: string; rows: unknown[][] }> {
  return [
    {
      name: 'Churn',
      rows: [['Week', 'Churn rate'], ...range(WEEKS).map((i) => [week(i), `${churnPct(i)}%`])],
    },
    {
      name: 'Metrics',
      rows: [['Week', 'MRR', 'NPS', 'DAU'], ...range(WEEKS).map((i) => [week(i), mrr(i), nps(i), dau(i)])],
    },
    {
      name: 'Support',
      rows: [['Week', 'Resolution time (h)'], ...range(WEEKS).map((i) => [week(i), hours(i)])],
    },
    {
      name: 'Notes',
      rows: [
        ['Who', 'What'],
        ['Ana', 'call the churned accounts'],
        ['Bo', 'NPS survey'],
      ],
    },
  ];
}

let addon: Addon;
beforeEach(() => {
  addon = startAddon({ now: clock(MID_Q1) });
  addon.replaceWorkbook(sampleTabs());
});

const tag = (input: Record<string, unknown>, a = addon) => call<KpiView>(a, 'tagKpi', input);
const registry = (a = addon) => records(a, 'KPIs');
const row = (id: string, a = addon) => {
  const r = registry(a).find((x) => x.ID === id);
  if (!r) throw new Error(`no registry row ${id}`);
  return r;
};
/** What a tab holds, values and formulas: the add-on must never change it. */
const snapshot = (name: string, a = addon) => {
  const s = a.spreadsheet.getSheetByName(name)!;
  const r = s.getDataRange();
  return JSON.stringify({ values: r.getValues(), formulas: r.getFormulas(), formats: r.getNumberFormats() });
};
const stateOf = (a = addon) => JSON.stringify(a.toState());

function tagSample(a = addon) {
  const churn = tag(
    {
      sheetName: 'Churn',
      valueColumn: 'Churn rate',
      name: 'Churn',
      betterWhen: 'lower',
      target: '5%',
      warnAt: '6%',
      owner: 'Success',
    },
    a,
  );
  const mrrKpi = tag(
    {
      sheetName: 'Metrics',
      valueColumn: 'MRR',
      name: 'MRR',
      betterWhen: 'higher',
      target: 60_000,
      warnAt: 50_000,
      owner: 'Sales',
    },
    a,
  );
  const npsKpi = tag(
    { sheetName: 'Metrics', valueColumn: 'C', name: 'NPS', betterWhen: 'higher', target: 30 },
    a,
  );
  const support = tag(
    {
      sheetName: 'Support',
      valueColumn: 'Resolution time (h)',
      name: 'Resolution time',
      betterWhen: 'lower',
      target: 36,
      warnAt: 48,
    },
    a,
  );
  return { churn, mrr: mrrKpi, nps: npsKpi, support };
}

describe('listTabs: what the tabs hold', () => {
  it('detects header, dates, columns of numbers, units, directions and the weekly cadence; skips its own sheets', () => {
    const tabs = call<TabView[]>(addon, 'listTabs');
    expect(tabs.map((t) => t.name)).toEqual(['Churn', 'Metrics', 'Support', 'Notes']);
    const [churn, metrics, support, notes] = tabs;
    expect(churn).toMatchObject({
      headerRow: 1,
      rows: WEEKS,
      dateColumn: 'A',
      valueColumns: ['B'],
      cadence: 'weekly',
      kpis: [],
    });
    expect(churn!.columns[1]).toMatchObject({
      header: 'Churn rate',
      kind: 'number',
      name: 'Churn rate',
      unit: '%',
      betterWhen: 'lower',
    });
    expect(metrics!.valueColumns).toEqual(['B', 'C', 'D']);
    expect(metrics!.columns.slice(1).map((c) => [c.header, c.unit, c.betterWhen])).toEqual([
      ['MRR', 'currency', 'higher'],
      ['NPS', 'count', 'higher'],
      ['DAU', 'count', 'higher'],
    ]);
    expect(support!.columns[1]).toMatchObject({ unit: 'duration', betterWhen: 'lower' });
    expect(notes).toMatchObject({ valueColumns: [], problem: 'it has no column of numbers to follow' });

    tagSample();
    call(addon, 'setUpQuarter', { quarter: '2027-Q1' });
    const after = call<TabView[]>(addon, 'listTabs');
    expect(after.map((t) => t.name)).toEqual(['Churn', 'Metrics', 'Support', 'Notes']);
    expect(after[1]!.kpis).toEqual([
      { id: 'mrr', name: 'MRR', valueLetter: 'B' },
      { id: 'nps', name: 'NPS', valueLetter: 'C' },
    ]);
  });
});

describe('tagging a tab', () => {
  it('creates the registry on first tag, with live Latest, Previous, Trend and Status', () => {
    addon.setActive('Support');
    const { churn } = tagSample();
    expect(addon.view().active.sheet).toBe('Support'); // creating the KPIs sheet does not move the user
    expect(churn).toMatchObject({
      id: 'churn',
      namedRange: 'KPI_churn',
      sourceTab: 'Churn',
      valueColumn: 'Churn rate',
      valueLetter: 'B',
      dateColumn: 'Week',
      dateLetter: 'A',
      unit: '%',
      cadence: 'weekly',
      trend: '↑',
      status: 'red',
    });
    expect(churn.latest).toBeCloseTo(0.0806, 12);
    expect(churn.previous).toBeCloseTo(0.08, 12);
    expect(churn.recent).toHaveLength(12);
    const kpis = addon.spreadsheet.getSheetByName('KPIs')!;
    expect(kpis.getFrozenRows()).toBe(1);
    expect(kpis.getRange('N1').getFormula()).toMatch(/^=\{"Trend";ARRAYFORMULA\(/);
    expect(kpis.getRange('O1').getFormula()).toBe('={"Status";OKR_KPI_STATUS(L2:L,H2:H,I2:I,G2:G)}');
    expect(kpis.getRange('L2:M2').getFormulas()).toEqual([
      ["=OKR_KPI_LATEST(KPI_churn,'Churn'!A2:A)", "=OKR_KPI_PREVIOUS(KPI_churn,'Churn'!A2:A,K2)"],
    ]);
    const rows = registry();
    expect(
      rows.map((r) => [
        r.ID,
        r.Name,
        r['Source tab'],
        r['Value column'],
        r['Date column'],
        r.Unit,
        r['Better when'],
        r.Cadence,
      ]),
    ).toEqual([
      ['churn', 'Churn', 'Churn', 'Churn rate (B)', 'Week (A)', '%', 'lower', 'weekly'],
      ['mrr', 'MRR', 'Metrics', 'MRR (B)', 'Week (A)', 'currency', 'higher', 'weekly'],
      ['nps', 'NPS', 'Metrics', 'NPS (C)', 'Week (A)', 'count', 'higher', 'weekly'],
      [
        'resolution_time',
        'Resolution time',
        'Support',
        'Resolution time (h) (B)',
        'Week (A)',
        'h',
        'lower',
        'weekly',
      ],
    ]);
    const health = rows.map((r) => [r.ID, r.Latest, r.Previous, r.Trend, r.Status]);
    expect(health[0]![1]).toBeCloseTo(0.0806, 12);
    expect(health.slice(1)).toEqual([
      ['mrr', 55_300, 55_000, '↑', 'yellow'],
      ['nps', 31, 30, '↑', 'green'],
      ['resolution_time', 46.5, 47, '↓', 'yellow'],
    ]);
    expect(health[0]!.slice(3)).toEqual(['↑', 'red']);
    // blank registry rows below are blank, not errors
    expect(
      values(addon, 'KPIs')
        .slice(5, 20)
        .every((r) => r.every((v) => v === '')),
    ).toBe(true);
  });

  it('colours Status by band and Trend by whether the move is good, with conditional formats', () => {
    tagSample();
    const view = addon.sheetView('KPIs');
    expect(view.cells.O2?.text).toBe('red');
    expect(view.cells.O2?.background).toBe('#f4c7c3');
    expect(view.cells.O3?.background).toBe('#fce8b2');
    expect(view.cells.O4?.background).toBe('#b7e1cd');
    // churn went up (bad when lower is better), resolution time went down (good)
    expect(view.cells.N2).toMatchObject({ text: '↑', color: '#c5221f' });
    expect(view.cells.N5).toMatchObject({ text: '↓', color: '#137333' });
    expect(view.cells.N3).toMatchObject({ text: '↑', color: '#137333' });
    // numbers shown in the tab's own format (percent for churn)
    expect(view.cells.L2?.text).toBe('8.06%');
    expect(view.cells.H2?.text).toBe('5.00%');
  });

  it('never writes a cell of the user tab', () => {
    const before = ['Churn', 'Metrics', 'Support', 'Notes'].map((n) => snapshot(n));
    tagSample();
    tag({
      sheetName: 'Metrics',
      valueColumn: 'DAU',
      name: 'Daily active users',
      betterWhen: 'higher',
      dateColumn: '',
    });
    call(addon, 'listTabs');
    call(addon, 'getState');
    call(addon, 'untagKpi', 'nps');
    expect(['Churn', 'Metrics', 'Support', 'Notes'].map((n) => snapshot(n))).toEqual(before);
  });

  it('makes =OKR_KPI_LATEST(KPI_<id>) and =OKR_KPI_PREVIOUS work in any cell', () => {
    tagSample();
    addon.spreadsheet.insertSheet('Dashboard');
    expect(addon.editCell('Dashboard', 'A1', '=OKR_KPI_LATEST(KPI_mrr)')).toEqual({ ok: true });
    expect(addon.editCell('Dashboard', 'B1', '=OKR_KPI_PREVIOUS(KPI_mrr,Metrics!A2:A,"monthly")')).toEqual({
      ok: true,
    });
    expect(addon.editCell('Dashboard', 'C1', '=OKR_KPI_PREVIOUS(KPI_resolution_time)')).toEqual({ ok: true });
    // a month before 2027-02-01 is 2027-01-01: the newest entry on or before it is the week of 2026-12-28
    expect(values(addon, 'Dashboard')[0]).toEqual([55_300, mrr(46), 47]);
    expect(week(46).toISOString().slice(0, 10)).toBe('2026-12-28');
  });

  it('re-tagging the same column updates its row: same ID, no duplicate', () => {
    tagSample();
    const again = tag({
      sheetName: 'Metrics',
      valueColumn: 'b',
      name: 'Monthly recurring revenue',
      betterWhen: 'higher',
      target: 52_000,
      cadence: 'monthly',
    });
    expect(again.id).toBe('mrr');
    expect(again.status).toBe('green');
    const rows = registry();
    expect(
      rows.filter((r) => r['Source tab'] === 'Metrics' && String(r['Value column']).startsWith('MRR')),
    ).toHaveLength(1);
    expect(row('mrr')).toMatchObject({
      Name: 'Monthly recurring revenue',
      Target: 52_000,
      'Warn at': '',
      Cadence: 'monthly',
      Status: 'green',
    });
    // monthly: a month before the week of 2027-02-01 is the week of 2026-12-28
    expect(row('mrr').Previous).toBe(mrr(46));
    expect(rows).toHaveLength(4);
  });

  it('gives a name already used a new ID suffix only when tagging another column under a free name', () => {
    tag({ sheetName: 'Churn', valueColumn: 'B', name: 'Churn', betterWhen: 'lower' });
    addon.spreadsheet.setNamedRange('KPI_nps', addon.spreadsheet.getRange('Metrics!C2:C10'));
    const n = tag({ sheetName: 'Metrics', valueColumn: 'NPS', name: 'NPS', betterWhen: 'higher' });
    expect(n.id).toBe('nps_2'); // the user's own named range KPI_nps is left alone
    expect(addon.spreadsheet.getRangeByName('KPI_nps')!.getA1Notation()).toBe('C2:C10');
  });

  it('follows the tab when it is renamed, and shows the new name in the registry', () => {
    tagSample();
    addon.spreadsheet.insertSheet('Dashboard');
    addon.editCell('Dashboard', 'A1', '=OKR_KPI_LATEST(KPI_churn)');
    addon.spreadsheet.getSheetByName('Churn')!.setName('Churn (weekly)');
    addon.editCell('Churn (weekly)', `A${WEEKS + 2}`, '2027-02-08'); // a new week: its date, then its value
    addon.editCell('Churn (weekly)', `B${WEEKS + 2}`, '8.5%');
    expect(row('churn').Latest).toBeCloseTo(0.085, 12);
    expect(row('churn').Previous).toBeCloseTo(0.0806, 12);
    expect(values(addon, 'Dashboard')[0]![0]).toBeCloseTo(0.085, 12);
    expect(addon.spreadsheet.getSheetByName('KPIs')!.getRange('M2').getFormula()).toBe(
      "=OKR_KPI_PREVIOUS(KPI_churn,'Churn (weekly)'!A2:A,K2)",
    );
    const kpis = call<{ kpis: KpiView[] }>(addon, 'getState').kpis;
    expect(kpis[0]).toMatchObject({ sourceTab: 'Churn (weekly)', valueLetter: 'B' });
    expect(row('churn')['Source tab']).toBe('Churn (weekly)');
  });

  it('still reads the right column after a column is inserted before it', () => {
    tagSample();
    const metrics = addon.spreadsheet.getSheetByName('Metrics')!;
    metrics.insertColumnsBefore(2, 1); // a new column B before MRR
    addon.editCell('Metrics', 'B2', '999999');
    expect(row('mrr').Latest).toBe(55_300);
    expect(row('nps').Latest).toBe(31);
    addon.editCell('Metrics', `C${WEEKS + 1}`, '56000'); // MRR is now column C
    expect(row('mrr').Latest).toBe(56_000);
    expect(row('mrr').Status).toBe('yellow');
    const kpis = call<{ kpis: KpiView[] }>(addon, 'getState').kpis;
    expect(kpis.find((k) => k.id === 'mrr')).toMatchObject({ valueColumn: 'MRR', valueLetter: 'C' });
    expect(row('mrr')['Value column']).toBe('MRR (C)');
    expect(row('nps')['Value column']).toBe('NPS (D)');
    // re-tagging the moved column finds the same KPI
    expect(tag({ sheetName: 'Metrics', valueColumn: 'MRR', name: 'MRR', betterWhen: 'higher' }).id).toBe(
      'mrr',
    );
    expect(registry()).toHaveLength(4);
  });

  it('recomputes Latest, Previous, Trend and Status as the team edits its tab', () => {
    tagSample();
    // a new week: churn comes down to 4.5%
    addon.editCell('Churn', `A${WEEKS + 2}`, '2027-02-08');
    addon.editCell('Churn', `B${WEEKS + 2}`, '4.5%');
    expect(row('churn')).toMatchObject({ Latest: 0.045, Trend: '↓', Status: 'green' });
    expect(row('churn').Previous).toBeCloseTo(0.0806, 12);
    // the last entry corrected to 5.5%: within warn-at
    addon.editCell('Churn', `B${WEEKS + 2}`, '5.5%');
    expect(row('churn').Status).toBe('yellow');
    // emptied again: back to the week before
    addon.editCell('Churn', `B${WEEKS + 2}`, '');
    expect(row('churn').Latest).toBeCloseTo(0.0806, 12);
    expect(row('churn').Status).toBe('red');
    // the registry edited by hand: a target beyond warn-at says what is wrong; moving warn-at too recolours
    addon.editCell('KPIs', 'H2', '9%');
    expect(row('churn').Status).toBe(
      '#ERROR: warnAt (0.06) is below target (0.09) but better when lower: warn-at must be above target',
    );
    addon.editCell('KPIs', 'I2', '10%');
    expect(row('churn').Status).toBe('green');
    expect(row('mrr').Status).toBe('yellow');
  });

  it('re-points the named range when rows are added at the bottom of the tab', () => {
    tagSample();
    const support = addon.spreadsheet.getSheetByName('Support')!;
    const maxRows = support.getMaxRows();
    support.insertRowsAfter(maxRows, 10);
    addon.editCell('Support', `A${maxRows + 5}`, '2027-02-08');
    addon.editCell('Support', `B${maxRows + 5}`, '40');
    // Sheets does not grow a named range for rows added below it: Latest still shows the old last entry
    expect(row('resolution_time').Latest).toBe(46.5);
    // the next read of the KPIs (the sidebar opening) re-points it
    call(addon, 'getState');
    expect(addon.spreadsheet.getRangeByName('KPI_resolution_time')!.getA1Notation()).toBe(
      `B2:B${maxRows + 10}`,
    );
    expect(row('resolution_time').Latest).toBe(40);
    addon.counter.reset();
    call(addon, 'getState');
    expect(addon.counter.snapshot()['Spreadsheet.setNamedRange']).toBeUndefined();
  });

  it('lists the KPIs for the sidebar with recent values, and says when a column is gone', () => {
    tagSample();
    const views = call<KpiView[]>(addon, 'listKpiViews');
    expect(views.map((k) => k.id)).toEqual(['churn', 'mrr', 'nps', 'resolution_time']);
    expect(views[1]!.recent).toEqual(range(12).map((i) => mrr(WEEKS - 12 + i)));
    expect(views[3]).toMatchObject({
      latest: 46.5,
      previous: 47,
      trend: '↓',
      status: 'yellow',
      unit: 'h',
    });
    addon.spreadsheet.getSheetByName('Metrics')!.deleteColumns(3, 1); // NPS
    const after = call<KpiView[]>(addon, 'listKpiViews');
    expect(after.find((k) => k.id === 'nps')!.problem).toMatch(/^the column NPS follows is gone/);
    expect(after.find((k) => k.id === 'mrr')!.problem).toBeUndefined();
  });
});

describe('bad input: a clear error naming the field, and nothing written', () => {
  it.each([
    [
      { sheetName: 'Notes', valueColumn: 'B', name: 'Notes', betterWhen: 'higher' },
      'kpi: sheetName: "Notes" has no column of numbers',
    ],
    [
      { sheetName: 'Churn', valueColumn: 'Rate', name: 'Churn', betterWhen: 'lower' },
      'kpi: valueColumn: "Rate" is neither a header in row 1 of "Churn" (its headers: "Week", "Churn rate") nor a column letter from A to B',
    ],
    [
      { sheetName: 'Churn', valueColumn: 'Week', name: 'Churn', betterWhen: 'lower' },
      'kpi: valueColumn: "Week" (column A) of "Churn" holds dates; columns of numbers there: "Churn rate"',
    ],
    [
      { sheetName: 'Churn', valueColumn: 'B', name: 'Churn', betterWhen: 'lower', target: 'abc' },
      'kpi: target: "abc" is not a number',
    ],
    [
      {
        sheetName: 'Churn',
        valueColumn: 'B',
        name: 'Churn',
        betterWhen: 'lower',
        target: '5%',
        warnAt: '4%',
      },
      'kpi: warnAt: 0.04 is below target 0.05, but lower is better',
    ],
    [
      { sheetName: 'Churn', valueColumn: 'B', name: 'Churn', betterWhen: 'down' },
      'kpi: betterWhen: "down" must be "higher" or "lower"',
    ],
    [
      { sheetName: 'Churn', valueColumn: 'B', name: 'Churn', betterWhen: 'lower', dateColumn: 'B' },
      'kpi: dateColumn: "Churn rate" is the value column',
    ],
    [
      { sheetName: 'Metrics', valueColumn: 'B', name: 'MRR', betterWhen: 'higher', dateColumn: 'NPS' },
      'kpi: dateColumn: "NPS" (column C) of "Metrics" holds no dates',
    ],
    [
      { sheetName: 'Revenue', valueColumn: 'B', name: 'Revenue', betterWhen: 'higher' },
      'kpi: sheetName: there is no tab named "Revenue"',
    ],
    [{ sheetName: 'Churn', valueColumn: 'B', betterWhen: 'lower' }, 'kpi: name: is required'],
  ])('%j → %s', (input, message) => {
    const before = stateOf();
    expect(() => tag(input)).toThrow(message);
    expect(stateOf()).toBe(before);
  });

  it('refuses a name another KPI has, and okr-sheets own sheets, changing nothing', () => {
    tagSample();
    const before = stateOf();
    expect(() =>
      tag({ sheetName: 'Metrics', valueColumn: 'DAU', name: ' churn ', betterWhen: 'higher' }),
    ).toThrow(
      'kpi: name: "churn" is already the name of the KPI churn; choose another name (or edit that KPI)',
    );
    expect(() => tag({ sheetName: 'KPIs', valueColumn: 'H', name: 'Targets', betterWhen: 'higher' })).toThrow(
      'kpi: sheetName: "KPIs" is a sheet okr-sheets keeps; tag one of your own tabs',
    );
    expect(() => call(addon, 'untagKpi', 'Churn!')).toThrow(
      'untag: kpiId: "Churn!" is not a KPI ID like "churn"',
    );
    expect(() => call(addon, 'untagKpi', 'revenue')).toThrow('untag: "revenue" is not a tagged KPI');
    expect(stateOf()).toBe(before);
  });

  it('keeps a user tab that happens to be called KPIs, and names the registry around it', () => {
    addon.spreadsheet
      .insertSheet('KPIs')
      .getRange('A1:B3')
      .setValues([
        ['Month', 'Leads'],
        [new Date(Date.UTC(2027, 0, 1)), 120],
        [new Date(Date.UTC(2027, 1, 1)), 135],
      ]);
    const before = snapshot('KPIs');
    const leads = tag({ sheetName: 'KPIs', valueColumn: 'Leads', name: 'Leads', betterWhen: 'higher' });
    expect(leads).toMatchObject({ latest: 135, previous: 120, cadence: 'monthly' });
    expect(snapshot('KPIs')).toBe(before);
    expect(records(addon, 'KPIs (okr-sheets)').map((r) => r.ID)).toEqual(['leads']);
    expect(call<TabView[]>(addon, 'listTabs').map((t) => t.name)).toContain('KPIs');
  });
});

describe('untagging', () => {
  it('removes the registry row, the named range and the marks; the tab is unchanged', () => {
    tagSample();
    const before = snapshot('Metrics');
    const untagged = call<{ untagged: string; state: { kpis: Array<{ id: string }> } }>(
      addon,
      'untagKpi',
      'mrr',
    );
    expect(untagged.untagged).toBe('mrr');
    // the state it answers with, which the sidebar shows, no longer lists the KPI
    expect(untagged.state.kpis.map((k) => k.id)).toEqual(['churn', 'nps', 'resolution_time']);
    expect(registry().map((r) => r.ID)).toEqual(['churn', 'nps', 'resolution_time']);
    expect(addon.spreadsheet.getRangeByName('KPI_mrr')).toBeNull();
    expect(row('nps').Latest).toBe(31);
    expect(snapshot('Metrics')).toBe(before);
    const metrics = call<TabView[]>(addon, 'listTabs').find((t) => t.name === 'Metrics')!;
    expect(metrics.kpis.map((k) => k.id)).toEqual(['nps']);
    // tagging the column again starts afresh
    expect(tag({ sheetName: 'Metrics', valueColumn: 'MRR', name: 'MRR', betterWhen: 'higher' }).id).toBe(
      'mrr',
    );
  });
});

describe('KPI as key result', () => {
  function linkedQuarter() {
    tagSample();
    call(addon, 'setUpQuarter', { quarter: '2027-Q1' });
    const { id: o1 } = call<{ id: string }>(addon, 'saveObjective', { title: 'Customers stay' });
    const { id: kr } = call<{ id: string }>(addon, 'saveKeyResult', {
      objectiveId: o1,
      title: 'Churn from 8% to 5%',
      target: '5%',
      kpiId: 'churn',
    });
    return kr;
  }
  const kr = () => records(addon, '2027-Q1 Key Results')[0]!;

  it('follows the KPI live: Current reads its latest value, Baseline is its value at link time, Score recomputes', () => {
    const id = linkedQuarter();
    expect(id).toBe('O1.1');
    const sheet = addon.spreadsheet.getSheetByName('2027-Q1 Key Results')!;
    expect(sheet.getRange('H2').getFormula()).toBe("=OKR_KPI_LATEST(KPI_churn,'Churn'!A2:A)");
    expect(kr().Baseline).toBeCloseTo(0.0806, 12);
    expect(kr().Score).toBe(0);
    addon.editCell('Churn', `A${WEEKS + 2}`, '2027-02-08');
    addon.editCell('Churn', `B${WEEKS + 2}`, '6.53%'); // half way from 8.06% to 5%
    expect(kr().Current).toBeCloseTo(0.0653, 12);
    expect(kr().Score).toBeCloseTo(0.5, 9);
    expect(records(addon, '2027-Q1 Objectives')[0]!.Score).toBeCloseTo(0.5, 9);
    addon.editCell('Churn', `B${WEEKS + 2}`, '5%');
    expect(kr().Score).toBe(1);
  });

  it('"Create an objective to fix this" writes the objective and its KPI key result in one call, or neither', () => {
    tagSample();
    call(addon, 'setUpQuarter', { quarter: '2027-Q1' });
    const refused = addon.rpc('createObjectiveForKpi', [
      { objective: { title: 'Get churn back on track' }, keyResult: { title: 'Churn to 5%', kpiId: 'nope' } },
    ]);
    expect(refused).toEqual({ ok: false, error: expect.stringContaining('"nope" is not a tagged KPI') });
    const badTarget = addon.rpc('createObjectiveForKpi', [
      {
        objective: { title: 'Get churn back on track' },
        keyResult: { title: 'Churn to 5%', kpiId: 'churn', target: 'abc' },
      },
    ]);
    expect(badTarget).toEqual({ ok: false, error: expect.stringContaining('target: "abc" is not a number') });
    expect(records(addon, '2027-Q1 Objectives')).toEqual([]);
    const made = call(addon, 'createObjectiveForKpi', {
      objective: { title: 'Get churn back on track' },
      keyResult: { title: 'Churn from 8% to 5%', kpiId: 'churn', target: '5%' },
    });
    expect(made).toMatchObject({ objectiveId: 'O1', keyResultId: 'O1.1' });
    expect(records(addon, '2027-Q1 Objectives').map((o) => o.Objective)).toEqual(['Get churn back on track']);
    expect(kr()).toMatchObject({ ID: 'O1.1', Objective: 'O1', KPI: 'churn', Target: 0.05 });
    expect(kr().Baseline).toBeCloseTo(0.0806, 12);
  });

  it('survives renaming the KPI tab', () => {
    linkedQuarter();
    addon.spreadsheet.getSheetByName('Churn')!.setName('Churn 2027');
    addon.editCell('Churn 2027', `A${WEEKS + 2}`, '2027-02-08');
    addon.editCell('Churn 2027', `B${WEEKS + 2}`, '6.53%');
    expect(kr().Current).toBeCloseTo(0.0653, 12);
    expect(kr().Score).toBeCloseTo(0.5, 9);
    const state = call<{ objectives: Array<{ keyResults: Array<{ kpiId: string; score: number }> }> }>(
      addon,
      'getState',
    );
    expect(state.objectives[0]!.keyResults[0]).toMatchObject({ kpiId: 'churn' });
    expect(state.objectives[0]!.keyResults[0]!.score).toBeCloseTo(0.5, 9);
  });

  it('unlinking keeps the last value as a number and stops following', () => {
    linkedQuarter();
    addon.editCell('Churn', `A${WEEKS + 2}`, '2027-02-08');
    addon.editCell('Churn', `B${WEEKS + 2}`, '6.53%');
    // as the sidebar's form sends it: every field, Follows KPI set to none, Current left blank
    const baseline = kr().Baseline;
    call(addon, 'saveKeyResult', {
      id: 'O1.1',
      objectiveId: 'O1',
      title: 'Churn from 8% to 5%',
      baseline,
      target: '5%',
      current: '',
      kpiId: '',
    });
    const sheet = addon.spreadsheet.getSheetByName('2027-Q1 Key Results')!;
    expect(sheet.getRange('H2').getFormula()).toBe('');
    expect(kr().Current).toBeCloseTo(0.0653, 12);
    expect(kr().KPI).toBe('');
    addon.editCell('Churn', `B${WEEKS + 2}`, '5%');
    expect(kr().Current).toBeCloseTo(0.0653, 12);
    expect(kr().Score).toBeCloseTo(0.5, 9);
  });

  it('untag refuses while a key result of the current quarter follows the KPI, naming it', () => {
    linkedQuarter();
    const before = stateOf();
    expect(() => call(addon, 'untagKpi', 'churn')).toThrow(
      'untag: Churn is followed by key result O1.1 of 2027-Q1; unlink it first (edit the key result and choose no KPI), then untag',
    );
    expect(stateOf()).toBe(before);
  });

  it('after the quarter closes, untagging leaves the closed key result its last number', () => {
    linkedQuarter();
    addon.editCell('Churn', `A${WEEKS + 2}`, '2027-02-08');
    addon.editCell('Churn', `B${WEEKS + 2}`, '6.53%');
    call(addon, 'startNewQuarter', { quarter: '2027-Q2', carry: 'none' });
    call(addon, 'untagKpi', 'churn');
    const closed = addon.spreadsheet.getSheetByName('2027-Q1 Key Results')!;
    expect(closed.getRange('H2').getFormula()).toBe('');
    expect(closed.getRange('H2').getValue()).toBeCloseTo(0.0653, 12);
    expect(kr().Score).toBeCloseTo(0.5, 9);
  });
});

describe('the menu item', () => {
  it('"Tag this tab as KPI…" opens the sidebar on the KPIs panel with the active tab', () => {
    addon.open();
    const items = addon.ui.menus[0]!.items.map((i) => ('caption' in i ? i.caption : ''));
    expect(items).toContain('Tag this tab as KPI…');
    addon.setActive('Support');
    expect(addon.runMenu('showTagKpi')).toEqual({ ok: true });
    expect(addon.ui.sidebar?.html).toContain('<div id="app" data-panel="kpis" data-sheet="Support"');
  });
});

describe('a tab named to attack the sidebar', () => {
  it.each([
    '$& tabindex=0 autofocus onfocus=alert(1) x=',
    "$' x",
    '$` onmouseover=alert(1)',
    '" autofocus onfocus="alert(1)',
    '</div><script>alert(1)</script>',
  ])('%s reaches the page only as the text of one data-sheet attribute', (name) => {
    addon.open();
    addon.spreadsheet.getSheetByName('Support')!.setName(name);
    addon.setActive(name);
    expect(addon.runMenu('showTagKpi')).toEqual({ ok: true });
    const html = addon.ui.sidebar!.html;
    const tags = html.match(/<div id="app"[^>]*>/g) ?? [];
    expect(tags).toHaveLength(1);
    const attrs = [...tags[0]!.matchAll(/\s([\w-]+)(?:="([^"]*)")?/g)].map((m) => [m[1], m[2]]);
    expect(attrs.map(([k]) => k)).toEqual(['id', 'data-panel', 'data-sheet', 'aria-live']);
    const shown = attrs[2]![1]!
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    expect(shown).toBe(name);
    expect(html).not.toContain('<script>alert(1)');
  });
});

describe('a 50,000-row KPI tab', () => {
  let rowsRead: number[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('is tagged and listed from its first and last rows, with a bounded number of service calls', () => {
    const big = startAddon({ now: clock(MID_Q1) });
    const rows: unknown[][] = [['Day', 'Events']];
    for (let i = 0; i < 50_000; i++)
      rows.push([new Date(Date.UTC(1990, 0, 1) + i * 86_400_000), 1000 + (i % 97)]);
    big.replaceWorkbook([{ name: 'Events', rows }]);
    const real = EmuRange.prototype.getValues;
    rowsRead = [];
    vi.spyOn(EmuRange.prototype, 'getValues').mockImplementation(function (this: EmuRange) {
      const v = real.call(this);
      if (this.getSheet().getName() === 'Events') rowsRead.push(v.length);
      return v;
    });
    big.counter.reset();
    const k = tag(
      { sheetName: 'Events', valueColumn: 'Events', name: 'Events', betterWhen: 'higher', target: 1000 },
      big,
    );
    const tagCalls = big.counter.total();
    expect(k).toMatchObject({
      cadence: 'daily',
      latest: 1000 + (49_999 % 97),
      previous: 1000 + (49_998 % 97),
      status: 'green',
    });
    expect(Math.max(...rowsRead)).toBeLessThanOrEqual(60);
    // the tag answers with the state, which reads the tab's sample as getState does: the tag itself reads 110
    const tagRows = rowsRead.reduce((a, b) => a + b, 0);
    rowsRead = [];
    big.counter.reset();
    call(big, 'getState');
    const stateCalls = big.counter.total();
    expect(tagRows - rowsRead.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(110);
    expect(tagCalls - stateCalls).toBeLessThan(200);
    expect(records(big, 'KPIs')[0]).toMatchObject({
      Latest: 1000 + (49_999 % 97),
      Previous: 1000 + (49_998 % 97),
    });
    // quarterly: a quarter back lies in rows the tag did not read, so its answer leaves Previous to the sheet,
    // which computes it over all 50,000 rows
    const q = tag(
      { sheetName: 'Events', valueColumn: 'B', name: 'Events', betterWhen: 'higher', cadence: 'quarterly' },
      big,
    );
    expect(q.previous).toBe('');
    const days = rows.slice(1).map((r) => r[0] as Date);
    const quarterBack = seriesPrevious(
      readSeries({ values: rows.slice(1).map((r) => r[1] as number), dates: days.map((d) => [d]) }),
      'quarterly',
    );
    expect(quarterBack).toBe(1000 + ((49_999 - 92) % 97)); // 23 Nov 2126 back to 23 Aug: 92 days
    expect(records(big, 'KPIs')[0]).toMatchObject({ Previous: quarterBack, Cadence: 'quarterly' });
    rowsRead = [];
    big.counter.reset();
    const tabs = call<TabView[]>(big, 'listTabs');
    expect(tabs[0]).toMatchObject({ rows: 50_000, cadence: 'daily', kpis: [{ id: 'events' }] });
    expect(Math.max(...rowsRead)).toBeLessThanOrEqual(60);
    expect(big.counter.total()).toBeLessThan(60);
  }, 60_000);
});
