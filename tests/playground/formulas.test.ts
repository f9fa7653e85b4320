// Formulas in cells: the add-on's custom functions computed by the bundle inside HyperFormula, Sheets'
// open-ended ranges, spills, errors as Sheets shows them, and the built-in functions our sheets rely on.
import { describe, expect, it } from 'vitest';
import { NOW, newAddon, run } from '../helpers/addon';

function setup() {
  const addon = newAddon();
  const sheet = run(addon, 'SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]');
  return { addon, sheet };
}

describe('custom functions', () => {
  it('are found in the bundle by their @customfunction JSDoc', () => {
    const { addon } = setup();
    expect([...addon.customFunctions].sort()).toEqual(
      [
        'OKR_KPI_LATEST',
        'OKR_KPI_PREVIOUS',
        'OKR_KPI_STATUS',
        'OKR_BAND',
        'OKR_ROLLUP',
        'OKR_SCORE',
        'OKR_QUARTER',
        'OKR_QUARTER_END',
        'OKR_QUARTER_START',
      ].sort(),
    );
  });

  it('compute in a cell what the bundle computes when called directly', () => {
    const { addon, sheet } = setup();
    sheet.getRange('A1').setFormula('=OKR_SCORE(0.08,0.05,0.055)');
    const direct = addon.globals.OKR_SCORE(0.08, 0.05, 0.055);
    expect(sheet.getRange('A1').getValue()).toBe(direct);
    expect(direct).toBeCloseTo(0.8333333333, 9);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('0.8333333333');
  });

  it('take whole columns (F2:F) and spill one result per row, a bad row showing its error in that row only', () => {
    const { addon, sheet } = setup();
    sheet.getRange('A1:C4').setValues([
      ['Baseline', 'Target', 'Current'],
      [0.08, 0.05, 0.055],
      [10, 20, 'abc'],
      [0, 100, 70],
    ]);
    sheet.getRange('D1').setValue('Score');
    sheet.getRange('D2').setFormula('=OKR_SCORE(A2:A,B2:B,C2:C)');
    const scores = sheet
      .getRange('D2:D5')
      .getValues()
      .map((r: unknown[]) => r[0]);
    expect(scores[0]).toBeCloseTo(0.8333333333, 9);
    expect(scores[1]).toBe('#ERROR: current "abc" is not a number');
    expect(scores[2]).toBe(0.7);
    expect(scores[3]).toBe('');
    expect(sheet.getRange('D2').getFormula()).toBe('=OKR_SCORE(A2:A,B2:B,C2:C)');
    expect(sheet.getRange('D3').getFormula()).toBe('');
    // The same call, made directly on the same values, gives the same column.
    const values = sheet.getRange('A2:C1000').getValues();
    const col = (i: number) => values.map((r: unknown[]) => [r[i]]);
    const direct = addon.globals.OKR_SCORE(col(0), col(1), col(2));
    expect(sheet.getRange('D2:D1000').getValues()).toEqual(direct);
  });

  it('pass a single cell as a plain value, blanks as "", dates as Date objects of the add-on realm', () => {
    const { addon, sheet } = setup();
    run(
      addon,
      `globalThis.seen = [];
       var original = OKR_QUARTER;
       OKR_QUARTER = function (d, f) { seen.push([Array.isArray(d), d instanceof Date, typeof d, f === undefined ? 'undefined' : f]); return original(d, f); };`,
    );
    sheet.getRange('A1').setValue('2027-02-10');
    sheet.getRange('B1').setFormula('=OKR_QUARTER(A1)');
    sheet.getRange('B2').setFormula('=OKR_QUARTER(A1:A1, C1)');
    expect(sheet.getRange('B1:B2').getValues()).toEqual([['2027-Q1'], ['2027-Q1']]);
    // (the emulator also calls a custom function with blank placeholders to learn its result's size)
    const seen = run(addon, 'JSON.stringify(seen.filter(function (s) { return s[2] !== "string"; }))');
    expect(JSON.parse(seen)).toEqual([
      [false, true, 'object', 'undefined'],
      [false, true, 'object', ''],
    ]);
  });

  it('show #ERROR! when they throw, with the message kept for the cell’s tooltip', () => {
    const { addon, sheet } = setup();
    sheet.getRange('A1').setFormula('=OKR_SCORE(5,5,5)');
    expect(sheet.getRange('A1').getValue()).toBe('#ERROR!');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('#ERROR!');
    const cell = addon.view().sheet.cells.A1!;
    expect(cell.kind).toBe('error');
    expect(cell.error).toMatch(/^OKR_SCORE: .*KPI/);
  });

  it('receive an empty argument (F(a,,b)) as "" — the optional type stays "auto"', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setFormula('=OKR_SCORE(0.08,0.05,0.055,,1)');
    expect(sheet.getRange('A1').getValue()).toBeCloseTo(0.8333333333, 9);
  });

  it('return dates that show as dates', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setFormula('=OKR_QUARTER_START("2027-Q2")');
    expect(sheet.getRange('A1').getValue().toISOString().slice(0, 10)).toBe('2027-04-01');
  });

  it('show #REF! when their spill is blocked, naming the blocking cell, and spill again once it is cleared', () => {
    const { addon, sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1:B3').setValues([[2], [4], [6]]);
    sheet.getRange('C3').setValue('in the way');
    sheet.getRange('C1').setFormula('=OKR_SCORE(A1:A3,B1:B3,B1:B3)');
    expect(sheet.getRange('C1').getValue()).toBe('#REF!');
    expect(addon.view().sheet.cells.C1!.error).toBe(
      'Array result was not expanded because it would overwrite data in C3.',
    );
    sheet.getRange('C3').clearContent();
    expect(sheet.getRange('C1:C3').getValues()).toEqual([[1], [1], [1]]);
  });
});

describe('array results and the last row', () => {
  it('a spilled column of blanks counts in getLastRow, as array results do in Sheets', () => {
    const { sheet } = setup();
    sheet.getRange('A2:C3').setValues([
      [0.08, 0.05, 0.055],
      [1, 2, 1.5],
    ]);
    expect(sheet.getLastRow()).toBe(3);
    sheet.getRange('D2').setFormula('=OKR_SCORE(A2:A,B2:B,C2:C)');
    expect(sheet.getRange('D1000').getValue()).toBe('');
    expect(sheet.getLastRow()).toBe(1000);
  });
});

describe('open-ended ranges', () => {
  it('work in formulas, getFormula returning exactly what was written, and follow the grid as it grows', () => {
    const { sheet } = setup();
    sheet.getRange('A2:A3').setValues([[1], [2]]);
    sheet.getRange('B1').setFormula('=SUM(A2:A)');
    sheet.getRange('C1').setFormula('=COUNTA(A:A)');
    expect(sheet.getRange('B1:C1').getValues()).toEqual([[3, 2]]);
    expect(sheet.getRange('B1:C1').getFormulas()).toEqual([['=SUM(A2:A)', '=COUNTA(A:A)']]);
    sheet.appendRow([]);
    sheet.insertRowsAfter(1000, 1);
    sheet.getRange(1001, 1).setValue(10);
    expect(sheet.getRange('B1').getValue()).toBe(13);
    expect(sheet.getRange('B1').getFormula()).toBe('=SUM(A2:A)');
  });

  it('shift with inserted and deleted rows like Sheets: references move, ranges grow and shrink', () => {
    const { sheet } = setup();
    sheet.getRange('A2:A5').setValues([[1], [2], [3], [4]]);
    sheet.getRange('C1').setFormula('=SUM(A2:A5)');
    sheet.getRange('D1').setFormula('=A5');
    sheet.insertRowsBefore(3, 2);
    expect(sheet.getRange('C1').getFormula()).toBe('=SUM(A2:A7)');
    expect(sheet.getRange('D1').getFormula()).toBe('=A7');
    expect(sheet.getRange('C1').getValue()).toBe(10);
    sheet.deleteRows(7, 1);
    expect(sheet.getRange('C1').getFormula()).toBe('=SUM(A2:A6)');
    expect(sheet.getRange('D1').getFormula()).toBe('=#REF!');
    expect(sheet.getRange('C1').getValue()).toBe(6);
    sheet.insertColumnsBefore(1, 1);
    expect(sheet.getRange('D1').getFormula()).toBe('=SUM(B2:B6)');
  });
});

describe('built-in functions', () => {
  it('TODAY() and NOW() follow the emulator clock, in the spreadsheet time zone', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setFormulas([['=TODAY()', '=NOW()']]);
    expect(sheet.getRange('A1').getValue().toISOString()).toBe('2027-02-10T00:00:00.000Z');
    expect(sheet.getRange('B1').getValue().getTime()).toBe(NOW.getTime());
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['2/10/2027', '2/10/2027 9:30:00']]);
  });

  it('the add-on’s own new Date() and Date.now() follow the emulator clock', () => {
    const { addon } = setup();
    expect(run(addon, 'new Date().toISOString()')).toBe(NOW.toISOString());
    expect(run(addon, 'Date.now()')).toBe(NOW.getTime());
    expect(run(addon, 'new Date(2020, 0, 1).getFullYear()')).toBe(2020);
  });

  it('compute the functions our generated sheets use', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B3').setValues([
      ['KR-1', 0.5],
      ['KR-2', 'x'],
      ['', 0.9],
    ]);
    const cases: Array<[string, unknown]> = [
      ['=TRUE()', true],
      ['=FALSE()', false],
      ['=IFERROR(1/0,"none")', 'none'],
      ['=ISTEXT(B2)', true],
      ['=INDEX(B1:B3,3)', 0.9],
      ['=MATCH("KR-2",A1:A3,0)', 2],
      ['=COUNTA(A1:A3)', 2],
      ['=IF(AND(B1>0,OR(B3>1,B3<1)),"yes","no")', 'yes'],
      ['=ISBLANK(A3)', true],
      ['=ISNUMBER(B1)', true],
      ['=ROUND(2/3,2)', 0.67],
      ['=VLOOKUP("KR-2",A1:B3,2,FALSE)', 'x'],
      ['=COUNTIF(B1:B3,">0.6")', 1],
      ['=SUMIF(A1:A3,"KR-1",B1:B3)', 0.5],
      ['=TEXT(0.5,"0%")', '50%'],
      ['=YEAR(DATE(2027,3,31))', 2027],
      ['=EDATE(DATE(2027,1,31),1)-DATE(2027,2,28)', 0],
    ];
    cases.forEach(([formula], i) => {
      sheet.getRange(i + 1, 5).setFormula(formula);
    });
    const got = sheet
      .getRange(1, 5, cases.length, 1)
      .getValues()
      .map((r: unknown[]) => r[0]);
    expect(got).toEqual(cases.map(([, v]) => v));
  });

  it('a formula that is just a range spills its values, as in Sheets', () => {
    const { addon, sheet } = setup();
    sheet.getRange('A1:A2').setValues([[1], ['two']]);
    const other = run(addon, `SpreadsheetApp.getActiveSpreadsheet().insertSheet('Copy')`);
    other.getRange('B1').setFormula('=Sheet1!A1:A');
    expect(other.getRange('B1:B3').getValues()).toEqual([[1], ['two'], ['']]);
    expect(other.getRange('B1').getFormula()).toBe('=Sheet1!A1:A');
  });

  it('accept lowercase function names and references, as Sheets does', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A2').setValues([[1], [2]]);
    sheet.getRange('B1').setFormula('=sum(a1:a2)+okr_score(0,10,5)');
    expect(sheet.getRange('B1').getValue()).toBe(3.5);
  });

  it('ARRAYFORMULA spills like Sheets', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], ['']]);
    sheet.getRange('B1').setFormula('=ARRAYFORMULA(IF(A1:A3="","",A1:A3*10))');
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[10], [20], ['']]);
  });

  it('an unknown function and a syntax error read as Sheets shows them', () => {
    const { addon, sheet } = setup();
    sheet.getRange('A1:B1').setFormulas([['=NOPE(1)', '=SUM(1']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['#NAME?', '#ERROR!']]);
    const cells = addon.view().sheet.cells;
    expect(cells.A1!.error).toBe("Unknown function: 'NOPE'.");
    expect(cells.B1!.error).toBe('Formula parse error.');
  });
});
