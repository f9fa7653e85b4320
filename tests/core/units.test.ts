// Units, decided without a spreadsheet: what a unit text is, the Sheets format for it, the unit a format shows,
// a number as typed with its unit, and a number as a person reads it, in the spreadsheet's locale (with CLDR's
// no-break spaces).
// Every format here is one the emulator renders (tests/server/quarters.test.ts shows them in cells).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/core/locale';
import {
  displayNumber,
  editableNumber,
  numberFormatOf,
  readPlainNumber,
  readQuantity,
  readUnit,
  UNITS,
  unitChoice,
  unitOfFormat,
  unitText,
} from '../../src/core/units';

describe('unit texts', () => {
  it.each([
    ['%', '%', 'percent'],
    ['$', '$', 'currency'],
    [' € ', '€', 'currency'],
    ['CHF', 'CHF', 'currency'],
    ['h', 'h', 'duration'],
    ['ms', 'ms', 'duration'],
    ['MWh', 'MWh', 'number'],
    ['tickets', 'tickets', 'number'],
    ['', '', 'number'],
    // the KPIs registry's words, as older cells hold them
    ['currency', '$', 'currency'],
    ['Duration', 'h', 'duration'],
    ['count', '', 'count'],
    ['number', '', 'number'],
  ])('%j reads as %j, a %s', (text, canonical, kind) => {
    expect(readUnit(text)).toEqual({ text: canonical, kind });
  });

  it('is none for text no unit is written as', () => {
    expect(readUnit('%%')).toBeUndefined();
    expect(readUnit('=A1')).toBeUndefined();
    expect(readUnit('a very long label that is no unit')).toBeUndefined();
    expect(unitText('=A1')).toBe('');
  });

  it('maps every unit to one of the KPI form choices, and every choice to itself', () => {
    for (const choice of UNITS) expect(unitChoice(readUnit(choice)!)).toBe(choice);
    expect(unitChoice(readUnit('€')!)).toBe('currency');
    expect(unitChoice(readUnit('h')!)).toBe('duration');
  });
});

describe('number formats', () => {
  it.each([
    ['%', [0.0806], '0.0%'],
    ['$', [165_000], '$#,##0'],
    ['$', [4.99], '$#,##0.00'],
    ['€', [12], '[$€]#,##0'],
    ['CHF', [1.5], '[$CHF] #,##0.00'],
    ['h', [36, 24], '#,##0 "h"'],
    ['h', [46.5], '#,##0.0 "h"'],
    ['tickets', [1.125], '#,##0.00 "tickets"'],
    ['count', [31], '#,##0'],
    ['', [0.5], 'General'],
    ['currency', [], '$#,##0'],
  ])('%j with %j → %j', (unit, values, format) => {
    expect(numberFormatOf(unit, values)).toBe(format);
  });

  it.each([
    ['0.0%', '%'],
    ['0%', '%'],
    ['$#,##0', '$'],
    ['"$"#,##0.00', '$'],
    ['[$€-407]#,##0', '€'],
    ['[$CHF] #,##0.00', 'CHF'],
    ['#,##0.0 "h"', 'h'],
    ['#,##0 "tickets"', 'tickets'],
    ['#,##0', ''],
    ['General', ''],
    ['yyyy-mm-dd', ''],
    ['[$-409]#,##0', ''],
    [undefined, ''],
  ])('the unit format %j shows is %j', (format, unit) => {
    expect(unitOfFormat(format)).toBe(unit);
  });

  it('guesses back the unit of every format it makes', () => {
    for (const unit of ['%', '$', '€', '£', 'CHF', 'USD', 'h', 'ms', 'MWh', 'tickets']) {
      for (const values of [[1], [1.5], [1.25]]) {
        expect(unitOfFormat(numberFormatOf(unit, values))).toBe(unit);
      }
    }
  });
});

describe('typed numbers keep their unit (en_US)', () => {
  it.each([
    [12, { value: 12, unit: '' }],
    ['10,000', { value: 10_000, unit: '' }],
    ['1e3', { value: 1000, unit: '' }],
    ['8%', { value: 0.08, unit: '%' }],
    ['$165,000', { value: 165_000, unit: '$' }],
    ['-$5', { value: -5, unit: '$' }],
    ['$-5', { value: -5, unit: '$' }],
    ['€12.50', { value: 12.5, unit: '€' }],
    ['12 €', { value: 12, unit: '€' }],
    ['CHF 1,200', { value: 1200, unit: 'CHF' }],
    ['36 h', { value: 36, unit: 'h' }],
    ['12.5h', { value: 12.5, unit: 'h' }],
    ['1,200 tickets', { value: 1200, unit: 'tickets' }],
    // what number reading knows (core/locale-number.ts): currency words, accounting negatives
    ['US$5', { value: 5, unit: 'US$' }],
    ['12 kr', { value: 12, unit: 'kr' }],
    ['(1,234)', { value: -1234, unit: '' }],
  ])('%j → %j', (typed, quantity) => {
    expect(readQuantity('target', typed, 'en_US')).toEqual(quantity);
  });

  it('is blank for blank, and an error naming the field otherwise', () => {
    expect(readQuantity('target', '  ', 'en_US')).toBeUndefined();
    for (const bad of ['abc', '$', '12 currency', '€12,50', '5 5', 'about forty', '165k', '1 m', '0,7']) {
      expect(() => readQuantity('target', bad, 'en_US')).toThrow(
        `target ${JSON.stringify(bad)} is not a number`,
      );
    }
  });
});

describe('typed numbers in the locale of the spreadsheet', () => {
  it.each([
    ['de_DE', '0,7', { value: 0.7, unit: '' }],
    ['de_DE', '1.234,5', { value: 1234.5, unit: '' }],
    ['de_DE', '12 %', { value: 0.12, unit: '%' }],
    ['de_DE', '12%', { value: 0.12, unit: '%' }],
    ['de_DE', '€ 1.200', { value: 1200, unit: '€' }],
    ['de_DE', '1.200 €', { value: 1200, unit: '€' }],
    ['de_DE', '165.000 $', { value: 165_000, unit: '$' }],
    ['de_DE', '36,5 h', { value: 36.5, unit: 'h' }],
    ['fr_FR', '1 234,5', { value: 1234.5, unit: '' }],
    ['fr_FR', '12,5\u00a0%', { value: 0.125, unit: '%' }],
    ['fr_FR', '1\u202f200\u00a0€', { value: 1200, unit: '€' }],
    ['de_CH', "1'234.50 CHF", { value: 1234.5, unit: 'CHF' }],
    ['en_US', '$165,000', { value: 165_000, unit: '$' }],
  ])('in %s, %j → %j', (locale, typed, quantity) => {
    expect(readQuantity('target', typed, locale)).toEqual(quantity);
  });

  it('refuses a number written as another locale writes it, rather than reading it wrong', () => {
    // `0.7` is no de_DE number, `1.234` no fr_FR one (each is a decimal number somewhere else)
    for (const [locale, typed] of [
      ['de_DE', '0.7'],
      ['fr_FR', '1.234'],
      ['en_US', '1,5'],
    ] as const) {
      expect(() => readQuantity('value', typed, locale)).toThrow(`value "${typed}" is not a number`);
    }
  });

  it('reads a plain number, or a percent as its fraction, and nothing in another unit', () => {
    expect(readPlainNumber('greenFrom', '0,65', 'de_DE')).toBe(0.65);
    expect(readPlainNumber('greenFrom', '65 %', 'de_DE')).toBe(0.65);
    expect(readPlainNumber('weight', '  ', 'de_DE')).toBeUndefined();
    expect(() => readPlainNumber('weight', '2 €', 'de_DE')).toThrow('weight "2 €" is not a number');
    expect(() => readPlainNumber('weight', '2 h', 'en_US')).toThrow('weight "2 h" is not a number');
  });

  it('reads back what a form field shows, in every unit and every locale', () => {
    const units = ['', '%', '$', '€', 'CHF', 'h', 'tickets'];
    fc.assert(
      fc.property(
        fc.constantFrom(...LOCALES.map((l) => l.id)),
        fc.constantFrom(...units),
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        (locale, unit, v) => {
          const back = readQuantity('', editableNumber(v, unit, locale), locale);
          expect(back?.unit).toBe(unit);
          expect(back?.value).toBeCloseTo(v, 5);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('display (en_US)', () => {
  it.each([
    [0.071, '%', '7.1%'],
    [51_234, '$', '$51,234'],
    [51_234, 'currency', '$51,234'],
    [12.5, '€', '€12.50'],
    [1234.504, '$', '$1,234.50'],
    [160_459.4, '$', '$160,459'],
    [4.999, '$', '$5'],
    [1200, 'CHF', 'CHF\u00a01,200'],
    [36, 'h', '36\u00a0h'],
    [36, 'duration', '36\u00a0h'],
    [1234.5, 'tickets', '1,235\u00a0tickets'],
    [0.08, '%', '8%'],
    [-3, '$', '-$3'],
    [31, 'count', '31'],
    [0.12345, '', '0.1235'],
    ['', '%', '–'],
    ['done', '', 'done'],
  ])('%j in %j reads %j', (v, unit, text) => {
    expect(displayNumber(v, unit, 'en_US')).toBe(text);
  });

  it('edits in the unit, without rounding', () => {
    expect(editableNumber(0.055, '%', 'en_US')).toBe('5.5%');
    expect(editableNumber(4.99, '$', 'en_US')).toBe('$4.99');
    expect(editableNumber(1200, 'CHF', 'en_US')).toBe('CHF\u00a01,200');
    expect(editableNumber(36, 'h', 'en_US')).toBe('36\u00a0h');
    expect(editableNumber(0.123456789, '%', 'en_US')).toBe('12.3457%');
    expect(editableNumber(0.1 + 0.2, '%', 'en_US')).toBe('30%');
    expect(editableNumber(31, 'count', 'en_US')).toBe('31');
    expect(editableNumber('', '$', 'en_US')).toBe('');
  });
});

describe('display in other locales', () => {
  it.each([
    ['de_DE', 0.071, '%', '7,1\u00a0%'],
    ['de_DE', 51_234, '$', '51.234\u00a0$'],
    ['de_DE', 1234.5, '€', '1.234,50\u00a0€'],
    ['de_DE', 1234.5, '', '1.235'],
    ['de_DE', 2.25, '', '2,25'],
    ['de_DE', 36.5, 'h', '36,5\u00a0h'],
    ['fr_FR', 160_459, '€', '160\u202f459\u00a0€'],
    ['fr_FR', 0.125, '%', '12,5\u00a0%'],
    ['es_ES', 1234, '', '1234'],
    ['hi_IN', 1_234_567, '', '12,34,567'],
  ])('in %s, %j in %j reads %j', (locale, v, unit, text) => {
    expect(displayNumber(v, unit, locale)).toBe(text);
  });

  it('edits in the locale: a decimal comma where the locale writes one', () => {
    expect(editableNumber(0.7, '', 'de_DE')).toBe('0,7');
    expect(editableNumber(1.5, '', 'fr_FR')).toBe('1,5');
    expect(editableNumber(0.055, '%', 'de_DE')).toBe('5,5\u00a0%');
    expect(editableNumber(4.99, '$', 'de_DE')).toBe('4,99\u00a0$');
  });
});
