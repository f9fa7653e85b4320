// Embedded charts in the emulator, as the add-on will use them: the builder's round trip (insert, read back,
// modify, update, remove), options by dotted path, ranges on other sheets that follow inserted and deleted rows
// and columns, charts in the saved state and in Sheet.copyTo, what is not emulated, and the data the page draws
// read from the ranges as they are now.
import { describe, expect, it } from 'vitest';
import { newAddon, run, thrown } from '../helpers/addon';

// biome-ignore lint/suspicious/noExplicitAny: the services as add-on code sees them (untyped JavaScript)
type Js = any;

function setup() {
  const addon = newAddon();
  const ss: Js = run(addon, 'SpreadsheetApp.getActiveSpreadsheet()');
  const Charts: Js = run(addon, 'Charts');
  const data: Js = ss.insertSheet('Data');
  data.getRange('A1:C5').setValues([
    ['Objective', 'Score', 'Pace'],
    ['O1', 0.62, 0.45],
    ['O2', 0.35, 0.45],
    ['O3', 0.81, 0.45],
    ['O4', 0.5, 0.45],
  ]);
  const overview: Js = ss.insertSheet('Overview');
  return { addon, ss, Charts, data, overview };
}

function columnChart(t: ReturnType<typeof setup>): Js {
  return t.overview
    .newChart()
    .setChartType(t.Charts.ChartType.COLUMN)
    .addRange(t.data.getRange('A1:B5'))
    .setNumHeaders(1)
    .setOption('title', 'Objective scores')
    .setPosition(2, 3, 10, 20)
    .build();
}

describe('the chart builder', () => {
  it('builds, inserts and reads back a chart: type, ranges, headers, options, position', () => {
    const t = setup();
    const built = columnChart(t);
    expect(built.getChartId()).toBeNull(); // built, not in the spreadsheet yet
    t.overview.insertChart(built);
    const [chart] = t.overview.getCharts();
    expect(typeof chart.getChartId()).toBe('number');
    expect(chart.getRanges().map((r: Js) => `${r.getSheet().getName()}!${r.getA1Notation()}`)).toEqual([
      'Data!A1:B5',
    ]);
    expect(chart.getNumHeaders()).toBe(1);
    expect(chart.getMergeStrategy()).toBe(t.Charts.ChartMergeStrategy.MERGE_COLUMNS);
    expect(chart.getTransposeRowsAndColumns()).toBe(false);
    expect(chart.getOptions().get('title')).toBe('Objective scores');
    const c = chart.getContainerInfo();
    expect([c.getAnchorRow(), c.getAnchorColumn(), c.getOffsetX(), c.getOffsetY()]).toEqual([2, 3, 10, 20]);
    expect(chart.modify().getChartType()).toBe(t.Charts.ChartType.COLUMN);
    expect(t.data.getCharts()).toEqual([]); // the chart lives on the sheet it was inserted into
  });

  it('modify, build and updateChart change the chart in place; removeChart removes it', () => {
    const t = setup();
    t.overview.insertChart(columnChart(t));
    const [before] = t.overview.getCharts();
    const id = before.getChartId();
    const changed = before
      .modify()
      .asBarChart()
      .setTitle('Scores')
      .addRange(t.data.getRange('C1:C5'))
      .setMergeStrategy(t.Charts.ChartMergeStrategy.MERGE_ROWS)
      .setTransposeRowsAndColumns(true)
      .setPosition(5, 1, 0, 0)
      .build();
    // nothing changes until updateChart
    expect(t.overview.getCharts()[0].getOptions().get('title')).toBe('Objective scores');
    t.overview.updateChart(changed);
    const [after] = t.overview.getCharts();
    expect(after.getChartId()).toBe(id);
    expect(after.modify().getChartType()).toBe(t.Charts.ChartType.BAR);
    expect(after.getOptions().get('title')).toBe('Scores');
    expect(after.getRanges().map((r: Js) => r.getA1Notation())).toEqual(['A1:B5', 'C1:C5']);
    expect(after.getMergeStrategy()).toBe(t.Charts.ChartMergeStrategy.MERGE_ROWS);
    expect(after.getTransposeRowsAndColumns()).toBe(true);
    expect(after.getContainerInfo().getAnchorRow()).toBe(5);
    expect(t.overview.getCharts()).toHaveLength(1);
    t.overview.removeChart(after);
    expect(t.overview.getCharts()).toEqual([]);
  });

  it('gives every chart its own ID, kept across updates and never reused', () => {
    const t = setup();
    t.overview.insertChart(columnChart(t));
    t.overview.insertChart(columnChart(t));
    const ids = t.overview.getCharts().map((c: Js) => c.getChartId());
    expect(new Set(ids).size).toBe(2);
    t.overview.removeChart(t.overview.getCharts()[1]);
    t.overview.insertChart(columnChart(t));
    expect(t.overview.getCharts()[1].getChartId()).not.toBe(ids[1]);
  });

  it('adds a range once, removes one it has (and ignores one it has not), clears them', () => {
    const t = setup();
    const b = t.overview.newChart().addRange(t.data.getRange('A1:A5'));
    b.addRange(t.data.getRange('A1:A5')).addRange(t.data.getRange('B1:B5'));
    expect(b.getRanges().map((r: Js) => r.getA1Notation())).toEqual(['A1:A5', 'B1:B5']);
    b.removeRange(t.data.getRange('A1:A5')).removeRange(t.data.getRange('D1:D5'));
    expect(b.getRanges().map((r: Js) => r.getA1Notation())).toEqual(['B1:B5']);
    expect(b.clearRanges().getRanges()).toEqual([]);
  });

  it('keeps Gviz options as a tree: dotted paths set and read nested options, values are copies', () => {
    const t = setup();
    const series = { 1: { type: 'line', color: '#ea4335', lineDashStyle: [6, 4] } };
    const built = t.overview
      .newChart()
      .asComboChart()
      .addRange(t.data.getRange('A1:C5'))
      .setOption('seriesType', 'bars')
      .setOption('series', series)
      .setOption('vAxis', { title: 'Score', viewWindow: { min: 0 } })
      .setOption('vAxis.viewWindow.max', 1)
      .setOption('legend', { position: 'bottom' })
      .setOption('width', 520)
      .setPosition(1, 1, 0, 0)
      .build();
    series[1].color = 'black'; // the caller's later change does not reach the chart
    t.overview.insertChart(built);
    const o = t.overview.getCharts()[0].getOptions();
    expect(o.get('series.1.type')).toBe('line');
    expect(o.get('series')).toEqual({ 1: { type: 'line', color: '#ea4335', lineDashStyle: [6, 4] } });
    expect(o.get('vAxis.title')).toBe('Score');
    expect(o.get('vAxis.viewWindow')).toEqual({ min: 0, max: 1 });
    expect(o.get('legend.position')).toBe('bottom');
    expect(o.get('width')).toBe(520);
    expect(o.get('hAxis.title')).toBeNull();
    o.get('vAxis').title = 'changed';
    expect(t.overview.getCharts()[0].getOptions().get('vAxis.title')).toBe('Score');
  });

  it('records the typed builders’ setters as the options they stand for', () => {
    const t = setup();
    const b = t.overview
      .newChart()
      .asBarChart()
      .setTitle('Objective scores')
      .setXAxisTitle('Score')
      .setYAxisTitle('Objective')
      .setLegendPosition(t.Charts.Position.BOTTOM)
      .setColors(['#4285f4'])
      .setStacked()
      .setRange(0, 1);
    const o = b.setPosition(1, 1, 0, 0).build().getOptions();
    expect(o.get('title')).toBe('Objective scores');
    expect([o.get('hAxis.title'), o.get('vAxis.title')]).toEqual(['Score', 'Objective']);
    expect(o.get('legend.position')).toBe('bottom');
    expect(o.get('colors')).toEqual(['#4285f4']);
    expect(o.get('isStacked')).toBe(true);
    // a bar chart's value axis is horizontal
    expect([o.get('hAxis.minValue'), o.get('hAxis.maxValue')]).toEqual([0, 1]);
    const column = t.overview.newChart().asColumnChart().setRange(0, 10).setPosition(1, 1, 0, 0).build();
    expect(column.getOptions().get('vAxis.maxValue')).toBe(10);
  });

  it('returns the base builder from the base methods, as Apps Script declares: typed setters come first', () => {
    const t = setup();
    const base = t.overview.newChart().asLineChart().addRange(t.data.getRange('A1:B5'));
    expect(String(base)).toBe('EmbeddedChartBuilder');
    expect(base.setTitle).toBeUndefined();
    expect(String(t.overview.newChart().asLineChart().setTitle('x'))).toBe('EmbeddedLineChartBuilder');
  });

  it('refuses what Apps Script refuses: no chart, an anchor before A1, a chart the sheet does not have', () => {
    const t = setup();
    expect(thrown(() => t.overview.insertChart(t.data.getRange('A1')))).toBe('Invalid argument: chart');
    expect(thrown(() => t.overview.newChart().setPosition(0, 1, 0, 0))).toBe(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(thrown(() => t.overview.updateChart(columnChart(t)))).toMatch(
      /the chart is not on sheet "Overview"/,
    );
    t.overview.insertChart(columnChart(t));
    expect(thrown(() => t.data.removeChart(t.overview.getCharts()[0]))).toMatch(/not on sheet "Data"/);
  });
});

describe('what is not emulated says so', () => {
  it('chart types, builders, blobs, strategies and Charts’ own charts', () => {
    const t = setup();
    const b = t.overview.newChart();
    expect(thrown(() => b.asHistogramChart())).toBe('not emulated: EmbeddedChartBuilder.asHistogramChart');
    expect(thrown(() => b.asTableChart())).toBe('not emulated: EmbeddedChartBuilder.asTableChart');
    expect(thrown(() => b.setChartType(t.Charts.ChartType.GEO))).toBe(
      'not emulated: EmbeddedChartBuilder.setChartType(Charts.ChartType.GEO)',
    );
    expect(thrown(() => b.setHiddenDimensionStrategy(null))).toBe(
      'not emulated: EmbeddedChartBuilder.setHiddenDimensionStrategy',
    );
    expect(thrown(() => b.asLineChart().setCurveStyle(null))).toBe(
      'not emulated: EmbeddedLineChartBuilder.setCurveStyle',
    );
    expect(thrown(() => t.overview.newChart().setPosition(1, 1, 0, 0).build())).toBe(
      'not emulated: EmbeddedChartBuilder.build of a chart without a chart type',
    );
    expect(thrown(() => b.build())).toBe(
      'not emulated: EmbeddedChartBuilder.build of a chart without setPosition',
    );
    const chart = columnChart(t);
    expect(thrown(() => chart.getBlob())).toBe('not emulated: EmbeddedChart.getBlob');
    expect(thrown(() => t.Charts.newDataTable())).toBe('not emulated: Charts.newDataTable');
    expect(thrown(() => t.Charts.CurveStyle)).toBe('not emulated: Charts.CurveStyle');
    const noHeaders = t.overview.newChart().asPieChart().setPosition(1, 1, 0, 0).build();
    expect(thrown(() => noHeaders.getNumHeaders())).toMatch(/^not emulated: EmbeddedChart.getNumHeaders/);
  });
});

describe('ranges and anchors follow the grid', () => {
  it('a range on another sheet follows rows and columns inserted and deleted there', () => {
    const t = setup();
    t.overview.insertChart(columnChart(t));
    const a1 = () => t.overview.getCharts()[0].getRanges()[0].getA1Notation();
    t.data.insertRowsBefore(1, 2);
    expect(a1()).toBe('A3:B7');
    t.data.insertRowsAfter(4, 1); // inside the range: it grows
    expect(a1()).toBe('A3:B8');
    t.data.insertColumnsBefore(1, 1);
    expect(a1()).toBe('B3:C8');
    t.data.deleteRows(1, 2);
    expect(a1()).toBe('B1:C6');
    t.data.deleteColumns(2, 2); // every cell of the range: it is gone from the chart
    expect(t.overview.getCharts()[0].getRanges()).toEqual([]);
  });

  it('a user’s Insert › Rows moves the data and the chart floating below it', () => {
    const t = setup();
    t.overview.getRange('A1:B3').setValues([
      ['Week', 'Churn'],
      ['W1', 0.08],
      ['W2', 0.07],
    ]);
    const chart = t.overview
      .newChart()
      .asLineChart()
      .addRange(t.overview.getRange('A1:B3'))
      .setPosition(5, 1, 0, 0)
      .build();
    t.overview.insertChart(chart);
    expect(t.addon.insertRows('Overview', 2, 3)).toEqual({ ok: true });
    const [moved] = t.overview.getCharts();
    expect(moved.getRanges()[0].getA1Notation()).toBe('A1:B6');
    expect(moved.getContainerInfo().getAnchorRow()).toBe(8);
    expect(t.addon.deleteRows('Overview', 7, 3)).toEqual({ ok: true }); // its anchor row goes: the next row takes it
    expect(t.overview.getCharts()[0].getContainerInfo().getAnchorRow()).toBe(7);
  });

  it('a sheet rename changes the range’s sheet name; a deleted sheet’s range is gone', () => {
    const t = setup();
    t.overview.insertChart(columnChart(t));
    t.data.setName('2027-Q1 Data');
    const r = t.overview.getCharts()[0].getRanges()[0];
    expect(r.getSheet().getName()).toBe('2027-Q1 Data');
    t.ss.deleteSheet(t.data);
    expect(t.overview.getCharts()[0].getRanges()).toEqual([]);
  });
});

describe('charts are part of the workbook', () => {
  it('are saved in the state and loaded back, IDs included; a later chart gets a new ID', () => {
    const t = setup();
    t.overview.insertChart(columnChart(t));
    const state = JSON.parse(JSON.stringify(t.addon.toState()));
    const saved = state.sheets.find((s: Js) => s.name === 'Overview').charts;
    expect(saved).toEqual([
      {
        id: t.overview.getCharts()[0].getChartId(),
        type: 'COLUMN',
        ranges: ['Data!A1:B5'],
        numHeaders: 1,
        options: { title: 'Objective scores' },
        position: { row: 2, column: 3, offsetX: 10, offsetY: 20 },
      },
    ]);
    const again = newAddon({ state });
    const sheet: Js = run(again, "SpreadsheetApp.getActive().getSheetByName('Overview')");
    const [chart] = sheet.getCharts();
    expect(chart.getChartId()).toBe(saved[0].id);
    expect(chart.getOptions().get('title')).toBe('Objective scores');
    expect(chart.getRanges()[0].getSheet().getName()).toBe('Data');
    const charts: Js = run(again, 'Charts');
    sheet.insertChart(sheet.newChart().setChartType(charts.ChartType.PIE).setPosition(1, 1, 0, 0).build());
    expect(sheet.getCharts()[1].getChartId()).not.toBe(saved[0].id);
    expect(again.toState()).toEqual(expect.objectContaining({ nextChartId: expect.any(Number) }));
  });

  it('a state with a chart type the emulator does not draw is refused, saying which', () => {
    const t = setup();
    t.overview.insertChart(columnChart(t));
    const state = JSON.parse(JSON.stringify(t.addon.toState()));
    state.sheets.find((s: Js) => s.name === 'Overview').charts[0].type = 'GEO';
    expect(() => newAddon({ state })).toThrow(/type GEO is not emulated/);
  });

  it('Sheet.copyTo copies the charts with new IDs; a range on the copied sheet reads the copy', () => {
    const t = setup();
    t.overview.getRange('A1:B3').setValues([
      ['Week', 'Churn'],
      ['W1', 0.08],
      ['W2', 0.07],
    ]);
    t.overview.insertChart(columnChart(t));
    t.overview.insertChart(
      t.overview
        .newChart()
        .asLineChart()
        .addRange(t.overview.getRange('A1:B3'))
        .setPosition(9, 1, 0, 0)
        .build(),
    );
    const copy = t.overview.copyTo(t.ss);
    const [a, b] = copy.getCharts();
    const originals = t.overview.getCharts().map((c: Js) => c.getChartId());
    expect(originals).not.toContain(a.getChartId());
    expect(originals).not.toContain(b.getChartId());
    expect(a.getRanges()[0].getSheet().getName()).toBe('Data');
    expect(b.getRanges()[0].getSheet().getName()).toBe('Copy of Overview');
    expect(b.getContainerInfo().getAnchorRow()).toBe(9);
    expect(t.overview.getCharts()).toHaveLength(2);
  });

  it('inserting, updating and removing a chart are changes of the document (fault injection counts them)', () => {
    const t = setup();
    t.addon.faults.clear();
    t.overview.insertChart(columnChart(t));
    const [chart] = t.overview.getCharts();
    t.overview.updateChart(chart.modify().setOption('title', 'x').build());
    t.overview.removeChart(t.overview.getCharts()[0]);
    expect(t.addon.faults.changes()).toBe(3);
    t.addon.faults.failOnChange(1);
    expect(thrown(() => t.overview.insertChart(columnChart(t)))).toMatch(/injected failure at change 1/);
    expect(t.overview.getCharts()).toEqual([]);
  });
});

describe('what the page draws', () => {
  it('reads the ranges as they are now: a formula over another sheet follows its source', () => {
    const t = setup();
    t.overview.getRange('A1:B3').setFormulas([
      ['=Data!A1', '=Data!B1'],
      ['=Data!A2', '=Data!B2'],
      ['=Data!A3', '=Data!B3'],
    ]);
    t.overview.getRange('B2:B3').setNumberFormat('0%');
    t.overview.insertChart(
      t.overview
        .newChart()
        .asBarChart()
        .setTitle('Scores')
        .addRange(t.overview.getRange('A1:B3'))
        .setNumHeaders(1)
        .setPosition(5, 1, 0, 0)
        .build(),
    );
    const table = () => t.addon.view('Overview').sheet.charts[0]!.table;
    expect(table().domain.labels).toEqual(['O1', 'O2']);
    expect(table().series).toEqual([
      { label: 'Score', values: [0.62, 0.35], texts: ['62%', '35%'], format: '0%' },
    ]);
    expect(t.addon.editCell('Data', 'B2', '90%')).toEqual({ ok: true });
    expect(table().series[0]!.values).toEqual([0.9, 0.35]);
    const view = t.addon.view('Overview').sheet.charts[0]!;
    expect([view.type, view.width, view.height, view.locale, view.options.title]).toEqual([
      'BAR',
      600,
      371,
      'en_US',
      'Scores',
    ]);
  });
});
