// What a user does to the grid besides typing, as Sheets does it: sorting moves whole rows (values, formulas
// with their rows, formats) and keeps a header; rows are inserted and deleted; text and copied cells are pasted;
// undo and redo go back and forth through the user's own changes, several steps deep, but never through the
// add-on's; and a warning-only protection (a closed quarter) asks before any of them.
import { describe, expect, it } from 'vitest';
import type { Addon } from '../../src/playground/emulator';
import { call, newAddon, run, values } from '../helpers/addon';
import { seedOkrs } from '../helpers/okrs';

const WARNING =
  'You’re trying to edit part of this sheet that shouldn’t be changed accidentally. Edit anyway?';

/** A small table: header, names, numbers with a format, a formula per row, a highlighted row. */
function table(): Addon {
  const addon = newAddon();
  addon.replaceWorkbook([
    {
      name: 'Team',
      rows: [
        ['Name', 'Score', 'Double', 'Note'],
        ['carol', 3, '=B2*2', 'c'],
        ['alice', 1, '=B3*2', ''],
        ['Bob', 2, '=B4*2', 'b'],
        ['', '', '', 'no name'],
        ['dave', 'n/a', '=B6*2', 'd'],
      ],
    },
  ]);
  run(
    addon,
    `var s = SpreadsheetApp.getActive().getSheetByName('Team');
    s.getRange('B2:B6').setNumberFormat('0.0');
    s.getRange('A3:D3').setBackground('#fff2cc');
    s.getRange('F1').setFormula('=A3');`,
  );
  return addon;
}

const grid = (addon: Addon, sheet = 'Team') => values(addon, sheet).map((r) => r.slice(0, 4));
const state = (addon: Addon) => JSON.stringify(addon.toState());

describe('sorting', () => {
  it('sorts a range’s rows by a column, keeping its header row: values, formulas and formats move together', () => {
    const addon = table();
    expect(addon.sortRange('Team', 'A1:D6', { column: 1, ascending: true, headerRow: true })).toEqual({
      ok: true,
    });
    // text without regard to case; the blank name last
    expect(grid(addon)).toEqual([
      ['Name', 'Score', 'Double', 'Note'],
      ['alice', 1, 2, ''],
      ['Bob', 2, 4, 'b'],
      ['carol', 3, 6, 'c'],
      ['dave', 'n/a', '#VALUE!', 'd'],
      ['', '', '', 'no name'],
    ]);
    const sheet = addon.spreadsheet.getSheetByName('Team')!;
    // each formula moved with its row and reads its own row
    expect(sheet.getRange('C2:C4').getFormulas()).toEqual([['=B2*2'], ['=B3*2'], ['=B4*2']]);
    // alice's highlight moved with her, from row 3 to row 2
    expect(sheet.getRange('A2:D3').getBackgrounds()).toEqual([
      ['#fff2cc', '#fff2cc', '#fff2cc', '#fff2cc'],
      ['#ffffff', '#ffffff', '#ffffff', '#ffffff'],
    ]);
    expect(sheet.getRange('B2').getDisplayValue()).toBe('1.0');
    // a reference from outside the range keeps its address (row 3 is now Bob)
    expect(sheet.getRange('F1').getFormula()).toBe('=A3');
    expect(sheet.getRange('F1').getValue()).toBe('Bob');
  });

  it('descending: numbers after text reversed, blanks still last; without a header the first row sorts too', () => {
    const addon = table();
    addon.sortRange('Team', 'A2:D6', { column: 2, ascending: false });
    expect(grid(addon).map((r) => r[0])).toEqual(['Name', 'dave', 'carol', 'Bob', 'alice', '']);
    addon.sortRange('Team', 'A1:D3', { column: 1, ascending: true });
    expect(
      grid(addon)
        .map((r) => r[0])
        .slice(0, 3),
    ).toEqual(['carol', 'dave', 'Name']);
  });

  it('sorts the sheet below its frozen rows by one column', () => {
    const addon = table();
    run(addon, `SpreadsheetApp.getActive().getSheetByName('Team').setFrozenRows(1)`);
    expect(addon.sortSheet('Team', 2, true)).toEqual({ ok: true });
    expect(grid(addon).map((r) => r[0])).toEqual(['Name', 'alice', 'Bob', 'carol', 'dave', '']);
    expect(addon.sortRange('Team', 'A1:D6', { column: 7, ascending: true })).toEqual({
      ok: false,
      error: 'The column to sort by must be inside the range.',
    });
  });

  it('sorting the key results leaves the header’s score formula in place and the scores follow their rows', () => {
    const addon = newAddon();
    seedOkrs(addon);
    const kr = addon.spreadsheet.getSheets().find((s) => s.getName().endsWith('Key Results'))!;
    const name = kr.getName();
    const header = kr.getRange('A1:O1').getFormulas()[0]!;
    const before = values(addon, name).slice(1, 4);
    const titleColumn = values(addon, name)[0]!.indexOf('Key result') + 1;
    expect(addon.sortSheet(name, titleColumn, true)).toEqual({ ok: true });
    expect(kr.getRange('A1:O1').getFormulas()[0]).toEqual(header);
    const after = values(addon, name).slice(1, 4);
    const byTitle = (rows: unknown[][]) =>
      Object.fromEntries(rows.map((r) => [String(r[titleColumn - 1]), JSON.stringify(r)]));
    expect(after.map((r) => r[titleColumn - 1])).toEqual([
      '90% feature adoption',
      'Raise NPS from 35 to 50',
      'Reduce churn from 8% to 5%',
    ]);
    // every row, its computed score and status included, is the row it was
    expect(byTitle(after)).toEqual(byTitle(before));
  });
});

describe('rows', () => {
  it('inserts rows above and below, and deletes them, moving formulas’ references as Sheets does', () => {
    const addon = table();
    expect(addon.insertRows('Team', 3, 2)).toEqual({ ok: true });
    const sheet = addon.spreadsheet.getSheetByName('Team')!;
    expect(sheet.getMaxRows()).toBe(1002);
    expect(grid(addon)[3]).toEqual(['', '', '', '']);
    expect(sheet.getRange('C5').getFormula()).toBe('=B5*2');
    expect(sheet.getRange('F1').getFormula()).toBe('=A5');
    expect(addon.deleteRows('Team', 3, 2)).toEqual({ ok: true });
    expect(grid(addon)[2]).toEqual(['alice', 1, 2, '']);
    expect(addon.insertRows('Team', 1003, 1)).toEqual({ ok: false, error: 'Those rows are out of bounds.' });
    expect(addon.insertRows('Team', 1001, 1)).toEqual({ ok: true });
    expect(sheet.getMaxRows()).toBe(1001);
    expect(addon.deleteRows('Team', 1, 1001)).toEqual({
      ok: false,
      error: 'Sorry, it is not possible to delete all non-frozen rows.',
    });
  });
});

describe('paste', () => {
  it('pastes clipboard text read as typed, growing the grid past its edge', () => {
    const addon = table();
    expect(
      addon.paste('Team', 'Z999', {
        rows: [
          ['45%', '$1,200', '=1+1'],
          ['2027-01-05', "'007", ''],
          ['x', 'y', 'z'],
        ],
      }),
    ).toEqual({ ok: true });
    const sheet = addon.spreadsheet.getSheetByName('Team')!;
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getMaxColumns()).toBe(28);
    expect(sheet.getRange('Z999:AB999').getValues()[0]).toEqual([0.45, 1200, 2]);
    expect(sheet.getRange('Z999:AB999').getDisplayValues()[0]).toEqual(['45%', '$1,200', '2']);
    expect(sheet.getRange('AA1000').getValue()).toBe('007');
    expect(sheet.getRange('AB1001').getValue()).toBe('z');
  });

  it('pastes copied cells with their formulas moved and their formats', () => {
    const addon = table();
    expect(addon.paste('Team', 'H10', { from: 'A3:C4' })).toEqual({ ok: true });
    const sheet = addon.spreadsheet.getSheetByName('Team')!;
    expect(sheet.getRange('H10:J11').getFormulas()).toEqual([
      ['', '', '=I10*2'],
      ['', '', '=I11*2'],
    ]);
    expect(sheet.getRange('H10:J11').getValues()).toEqual([
      ['alice', 1, 2],
      ['Bob', 2, 4],
    ]);
    expect(sheet.getRange('H10').getBackground()).toBe('#fff2cc');
    expect(sheet.getRange('I10').getDisplayValue()).toBe('1.0');
    // a relative reference moved above row 1 is #REF!
    addon.paste('Team', 'A1', { from: 'C4' });
    expect(sheet.getRange('A1').getFormula()).toBe('=#REF!*2');
  });

  it('refuses pasted text a cell’s data validation rejects, changing nothing', () => {
    const addon = table();
    run(
      addon,
      `SpreadsheetApp.getActive().getSheetByName('Team').getRange('D2:D6').setDataValidation(
      SpreadsheetApp.newDataValidation().requireValueInList(['b', 'c', 'd']).setAllowInvalid(false).build())`,
    );
    const before = state(addon);
    expect(addon.paste('Team', 'D2', { rows: [['b'], ['nope']] })).toEqual({
      ok: false,
      error: 'There was a problem: Input must be an item on the specified list.',
    });
    expect(state(addon)).toBe(before);
  });
});

describe('undo and redo', () => {
  it('undoes typing, paste, insert, delete and sort one by one, back to the workbook as it was', () => {
    const addon = table();
    const steps: string[] = [state(addon)];
    const changes = [
      () => addon.editCell('Team', 'B2', '10'),
      () => addon.paste('Team', 'A8', { rows: [['pasted', '5']] }),
      () => addon.insertRows('Team', 2, 1),
      () => addon.deleteRows('Team', 5, 1),
      () => addon.sortRange('Team', 'A1:D8', { column: 2, ascending: false, headerRow: true }),
      () => addon.editCell('Team', 'A2', ''),
    ];
    for (const change of changes) {
      expect(change()).toEqual({ ok: true });
      steps.push(state(addon));
    }
    expect(addon.history()).toEqual({ undo: 6, redo: 0 });
    for (let i = steps.length - 2; i >= 0; i--) {
      expect(addon.undo()).toEqual({ ok: true });
      expect(state(addon), `after undoing step ${i + 1}`).toBe(steps[i]);
    }
    expect(addon.undo()).toEqual({ ok: false, error: 'There is nothing to undo.' });
    expect(addon.redo()).toEqual({ ok: true });
    expect(addon.redo()).toEqual({ ok: true });
    expect(state(addon)).toBe(steps[2]);
    // a new change drops what was undone
    addon.editCell('Team', 'D2', 'new');
    expect(addon.history()).toEqual({ undo: 3, redo: 0 });
    expect(addon.redo()).toEqual({ ok: false, error: 'There is nothing to redo.' });
  });

  it('an undone edit recalculates: a formula reads the value again', () => {
    const addon = table();
    addon.editCell('Team', 'B3', '50');
    expect(values(addon, 'Team')[2]![2]).toBe(100);
    addon.undo();
    expect(values(addon, 'Team')[2]![2]).toBe(2);
  });

  it('never undoes the add-on’s changes: after one, the earlier steps are gone and the add-on’s work stays', () => {
    const addon = newAddon();
    addon.open();
    addon.editCell('Sheet1', 'A1', 'before');
    // reading does not end the history
    call(addon, 'getOverview');
    expect(addon.history().undo).toBe(1);
    call(addon, 'setUpQuarter', { quarter: '2027-Q1' });
    expect(addon.history()).toEqual({ undo: 0, redo: 0 });
    expect(addon.undo()).toEqual({ ok: false, error: 'There is nothing to undo.' });
    expect(addon.spreadsheet.getSheets().map((s) => s.getName())).toContain('2027-Q1 Objectives');
    expect(addon.spreadsheet.getSheetByName('Sheet1')!.getRange('A1').getValue()).toBe('before');
    // the user's edits after it are steps again
    addon.editCell('Sheet1', 'A2', 'after');
    addon.undo();
    expect(addon.spreadsheet.getSheetByName('Sheet1')!.getRange('A2').getValue()).toBe('');
    expect(addon.spreadsheet.getSheets().map((s) => s.getName())).toContain('2027-Q1 Objectives');
  });
});

describe('a closed quarter (warning-only protection)', () => {
  function closedQuarter(): { addon: Addon; sheet: string } {
    const addon = newAddon();
    seedOkrs(addon);
    call(addon, 'startNewQuarter', { quarter: '2027-Q2', carry: 'none' });
    return { addon, sheet: '2027-Q1 Key Results' };
  }

  it('asks before typing; nothing changes until the user confirms', () => {
    const { addon, sheet } = closedQuarter();
    const protections = run(
      addon,
      `SpreadsheetApp.getActive().getSheetByName('${sheet}').getProtections(SpreadsheetApp.ProtectionType.SHEET).map(function (p) { return p.isWarningOnly(); })`,
    );
    expect([...protections]).toEqual([true]);
    const before = state(addon);
    expect(addon.editCell(sheet, 'O2', 'late note')).toEqual({ ok: false, warning: WARNING });
    expect(state(addon)).toBe(before);
    expect(addon.history().undo).toBe(0);
    expect(addon.editCell(sheet, 'O2', 'late note', { confirmed: true })).toEqual({ ok: true });
    expect(addon.spreadsheet.getSheetByName(sheet)!.getRange('O2').getValue()).toBe('late note');
    // the open quarter is not protected
    expect(addon.editCell('2027-Q2 Key Results', 'O2', 'fine')).toEqual({ ok: true });
  });

  it('asks before pasting, inserting or deleting rows and sorting there too', () => {
    const { addon, sheet } = closedQuarter();
    const before = state(addon);
    for (const edit of [
      () => addon.paste(sheet, 'O2', { rows: [['x']] }),
      () => addon.insertRows(sheet, 3, 1),
      () => addon.deleteRows(sheet, 3, 1),
      () => addon.sortSheet(sheet, 3, true),
      () => addon.editCell(sheet, 'B5', ''),
    ]) {
      expect(edit()).toEqual({ ok: false, warning: WARNING });
    }
    expect(state(addon)).toBe(before);
  });

  it('asks only inside a protected range, and never for a protection that is not warning-only', () => {
    const addon = table();
    run(
      addon,
      `var s = SpreadsheetApp.getActive().getSheetByName('Team');
      s.getRange('A1:D1').protect().setWarningOnly(true);
      s.getRange('F1:F9').protect().setDescription('owner only');`,
    );
    expect(addon.editCell('Team', 'B1', 'x')).toEqual({ ok: false, warning: WARNING });
    expect(addon.editCell('Team', 'B2', 'x')).toEqual({ ok: true });
    expect(addon.editCell('Team', 'F2', 'x')).toEqual({ ok: true });
    expect(addon.sortRange('Team', 'A1:D6', { column: 1, ascending: true, headerRow: true })).toEqual({
      ok: true,
    });
    expect(addon.sortRange('Team', 'A1:D6', { column: 1, ascending: true })).toEqual({
      ok: false,
      warning: WARNING,
    });
  });
});
