// Takes docs/screenshots' pictures of the charts the playground draws: the Overview sheet an add-on script built
// (tests/helpers/charts.ts) over the grid, then each chart alone: objective scores as bars, key results against a
// dashed pace line (combo), a strategy canvas (one line per competitor), the bars in de_DE, and the other kinds
// (stacked columns, area, scatter, doughnut) on a gallery sheet.
//   node scripts/run-ts.mjs tests/browser/chart-screenshots.ts      (after npm run build)
import path from 'node:path';
import { buildAssets } from '../../src/playground/assets';
import { loadAddon } from '../../src/playground/emulator';
import { sampleWorkbook } from '../../src/playground/sample';
import { createPlayground, listen } from '../../src/playground/server';
import { WorkbookFile } from '../../src/playground/store';
import { buildGallery, buildOverview, GALLERY, OVERVIEW } from '../helpers/charts';
import { launchBrowser, ROOT, tempDir } from '../helpers/playground';

const out = path.join(ROOT, 'docs/screenshots');
const tmp = tempDir('okr-chart-shots-');
const addon = loadAddon({
  codePath: path.join(ROOT, 'dist/Code.js'),
  state: sampleWorkbook(new Date('2027-02-10T12:00:00Z')),
  unansweredDialogs: 'defer',
  now: () => new Date('2027-02-10T09:30:00Z'),
});
addon.open();
const [bars, combo, lines] = buildOverview(addon);
buildGallery(addon);
const server = createPlayground({
  addon,
  file: new WorkbookFile(path.join(tmp.dir, 'workbook.json')),
  ...(await buildAssets(ROOT)),
});
const url = await listen(server, 0);
const browser = await launchBrowser();
try {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(10_000);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(url);
  await page.locator('.grid-scroller').waitFor();
  await page
    .getByRole('navigation', { name: 'Sheets' })
    .getByRole('button', { name: OVERVIEW, exact: true })
    .click();
  const chart = (id: number | undefined) => page.locator(`figure[data-chart-id="${id}"]`);
  await chart(bars).waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(out, 'playground-charts.png') });
  await chart(bars).screenshot({ path: path.join(out, 'chart-bars.png') });
  await chart(combo).scrollIntoViewIfNeeded();
  await chart(combo).screenshot({ path: path.join(out, 'chart-combo-pace.png') });
  await chart(lines).scrollIntoViewIfNeeded();
  await chart(lines).screenshot({ path: path.join(out, 'chart-lines.png') });
  await page.getByLabel('Spreadsheet locale').selectOption('de_DE');
  await page.waitForTimeout(500);
  await page.locator('.grid-scroller').evaluate((el) => el.scrollTo(0, 0));
  await page.waitForTimeout(200);
  await chart(bars).screenshot({ path: path.join(out, 'chart-bars-de.png') });
  await page.getByLabel('Spreadsheet locale').selectOption('en_US');
  await page
    .getByRole('navigation', { name: 'Sheets' })
    .getByRole('button', { name: GALLERY, exact: true })
    .click();
  await page.locator('figure.sheet-chart').first().waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(out, 'playground-chart-gallery.png') });
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  server.close();
  tmp.cleanup();
}
