// The KPIs panel in a real browser, against the playground's HTTP API (issue 3: GET/PUT /api/workbook, POST
// /api/rpc/<name>, POST /api/active, POST /api/menu/<name>): a team's tabs are loaded, "Tag this tab as KPI…"
// opens the panel on the Churn tab, the proposed form is confirmed with the keyboard, and the KPI appears with
// its status colour, in the sidebar and as a row of the KPIs sheet. A bad target shows an error under its
// field and changes nothing.
//
// The sidebar is the built dist/Sidebar.html, served by Playwright from the playground's origin with a
// google.script.run that posts to /api/rpc (what the playground page does for its side panel), so the test
// needs nothing of the page's own markup. Runs against PLAYGROUND_URL when set (a playground already running),
// else starts `npm start` on a free port with a temporary workbook file; skipped while the playground is not
// part of the checkout.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST } from '../helpers/bundle';

const ROOT = path.resolve(__dirname, '../..');
const HAS_PLAYGROUND = existsSync(path.join(ROOT, 'src/playground/server.ts'));
const GIVEN = process.env.PLAYGROUND_URL;
const SHOTS = path.join(ROOT, 'test-results');

const week = (i: number) => new Date(Date.UTC(2026, 1, 9) + i * 7 * 86_400_000).toISOString().slice(0, 10);
const WEEKS = 52;
const TABS = [
  {
    name: 'Churn',
    rows: [
      ['Week', 'Churn rate'],
      ...Array.from({ length: WEEKS }, (_, i) => [week(i), `${Math.round((5 + i * 0.06) * 100) / 100}%`]),
    ],
  },
  {
    name: 'Metrics',
    rows: [
      ['Week', 'MRR', 'NPS'],
      ...Array.from({ length: WEEKS }, (_, i) => [week(i), 40_000 + i * 300, 30 + (i % 5)]),
    ],
  },
];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

let base = '';
let child: ChildProcess | undefined;
let workDir: string | undefined;
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

/** The KPIs sheet as records keyed by its header. */
async function registry(): Promise<Array<Record<string, unknown>>> {
  const wb = await api<WorkbookJson>('GET', '/api/workbook');
  const sheet = wb.sheets.find((s) => s.name === 'KPIs');
  if (!sheet) return [];
  const [header, ...rows] = sheet.values;
  return rows
    .filter((r) => r[0] !== '')
    .map((r) => Object.fromEntries((header ?? []).map((h, i) => [String(h), r[i]])));
}

/** dist/Sidebar.html as the playground's side panel serves it, on the playground's own origin. */
async function openSidebar(page: Page, intent: { panel: string; sheet: string }): Promise<void> {
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
    .replace('<div id="app"', `<div id="app" data-panel="${intent.panel}" data-sheet="${intent.sheet}"`);
  await page.route(`${base}/__kpis-test/sidebar.html`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: html }),
  );
  await page.setViewportSize({ width: 300, height: 900 });
  await page.goto(`${base}/__kpis-test/sidebar.html`);
}

const run = GIVEN || HAS_PLAYGROUND ? describe : describe.skip;

run('KPIs panel in the playground (browser)', () => {
  beforeAll(async () => {
    if (GIVEN) {
      base = GIVEN.replace(/\/$/, '');
    } else {
      const port = await freePort();
      workDir = mkdtempSync(path.join(tmpdir(), 'okr-kpis-'));
      child = spawn('npm', ['start'], {
        cwd: ROOT,
        env: { ...process.env, PORT: String(port), PLAYGROUND_FILE: path.join(workDir, 'workbook.json') },
        stdio: 'ignore',
        detached: true,
      });
      base = `http://127.0.0.1:${port}`;
      const deadline = Date.now() + 50_000;
      for (;;) {
        try {
          await api('GET', '/api/workbook');
          break;
        } catch (e) {
          if (Date.now() > deadline) throw e;
          await new Promise((r) => setTimeout(r, 300));
        }
      }
    }
    await api('PUT', '/api/workbook', { sheets: TABS });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  });

  afterAll(async () => {
    await browser?.close();
    if (child?.pid) process.kill(-child.pid, 'SIGTERM');
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('tags the Churn tab through the proposed form and shows it red, in the sidebar and the KPIs sheet', async () => {
    // the menu item, as a user clicks it on the Churn tab
    await api('POST', '/api/active', { sheet: 'Churn' });
    await api('POST', '/api/menu/showTagKpi');
    const page = await browser!.newPage();
    await openSidebar(page, { panel: 'kpis', sheet: 'Churn' });

    // the form proposes what the tab holds
    const form = page.locator('form');
    await expect.poll(() => form.getByLabel('Value column').inputValue(), { timeout: 10_000 }).toBe('B');
    expect(await form.getByLabel('Tab').inputValue()).toBe('Churn');
    expect(await form.getByLabel('KPI name').inputValue()).toBe('Churn rate');
    expect(await form.getByLabel('Unit').inputValue()).toBe('%');
    expect(await form.getByLabel('Better when').inputValue()).toBe('lower');
    expect(await form.getByLabel('Date column').inputValue()).toBe('A');
    expect(await form.getByLabel('Cadence').inputValue()).toBe('weekly');
    // the value column has keyboard focus: the whole form is filled and sent from the keyboard
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('name')))
      .toBe('valueColumn');

    // a target that is not a number: the error sits under Target, and nothing is written
    const before = JSON.stringify(await api('GET', '/api/workbook'));
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Churn');
    await form.getByLabel('Target').fill('abc');
    await form.getByLabel('Target').press('Enter');
    await expect
      .poll(() => form.locator('.field-error').allTextContents(), { timeout: 10_000 })
      .toEqual(['"abc" is not a number']);
    expect(JSON.stringify(await api('GET', '/api/workbook'))).toBe(before);

    // corrected: target 5%, warn at 6%, Enter
    await form.getByLabel('Target').fill('5%');
    await form.getByLabel('Warn at').fill('6%');
    await form.getByLabel('Warn at').press('Enter');
    const card = page.getByRole('article', { name: 'KPI Churn' });
    await card.waitFor({ timeout: 10_000 });
    await expect.poll(() => card.locator('.badge').textContent()).toBe('Off target');
    expect(await card.locator('.kpi-latest').textContent()).toBe('8.1%');
    expect(await card.locator('.trend').textContent()).toBe('↑');
    expect(await card.locator('.trend').getAttribute('class')).toContain('worsening');
    expect(await card.locator('svg.sparkline polyline').count()).toBe(1);
    const badge = await card.locator('.badge').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(badge).toBe('rgb(252, 232, 230)'); // --red-bg
    expect(await page.getByRole('status').textContent()).toMatch(/Tagged Churn/);
    // without a quarter the fix action is absent and a hint says why
    expect(await card.getByRole('button', { name: 'Create an objective to fix this' }).count()).toBe(0);
    expect(await card.locator('.hint').textContent()).toMatch(/Set up this quarter's OKRs/);
    await page.screenshot({ path: path.join(SHOTS, 'kpis-panel.png'), fullPage: true });

    // the registry row computes in the workbook
    const rows = await registry();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      ID: 'churn',
      Name: 'Churn',
      'Source tab': 'Churn',
      Trend: '↑',
      Status: 'red',
    });
    expect(rows[0]!.Latest).toBeCloseTo(0.0806, 12);
    // the user's tab is as it was
    const wb = await api<WorkbookJson>('GET', '/api/workbook');
    expect(wb.sheets.find((s) => s.name === 'Churn')!.values).toHaveLength(WEEKS + 1);
    await page.close();
  }, 60_000);

  it('turns the red KPI into an objective once a quarter exists', async () => {
    await api('POST', '/api/rpc/setUpQuarter', [{}]);
    const page = await browser!.newPage();
    await openSidebar(page, { panel: 'kpis', sheet: '' });
    const card = page.getByRole('article', { name: 'KPI Churn' });
    await card.waitFor({ timeout: 10_000 });
    await card.getByRole('button', { name: 'Create an objective to fix this' }).click();
    const title = page.getByLabel('Key result');
    await title.waitFor();
    expect(await title.inputValue()).toBe('Churn from 8.1% to 5%');
    await page.getByRole('button', { name: 'Create objective' }).click();
    await page.getByText('following Churn').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(SHOTS, 'kpis-fix-objective.png'), fullPage: true });
    const wb = await api<WorkbookJson>('GET', '/api/workbook');
    const kr = wb.sheets.find((s) => s.name.endsWith('Key Results'))!;
    expect(kr.formulas[1]![7]).toBe("=OKR_KPI_LATEST(KPI_churn,'Churn'!A2:A)");
    await page.close();
  }, 60_000);
});
