// Periods as KPI tabs write them: every form of date, week, month, quarter and year with the texts it
// refuses, whole columns (date order, period indexes), year + month columns, cadence, properties, and the
// real tabs of tests/fixtures/real-tabs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cadenceOf,
  combineYearMonth,
  type DateColumn,
  type Period,
  parseDateText,
  readDateColumn,
} from '../../src/core/periods';
import { formatDay, MONTH_NAMES } from '../../src/core/values';
import { columnOf, loadCorpus } from '../fixtures/real-tabs/corpus';
import { readCsv } from '../helpers/csv';

/** A period as one short text for the tables below: `day 2015-03-20`, `instant 2024-03-20 10:00:00 +0`. */
function show(p: Period | undefined): string {
  if (!p) return 'none';
  const base = `${p.granularity} ${formatDay(p.start)}`;
  if (!p.time) return base;
  const t = p.time;
  const hms = [t.hour, t.minute, t.second].map((n) => String(n).padStart(2, '0')).join(':');
  const ms = t.millisecond ? `.${String(t.millisecond).padStart(3, '0')}` : '';
  const zone = t.offsetMinutes === undefined ? '' : ` ${t.offsetMinutes >= 0 ? '+' : ''}${t.offsetMinutes}`;
  return `${base} ${hms}${ms}${zone}`;
}

describe('parseDateText', () => {
  it.each([
    // ISO days and date-times
    ['2024-03-20', 'MDY', 'day 2024-03-20'],
    ['2024-03-20T10:00:00Z', 'MDY', 'instant 2024-03-20 10:00:00 +0'],
    ['2024-03-20T23:30:00.250-05:00', 'DMY', 'instant 2024-03-20 23:30:00.250 -300'],
    ['2024-03-20T10:00', 'DMY', 'instant 2024-03-20 10:00:00'],
    ['2024-03-20 10:00:00', 'DMY', 'instant 2024-03-20 10:00:00'],
    ['2024-03-20T10:00:00+0100', 'DMY', 'instant 2024-03-20 10:00:00 +60'],
    ['2024-03-20T10:00:00.123456789Z', 'DMY', 'instant 2024-03-20 10:00:00.123 +0'],
    // numeric days by order
    ['3/20/15', 'MDY', 'day 2015-03-20'],
    ['3/20/2015', 'MDY', 'day 2015-03-20'],
    ['20/03/2015', 'DMY', 'day 2015-03-20'],
    ['03/04/2015', 'MDY', 'day 2015-03-04'],
    ['03/04/2015', 'DMY', 'day 2015-04-03'],
    ['20-03-2015', 'DMY', 'day 2015-03-20'],
    ['15/03/20', 'YMD', 'day 2015-03-20'],
    ['15/03/20', 'DMY', 'day 2020-03-15'],
    ['1/1/29', 'MDY', 'day 2029-01-01'],
    ['1/1/30', 'MDY', 'day 1930-01-01'],
    // dotted days are day-first whatever the order (no locale writes M.D.Y)
    ['20.03.2015', 'MDY', 'day 2015-03-20'],
    ['20.03.2015', 'YMD', 'day 2015-03-20'],
    ['20.03.15', 'DMY', 'day 2015-03-20'],
    ['20. 03. 2015.', 'DMY', 'day 2015-03-20'],
    ['20. 3. 2015', 'DMY', 'day 2015-03-20'],
    ['20.03.15 г.', 'DMY', 'day 2015-03-20'],
    ['15. 3. 20.', 'YMD', 'day 2015-03-20'],
    // year first
    ['2015/3/20', 'MDY', 'day 2015-03-20'],
    ['2015.03.20', 'DMY', 'day 2015-03-20'],
    ['2015. 03. 20.', 'YMD', 'day 2015-03-20'],
    ['2015年3月20日', 'YMD', 'day 2015-03-20'],
    ['2015년 3월 20일', 'YMD', 'day 2015-03-20'],
    // days with month names
    ['20 March 2024', 'MDY', 'day 2024-03-20'],
    ['20-Mar-2024', 'MDY', 'day 2024-03-20'],
    ['20-Mar-24', 'MDY', 'day 2024-03-20'],
    ['20. März 2024', 'DMY', 'day 2024-03-20'],
    ['20 mars 2024', 'DMY', 'day 2024-03-20'],
    ['1er avril 2024', 'DMY', 'day 2024-04-01'],
    ['20 de marzo de 2024', 'DMY', 'day 2024-03-20'],
    ['20 de março de 2024', 'DMY', 'day 2024-03-20'],
    ['20 maart 2024', 'DMY', 'day 2024-03-20'],
    ['March 20, 2024', 'MDY', 'day 2024-03-20'],
    ['Mar. 20 2024', 'DMY', 'day 2024-03-20'],
    ['1st March 2024', 'DMY', 'day 2024-03-01'],
    // a weekday in front, checked against the day
    ['Wed, 20 Mar 2024', 'DMY', 'day 2024-03-20'],
    ['Wednesday, March 20, 2024', 'MDY', 'day 2024-03-20'],
    ['Mi., 20.03.2024', 'DMY', 'day 2024-03-20'],
    ['mer. 20 mars 2024', 'DMY', 'day 2024-03-20'],
    ['mar 19 mars 2024', 'DMY', 'day 2024-03-19'],
    ['Wed, 20 Mar 2024 10:00:00 GMT', 'DMY', 'instant 2024-03-20 10:00:00 +0'],
    [
      'Wed Mar 20 2024 10:00:00 GMT+0100 (Central European Standard Time)',
      'MDY',
      'instant 2024-03-20 10:00:00 +60',
    ],
    // times after other days
    ['20.03.2015 14:30', 'DMY', 'instant 2015-03-20 14:30:00'],
    ['3/20/2015 2:30 PM', 'MDY', 'instant 2015-03-20 14:30:00'],
    ['3/20/2015 12:05 am', 'MDY', 'instant 2015-03-20 00:05:00'],
    ['3/20/2015 12:05 p.m.', 'MDY', 'instant 2015-03-20 12:05:00'],
    // months
    ['2024-01', 'MDY', 'month 2024-01-01'],
    ['2024/1', 'MDY', 'month 2024-01-01'],
    ['01/2024', 'MDY', 'month 2024-01-01'],
    ['1.2024', 'DMY', 'month 2024-01-01'],
    ['Jan 2024', 'MDY', 'month 2024-01-01'],
    ['January 2024', 'MDY', 'month 2024-01-01'],
    ['January, 2024', 'MDY', 'month 2024-01-01'],
    ['Jan-24', 'MDY', 'month 2024-01-01'],
    ["Jan '24", 'MDY', 'month 2024-01-01'],
    ['jan/24', 'DMY', 'month 2024-01-01'],
    ['ene-24', 'DMY', 'month 2024-01-01'],
    ['März 2024', 'DMY', 'month 2024-03-01'],
    ['Marz 2024', 'DMY', 'month 2024-03-01'],
    ['mars 2024', 'DMY', 'month 2024-03-01'],
    ['févr. 2024', 'DMY', 'month 2024-02-01'],
    ['fevr 2024', 'DMY', 'month 2024-02-01'],
    ['dic 2024', 'DMY', 'month 2024-12-01'],
    ['diciembre de 2024', 'DMY', 'month 2024-12-01'],
    ['dezembro de 2024', 'DMY', 'month 2024-12-01'],
    ['settembre 2024', 'DMY', 'month 2024-09-01'],
    ['mei 2024', 'DMY', 'month 2024-05-01'],
    ['2024 Jan', 'DMY', 'month 2024-01-01'],
    ['2019M07', 'DMY', 'month 2019-07-01'],
    ['2019m7', 'DMY', 'month 2019-07-01'],
    ['2024年3月', 'YMD', 'month 2024-03-01'],
    // weeks (ISO 8601: Monday of the week that holds the year's first Thursday)
    ['2024-W03', 'MDY', 'week 2024-01-15'],
    ['2024W03', 'MDY', 'week 2024-01-15'],
    ['2024-W03-3', 'MDY', 'day 2024-01-17'],
    ['2020-W53', 'MDY', 'week 2020-12-28'],
    ['2026-W01', 'MDY', 'week 2025-12-29'],
    ['W03 2024', 'MDY', 'week 2024-01-15'],
    ['W3/2024', 'MDY', 'week 2024-01-15'],
    ['Week 3 2024', 'MDY', 'week 2024-01-15'],
    ['Week 3, 2024', 'MDY', 'week 2024-01-15'],
    ['wk 3 2024', 'MDY', 'week 2024-01-15'],
    ['KW 3 2024', 'DMY', 'week 2024-01-15'],
    ['KW03/2024', 'DMY', 'week 2024-01-15'],
    ['KW 3/24', 'DMY', 'week 2024-01-15'],
    ['3. KW 2024', 'DMY', 'week 2024-01-15'],
    ['2024 KW 3', 'DMY', 'week 2024-01-15'],
    ['semaine 3 2024', 'DMY', 'week 2024-01-15'],
    ['semana 3 2024', 'DMY', 'week 2024-01-15'],
    // quarters (calendar quarters)
    ['Q1 2024', 'MDY', 'quarter 2024-01-01'],
    ['Q3 2024', 'MDY', 'quarter 2024-07-01'],
    ['2024-Q1', 'MDY', 'quarter 2024-01-01'],
    ['2024 Q1', 'MDY', 'quarter 2024-01-01'],
    ['2024Q4', 'MDY', 'quarter 2024-10-01'],
    ['Q1/2024', 'MDY', 'quarter 2024-01-01'],
    ['Q1-24', 'MDY', 'quarter 2024-01-01'],
    ["Q2 '24", 'MDY', 'quarter 2024-04-01'],
    ['1Q24', 'MDY', 'quarter 2024-01-01'],
    ['1. Quartal 2024', 'DMY', 'quarter 2024-01-01'],
    ['2. Quartal 2024', 'DMY', 'quarter 2024-04-01'],
    ['Quartal 2/2024', 'DMY', 'quarter 2024-04-01'],
    ['1st quarter 2024', 'MDY', 'quarter 2024-01-01'],
    ['T1 2024', 'DMY', 'quarter 2024-01-01'],
    ['1er trimestre 2024', 'DMY', 'quarter 2024-01-01'],
    ['2º trimestre de 2024', 'DMY', 'quarter 2024-04-01'],
    ['1e kwartaal 2024', 'DMY', 'quarter 2024-01-01'],
    ['K1 2024', 'DMY', 'quarter 2024-01-01'],
    // years
    ['2024', 'MDY', 'year 2024-01-01'],
    [' 1850 ', 'MDY', 'year 1850-01-01'],
    // a statistics office's mark after the period
    ['2022 (P)', 'DMY', 'year 2022-01-01'],
    ['Q1 2024 (e)', 'DMY', 'quarter 2024-01-01'],
    ['2024-03 (prov.)', 'DMY', 'month 2024-03-01'],
    // whitespace, case and invisible marks do not matter
    ['  q1   2024 ', 'MDY', 'quarter 2024-01-01'],
    ['\u200f20/03/2015\u200e', 'DMY', 'day 2015-03-20'],
    ['20\u00a0mars\u00a02024', 'DMY', 'day 2024-03-20'],
  ] as const)('%j (%s) is %s', (text, order, expected) => {
    expect(show(parseDateText(text, order))).toBe(expected);
  });

  it.each([
    // could only be guessed
    ['Jan 24', 'MDY'],
    ['3/20', 'MDY'],
    ['20/03', 'DMY'],
    ['24 Jan', 'DMY'],
    ['03/04/2015', 'YMD'],
    ['20240320', 'YMD'],
    ['FY24 Q1', 'MDY'],
    ['H1 2024', 'MDY'],
    // contradicts the order or the calendar
    ['3/20/15', 'DMY'],
    ['20/03/2015', 'MDY'],
    ['2024-02-30', 'MDY'],
    ['2023-02-29', 'MDY'],
    ['2024-13', 'MDY'],
    ['13/2024', 'MDY'],
    ['0/2024', 'MDY'],
    ['2024-00-10', 'MDY'],
    ['31.04.2024', 'DMY'],
    ['2021-W53', 'MDY'],
    ['W54 2024', 'MDY'],
    ['W0 2024', 'MDY'],
    ['2024-W03-8', 'MDY'],
    ['Q5 2024', 'MDY'],
    ['Q0 2024', 'MDY'],
    ['Tue, 20 Mar 2024', 'DMY'],
    ['Foo, 20 Mar 2024', 'DMY'],
    ['2024-03-20T25:00', 'MDY'],
    ['2024-03-20T10:60', 'MDY'],
    ['2024-03-20T10:00:00+15:00', 'MDY'],
    ['3/20/2015 13:05 PM', 'MDY'],
    ['Jan 2024 10:00', 'MDY'],
    ['0999', 'MDY'],
    ['Smarch 2024', 'MDY'],
    // not dates
    ['', 'MDY'],
    ['   ', 'MDY'],
    ['10:30', 'MDY'],
    ['24:00', 'MDY'],
    ['12', 'MDY'],
    ['1.5', 'MDY'],
    ['1,234', 'MDY'],
    ['12345', 'MDY'],
    ['Total', 'MDY'],
    ['2024-03-20 and more', 'MDY'],
    ['2024 (provisional)', 'MDY'],
    ['2019M13', 'MDY'],
    ['2024-03-20\u0000', 'MDY'],
    [`2024-03-20${' '.repeat(200)}x`, 'MDY'],
  ] as const)('%j (%s) is no period', (text, order) => {
    expect(parseDateText(text, order)).toBeUndefined();
  });

  it('reads every month name it knows, in every language, written in full, in capitals or abbreviated', () => {
    const names: [string, string, number][] = [
      ...MONTH_NAMES.map((n, i) => [n, `${n.slice(0, 3)}.`, i + 1] as [string, string, number]),
      ['Januar', 'Jan.', 1],
      ['Februar', 'Feb.', 2],
      ['März', 'Mrz.', 3],
      ['Mai', 'Mai', 5],
      ['Juni', 'Jun.', 6],
      ['Juli', 'Jul.', 7],
      ['Oktober', 'Okt.', 10],
      ['Dezember', 'Dez.', 12],
      ['janvier', 'janv.', 1],
      ['février', 'févr.', 2],
      ['avril', 'avr.', 4],
      ['juin', 'juin', 6],
      ['juillet', 'juil.', 7],
      ['août', 'aoû', 8],
      ['septembre', 'sept.', 9],
      ['décembre', 'déc.', 12],
      ['enero', 'ene.', 1],
      ['abril', 'abr.', 4],
      ['mayo', 'may.', 5],
      ['agosto', 'ago.', 8],
      ['septiembre', 'sep.', 9],
      ['setiembre', 'set.', 9],
      ['octubre', 'oct.', 10],
      ['diciembre', 'dic.', 12],
      ['gennaio', 'gen.', 1],
      ['febbraio', 'feb.', 2],
      ['maggio', 'mag.', 5],
      ['giugno', 'giu.', 6],
      ['luglio', 'lug.', 7],
      ['ottobre', 'ott.', 10],
      ['dicembre', 'dic.', 12],
      ['fevereiro', 'fev.', 2],
      ['março', 'mar.', 3],
      ['maio', 'mai.', 5],
      ['junho', 'jun.', 6],
      ['julho', 'jul.', 7],
      ['outubro', 'out.', 10],
      ['dezembro', 'dez.', 12],
      ['maart', 'mrt.', 3],
      ['mei', 'mei', 5],
      ['augustus', 'aug.', 8],
    ];
    for (const [name, short, m] of names) {
      const expected = `month 2024-${String(m).padStart(2, '0')}-01`;
      for (const written of [name, name.toUpperCase(), short, short.replace(/\.$/, '')]) {
        expect(show(parseDateText(`${written} 2024`, 'DMY')), written).toBe(expected);
      }
    }
  });

  it('refuses an abbreviation two months share', () => {
    expect(parseDateText('jui 2024', 'DMY')).toBeUndefined(); // juin or juillet
  });
});

function dates(col: DateColumn | undefined): Extract<DateColumn, { kind: 'dates' }> {
  if (col?.kind !== 'dates') throw new Error(`not a date column: ${JSON.stringify(col)}`);
  return col;
}

describe('readDateColumn', () => {
  it('finds the order that reads every entry: one 20/03/2015 rules out MDY, even in en_US', () => {
    const col = dates(readDateColumn(['03/04/2015', '20/03/2015', '05/06/2015'], 'en_US'));
    expect(col.order).toBe('DMY');
    expect(col.ambiguous).toBe(false);
    expect(col.periods.map(show)).toEqual(['day 2015-04-03', 'day 2015-03-20', 'day 2015-06-05']);
  });

  it('takes the locale order when several read the column, and says the column is ambiguous', () => {
    const texts = ['03/04/2015', '05/06/2015'];
    const us = dates(readDateColumn(texts, 'en_US'));
    const de = dates(readDateColumn(texts, 'de_DE'));
    expect([us.order, us.ambiguous, show(us.periods[0])]).toEqual(['MDY', true, 'day 2015-03-04']);
    expect([de.order, de.ambiguous, show(de.periods[0])]).toEqual(['DMY', true, 'day 2015-04-03']);
  });

  it('is not ambiguous when every order reads the column alike', () => {
    const col = dates(readDateColumn(['2024-01-01', '2024-02-01', 'Q1 2024'], 'ja_JP'));
    expect([col.order, col.ambiguous, col.granularity]).toEqual(['YMD', false, 'mixed']);
  });

  it('reports the granularity, blanks and the entries that are no period', () => {
    const texts = ['Jan 2024', 'Feb 2024', '', 'Mar 2024', 'Apr 2024', 'Total'];
    const col = dates(readDateColumn(texts, 'en_US'));
    expect(col.granularity).toBe('month');
    expect(col.unread).toEqual([5]);
    expect(col.periods.map(show)).toEqual([
      'month 2024-01-01',
      'month 2024-02-01',
      'none',
      'month 2024-03-01',
      'month 2024-04-01',
      'none',
    ]);
  });

  it('is undefined when fewer than 80% of the entries are periods, or none is', () => {
    expect(readDateColumn(['2024-01-01', '2024-01-02', 'a', 'b'], 'en_US')).toBeUndefined();
    expect(readDateColumn(['1.5', '2,5', 'abc'], 'en_US')).toBeUndefined();
    expect(readDateColumn(['', '  ', null, undefined], 'en_US')).toBeUndefined();
    expect(readDateColumn([], 'en_US')).toBeUndefined();
  });

  it.each([
    [
      ['1', '2', '3', '4'],
      ['quarter', 'month', 'week'],
    ],
    [
      ['1', '2', '12', 7],
      ['month', 'week'],
    ],
    [['1', '13', '52'], ['week']],
    [[2019, 2020, '2021'], ['year']],
    [['2020', '2021', '2022 (P)'], ['year']],
  ] as const)('%j is a period index counting %j, not dates', (texts, units) => {
    const col = readDateColumn(texts, 'en_US');
    expect(col).toEqual({
      kind: 'index',
      units,
      values: texts.map((t) => parseInt(String(t), 10)),
      unread: [],
    });
  });

  it('keeps an index column with a note in it, and refuses one whose integers mix years and weeks', () => {
    expect(readDateColumn(['1', '2', '3', '4', 'Total'], 'en_US')).toMatchObject({
      kind: 'index',
      unread: [4],
    });
    expect(readDateColumn(['1', '2024', '3'], 'en_US')).toBeUndefined();
    expect(readDateColumn(['0', '54', '60'], 'en_US')).toBeUndefined();
  });
});

describe('combineYearMonth', () => {
  it('joins a year column and a month column given as numbers, digits or names in any language', () => {
    const periods = combineYearMonth(
      [2024, '2024', 2024, 2024, 2025, 2025],
      [1, '02', 'März', 'avr.', 'dic', 13],
    );
    expect(periods.map(show)).toEqual([
      'month 2024-01-01',
      'month 2024-02-01',
      'month 2024-03-01',
      'month 2024-04-01',
      'month 2025-12-01',
      'none',
    ]);
  });

  it('leaves a row undefined where either column is missing or unreadable', () => {
    expect(combineYearMonth([2024, 'x', 24, 2024], [1, 2, 3]).map(show)).toEqual([
      'month 2024-01-01',
      'none',
      'none',
      'none',
    ]);
  });
});

const days = (texts: string[]) => texts.map((t) => parseDateText(t, 'YMD'));

describe('cadenceOf', () => {
  it.each([
    [['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04'], 'daily'],
    [
      ['2024-03-04', '2024-03-05', '2024-03-06', '2024-03-07', '2024-03-08', '2024-03-11', '2024-03-12'],
      'daily',
    ],
    [['2024-01-22', '2024-01-15', '2024-01-08', '2024-01-01'], 'weekly'],
    [['2024-W01', '2024-W02', '2024-W03'], 'weekly'],
    [['2024-01', '2024-02', '2024-03', '2024-04'], 'monthly'],
    [['2024-01-31', '2024-02-29', '2024-03-31'], 'monthly'],
    [['Q1 2024', 'Q2 2024', 'Q3 2024', 'Q4 2024', 'Q1 2025'], 'quarterly'],
    [['2020', '2021', '2022', '2023'], 'yearly'],
    [['2024-01-01T10:00Z', '2024-01-01T11:00Z', '2024-01-01T12:00Z'], 'sub-daily'],
    [['2024-01-01T23:00:00+01:00', '2024-01-02T23:05:00+01:00', '2024-01-03T22:55:00+01:00'], 'daily'],
    [['2024-01-01', '2024-01-02', '2024-02-15', '2024-06-01', '2024-06-20'], 'irregular'],
    [['2024-01', '2024-03', '2024-05', '2024-07'], 'irregular'],
    // the median gap is a week, but two gaps in five are a fortnight
    [['2024-01-01', '2024-01-08', '2024-01-15', '2024-01-22', '2024-02-05', '2024-02-19'], 'irregular'],
  ] as const)('%j is %s', (texts, cadence) => {
    expect(cadenceOf(days([...texts]))).toBe(cadence);
  });

  it('needs two distinct periods', () => {
    expect(cadenceOf([])).toBeUndefined();
    expect(cadenceOf(days(['2024-01-01', '2024-01-01']))).toBeUndefined();
    expect(cadenceOf([undefined, ...days(['2024-01-01'])])).toBeUndefined();
  });
});

const anyDay = fc.record({
  year: fc.integer({ min: 1000, max: 9999 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
});
const pad = (n: number) => String(n).padStart(2, '0');

describe('properties', () => {
  it('a day written in any of the common forms reads back as that day', () => {
    fc.assert(
      fc.property(anyDay, (d) => {
        const name = MONTH_NAMES[d.month - 1]!;
        const forms: [string, 'MDY' | 'DMY' | 'YMD'][] = [
          [formatDay(d), 'MDY'],
          [`${d.month}/${d.day}/${d.year}`, 'MDY'],
          [`${pad(d.day)}/${pad(d.month)}/${d.year}`, 'DMY'],
          [`${d.day}.${d.month}.${d.year}`, 'MDY'],
          [`${d.year}/${d.month}/${d.day}`, 'YMD'],
          [`${d.day} ${name} ${d.year}`, 'DMY'],
          [`${name.slice(0, 3)} ${d.day}, ${d.year}`, 'MDY'],
          [`${formatDay(d)}T12:34:56Z`, 'DMY'],
        ];
        for (const [text, order] of forms) {
          const p = parseDateText(text, order);
          expect(p && formatDay(p.start), text).toBe(formatDay(d));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('every ISO week starts on a Monday, seven days after the one before', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1001, max: 9998 }), fc.integer({ min: 2, max: 52 }), (year, week) => {
        const p = parseDateText(`${year}-W${pad(week)}`, 'YMD')!;
        const before = parseDateText(`${year}-W${pad(week - 1)}`, 'YMD')!;
        const start = Date.UTC(p.start.year, p.start.month - 1, p.start.day);
        expect(new Date(start).getUTCDay()).toBe(1);
        expect(start - Date.UTC(before.start.year, before.start.month - 1, before.start.day)).toBe(
          7 * 86_400_000,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, and every period it reads is a real calendar day', () => {
    const dateish = fc
      .array(fc.constantFrom(...'0123456789/.-: TWQKZ'.split(''), 'Jan', 'März', 'de ', '2024', 'PM'), {
        maxLength: 12,
      })
      .map((cs) => cs.join(''));
    fc.assert(
      fc.property(
        fc.oneof(dateish, fc.string({ maxLength: 30 })),
        fc.constantFrom('MDY', 'DMY', 'YMD'),
        (text, order) => {
          const p = parseDateText(text, order as 'MDY');
          if (!p) return;
          const d = new Date(Date.UTC(p.start.year, p.start.month - 1, p.start.day));
          expect(
            formatDay({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }),
          ).toBe(formatDay(p.start));
        },
      ),
      { numRuns: 5000 },
    );
  });
});

// The readers on public files written by others (tests/fixtures/real-tabs, sources in its SOURCES.md): the
// column a person names as the date in answers.json, read as the server would hand it over, as text.
const corpus = loadCorpus(path.resolve('tests/fixtures/real-tabs'));
function tab(file: string) {
  const answer = corpus.answers.find((a) => a.file === file)!;
  const rows = readCsv(readFileSync(path.join(corpus.dir, file), 'utf8')).rows;
  const headerRows = answer.headerRows ?? [answer.headerRow];
  const column = (name: string) => {
    const c = columnOf(name, rows, headerRows)!;
    return rows.slice(Math.max(...headerRows)).map((r) => r[c] ?? '');
  };
  return { answer, rows, column };
}

describe('real tabs', () => {
  it.each([
    ['it-dpc-covid19-andamento-nazionale.csv', 'it_IT', 'instant', 'DMY'],
    ['us-fred-unrate.csv', 'en_US', 'day', 'MDY'],
    ['eu-ecb-eurofxref-hist.csv', 'en_GB', 'day', 'DMY'],
    ['us-eia-brent-spot-price-daily.csv', 'en_GB', 'day', 'MDY'],
    ['eu-eurostat-ert-bil-eur-m-exchange-rates.csv', 'en_GB', 'month', 'DMY'],
    ['rundouble-interval-run-log.csv', 'en_US', 'instant', 'MDY'],
    ['fr-insee-air-france-passagers-vols-interieurs.csv', 'fr_FR', 'month', 'DMY'],
    ['at-ages-covidfaelle-timeline.csv', 'de_AT', 'instant', 'DMY'],
    ['es-ine-50902-ipc-indice-general.csv', 'es_ES', 'month', 'DMY'],
    ['de-rki-covid-sari-hospitalisierungsinzidenz.tsv', 'de_DE', 'week', 'DMY'],
    ['us-bea-real-gdp-growth-quarterly.csv', 'en_US', 'day', 'MDY'],
  ] as const)(
    '%s: every date reads, with the cadence a person reads off it',
    (file, locale, granularity, order) => {
      const { answer, column } = tab(file);
      const texts = column(answer.dateColumn as string);
      const col = dates(readDateColumn(texts, locale));
      expect(col.unread.map((i) => texts[i])).toEqual([]);
      expect([col.granularity, col.order, col.ambiguous]).toEqual([granularity, order, false]);
      expect(cadenceOf(col.periods)).toBe(answer.cadence);
    },
  );

  it.each([
    ['es-ine-72956-gasto-consumo-hogares.csv', ['year']],
    ['ie-debt-to-gdp-ratio.csv', ['year']],
    ['us-uidaho-ga4-export-jan-may-2026.csv', ['month', 'week']],
  ] as const)('%s: a column of years or month numbers is a period index', (file, units) => {
    const { answer, column } = tab(file);
    const col = readDateColumn(column(answer.dateColumn as string), 'en_US');
    expect(col).toMatchObject({ kind: 'index', units });
  });

  it('reads the provisional years of INE (`2022 (P)`) as years, yearly', () => {
    const texts = tab('es-ine-72956-gasto-consumo-hogares.csv').column('Año');
    expect(texts).toContain('2022 (P)');
    const periods = texts.map((t) => parseDateText(t, 'DMY'));
    expect(periods.every((p) => p?.granularity === 'year')).toBe(true);
    expect(cadenceOf(periods)).toBe('yearly');
  });

  it.each([
    ['de-destatis-61111-0002-consumer-price-index.csv', 'column A', 'column B', 3],
    ['us-panynj-air-passenger-traffic.csv', 'Year', 'Month', 0],
  ] as const)('%s: its year and month columns make one month per row, monthly', (file, y, m, footer) => {
    const { column } = tab(file);
    const periods = combineYearMonth(column(y), column(m));
    expect(periods.filter((p) => !p)).toHaveLength(footer); // the footer lines under the table
    expect(cadenceOf(periods)).toBe('monthly');
  });

  it.each([
    ['us-uidaho-library-web-properties.csv', 'monthly'],
    ['jhu-csse-covid19-deaths-global.csv', 'daily'],
  ] as const)('%s: the periods across its header row read, with its cadence', (file, cadence) => {
    const { answer, rows } = tab(file);
    const header = rows[answer.headerRow - 1]!.filter((v) => /\d/.test(v));
    const col = dates(readDateColumn(header, 'en_US'));
    expect(col.unread).toEqual([]);
    expect(cadenceOf(col.periods)).toBe(cadence);
  });

  it('does not guess fiscal years (FY2020) or semesters (Spring 2020)', () => {
    for (const file of ['us-uidaho-library-cost-per-use.csv', 'us-uidaho-library-resource-sharing.csv']) {
      const { rows } = tab(file);
      expect(readDateColumn(rows[0]!.slice(1), 'en_US'), file).toBeUndefined();
    }
  });
});
