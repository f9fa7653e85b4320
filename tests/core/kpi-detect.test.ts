// What a KPI tab holds, decided without a spreadsheet: detection from a sample, guesses, column references.
import { describe, expect, it } from 'vitest';
import {
  type Detection,
  detectTable,
  latestEntry,
  requireDateColumn,
  requireValueColumn,
  resolveColumn,
  type TabSample,
} from '../../src/core/kpi-detect';
import { tableShape } from '../../src/core/kpi-table';
import { directionOf } from '../../src/core/kpi-words';
import type { Cell } from '../../src/core/values';

const DAY = 86_400_000;
const weekly = (n: number, from = '2026-01-05') =>
  Array.from({ length: n }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 7 * DAY));

/** A sample as the server reads it: the first 60 rows and the last 50 of `rows` (header included). */
function sampleOf(name: string, rows: Cell[][], formats?: string[][]): TabSample {
  const head = rows.slice(0, 60);
  const tailStart = Math.max(head.length + 1, rows.length - 49);
  const width = Math.max(...rows.map((r) => r.length));
  return {
    name,
    head,
    ...(formats ? { headFormats: formats.slice(0, 60) } : {}),
    tail: rows.slice(tailStart - 1),
    tailStart,
    lastRow: rows.length,
    lastColumn: width,
  };
}

const metrics: Cell[][] = [
  ['Week', 'MRR', 'Churn', 'NPS', 'Notes'],
  ...weekly(52).map((d, i) => [d, 40_000 + i * 500, 0.06 + i * 0.0005, 30 + (i % 7), i % 10 ? '' : 'launch']),
];

describe('detectTable', () => {
  it('finds the header, the date column, the numeric columns and proposes name, unit, direction and cadence', () => {
    const d = detectTable(sampleOf('Metrics', metrics));
    expect(d.headerRow).toBe(1);
    expect(d.dataRows).toBe(52);
    expect(d.dateColumn).toBe(0);
    expect(d.cadence).toBe('weekly');
    expect(d.valueColumns).toEqual([1, 2, 3]);
    expect(d.columns.map((c) => [c.letter, c.header, c.kind, c.name, c.unit, c.betterWhen])).toEqual([
      ['A', 'Week', 'date', undefined, undefined, undefined],
      ['B', 'MRR', 'number', 'MRR', 'currency', 'higher'],
      ['C', 'Churn', 'number', 'Churn', '%', 'lower'],
      ['D', 'NPS', 'number', 'NPS', 'count', 'higher'],
      ['E', 'Notes', 'text', undefined, undefined, undefined],
    ]);
    expect(d.newestFirst).toBeUndefined();
  });

  it.each([
    // [tab, header, values, formats?, unit, betterWhen]
    ['Churn', 'Churn rate', [0.08, 0.075, 0.071], undefined, '%', 'lower'],
    ['Support', 'Resolution time (h)', [72, 60.5, 48], undefined, 'duration', 'lower'],
    ['Support', 'Hours to resolve', [72, 60, 48], undefined, 'duration', 'lower'],
    ['Energy', 'Load [MWh]', [72, 60.5, 48], undefined, 'number', undefined],
    ['Growth', 'DAU', [10_200, 11_050, 12_000], undefined, 'count', 'higher'],
    ['Finance', 'Cost per lead', [41.5, 39.9, 38], undefined, 'currency', 'lower'],
    ['Finance', 'Margin', [0.41, 0.43, 0.45], undefined, '%', 'higher'],
    ['Sales', 'Win rate', [23.5, 25, 24.1], undefined, 'number', 'higher'],
    ['Sales', 'Deals won', [23, 25, 24], undefined, 'count', 'higher'],
    ['Sales', 'Pipeline', [1.5, 1.7, 2.1], ['$#,##0.00', '$#,##0.00', '$#,##0.00'], 'currency', 'higher'],
    ['Quality', 'Bugs', [12, 9, 14], undefined, 'count', 'lower'],
    ['Ops', 'Uptime', [0.999, 0.998, 0.9995], ['0.00%', '0.00%', '0.00%'], '%', 'higher'],
    ['Ops', 'Availability', ['99.9%', '99.8%', '99.95%'], undefined, '%', 'higher'],
    ['Churn', 'Value', [0.08, 0.075, 0.071], undefined, '%', 'lower'],
    ['Support', 'Response rate', [0.8, 0.82, 0.85], undefined, '%', 'higher'],
    ['Support', 'First response time', [3.5, 2, 4], undefined, 'number', 'lower'],
    ['Finance', 'Umsatz in €', ['1.234,50', '980,00', '1.100,25'], undefined, 'currency', 'higher'],
    ['Ops', 'Widgets', [3, 4, 5], undefined, 'count', undefined],
  ] as const)(
    '%s › %s: %j (formats %j) read as %s, better %s',
    (tab, header, values, formats, unit, better) => {
      const rows: Cell[][] = [['Date', header], ...values.map((v, i) => [weekly(3)[i]!, v])];
      const fmts = formats ? [['', ''], ...formats.map((f) => ['yyyy-mm-dd', f])] : undefined;
      const c = detectTable(sampleOf(tab, rows, fmts)).columns[1]!;
      expect([c.kind, c.unit, c.betterWhen]).toEqual(['number', unit, better]);
    },
  );

  it('names a column by its tab when its header says nothing', () => {
    const d = detectTable(
      sampleOf('Churn', [
        ['Week', 'Value'],
        [weekly(1)[0]!, 0.08],
      ]),
    );
    expect(d.columns[1]!.name).toBe('Churn');
    const two = detectTable(
      sampleOf('Ops', [
        ['', '', ''],
        [weekly(1)[0]!, 1, 2],
      ]),
    );
    expect(two.headerRow).toBe(0);
    expect(two.columns.slice(1).map((c) => c.name)).toEqual(['Ops B', 'Ops C']);
  });

  it('reads a week-number column as the period of the rows, never as a KPI', () => {
    const rows: Cell[][] = [['Week', 'Signups'], ...Array.from({ length: 10 }, (_, i) => [i + 1, 100 + i])];
    const d = detectTable(sampleOf('Signups', rows));
    expect(d.columns[0]!.period).toBe(true);
    expect(d.valueColumns).toEqual([1]);
    expect(d.dateColumn).toBe(0);
    expect(d.cadence).toBe('weekly');
    expect(latestEntry(d, sampleOf('Signups', rows), 1)?.value).toBe(109);
  });

  it('finds the header below a title row and a blank row', () => {
    const rows: Cell[][] = [
      ['Weekly metrics, exported from Stripe'],
      [],
      ['Week', 'MRR'],
      ...weekly(5).map((d, i) => [d, 1000 + i]),
    ];
    const d = detectTable(sampleOf('Stripe', rows));
    expect(d.headerRow).toBe(3);
    expect(d.dataRows).toBe(5);
    expect(d.columns.map((c) => c.header)).toEqual(['Week', 'MRR']);
  });

  it('reads a tab without a header as data from row 1, naming columns by letter', () => {
    const rows: Cell[][] = weekly(5).map((d, i) => [d, 0.05 + i / 100]);
    const d = detectTable(sampleOf('Raw', rows));
    expect(d.headerRow).toBe(0);
    expect(d.columns.map((c) => c.label)).toEqual(['column A', 'column B']);
    expect(d.valueColumns).toEqual([1]);
  });

  it('tolerates a few notes among the numbers, not a column of text', () => {
    const rows: Cell[][] = [
      ['Day', 'Orders'],
      ...Array.from({ length: 20 }, (_, i) => [new Date(Date.UTC(2027, 0, 1 + i)), i === 3 ? 'n/a' : 50 + i]),
    ];
    const d = detectTable(sampleOf('Orders', rows));
    expect(d.columns[1]!.kind).toBe('number');
    expect(d.cadence).toBe('daily');
    const texty: Cell[][] = [
      ['Day', 'Status'],
      ...Array.from({ length: 10 }, (_, i) => [new Date(Date.UTC(2027, 0, 1 + i)), i % 2 ? 'ok' : 3]),
    ];
    expect(detectTable(sampleOf('Status', texty)).columns[1]!.kind).toBe('text');
  });

  it('notices dates running newest first', () => {
    const rows: Cell[][] = [
      ['Week', 'NPS'],
      ...weekly(8)
        .reverse()
        .map((d, i) => [d, 40 - i]),
    ];
    expect(detectTable(sampleOf('NPS', rows)).newestFirst).toBe(true);
  });

  it('reads a 50,000-row tab from its sample only: cadence from the first and last rows', () => {
    const rows: Cell[][] = [['Day', 'Events']];
    for (let i = 0; i < 50_000; i++) rows.push([new Date(Date.UTC(1990, 0, 1) + i * DAY), i % 1000]);
    const sample = sampleOf('Events', rows);
    expect(sample.head.length + sample.tail.length).toBe(110);
    const d = detectTable(sample);
    expect(d.dataRows).toBe(50_000);
    expect(d.cadence).toBe('daily');
    expect(d.valueColumns).toEqual([1]);
  });

  it('an empty tab and a tab of text have no value columns', () => {
    expect(detectTable(sampleOf('Empty', [[]])).valueColumns).toEqual([]);
    expect(
      detectTable({ name: 'Blank', head: [], tail: [], tailStart: 1, lastRow: 0, lastColumn: 0 }),
    ).toMatchObject({
      headerRow: 0,
      valueColumns: [],
      dataRows: 0,
    });
    expect(
      detectTable(
        sampleOf('Notes', [
          ['Who', 'What'],
          ['Ana', 'call Bo'],
        ]),
      ).valueColumns,
    ).toEqual([]);
  });
});

describe('tableShape', () => {
  it.each([
    [
      [
        ['A', 'B'],
        [1, 2],
      ],
      [1],
      2,
    ],
    [
      [
        [1, 2],
        [3, 4],
      ],
      [],
      1,
    ],
    [[['Title'], ['', ''], ['Week', 'X'], [new Date(0), 1]], [3], 4],
    [[['# Export'], ['# Range: 2024'], [], ['Day', 'Users'], ['20240101', '5'], ['20240102', '7']], [4], 5],
    [[['Only text'], ['more text']], [1], 2],
  ] as const)('%j: header rows %j, entries from row %s', (head, rows, first) => {
    const shape = tableShape(head as unknown as Cell[][]);
    expect([shape.headerRows, shape.firstRow]).toEqual([rows, first]);
  });
});

describe('directionOf', () => {
  it.each([
    ['Churn', 'lower'],
    ['Churned_Customers', 'lower'],
    ['lost deals', 'lower'],
    ['Unemployment rate', 'lower'],
    ['Support resolution time', 'lower'],
    ['Cost per acquisition', 'lower'],
    ['Open bugs', 'lower'],
    ['Hours', 'lower'],
    ['Resolution (h)', 'lower'],
    ['NPS', 'higher'],
    ['MRR', 'higher'],
    ['Uptime hours', 'higher'],
    ['Net retention', 'higher'],
    ['Response rate', 'higher'],
    ['activeUsers', 'higher'],
    ['Arbeitslosenquote', 'lower'],
    ['Umsatz', 'higher'],
    ['Kosten je Auftrag', 'lower'],
    ['taux de chômage', 'lower'],
    ['chiffre d’affaires', 'higher'],
    ['Ventas', 'higher'],
    ['terapia_intensiva', 'lower'],
    ['dimessi_guariti', 'higher'],
    ['clientes cancelados', 'lower'],
    ['Werkloze beroepsbevolking', 'lower'],
    ['Omzet', 'higher'],
    ['Widgets', undefined],
    ['Value', undefined],
    ['A191RL1Q225SBEA', undefined],
    ['Customers and churn', undefined],
  ] as const)('%s: better %s', (header, better) => {
    expect(directionOf(header)).toBe(better);
  });
});

describe('column references', () => {
  const d: Detection = detectTable(sampleOf('Metrics', metrics));

  it('finds a column by header text (any case and spacing) or by letter; a header wins over a letter', () => {
    expect(resolveColumn('churn', d, 'valueColumn', 'Metrics').letter).toBe('C');
    expect(resolveColumn('  CHURN ', d, 'valueColumn', 'Metrics').letter).toBe('C');
    expect(resolveColumn('d', d, 'valueColumn', 'Metrics').header).toBe('NPS');
    expect(resolveColumn('MRR', d, 'valueColumn', 'Metrics').letter).toBe('B'); // MRR is also a column letter
  });

  it('names the headers it knows when a reference is neither', () => {
    expect(() => resolveColumn('Revenue', d, 'valueColumn', 'Metrics')).toThrow(
      'kpi: valueColumn: "Revenue" is neither a header in row 1 of "Metrics" (its headers: "Week", "MRR", "Churn", "NPS", "Notes") nor a column letter from A to E',
    );
    expect(() => resolveColumn('ZZ', d, 'dateColumn', 'Metrics')).toThrow(/kpi: dateColumn: "ZZ" is neither/);
  });

  it('wants numbers in the value column and dates in the date column', () => {
    expect(() => requireValueColumn(d.columns[4]!, d, 'Metrics')).toThrow(
      'kpi: valueColumn: "Notes" (column E) of "Metrics" holds text, not numbers; columns of numbers there: "MRR", "Churn", "NPS"',
    );
    expect(() => requireValueColumn(d.columns[0]!, d, 'Metrics')).toThrow(
      /"Week" \(column A\) of "Metrics" holds dates/,
    );
    expect(() => requireDateColumn(d.columns[1]!, d, 'Metrics')).toThrow(
      'kpi: dateColumn: "MRR" (column B) of "Metrics" holds no dates; columns of dates there: "Week"',
    );
    expect(() => requireValueColumn(d.columns[2]!, d, 'Metrics')).not.toThrow();
  });
});

describe('tabs as people and exports write them', () => {
  const text = (rows: string[][]) => rows as Cell[][];

  it('an analytics export: # note lines, a blank line, US dates with two-digit years and a totals row', () => {
    const rows = text([
      ['# ----------------------------------------'],
      ['# All Web Site Data'],
      ['# Audience Overview'],
      ['# 20150320-20150419'],
      ['# ----------------------------------------'],
      [],
      ['Day Index', 'Sessions'],
      ['3/20/15', '12'],
      ['3/21/15', '15'],
      ['3/22/15', '9'],
      ['3/23/15', '20'],
      ['', '56'],
    ]);
    const sample = sampleOf('Web', rows);
    const d = detectTable(sample);
    expect([d.headerRow, d.dateColumn, d.cadence]).toEqual([7, 0, 'daily']);
    // the totals row has a number but no date: it is never the latest
    expect(latestEntry(d, sample, 1)).toMatchObject({ value: 20, row: 11 });
  });

  it('quarters written in one cell, newest first: Latest is the newest quarter, not the last row', () => {
    const rows = text([
      ['Quarter', 'ARR ($)'],
      ['Q3 2024', '$1,480,000'],
      ['Q2 2024', '$1,390,000'],
      ['Q1 2024', '$1,250,000'],
      ['Q4 2023', '$1,100,000'],
    ]);
    const sample = sampleOf('SaaS', rows);
    const d = detectTable(sample);
    expect([d.dateColumn, d.cadence, d.newestFirst]).toEqual([0, 'quarterly', true]);
    expect(d.columns[1]).toMatchObject({
      kind: 'number',
      unit: 'currency',
      unitText: '$',
      betterWhen: 'higher',
    });
    expect(latestEntry(d, sample, 1)?.value).toBe(1_480_000);
  });

  it('a German export: decimal commas, DD.MM.YYYY dates, units in the header, and a note about the locale', () => {
    const rows = text([
      ['Datum', 'Umsatz in €', 'Bearbeitungszeit (h)', 'Kündigungen'],
      ['02.01.2024', '1.234,50', '36,5', '4'],
      ['03.01.2024', '1.305,00', '30', '2'],
      ['04.01.2024', '980,25', '41,5', '7'],
    ]);
    const d = detectTable(sampleOf('Vertrieb', rows));
    expect(d.dateColumn).toBe(0);
    expect(d.columns.slice(1).map((c) => [c.unitText ?? c.unit, c.betterWhen])).toEqual([
      ['€', 'higher'],
      ['h', 'lower'],
      ['count', 'lower'],
    ]);
    expect(d.notes.join(' ')).toMatch(
      /decimal comma, while this spreadsheet's locale writes a decimal point/,
    );
    expect(detectTable({ ...sampleOf('Vertrieb', rows), locale: 'de_DE' }).notes.join(' ')).not.toMatch(
      /decimal comma/,
    );
  });

  it('a Portuguese tab: month and year in two columns, and directions from Portuguese words', () => {
    const rows = text([
      ['Ano', 'Mês', 'Receita', 'Clientes cancelados', 'Reclamações'],
      ['2024', 'janeiro', '10.500', '12', '30'],
      ['2024', 'fevereiro', '11.200', '9', '25'],
      ['2024', 'março', '11.900', '11', '28'],
    ]);
    const sample = sampleOf('Painel', rows);
    const d = detectTable({ ...sample, locale: 'pt_BR' });
    expect([d.dateColumn, d.datePart, d.cadence]).toEqual([0, { column: 1, unit: 'month' }, 'monthly']);
    expect(d.columns.slice(2).map((c) => c.betterWhen)).toEqual(['higher', 'lower', 'lower']);
  });

  it('series stacked in one table: the region column tells them apart, and each has its own latest', () => {
    const rows = text([
      ['Week', 'Region', 'Tickets solved'],
      ['2024-W01', 'EMEA', '120'],
      ['2024-W01', 'APAC', '80'],
      ['2024-W02', 'EMEA', '130'],
      ['2024-W02', 'APAC', '85'],
    ]);
    const sample = sampleOf('Support', rows);
    const d = detectTable(sample);
    expect(d.series).toEqual({ columns: [1], keys: ['EMEA', 'APAC'] });
    expect(d.cadence).toBe('weekly');
    expect(latestEntry(d, sample, 2, 'APAC')?.value).toBe(85);
  });

  it('a wide scorecard: one KPI per row, months across, section titles and blank rows skipped', () => {
    const rows = text([
      ['Metric', 'Jan 2024', 'Feb 2024', 'Mar 2024'],
      ['Sales'],
      ['New customers', '40', '52', '47'],
      [],
      ['Support'],
      ['Churned customers', '5', '7', ''],
    ]);
    const d = detectTable(sampleOf('Scorecard', rows));
    expect(d.orientation).toBe('wide');
    expect(d.valueColumns).toEqual([]); // a month header is never offered as a column
    expect(d.rows?.map((r) => [r.row, r.label, r.betterWhen, r.latest?.value])).toEqual([
      [3, 'New customers', 'higher', 47],
      [6, 'Churned customers', 'lower', 7],
    ]);
    expect(d.cadence).toBe('monthly');
  });

  it('rows seconds apart are said to be summarised per day; a header naming % over plain numbers is said too', () => {
    const rows = text([
      ['Time', 'Pace', '% done'],
      ['2018-07-31T18:44:39Z', '8.4', '10.5'],
      ['2018-07-31T18:44:44Z', '8.5', '11.2'],
      ['2018-07-31T18:44:49Z', '8.6', '12.0'],
    ]);
    const d = detectTable(sampleOf('Run', rows));
    expect(d.spacing).toBe('sub-daily');
    expect(d.cadence).toBeUndefined();
    expect(d.notes.join(' ')).toMatch(/summarise the rows per day/);
    expect(d.columns[2]).toMatchObject({ unit: 'number', percentPoints: true });
  });
});
