// What a KPI tab holds, decided without a spreadsheet: detection from a sample, guesses, column references.
import { describe, expect, it } from 'vitest';
import {
  type Detection,
  detectTable,
  findHeaderRow,
  guessBetterWhen,
  guessCadence,
  guessUnit,
  requireDateColumn,
  requireValueColumn,
  resolveColumn,
  type TabSample,
} from '../../src/core/kpi-detect';
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
    ['Support', 'First response time', [3.5, 2, 4], undefined, 'duration', 'lower'],
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

  it('does not propose a week-number column as the KPI, but lists it', () => {
    const rows: Cell[][] = [['Week', 'Signups'], ...Array.from({ length: 10 }, (_, i) => [i + 1, 100 + i])];
    const d = detectTable(sampleOf('Signups', rows));
    expect(d.columns[0]!.period).toBe(true);
    expect(d.valueColumns).toEqual([1, 0]);
    expect(d.dateColumn).toBeUndefined();
    expect(d.cadence).toBeUndefined();
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

describe('findHeaderRow', () => {
  it.each([
    [
      [
        ['A', 'B'],
        [1, 2],
      ],
      1,
    ],
    [
      [
        [1, 2],
        [3, 4],
      ],
      0,
    ],
    [[['Title'], ['', ''], ['Week', 'X'], [new Date(0), 1]], 3],
    [[['Only text'], ['more text']], 1],
    [[[], ['', '']], 0],
  ] as const)('%j → %s', (head, row) => {
    expect(findHeaderRow(head as unknown as Cell[][])).toBe(row);
  });
});

describe('guesses', () => {
  it.each([
    ['Churn', 'lower'],
    ['Support resolution time', 'lower'],
    ['Cost per acquisition', 'lower'],
    ['Open bugs', 'lower'],
    ['Hours', 'lower'],
    ['NPS', 'higher'],
    ['MRR', 'higher'],
    ['Uptime hours', 'higher'],
    ['Net retention', 'higher'],
    ['Widgets', 'higher'],
  ] as const)('%s: better %s', (header, better) => {
    expect(guessBetterWhen(header)).toBe(better);
  });

  it('unit from format first, then header, then values', () => {
    expect(guessUnit('Anything', [0.5], '0.0%')).toBe('%');
    expect(guessUnit('Anything', [5], '[$€-407]#,##0')).toBe('currency');
    expect(guessUnit('Churn', [8.1, 7.9])).toBe('number'); // churn typed as 8.1 (meaning %): not a fraction
    expect(guessUnit('Churn', [0.081])).toBe('%');
    expect(guessUnit('Anything', [1, 2.5])).toBe('number');
    expect(guessUnit('Anything', [])).toBe('number');
  });

  it.each([
    [[[1, 2, 3, 4]], 'daily'],
    [[[0, 7, 14, 21]], 'weekly'],
    [
      [
        [0, 7, 14],
        [700, 707],
      ],
      'weekly',
    ],
    [[[0, 31, 59, 90, 120]], 'monthly'],
    [[[0, 90, 181, 273]], 'quarterly'],
    [[[0, 14, 28]], undefined],
    [[[5]], undefined],
    [[[21, 14, 7, 0]], 'weekly'],
  ] as const)('dates %j: %s', (runs, cadence) => {
    expect(guessCadence(runs)).toBe(cadence);
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
