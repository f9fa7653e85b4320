// Ui (alerts, prompts, toasts, dialogs), HtmlService, PropertiesService, LockService, Session, Utilities.
import { describe, expect, it } from 'vitest';
import { newAddon, run, thrown } from '../helpers/addon';

describe('Ui', () => {
  it('alert with one button answers OK by itself and is recorded', () => {
    const addon = newAddon();
    expect(run(addon, `String(SpreadsheetApp.getUi().alert('Quarter created'))`)).toBe('OK');
    expect(addon.ui.alerts).toMatchObject([
      { kind: 'alert', prompt: 'Quarter created', buttons: 'OK', answer: 'OK' },
    ]);
  });

  it('alert with a choice takes the scripted answer; the add-on compares it with ui.Button', () => {
    const addon = newAddon();
    addon.ui.answer('NO', 'YES');
    const code = `(function () {
      var ui = SpreadsheetApp.getUi();
      return [
        ui.alert('Start 2027-Q2?', 'Unfinished key results carry over.', ui.ButtonSet.YES_NO) === ui.Button.YES,
        ui.alert('Really?', ui.ButtonSet.YES_NO) === ui.Button.YES,
      ].join();
    })()`;
    expect(run(addon, code)).toBe('false,true');
    expect(addon.ui.alerts.map((a) => [a.title, a.prompt, a.answer])).toEqual([
      ['Start 2027-Q2?', 'Unfinished key results carry over.', 'NO'],
      ['', 'Really?', 'YES'],
    ]);
  });

  it('an unscripted choice fails the action loudly in tests', () => {
    const addon = newAddon();
    expect(
      thrown(() =>
        run(addon, `SpreadsheetApp.getUi().alert('Sure?', SpreadsheetApp.getUi().ButtonSet.YES_NO)`),
      ),
    ).toMatch(/no answer was scripted/);
  });

  it('in the playground an unscripted choice rolls the action back and returns the question', () => {
    const addon = newAddon({ unansweredDialogs: 'defer' });
    run(
      addon,
      `function confirmAndWrite() {
        var ss = SpreadsheetApp.getActiveSpreadsheet();
        ss.getSheets()[0].getRange('A1').setValue('before');
        var ui = SpreadsheetApp.getUi();
        if (ui.alert('Write?', ui.ButtonSet.YES_NO) === ui.Button.YES) ss.getSheets()[0].getRange('A2').setValue('yes');
      }
      function onOpen() { SpreadsheetApp.getUi().createAddonMenu().addItem('Write', 'confirmAndWrite').addToUi(); }`,
    );
    addon.open();
    const first = addon.runMenu('confirmAndWrite');
    expect(first).toEqual({
      ok: false,
      question: { kind: 'alert', title: '', prompt: 'Write?', buttons: 'YES_NO' },
    });
    expect(addon.view().sheet.cells.A1).toBeUndefined();
    addon.ui.answer('YES');
    expect(addon.runMenu('confirmAndWrite')).toEqual({ ok: true });
    expect(addon.view().sheet.cells.A2!.text).toBe('yes');
  });

  it('prompt returns the scripted text and button', () => {
    const addon = newAddon();
    addon.ui.answer({ button: 'OK', text: '2027-Q3' });
    const r = run(
      addon,
      `(function () { var ui = SpreadsheetApp.getUi(); var p = ui.prompt('Quarter?', ui.ButtonSet.OK_CANCEL); return [p.getResponseText(), String(p.getSelectedButton())].join(); })()`,
    );
    expect(r).toBe('2027-Q3,OK');
  });

  it('toasts, sidebars and modal dialogs are recorded with their HTML', () => {
    const addon = newAddon();
    run(
      addon,
      `SpreadsheetApp.getActiveSpreadsheet().toast('Scores updated', 'okr-sheets', 5);
       SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput('<p>Hi</p>').setWidth(400).setHeight(200), 'Welcome');`,
    );
    expect(addon.ui.toasts).toMatchObject([
      { message: 'Scores updated', title: 'okr-sheets', timeoutSeconds: 5 },
    ]);
    expect(addon.ui.dialogs).toMatchObject([
      { title: 'Welcome', html: '<p>Hi</p>', width: 400, height: 200 },
    ]);
  });
});

describe('HtmlService', () => {
  it('reads dist/<name>.html, and refuses a missing file', () => {
    const addon = newAddon();
    expect(run(addon, `HtmlService.createHtmlOutputFromFile('Sidebar').getContent()`)).toMatch(
      /<!doctype html>/i,
    );
    expect(thrown(() => run(addon, `HtmlService.createHtmlOutputFromFile('Nope')`))).toBe(
      'No HTML file named Nope was found.',
    );
    expect(run(addon, `HtmlService.createHtmlOutput('a').append('b').setTitle('T').getTitle()`)).toBe('T');
  });
});

describe('PropertiesService', () => {
  it('stores strings per document and per user', () => {
    const addon = newAddon();
    const r = run(
      addon,
      `(function () {
        var doc = PropertiesService.getDocumentProperties();
        doc.setProperty('n', 5).setProperties({ a: '1', b: '2' });
        PropertiesService.getUserProperties().setProperty('seen', 'yes');
        doc.deleteProperty('a');
        return JSON.stringify([doc.getProperty('n'), doc.getProperty('missing'), doc.getKeys().sort(), doc.getProperties()]);
      })()`,
    );
    expect(JSON.parse(r)).toEqual(['5', null, ['b', 'n'], { n: '5', b: '2' }]);
    expect(addon.toState().properties).toEqual({ document: { n: '5', b: '2' }, user: { seen: 'yes' } });
  });

  it('refuses a value over 9 kB', () => {
    const addon = newAddon();
    expect(
      thrown(() =>
        run(addon, `PropertiesService.getDocumentProperties().setProperty('big', new Array(9300).join('x'))`),
      ),
    ).toBe('Argument too large: value');
  });
});

describe('LockService', () => {
  it('gives the document lock when free and releases it at the end of an execution', () => {
    const addon = newAddon();
    run(
      addon,
      `function locked() { var l = LockService.getDocumentLock(); l.waitLock(1000); return l.hasLock(); }`,
    );
    (addon.functions as string[]).push('locked');
    expect(addon.rpc('locked')).toEqual({ ok: true, value: true });
    expect(run(addon, `LockService.getDocumentLock().tryLock(10)`)).toBe(true);
  });

  it('a lock held by another execution: tryLock is false, waitLock throws Apps Script’s timeout', () => {
    const addon = newAddon();
    addon.locks.holdByAnotherExecution();
    expect(run(addon, `LockService.getDocumentLock().tryLock(100)`)).toBe(false);
    expect(thrown(() => run(addon, `LockService.getDocumentLock().waitLock(100)`))).toBe(
      'Lock timeout: another process was holding the lock for too long.',
    );
    addon.locks.releaseOtherExecution();
    expect(run(addon, `LockService.getDocumentLock().tryLock(100)`)).toBe(true);
  });
});

describe('Session, Utilities, ScriptApp', () => {
  it('answer with the configured user, time zones, formatted dates and uuids', () => {
    const addon = newAddon({ user: 'ana@example.com', scriptTimeZone: 'Europe/Berlin' });
    expect(run(addon, 'Session.getActiveUser().getEmail()')).toBe('ana@example.com');
    expect(run(addon, 'Session.getEffectiveUser().getEmail()')).toBe('ana@example.com');
    expect(run(addon, 'Session.getScriptTimeZone()')).toBe('Europe/Berlin');
    expect(
      run(addon, `Utilities.formatDate(new Date(), 'Europe/Berlin', "yyyy-MM-dd'T'HH:mm:ssXXX EEE")`),
    ).toBe('2027-02-10T10:30:00+01:00 Wed');
    expect(run(addon, `Utilities.formatDate(new Date(), 'Etc/UTC', 'd MMM yyyy, h:mm a')`)).toBe(
      '10 Feb 2027, 9:30 AM',
    );
    expect(run(addon, 'Utilities.getUuid()')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(run(addon, 'String(ScriptApp.AuthMode.NONE)')).toBe('NONE');
  });
});
