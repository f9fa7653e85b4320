// Reading and writing cells as Apps Script does: what getValues returns, what setValues accepts and refuses,
// and what strings become when written.
import { describe, expect, it } from 'vitest';
import { newAddon, run, thrown } from '../helpers/addon';

function sheetOf(addon: ReturnType<typeof newAddon>) {
  return run(addon, 'SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]');
}

describe('getValues', () => {
  it('returns "" for blanks, numbers, booleans and text as they are', () => {
    const addon = newAddon();
    const sheet = sheetOf(addon);
    sheet.getRange('A1:D1').setValues([[42, true, 'text', null]]);
    const values = sheet.getRange('A1:E1').getValues();
    expect(values).toEqual([[42, true, 'text', '', '']]);
  });

  it('returns Date objects for date cells, and they are Dates in the add-on (instanceof Date holds)', () => {
    const addon = newAddon();
    run(
      addon,
      `SpreadsheetApp.getActiveSpreadsheet().getRange('A1').setValue(new Date(Date.UTC(2027, 0, 5)))`,
    );
    expect(
      run(addon, `SpreadsheetApp.getActiveSpreadsheet().getRange('A1').getValue() instanceof Date`),
    ).toBe(true);
    expect(run(addon, `SpreadsheetApp.getActiveSpreadsheet().getRange('A1').getValue().toISOString()`)).toBe(
      '2027-01-05T00:00:00.000Z',
    );
    expect(
      run(addon, `Array.isArray(SpreadsheetApp.getActiveSpreadsheet().getRange('A1:B2').getValues())`),
    ).toBe(true);
    expect(
      run(addon, `SpreadsheetApp.getActiveSpreadsheet().getRange('A1:B2').getValues() instanceof Array`),
    ).toBe(true);
  });

  it('reads a date cell as midnight in the spreadsheet time zone', () => {
    const addon = newAddon({ timeZone: 'America/New_York' });
    const sheet = sheetOf(addon);
    sheet.getRange('A1').setValue('2027-01-05');
    expect(sheet.getRange('A1').getValue().toISOString()).toBe('2027-01-05T05:00:00.000Z');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2027-01-05');
  });

  it('returns error codes as text: #ERROR!, #DIV/0!, #N/A', () => {
    const addon = newAddon();
    const sheet = sheetOf(addon);
    sheet.getRange('A1:C1').setFormulas([['=1/0', '=NA()', '=OKR_SCORE(1,1,1)']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['#DIV/0!', '#N/A', '#ERROR!']]);
  });
});

describe('setValues', () => {
  it('refuses data with the wrong number of rows, with Apps Script’s message', () => {
    const sheet = sheetOf(newAddon());
    expect(
      thrown(() =>
        sheet.getRange('A1:B3').setValues([
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
  });

  it('refuses a row with the wrong number of columns, with Apps Script’s message', () => {
    const sheet = sheetOf(newAddon());
    expect(thrown(() => sheet.getRange('A1:B2').setValues([[1, 2], [3]]))).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  it('throws an Exception that add-on code sees as an Error', () => {
    const addon = newAddon();
    const text = run(
      addon,
      `(function () {
        try { SpreadsheetApp.getActiveSpreadsheet().getRange('A1:B2').setValues([[1]]); }
        catch (e) { return [e instanceof Error, e.name, String(e)].join('|'); }
      })()`,
    );
    expect(text).toBe(
      'true|Exception|Exception: The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
  });

  it('turns a string starting with = into a formula (formula injection is real)', () => {
    const sheet = sheetOf(newAddon());
    sheet.getRange('A1:B1').setValues([[2, '=A1*21']]);
    expect(sheet.getRange('B1').getValue()).toBe(42);
    expect(sheet.getRange('B1').getFormula()).toBe('=A1*21');
  });

  it('keeps text that starts with an apostrophe as text, without the apostrophe', () => {
    const sheet = sheetOf(newAddon());
    sheet.getRange('A1').setValue("'=1+1");
    expect(sheet.getRange('A1').getValue()).toBe('=1+1');
    expect(sheet.getRange('A1').getFormula()).toBe('');
  });

  it('reads strings as a user typing would: numbers, percents, currency, dates', () => {
    const sheet = sheetOf(newAddon());
    sheet.getRange('A1:E1').setValues([['1,000', '45%', '$1,234.50', '2027-01-05', '007']]);
    const v = sheet.getRange('A1:E1').getValues()[0];
    expect(v.slice(0, 3)).toEqual([1000, 0.45, 1234.5]);
    expect(v[3].toISOString()).toBe('2027-01-05T00:00:00.000Z');
    expect(v[4]).toBe(7);
    expect(sheet.getRange('A1:D1').getDisplayValues()).toEqual([['1,000', '45%', '$1,234.50', '2027-01-05']]);
  });

  it('keeps strings as text in a cell formatted as plain text (@)', () => {
    const sheet = sheetOf(newAddon());
    sheet.getRange('A1:B1').setNumberFormat('@');
    sheet.getRange('A1:B1').setValues([['007', '45%']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['007', '45%']]);
  });

  it('clears a cell written with "" (blank again)', () => {
    const sheet = sheetOf(newAddon());
    sheet.getRange('A1').setValue('x');
    sheet.getRange('A1').setValue('');
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getRange('A1').getValue()).toBe('');
  });

  it('setValue on a range fills every cell; setFormula moves relative references per cell', () => {
    const sheet = sheetOf(newAddon());
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1:B3').setFormula('=A1*10');
    expect(sheet.getRange('B1:B3').getFormulas()).toEqual([['=A1*10'], ['=A2*10'], ['=A3*10']]);
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[10], [20], [30]]);
    sheet.getRange('C1:C2').setValue('same');
    expect(sheet.getRange('C1:C2').getValues()).toEqual([['same'], ['same']]);
  });
});

describe('the grid', () => {
  it('has 1000 rows and 26 columns by default; a range outside it throws Apps Script’s message', () => {
    const addon = newAddon();
    const sheet = sheetOf(addon);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    expect(thrown(() => sheet.getRange(1001, 1))).toBe(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(thrown(() => sheet.getRange('AA1'))).toBe(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(thrown(() => sheet.getRange(0, 1))).toBe('The starting row of the range is too small.');
  });

  it('grows when rows are inserted or a row is appended past the last one', () => {
    const sheet = sheetOf(newAddon());
    sheet.insertRowsAfter(1000, 5);
    expect(sheet.getMaxRows()).toBe(1005);
    sheet.getRange(1005, 1).setValue('last');
    sheet.appendRow(['appended', 2]);
    expect(sheet.getMaxRows()).toBe(1006);
    expect(sheet.getRange(1006, 1, 1, 2).getValues()).toEqual([['appended', 2]]);
  });

  it('knows the last row and column with content, and the data range', () => {
    const sheet = sheetOf(newAddon());
    sheet.getRange('B2:C4').setValues([
      [1, 2],
      [3, 4],
      [5, ''],
    ]);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([4, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C4');
  });

  it('keeps open-ended A1 notation in getA1Notation and reads to the current end of the sheet', () => {
    const sheet = sheetOf(newAddon());
    const col = sheet.getRange('B2:B');
    expect(col.getA1Notation()).toBe('B2:B');
    expect(col.getNumRows()).toBe(999);
    sheet.insertRowsAfter(1000, 10);
    expect(col.getNumRows()).toBe(1009);
    expect(sheet.getRange('C:D').getA1Notation()).toBe('C:D');
  });
});

describe('sheets', () => {
  it('getSheetByName returns null for a missing sheet', () => {
    const addon = newAddon();
    expect(run(addon, `SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Nope')`)).toBeNull();
  });

  it('insertSheet refuses a name that exists, with Apps Script’s message, whatever the case', () => {
    const addon = newAddon();
    const ss = run(addon, 'SpreadsheetApp.getActiveSpreadsheet()');
    ss.insertSheet('KPIs');
    expect(thrown(() => ss.insertSheet('KPIs'))).toBe(
      'A sheet with the name "KPIs" already exists. Please enter another name.',
    );
    expect(thrown(() => ss.insertSheet('kpis'))).toBe(
      'A sheet with the name "kpis" already exists. Please enter another name.',
    );
  });

  it('insertSheet(name, index) places the sheet and makes it active', () => {
    const ss = run(newAddon(), 'SpreadsheetApp.getActiveSpreadsheet()');
    ss.insertSheet('Last');
    ss.insertSheet('First', 0);
    expect(ss.getSheets().map((s: { getName(): string }) => s.getName())).toEqual([
      'First',
      'Sheet1',
      'Last',
    ]);
    expect(ss.getActiveSheet().getName()).toBe('First');
    expect(ss.getSheetByName('Last').getIndex()).toBe(3);
  });

  it('keeps formulas working across a rename, rewriting the quoted sheet name', () => {
    const addon = newAddon();
    const ss = run(addon, 'SpreadsheetApp.getActiveSpreadsheet()');
    const kr = ss.insertSheet('2027-Q1 Key Results');
    kr.getRange('L2:L4').setValues([[0.5], [0.25], [0.25]]);
    const sheet1 = ss.getSheetByName('Sheet1');
    sheet1.getRange('A1').setFormula("=SUM('2027-Q1 Key Results'!L2:L)");
    expect(sheet1.getRange('A1').getValue()).toBe(1);
    kr.setName('Q1 KRs');
    expect(sheet1.getRange('A1').getFormula()).toBe("=SUM('Q1 KRs'!L2:L)");
    kr.getRange('L5').setValue(1);
    expect(sheet1.getRange('A1').getValue()).toBe(2);
  });

  it('resolves a formula naming a sheet once that sheet is created', () => {
    const ss = run(newAddon(), 'SpreadsheetApp.getActiveSpreadsheet()');
    const sheet1 = ss.getSheets()[0];
    sheet1.getRange('A1').setFormula("='Later'!A1+1");
    expect(sheet1.getRange('A1').getValue()).toBe('#REF!');
    ss.insertSheet('Later').getRange('A1').setValue(41);
    expect(sheet1.getRange('A1').getValue()).toBe(42);
  });

  it('deleting a sheet turns references to it into #REF!', () => {
    const ss = run(newAddon(), 'SpreadsheetApp.getActiveSpreadsheet()');
    const gone = ss.insertSheet('Gone');
    gone.getRange('A1').setValue(1);
    const sheet1 = ss.getSheetByName('Sheet1');
    sheet1.getRange('A1').setFormula('=Gone!A1+1');
    ss.deleteSheet(gone);
    expect(sheet1.getRange('A1').getFormula()).toBe('=#REF!+1');
    expect(sheet1.getRange('A1').getValue()).toBe('#REF!');
  });
});

describe('large writes', () => {
  it('writes 50,000 rows in one setValues in linear time, and formulas see them', () => {
    const addon = newAddon();
    const rows = Array.from({ length: 50_000 }, (_, i) => [new Date(Date.UTC(1990, 0, 1 + i)), i % 100]);
    const t0 = performance.now();
    run(addon, 'SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].insertRowsAfter(1000, 49100)');
    addon.globals.__rows = rows;
    run(
      addon,
      'SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1, 50000, 2).setValues(__rows)',
    );
    run(addon, `SpreadsheetApp.getActiveSpreadsheet().getRange('D1').setFormula('=SUM(B1:B50000)')`);
    // one cell at a time inside HyperFormula's batch() grew quadratically: this took minutes
    expect(performance.now() - t0).toBeLessThan(15_000);
    expect(run(addon, `SpreadsheetApp.getActiveSpreadsheet().getRange('D1').getValue()`)).toBe(49.5 * 50_000);
  }, 30_000);
});
