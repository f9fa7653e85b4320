// npm run bench: the performance figures, printed as a table and written to bench/results.json as
// { name, value, unit, goal } objects. Service calls and cell counts come from the emulator's counter and are
// deterministic; times are only ever reported as ratios against a baseline measured in the same run (this
// machine is shared, so absolute milliseconds say little), except the sidebar's first render, a median.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { type Addon, loadAddon } from '../src/playground/emulator';
import { EmuRange } from '../src/playground/emulator/spreadsheet';
import { countedBundle, minimalBundle } from './measured-bundles';

// npm runs scripts from the project root; run-ts bundles this file elsewhere, so import.meta is no guide.
const root = process.cwd();
const CODE = path.join(root, 'dist/Code.js');

// ---- The table ----------------------------------------------------------------------------------------------

interface Row {
  name: string;
  value: number;
  unit: string;
  /** `<= 20`, `= 1`: what the figure should be; '' for a figure reported without a goal */
  goal: string;
}
const rows: Row[] = [];

function row(name: string, value: number, unit: string, goal = ''): void {
  const r = { name, value: Number(value.toFixed(unit === 'ratio' ? 2 : 1)), unit, goal };
  rows.push(r);
  console.log(`  ${met(r).padEnd(4)} ${name}: ${r.value} ${unit}${goal ? `  (goal ${goal})` : ''}`);
}

function met(r: Row): string {
  const m = /^(<=|=)\s*([\d.]+)$/.exec(r.goal);
  if (!m) return '';
  const ok = m[1] === '=' ? r.value === Number(m[2]) : r.value <= Number(m[2]);
  return ok ? 'ok' : 'MISS';
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const NOT_SPREADSHEET =
  /^(Properties|PropertiesService|Lock|LockService|Utilities|Session|HtmlService|HtmlOutput|Ui|Menu)\./;

/** SpreadsheetApp calls in a counter snapshot (everything but properties, lock, utilities, session and UI). */
function spreadsheetCalls(addon: Addon): number {
  return Object.entries(addon.counter.snapshot())
    .filter(([k]) => !NOT_SPREADSHEET.test(k))
    .reduce((n, [, v]) => n + v, 0);
}

/** Runs one RPC from a reset counter; throws when it fails. */
function counted(
  addon: Addon,
  name: string,
  ...args: unknown[]
): { all: number; spreadsheet: number; value: unknown } {
  addon.counter.reset();
  const r = addon.rpc(name, args);
  if (!r.ok) throw new Error(`${name}: ${'error' in r ? r.error : 'failed'}`);
  return { all: addon.counter.total(), spreadsheet: spreadsheetCalls(addon), value: r.value };
}

/** Rows each getValues returns on the sheet named `sheet` while `body` runs. */
function rowsRead(sheet: string, body: () => void): number[] {
  const read: number[] = [];
  const getValues = EmuRange.prototype.getValues;
  EmuRange.prototype.getValues = function (this: EmuRange) {
    const v = getValues.call(this);
    if (this.getSheet().getName() === sheet) read.push(v.length);
    return v;
  };
  try {
    body();
  } finally {
    EmuRange.prototype.getValues = getValues;
  }
  return read;
}

function newAddon(now: string): Addon {
  return loadAddon({ codePath: CODE, htmlDir: path.join(root, 'dist'), now: () => new Date(now) });
}

// ---- Workbooks ------------------------------------------------------------------------------------------------

/**
 * A workbook with `kpis` tagged KPIs (one tab of weekly columns), a quarter of `objectives` objectives and
 * `keyResults` key results, one in ten of them following a KPI (Current = OKR_KPI_LATEST of its named range).
 */
function okrWorkbook(objectives: number, keyResults: number, kpis = 0): Addon {
  const addon = newAddon('2027-03-30T10:00:00Z');
  const kpiIds: string[] = [];
  if (kpis > 0) {
    const tab = addon.spreadsheet.insertSheet('Weekly metrics');
    if (kpis + 1 > tab.getMaxColumns())
      tab.insertColumnsAfter(tab.getMaxColumns(), kpis + 1 - tab.getMaxColumns());
    const weeks = 20;
    tab
      .getRange(1, 1, weeks + 1, kpis + 1)
      .setValues([
        ['Week', ...Array.from({ length: kpis }, (_, k) => `Metric ${k + 1}`)],
        ...Array.from({ length: weeks }, (_, w) => [
          new Date(Date.UTC(2026, 10, 2 + 7 * w)),
          ...Array.from({ length: kpis }, (_, k) => 100 + k + w),
        ]),
      ]);
    for (let k = 0; k < kpis; k++) {
      const r = counted(addon, 'tagKpi', {
        sheetName: 'Weekly metrics',
        valueColumn: `Metric ${k + 1}`,
        name: `Metric ${k + 1}`,
        betterWhen: 'higher',
        target: 150,
      });
      kpiIds.push((r.value as { id: string }).id);
    }
  }
  counted(addon, 'setUpQuarter', { quarter: '2027-Q1' });
  const ss = addon.spreadsheet;
  const objSheet = ss.getSheetByName('2027-Q1 Objectives')!;
  const krSheet = ss.getSheetByName('2027-Q1 Key Results')!;
  for (const [sheet, n] of [
    [objSheet, objectives],
    [krSheet, keyResults],
  ] as const) {
    if (n + 1 > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), n + 1 - sheet.getMaxRows());
  }
  // rows as a team would have typed them: IDs, titles, baselines, targets, currents
  objSheet
    .getRange(2, 1, objectives, 2)
    .setValues(Array.from({ length: objectives }, (_, i) => [`O${i + 1}`, `Objective ${i + 1}`]));
  krSheet.getRange(2, 1, keyResults, 8).setValues(
    Array.from({ length: keyResults }, (_, i) => {
      const o = (i % objectives) + 1;
      return [
        `O${o}.${Math.floor(i / objectives) + 1}`,
        `O${o}`,
        `Key result ${i + 1}`,
        '',
        'auto',
        0,
        100,
        kpiIds.length && i % 10 === 0
          ? `=OKR_KPI_LATEST(KPI_${kpiIds[(i / 10) % kpiIds.length]})`
          : (i * 37) % 120,
      ];
    }),
  );
  return addon;
}

// ---- 1. Reading the state and the KPIs ---------------------------------------------------------------------------

function benchReads(): void {
  console.log('\n1. Service calls of the read paths (deterministic)');
  for (const [objectives, keyResults, kpis] of [
    [10, 50, 1],
    [10, 50, 50],
    [100, 500, 50],
  ] as const) {
    const addon = okrWorkbook(objectives, keyResults, kpis);
    const at = `${kpis} KPI${kpis > 1 ? 's' : ''}, ${keyResults} KRs`;
    const state = counted(addon, 'getState');
    row(`getState, ${at}: SpreadsheetApp calls`, state.spreadsheet, 'calls', '<= 20');
    row(`getState, ${at}: all service calls`, state.all, 'calls');
    row(`listTabs, ${at}`, counted(addon, 'listTabs').spreadsheet, 'SpreadsheetApp calls');
    row(`listKpiViews, ${at}`, counted(addon, 'listKpiViews').spreadsheet, 'SpreadsheetApp calls');
    const retag = counted(addon, 'tagKpi', {
      sheetName: 'Weekly metrics',
      valueColumn: 'Metric 1',
      name: 'Metric 1',
      betterWhen: 'higher',
      target: 160,
    });
    row(`tagKpi (re-tag, and the state it answers with), ${at}`, retag.spreadsheet, 'SpreadsheetApp calls');
  }
}

// ---- 2. Server executions per sidebar action, 7. first render (Chromium) -----------------------------------------

/** google.script.run in the page, answered by `benchRpc` (the emulator in this process, or a fixed State). */
const STUB = `(() => {
  const runner = (success, failure) => new Proxy({}, {
    get(_, name) {
      if (name === 'withSuccessHandler') return (f) => runner(f, failure);
      if (name === 'withFailureHandler') return (f) => runner(success, f);
      return (...args) => {
        window.benchRpc(String(name), JSON.stringify(args)).then((reply) => {
          const r = JSON.parse(reply);
          if (r.ok) success && success(r.value === undefined ? null : r.value);
          else failure && failure(new Error(r.error));
        });
      };
    },
  });
  window.google = { script: { run: runner(), host: { close() {}, editor: { focus() {} } } } };
  new MutationObserver(() => {
    if (window.firstRender === undefined && document.querySelector('.quarter-head h2'))
      window.firstRender = performance.now();
  }).observe(document, { childList: true, subtree: true });
})();`;

async function benchSidebar(): Promise<void> {
  console.log(
    '\n2. and 7. The sidebar in Chromium (dist/Sidebar.html, google.script.run answered in this process)',
  );
  const html = readFileSync(path.join(root, 'dist/Sidebar.html'), 'utf8');
  const addon = okrWorkbook(3, 6);
  const fixedState = JSON.stringify({ ok: true, value: counted(addon, 'getState').value });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const calls: string[] = [];
    let live = false;
    const context = await browser.newContext({ viewport: { width: 300, height: 800 } });
    await context.exposeFunction('benchRpc', (name: string, args: string) => {
      calls.push(name);
      if (!live && name === 'getState') return fixedState;
      return JSON.stringify(addon.rpc(name, JSON.parse(args) as unknown[]));
    });
    await context.addInitScript(STUB);
    await context.route('https://sidebar.test/', (route) =>
      route.fulfill({ contentType: 'text/html', body: html }),
    );
    const renders: number[] = [];
    for (let i = 0; i < 8; i++) {
      const page = await context.newPage();
      await page.goto('https://sidebar.test/');
      await page.waitForFunction(() => (window as { firstRender?: number }).firstRender !== undefined);
      if (i > 0)
        renders.push(await page.evaluate(() => (window as unknown as { firstRender: number }).firstRender));
      await page.close();
    }
    row('sidebar: time to first render (median of 7, Chromium)', median(renders), 'ms', '<= 500');

    live = true;
    const page = await context.newPage();
    await page.goto('https://sidebar.test/');
    await page.locator('.quarter-head h2').waitFor();
    calls.length = 0;
    await page.getByRole('button', { name: '+ Objective' }).click();
    const title = page.getByRole('textbox', { name: 'Objective' });
    await title.fill('Win the mid-market');
    await title.press('Enter');
    await page.getByRole('article', { name: /Win the mid-market/ }).waitFor();
    await page.waitForTimeout(300); // a reload after the action would arrive now
    row(
      `sidebar action (add an objective): server executions [${calls.join(', ')}]`,
      calls.length,
      'executions',
      '= 1',
    );
  } finally {
    await browser.close();
  }
}

// ---- 3. Loading the bundle -------------------------------------------------------------------------------------

/** Compiles and runs a bundle in a fresh node process (a fresh V8), then calls OKR_SCORE once: milliseconds. */
const LOAD_CHILD = `
const { readFileSync } = require('node:fs');
const vm = require('node:vm');
const code = readFileSync(process.argv[1], 'utf8') + '\\nOKR_SCORE;';
const t0 = performance.now();
const score = new vm.Script(code, { filename: 'Code.js' }).runInThisContext();
const r = score([[0], [20]], [[100], [100]], [[50], [40]]);
const ms = performance.now() - t0;
if (r[1][0] !== 0.25) throw new Error('OKR_SCORE answered ' + JSON.stringify(r));
process.stdout.write(String(ms));`;

async function benchLoad(): Promise<void> {
  console.log(
    '\n3. Loading the bundle: every execution (each custom-function recalculation too) loads it whole',
  );
  const dir = mkdtempSync(path.join(os.tmpdir(), 'okr-bench-'));
  try {
    const minimal = path.join(dir, 'minimal.js');
    writeFileSync(minimal, await minimalBundle(root));
    const counting = newAddonFrom(dir, await countedBundle(root));
    row('zod schemas built when the bundle loads', counting.built(), 'schemas', '= 0');
    counting.addon.globals.OKR_SCORE([[0]], [[100]], [[50]]);
    row('zod schemas built by load + first OKR_SCORE', counting.built(), 'schemas', '= 0');
    const once = (file: string) =>
      Number(execFileSync(process.execPath, ['-e', LOAD_CHILD, file], { encoding: 'utf8' }));
    const full: number[] = [];
    const small: number[] = [];
    for (let i = 0; i < 15; i++) {
      full.push(once(CODE));
      small.push(once(minimal));
    }
    row(
      `load + first OKR_SCORE, fresh V8: dist/Code.js (${median(full).toFixed(1)} ms) / OKR_SCORE-only bundle (${median(small).toFixed(1)} ms)`,
      median(full) / median(small),
      'ratio',
      '<= 1.5',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function newAddonFrom(dir: string, code: string): { addon: Addon; built: () => number } {
  const file = path.join(dir, 'Code.js');
  writeFileSync(file, code);
  const addon = loadAddon({ codePath: file, now: () => new Date('2027-02-10T09:30:00Z') });
  return { addon, built: () => (addon.globals.zodSchemasBuilt as number | undefined) ?? 0 };
}

// ---- 4. OKR_SCORE over 100,000 rows --------------------------------------------------------------------------

/**
 * Times OKR_SCORE over 100,000 rows in a fresh node process (a small heap, as an execution has: the bench's own
 * heap of emulators would slow every collection), against the scoring arithmetic of DESIGN.md §5 (auto type,
 * numbers only) as a plain loop, the floor OKR_SCORE is held to. The bundle runs in the plain V8 realm, as
 * Apps Script runs it. CPU time of that process (time other processes take on a shared machine is not
 * counted), the two interleaved, the fastest of many runs of each: the run no other work interrupted; a young
 * generation large enough that no collection lands inside a timed run of either.
 */
const SCORE_CHILD = `
const { readFileSync } = require('node:fs');
const g = {};
new Function('exports', readFileSync(process.argv[1], 'utf8') + '\\nexports.OKR_SCORE = OKR_SCORE;')(g);
const n = 100000, B = [], T = [], C = [];
for (let i = 0; i < n; i++) {
  const b = (i % 97) + 1;
  B.push([b]); T.push([b * 2 + (i % 5)]); C.push([b + (i % 13)]);
}
function plain(baseline, target, current) {
  const out = new Array(baseline.length);
  for (let i = 0; i < baseline.length; i++) {
    const b = baseline[i][0], t = target[i][0], c = current[i][0];
    let s = (c - b) / (t - b);
    s = s < 0 ? 0 : s > 1 ? 1 : s;
    out[i] = [Math.round(s * 1e12) / 1e12];
  }
  return out;
}
if (JSON.stringify(g.OKR_SCORE(B, T, C)) !== JSON.stringify(plain(B, T, C))) throw new Error('OKR_SCORE and the plain loop disagree');
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const okr = [], loop = [];
for (let i = 0; i < 61; i++) {
  let t = cpu(); g.OKR_SCORE(B, T, C); okr.push(cpu() - t);
  t = cpu(); plain(B, T, C); loop.push(cpu() - t);
}
process.stdout.write(JSON.stringify({ okr: Math.min(...okr), plain: Math.min(...loop) }));`;

function benchScoring(): void {
  console.log(
    '\n4. OKR_SCORE, column form, 100,000 rows in one call (plain V8 realm, as Apps Script runs it)',
  );
  const t = JSON.parse(
    execFileSync(process.execPath, ['--max-semi-space-size=128', '-e', SCORE_CHILD, CODE], {
      encoding: 'utf8',
    }),
  ) as {
    okr: number;
    plain: number;
  };
  row(
    `OKR_SCORE over 100,000 rows (${t.okr.toFixed(1)} ms CPU) / the same arithmetic as a plain loop (${t.plain.toFixed(1)} ms)`,
    t.okr / t.plain,
    'ratio',
    '<= 1.1',
  );
}

// ---- 5. KPI functions on a 50,000-row tab ----------------------------------------------------------------------

function benchKpiTab(): void {
  const n = 50_000;
  console.log(`\n5. A KPI tab of ${n.toLocaleString('en-US')} rows, two KPIs tagged`);
  const addon = newAddon('2027-02-14T10:00:00Z');
  const data: unknown[][] = [['Day', 'Events', 'Errors']];
  for (let i = 0; i < n; i++)
    data.push([new Date(Date.UTC(1990, 0, 1) + i * 86_400_000), 1000 + (i % 97), i % 13]);
  addon.replaceWorkbook([{ name: 'Events', rows: data }]);
  const tabRows: number[] = [];
  const tag = (label: string, input: Record<string, unknown>) => {
    let calls = 0;
    tabRows.push(...rowsRead('Events', () => (calls = counted(addon, 'tagKpi', input).all)));
    row(label, calls, 'service calls');
  };
  tag('tagKpi on the 50,000-row tab, first (creates the KPIs sheet)', {
    sheetName: 'Events',
    valueColumn: 'Events',
    name: 'Events',
    betterWhen: 'higher',
    target: 1000,
  });
  tag('tagKpi on the 50,000-row tab, second column', {
    sheetName: 'Events',
    valueColumn: 'Errors',
    name: 'Errors',
    betterWhen: 'lower',
    target: 5,
    warnAt: 8,
  });
  row('most rows of the tab one getValues read while tagging', Math.max(...tabRows), 'rows', '<= 60');
  // the most cells one call receives (a call gets one KPI's range, and for Previous its dates too)
  const cells: Record<string, number> = {};
  for (const name of ['OKR_KPI_LATEST', 'OKR_KPI_PREVIOUS']) {
    const fn = addon.globals[name] as (...a: unknown[]) => unknown;
    addon.globals[name] = (...a: unknown[]) => {
      const size = a.reduce(
        (k: number, v) => k + (Array.isArray(v) ? v.reduce((m: number, r: unknown[]) => m + r.length, 0) : 1),
        0,
      );
      cells[name] = Math.max(cells[name] ?? 0, size);
      return fn(...a);
    };
  }
  const edit = addon.editCell('Events', `B${n + 1}`, '1234');
  if (!edit.ok) throw new Error(JSON.stringify(edit));
  for (const name of ['OKR_KPI_LATEST', 'OKR_KPI_PREVIOUS']) {
    row(
      `cells passed to one ${name} call when one value of the tab changes`,
      cells[name] ?? 0,
      'cells',
      '<= 1000',
    );
  }
}

// ---- 6. Start new quarter, check-ins ---------------------------------------------------------------------------

function benchNewQuarter(): void {
  console.log(
    '\n6. Start new quarter and check-ins: service calls, properties and lock included (deterministic)',
  );
  for (const [objectives, keyResults] of [
    [10, 50],
    [1000, 5000],
  ] as const) {
    const addon = okrWorkbook(objectives, keyResults, 50);
    for (const [label, quarter] of [
      ['first close, creates OKR History', '2027-Q2'],
      ['next close', '2027-Q3'],
    ] as const) {
      // the action answers with the state after it (one execution): its own calls are the execution's less a
      // getState's, which grows with the KPIs until getState reads them flat
      const all = counted(addon, 'startNewQuarter', { quarter, carry: 'unfinished' }).all;
      const state = counted(addon, 'getState').all;
      row(
        `startNewQuarter, ${keyResults} KRs / 50 KPIs, ${label}: the action`,
        all - state,
        'service calls',
        '<= 60',
      );
      row(
        `startNewQuarter, ${keyResults} KRs / 50 KPIs, ${label}: with the state it answers`,
        all,
        'service calls',
      );
    }
  }
  const addon = okrWorkbook(10, 50);
  counted(addon, 'checkIn', { krId: 'O1.1', value: 10, confidence: 7 });
  const log = addon.spreadsheet.getSheetByName('Check-ins')!;
  const logged = 5000;
  log.insertRowsAfter(log.getMaxRows(), logged);
  const width = log.getLastColumn();
  log.getRange(3, 1, logged, width).setValues(
    Array.from({ length: logged }, (_, i) => {
      const r: unknown[] = [new Date(Date.UTC(2027, 0, 1, 0, i)), '2027-Q1', 'O1.1', i % 100, 7, 'weekly'];
      return r.slice(0, width).concat(Array(Math.max(0, width - r.length)).fill(''));
    }),
  );
  let calls = 0;
  const read = rowsRead(
    'Check-ins',
    () => (calls = counted(addon, 'checkIn', { krId: 'O1.2', value: 20 }).all),
  );
  row(
    `checkIn with ${logged.toLocaleString('en-US')} check-ins logged: service calls, with the state it answers`,
    calls,
    'service calls',
  );
  row(
    'checkIn: rows of the Check-ins log read (its header row only)',
    read.reduce((a, b) => a + b, 0),
    'rows',
    '<= 1',
  );
}

// ---- 7. Sizes -------------------------------------------------------------------------------------------------

function benchSizes(): void {
  console.log('\n7. What Apps Script loads and serves (gzip)');
  const gz = (file: string) => gzipSync(readFileSync(path.join(root, 'dist', file))).length / 1024;
  row('dist/Code.js, gzip', gz('Code.js'), 'KB', '<= 64');
  row('dist/Sidebar.html, gzip', gz('Sidebar.html'), 'KB', '<= 32');
}

/** The real-tab corpus graded by scripts/real-tabs.ts: how many files read right, and what each miss was. */
function benchRealTabs(): void {
  console.log('');
  console.log(
    'Real tabs (tests/fixtures/real-tabs, files written by others, graded against answers written first)',
  );
  const out = execFileSync(process.execPath, ['scripts/run-ts.mjs', 'scripts/real-tabs.ts'], {
    cwd: root,
    encoding: 'utf8',
  });
  let file = '';
  for (const line of out.split('\n')) {
    if (/^\S.*\.(csv|tsv) {2}\[/.test(line)) file = line.split('  ')[0]!;
    else if (line.startsWith('  MISS ')) console.log(`  ${file}: ${line.slice(7)}`);
    else if (/^real tabs |^misses by kind/.test(line)) console.log(`  ${line}`);
  }
}

console.log('okr-sheets benchmark');
console.log(`node ${process.version}, ${process.platform}/${process.arch}, ${os.cpus().length} cores`);
// `npm run bench -- scoring load`: only those sections (the table and bench/results.json are written only for a full run)
const sections: Record<string, () => void | Promise<void>> = {
  reads: benchReads,
  sidebar: benchSidebar,
  load: benchLoad,
  scoring: benchScoring,
  kpis: benchKpiTab,
  quarter: benchNewQuarter,
  sizes: benchSizes,
  realtabs: benchRealTabs,
};
const only = process.argv.slice(2);
for (const [name, run] of Object.entries(sections)) if (!only.length || only.includes(name)) await run();
if (only.length) process.exit(0);

const width = Math.max(...rows.map((r) => r.name.length));
console.log(`\n${'figure'.padEnd(width)}  ${'value'.padStart(9)}  ${'unit'.padEnd(20)}  goal      met`);
for (const r of rows) {
  console.log(
    `${r.name.padEnd(width)}  ${String(r.value).padStart(9)}  ${r.unit.padEnd(20)}  ${r.goal.padEnd(8)}  ${met(r)}`,
  );
}
mkdirSync(path.join(root, 'bench'), { recursive: true });
writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify(rows, null, 2)}\n`);
console.log('\nwritten to bench/results.json');
