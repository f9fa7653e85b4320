// The loader: the built bundle runs in a vm realm with the emulator as its globals. onOpen builds the menu,
// menu items run handlers, google.script.run semantics for RPCs, call counts, and what is not emulated.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE, newAddon, run, thrown } from '../helpers/addon';

describe('onOpen from the built bundle', () => {
  it('builds the add-on menu under the add-on’s name, every item naming a top-level function', () => {
    const addon = newAddon();
    expect(addon.open()).toEqual({ ok: true });
    expect(addon.ui.menus).toHaveLength(1);
    const [menu] = addon.ui.menus;
    expect(menu).toMatchObject({ caption: 'okr-sheets', addon: true });
    expect(menu!.items).toContainEqual({
      type: 'item',
      caption: 'Open OKR sidebar',
      functionName: 'showSidebar',
    });
    for (const item of menu!.items)
      if (item.type === 'item') expect(addon.functions).toContain(item.functionName);
  });

  it('works in AuthMode.NONE, where touching the document is refused as Apps Script refuses it', () => {
    const addon = newAddon();
    expect(addon.open('NONE')).toEqual({ ok: true });
    expect(addon.ui.menus[0]!.items.length).toBeGreaterThan(0);
    run(addon, `function probe(e) { return SpreadsheetApp.getActiveSpreadsheet().getName(); }`);
    const saved = addon.globals.onOpen;
    addon.globals.onOpen = addon.globals.probe;
    const r = addon.open('NONE');
    addon.globals.onOpen = saved;
    expect(r).toMatchObject({ ok: false });
    expect((r as { error: string }).error).toMatch(
      /^Exception: You do not have permission to call SpreadsheetApp.getActiveSpreadsheet/,
    );
  });

  it('the menu item opens the real dist/Sidebar.html in the sidebar with its title', () => {
    const addon = newAddon();
    addon.open();
    expect(addon.runMenu('showSidebar')).toEqual({ ok: true });
    expect(addon.ui.sidebar?.title).toBe('OKRs & KPIs');
    expect(addon.ui.sidebar?.html).toBe(readFileSync(path.join(path.dirname(CODE), 'Sidebar.html'), 'utf8'));
  });

  it('runMenu refuses a function no menu offers', () => {
    const addon = newAddon();
    addon.open();
    expect(addon.runMenu('getOverview')).toMatchObject({ ok: false });
  });
});

describe('rpc (google.script.run)', () => {
  it('returns the server function’s value across a JSON boundary', () => {
    const addon = newAddon();
    const r = addon.rpc('getOverview');
    expect(r).toEqual({
      ok: true,
      value: { spreadsheetName: 'Untitled spreadsheet', tabs: [{ name: 'Sheet1', rows: 0, columns: 0 }] },
    });
  });

  it('gives the client null when the result holds a Date anywhere, as Apps Script does', () => {
    const addon = newAddon();
    run(addon, `function withDate() { return { when: new Date(), n: 1 }; }`);
    addon.functions.includes('withDate') || (addon.functions as string[]).push('withDate');
    expect(addon.rpc('withDate')).toEqual({ ok: true, value: null });
  });

  it('reports an exception as a failure with its message, and unknown functions as not found', () => {
    const addon = newAddon();
    run(addon, `function boom(x) { throw new Error('no quarter ' + x.q); }`);
    (addon.functions as string[]).push('boom');
    expect(addon.rpc('boom', [{ q: '2027-Q1' }])).toEqual({ ok: false, error: 'Error: no quarter 2027-Q1' });
    expect(addon.rpc('nothing')).toEqual({ ok: false, error: 'Script function not found: nothing' });
  });
});

describe('call counts', () => {
  it('count every service call per Class.method, deterministically', () => {
    const counts = () => {
      const addon = newAddon();
      addon.counter.reset();
      addon.rpc('getOverview');
      return { snapshot: addon.counter.snapshot(), total: addon.counter.total() };
    };
    const first = counts();
    expect(first.snapshot).toEqual({
      'Sheet.getLastColumn': 1,
      'Sheet.getLastRow': 1,
      'Sheet.getName': 1,
      'Spreadsheet.getName': 1,
      'Spreadsheet.getSheets': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
    });
    expect(first.total).toBe(6);
    expect(counts()).toEqual(first);
  });
});

describe('what is not emulated', () => {
  it('a real Apps Script method the emulator lacks throws "not emulated: Class.method"', () => {
    const addon = newAddon();
    expect(
      thrown(() => run(addon, `SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').merge()`)),
    ).toBe('not emulated: Range.merge');
    expect(thrown(() => run(addon, `SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getImages()`))).toBe(
      'not emulated: Sheet.getImages',
    );
    expect(thrown(() => run(addon, `SpreadsheetApp.BorderStyle`))).toBe(
      'not emulated: SpreadsheetApp.BorderStyle',
    );
  });

  it('a name Apps Script does not have is undefined, as in Apps Script', () => {
    const addon = newAddon();
    expect(run(addon, `typeof SpreadsheetApp.getActiveSpreadsheet().getRange('A1').grid`)).toBe('undefined');
    expect(thrown(() => run(addon, `SpreadsheetApp.getActiveSpreadsheet().noSuchMethod()`))).toMatch(
      /is not a function/,
    );
  });

  it('services Apps Script has but the add-on may not use are absent (ReferenceError)', () => {
    const addon = newAddon();
    expect(thrown(() => run(addon, 'MailApp.sendEmail("a@b.c", "s", "b")'))).toBe('MailApp is not defined');
  });
});

describe('workbook state', () => {
  it('round-trips through JSON: values, formulas, grid, formats, rules, validations, metadata, names, properties', () => {
    const addon = newAddon();
    run(
      addon,
      `(function () {
        var ss = SpreadsheetApp.getActiveSpreadsheet();
        var s = ss.getSheets()[0];
        s.setName('KRs 2027');
        s.getRange('A1:D3').setValues([['ID', 'Baseline', 'Target', 'Current'], ['KR-1', 0.08, 0.05, 0.055], ['KR-2', '=B2', 1, "'=text"]]);
        s.getRange('E2').setFormula('=OKR_SCORE(B2:B,C2:C,D2:D)');
        s.getRange('B2:D3').setNumberFormat('0.0%');
        s.getRange('A1:E1').setFontWeight('bold').setBackground('#eeeeee');
        s.setFrozenRows(1);
        s.insertRowsAfter(1000, 20);
        s.getRange('F2').setValue(new Date(Date.UTC(2027, 0, 5)));
        s.getRange('G2:G3').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInRange(s.getRange('A2:A3')).build());
        s.setConditionalFormatRules([SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=$E2<0.4').setBackground('#f4c7c3').setRanges([s.getRange('E2:E')]).build()]);
        s.getRange('B:B').addDeveloperMetadata('okr.baseline');
        s.protect().setWarningOnly(true).setDescription('generated');
        ss.setNamedRange('Baselines', s.getRange('B2:B3'));
        ss.insertSheet('Other').setTabColor('#ff0000').hideSheet();
        PropertiesService.getDocumentProperties().setProperty('settings', '{"fiscalStartMonth":4}');
      })()`,
    );
    const state = addon.toState();
    const json = JSON.parse(JSON.stringify(state));
    const again = newAddon({ state: json });
    expect(again.toState()).toEqual(state);
    const s = run(again, `SpreadsheetApp.getActiveSpreadsheet().getSheetByName('KRs 2027')`);
    expect(s.getRange('D3').getValue()).toBe('=text');
    expect(s.getRange('E2').getFormula()).toBe('=OKR_SCORE(B2:B,C2:C,D2:D)');
    expect(s.getRange('E2').getValue()).toBeCloseTo(0.8333333333, 9);
    expect(s.getRange('F2').getValue().toISOString()).toBe('2027-01-05T00:00:00.000Z');
    expect(s.getMaxRows()).toBe(1020);
    expect(again.view('KRs 2027').sheet.cells.B2!.text).toBe('8.0%');
    expect(run(again, `PropertiesService.getDocumentProperties().getProperty('settings')`)).toBe(
      '{"fiscalStartMonth":4}',
    );
  });

  it('rejects a state that is not one, saying where', () => {
    expect(() => newAddon({ state: { version: 1, sheets: [] } as never })).toThrow(/not a workbook state/);
  });
});
