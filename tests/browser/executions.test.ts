// Each execution of the add-on loads the whole bundle and reads the workbook again, so a sidebar action is one
// server execution: the action answers with the new state, and the sidebar shows it without asking again.
// Counted as google.script.run calls from the real sidebar in the playground (POST /api/rpc/<fn>).
import path from 'node:path';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  launchBrowser,
  type Running,
  startPlayground,
  tempDir,
} from '../helpers/playground';

const available = browserAvailable();

describe.skipIf(!available)('server executions per sidebar action', () => {
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let server: Running;
  let page: Page;
  let sidebar: FrameLocator;
  const calls: string[] = [];
  const tmp = tempDir('okr-executions-');

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startPlayground(path.join(tmp.dir, 'workbook.json')),
      launchBrowser(),
    ]);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(15_000);
    page.on('request', (r) => {
      const m = /\/api\/rpc\/([^/?]+)/.exec(r.url());
      if (m && r.method() === 'POST') calls.push(decodeURIComponent(m[1]!));
    });
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(server.url);
    await page.locator('.grid-scroller').waitFor();
    sidebar = page.frameLocator('aside.sidebar iframe');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    tmp.cleanup();
  });

  /** The calls `act` makes, once the sidebar shows what `done` waits for (and a reload would have come). */
  async function executionsOf(act: () => Promise<void>, done: () => Promise<unknown>): Promise<string[]> {
    calls.length = 0;
    await act();
    await done();
    await page.waitForTimeout(500);
    return [...calls];
  }

  it('setting up the quarter, adding an objective, a key result and a check-in: one execution each', async () => {
    await page.getByRole('button', { name: 'Extensions' }).click();
    await page.getByRole('button', { name: 'okr-sheets' }).hover();
    await page.getByRole('button', { name: 'Open OKR sidebar' }).click();
    const setUp = sidebar.getByRole('button', { name: /^Set up OKRs for \d{4}-Q[1-4]$/ });
    await setUp.waitFor();
    expect(
      await executionsOf(
        () => setUp.click(),
        () => sidebar.locator('.quarter-head h2').waitFor(),
      ),
    ).toEqual(['setUpQuarter']);

    expect(
      await executionsOf(
        async () => {
          await sidebar.getByRole('button', { name: '+ Objective' }).click();
          await sidebar.getByRole('textbox', { name: 'Objective' }).fill('Build a product customers love');
          await sidebar.getByRole('textbox', { name: 'Objective' }).press('Enter');
        },
        () => sidebar.getByRole('article', { name: /^O1 Build a product customers love/ }).waitFor(),
      ),
    ).toEqual(['saveObjective']);

    const card = sidebar.getByRole('article', { name: /^O1 / });
    expect(
      await executionsOf(
        async () => {
          await card.getByRole('button', { name: '+ Key result' }).click();
          await sidebar.getByLabel('Key result').fill('Reduce churn from 8% to 5%');
          await sidebar.getByLabel('Baseline').fill('8%');
          await sidebar.getByLabel('Target').fill('5%');
          await sidebar.getByLabel('Current').fill('6.5%');
          await sidebar.getByRole('button', { name: 'Add key result' }).click();
        },
        () => card.locator('li.kr', { hasText: 'O1.1' }).waitFor(),
      ),
    ).toEqual(['saveKeyResult']);

    const kr = sidebar.locator('li.kr', { hasText: 'O1.1' });
    expect(
      await executionsOf(
        async () => {
          await kr.getByRole('button', { name: 'Check in' }).click();
          await sidebar.getByLabel('Current value').fill('5.5%');
          await sidebar.getByRole('button', { name: 'Check in', exact: true }).last().click();
        },
        () => sidebar.locator('.notice', { hasText: 'Checked in O1.1' }).waitFor(),
      ),
    ).toEqual(['checkIn']);
    // and the sidebar shows the new state the action answered with: the score computed from 5.5%
    await expect.poll(() => kr.locator('.badge').first().innerText()).toBe('83%');
  });
});
