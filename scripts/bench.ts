// npm run bench: prints performance figures. Timings are medians of several runs on this machine;
// service-call and custom-function counts come from the emulator and are deterministic.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

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

console.log('okr-sheets benchmark');
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
console.log('');
benchScoring();
