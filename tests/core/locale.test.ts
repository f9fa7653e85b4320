// Numbers as the people of each spreadsheet locale write them: the table against its sources, every reading
// rule with the texts it accepts and the ones it refuses, writing, the round trip in every locale, and the
// number columns of the real tabs of tests/fixtures/real-tabs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCALES, localeRules } from '../../src/core/locale';
import {
  type FormatOptions,
  formatLocaleNumber,
  guessDecimalMark,
  parseLocaleNumber,
  readingFor,
} from '../../src/core/locale-number';
import { monthOfName, weekdaysOfName } from '../../src/core/locale-words';
import { columnOf, loadCorpus } from '../fixtures/real-tabs/corpus';
import { readCsv } from '../helpers/csv';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/** The 72 locales of File › Settings (September 2022), and the 28 of them that separate arguments with `,`. */
const SHEETS_LOCALES =
  'es_AR hy_AM en_AU az_AZ be_BY es_BO pt_BR bg_BG en_CA fr_CA es_CL zh_CN es_CO hr_HR cs_CZ da_DK es_EC ' +
  'ar_EG fi_FI fr_FR ka_GE de_DE el_GR zh_HK hu_HU hi_IN bn_IN gu_IN kn_IN ml_IN mr_IN pa_IN ta_IN te_IN ' +
  'id_ID en_IE he_IL it_IT ja_JP kk_KZ lv_LV lt_LT es_MX mn_MN my_MM nl_NL nb_NO nn_NO es_PY fil_PH pl_PL ' +
  'pt_PT ro_RO ru_RU sr_RS sk_SK sl_SI ko_KR es_ES ca_ES sv_SE de_CH zh_TW th_TH tr_TR uk_UA en_GB cy_GB ' +
  'en_US es_UY es_VE vi_VN';
const COMMA_LOCALES =
  'en_AU en_CA zh_CN ar_EG zh_HK hi_IN bn_IN gu_IN kn_IN ml_IN mr_IN pa_IN ta_IN te_IN en_IE he_IL ja_JP ' +
  'es_MX mn_MN my_MM fil_PH ko_KR de_CH zh_TW th_TH en_GB cy_GB en_US';

describe('the locale table', () => {
  it('holds every locale Sheets offers, each once', () => {
    const ids = LOCALES.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(SHEETS_LOCALES.split(' ').filter((id) => !ids.includes(id))).toEqual([]);
    expect(SHEETS_LOCALES.split(' ')).toHaveLength(72);
  });

  it('separates arguments with "," in exactly the 28 locales Sheets does, ";" with "\\" in array rows elsewhere', () => {
    const sheets = LOCALES.filter((l) => SHEETS_LOCALES.includes(l.id));
    expect(
      sheets
        .filter((l) => l.argumentSeparator === ',')
        .map((l) => l.id)
        .sort(),
    ).toEqual(COMMA_LOCALES.split(' ').sort());
    for (const l of LOCALES) {
      expect(l.arrayColumnSeparator, l.id).toBe(l.argumentSeparator === ';' ? '\\' : ',');
    }
  });

  it('uses ";" between arguments exactly where the decimal mark is a comma, and never groups with it', () => {
    for (const l of LOCALES) {
      expect(l.argumentSeparator === ';', l.id).toBe(l.decimal === ',');
      expect(l.group, l.id).not.toBe(l.decimal);
    }
  });

  it.each([
    ['de_DE', ',', '.', ';', 'DMY'],
    ['en_US', '.', ',', ',', 'MDY'],
    ['fr_FR', ',', NNBSP, ';', 'DMY'],
    ['de_CH', '.', "'", ',', 'DMY'],
    ['sv_SE', ',', NBSP, ';', 'YMD'],
    ['ja_JP', '.', ',', ',', 'YMD'],
    ['pt_BR', ',', '.', ';', 'DMY'],
    ['en_GB', '.', ',', ',', 'DMY'],
  ])('%s: decimal %j, group %j, arguments %j, dates %s', (id, decimal, group, args, order) => {
    const l = localeRules(id);
    expect([l.id, l.decimal, l.group, l.argumentSeparator, l.dateOrder]).toEqual([
      id,
      decimal,
      group,
      args,
      order,
    ]);
  });

  it.each([
    ['de-DE', 'de_DE'],
    ['de_de', 'de_DE'],
    ['de_LI', 'de_DE'],
    ['de', 'de_DE'],
    ['pt', 'pt_BR'],
    ['in_ID', 'id_ID'],
    ['iw_IL', 'he_IL'],
    ['no_NO', 'nb_NO'],
    ['fil', 'fil_PH'],
    ['tl_PH', 'fil_PH'],
    ['zh-Hant', 'zh_TW'],
    ['zh-Hant-HK', 'zh_HK'],
    ['es_419', 'es_ES'],
    ['xx_YY', 'en_US'],
    ['', 'en_US'],
    [undefined, 'en_US'],
  ])('%j is read as %s (the id, else its language, else en_US)', (id, expected) => {
    expect(localeRules(id).id).toBe(expected);
  });
});

describe('parseLocaleNumber reads what people type', () => {
  it.each([
    // locale's decimal mark, with and without grouping
    ['0,7', 'de_DE', 0.7],
    ['1.234', 'de_DE', 1234],
    ['1,5', 'de_DE', 1.5],
    ['1.234.567,89', 'de_DE', 1234567.89],
    ['1,234', 'en_US', 1234],
    ['1,234,567.89', 'en_US', 1234567.89],
    ['.5', 'en_US', 0.5],
    [',5', 'de_DE', 0.5],
    ['007', 'en_US', 7],
    ['1234,5', 'es_ES', 1234.5],
    // space grouping in any width, in every locale
    [`1${NNBSP}234,5`, 'fr_FR', 1234.5],
    ['1 234,5', 'fr_FR', 1234.5],
    [`12${NBSP}345`, 'sv_SE', 12345],
    ['1 234 567', 'en_US', 1234567],
    // apostrophes group in every locale
    ["1'234.50", 'de_CH', 1234.5],
    ['1’234.50', 'de_CH', 1234.5],
    ["1'234", 'en_US', 1234],
    // the other mark groups where it cannot be a decimal mark
    ['1.234,5', 'fr_FR', 1234.5],
    ['1.000.000', 'fr_FR', 1000000],
    ['1,234.5', 'de_CH', 1234.5],
    // Indian grouping in Indian locales
    ['12,34,567', 'hi_IN', 1234567],
    ['1,23,45,678.5', 'en_IN', 12345678.5],
    ['1,234,567', 'hi_IN', 1234567],
    // signs
    ['-5', 'en_US', -5],
    ['+5', 'en_US', 5],
    ['−5', 'sv_SE', -5],
    ['5-', 'de_DE', -5],
    ['1.234,50-', 'de_DE', -1234.5],
    ['(1,234.50)', 'en_US', -1234.5],
    ['- 5', 'en_US', -5],
    ['-0', 'en_US', 0],
    // scientific notation
    ['1e3', 'en_US', 1000],
    ['1.5E-3', 'en_US', 0.0015],
    ['1,5e3', 'de_DE', 1500],
    ['2e+2', 'fr_FR', 200],
    // digits and marks of Arabic exports, and direction marks around them
    ['٣٫٥', 'ar_EG', 3.5],
    ['\u200f1,234.5\u200e', 'ar_EG', 1234.5],
  ] as const)('%j in %s is %d', (text, locale, value) => {
    const n = parseLocaleNumber(text, locale);
    expect(n).toEqual({ value, percent: false });
  });

  it.each([
    ['12 %', 'en_US', 0.12],
    ['12%', 'en_US', 0.12],
    [`12,5${NBSP}%`, 'fr_FR', 0.125],
    ['%12,5', 'tr_TR', 0.125],
    ['-3%', 'en_US', -0.03],
    ['14.3%', 'en_US', 0.143],
    ['0,07 %', 'de_DE', 0.0007],
  ] as const)('%j in %s is the percentage %d, exactly', (text, locale, value) => {
    expect(parseLocaleNumber(text, locale)).toEqual({ value, percent: true });
  });

  it.each([
    ['1.234,5 €', 'de_DE', 1234.5, '€'],
    ['€ 1.234,50', 'nl_NL', 1234.5, '€'],
    ['$165,000', 'en_US', 165000, '$'],
    ['-$1,234.50', 'en_US', -1234.5, '$'],
    ['$-1,234.50', 'en_US', -1234.5, '$'],
    ['($1,234.50)', 'en_US', -1234.5, '$'],
    ["CHF 1'234.50", 'en_US', 1234.5, 'CHF'],
    ["CHF 1'234.50", 'de_CH', 1234.5, 'CHF'],
    ['USD 12', 'en_US', 12, 'USD'],
    ['12EUR', 'de_DE', 12, 'EUR'],
    ['R$ 1.234,56', 'pt_BR', 1234.56, 'R$'],
    ['US$12', 'en_US', 12, 'US$'],
    ['HK$12', 'en_US', 12, 'HK$'],
    ['£3.50', 'en_GB', 3.5, '£'],
    ['¥1,000', 'ja_JP', 1000, '¥'],
    ['1,000円', 'ja_JP', 1000, '円'],
    ['1 234,50 kr', 'sv_SE', 1234.5, 'kr'],
    ['12,50 zł', 'pl_PL', 12.5, 'zł'],
    ['1 000 Kč', 'cs_CZ', 1000, 'Kč'],
    ['12 Ft', 'hu_HU', 12, 'Ft'],
    ['₹12,34,567', 'hi_IN', 1234567, '₹'],
  ] as const)('%j in %s is %d %s', (text, locale, value, currency) => {
    expect(parseLocaleNumber(text, locale)).toEqual({ value, percent: false, currency });
  });

  it.each([
    ['3,5 h', 'de_DE', 3.5, 'h'],
    ['12 kg', 'en_US', 12, 'kg'],
    ['12kg', 'en_US', 12, 'kg'],
    ['40 active users', 'en_US', 40, 'active users'],
    ['100 km/h', 'en_US', 100, 'km/h'],
    ['12 ft', 'en_US', 12, 'ft'],
    ['12 Stück', 'de_DE', 12, 'Stück'],
  ] as const)('%j in %s is %d with the label %j', (text, locale, value, label) => {
    expect(parseLocaleNumber(text, locale)).toEqual({ value, percent: false, label });
  });
});

describe('parseLocaleNumber refuses what it could only guess', () => {
  it.each([
    // the locale's grouping mark where it cannot be grouping, the other mark where it could be decimal
    ['1,5', 'en_US'],
    ['0,7', 'en_US'],
    ['0,123', 'en_US'],
    ['1,0000', 'en_US'],
    ['1.5', 'de_DE'],
    ['0.7', 'de_DE'],
    ['0.123', 'de_DE'],
    ['1.234', 'fr_FR'],
    ['0.7', 'fr_FR'],
    ['1,234', 'de_CH'],
    ['12,34,567', 'en_US'],
    ['1.234,5', 'en_US'],
    ['1,234.5', 'de_DE'],
    ['1.234.567', 'en_US'],
    ["CHF 1'234.50", 'de_DE'],
    // malformed
    ['1,2,3', 'en_US'],
    ['1,2,3', 'de_DE'],
    ['1.234.5', 'en_US'],
    ['1.234.5', 'de_DE'],
    ['1,23,456', 'en_US'],
    ['1 2', 'en_US'],
    ['1 234.567,8', 'de_DE'],
    ["1'234 567", 'en_US'],
    ['.', 'en_US'],
    [',', 'de_DE'],
    ['5.', 'en_US'],
    ['1_000', 'en_US'],
    ['0x10', 'en_US'],
    ['1-2', 'en_US'],
    ['1e', 'en_US'],
    ['1e+', 'en_US'],
    ['e5', 'en_US'],
    ['1,5e3', 'en_US'],
    ['1,000e3', 'en_US'],
    // signs: at most one, of one kind
    ['--1', 'en_US'],
    ['+-1', 'en_US'],
    ['-1-', 'en_US'],
    ['(-1)', 'en_US'],
    ['-(1)', 'en_US'],
    ['(1', 'en_US'],
    ['1)', 'en_US'],
    ['1+', 'en_US'],
    // one of percent, currency, label
    ['12%%', 'en_US'],
    ['12 € %', 'de_DE'],
    ['$12 kg', 'en_US'],
    ['€12 $', 'en_US'],
    // words that would change what the number means
    ['165k', 'en_US'],
    ['$165K', 'en_US'],
    ['1,2 Mio.', 'de_DE'],
    ['3 bn', 'en_US'],
    ['3 Jan', 'en_US'],
    ['20 mars', 'fr_FR'],
    ['3 Mon', 'en_US'],
    // not numbers at all
    ['', 'en_US'],
    ['   ', 'en_US'],
    ['-', 'en_US'],
    ['%', 'en_US'],
    ['€', 'de_DE'],
    ['abc', 'en_US'],
    ['Infinity', 'en_US'],
    ['NaN', 'en_US'],
    ['Q1 2024', 'en_US'],
    ['20.03.2015', 'de_DE'],
    ['3/20/15', 'en_US'],
    ['2015-03-20', 'en_US'],
    ['10:30', 'en_US'],
    // out of range: never Infinity, never a silent 0
    ['1e400', 'en_US'],
    ['-1e400', 'en_US'],
    ['1e-400', 'en_US'],
    ['1'.repeat(400), 'en_US'],
    // hostile
    ['1\u00002', 'en_US'],
    ['\u00001', 'en_US'],
    ['1\u001b', 'en_US'],
    ['1'.repeat(2000), 'en_US'],
    [`${'1'.repeat(999)}%`, 'en_US'],
  ] as const)('%j in %s is not a number', (text, locale) => {
    expect(parseLocaleNumber(text, locale)).toBeUndefined();
  });

  it('refuses what is not a string', () => {
    expect(parseLocaleNumber(12 as unknown as string, 'en_US')).toBeUndefined();
  });
});

describe('guessDecimalMark', () => {
  it.each([
    [['105,75', '1.234,5'], ','],
    [['105,75', '12', ''], ','],
    [['1 234,5', '7'], ','],
    [['105.75', '1,234.5'], '.'],
    [['$1,234.50', '12 %'], '.'],
    [['1.234', '12'], undefined],
    [['1,234'], undefined],
    [['12', '7'], undefined],
    [['1,5', '1.5'], undefined],
    [['1.234,5', '1,234.5'], undefined],
    [['103.4', '...', '-', 'n/a', ''], '.'],
    [['abc'], undefined],
    [[], undefined],
    [['', '  '], undefined],
  ] as const)('%j → %j', (texts, mark) => {
    expect(guessDecimalMark(texts)).toBe(mark);
  });
});

describe('readingFor', () => {
  it('reads a file by its decimal mark, whatever the locale', () => {
    expect(parseLocaleNumber('1,234.5', readingFor('.'))?.value).toBe(1234.5);
    expect(parseLocaleNumber('1.234,5', readingFor(','))?.value).toBe(1234.5);
    expect(parseLocaleNumber('1.234,5', readingFor('.'))).toBeUndefined();
    expect(parseLocaleNumber('1 234,5 €', readingFor(','))).toEqual({
      value: 1234.5,
      percent: false,
      currency: '€',
    });
  });
});

describe('formatLocaleNumber', () => {
  it.each([
    [1234.5, 'de_DE', { currency: '€' }, `1.234,5${NBSP}€`],
    [1234.5, 'en_US', { currency: '$', decimals: 2 }, '$1,234.50'],
    [-1234.5, 'en_US', { currency: '$', decimals: 2 }, '-$1,234.50'],
    [1234.5, 'en_US', { currency: 'CHF', decimals: 2 }, `CHF${NBSP}1,234.50`],
    [1234.5, 'de_CH', { currency: 'CHF', decimals: 2 }, `CHF${NBSP}1'234.50`],
    [1234.5, 'nl_NL', { currency: '€', decimals: 2 }, `€${NBSP}1.234,50`],
    [0.125, 'fr_FR', { percent: true }, `12,5${NBSP}%`],
    [0.125, 'en_US', { percent: true }, '12.5%'],
    [0.125, 'tr_TR', { percent: true }, '%12,5'],
    [-0.03, 'de_DE', { percent: true }, `-3${NBSP}%`],
    [0.7, 'de_DE', {}, '0,7'],
    [1234567.891, 'fr_FR', {}, `1${NNBSP}234${NNBSP}567,891`],
    [1234567, 'hi_IN', {}, '12,34,567'],
    [1234, 'es_ES', {}, '1234'],
    [12345, 'es_ES', {}, '12.345'],
    [1234, 'de_DE', {}, '1.234'],
    [3.5, 'de_DE', { label: 'h' }, `3,5${NBSP}h`],
    [1.005, 'en_US', { decimals: 2 }, '1.01'],
    [2.5, 'en_US', { decimals: 0 }, '3'],
    [-2.5, 'en_US', { decimals: 0 }, '-3'],
    [0.5, 'en_US', { decimals: 0 }, '1'],
    [0.04, 'en_US', { decimals: 1 }, '0.0'],
    [9.999, 'en_US', { decimals: 2 }, '10.00'],
    [-0.0001, 'en_US', { decimals: 2 }, '0.00'],
    [-0, 'en_US', {}, '0'],
    [0, 'de_DE', { decimals: 2 }, '0,00'],
    [1e21, 'de_DE', {}, '1.000.000.000.000.000.000.000'],
    [1.5e-7, 'en_US', {}, '0.00000015'],
  ] as const)('%d in %s with %j is %j', (value, locale, options, text) => {
    expect(formatLocaleNumber(value, locale, options)).toBe(text);
  });

  it.each([NaN, Infinity, -Infinity])('%d gives "", never NaN', (v) => {
    expect(formatLocaleNumber(v, 'en_US')).toBe('');
    expect(formatLocaleNumber(v, 'de_DE', { percent: true, decimals: 2 })).toBe('');
  });
});

describe('month and weekday names', () => {
  it.each([
    ['März', 3],
    ['marz', 3],
    ['Mrz.', 3],
    ['mars', 3],
    ['févr.', 2],
    ['fevr', 2],
    ['dic', 12],
    ['Dez.', 12],
    ['mei', 5],
    ['maggio', 5],
    ['Août', 8],
    ['out', 10],
    ['Sept.', 9],
    ['Jänner', 1],
    ['noon', undefined],
  ] as const)('%j is month %j', (word, month) => {
    expect(monthOfName(word)).toBe(month);
  });

  it('knows that "mar" is Tuesday in French and Spanish, and "Mi." Wednesday in German', () => {
    expect(weekdaysOfName('mar')).toEqual([2]);
    expect(weekdaysOfName('Mi.')).toEqual([3]);
    expect(weekdaysOfName('Wednesday')).toEqual([3]);
    expect(weekdaysOfName('soon')).toEqual([]);
  });
});

const locale = fc.constantFrom(...LOCALES.map((l) => l.id));
const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => (v === 0 ? 0 : v));

describe('properties', () => {
  it('format then parse gives the value back, in every locale of the table', () => {
    fc.assert(
      fc.property(finite, locale, (v, id) => {
        const text = formatLocaleNumber(v, id);
        expect(parseLocaleNumber(text, id)).toEqual({ value: v, percent: false });
      }),
      { numRuns: 3000 },
    );
  });

  it('the round trip keeps percent, currency and label too', () => {
    const marks: fc.Arbitrary<FormatOptions> = fc.oneof(
      fc.constant({ percent: true }),
      fc.constantFrom('€', '$', 'CHF', 'USD', 'kr', 'zł', 'R$', '¥').map((currency) => ({ currency })),
      fc.constantFrom('h', 'kg', 'users', 'Stück').map((label) => ({ label })),
    );
    fc.assert(
      fc.property(finite, locale, marks, (v, id, options) => {
        const parsed = parseLocaleNumber(formatLocaleNumber(v, id, options), id);
        expect(parsed).toEqual({ value: v, percent: options.percent === true, ...options });
      }),
      { numRuns: 3000 },
    );
  });

  it('with fixed decimals, every locale reads back the same rounded value', () => {
    const modest = fc.double({ min: -1e12, max: 1e12, noNaN: true });
    fc.assert(
      fc.property(modest, locale, fc.integer({ min: 0, max: 6 }), (v, id, decimals) => {
        const here = parseLocaleNumber(formatLocaleNumber(v, id, { decimals }), id);
        const there = parseLocaleNumber(formatLocaleNumber(v, 'en_US', { decimals }), 'en_US');
        expect(here?.value).toBe(there?.value);
        expect(Math.abs(here!.value - v)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + Math.abs(v) * 1e-15);
      }),
      { numRuns: 2000 },
    );
  });

  it('parse never gives NaN or Infinity, whatever the text', () => {
    const numberish = fc
      .array(fc.constantFrom(..."0123456789.,' %-−+()$€e\u00a0\u202fkgE".split('')), { maxLength: 24 })
      .map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.oneof(numberish, fc.string({ maxLength: 40 })), locale, (text, id) => {
        const n = parseLocaleNumber(text, id);
        if (n !== undefined) expect(Number.isFinite(n.value)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

// Public files written by others (tests/fixtures/real-tabs, sources in its SOURCES.md): each KPI column a
// person names in answers.json, its texts as the file holds them.
const LONG_TABS = [
  'it-dpc-covid19-andamento-nazionale.csv',
  'us-cdc-ilinet-national.csv',
  'us-uidaho-ga4-export-jan-may-2026.csv',
  'de-destatis-61111-0002-consumer-price-index.csv',
  'us-fred-unrate.csv',
  'eu-ecb-eurofxref-hist.csv',
  'us-eia-brent-spot-price-daily.csv',
  'us-panynj-air-passenger-traffic.csv',
  'eu-eurostat-ert-bil-eur-m-exchange-rates.csv',
  'rundouble-interval-run-log.csv',
  'fr-insee-air-france-passagers-vols-interieurs.csv',
  'ie-debt-to-gdp-ratio.csv',
  'at-ages-covidfaelle-timeline.csv',
  'es-ine-50902-ipc-indice-general.csv',
  'es-ine-72956-gasto-consumo-hogares.csv',
  'de-rki-covid-sari-hospitalisierungsinzidenz.tsv',
  'us-bea-real-gdp-growth-quarterly.csv',
  'us-capital-bikeshare-hourly.csv',
];

describe('real tabs', () => {
  const corpus = loadCorpus(path.resolve('tests/fixtures/real-tabs'));
  const columns = LONG_TABS.flatMap((file) => {
    const answer = corpus.answers.find((a) => a.file === file)!;
    const rows = readCsv(readFileSync(path.join(corpus.dir, file), 'utf8')).rows;
    const headerRows = answer.headerRows ?? [answer.headerRow];
    return answer.kpis.map((kpi) => {
      const c = columnOf(kpi.column, rows, headerRows)!;
      const texts = rows
        .slice(Math.max(...headerRows))
        .map((r) => r[c] ?? '')
        .filter((t) => /\d/.test(t));
      return { name: `${file} ${kpi.column}`, texts, decimal: answer.decimal, latest: kpi.latest };
    });
  });

  it('never guesses a decimal mark other than the one a person reads off the file', () => {
    expect(columns).toHaveLength(38);
    const wrong = columns.filter((c) => ![undefined, c.decimal].includes(guessDecimalMark(c.texts)));
    expect(wrong.map((c) => c.name)).toEqual([]);
    // it decides wherever the digits tell: every column with a fraction in it
    const undecided = columns.filter(
      (c) => guessDecimalMark(c.texts) === undefined && c.texts.some((t) => /\d[.,]\d{1,2}$/.test(t)),
    );
    expect(undecided.map((c) => c.name)).toEqual([]);
  });

  it('with the file’s decimal mark, reads every value of every KPI column, the latest included', () => {
    for (const c of columns) {
      const unread = c.texts.filter((t) => !parseLocaleNumber(t, readingFor(c.decimal)));
      // the one text that is no value: the series code above Ireland's figures
      expect(unread, c.name).toEqual(c.name.startsWith('ie-debt') ? ['AME.A.IRL.1.0.319.0.UDGGL'] : []);
      expect(
        c.texts.some((t) => parseLocaleNumber(t, readingFor(c.decimal))?.value === c.latest),
        c.name,
      ).toBe(true);
    }
  });

  it('reads an English export as such in a de_DE spreadsheet only through its guessed mark', () => {
    const cpi = columns.find((c) => c.name.includes('destatis') && c.name.endsWith('Consumer price index'))!;
    expect(cpi.texts.filter((t) => parseLocaleNumber(t, 'de_DE'))).toEqual([]); // 103.4 is no de_DE number
    expect(parseLocaleNumber(cpi.texts[0]!, readingFor(guessDecimalMark(cpi.texts)!))).toEqual({
      value: 103.4,
      percent: false,
    });
  });
});
