// npm run bench: prints performance figures. Timings are medians of several runs on this machine;
// service-call and custom-function counts come from the emulator and are deterministic.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { loadAddon } from '../src/playground/emulator';
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
console.log('');
benchKpiTab();
