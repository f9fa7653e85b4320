// The charts an add-on script built, as the playground draws them in Chromium over the grid: one bar per
// objective, a combo's columns under a dashed pace line, one line per competitor; a source cell typed in the grid
// moves its bar; the axis speaks the spreadsheet's locale; stacked columns, an area, a scatter and a doughnut.
import type { Server } from 'node:http';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAssets } from '../../src/playground/assets';
import type { Addon } from '../../src/playground/emulator';
import { sampleWorkbook } from '../../src/playground/sample';
import { createPlayground, listen } from '../../src/playground/server';
import { WorkbookFile } from '../../src/playground/store';
import { newAddon } from '../helpers/addon';
import { buildGallery, buildOverview, GALLERY, OVERVIEW } from '../helpers/charts';
import { browserAvailable, launchBrowser, ROOT, tempDir } from '../helpers/playground';

const available = browserAvailable();

describe.skipIf(!available)('charts on the playground page', () => {
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let server: Server;
  let addon: Addon;
  let page: Page;
  let ids: number[];
  let gallery: number[];
  const tmp = tempDir('okr-charts-');

  beforeAll(async () => {
    addon = newAddon({ state: sampleWorkbook(new Date('2027-02-10T12:00:00Z')), unansweredDialogs: 'defer' });
    addon.open();
    ids = buildOverview(addon);
    gallery = buildGallery(addon);
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

  const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 100 });
  const figure = (id: number | undefined) => page.locator(`figure[data-chart-id="${id}"]`);
  const chart = (i: number) => figure(ids[i]);
  const marks = (f: ReturnType<typeof figure>, mark: string) =>
    f.locator(mark).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
  const values = (i: number, mark: string) => marks(chart(i), mark);
  async function openTab(name: string) {
    await page.getByRole('navigation', { name: 'Sheets' }).getByRole('button', { name, exact: true }).click();
    await eventually(() => page.locator('.tab.active').textContent()).toBe(name);
  }

  it('draws each chart at its anchor with its title, bars, lines, legend and axis labels', async () => {
    await openTab(OVERVIEW);
    await chart(0).waitFor();
    expect(await chart(0).getAttribute('data-chart-type')).toBe('BAR');
    expect(await chart(0).locator('.chart-title').textContent()).toBe('Objective scores');
    expect(await values(0, '.chart-bar')).toEqual([0.62, 0.35, 0.81, 0.5]);
    expect(await chart(0).locator('.chart-tick').allTextContents()).toEqual([
      '0%',
      '25%',
      '50%',
      '75%',
      '100%',
    ]);
    expect(await chart(0).locator('.chart-legend-entry').count()).toBe(0); // legend: none
    // anchored at E1: its left edge is column E's
    const e1 = await page.locator('[data-column="E"]').boundingBox();
    const box = await chart(0).boundingBox();
    expect(Math.round(box!.x)).toBe(Math.round(e1!.x));
    expect(Math.round(box!.width)).toBe(520);

    // the combo: five columns of progress under one dashed pace line
    expect(await chart(1).getAttribute('data-chart-type')).toBe('COMBO');
    expect(await values(1, '.chart-bar')).toEqual([0.72, 0.4, 0.6, 0.25, 0]);
    const pace = chart(1).locator('.chart-line');
    expect(await pace.count()).toBe(1);
    expect(await pace.getAttribute('stroke-dasharray')).toBe('6 4');
    expect(await pace.getAttribute('stroke')).toBe('#ea4335');
    expect(await chart(1).locator('.chart-legend-label').allTextContents()).toEqual(['Progress', 'Pace']);

    // the strategy canvas: one line per competitor, a point per factor
    await chart(2).scrollIntoViewIfNeeded();
    expect(await chart(2).locator('.chart-line').count()).toBe(3);
    expect(await chart(2).locator('.chart-point').count()).toBe(18);
    expect(await chart(2).locator('.chart-legend-label').allTextContents()).toEqual(['Us', 'Acme', 'Globex']);
    expect(await chart(2).locator('.chart-category').allTextContents()).toEqual([
      'Price',
      'Onboarding',
      'Support',
      'Integrations',
      'Reporting',
      'Mobile app',
    ]);
    expect(await chart(2).locator('.chart-axis-title').allTextContents()).toEqual([
      'Competitive factor',
      'Offering level',
    ]);
  });

  it('redraws a bar when the cell its formula reads is typed in another sheet', async () => {
    await openTab(OVERVIEW);
    const first = chart(0).locator('.chart-bar').first();
    const before = Number(await first.getAttribute('width'));
    await openTab('Scores data');
    await page.getByLabel('Name box').fill('B2');
    await page.getByLabel('Name box').press('Enter');
    await eventually(() =>
      page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null),
    ).toBe('Cell B2');
    await page.keyboard.type('90%');
    await page.keyboard.press('Enter');
    await eventually(async () => (await page.locator('[data-cell="B2"]').textContent()) ?? '').toBe('90%');
    await openTab(OVERVIEW);
    await eventually(() => values(0, '.chart-bar')).toEqual([0.9, 0.35, 0.81, 0.5]);
    const after = Number(await first.getAttribute('width'));
    expect(after / before).toBeCloseTo(0.9 / 0.62, 2);
  });

  it('writes the axis in the spreadsheet’s locale', async () => {
    await openTab(OVERVIEW);
    await page.getByLabel('Spreadsheet locale').selectOption('de_DE');
    await eventually(() => chart(0).locator('.chart-tick').allTextContents()).toEqual([
      '0\u00a0%',
      '25\u00a0%',
      '50\u00a0%',
      '75\u00a0%',
      '100\u00a0%',
    ]);
    await page.getByLabel('Spreadsheet locale').selectOption('en_US');
    await eventually(() => chart(0).locator('.chart-tick').first().textContent()).toBe('0%');
  });

  it('draws stacked columns, an area, a scatter chart and a doughnut', async () => {
    await openTab(GALLERY);
    const [columns, area, scatter, pie] = gallery.map(figure);
    await columns!.waitFor();
    expect(await marks(columns!, '.chart-bar')).toEqual([
      42000, 51000, 48000, 60000, 18000, 21000, 30000, 34000,
    ]);
    // stacked: each quarter's expansion sits on its new business
    const top = await columns!.locator('.chart-bar[data-series="0"]').first().getAttribute('y');
    const above = columns!.locator('.chart-bar[data-series="1"]').first();
    const [y, h] = [Number(await above.getAttribute('y')), Number(await above.getAttribute('height'))];
    expect(y + h).toBeCloseTo(Number(top), 5);
    expect(await columns!.locator('.chart-tick').last().textContent()).toBe('$100,000');
    expect(await area!.locator('.chart-area').count()).toBe(1);
    expect(await area!.locator('.chart-tick').allTextContents()).toEqual(['0%', '2.5%', '5%', '7.5%', '10%']);
    expect(await marks(scatter!, '.chart-point')).toEqual([0.2, 0.45, 0.5, 0.72, 0.8, 0.95]);
    expect(await marks(pie!, '.chart-slice')).toEqual([7, 3, 2, 4]);
    expect(await pie!.locator('.chart-slice-label').allTextContents()).toEqual([
      '43.8%',
      '18.8%',
      '12.5%',
      '25%',
    ]);
    expect(await pie!.locator('.chart-legend-label').allTextContents()).toEqual([
      'On track',
      'At risk',
      'Off track',
      'Done',
    ]);
  });
});
