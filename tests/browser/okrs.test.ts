// A newcomer's quarter in the playground, through the real sidebar: set up the quarter, write an objective and
// a key result, check in, meet a clear error for a bad number, then start the next quarter from the add-on menu
// and find its tabs. What is asserted is what the user sees in the sidebar and in the sheet's tabs.
import path from 'node:path';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
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
const SHOTS = path.join(ROOT, 'test-results');

describe.skipIf(!available)('OKRs in the sidebar', () => {
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let server: Running;
  let page: Page;
  let sidebar: FrameLocator;
  let quarter = '';
  const tmp = tempDir('okr-okrs-');

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startPlayground(path.join(tmp.dir, 'workbook.json')),
      launchBrowser(),
    ]);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(15_000);
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

  const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });
  const tabs = () => page.getByRole('navigation', { name: 'Sheets' }).innerText();

  async function menu(item: string) {
    await page.getByRole('button', { name: 'Extensions' }).click();
    await page.getByRole('button', { name: 'okr-sheets' }).hover();
    await page.getByRole('button', { name: item }).click();
  }

  it('sets up the quarter from the sidebar and shows its two new tabs', async () => {
    await menu('Open OKR sidebar');
    const setUp = sidebar.getByRole('button', { name: /^Set up OKRs for \d{4}-Q[1-4]$/ });
    quarter = /\d{4}-Q[1-4]/.exec((await setUp.textContent()) ?? '')![0];
    await setUp.click();
    await eventually(() => sidebar.locator('.notice').innerText()).toContain(
      `Created "${quarter} Objectives"`,
    );
    await eventually(tabs).toContain(`${quarter} Key Results`);
    await eventually(() => sidebar.locator('.quarter-head h2').innerText()).toBe(quarter);
  });

  it('adds an objective and a key result whose score the sheet computes', async () => {
    await sidebar.getByRole('button', { name: '+ Objective' }).click();
    // the form takes the keyboard: the first field has focus, Enter submits
    await sidebar.getByLabel('Objective').pressSequentially('Build a product customers love');
    await sidebar.getByLabel('Owner').fill('Ana');
    await sidebar.getByLabel('Owner').press('Enter');
    const card = sidebar.getByRole('article', { name: /^O1 Build a product customers love/ });
    await card.waitFor();
    await card.getByRole('button', { name: '+ Key result' }).click();
    await sidebar.getByLabel('Key result').fill('Reduce churn from 8% to 5%');
    await sidebar.getByLabel('Baseline').fill('8%');
    await sidebar.getByLabel('Target').fill('5%');
    await sidebar.getByLabel('Current').fill('6.5%');
    await sidebar.getByRole('button', { name: 'Add key result' }).click();
    await eventually(() => card.locator('li.kr').first().innerText()).toContain('O1.1');
    await eventually(() => card.locator('li.kr .badge').first().innerText()).toBe('50%');
    await eventually(() => card.locator('header .badge').innerText()).toBe('50%');
  });

  it('refuses a target that is not a number, under the field, and adds nothing', async () => {
    const card = sidebar.getByRole('article', { name: /^O1 / });
    await card.getByRole('button', { name: '+ Key result' }).click();
    await sidebar.getByLabel('Key result').fill('Raise NPS');
    await sidebar.getByLabel('Target').fill('fifty');
    await sidebar.getByRole('button', { name: 'Add key result' }).click();
    await eventually(() => sidebar.locator('.field-error').first().innerText()).toBe(
      '"fifty" is not a number',
    );
    await sidebar.getByRole('button', { name: 'Cancel' }).click();
    await eventually(() => card.locator('li.kr').count()).toBe(1);
  });

  it('checks in a new value and the score follows', async () => {
    const kr = sidebar.locator('li.kr', { hasText: 'O1.1' });
    await kr.getByRole('button', { name: 'Check in' }).click();
    await sidebar.getByLabel('Current value').fill('5.5%');
    await sidebar.getByLabel('Note').fill('win-back emails live');
    await sidebar.getByRole('button', { name: 'Check in', exact: true }).last().click();
    await eventually(() => sidebar.locator('.notice').innerText()).toContain('Checked in O1.1');
    await eventually(() => kr.locator('.badge').first().innerText()).toBe('83%');
    // the sheet shows it too: Current and Score of the key result's row, formatted as percents
    await eventually(() => page.locator('[data-cell="H2"]').innerText()).toBe('5.5%');
    await eventually(() => page.locator('[data-cell="L2"]').innerText()).toBe('83%');
    await page.screenshot({ path: path.join(SHOTS, 'okrs-quarter.png') });
  });

  it('starts the next quarter from the add-on menu after a review, and shows its tabs', async () => {
    await menu('Start new quarter…');
    const review = sidebar.getByRole('region', { name: 'Start new quarter' });
    await eventually(() => review.locator('h2').innerText()).toMatch(
      new RegExp(`^${quarter} → \\d{4}-Q[1-4]$`),
    );
    const next = /→ (\d{4}-Q[1-4])/.exec(await review.locator('h2').innerText())![1]!;
    // unfinished work is ticked to carry over, starting from where it is now
    expect(await review.getByRole('checkbox').isChecked()).toBe(true);
    await eventually(() => review.locator('.carry-detail').innerText()).toContain('new baseline 5.5%');
    await review.getByRole('button', { name: `Start ${next}…` }).click();
    await page.screenshot({ path: path.join(SHOTS, 'okrs-new-quarter-review.png') });
    await sidebar.getByRole('button', { name: `Start ${next}`, exact: true }).click();
    await eventually(() => sidebar.locator('.notice').innerText()).toContain(
      `Started ${next}: 1 key result carried over`,
    );
    await eventually(tabs).toContain(`${next} Key Results`);
    await eventually(tabs).toContain('OKR History');
    await eventually(() => sidebar.locator('.quarter-head h2').innerText()).toBe(next);
    await page.screenshot({ path: path.join(SHOTS, 'okrs-next-quarter.png') });
  });
});
