// An overview sheet as the add-on will build one, made by add-on code in the emulator: objective scores as bars,
// key results' progress as columns against a dashed pace line (a combo chart), and a strategy canvas (one line
// per competitor over the competitive factors). Its scores read the quarter's data through formulas. And a
// gallery of the other kinds: stacked columns, an area, a scatter and a pie chart.
import { type Addon, run } from './addon';

export const OVERVIEW = 'Overview';

/** Builds the Overview sheet and its three charts; returns their IDs (bars, combo, lines). */
export function buildOverview(addon: Addon): number[] {
  const ids = run(
    addon,
    `(function () {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      var data = ss.insertSheet('Scores data');
      data.getRange('A1:B5').setValues([
        ['Objective', 'Score'],
        ['Build a product customers love', 0.62],
        ['Make support effortless', 0.35],
        ['Grow revenue in new markets', 0.81],
        ['Hire and keep great people', 0.5],
      ]);
      var sh = ss.insertSheet('${OVERVIEW}');
      sh.getRange('A1:B1').setValues([['Objective', 'Score']]);
      sh.getRange('A2:B5').setFormulas([
        ["='Scores data'!A2", "='Scores data'!B2"],
        ["='Scores data'!A3", "='Scores data'!B3"],
        ["='Scores data'!A4", "='Scores data'!B4"],
        ["='Scores data'!A5", "='Scores data'!B5"],
      ]);
      sh.getRange('B2:B5').setNumberFormat('0%');
      sh.getRange('A8:C13').setValues([
        ['Key result', 'Progress', 'Pace'],
        ['O1.1 Churn 8% → 5%', 0.72, 0.45],
        ['O1.2 NPS 35 → 50', 0.4, 0.45],
        ['O1.3 Onboarding 90%', 0.6, 0.45],
        ['O2.1 Tickets in 8 h', 0.25, 0.45],
        ['O2.2 Help center', 0, 0.45],
      ]);
      sh.getRange('B9:C13').setNumberFormat('0%');
      sh.getRange('A16:D22').setValues([
        ['Factor', 'Us', 'Acme', 'Globex'],
        ['Price', 6, 8, 4],
        ['Onboarding', 9, 5, 6],
        ['Support', 8, 6, 7],
        ['Integrations', 5, 9, 6],
        ['Reporting', 7, 4, 8],
        ['Mobile app', 4, 7, 5],
      ]);
      var bars = sh.newChart().asBarChart()
        .setTitle('Objective scores')
        .setLegendPosition(Charts.Position.NONE)
        .addRange(sh.getRange('A1:B5'))
        .setNumHeaders(1)
        .setOption('hAxis', { viewWindow: { min: 0, max: 1 }, format: 'percent' })
        .setOption('colors', ['#4285f4'])
        .setPosition(1, 5, 0, 0)
        .setOption('width', 520)
        .setOption('height', 300)
        .build();
      sh.insertChart(bars);
      var combo = sh.newChart().asComboChart()
        .setTitle('Key results against pace')
        .addRange(sh.getRange('A8:C13'))
        .setNumHeaders(1)
        .setOption('seriesType', 'bars')
        .setOption('series', { 1: { type: 'line', color: '#ea4335', lineDashStyle: [6, 4], lineWidth: 2 } })
        .setOption('vAxis', { viewWindow: { min: 0, max: 1 } })
        .setOption('legend', { position: 'bottom' })
        .setOption('width', 520)
        .setOption('height', 300)
        .setPosition(16, 5, 0, 0)
        .build();
      sh.insertChart(combo);
      var lines = sh.newChart().asLineChart()
        .setTitle('Strategy canvas')
        .setXAxisTitle('Competitive factor')
        .setYAxisTitle('Offering level')
        .addRange(sh.getRange('A16:D22'))
        .setNumHeaders(1)
        .setOption('pointSize', 6)
        .setOption('vAxis', { title: 'Offering level', viewWindow: { min: 0, max: 10 } })
        .setOption('width', 560)
        .setOption('height', 320)
        .setPosition(31, 5, 0, 0)
        .build();
      sh.insertChart(lines);
      sh.activate();
      return sh.getCharts().map(function (c) { return c.getChartId(); });
    })()`,
  ) as number[];
  return [...ids];
}

export const GALLERY = 'Chart gallery';

/** A sheet with a stacked column chart, an area chart, a scatter chart and a doughnut; returns their IDs. */
export function buildGallery(addon: Addon): number[] {
  const ids = run(
    addon,
    `(function () {
      var sh = SpreadsheetApp.getActiveSpreadsheet().insertSheet('${GALLERY}');
      sh.getRange('A1:C5').setValues([
        ['Quarter', 'New', 'Expansion'],
        ['2026-Q2', 42000, 18000],
        ['2026-Q3', 51000, 21000],
        ['2026-Q4', 48000, 30000],
        ['2027-Q1', 60000, 34000],
      ]);
      sh.getRange('B2:C5').setNumberFormat('$#,##0');
      sh.getRange('A8:B14').setValues([
        ['Week', 'Churn'],
        ['W1', 0.081], ['W2', 0.078], ['W3', 0.074], ['W4', 0.069], ['W5', 0.066], ['W6', 0.061],
      ]);
      sh.getRange('B9:B14').setNumberFormat('0.0%');
      sh.getRange('A17:B23').setValues([
        ['Confidence', 'Score'],
        [3, 0.2], [5, 0.45], [6, 0.5], [7, 0.72], [8, 0.8], [9, 0.95],
      ]);
      sh.getRange('A26:B30').setValues([
        ['Status', 'Key results'],
        ['On track', 7], ['At risk', 3], ['Off track', 2], ['Done', 4],
      ]);
      function insert(b) { sh.insertChart(b.setOption('width', 460).setOption('height', 280).build()); }
      insert(sh.newChart().asColumnChart().setTitle('Revenue by quarter').setStacked()
        .addRange(sh.getRange('A1:C5')).setNumHeaders(1).setOption('legend', { position: 'top' }).setPosition(1, 5, 0, 0));
      insert(sh.newChart().asAreaChart().setTitle('Churn (weekly)').addRange(sh.getRange('A8:B14')).setNumHeaders(1)
        .setOption('legend', 'none').setPosition(1, 10, 10, 0));
      insert(sh.newChart().asScatterChart().setTitle('Confidence against score').setXAxisTitle('Confidence')
        .addRange(sh.getRange('A17:B23')).setNumHeaders(1).setOption('legend', 'none').setPosition(16, 5, 0, 0));
      insert(sh.newChart().asPieChart().setTitle('Key results by status').addRange(sh.getRange('A26:B30'))
        .setNumHeaders(1).setOption('pieHole', 0.4)
        .setOption('slices', { 0: { color: '#34a853' }, 1: { color: '#fbbc04' }, 2: { color: '#ea4335' }, 3: { color: '#4285f4' } })
        .setPosition(16, 10, 10, 0));
      sh.activate();
      return sh.getCharts().map(function (c) { return c.getChartId(); });
    })()`,
  ) as number[];
  return [...ids];
}
