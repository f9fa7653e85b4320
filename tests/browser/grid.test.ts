// The grid as a newcomer uses it, in Chromium: the right-click menu of a row inserts and deletes rows, Ctrl+Z
// and Edit › Undo take back typing, inserts, pastes and sorts several steps deep (but not the add-on's work),
// Data › Sort keeps the header, a refused entry keeps its cell selected, each sheet keeps its own scroll
// position (a sheet not seen before opens at A1), every sheet is reachable from the All Sheets list and the
// scrolling tab strip, and a closed quarter asks before it is edited, Cancel leaving the cell as it was.
import type { Server } from 'node:http';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAssets } from '../../src/playground/assets';
import type { Addon } from '../../src/playground/emulator';
import { sampleWorkbook } from '../../src/playground/sample';
import { createPlayground, listen } from '../../src/playground/server';
import { WorkbookFile } from '../../src/playground/store';
import { call, newAddon, run } from '../helpers/addon';
import { seedOkrs } from '../helpers/okrs';
import { browserAvailable, launchBrowser, ROOT, tempDir } from '../helpers/playground';

const available = browserAvailable();
const SHOTS = path.join(ROOT, 'test-results');
const WARNING =
  'You’re trying to edit part of this sheet that shouldn’t be changed accidentally. Edit anyway?';

describe.skipIf(!available)('the grid behaves like Sheets', () => {
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let server: Server;
  let addon: Addon;
  let page: Page;
  let url: string;
  const tmp = tempDir('okr-grid-');

  beforeAll(async () => {
    addon = newAddon({ state: sampleWorkbook(new Date('2027-02-10T12:00:00Z')), unansweredDialogs: 'defer' });
    addon.open();
    server = createPlayground({
      addon,
      file: new WorkbookFile(path.join(tmp.dir, 'workbook.json')),
      ...(await buildAssets(ROOT)),
    });
    url = await listen(server, 0);
    browser = await launchBrowser();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(10_000);
    await page.goto(url);
    await page.locator('.grid-scroller').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
    tmp.cleanup();
  });

  const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 100 });
  const cell = (a1: string) => page.locator(`[data-cell="${a1}"]`);
  const text = (a1: string) => eventually(async () => (await cell(a1).textContent()) ?? '');
  const nameBox = () => page.getByLabel('Name box').inputValue();
  const gridInput = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      return el?.hasAttribute('data-grid-input') ? el.getAttribute('aria-label') : null;
    });

  async function goTo(a1: string) {
    await page.getByLabel('Name box').fill(a1);
    await page.getByLabel('Name box').press('Enter');
    await eventually(gridInput).toBe(`Cell ${a1.split(':')[0]}`);
  }
  async function type(a1: string, input: string) {
    await goTo(a1);
    await page.keyboard.type(input);
    await page.keyboard.press('Enter');
    await eventually(() => page.locator('.cell-editor:not(.idle)').count()).toBe(0);
  }
  async function openTab(name: string) {
    await page.getByRole('navigation', { name: 'Sheets' }).getByRole('button', { name, exact: true }).click();
    await eventually(() => page.locator('.tab.active').textContent()).toBe(name);
  }
  const undoKey = () => page.keyboard.press('Control+z');
  const column = async (letter: string, from: number, to: number) => {
    const out: string[] = [];
    for (let r = from; r <= to; r++) out.push((await cell(`${letter}${r}`).textContent()) ?? '');
    return out;
  };

  it('right-click on a row header: insert above and below, delete; Ctrl+Z takes each back', async () => {
    await openTab('Churn');
    const row3 = (await cell('B3').textContent()) ?? '';
    const row4 = (await cell('B4').textContent()) ?? '';
    await page.locator('[data-row="3"]').click({ button: 'right' });
    const menu = page.getByRole('menu');
    await eventually(() => menu.getByRole('button').allTextContents()).toEqual([
      'Insert 1 row above',
      'Insert 1 row below',
      'Delete row 3',
    ]);
    await page.screenshot({ path: path.join(SHOTS, 'grid-row-menu.png') });
    await menu.getByRole('button', { name: 'Insert 1 row above' }).click();
    await text('B3').toBe('');
    await text('B4').toBe(row3);
    expect(await menu.count()).toBe(0);

    // two rows by shift-click on the headers, then delete them
    await page.locator('[data-row="4"]').click();
    await page.locator('[data-row="5"]').click({ modifiers: ['Shift'] });
    await eventually(nameBox).toBe('A4:Z5');
    await page.locator('[data-row="5"]').click({ button: 'right' });
    await page.getByRole('menu').getByRole('button', { name: 'Delete rows 4 - 5' }).click();
    await text('B4').not.toBe(row4);

    await undoKey();
    await text('B4').toBe(row3);
    await text('B5').toBe(row4);
    await undoKey();
    await text('B3').toBe(row3);
    await text('B4').toBe(row4);
  });

  it('undoes typing and a paste several steps deep; Edit › Redo brings them back', async () => {
    await openTab('Churn');
    const before = (await cell('B2').textContent()) ?? '';
    await type('B2', '9%');
    await text('B2').toBe('9.0%');
    await type('D1', 'first');
    await goTo('D2');
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'one\ttwo\nthree\tfour\n');
      document.activeElement?.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true }),
      );
    });
    await text('E3').toBe('four');
    await eventually(nameBox).toBe('D2:E3');

    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByRole('button', { name: /^Undo/ }).click();
    await text('E3').toBe('');
    await undoKey();
    await text('D1').toBe('');
    await undoKey();
    await text('B2').toBe(before);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    expect(await page.getByRole('button', { name: /^Undo/ }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: /^Redo/ }).click();
    await text('B2').toBe('9.0%');
    await page.keyboard.press('Control+y');
    await text('D1').toBe('first');
  });

  it('copies cells and pastes them elsewhere with their formulas moved, as Sheets does', async () => {
    await openTab('Churn');
    await type('F2', '=B2*100');
    await goTo('F2');
    const copied = await page.evaluate(() => {
      const data = new DataTransfer();
      document.activeElement?.dispatchEvent(
        new ClipboardEvent('copy', { clipboardData: data, bubbles: true }),
      );
      return data.getData('text/plain');
    });
    expect(copied).toMatch(/^\d+(\.\d+)?$/);
    await goTo('F3');
    await page.evaluate((t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      document.activeElement?.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true }),
      );
    }, copied);
    await goTo('F3');
    await eventually(() => page.getByLabel('Formula bar').inputValue()).toBe('=B3*100');
  });

  it('Data › Sort sheet keeps the frozen header and sorts the rows below; Ctrl+Z restores the order', async () => {
    await openTab('NPS');
    const header = (await cell('B1').textContent()) ?? '';
    const original = await column('B', 2, 6);
    await goTo('B2');
    await page.getByRole('button', { name: 'Data', exact: true }).click();
    await page.getByRole('button', { name: 'Sort sheet' }).hover();
    await page.screenshot({ path: path.join(SHOTS, 'grid-data-menu.png') });
    await page.getByRole('button', { name: 'Sort sheet by column B (Z to A)' }).click();
    await text('B1').toBe(header);
    await eventually(() => column('B', 2, 6)).not.toEqual(original);
    const values = (await column('B', 2, 6)).map(Number);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    await undoKey();
    await eventually(() => column('B', 2, 6)).toEqual(original);
  });

  it('Data › Sort range › Advanced: a range with a header row, by the column chosen by its header', async () => {
    run(
      addon,
      `SpreadsheetApp.getActive().getSheetByName('Support').getRange('F1:G4').setValues([['Team','Tickets'],['ops',30],['apps',10],['web',20]])`,
    );
    await openTab('Support');
    await goTo('F1:G4');
    await page.getByRole('button', { name: 'Data', exact: true }).click();
    await page.getByRole('button', { name: 'Sort range' }).hover();
    await page.getByRole('button', { name: 'Advanced range sorting options' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sort range from F1 to G4' });
    await dialog.getByLabel('Data has header row').check();
    await dialog.getByLabel('Sort by').selectOption({ label: 'Tickets' });
    await page.screenshot({ path: path.join(SHOTS, 'grid-sort-range.png') });
    await dialog.getByRole('button', { name: 'Sort' }).click();
    await eventually(() => column('F', 1, 4)).toEqual(['Team', 'apps', 'web', 'ops']);
    expect(await column('G', 1, 4)).toEqual(['Tickets', '10', '20', '30']);
  });

  it('a refused entry keeps its cell selected', async () => {
    run(
      addon,
      `SpreadsheetApp.getActive().getSheetByName('Support').getRange('H2').setDataValidation(
        SpreadsheetApp.newDataValidation().requireValueInList(['open', 'closed']).setAllowInvalid(false).build())`,
    );
    await openTab('Metrics');
    await openTab('Support');
    await type('H2', 'maybe');
    const dialog = page.getByRole('alertdialog');
    await eventually(() => dialog.locator('h2').textContent()).toBe('There was a problem');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await eventually(nameBox).toBe('H2');
    await eventually(gridInput).toBe('Cell H2');
    expect(addon.spreadsheet.getSheetByName('Support')!.getRange('H2').getValue()).toBe('');
    // what the cell shows, its dropdown button aside
    expect(
      await cell('H2').evaluate((el) =>
        el.firstChild?.nodeType === Node.TEXT_NODE ? el.firstChild.textContent : '',
      ),
    ).toBe('');
  });

  it('each sheet keeps its own scroll position; a sheet not seen before opens at A1', async () => {
    await openTab('Churn');
    await goTo('B50');
    const scrolled = await page.locator('.grid-scroller').evaluate((el) => el.scrollTop);
    expect(scrolled).toBeGreaterThan(300);
    await openTab('Metrics');
    await eventually(() => page.locator('.grid-scroller').evaluate((el) => el.scrollTop)).toBe(0);
    await eventually(nameBox).toBe('A1');
    await text('A1').toBe('Week');
    await openTab('Churn');
    await eventually(() => page.locator('.grid-scroller').evaluate((el) => el.scrollTop)).toBe(scrolled);
    await eventually(nameBox).toBe('B50');
  });

  it('a sheet thousands of columns wide draws only the columns in view, and reaches its last one', async () => {
    run(
      addon,
      `var s = SpreadsheetApp.getActive().insertSheet('Wide'); s.insertColumnsAfter(26, 8974); s.getRange(1, 9000).setValue('far right');`,
    );
    await page.reload();
    await page.locator('.grid-scroller').waitFor();
    await eventually(() => page.locator('.tab.active').textContent()).toBe('Wide');
    expect(await page.locator('.column-header').count()).toBeLessThan(40);
    await goTo('MHD1');
    await text('MHD1').toBe('far right');
    expect(await page.locator('.column-header').count()).toBeLessThan(40);
    await openTab('Churn');
  });

  it('the All Sheets list and the tab arrows reach every sheet when the tabs do not fit', async () => {
    for (let i = 1; i <= 14; i++) run(addon, `SpreadsheetApp.getActive().insertSheet('Team scorecard ${i}')`);
    run(addon, `SpreadsheetApp.getActive().insertSheet('Archive of 2026')`);
    await page.reload();
    await page.locator('.grid-scroller').waitFor();
    // insertSheet made the last one active, as in Sheets; start from the first tab
    await openTab('Churn');
    const strip = page.locator('.tab-strip');
    await eventually(() => strip.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    const history = page.locator('.tab', { hasText: 'Archive of 2026' });
    const inView = () =>
      history.evaluate((el) => {
        const s = el.parentElement!.getBoundingClientRect();
        const t = el.getBoundingClientRect();
        return t.left >= s.left - 1 && t.right <= s.right + 1;
      });
    expect(await inView()).toBe(false);
    // the arrows scroll the strip to the end
    const right = page.getByRole('button', { name: 'Scroll tabs right' });
    for (let i = 0; i < 40 && !(await right.isDisabled()); i++) await right.click();
    await eventually(inView).toBe(true);
    await page.getByRole('button', { name: 'Scroll tabs left' }).click();
    // the list names every sheet; choosing one opens it and brings its tab into view
    await page.getByRole('button', { name: 'All Sheets' }).click();
    const list = page.getByRole('listbox', { name: 'All Sheets' });
    await eventually(() => list.getByRole('option').count()).toBe(20);
    await page.screenshot({ path: path.join(SHOTS, 'grid-all-sheets.png') });
    await list.getByRole('option', { name: 'Archive of 2026' }).click();
    await eventually(() => page.locator('.tab.active').textContent()).toBe('Archive of 2026');
    await eventually(inView).toBe(true);
    await openTab('Churn');
  });

  it('a closed quarter shows Sheets’ warning before an edit; Cancel leaves the cell, OK edits it', async () => {
    seedOkrs(addon);
    call(addon, 'startNewQuarter', { quarter: '2027-Q2', carry: 'none' });
    await page.reload();
    await page.locator('.grid-scroller').waitFor();
    await openTab('2027-Q1 Key Results');
    const note = (await cell('O2').textContent()) ?? '';
    await type('O2', 'late note');
    const dialog = page.getByRole('alertdialog');
    await eventually(() => dialog.locator('.modal-message').textContent()).toBe(WARNING);
    expect(await dialog.getByRole('checkbox', { name: "Don't show this again for 5 minutes" }).count()).toBe(
      1,
    );
    await page.screenshot({ path: path.join(SHOTS, 'grid-protection-warning.png') });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await eventually(() => dialog.count()).toBe(0);
    await text('O2').toBe(note);
    await eventually(nameBox).toBe('O2');
    expect(addon.spreadsheet.getSheetByName('2027-Q1 Key Results')!.getRange('O2').getValue()).toBe(note);

    await type('O2', 'late note');
    await page.getByRole('alertdialog').getByRole('button', { name: 'OK' }).click();
    await text('O2').toBe('late note');
    // the open quarter asks nothing
    await openTab('2027-Q2 Key Results');
    await type('O2', 'fine');
    await text('O2').toBe('fine');
    expect(await page.getByRole('alertdialog').count()).toBe(0);
  }, 60_000); // seeds OKRs and closes a quarter in the emulator before the page work

  it('the add-on’s own changes are not undone: Undo is greyed after a sidebar action', async () => {
    await type('O3', 'mine');
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    expect(await page.getByRole('button', { name: /^Undo/ }).isDisabled()).toBe(false);
    await page.keyboard.press('Escape');
    const r = addon.rpc('saveObjective', [{ title: 'Added by the add-on' }]);
    expect(r.ok).toBe(true);
    await page.reload();
    await page.locator('.grid-scroller').waitFor();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    expect(await page.getByRole('button', { name: /^Undo/ }).isDisabled()).toBe(true);
  });
});
