// Alerts, prompts-to-confirm, toasts and dialogs in the playground page, driven by a handler added to the
// bundle's realm for the test (the add-on itself raises none yet): the user is asked, the action runs with the
// answer, the toast appears, a dialog's google.script.host.close() closes it.
import type { Server } from 'node:http';
import path from 'node:path';
import vm from 'node:vm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAssets } from '../../src/playground/assets';
import type { Addon } from '../../src/playground/emulator';
import { sampleWorkbook } from '../../src/playground/sample';
import { createPlayground, listen } from '../../src/playground/server';
import { WorkbookFile } from '../../src/playground/store';
import { newAddon } from '../helpers/addon';
import { browserAvailable, launchBrowser, ROOT, tempDir } from '../helpers/playground';

const available = browserAvailable();

describe.skipIf(!available)('alerts, toasts and dialogs in the playground', () => {
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let server: Server;
  let addon: Addon;
  let page: Page;
  const tmp = tempDir('okr-dialogs-');
  const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 100 });

  beforeAll(async () => {
    addon = newAddon({ state: sampleWorkbook(new Date('2027-02-10T12:00:00Z')), unansweredDialogs: 'defer' });
    vm.runInContext(
      `function archiveChurn() {
         var ui = SpreadsheetApp.getUi();
         if (ui.alert('Archive churn?', 'The Churn tab will be renamed.', ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
         SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Churn').setName('Churn (archived)');
         SpreadsheetApp.getActiveSpreadsheet().toast('Churn archived', 'okr-sheets', 30);
       }
       function welcome() {
         SpreadsheetApp.getUi().showModalDialog(
           HtmlService.createHtmlOutput('<html><head></head><body><button onclick="google.script.host.close()">Done</button></body></html>').setWidth(300).setHeight(120),
           'Welcome to okr-sheets');
       }
       var originalOnOpen = onOpen;
       onOpen = function (e) {
         originalOnOpen(e);
         SpreadsheetApp.getUi().createMenu('Test').addItem('Archive churn', 'archiveChurn').addItem('Welcome', 'welcome').addToUi();
       };`,
      addon.globals,
    );
    addon.open();
    server = createPlayground({
      addon,
      file: new WorkbookFile(path.join(tmp.dir, 'workbook.json')),
      ...(await buildAssets(ROOT)),
    });
    const url = await listen(server, 0);
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

  it('asks the alert’s question; No leaves the workbook alone, Yes runs the action and shows its toast', async () => {
    await page.getByRole('button', { name: 'Test' }).click();
    await page.getByRole('button', { name: 'Archive churn' }).click();
    const dialog = page.getByRole('alertdialog');
    await eventually(async () => (await dialog.locator('h2').textContent()) ?? '').toBe('Archive churn?');
    expect(await dialog.locator('.modal-message').textContent()).toBe('The Churn tab will be renamed.');
    await dialog.getByRole('button', { name: 'No' }).click();
    await eventually(() => page.getByRole('alertdialog').count()).toBe(0);
    expect(await page.locator('.tab').allTextContents()).toContain('Churn');

    await page.getByRole('button', { name: 'Test' }).click();
    await page.getByRole('button', { name: 'Archive churn' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Yes' }).click();
    await eventually(() => page.locator('.tab').allTextContents()).toContain('Churn (archived)');
    await eventually(async () => (await page.locator('.toast').textContent()) ?? '').toContain(
      'Churn archived',
    );
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'playground-toast.png') });
  });

  it('shows a modal dialog the add-on opens; google.script.host.close() in it closes it', async () => {
    await page.getByRole('button', { name: 'Test' }).click();
    await page.getByRole('button', { name: 'Welcome' }).click();
    const dialog = page.getByRole('dialog', { name: 'Welcome to okr-sheets' });
    await dialog.waitFor();
    await page.frameLocator('.dialog iframe').getByRole('button', { name: 'Done' }).click();
    await eventually(() => page.getByRole('dialog').count()).toBe(0);
    expect(addon.ui.dialogs).toEqual([]);
  });
});
