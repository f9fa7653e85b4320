// Takes the README's screenshots of the playground (docs/screenshots/): the sample workbook with the add-on menu,
// its KPI tabs tagged with their health, a scored quarter of OKRs (one key result following a KPI), the review
// before the next quarter, and formulas a user typed computed by the add-on's custom functions. The state is
// prepared through the add-on's own RPCs (what the sidebar forms call); what is shown is the real UI.
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
const rpc = (name: string, ...args: unknown[]) => {
  const r = addon.rpc(name, args);
  if (!r.ok) throw new Error(`${name}: ${'error' in r ? r.error : 'failed'}`);
  return r.value as { id: string };
};
rpc('tagKpi', {
  sheetName: 'Churn',
  valueColumn: 'Churn %',
  name: 'Churn',
  betterWhen: 'lower',
  target: '5%',
  warnAt: '6.5%',
  owner: 'Customer Success',
});
rpc('tagKpi', {
  sheetName: 'NPS',
  valueColumn: 'NPS',
  name: 'NPS',
  betterWhen: 'higher',
  target: 40,
  warnAt: 35,
  owner: 'Product',
});
rpc('tagKpi', {
  sheetName: 'Metrics',
  valueColumn: 'MRR',
  name: 'MRR',
  unit: 'currency',
  betterWhen: 'higher',
  target: 150000,
  warnAt: 140000,
  owner: 'Sales',
});
rpc('tagKpi', {
  sheetName: 'Support',
  valueColumn: 'Resolution time (h)',
  name: 'Resolution time',
  unit: 'duration',
  betterWhen: 'lower',
  target: 12,
  warnAt: 16,
  owner: 'Support',
});
rpc('setUpQuarter', { quarter: '2027-Q1' });
const love = rpc('saveObjective', {
  title: 'Build a product customers love',
  owner: 'Ana',
  team: 'Product',
}).id;
rpc('saveKeyResult', {
  objectiveId: love,
  title: 'Reduce churn from 8% to 5%',
  kpiId: 'churn',
  baseline: '8%',
  target: '5%',
});
rpc('saveKeyResult', {
  objectiveId: love,
  title: 'Raise NPS from 35 to 50',
  kpiId: 'nps',
  baseline: 35,
  target: 50,
});
rpc('saveKeyResult', {
  objectiveId: love,
  title: '90% of new accounts finish onboarding',
  baseline: '60%',
  target: '90%',
  current: '72%',
});
const support = rpc('saveObjective', { title: 'Make support effortless', owner: 'Sam', team: 'Support' }).id;
rpc('saveKeyResult', {
  objectiveId: support,
  title: 'Resolve tickets within 8 hours',
  kpiId: 'resolution_time',
  baseline: 16,
  target: 8,
});
rpc('saveKeyResult', {
  objectiveId: support,
  title: 'Launch the help center',
  type: 'yes/no',
  current: 'no',
});
rpc('checkIn', { krId: `${love}.3`, value: '78%', confidence: 7, note: 'guided setup shipped' });
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
  const sidebar = page.frameLocator('aside.sidebar iframe');
  const showSheet = async (name: string) => {
    await page.getByRole('navigation', { name: 'Sheets' }).getByRole('button', { name, exact: true }).click();
    await page.waitForTimeout(300);
  };
  await showSheet('Churn');
  await page.getByRole('button', { name: 'Extensions' }).click();
  await page.getByRole('button', { name: 'okr-sheets' }).hover();
  await page.screenshot({ path: path.join(out, 'playground-menu.png') });
  await page.getByRole('button', { name: 'Open OKR sidebar' }).click();
  await sidebar.locator('.quarter-head h2').waitFor();
  await showSheet('2027-Q1 Key Results');
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(out, 'playground-okrs.png') });
  await sidebar.getByRole('tab', { name: 'KPIs' }).click();
  await sidebar.getByText('Churn', { exact: true }).first().waitFor();
  await showSheet('KPIs');
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(out, 'playground-kpis.png') });
  await sidebar.getByRole('tab', { name: 'OKRs' }).click();
  await sidebar.getByRole('button', { name: 'Start new quarter…' }).click();
  await sidebar.getByRole('region', { name: 'Start new quarter' }).locator('h2').waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(out, 'playground-new-quarter.png') });
  await sidebar.getByRole('button', { name: 'Back' }).click();
  await showSheet('Churn');
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
  await type('D2', '=OKR_KPI_LATEST(B2:B)');
  await type('E1', 'Status');
  await type('E2', '=OKR_KPI_STATUS(D2, 0.05, 0.065, "lower")');
  await type('F1', 'Quarter');
  await type('F2', '=OKR_QUARTER(TODAY())');
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
