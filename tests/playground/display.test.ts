// What a user sees: number formats rendered as Sheets renders them, conditional-format colours, and typing into
// cells (the playground's editCell) read as Sheets reads input.
import { describe, expect, it } from 'vitest';
import { renderGeneral } from '../../src/playground/emulator/formats';
import { newAddon, run, thrown } from '../helpers/addon';

function setup() {
  const addon = newAddon();
  const sheet = run(addon, 'SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]');
  return { addon, sheet, app: run(addon, 'SpreadsheetApp') };
}

describe('number formats', () => {
  const cases: Array<[string, number, string]> = [
    ['General', 0.8333333333333334, '0.8333333333'],
    ['General', 1234567, '1234567'],
    ['0', 2.5, '3'],
    ['0', -2.5, '-3'],
    ['0.0', 0.05, '0.1'],
    ['0.00', 1.005, '1.01'],
    ['#,##0', 1234567.4, '1,234,567'],
    ['#,##0.00', -1234.5, '-1,234.50'],
    ['0%', 0.834, '83%'],
    ['0.0%', 0.0567, '5.7%'],
    ['0.00%', 0.08, '8.00%'],
    ['$#,##0', 12500, '$12,500'],
    ['$#,##0.00', -3.5, '-$3.50'],
    ['"€"#,##0.00', 1234.5, '€1,234.50'],
    ['#,##0.0" h"', 12.25, '12.3 h'],
    ['yyyy-mm-dd', 46428, '2027-02-10'],
    ['yyyy-mm-dd hh:mm', 46428.75, '2027-02-10 18:00'],
    ['M/d/yyyy', 46428, '2/10/2027'],
    ['d mmm yyyy', 46428, '10 Feb 2027'],
    ['ddd', 46428, 'Wed'],
  ];
  it.each(cases)('%s renders %d as %s', (format, value, shown) => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(value).setNumberFormat(format);
    expect(sheet.getRange('A1').getDisplayValue()).toBe(shown);
    expect(sheet.getRange('A1').getNumberFormat()).toBe(format);
  });

  it('throws "not emulated" for a pattern it cannot render faithfully', () => {
    const { sheet } = setup();
    expect(thrown(() => sheet.getRange('A1').setNumberFormat('0.0;[Red]-0.0'))).toBe(
      'not emulated: number format "0.0;[Red]-0.0"',
    );
    expect(thrown(() => sheet.getRange('A1').setNumberFormat('0.00E+00'))).toBe(
      'not emulated: number format "0.00E+00"',
    );
  });

  it('General shows up to 10 significant digits and scientific notation for the very large', () => {
    expect(renderGeneral(1 / 3)).toBe('0.3333333333');
    expect(renderGeneral(100 / 3)).toBe('33.33333333');
    expect(renderGeneral(1e15)).toBe('1E+15');
    expect(renderGeneral(0.30000000000000004)).toBe('0.3');
  });

  it('a date keeps its format when the value is read back as a Date', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('2027-01-05');
    expect(sheet.getRange('A1').getNumberFormat()).toBe('yyyy-mm-dd');
    sheet.getRange('A1').setNumberFormat('0');
    expect(sheet.getRange('A1').getValue()).toBe(46392);
  });
});

describe('conditional formats in the grid', () => {
  it('colour cells by text, by number and by a custom formula with relative references', () => {
    const { addon, app, sheet } = setup();
    sheet.getRange('A1:B4').setValues([
      ['green', 0.9],
      ['red', 0.2],
      ['yellow', 0.5],
      ['', ''],
    ]);
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenTextEqualTo('green')
        .setBackground('#b7e1cd')
        .setRanges([sheet.getRange('A1:A4')])
        .build(),
      app
        .newConditionalFormatRule()
        .whenNumberLessThan(0.4)
        .setBackground('#f4c7c3')
        .setRanges([sheet.getRange('B1:B4')])
        .build(),
      app
        .newConditionalFormatRule()
        .whenNumberBetween(0.4, 0.7)
        .setBackground('#fce8b2')
        .setRanges([sheet.getRange('B1:B4')])
        .build(),
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=$B1>=0.7')
        .setFontColor('#137333')
        .setRanges([sheet.getRange('C1:C4')])
        .build(),
    ]);
    sheet.getRange('C1:C3').setValues([['a'], ['b'], ['c']]);
    const cells = addon.view().sheet.cells;
    expect(cells.A1!.background).toBe('#b7e1cd');
    expect(cells.A2!.background).toBeUndefined();
    expect(cells.B1!.background).toBeUndefined();
    expect(cells.B2!.background).toBe('#f4c7c3');
    expect(cells.B3!.background).toBe('#fce8b2');
    expect(cells.B4?.background).toBeUndefined();
    expect(cells.C1!.color).toBe('#137333');
    expect(cells.C2!.color).toBeUndefined();
  });

  it('the first matching rule wins over later ones', () => {
    const { addon, app, sheet } = setup();
    sheet.getRange('A1').setValue(0.1);
    const range = [sheet.getRange('A1')];
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenNumberLessThan(0.4)
        .setBackground('#ff0000')
        .setRanges(range)
        .build(),
      app
        .newConditionalFormatRule()
        .whenNumberLessThan(0.5)
        .setBackground('#00ff00')
        .setRanges(range)
        .build(),
    ]);
    expect(addon.view().sheet.cells.A1!.background).toBe('#ff0000');
  });
});

describe('typing into a cell (editCell)', () => {
  it('reads numbers, percents, dates and formulas as Sheets does; a leading apostrophe keeps text', () => {
    const { addon, sheet } = setup();
    const inputs = ['12', '12.5%', '2027-03-31', '=A1*2', "'=A1", 'TRUE', 'hello'];
    inputs.forEach((input, i) => {
      expect(addon.editCell('Sheet1', `A${i + 1}`, input)).toEqual({ ok: true });
    });
    const values = sheet
      .getRange('A1:A7')
      .getValues()
      .map((r: unknown[]) => r[0]);
    expect(values[0]).toBe(12);
    expect(values[1]).toBe(0.125);
    expect((values[2] as Date).toISOString()).toBe('2027-03-31T00:00:00.000Z');
    expect(values.slice(3)).toEqual([24, '=A1', true, 'hello']);
    expect(
      sheet
        .getRange('A1:A7')
        .getDisplayValues()
        .map((r: string[]) => r[0]),
    ).toEqual(['12', '12.50%', '2027-03-31', '24', '=A1', 'TRUE', 'hello']);
    const cells = addon.view().sheet.cells;
    expect(cells.A4!.input).toBe('=A1*2');
    expect(cells.A5!.input).toBe("'=A1");
    expect(cells.A2!.input).toBe('12.5%');
  });

  it('recalculates dependent formulas', () => {
    const { addon, sheet } = setup();
    addon.editCell('Sheet1', 'A1', '2');
    addon.editCell('Sheet1', 'B1', '=A1*10');
    addon.editCell('Sheet1', 'A1', '5');
    expect(sheet.getRange('B1').getValue()).toBe(50);
    expect(addon.view().sheet.cells.B1!.text).toBe('50');
  });
});
