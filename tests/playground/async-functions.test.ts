// Custom functions are asynchronous in Sheets: each custom-function cell is computed in its own server execution
// and shows "Loading..." meanwhile (Google's custom-functions guide). With LoadOptions.asyncCustomFunctions the
// emulator holds the add-on to it: a custom-function cell recomputed during one execution (an RPC, a menu
// click, onOpen) reads "Loading..." to the add-on's own code until that execution ends, while everyone
// outside the execution (the grid, a test reading afterwards) sees the computed value.
import { describe, expect, it } from 'vitest';
import { type Addon, newAddon, run } from '../helpers/addon';

/** Runs `body` as add-on code inside one execution (google.script.run of a public function) and returns its value. */
function inExecution(addon: Addon, body: string): unknown {
  run(addon, `getOverview = function () { ${body} };`);
  const r = addon.rpc('getOverview');
  if (!r.ok) throw new Error('error' in r ? r.error : 'failed');
  return r.value;
}

const WRITE_AND_READ = `
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  sheet.getRange('A2:C2').setValues([[0.08, 0.05, 0.055]]);
  sheet.getRange('D2').setFormula('=OKR_SCORE(A2,B2,C2)');
  sheet.getRange('E2').setFormula('=A2*2');
  return {
    value: sheet.getRange('D2').getValue(),
    display: sheet.getRange('D2').getDisplayValue(),
    row: sheet.getRange('A2:E2').getValues()[0],
    native: sheet.getRange('E2').getValue(),
  };`;

describe('custom functions computed asynchronously (asyncCustomFunctions: true)', () => {
  it('a custom-function cell whose inputs the execution wrote reads "Loading..." to it; native formulas do not', () => {
    const addon = newAddon({ asyncCustomFunctions: true });
    expect(inExecution(addon, WRITE_AND_READ)).toEqual({
      value: 'Loading...',
      display: 'Loading...',
      row: [0.08, 0.05, 0.055, 'Loading...', 0.16],
      native: 0.16,
    });
  });

  it('once the execution has ended, the cell shows its computed value to everyone', () => {
    const addon = newAddon({ asyncCustomFunctions: true });
    inExecution(addon, WRITE_AND_READ);
    const d2 = addon.spreadsheet.getSheets()[0]!.getRange('D2');
    expect(d2.getValue()).toBeCloseTo(0.8333333333, 9);
    expect(addon.view().sheet.cells.D2?.text).toBe('0.8333333333');
    // the next execution, which changes none of its inputs, reads the value too
    expect(inExecution(addon, `return SpreadsheetApp.getActive().getRange('D2').getValue();`)).toBeCloseTo(
      0.8333333333,
      9,
    );
  });

  it('an execution that changes an input sees "Loading..." again, even where the cell held a value', () => {
    const addon = newAddon({ asyncCustomFunctions: true });
    inExecution(addon, WRITE_AND_READ);
    const seen = inExecution(
      addon,
      `var s = SpreadsheetApp.getActive(); s.getRange('C2').setValue(0.05); return s.getRange('D2').getValue();`,
    );
    expect(seen).toBe('Loading...');
    expect(addon.spreadsheet.getRange('D2').getValue()).toBe(1);
  });

  it('a column formula spilling a header and a custom function’s column: its cell reads "Loading...", the spill blank', () => {
    const addon = newAddon({ asyncCustomFunctions: true });
    const seen = inExecution(
      addon,
      `var sheet = SpreadsheetApp.getActive().getSheets()[0];
       sheet.getRange('A2:C3').setValues([[0, 10, 5], [0, 10, 10]]);
       sheet.getRange('D1').setFormula('={"Score";OKR_SCORE(A2:A3,B2:B3,C2:C3)}');
       return sheet.getRange('D1:D3').getValues();`,
    );
    expect(seen).toEqual([['Loading...'], [''], ['']]);
    expect(addon.spreadsheet.getRange('D1:D3').getValues()).toEqual([['Score'], [0.5], [1]]);
  });

  it('onOpen and menu clicks are executions too', () => {
    const addon = newAddon({ asyncCustomFunctions: true });
    addon.spreadsheet.getRange('A1').setFormula('=OKR_QUARTER(B1)');
    run(
      addon,
      `globalThis.seen = [];
       var realOnOpen = onOpen;
       onOpen = function (e) {
         SpreadsheetApp.getActive().getRange('B1').setValue('2027-05-01');
         seen.push(SpreadsheetApp.getActive().getRange('A1').getValue());
         realOnOpen(e);
       };`,
    );
    expect(addon.open()).toEqual({ ok: true });
    expect(run(addon, 'seen.slice()')).toEqual(['Loading...']);
    expect(addon.spreadsheet.getRange('A1').getValue()).toBe('2027-Q2');
  });
});

describe('custom functions with the rule off (asyncCustomFunctions: false, only to compare)', () => {
  it('the execution that writes the inputs reads the new result at once', () => {
    const addon = newAddon({ asyncCustomFunctions: false });
    const seen = inExecution(addon, WRITE_AND_READ) as { value: number };
    expect(seen.value).toBeCloseTo(0.8333333333, 9);
  });
});
