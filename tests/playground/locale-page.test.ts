// The playground page's locale setting (Sheets: File › Settings › Locale), in Chromium: choosing de_DE shows the
// workbook with decimal commas, typing reads numbers and formulas as de_DE writes them, and choosing en_US
// again shows the same formula as en_US writes it.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  launchBrowser,
  type Running,
  startPlayground,
  tempDir,
} from '../helpers/playground';

const available = browserAvailable();

describe.skipIf(!available)('the locale setting on the playground page', () => {
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let server: Running;
  let page: Page;
  const tmp = tempDir('okr-locale-page-');

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPlayground(`${tmp.dir}/workbook.json`), launchBrowser()]);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(10_000);
    await page.goto(server.url);
    await page.locator('.grid-scroller').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    tmp.cleanup();
  });

  const cell = (a1: string) => page.locator(`[data-cell="${a1}"]`);
  const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 100 });
  const text = (a1: string) => eventually(async () => (await cell(a1).textContent()) ?? '');
  const formulaBar = () => eventually(() => page.getByLabel('Formula bar').inputValue());

  async function type(a1: string, input: string) {
    await page.getByLabel('Name box').fill(a1);
    await page.getByLabel('Name box').press('Enter');
    await eventually(() =>
      page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null),
    ).toBe(`Cell ${a1}`);
    await page.keyboard.type(input);
    await page.keyboard.press('Enter');
    await eventually(() => page.locator('.cell-editor:not(.idle)').count()).toBe(0);
  }

  it('shows the workbook in de_DE once chosen, and reads typing as de_DE writes it', async () => {
    const locale = page.getByLabel('Spreadsheet locale');
    await eventually(() => locale.inputValue()).toBe('en_US');
    await text('B2').toMatch(/^\d\.\d%$/);
    await locale.selectOption('de_DE');
    await text('B2').toMatch(/^\d,\d%$/);
    await type('D1', '=SUM(1,5;2)');
    await text('D1').toBe('3,5');
    await type('D2', '1.234,5');
    await text('D2').toBe('1.234,50');
    await cell('D1').click();
    await formulaBar().toBe('=SUM(1,5;2)');
  });

  it('shows the same formula as en_US writes it once en_US is chosen again', async () => {
    await page.getByLabel('Spreadsheet locale').selectOption('en_US');
    await text('D1').toBe('3.5');
    await cell('D1').click();
    await formulaBar().toBe('=SUM(1.5,2)');
  });
});
