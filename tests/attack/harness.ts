// The attack suite's frame: an attack tries many hostile inputs against the built add-on (or the playground)
// and counts how many got a wrong answer. `npm test` runs a short seeded slice of each (tests/attack/*.test.ts);
// `npm run attack` (scripts/attack.ts) runs the full counts and prints the table `attack | tried | failed`.
// Nothing here imports vitest, so the script and the tests share every attack.

/** How one run of an attack went: inputs tried, inputs that got a wrong answer, and the first few of those. */
export interface Outcome {
  attack: string;
  tried: number;
  failed: number;
  /** the first failures, each saying the input and what came back */
  examples: string[];
}

export interface Attack {
  name: string;
  /** inputs `npm run attack` tries */
  full: number;
  /** inputs `npm test` tries: a few seconds' worth */
  slice: number;
  run(count: number, seed: number): Outcome | Promise<Outcome>;
}

/** The seed `npm test` uses, so a failure it finds is found again on the next run. */
export const SEED = 20270210;

const EXAMPLES = 8;

/** Collects the verdicts of one attack run. */
export class Tally {
  tried = 0;
  failed = 0;
  readonly examples: string[] = [];
  constructor(readonly attack: string) {}

  /** Records one input: `problem` is undefined when the answer was right, else what was wrong. */
  check(input: string, problem: string | undefined): void {
    this.tried++;
    if (problem === undefined) return;
    this.failed++;
    if (this.examples.length < EXAMPLES) this.examples.push(`${input} → ${problem}`);
  }

  /** Runs one input's check; an exception thrown by the check itself counts as a failure of that input. */
  try(input: string, body: () => string | undefined): void {
    let problem: string | undefined;
    try {
      problem = body();
    } catch (e) {
      problem = `the check threw ${String((e as Error)?.stack ?? e).slice(0, 300)}`;
    }
    this.check(input, problem);
  }

  async tryAsync(input: string, body: () => Promise<string | undefined>): Promise<void> {
    let problem: string | undefined;
    try {
      problem = await body();
    } catch (e) {
      problem = `the check threw ${String((e as Error)?.stack ?? e).slice(0, 300)}`;
    }
    this.check(input, problem);
  }

  outcome(): Outcome {
    return { attack: this.attack, tried: this.tried, failed: this.failed, examples: [...this.examples] };
  }
}

/** A value as a failure example shows it: JSON with Dates, undefined, NaN and ±Infinity spelled out. */
export function show(v: unknown, max = 160): string {
  const seen = new WeakSet<object>();
  const text = JSON.stringify(v, function (this: unknown, key: string, x: unknown) {
    const raw = (this as Record<string, unknown>)[key];
    if (raw instanceof Date || Object.prototype.toString.call(raw) === '[object Date]') {
      const t = (raw as Date).getTime();
      return Number.isNaN(t) ? 'Date(invalid)' : `Date(${(raw as Date).toISOString()})`;
    }
    if (x === undefined) return 'undefined';
    if (typeof x === 'number' && !Number.isFinite(x)) return String(x);
    if (Object.is(x, -0)) return '-0';
    if (x && typeof x === 'object') {
      if (seen.has(x)) return '[cycle]';
      seen.add(x);
    }
    return x;
  });
  const s = text === undefined ? String(v) : text;
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** The table `npm run attack` prints (and README's Safety section shows). */
export function table(outcomes: readonly Outcome[]): string {
  const rows = outcomes.map((o) => [o.attack, o.tried.toLocaleString('en-US'), String(o.failed)]);
  const head = ['attack', 'tried', 'failed'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}
