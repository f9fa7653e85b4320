// What moves with inserted and deleted rows and columns, as in Sheets: developer metadata on columns and rows,
// named ranges, data validations, conditional formats, protections. And the metadata API the add-on uses to
// find its tabs again after a user renames them.
import { describe, expect, it } from 'vitest';
import { newAddon, run, thrown } from '../helpers/addon';

function setup() {
  const addon = newAddon();
  const ss = run(addon, 'SpreadsheetApp.getActiveSpreadsheet()');
  const app = run(addon, 'SpreadsheetApp');
  const sheet = ss.getSheets()[0];
  return { addon, ss, app, sheet };
}

describe('developer metadata', () => {
  it('on a sheet survives a rename and is found by key and value', () => {
    const { ss, app, sheet } = setup();
    sheet.addDeveloperMetadata('okr.kpi', '{"column":"B"}');
    sheet.setName('Churn (weekly)');
    const found = ss
      .createDeveloperMetadataFinder()
      .withKey('okr.kpi')
      .withLocationType(app.DeveloperMetadataLocationType.SHEET)
      .find();
    expect(found).toHaveLength(1);
    expect(found[0].getValue()).toBe('{"column":"B"}');
    expect(found[0].getLocation().getSheet().getName()).toBe('Churn (weekly)');
    expect(String(found[0].getLocation().getLocationType())).toBe('SHEET');
  });

  it('on a column moves with inserted columns and disappears with a deleted column', () => {
    const { ss, sheet } = setup();
    sheet.getRange('C:C').addDeveloperMetadata('okr.value-column');
    sheet.insertColumnsBefore(1, 2);
    const [m] = ss.createDeveloperMetadataFinder().withKey('okr.value-column').find();
    expect(m.getLocation().getColumn().getA1Notation()).toBe('E:E');
    // as Apps Script documents: getSheet() answers only for a SHEET location; a column's sheet is its range's
    expect(m.getLocation().getSheet()).toBeNull();
    expect(m.getLocation().getColumn().getSheet().getName()).toBe(sheet.getName());
    expect(sheet.getRange('E:E').getDeveloperMetadata()).toHaveLength(1);
    sheet.deleteColumns(5, 1);
    expect(ss.createDeveloperMetadataFinder().withKey('okr.value-column').find()).toHaveLength(0);
  });

  it('on a row moves with inserted rows; a range finder sees only metadata wholly inside it', () => {
    const { sheet } = setup();
    sheet.getRange('3:3').addDeveloperMetadata('okr.header');
    sheet.insertRowsBefore(1, 1);
    const [m] = sheet.createDeveloperMetadataFinder().withKey('okr.header').find();
    expect(m.getLocation().getRow().getA1Notation()).toBe('4:4');
    expect(sheet.getRange('1:5').createDeveloperMetadataFinder().find()).toHaveLength(1);
    expect(sheet.getRange('A1:D5').createDeveloperMetadataFinder().find()).toHaveLength(0);
  });

  it('refuses an arbitrary range with Apps Script’s message', () => {
    const { sheet } = setup();
    expect(thrown(() => sheet.getRange('A1:B2').addDeveloperMetadata('x'))).toBe(
      'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
    );
  });

  it('can be updated and removed; ids are unique', () => {
    const { ss, app } = setup();
    ss.addDeveloperMetadata('a', 'one');
    ss.addDeveloperMetadata('b', app.DeveloperMetadataVisibility.PROJECT);
    const [a, b] = ss.getDeveloperMetadata();
    expect(a.getId()).not.toBe(b.getId());
    expect(b.getValue()).toBeNull();
    a.setValue('two');
    expect(ss.createDeveloperMetadataFinder().withValue('two').find()).toHaveLength(1);
    a.remove();
    expect(ss.getDeveloperMetadata().map((m: { getKey(): string }) => m.getKey())).toEqual(['b']);
  });
});

describe('named ranges', () => {
  it('work in formulas and move with inserted rows', () => {
    const { ss, sheet } = setup();
    sheet.getRange('B2:B4').setValues([[1], [2], [3]]);
    ss.setNamedRange('ChurnValues', sheet.getRange('B2:B4'));
    sheet.getRange('D1').setFormula('=SUM(ChurnValues)');
    expect(sheet.getRange('D1').getValue()).toBe(6);
    sheet.insertRowsBefore(1, 2);
    expect(ss.getRangeByName('ChurnValues').getA1Notation()).toBe('B4:B6');
    expect(sheet.getRange('D3').getValue()).toBe(6);
    expect(ss.getNamedRanges().map((n: { getName(): string }) => n.getName())).toEqual(['ChurnValues']);
    ss.removeNamedRange('ChurnValues');
    expect(ss.getRangeByName('ChurnValues')).toBeNull();
    expect(sheet.getRange('D3').getValue()).toBe('#NAME?');
  });
});

describe('data validation', () => {
  it('is built, read back, and moves with inserted rows', () => {
    const { app, sheet } = setup();
    const rule = app
      .newDataValidation()
      .requireValueInList(['increase', 'decrease', 'at least'])
      .setAllowInvalid(false)
      .setHelpText('Pick a type')
      .build();
    sheet.getRange('E2:E3').setDataValidation(rule);
    sheet.insertRowsBefore(2, 1);
    expect(sheet.getRange('E2').getDataValidation()).toBeNull();
    const moved = sheet.getRange('E3').getDataValidation();
    expect(String(moved.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(moved.getCriteriaValues()).toEqual([['increase', 'decrease', 'at least'], true]);
    expect(moved.getAllowInvalid()).toBe(false);
    expect(moved.getHelpText()).toBe('Pick a type');
    sheet.getRange('E3:E4').clearDataValidations();
    expect(sheet.getRange('E3:E4').getDataValidations()).toEqual([[null], [null]]);
  });

  it('refuses invalid typing in the playground when invalid input is not allowed', () => {
    const { addon, app, sheet } = setup();
    sheet
      .getRange('A1')
      .setDataValidation(app.newDataValidation().requireNumberBetween(0, 10).setAllowInvalid(false).build());
    expect(addon.editCell('Sheet1', 'A1', '11')).toEqual({
      ok: false,
      error: 'There was a problem: Input must fall within specified range.',
    });
    expect(addon.editCell('Sheet1', 'A1', '7')).toEqual({ ok: true });
    expect(sheet.getRange('A1').getValue()).toBe(7);
  });
});

describe('conditional formats', () => {
  it('are stored, read back, and move with inserted rows', () => {
    const { app, sheet } = setup();
    const rule = app
      .newConditionalFormatRule()
      .whenNumberLessThan(0.4)
      .setBackground('#F4C7C3')
      .setRanges([sheet.getRange('L2:L100')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    sheet.insertRowsBefore(1, 1);
    const [got] = sheet.getConditionalFormatRules();
    expect(got.getRanges().map((r: { getA1Notation(): string }) => r.getA1Notation())).toEqual(['L3:L101']);
    expect(got.getBooleanCondition().getBackground()).toBe('#f4c7c3');
    expect(String(got.getBooleanCondition().getCriteriaType())).toBe('NUMBER_LESS_THAN');
  });
});

describe('protection', () => {
  it('records warning-only protections of sheets and ranges', () => {
    const { app, sheet } = setup();
    sheet.protect().setDescription('Generated by okr-sheets').setWarningOnly(true);
    sheet.getRange('A1:C1').protect().setDescription('Headers');
    const sheetP = sheet.getProtections(app.ProtectionType.SHEET);
    const rangeP = sheet.getProtections(app.ProtectionType.RANGE);
    expect(sheetP.map((p: { getDescription(): string }) => p.getDescription())).toEqual([
      'Generated by okr-sheets',
    ]);
    expect(sheetP[0].isWarningOnly()).toBe(true);
    expect(rangeP[0].getRange().getA1Notation()).toBe('A1:C1');
    rangeP[0].remove();
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(0);
  });
});

describe('deleting rows and columns', () => {
  it('refuses positions outside the sheet with Apps Script’s message', () => {
    const { sheet } = setup();
    expect(thrown(() => sheet.deleteRows(1001, 1))).toBe('Those rows are out of bounds.');
    expect(thrown(() => sheet.deleteColumns(27, 1))).toBe('Those columns are out of bounds.');
  });
});
