// A chart's data table from its ranges' cells, as Sheets reads it: ranges merged side by side or stacked,
// transposed, header rows naming the series (set or guessed), the first column the domain, blanks as gaps.
import { describe, expect, it } from 'vitest';
import { chartTable, type DataCell } from '../../src/playground/emulator/chart-data';

const cell = (v: string | number | null, format = ''): DataCell => ({
  value: v,
  text: v === null ? '' : typeof v === 'number' && format === '0%' ? `${Math.round(v * 100)}%` : String(v),
  format: typeof v === 'number' ? format : '',
});
const grid = (rows: Array<Array<string | number | null>>, format = '') =>
  rows.map((r) => r.map((v) => cell(v, format)));
const columns = { merge: 'MERGE_COLUMNS' as const, transpose: false, firstColumnIsDomain: true };

describe('chartTable', () => {
  it('reads the first column as the domain and the others as series named by the header row', () => {
    const t = chartTable(
      [
        grid(
          [
            ['Key result', 'Progress', 'Pace'],
            ['O1.1', 0.72, 0.45],
            ['O1.2', 0.4, 0.45],
          ],
          '0%',
        ),
      ],
      { ...columns, numHeaders: 1 },
    );
    expect(t.domain).toEqual({
      label: 'Key result',
      labels: ['O1.1', 'O1.2'],
      values: [null, null],
      format: '',
    });
    expect(t.series).toEqual([
      { label: 'Progress', values: [0.72, 0.4], texts: ['72%', '40%'], format: '0%' },
      { label: 'Pace', values: [0.45, 0.45], texts: ['45%', '45%'], format: '0%' },
    ]);
    expect(t.headers).toBe(1);
  });

  it('puts ranges side by side (MERGE_COLUMNS) or one below the other (MERGE_ROWS)', () => {
    const a = grid([['Week'], ['W1'], ['W2']]);
    const b = grid([['Churn'], [0.08], [0.07]]);
    const side = chartTable([a, b], { ...columns, numHeaders: 1 });
    expect(side.domain.labels).toEqual(['W1', 'W2']);
    expect(side.series.map((s) => [s.label, s.values])).toEqual([['Churn', [0.08, 0.07]]]);
    const stacked = chartTable(
      [
        grid([
          ['Week', 'Churn'],
          ['W1', 0.08],
        ]),
        grid([['W2', 0.07]]),
      ],
      { ...columns, merge: 'MERGE_ROWS', numHeaders: 1 },
    );
    expect(stacked.domain.labels).toEqual(['W1', 'W2']);
    expect(stacked.series[0]!.values).toEqual([0.08, 0.07]);
  });

  it('swaps rows and columns when transposed: a strategy canvas typed one competitor per row', () => {
    const t = chartTable(
      [
        grid([
          ['Competitor', 'Price', 'Support'],
          ['Us', 6, 8],
          ['Acme', 8, 6],
        ]),
      ],
      { ...columns, transpose: true, numHeaders: 1 },
    );
    expect(t.domain.labels).toEqual(['Price', 'Support']);
    expect(t.series.map((s) => [s.label, s.values])).toEqual([
      ['Us', [6, 8]],
      ['Acme', [8, 6]],
    ]);
  });

  it('guesses one header row when the first row names the series and numbers follow; none otherwise', () => {
    expect(
      chartTable(
        [
          grid([
            ['Week', 'Churn'],
            ['W1', 0.08],
          ]),
        ],
        columns,
      ).headers,
    ).toBe(1);
    expect(
      chartTable(
        [
          grid([
            ['W1', 0.08],
            ['W2', 0.07],
          ]),
        ],
        columns,
      ).headers,
    ).toBe(0);
    expect(
      chartTable(
        [
          grid([
            ['W1', 0.08],
            ['W2', 0.07],
          ]),
        ],
        columns,
      ).series[0]!.label,
    ).toBe('');
  });

  it('leaves a gap for blanks and text, and drops the empty rows below an open-ended range’s data', () => {
    const t = chartTable(
      [
        grid([
          ['Week', 'Churn'],
          ['W1', 0.08],
          ['W2', null],
          ['W3', 'n/a'],
          [null, null],
          [null, null],
        ]),
      ],
      { ...columns, numHeaders: 1 },
    );
    expect(t.domain.labels).toEqual(['W1', 'W2', 'W3']);
    expect(t.series[0]!.values).toEqual([0.08, null, null]);
  });

  it('without a domain column (useFirstColumnAsDomain: false) every column is a series over the row numbers', () => {
    const t = chartTable(
      [
        grid([
          [3, 4],
          [5, 6],
        ]),
      ],
      { ...columns, firstColumnIsDomain: false, numHeaders: 0 },
    );
    expect(t.domain.labels).toEqual(['1', '2']);
    expect(t.series.map((s) => s.values)).toEqual([
      [3, 5],
      [4, 6],
    ]);
  });

  it('reads a scatter chart’s numeric domain as x values', () => {
    const t = chartTable(
      [
        grid([
          ['x', 'y'],
          [1, 10],
          [2.5, 20],
        ]),
      ],
      { ...columns, numHeaders: 1 },
    );
    expect(t.domain.values).toEqual([1, 2.5]);
    expect(t.series[0]!.values).toEqual([10, 20]);
  });
});
