// Values in the spreadsheet's locale: text typed or written by setValues becomes the number or date Sheets
// would make of it there (core's readers: 1,234.5 and 3/20/15 in en_US, 1.234,5 and 20.03.2015 in de_DE),
// numbers and dates display as the locale writes them (0,5 · 1.234,5 · 31.03.2027), and the locale is part of
// the workbook: getSpreadsheetLocale, setSpreadsheetLocale, and a saved state that reloads in its locale.
import { types } from 'node:util';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/core/locale';
import { autoDatePattern } from '../../src/playground/emulator/locale';
import { newAddon, run, thrown } from '../helpers/addon';

const NNBSP = '\u202f';

/** Writes each text as setValues does, and returns what the cell then holds and shows. */
function typed(locale: string, texts: string[]) {
  const addon = newAddon({ locale });
  const sheet = addon.spreadsheet.getSheets()[0]!;
  const range = sheet.getRange(1, 1, texts.length, 1);
  range.setValues(texts.map((t) => [t]));
  // Dates come from the add-on's realm: `instanceof Date` of this realm does not hold for them
  const values = range.getValues().map((r) => (types.isDate(r[0]) ? r[0].toISOString().slice(0, 10) : r[0]));
  return { values, shown: range.getDisplayValues().map((r) => r[0]) };
}

describe('text typed or written by setValues', () => {
  it('en_US: 3/20/15 and Jan 2024 are dates, 1,234.5 a number; 0,5 and 20/03/2015 stay text', () => {
    expect(typed('en_US', ['3/20/15', 'Jan 2024', '1,234.5', '0.5', '0,5', '20/03/2015'])).toEqual({
      values: ['2015-03-20', '2024-01-01', 1234.5, 0.5, '0,5', '20/03/2015'],
      shown: ['3/20/2015', '1/1/2024', '1,234.50', '0.5', '0,5', '20/03/2015'],
    });
  });

  it('de_DE: 20.03.2015 is a date, 1.234,5 and 0,5 numbers, 5,2 % a percent; 0.7 and 3/20/15 stay text', () => {
    expect(typed('de_DE', ['20.03.2015', '1.234,5', '0,5', '5,2 %', '1.234 €', '0.7', '3/20/15'])).toEqual({
      values: ['2015-03-20', 1234.5, 0.5, 0.052, 1234, '0.7', '3/20/15'],
      shown: ['20.03.2015', '1.234,50', '0,5', '5,20%', '1.234 €', '0.7', '3/20/15'],
    });
  });

  it('fr_FR: 20/03/2015 is a date, 1 234,5 a number grouped with narrow no-break spaces; 3/20/15 stays text', () => {
    expect(typed('fr_FR', ['20/03/2015', '1 234,5', '0,25', '3/20/15'])).toEqual({
      values: ['2015-03-20', 1234.5, 0.25, '3/20/15'],
      shown: ['20/03/2015', `1${NNBSP}234,50`, '0,25', '3/20/15'],
    });
  });

  it('a user typing into a cell (editCell) is read in the locale too', () => {
    const addon = newAddon({ locale: 'de_DE' });
    expect(addon.editCell('Sheet1', 'A1', '12,5')).toEqual({ ok: true });
    expect(addon.editCell('Sheet1', 'A2', '31.03.2027')).toEqual({ ok: true });
    const sheet = addon.spreadsheet.getSheets()[0]!;
    expect(sheet.getRange('A1').getValue()).toBe(12.5);
    expect((sheet.getRange('A2').getValue() as Date).toISOString()).toBe('2027-03-31T00:00:00.000Z');
    expect(addon.view().sheet.cells.A2).toMatchObject({ text: '31.03.2027', kind: 'number' });
  });
});

describe('display in the locale', () => {
  it.each([
    ['en_US', '0.5', '1234.5', '1,234.50', '3/31/2027'],
    ['de_DE', '0,5', '1234,5', '1.234,50', '31.03.2027'],
    ['fr_FR', '0,5', '1234,5', `1${NNBSP}234,50`, '31/03/2027'],
  ])('%s: %s, %s, %s and %s', (locale, half, general, grouped, date) => {
    const addon = newAddon({ locale });
    const sheet = addon.spreadsheet.getSheets()[0]!;
    sheet.getRange('A1:C1').setValues([[0.5, 1234.5, 1234.5]]);
    sheet.getRange('C1').setNumberFormat('#,##0.00');
    sheet.getRange('D1').setFormula('=OKR_QUARTER_END("2027-Q1")');
    expect(sheet.getRange('A1:D1').getDisplayValues()).toEqual([[half, general, grouped, date]]);
    expect(addon.view().sheet.cells.D1?.text).toBe(date);
  });

  it('a date a script writes gets the locale’s date format', () => {
    const addon = newAddon({ locale: 'de_DE' });
    run(addon, `SpreadsheetApp.getActive().getRange('A1').setValue(new Date(Date.UTC(2027, 2, 31)))`);
    expect(addon.spreadsheet.getRange('A1').getNumberFormat()).toBe('dd.MM.yyyy');
    expect(addon.spreadsheet.getRange('A1').getDisplayValue()).toBe('31.03.2027');
  });

  it('values display in the new locale when it changes', () => {
    const addon = newAddon();
    const a1 = addon.spreadsheet.getRange('A1');
    a1.setValue(0.5);
    expect(a1.getDisplayValue()).toBe('0.5');
    addon.spreadsheet.setSpreadsheetLocale('de_DE');
    expect(a1.getDisplayValue()).toBe('0,5');
    expect(a1.getValue()).toBe(0.5);
  });

  it('the locale’s automatic date has the date order of core’s table, for every locale in it', () => {
    const orderOf = (pattern: string) =>
      [...pattern.replace(/"[^"]*"/g, '').matchAll(/y+|M+|d+/g)].map((m) => m[0][0]!.toUpperCase()).join('');
    for (const rules of LOCALES)
      expect([rules.id, orderOf(autoDatePattern(rules))]).toEqual([rules.id, rules.dateOrder]);
    expect(LOCALES.filter((r) => ['en_US', 'de_DE', 'fr_FR'].includes(r.id)).map(autoDatePattern)).toEqual([
      'M/d/yyyy',
      'dd.MM.yyyy',
      'dd/MM/yyyy',
    ]);
  });
});

describe('the locale of the workbook', () => {
  it('is en_US unless the workbook is opened in another; custom functions may read it', () => {
    expect(newAddon().spreadsheet.getSpreadsheetLocale()).toBe('en_US');
    const addon = newAddon({ locale: 'fr_FR' });
    expect(run(addon, 'SpreadsheetApp.getActive().getSpreadsheetLocale()')).toBe('fr_FR');
    run(addon, 'OKR_QUARTER = function () { return SpreadsheetApp.getActive().getSpreadsheetLocale(); };');
    addon.spreadsheet.getRange('A1').setFormula('=OKR_QUARTER(1)');
    expect(addon.spreadsheet.getRange('A1').getValue()).toBe('fr_FR');
  });

  it('setSpreadsheetLocale refuses a locale Sheets does not offer, and changes nothing', () => {
    const addon = newAddon();
    expect(thrown(() => run(addon, `SpreadsheetApp.getActive().setSpreadsheetLocale('xx_YY')`))).toBe(
      'Invalid argument: locale (xx_YY)',
    );
    expect(addon.spreadsheet.getSpreadsheetLocale()).toBe('en_US');
  });

  it('a workbook saved in de_DE reloads in de_DE: its formulas read and show as before', () => {
    const addon = newAddon({ locale: 'de_DE' });
    const sheet = addon.spreadsheet.getSheets()[0]!;
    sheet.getRange('A1:C1').setValues([['1,5', '=SUM(A1;2,5)', '=SUM(A1,5)']]);
    const state = JSON.parse(JSON.stringify(addon.toState()));
    expect(state.locale).toBe('de_DE');
    expect(state.sheets[0].cells).toMatchObject({ A1: 1.5, B1: '=SUM(A1;2,5)', C1: '=SUM(A1,5)' });
    const again = newAddon({ state });
    const s = again.spreadsheet.getSheets()[0]!;
    expect(again.spreadsheet.getSpreadsheetLocale()).toBe('de_DE');
    expect(s.getRange('A1:C1').getFormulas()).toEqual([['', '=SUM(A1;2,5)', '=SUM(A1,5)']]);
    expect(s.getRange('A1:C1').getValues()).toEqual([[1.5, 4, '#ERROR!']]);
    expect(s.getRange('B1').getDisplayValue()).toBe('4');
  });

  it('a state saved before locales were emulated opens in en_US', () => {
    const state = newAddon().toState() as Partial<ReturnType<ReturnType<typeof newAddon>['toState']>>;
    delete state.locale;
    expect(newAddon({ state: state as never }).spreadsheet.getSpreadsheetLocale()).toBe('en_US');
  });
});
