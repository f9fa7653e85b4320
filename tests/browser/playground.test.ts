// The playground in Chromium, as a newcomer uses it: the sample workbook in a grid, the add-on menu opening the
// real sidebar whose panel renders from a real RPC, typing into cells with recalculation and error tooltips,
// and a restart that keeps every edit. One browser for the whole file.
import { existsSync } from 'node:fs';
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

/** The part of HtmlService's client API the test drives inside the sidebar. */
interface ScriptRun {
  withFailureHandler(f: (e: Error, userObject: string) => void): ScriptRun;
  withSuccessHandler(f: (v: { spreadsheetName: string }, userObject: string) => void): ScriptRun;
  withUserObject(o: string): ScriptRun;
  getOverview(...args: unknown[]): void;
}
type WithGoogle = { google: { script: { run: ScriptRun & Record<string, unknown> } } };
const SHOTS = path.join(ROOT, 'test-results');

describe.skipIf(!available)('the playground in a browser', () => {
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let server: Running;
  let page: Page;
  const tmp = tempDir('okr-playground-');
  const workbook = path.join(tmp.dir, 'workbook.json');

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPlayground(workbook), launchBrowser()]);
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
  /** Waits until what the user sees settles on the expected value (the page updates asynchronously). */
  const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 100 });
  const text = (l: { textContent(): Promise<string | null> }) =>
    eventually(async () => (await l.textContent()) ?? '');

  /** Goes to a cell through the name box (rows far down are not rendered until scrolled to), then types. */
  async function goTo(a1: string) {
    await page.getByLabel('Name box').fill(a1);
    await page.getByLabel('Name box').press('Enter');
    // Typing goes to the grid once its input sits, focused, on the chosen cell.
    await eventually(() =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el?.hasAttribute('data-grid-input') ? el.getAttribute('aria-label') : null;
      }),
    ).toBe(`Cell ${a1}`);
  }

  async function type(a1: string, input: string) {
    await goTo(a1);
    await page.keyboard.type(input);
    await page.keyboard.press('Enter');
    await eventually(() => page.locator('.cell-editor:not(.idle)').count()).toBe(0);
  }

  it('shows the sample workbook: tabs, frozen header, formatted values', async () => {
    await eventually(() => page.locator('.tab').allTextContents()).toEqual([
      'Churn',
      'NPS',
      'Metrics',
      'Support',
    ]);
    await text(cell('A1')).toBe('Week');
    await text(cell('B1')).toBe('Churn %');
    await text(cell('A2')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await text(cell('B2')).toMatch(/^\d\.\d%$/);
    expect(await page.locator('.frozen-rows [data-cell="A1"]').count()).toBe(1);
    await page.locator('.tab', { hasText: 'Metrics' }).click();
    await text(cell('B1')).toBe('MRR');
    await text(cell('B2')).toMatch(/^\$\d{3},\d{3}$/);
    await page.locator('.tab', { hasText: 'Churn' }).click();
    await text(cell('B1')).toBe('Churn %');
  });

  it('opens the sidebar from the add-on menu; its overview renders from a real RPC', async () => {
    await page.getByRole('button', { name: 'Extensions' }).click();
    await page.getByRole('button', { name: 'okr-sheets' }).hover();
    await page.getByRole('button', { name: 'Open OKR sidebar' }).click();
    const sidebar = page.frameLocator('aside.sidebar iframe');
    await text(page.locator('.sidebar-header h2')).toBe('OKRs & KPIs');
    // it opens on the OKRs panel, which offers to set up the current quarter (no quarter sheets yet) ...
    await text(sidebar.getByRole('button', { name: /^Set up OKRs for \d{4}-Q\d$/ })).toMatch(
      /Set up OKRs for/,
    );
    // ... and the Workbook panel lists the tabs, from a real RPC
    await sidebar.getByRole('tab', { name: 'Workbook' }).click();
    await text(sidebar.locator('h2')).toBe('Acme — KPIs');
    await text(sidebar.locator('li', { hasText: 'Churn' })).toContain('53 rows × 2 cols');
    await text(sidebar.locator('li', { hasText: 'Metrics' })).toContain('53 rows × 4 cols');
  });

  it('google.script.run in the sidebar: failure handlers get the error; Dates are refused before sending', async () => {
    const frame = page.frames().find((f) => f.url().includes('/sidebar'));
    expect(frame).toBeDefined();
    const outcome = await frame!.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const seen: string[] = [];
          const run = (window as unknown as WithGoogle).google.script.run;
          run
            .withFailureHandler((e: Error, user: string) => {
              seen.push(`${user}: ${e.message}`);
              run
                .withSuccessHandler((v: { spreadsheetName: string }, user2: string) => {
                  seen.push(`${user2}: ${v.spreadsheetName}`);
                  resolve(seen);
                })
                .withUserObject('ok')
                .getOverview();
            })
            .withUserObject('date')
            .getOverview(new Date());
        }),
    );
    expect(outcome).toEqual(['date: Failed due to illegal value in property: 0', 'ok: Acme — KPIs']);
    expect(await frame!.evaluate(() => typeof (window as unknown as WithGoogle).google.script.run.nope)).toBe(
      'undefined',
    );
  });

  it('typing a formula computes it, and editing its input recomputes it', async () => {
    await type('D1', 'Latest');
    await type('D2', '=OKR_KPI_LATEST(B2:B)*100');
    await text(cell('D2')).toMatch(/^\d+(\.\d+)?$/);
    await type('B54', '12.5%');
    await goTo('D2');
    await text(cell('D2')).toBe('12.5');
    await eventually(() => page.getByLabel('Formula bar').inputValue()).toBe('=OKR_KPI_LATEST(B2:B)*100');
  });

  it('shows a custom function’s error as #ERROR! with its message on hover', async () => {
    await type('E2', '=OKR_SCORE(5,5,5)');
    await text(cell('E2')).toBe('#ERROR!');
    await eventually(async () => (await cell('E2').getAttribute('title')) ?? '').toMatch(/^OKR_SCORE: /);
  });

  it('the sidebar’s Refresh sees the workbook as it is now', async () => {
    const sidebar = page.frameLocator('aside.sidebar iframe');
    await sidebar.getByRole('button', { name: 'Refresh' }).click();
    await text(sidebar.locator('li', { hasText: 'Churn' })).toContain('54 rows × 5 cols');
    await page.screenshot({ path: path.join(SHOTS, 'playground.png') });
  });

  it('keeps every edit across a restart of the server', async () => {
    await server.stop();
    expect(existsSync(workbook)).toBe(true);
    server = await startPlayground(workbook);
    await page.goto(server.url);
    await page.locator('.grid-scroller').waitFor();
    await text(cell('D2')).toBe('12.5');
    await goTo('B54');
    await text(cell('B54')).toBe('12.50%');
    await goTo('D2');
    await eventually(() => page.getByLabel('Formula bar').inputValue()).toBe('=OKR_KPI_LATEST(B2:B)*100');
    await page.screenshot({ path: path.join(SHOTS, 'playground-after-restart.png') });
  });
});
