// A first user's quarter in the playground, by mouse and keyboard, with a screenshot at each step
// (test-results/quarter-use-*.png): set up the quarter, write an objective whose second key result has no
// check-in yet (the objective is not "Done"), type a value in the sheet and come back to the sidebar (it
// refreshes by itself), change a band in Settings (its help follows), close the quarter early (told how many
// days are left), reload the page (the OKRs show, not the review again), and meet Sheets' warning when typing
// in the closed quarter.
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

describe.skipIf(!available)("a first user's quarter in the playground", { timeout: 60_000 }, () => {
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let server: Running;
  let page: Page;
  let sidebar: FrameLocator;
  let quarter = '';
  const tmp = tempDir('okr-quarter-use-');

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startPlayground(path.join(tmp.dir, 'workbook.json')),
      launchBrowser(),
    ]);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(20_000);
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
  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `quarter-use-${name}.png`) });
  const tabs = () => page.getByRole('navigation', { name: 'Sheets' }).innerText();
  async function menu(item: string) {
    await page.getByRole('button', { name: 'Extensions' }).click();
    await page.getByRole('button', { name: 'okr-sheets' }).hover();
    await page.getByRole('button', { name: item }).click();
  }
  async function openTab(name: string) {
    await page.getByRole('navigation', { name: 'Sheets' }).getByRole('button', { name, exact: true }).click();
    await eventually(() => page.locator('.tab.active').textContent()).toBe(name);
  }
  const gridInput = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      return el?.hasAttribute('data-grid-input') ? el.getAttribute('aria-label') : null;
    });
  async function type(a1: string, input: string) {
    await page.getByLabel('Name box').fill(a1);
    await page.getByLabel('Name box').press('Enter');
    await eventually(gridInput).toBe(`Cell ${a1}`);
    await page.keyboard.type(input);
    await page.keyboard.press('Enter');
  }
  const card = () => sidebar.getByRole('article', { name: /^O1 / });

  it('sets up the quarter', async () => {
    await menu('Open OKR sidebar');
    const setUp = sidebar.getByRole('button', { name: /^Set up OKRs for \d{4}-Q[1-4]$/ });
    quarter = /\d{4}-Q[1-4]/.exec((await setUp.textContent()) ?? '')![0];
    await setUp.click();
    await eventually(() => sidebar.locator('.quarter-head h2').innerText()).toBe(quarter);
    // the one line that says what a colour means
    await eventually(() => sidebar.locator('.legend').innerText()).toContain('Colours follow the pace');
    await shot('1-set-up');
  });

  it('an objective whose second key result has no check-in yet is not done', async () => {
    await sidebar.getByRole('button', { name: '+ Objective' }).click();
    await sidebar.getByLabel('Objective').pressSequentially('Win the mid-market');
    await sidebar.getByLabel('Objective').press('Enter');
    await card().waitFor();
    for (const [title, baseline, target, current] of [
      ['Raise NPS from 30 to 40', '30', '40', '40'],
      ['Close 10 deals', '0', '10', ''],
    ]) {
      await card().getByRole('button', { name: '+ Key result' }).click();
      await sidebar.getByLabel('Key result').fill(title!);
      await sidebar.getByLabel('Baseline').fill(baseline!);
      await sidebar.getByLabel('Target').fill(target!);
      if (current) await sidebar.getByLabel('Current').fill(current);
      await sidebar.getByRole('button', { name: 'Add key result' }).click();
      await eventually(() => card().innerText()).toContain(title!);
    }
    // one key result done, one not started: 50%, not 100% "Done"
    await eventually(() => card().locator('header .badge').innerText()).toBe('50%');
    expect(await card().locator('header').innerText()).not.toContain('Done');
    await shot('2-not-started-counts');
  });

  it('typing in the sheet shows in the sidebar when the user comes back to it', async () => {
    await openTab(`${quarter} Key Results`);
    await type('H3', '5');
    await eventually(() => page.locator('[data-cell="L3"]').innerText()).toBe('50%');
    // a moment later, back to the sidebar (a click in it): no Refresh clicked
    await page.waitForTimeout(3500);
    await sidebar.locator('.quarter-head').click();
    await eventually(() => card().locator('header .badge').innerText()).toBe('75%');
    await shot('3-sidebar-follows-the-sheet');
  });

  it('the Settings help follows the bands as they are typed', async () => {
    await sidebar.getByRole('tab', { name: 'Settings' }).click();
    await sidebar.getByLabel('Green from').fill('0.6');
    await eventually(() => sidebar.locator('.bands-hint').innerText()).toContain('green from 0.6');
    await shot('4-settings-help');
    await sidebar.getByRole('tab', { name: 'OKRs' }).click();
  });

  it('closing the quarter early says how many days are left', async () => {
    await menu('Start new quarter…');
    const review = sidebar.getByRole('region', { name: 'Start new quarter' });
    await eventually(() => review.locator('h2').innerText()).toMatch(new RegExp(`^${quarter} → `));
    const next = /→ (\d{4}-Q[1-4])/.exec(await review.locator('h2').innerText())![1]!;
    await review.getByRole('button', { name: `Start ${next}…` }).click();
    await eventually(() => sidebar.locator('.warn-text').innerText()).toMatch(/still has \d+ days to go/);
    await shot('5-early-close');
    await sidebar.getByRole('button', { name: `Start ${next}`, exact: true }).click();
    await eventually(tabs).toContain(`${next} Key Results`);
    await eventually(() => sidebar.locator('.quarter-head h2').innerText()).toBe(next);
  });

  it('reloading the page shows the OKRs, not the review of the quarter that just started', async () => {
    await page.reload();
    await page.locator('.grid-scroller').waitFor();
    await eventually(() => sidebar.locator('.quarter-head h2').count()).toBe(1);
    expect(await sidebar.getByRole('region', { name: 'Start new quarter' }).count()).toBe(0);
    await shot('6-reloaded');
  });

  it("typing in the closed quarter shows Sheets' warning", async () => {
    await openTab(`${quarter} Key Results`);
    await type('O2', 'late note');
    const dialog = page.getByRole('alertdialog');
    await eventually(() => dialog.locator('.modal-message').textContent()).toContain(
      'trying to edit part of this sheet that shouldn’t be changed accidentally',
    );
    await shot('7-closed-quarter-warning');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });
});
