// The sidebar in a German spreadsheet (the playground opened with PLAYGROUND_LOCALE=de_DE): numbers are typed as
// a German user types them (`8 %`, `6,5 %`), refused when written the en_US way (`5.5%`), shown with decimal
// commas in the sidebar and the sheet, and the settings form is filled and read back in the same notation.
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
/** Text as the page shows it, with Sheets' no-break spaces read as spaces. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
/** What the sidebar showed, printed by the run for the screenshots' reader. */
const SHOWN: Record<string, string> = {};

describe.skipIf(!available)('the sidebar in a de_DE spreadsheet', () => {
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let server: Running;
  let page: Page;
  let sidebar: FrameLocator;
  const tmp = tempDir('okr-locale-');

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startPlayground(path.join(tmp.dir, 'workbook.json'), { env: { PLAYGROUND_LOCALE: 'de_DE' } }),
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
    console.log(SHOWN);
    await browser?.close();
    await server?.stop();
    tmp.cleanup();
  });

  const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });

  async function menu(item: string) {
    await page.getByRole('button', { name: 'Extensions' }).click();
    await page.getByRole('button', { name: 'okr-sheets' }).hover();
    await page.getByRole('button', { name: item }).click();
  }

  it('takes a key result typed with decimal commas and shows it in them', async () => {
    await menu('Open OKR sidebar');
    await sidebar.getByRole('button', { name: /^Set up OKRs for \d{4}-Q[1-4]$/ }).click();
    await sidebar.getByRole('button', { name: '+ Objective' }).click();
    await sidebar.getByLabel('Objective').pressSequentially('Kunden halten');
    await sidebar.getByLabel('Objective').press('Enter');
    const card = sidebar.getByRole('article', { name: /^O1 Kunden halten/ });
    await card.getByRole('button', { name: '+ Key result' }).click();
    await sidebar.getByLabel('Key result').fill('Kündigungsrate von 8 % auf 5 %');
    await sidebar.getByLabel('Baseline').fill('8 %');
    await sidebar.getByLabel('Target').fill('5 %');
    await sidebar.getByLabel('Current').fill('6,5 %');
    await sidebar.getByRole('button', { name: 'Add key result' }).click();
    const kr = card.locator('li.kr').first();
    await eventually(async () => plain(await kr.innerText())).toContain('8 % → 5 % · now 6,5 %');
    await eventually(async () => plain(await kr.locator('.badge').first().innerText())).toBe('50 %');
    await eventually(async () => plain(await page.locator('[data-cell="H2"]').innerText())).toBe('6,5%');
  });

  it('refuses a check-in written as en_US writes it, and takes it with a decimal comma', async () => {
    const kr = sidebar.locator('li.kr', { hasText: 'O1.1' });
    await kr.getByRole('button', { name: 'Check in' }).click();
    await eventually(async () => plain(await sidebar.getByLabel('Current value').inputValue())).toBe('6,5 %');
    await sidebar.getByLabel('Current value').fill('5.5%');
    await sidebar.getByRole('button', { name: 'Check in', exact: true }).last().click();
    await eventually(() => sidebar.locator('.field-error').first().innerText()).toBe(
      '"5.5%" is not a number (or yes/no for a yes/no key result)',
    );
    await sidebar.getByLabel('Current value').fill('5,5 %');
    await sidebar.getByRole('button', { name: 'Check in', exact: true }).last().click();
    await eventually(() => sidebar.locator('.notice').innerText()).toContain('Checked in O1.1');
    await eventually(async () => plain(await kr.locator('.badge').first().innerText())).toBe('83 %');
    await eventually(async () => plain(await page.locator('[data-cell="L2"]').innerText())).toBe('83%');
  });

  it('fills the settings form in the locale and reads back what is typed there', async () => {
    await sidebar.getByRole('tab', { name: 'Settings' }).click();
    await eventually(() => sidebar.getByLabel('Green from').inputValue()).toBe('0,7');
    expect(await sidebar.getByLabel('Yellow from').inputValue()).toBe('0,4');
    await sidebar.getByLabel('Green from').fill('0,65');
    await sidebar.getByLabel('Highest score').fill('1,5');
    await sidebar.getByRole('button', { name: 'Save settings' }).click();
    await eventually(() => sidebar.locator('.notice').innerText()).toContain('Settings saved');
    await eventually(() => sidebar.getByLabel('Green from').inputValue()).toBe('0,65');
    expect(await sidebar.getByLabel('Highest score').inputValue()).toBe('1,5');
    await page.screenshot({ path: path.join(SHOTS, 'locale-de-settings.png') });
  });

  it('takes a key result in euros typed with grouping and a decimal comma, "1.234,5 €"', async () => {
    await sidebar.getByRole('tab', { name: 'OKRs' }).click();
    const card = sidebar.getByRole('article', { name: /^O1 Kunden halten/ });
    await card.getByRole('button', { name: '+ Key result' }).click();
    await sidebar.getByLabel('Key result').fill('Umsatz je Kunde auf 1.234,5 €');
    await sidebar.getByLabel('Baseline').fill('1.000 €');
    await sidebar.getByLabel('Target').fill('1.234,5 €');
    await sidebar.getByLabel('Current').fill('1.117,25 €');
    await sidebar.getByRole('button', { name: 'Add key result' }).click();
    const kr = sidebar.locator('li.kr', { hasText: 'O1.2' });
    await eventually(async () => plain(await kr.innerText())).toContain('Umsatz je Kunde');
    // half way from 1.000 € to 1.234,5 €
    await eventually(async () => plain(await kr.locator('.badge').first().innerText())).toBe('50 %');
    expect(plain(await kr.innerText())).toContain('1.000 € → 1.234,50 € · now 1.117,25 €');
    SHOWN.kr = plain(await kr.innerText());
    await page.screenshot({ path: path.join(SHOTS, 'locale-de-euro-kr.png') });
  });

  it('tags a German KPI tab from the menu, read in the spreadsheet’s locale', async () => {
    await page
      .getByRole('navigation', { name: 'Sheets' })
      .getByRole('button', { name: 'Kündigungen', exact: true })
      .click();
    await menu('Tag this tab as KPI…');
    const form = sidebar.locator('form');
    await eventually(() => form.getByLabel('Value column').inputValue()).toBe('B');
    expect(await form.getByLabel('Unit').inputValue()).toBe('%');
    await form.getByLabel('Better when').selectOption('lower');
    await form.getByLabel('Target').fill('5 %');
    await form.getByLabel('Warn at').fill('6,5 %');
    await form.getByLabel('Warn at').press('Enter');
    await eventually(() => sidebar.locator('.notice').innerText()).toContain('Tagged');
    const card = sidebar.getByRole('article', { name: /^KPI / });
    // Latest straight away, read from the tab (the KPIs sheet's custom functions are still computing)
    await eventually(async () => plain(await card.first().innerText())).toMatch(
      /^Kündigungsrate\n.*\n(On target|Warning|Off target)\n\d+(,\d+)? %\n/,
    );
    expect(await card.first().innerText()).not.toContain('Loading');
    SHOWN.kpi = plain(await card.first().innerText());
    await page.screenshot({ path: path.join(SHOTS, 'locale-de-kpi.png') });
  });

  it('starts the next quarter, carrying the unfinished key results in their units', async () => {
    await menu('Start new quarter…');
    const review = sidebar.getByRole('region', { name: 'Start new quarter' });
    await eventually(() => review.locator('h2').innerText()).toMatch(/^\d{4}-Q[1-4] → /);
    const next = /→ (\d{4}-Q[1-4])/.exec(await review.locator('h2').innerText())![1]!;
    await review.getByRole('button', { name: `Start ${next}…` }).click();
    await sidebar.getByRole('button', { name: `Start ${next}`, exact: true }).click();
    await eventually(() => sidebar.locator('.quarter-head h2').innerText()).toBe(next);
    const kr = sidebar.locator('li.kr', { hasText: 'Umsatz je Kunde' });
    await eventually(async () => plain(await kr.innerText())).toContain('→ 1.234,50 €');
    await page.screenshot({ path: path.join(SHOTS, 'locale-de-next-quarter.png') });
  });
});
