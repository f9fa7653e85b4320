// npm run bench: prints performance figures. Timings are medians of several runs on this machine;
// service-call and custom-function counts come from the emulator and are deterministic.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { type Addon, loadAddon } from '../src/playground/emulator';
import { EmuRange } from '../src/playground/emulator/spreadsheet';

// npm runs scripts from the project root; run-ts bundles this file elsewhere, so import.meta is no guide.
const root = process.cwd();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function timeRuns(runs: number, body: () => void): number[] {
  body(); // warm-up: JIT and first allocation
  const times: number[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < runs; i++) {
    gc?.(); // start each run from a collected heap, so one run does not pay for the previous run's garbage
    const t0 = performance.now();
    body();
    times.push(performance.now() - t0);
  }
  return times;
}

// biome-ignore lint/suspicious/noExplicitAny: the bundle's globals are untyped JavaScript
type Globals = Record<string, any>;

/** dist/Code.js in a node:vm context, as the tests and the playground run it. */
function loadInVm(): Globals {
  const context = vm.createContext({});
  vm.runInContext(readFileSync(path.join(root, 'dist/Code.js'), 'utf8'), context, { filename: 'Code.js' });
  return context;
}

/**
 * dist/Code.js in the main V8 realm. Apps Script runs the bundle in a plain V8 global scope; a node:vm
 * context adds an interceptor to every global lookup, which is the emulator's cost, not the add-on's.
 */
function loadPlain(): Globals {
  const code = readFileSync(path.join(root, 'dist/Code.js'), 'utf8');
  const exports: Globals = {};
  new Function('exports', `${code}\nexports.OKR_SCORE = OKR_SCORE;`)(exports);
  return exports;
}

function benchScoring(): void {
  const rows = 100_000;
  const baseline: number[][] = [];
  const target: number[][] = [];
  const current: number[][] = [];
  for (let i = 0; i < rows; i++) {
    const b = (i % 97) + 1;
    baseline.push([b]);
    target.push([b * 2 + (i % 5)]);
    current.push([b + (i % 13)]);
  }
  console.log(`OKR_SCORE, column form, ${rows.toLocaleString('en-US')} rows in one call (target: <= 20 ms)`);
  for (const [label, g] of [
    ['plain V8 realm (as Apps Script runs it)', loadPlain()],
    ['node:vm context (as tests and playground run it)', loadInVm()],
  ] as const) {
    let result: unknown;
    const times = timeRuns(15, () => {
      result = g.OKR_SCORE(baseline, target, current);
    });
    const out = result as unknown[][];
    if (out.length !== rows) throw new Error(`OKR_SCORE returned ${out.length} rows, expected ${rows}`);
    console.log(
      `  ${label}: median ${median(times).toFixed(1)} ms  (runs: ${times.map((t) => t.toFixed(1)).join(', ')})`,
    );
  }
}

/**
 * Tagging a 50,000-row KPI tab in the emulator: service calls per action (Apps Script's cost is mostly the
 * number of calls) and how many rows of the tab each action reads (never the whole tab).
 */
function benchKpiTab(): void {
  const rows = 50_000;
  const addon = loadAddon({
    codePath: path.join(root, 'dist/Code.js'),
    htmlDir: path.join(root, 'dist'),
    now: () => new Date('2027-02-14T10:00:00Z'),
  });
  const data: unknown[][] = [['Day', 'Events', 'Errors']];
  for (let i = 0; i < rows; i++) {
    data.push([new Date(Date.UTC(1990, 0, 1) + i * 86_400_000), 1000 + (i % 97), i % 13]);
  }
  const t0 = performance.now();
  addon.replaceWorkbook([{ name: 'Events', rows: data }]);
  const loaded = performance.now() - t0;
  // rows of the Events tab each getValues returns
  let read: number[] = [];
  const getValues = EmuRange.prototype.getValues;
  EmuRange.prototype.getValues = function (this: EmuRange) {
    const v = getValues.call(this);
    if (this.getSheet().getName() === 'Events') read.push(v.length);
    return v;
  };
  console.log(
    `KPI tab of ${rows.toLocaleString('en-US')} rows (loaded into the emulator in ${loaded.toFixed(0)} ms)`,
  );
  console.log(
    '  action                                   service calls   getValues on the tab (rows each)   time',
  );
  const measure = (label: string, name: string, ...args: unknown[]) => {
    addon.counter.reset();
    read = [];
    const t = performance.now();
    const result = addon.rpc(name, args);
    const ms = performance.now() - t;
    if (!result.ok) throw new Error(`${name}: ${'error' in result ? result.error : 'failed'}`);
    const calls = addon.counter.total();
    const reads = read.length ? `${read.length} (${read.join(', ')})` : '0';
    console.log(
      `  ${label.padEnd(40)} ${String(calls).padStart(13)}   ${reads.padEnd(34)} ${ms.toFixed(0).padStart(5)} ms`,
    );
  };
  measure('listTabs (detect, before any tag)', 'listTabs');
  measure('tagKpi, first (creates the KPIs sheet)', 'tagKpi', {
    sheetName: 'Events',
    valueColumn: 'Events',
    name: 'Events',
    betterWhen: 'higher',
    target: 1000,
  });
  measure('tagKpi, second column of the tab', 'tagKpi', {
    sheetName: 'Events',
    valueColumn: 'Errors',
    name: 'Errors',
    betterWhen: 'lower',
    target: 5,
    warnAt: 8,
  });
  measure('tagKpi, re-tag (update the row)', 'tagKpi', {
    sheetName: 'Events',
    valueColumn: 'B',
    name: 'Events per day',
    betterWhen: 'higher',
    target: 1010,
  });
  measure('listTabs (2 KPIs tagged)', 'listTabs');
  measure('listKpiViews (sidebar cards, sparklines)', 'listKpiViews');
  measure('untagKpi', 'untagKpi', 'errors');
  EmuRange.prototype.getValues = getValues;
}

console.log('okr-sheets benchmark');
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
console.log('');
benchScoring();

// ---- Service calls (deterministic, from the emulator's counter) --------------------------------------------------

function spreadsheetCalls(snapshot: Record<string, number>): number {
  return Object.entries(snapshot)
    .filter(
      ([k]) =>
        !/^(Properties|PropertiesService|Lock|LockService|Utilities|Session|HtmlService|HtmlOutput|Ui|Menu)\./.test(
          k,
        ),
    )
    .reduce((n, [, v]) => n + v, 0);
}

/**
 * A workbook with `kpis` tagged KPIs (one tab of weekly columns), a quarter of `objectives` objectives and
 * `keyResults` key results, one in ten of them following a KPI (Current = OKR_KPI_LATEST of its named range).
 */
function okrWorkbook(objectives: number, keyResults: number, kpis = 0): Addon {
  const addon = loadAddon({
    codePath: path.join(root, 'dist/Code.js'),
    htmlDir: path.join(root, 'dist'),
    now: () => new Date('2027-03-30T10:00:00Z'),
  });
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
      const r = addon.rpc('tagKpi', [
        {
          sheetName: 'Weekly metrics',
          valueColumn: `Metric ${k + 1}`,
          name: `Metric ${k + 1}`,
          betterWhen: 'higher',
          target: 150,
        },
      ]);
      if (!r.ok) throw new Error(JSON.stringify(r));
      kpiIds.push((r.value as { id: string }).id);
    }
  }
  const ok = addon.rpc('setUpQuarter', [{ quarter: '2027-Q1' }]);
  if (!ok.ok) throw new Error(JSON.stringify(ok));
  const ss = addon.spreadsheet;
  const objSheet = ss.getSheetByName('2027-Q1 Objectives')!;
  const krSheet = ss.getSheetByName('2027-Q1 Key Results')!;
  for (const [sheet, rows] of [
    [objSheet, objectives],
    [krSheet, keyResults],
  ] as const) {
    if (rows + 1 > sheet.getMaxRows())
      sheet.insertRowsAfter(sheet.getMaxRows(), rows + 1 - sheet.getMaxRows());
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

function benchNewQuarter(): void {
  console.log('');
  console.log('Start new quarter: service calls (deterministic; goal <= 60 and flat as key results grow)');
  for (const [objectives, keyResults, kpis] of [
    [10, 50, 50],
    [100, 500, 50],
    [1000, 5000, 50],
  ] as const) {
    const addon = okrWorkbook(objectives, keyResults, kpis);
    const t0 = performance.now();
    for (const [label, quarter] of [
      ['first close (creates OKR History)', '2027-Q2'],
      ['next close (OKR History exists)', '2027-Q3'],
    ] as const) {
      addon.counter.reset();
      const r = addon.rpc('startNewQuarter', [{ quarter, carry: 'unfinished' }]);
      if (!r.ok) throw new Error(JSON.stringify(r));
      const snap = addon.counter.snapshot();
      console.log(
        `  ${String(objectives).padStart(4)} objectives / ${String(keyResults).padStart(4)} KRs / ${kpis} KPIs, ${label}: ` +
          `${addon.counter.total()} service calls (${spreadsheetCalls(snap)} SpreadsheetApp)`,
      );
    }
    void t0;
  }
}

/** Counts the custom-function calls Sheets would make when one value of a scored sheet changes. */
function benchCustomFunctionCalls(): void {
  console.log('');
  console.log(
    'Custom-function calls when one check-in changes a Key Results sheet (goal: 1 per column, any size)',
  );
  for (const [objectives, keyResults] of [
    [10, 50],
    [100, 500],
    [1000, 5000],
  ] as const) {
    const addon = okrWorkbook(objectives, keyResults);
    const calls: Record<string, number> = {};
    for (const name of addon.customFunctions) {
      const fn = addon.globals[name] as (...a: unknown[]) => unknown;
      addon.globals[name] = (...a: unknown[]) => {
        calls[name] = (calls[name] ?? 0) + 1;
        return fn(...a);
      };
    }
    const edit = addon.editCell('2027-Q1 Key Results', 'H2', '42');
    if (!edit.ok) throw new Error(JSON.stringify(edit));
    const shown = Object.entries(calls)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    console.log(`  ${String(keyResults).padStart(4)} key results: ${shown || 'none'}`);
  }
}

benchNewQuarter();
benchCustomFunctionCalls();
console.log('');
benchKpiTab();

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

benchRealTabs();
