// Tagging tabs written by others from the sidebar, in a real browser against the playground: a wide web-analytics
// scorecard (one metric per row, months across the header) and a newest-first price series under four note
// lines, both from the real-tab corpus and loaded as Sheets would hold them after a paste (the file's text typed
// into cells). The form proposes a row for the scorecard and asks for the direction it cannot tell; the KPIs
// sheet shows the newest entry as Latest whatever the order of the rows. Screenshots go to test-results/.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST } from '../helpers/bundle';
import { readCsv } from '../helpers/csv';
import { type Running, startPlayground, tempDir } from '../helpers/playground';

const ROOT = path.resolve(__dirname, '../..');
const HAS_PLAYGROUND = existsSync(path.join(ROOT, 'src/playground/server.ts'));
const SHOTS = path.join(ROOT, 'test-results');
const CORPUS = path.join(ROOT, 'tests/fixtures/real-tabs');
const file = (name: string) => readCsv(readFileSync(path.join(CORPUS, name), 'utf8')).rows;

const TABS = [
  { name: 'Web', rows: file('us-uidaho-library-web-properties.csv') },
  { name: 'Brent', rows: file('us-eia-brent-spot-price-daily.csv') },
];

let base = '';
let playground: Running | undefined;
const tmp = tempDir('okr-real-tabs-');
let browser: Browser | undefined;

async function api<T = unknown>(method: string, route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${route}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${route}: HTTP ${res.status} ${await res.text()}`);
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

interface WorkbookJson {
  sheets: Array<{ name: string; values: unknown[][]; formulas: string[][] }>;
}

async function registry(): Promise<Array<Record<string, unknown>>> {
  const wb = await api<WorkbookJson>('GET', '/api/workbook');
  const sheet = wb.sheets.find((s) => s.name === 'KPIs');
  if (!sheet) return [];
  const [header, ...rows] = sheet.values;
  return rows
    .filter((r) => r[0] !== '')
    .map((r) => Object.fromEntries((header ?? []).map((h, i) => [String(h), r[i]])));
}

/** dist/Sidebar.html with a google.script.run that posts to the playground's /api/rpc. */
async function openSidebar(page: Page, sheet: string): Promise<void> {
  const bridge = `<script>
    window.google = { script: { get run() { return runner({}); } } };
    function runner(h) {
      return new Proxy({}, { get(_, name) {
        if (name === 'withSuccessHandler') return (f) => runner({ ...h, ok: f });
        if (name === 'withFailureHandler') return (f) => runner({ ...h, fail: f });
        return (...args) => fetch('/api/rpc/' + String(name), {
          method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args),
        }).then((r) => r.json()).then(
          (r) => (r.ok ? h.ok && h.ok(r.value) : h.fail && h.fail(new Error(r.error))),
          (e) => h.fail && h.fail(e),
        );
      } });
    }
  </script>`;
  const html = readFileSync(path.join(DIST, 'Sidebar.html'), 'utf8')
    .replace('<head>', `<head>${bridge}`)
    .replace('<div id="app"', `<div id="app" data-panel="kpis" data-sheet="${sheet}"`);
  await page.route(`${base}/__real-tabs/sidebar.html`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: html }),
  );
  await page.setViewportSize({ width: 300, height: 1100 });
  await page.goto(`${base}/__real-tabs/sidebar.html`);
}

const run = HAS_PLAYGROUND ? describe : describe.skip;

run('tagging real tabs from the sidebar (browser)', () => {
  beforeAll(async () => {
    // the built bundle as the suite built it (no rebuild while other browser tests run)
    playground = await startPlayground(path.join(tmp.dir, 'workbook.json'));
    base = playground.url.replace(/\/$/, '');
    await api('PUT', '/api/workbook', { sheets: TABS });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    tmp.cleanup();
  });

  it('tags a row of a wide scorecard: the form proposes the row, Latest is the newest month', async () => {
    await api('POST', '/api/active', { sheet: 'Web' });
    await api('POST', '/api/menu/showTagKpi');
    const page = await browser!.newPage();
    await openSidebar(page, 'Web');
    const form = page.locator('form');
    const row = form.getByLabel(/^Row/);
    await expect.poll(() => row.inputValue(), { timeout: 10_000 }).toBe('2');
    expect(await form.getByLabel('Value column').count()).toBe(0); // a month header is never offered as a column
    const options = await row.locator('option').allTextContents();
    expect(options[0]).toBe('2: All - Total users (latest 2025-12)');
    const engagement = options.find((o) => o.includes('All - Engagement rate'))!;
    await row.selectOption({ label: engagement });
    expect(await form.getByLabel('KPI name').inputValue()).toBe('All - Engagement rate');
    expect(await form.getByLabel('Unit').inputValue()).toBe('%');
    expect(await form.getByLabel('Better when').inputValue()).toBe('higher');
    expect(await form.getByLabel('Cadence').inputValue()).toBe('monthly');
    await form.getByLabel('KPI name').fill('Engagement rate');
    await form.getByLabel('Target').fill('30%');
    await form.getByLabel('Target').press('Enter');
    const card = page.getByRole('article', { name: 'KPI Engagement rate' });
    await card.waitFor({ timeout: 10_000 });
    expect(await card.locator('.kpi-latest').textContent()).toBe('24.4%');
    expect(await card.textContent()).not.toMatch(/deleted|gone/); // dated by its header row, nothing is missing
    expect(await card.locator('svg.sparkline polyline').count()).toBe(1);
    // the tab list shows the row's KPI once the panel has refreshed
    await page.getByText('KPI: Engagement rate').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(SHOTS, 'kpis-wide-row.png'), fullPage: true });
    const k = (await registry()).find((r) => r.ID === 'engagement_rate')!;
    expect(k).toMatchObject({ 'Source tab': 'Web', 'Date column': 'row 1', Status: 'red', Trend: '↓' });
    expect(k.Latest).toBeCloseTo(0.2439, 12); // December 2025, the last month across
    expect(k['Value column']).toMatch(/^row \d+ \(All - Engagement rate\)$/);
    await page.close();
  }, 60_000);

  it('tags a newest-first tab under note lines: asks the direction, Latest is the top row', async () => {
    await api('POST', '/api/active', { sheet: 'Brent' });
    await api('POST', '/api/menu/showTagKpi');
    const page = await browser!.newPage();
    await openSidebar(page, 'Brent');
    const form = page.locator('form');
    await expect.poll(() => form.getByLabel('Value column').inputValue(), { timeout: 10_000 }).toBe('B');
    expect(await form.getByLabel('Date column').inputValue()).toBe('A');
    expect(await form.getByLabel('Cadence').inputValue()).toBe('daily');
    expect(await form.getByLabel('Unit').inputValue()).toBe('$'); // the header says Dollars per Barrel
    // a price: nobody can tell from the header whether higher is better, so the form asks
    expect(await form.getByLabel('Better when').inputValue()).toBe('');
    await expect
      .poll(() => form.locator('.hint').allTextContents())
      .toContainEqual(expect.stringMatching(/choose higher or lower/));
    expect((await form.locator('.hint').allTextContents()).join(' ')).toMatch(
      /newest entries of Brent are at the top/,
    );
    await page.screenshot({ path: path.join(SHOTS, 'kpis-newest-first-ask.png'), fullPage: true });
    await form.getByLabel('KPI name').fill('Brent price');
    await form.getByLabel('KPI name').press('Enter');
    await expect
      .poll(() => form.locator('.field-error').allTextContents(), { timeout: 10_000 })
      .toEqual(['is required']);
    await form.getByLabel('Better when').selectOption('lower');
    await form.getByLabel('Target').fill('60');
    await form.getByLabel('Target').press('Enter');
    const card = page.getByRole('article', { name: 'KPI Brent price' });
    await card.waitFor({ timeout: 10_000 });
    expect(await card.locator('.kpi-latest').textContent()).toBe('$58.64');
    await page.getByText('KPI: Brent price').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(SHOTS, 'kpis-newest-first.png'), fullPage: true });
    const k = (await registry()).find((r) => r.ID === 'brent_price')!;
    expect(k.Latest).toBe(58.64); // 08/26/2019, the first row under the header, not the oldest at the bottom
    expect(k.Previous).toBe(58.64); // 08/23/2019: the day before the 26th was a Sunday, no price
    expect(k.Status).toBe('green');
    await page.close();
  }, 60_000);
});
