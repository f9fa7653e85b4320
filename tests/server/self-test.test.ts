// "Check this spreadsheet…" through the built bundle in the emulator, with custom functions computed
// asynchronously as in Sheets: in each tested locale every check passes and the workbook is exactly as it was;
// a formula builder broken on purpose, a busy lock, no lock and a failing step each show the failure in the
// report, in words, with what to do, and still leave the workbook as it was.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Addon, CODE, call, clock, run, startAddon } from '../helpers/addon';
import { TEST_LOCALES } from '../helpers/locales';

const MID_Q1 = '2027-02-14T10:00:00Z';
const TITLE = 'okr-sheets: check of this spreadsheet';

function spreadsheet(options: { locale?: string; codePath?: string } = {}): Addon {
  const addon = startAddon({ now: clock(MID_Q1), asyncCustomFunctions: true, ...options });
  addon.replaceWorkbook([
    {
      name: 'Churn',
      rows: [
        ['Week', 'Churn rate'],
        ...[5, 5.2, 5.1].map((v, i) => [new Date(Date.UTC(2027, 0, 4 + 7 * i)), v / 100]),
      ],
    },
  ]);
  addon.open();
  return addon;
}

/** Runs the menu item; returns the report as the dialog shows it (its text) and as the log holds it. */
function check(addon: Addon): { log: string; html: string; text: string } {
  addon.logs.length = 0;
  const result = addon.runMenu('checkThisSpreadsheet');
  expect(result).toEqual({ ok: true });
  const dialog = addon.ui.dialogs.at(-1)!;
  expect(dialog.title).toBe(TITLE);
  addon.ui.closeDialog(dialog.id);
  const text = dialog.html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<\/?(?:b|span)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ');
  return { log: addon.logs.join('\n'), html: dialog.html, text };
}

const stateOf = (a: Addon) => JSON.stringify(a.toState());

describe.each(TEST_LOCALES)('Check this spreadsheet… in %s', (locale) => {
  it('passes every check and leaves the spreadsheet exactly as it was', () => {
    const addon = spreadsheet({ locale });
    call(addon, 'setUpQuarter', { quarter: '2027-Q1' });
    const before = stateOf(addon);
    const { log, text } = check(addon);
    expect(log).toMatch(
      new RegExp(`^okr-sheets works in this spreadsheet \\(locale ${locale}, time zone Etc/UTC\\)\\.`),
    );
    for (const title of [
      'Document lock',
      'Locale',
      'Time zone',
      'Formulas okr-sheets writes',
      'Native formulas compute as the sidebar does',
      'Custom functions',
      'Copying a sheet',
      'Protecting a sheet',
      'Left as it was',
    ]) {
      expect(text).toContain(`✓ Passed ${title}:`);
    }
    expect(text).not.toMatch(/Failed|Not run|What to do/);
    expect(stateOf(addon)).toBe(before);
  });
});

describe('Check this spreadsheet… where something is wrong', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'okr-self-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The built bundle with its formulas' argument separator broken to `,` (as en_US alone reads it). */
  function brokenBundle(): string {
    const code = readFileSync(CODE, 'utf8');
    const broken = code.replace('var ARGUMENT_SEPARATOR = ";";', 'var ARGUMENT_SEPARATOR = ",";');
    expect(broken).not.toBe(code);
    const file = path.join(dir, 'Code.js');
    writeFileSync(file, broken);
    return file;
  }

  it('a formula builder broken on purpose: in de_DE every formula it wrote shows #ERROR!, and the report says what to do', () => {
    const codePath = brokenBundle();
    const addon = spreadsheet({ locale: 'de_DE', codePath });
    const before = stateOf(addon);
    const { log, text } = check(addon);
    expect(log).toMatch(
      /^\d of 9 checks did not pass in this spreadsheet \(locale de_DE, time zone Etc\/UTC\)\./,
    );
    expect(text).toContain('✗ Failed Formulas okr-sheets writes:');
    expect(text).toMatch(
      /Key Results › Score shows #ERROR! \(formula =\{"Score";OKR_SCORE\(F2:F,G2:G,H2:H,E2:E,1\)\}\)/,
    );
    expect(text).toContain('Key Results › Status shows #ERROR!');
    expect(text).toContain('KPIs › Previous shows #ERROR!');
    expect(text).toMatch(
      /What to do: Sheets cannot read okr-sheets’ formulas in the locale de_DE: Score and Status cells would show #ERROR!/,
    );
    // what did not depend on the separator still passed, and the temporary sheet is gone
    expect(text).toContain('✓ Passed Custom functions:');
    expect(text).toContain('✓ Passed Left as it was:');
    expect(stateOf(addon)).toBe(before);
  });

  it('the same broken bundle passes in en_US, where `,` separates arguments: the check is the locale’s', () => {
    const addon = spreadsheet({ locale: 'en_US', codePath: brokenBundle() });
    expect(check(addon).log).toMatch(/^okr-sheets works in this spreadsheet/);
  });

  it('another execution holds the lock: nothing is written, the report says to wait', () => {
    const addon = spreadsheet();
    const before = stateOf(addon);
    addon.locks.holdByAnotherExecution();
    const { text } = check(addon);
    expect(text).toContain('✗ Failed Document lock:');
    expect(text).toContain('Another okr-sheets action was running in this spreadsheet');
    expect(text).toContain('What to do: Wait a minute and run Check this spreadsheet… again.');
    expect(text).toContain('– Not run Formulas okr-sheets writes:');
    expect(stateOf(addon)).toBe(before);
  });

  it('LockService gives no lock: the report says so instead of a TypeError', () => {
    const addon = spreadsheet();
    const before = stateOf(addon);
    run(addon, 'LockService = { getDocumentLock: function () { return null; } }; 0');
    const { text } = check(addon);
    expect(text).toContain('✗ Failed Document lock:');
    expect(text).toContain('Google Sheets gave okr-sheets no document lock');
    expect(text).toContain('What to do: Reload the spreadsheet and run the check again.');
    expect(text).not.toMatch(/TypeError/);
    expect(stateOf(addon)).toBe(before);
  });

  it('a step failing part-way: the report names the step, and the spreadsheet is left as it was', () => {
    const addon = spreadsheet({ locale: 'fr_FR' });
    call(addon, 'setUpQuarter', { quarter: '2027-Q1' });
    const before = stateOf(addon);
    addon.faults.clear();
    check(addon);
    const changes = addon.faults.changes();
    expect(changes).toBeGreaterThan(8);
    const cleanupFailures: number[] = [];
    let reported = 0;
    for (let n = 1; n <= changes; n++) {
      addon.faults.failOnChange(n);
      const { text } = check(addon);
      addon.faults.clear();
      if (/✗ Failed|The check stopped while/.test(text)) reported++;
      if (stateOf(addon) === before) {
        expect(text, `change ${n}`).toContain('✓ Passed Left as it was:');
        continue;
      }
      // the failing change was one of the clean-up's own: the report says what is left and how to remove it
      cleanupFailures.push(n);
      expect(text, `change ${n}`).toContain('✗ Failed Left as it was:');
      expect(text).toMatch(
        /What to do: Delete the tab named “okr-sheets check \(removed when done\)” if it is still there/,
      );
      for (const leftover of [
        'okr-sheets check (removed when done)',
        'Copy of okr-sheets check (removed when done)',
      ]) {
        const sheet = addon.spreadsheet.getSheetByName(leftover);
        if (sheet) addon.spreadsheet.deleteSheet(sheet);
      }
      if (addon.spreadsheet.getRangeByName('KPI_okr_sheets_check'))
        addon.spreadsheet.removeNamedRange('KPI_okr_sheets_check');
    }
    // the clean-up deletes the copy, removes the named range, deletes the sheet: only those can leave something
    expect(cleanupFailures.length).toBeLessThanOrEqual(3);
    // every other failing change is reported, but the clean-up's putting back of the active tab, which leaves
    // nothing a user would see when it fails
    expect(reported).toBeGreaterThanOrEqual(changes - 1);
    const stopped = (() => {
      addon.faults.failOnChange(1);
      const { text } = check(addon);
      addon.faults.clear();
      return text;
    })();
    expect(stopped).toMatch(/The check stopped while making the temporary sheet: /);
    expect(stopped).toContain('What to do: Reload the spreadsheet and run the check again');
  }, 180_000);
});
