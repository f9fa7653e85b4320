// "Check this spreadsheet…" from the playground's add-on menu, in Chromium: the report opens in a dialog, every
// check passed, the tabs are as they were, and Close closes it. A screenshot of the report is kept.
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  launchBrowser,
  ROOT,
  type Running,
  startPlayground,
  tempDir,
} from '../helpers/playground';

const available = browserAvailable();

describe.skipIf(!available)('Check this spreadsheet… in the playground', () => {
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let server: Running;
  let page: Page;
  const tmp = tempDir('okr-self-test-');

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startPlayground(path.join(tmp.dir, 'workbook.json')),
      launchBrowser(),
    ]);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(15_000);
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.goto(server.url);
    await page.locator('.grid-scroller').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    tmp.cleanup();
  });

  const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });

  it('shows the report in a dialog: every check passed, and the spreadsheet keeps its tabs', async () => {
    const tabs = await page.locator('.tab').allTextContents();
    await page.getByRole('button', { name: 'Extensions' }).click();
    await page.getByRole('button', { name: 'okr-sheets' }).hover();
    await page.getByRole('button', { name: 'Check this spreadsheet…' }).click();
    const dialog = page.getByRole('dialog', { name: 'okr-sheets: check of this spreadsheet' });
    await dialog.waitFor();
    const report = page.frameLocator('.dialog iframe');
    await eventually(async () => (await report.locator('h1').textContent()) ?? '').toMatch(
      /^okr-sheets works in this spreadsheet \(locale en_US, time zone [\w/]+\)\.$/,
    );
    const checks = await report.locator('li.check').allTextContents();
    expect(checks).toHaveLength(9);
    for (const c of checks) expect(c).toMatch(/^✓ Passed /);
    expect(checks.map((c) => c.replace(/^✓ Passed (.*?):.*$/s, '$1'))).toEqual([
      'Document lock',
      'Locale',
      'Time zone',
      'Formulas okr-sheets writes',
      'Native formulas compute as the sidebar does',
      'Custom functions',
      'Copying a sheet',
      'Protecting a sheet',
      'Left as it was',
    ]);
    expect(await page.locator('.tab').allTextContents()).toEqual(tabs);
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'self-test-report.png') });
    await report.getByRole('button', { name: 'Close' }).click();
    await eventually(() => page.getByRole('dialog').count()).toBe(0);
  });
});
