// Takes the README's screenshots of the playground (docs/screenshots/): the sample workbook with the add-on's
// sidebar open, and formulas a user typed computed by the add-on's custom functions.
//   node scripts/run-ts.mjs tests/browser/screenshots.ts      (after npm run build)
import path from 'node:path';
import { buildAssets } from '../../src/playground/assets';
import { loadAddon } from '../../src/playground/emulator';
import { sampleWorkbook } from '../../src/playground/sample';
import { createPlayground, listen } from '../../src/playground/server';
import { WorkbookFile } from '../../src/playground/store';
import { launchBrowser, ROOT, tempDir } from '../helpers/playground';

const out = path.join(ROOT, 'docs/screenshots');
const tmp = tempDir('okr-shots-');
const addon = loadAddon({
  codePath: path.join(ROOT, 'dist/Code.js'),
  state: sampleWorkbook(new Date('2027-02-10T12:00:00Z')),
  unansweredDialogs: 'defer',
  now: () => new Date('2027-02-10T09:30:00Z'),
});
addon.open();
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
  await page.goto(url);
  await page.locator('.grid-scroller').waitFor();
  await page.getByRole('button', { name: 'Extensions' }).click();
  await page.getByRole('button', { name: 'okr-sheets' }).hover();
  await page.screenshot({ path: path.join(out, 'playground-menu.png') });
  await page.getByRole('button', { name: 'Open OKR sidebar' }).click();
  await page.frameLocator('aside.sidebar iframe').locator('h2').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(out, 'playground-sidebar.png') });

  const type = async (a1: string, input: string) => {
    await page.getByLabel('Name box').fill(a1);
    await page.getByLabel('Name box').press('Enter');
    await page.waitForFunction(
      (label) => document.activeElement?.getAttribute('aria-label') === label,
      `Cell ${a1}`,
    );
    await page.keyboard.type(input);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(150);
  };
  await type('D1', 'Latest');
  await type('D2', '=KPI_LATEST(B2:B)');
  await type('E1', 'Status');
  await type('E2', '=KPI_STATUS(D2, 0.05, 0.065, "lower")');
  await type('F1', 'Quarter');
  await type('F2', '=QUARTER(TODAY())');
  await page.getByLabel('Name box').fill('E2');
  await page.getByLabel('Name box').press('Enter');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(out, 'playground-formulas.png') });
  console.log(`screenshots in ${path.relative(ROOT, out)}/`);
} finally {
  await browser.close();
  server.close();
  tmp.cleanup();
}
