// Sheets' size limits (10 million cells in a workbook, 18,278 columns in a sheet) hold for the add-on's own
// calls as for the playground's: growth past them throws Sheets' message and leaves the grid as it was.
import { expect, it } from 'vitest';
import { newAddon, run, thrown } from '../helpers/addon';

it('refuses rows or columns, or a sheet, that would pass the limits, and changes nothing', () => {
  const addon = newAddon();
  const sheet = () => addon.spreadsheet.getSheetByName('Sheet1')!;
  const limit =
    'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';
  // 1000 rows × 26 columns now; 1000 × 10,001 columns would be 10,001,000 cells
  expect(
    thrown(() =>
      run(addon, `SpreadsheetApp.getActive().getSheetByName('Sheet1').insertColumnsAfter(26, 9975)`),
    ),
  ).toBe(limit);
  expect(sheet().getMaxColumns()).toBe(26);
  // exactly 10,000,000 is allowed
  run(addon, `SpreadsheetApp.getActive().getSheetByName('Sheet1').insertColumnsAfter(26, 9974)`);
  expect(sheet().getMaxColumns()).toBe(10_000);
  expect(
    thrown(() => run(addon, `SpreadsheetApp.getActive().getSheetByName('Sheet1').insertRowsAfter(1000, 1)`)),
  ).toBe(limit);
  expect(thrown(() => run(addon, `SpreadsheetApp.getActive().insertSheet('More')`))).toBe(limit);
  expect(sheet().getMaxRows()).toBe(1000);
  expect(addon.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
});

it('refuses a sheet wider than column ZZZ', () => {
  const addon = newAddon();
  expect(
    thrown(() =>
      run(addon, `SpreadsheetApp.getActive().getSheetByName('Sheet1').insertColumnsAfter(26, 18253)`),
    ),
  ).toBe('This action would increase the number of columns in the sheet above the limit of 18278 columns.');
  run(addon, `SpreadsheetApp.getActive().getSheetByName('Sheet1').deleteRows(2, 998)`);
  run(addon, `SpreadsheetApp.getActive().getSheetByName('Sheet1').insertColumnsAfter(26, 18252)`);
  expect(addon.spreadsheet.getSheetByName('Sheet1')!.getMaxColumns()).toBe(18_278);
  expect(
    run(
      addon,
      `SpreadsheetApp.getActive().getSheetByName('Sheet1').getRange(1, 18278).setValue('ZZZ').getA1Notation()`,
    ),
  ).toBe('ZZZ1');
});
