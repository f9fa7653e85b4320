// Custom functions at the edges: thousands of generated hostile inputs per function (fast-check), called on the
// built dist/Code.js as Sheets calls it. Every answer must be in range, blank, documented text, or an Error
// naming the function and an argument — never NaN, Infinity or undefined — and where the contract gives an
// exact answer (numbers in, README's rule), the oracle's (tests/attack/oracles.ts).
import fc from 'fast-check';
import { newAddon } from '../helpers/addon';
import {
  type Arg,
  argsFor,
  cell,
  cellOrMissing,
  date,
  number,
  PROTOTYPE_KEYS,
  sheetsCouldPass,
  text,
  type Value,
} from './cells';
import { near } from './exact';
import { type Attack, show, Tally } from './harness';
import {
  bandOptions,
  bandRow,
  boundaryRow,
  ERROR,
  type Expect,
  fiscalOptions,
  kpiStatusRow,
  quarterRow,
  rollupOf,
  scoreOptions,
  scoreRow,
} from './oracles';

type Fn = (...args: unknown[]) => unknown;

interface Spec {
  name: string;
  params: readonly string[];
  /** how many leading parameters are optional from the end: Sheets passes them as undefined when omitted */
  optional: number;
  values: ReadonlyArray<fc.Arbitrary<Value>>;
  /** what each row must give, for the functions computed cell by cell: `cells` leading, the rest single values */
  cells?: number;
  options?: (scalars: Value[]) => unknown;
  row?: (cells: Value[], options: unknown) => Expect;
  /** an error text in this argument passes through: thrown in scalar form */
  passesError?: boolean;
  /** for the whole-column functions: the expected answer, or undefined when only the general rules apply */
  whole?: (args: Arg[]) => Expect | Expect[] | undefined;
  /** text results the contract allows besides blank and `#ERROR: …` */
  texts?: (s: string, args: Arg[]) => boolean;
  dates?: boolean;
}

const withTypes = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom('auto', 'increase', 'decrease', 'at least', 'at most', 'yes/no', 'milestone'),
  },
  { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
  { weight: 2, arbitrary: cellOrMissing },
  { weight: 1, arbitrary: fc.constantFrom('At_Least', ' YES / NO ', 'Milestones', 'boolean', 'increasing') },
);
const cap = fc.oneof(fc.constantFrom(undefined, '', 1, 1.5, 10, 10.0001, 0.99, '150%', 2), cellOrMissing);
const fraction = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), cellOrMissing);
const scoreCell = fc.oneof(
  { weight: 3, arbitrary: fc.double({ min: 0, max: 1.5, noNaN: true }) },
  { weight: 2, arbitrary: cellOrMissing },
  { weight: 1, arbitrary: fc.constantFrom('#ERROR: current "x" is not a number', '#N/A') },
);
const objectiveId = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('O1', 'O2', 'O3', ' O1 ') },
  { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
  { weight: 1, arbitrary: cellOrMissing },
);
const weight = fc.oneof(
  fc.constantFrom('', 1, 2, 0, 1e308, Number.MAX_VALUE, 5e-324, -1, 1e-308),
  fc.double({ min: 0, max: 1e308, noNaN: true }),
  cellOrMissing,
);
const better = fc.oneof(fc.constantFrom('higher', 'lower', ' Lower ', ''), cellOrMissing);
const cadence = fc.oneof(
  fc.constantFrom('daily', 'weekly', 'monthly', 'quarterly', '', 'fortnightly'),
  cellOrMissing,
);
const month = fc.oneof(
  fc.constantFrom(undefined, '', 1, 4, 7, 10, 12, 0, 13, 1.5, '4', ' 12 '),
  cellOrMissing,
);
const label = fc.oneof(
  fc
    .record({
      year: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(1, 99, 100, 1899, 9999)),
      q: fc.integer({ min: 1, max: 4 }),
    })
    .map(({ year, q }) => `${String(year).padStart(4, '0')}-Q${q}`),
  text,
  cellOrMissing,
);
const dateCell = fc.oneof(
  { weight: 3, arbitrary: date },
  { weight: 1, arbitrary: number },
  { weight: 2, arbitrary: cellOrMissing },
);

const BANDS = new Set(['green', 'yellow', 'red']);
const isLabel = (s: string) => /^\d{4,5}-Q[1-4]$/.test(s);

export const SPECS: readonly Spec[] = [
  {
    name: 'OKR_SCORE',
    params: ['baseline', 'target', 'current', 'type', 'cap'],
    optional: 2,
    values: [cellOrMissing, cellOrMissing, cellOrMissing, withTypes, cap],
    cells: 4,
    options: scoreOptions,
    row: (cells, capValue) => scoreRow(cells, capValue as number),
  },
  {
    name: 'OKR_BAND',
    params: ['score', 'yellowFrom', 'greenFrom'],
    optional: 2,
    values: [scoreCell, fraction, fraction],
    cells: 1,
    options: bandOptions,
    row: (cells, bands) => bandRow(cells, bands as [number, number]),
    passesError: true,
    texts: (s) => BANDS.has(s),
  },
  {
    name: 'OKR_KPI_STATUS',
    params: ['value', 'target', 'warnAt', 'betterWhen'],
    optional: 0,
    values: [cellOrMissing, cellOrMissing, cellOrMissing, better],
    cells: 4,
    options: () => undefined,
    row: (cells) => kpiStatusRow(cells),
    texts: (s) => BANDS.has(s),
  },
  {
    name: 'OKR_QUARTER',
    params: ['date', 'fiscalStartMonth'],
    optional: 1,
    values: [dateCell, month],
    cells: 1,
    options: fiscalOptions,
    row: (cells, fsm) => quarterRow(cells, fsm as number),
    texts: isLabel,
  },
  {
    name: 'OKR_QUARTER_START',
    params: ['label', 'fiscalStartMonth'],
    optional: 1,
    values: [label, month],
    cells: 1,
    options: fiscalOptions,
    row: (cells, fsm) => boundaryRow(cells, fsm as number, false),
    dates: true,
  },
  {
    name: 'OKR_QUARTER_END',
    params: ['label', 'fiscalStartMonth'],
    optional: 1,
    values: [label, month],
    cells: 1,
    options: fiscalOptions,
    row: (cells, fsm) => boundaryRow(cells, fsm as number, true),
    dates: true,
  },
  {
    name: 'OKR_ROLLUP',
    params: ['objectiveIds', 'krObjectiveIds', 'krScores', 'krWeights', 'krIds'],
    optional: 2,
    values: [
      objectiveId,
      objectiveId,
      scoreCell,
      weight,
      fc.oneof(fc.constantFrom('O1.1', 'O1.2', ''), cell),
    ],
    whole: (args) => {
      const col = (a: Arg) => (Array.isArray(a) ? (a as Value[][]).map((r) => r[0]) : [a as Value]);
      if (args.some((a) => Array.isArray(a) && (a as Value[][]).some((r) => r.length !== 1))) return ERROR;
      const [o, k, s, w, ids] = args as Arg[];
      const n = col(k!).length;
      for (const x of [s, w, ids])
        if (x !== undefined && x !== '' && col(x).length !== n && col(x).length !== 1) return ERROR;
      const expected = rollupOf(col(o!), col(k!), col(s!), w === undefined || w === '' ? undefined : col(w));
      return Array.isArray(o) ? expected : expected[0];
    },
    texts: () => false,
  },
  // the series functions read a KPI's entries (numbers, numeric text) by date, row or key: only the general
  // rules are checked here; their reading is tested in tests/core/kpi-series.test.ts
  {
    name: 'OKR_KPI_LATEST',
    params: ['values', 'dates', 'how', 'keys', 'key'],
    optional: 4,
    values: [cell, dateCell, fc.constantFrom('', 'dmy', 'mdy', 'year+quarter', 'x'), cell, cell],
    whole: () => undefined,
    texts: () => true,
  },
  {
    name: 'OKR_KPI_PREVIOUS',
    params: ['values', 'dates', 'cadence', 'how', 'keys', 'key'],
    optional: 5,
    values: [cell, dateCell, cadence, fc.constantFrom('', 'dmy', 'mdy', 'year+quarter', 'x'), cell, cell],
    whole: () => undefined,
    texts: () => true,
  },
];

const isGrid = Array.isArray;
const unwrap = (a: Arg): Arg =>
  isGrid(a) && a.length === 1 && isGrid(a[0]) && (a[0] as unknown[]).length === 1 ? (a[0] as Value[])[0] : a;

/** The expected answer of a cell-by-cell function: one Expect, a grid of them, or 'throws'. */
function expectedOf(spec: Spec, args: Arg[]): Expect | Expect[][] | 'throws' | undefined {
  const n = spec.cells!;
  const scalars: Value[] = [];
  for (const a of args.slice(n)) {
    const v = unwrap(a);
    if (isGrid(v)) return 'throws';
    scalars.push(v as Value);
  }
  const options = spec.options!(scalars);
  if (options === 'error') return 'throws';
  if (options === 'unknown') return undefined;
  const cells = args.slice(0, n).map(unwrap);
  const grids = cells.filter(isGrid) as Value[][][];
  if (!grids.length) {
    const e = spec.row!(cells as Value[], options);
    return e.kind === 'error' || (spec.passesError && e.kind === 'exact' && String(e.value).startsWith('#'))
      ? 'throws'
      : e;
  }
  const rows = grids[0]!.length;
  const cols = grids[0]![0]!.length;
  if (grids.some((g) => g.length !== rows || g.some((r) => r.length !== cols))) return 'throws';
  const out: Expect[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: Expect[] = [];
    for (let c = 0; c < cols; c++) {
      row.push(spec.row!(cells.map((v) => (isGrid(v) ? (v as Value[][])[r]![c] : v)) as Value[], options));
    }
    out.push(row);
  }
  return out;
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
const INTERNAL = /is not a function|Cannot read|is not iterable|undefined|NaN|\[object|Maximum call stack/;
/** A message with the values it quotes taken out: `baseline "NaN" is not a number` quotes the user's NaN. */
const unquoted = (message: string) => message.replace(/"(?:[^"\\]|\\.)*"/g, '""');

/** What is wrong with a thrown error: it must name the function and an argument, in words. */
function thrownProblem(spec: Spec, e: unknown): string | undefined {
  const message = String((e as { message?: unknown })?.message ?? e);
  if (!message.startsWith(`${spec.name}: `)) return `threw without the function's name: ${show(message)}`;
  if (INTERNAL.test(unquoted(message))) return `threw an internal error: ${show(message)}`;
  const names = spec.name === 'OKR_ROLLUP' ? [...spec.params, 'key result', 'score', 'weight'] : spec.params;
  if (!names.some((p) => message.includes(p))) return `threw naming no argument: ${show(message)}`;
  return undefined;
}

/** What is wrong with one value of an answer, by the general rules. */
function cellProblem(spec: Spec, v: unknown, args: Arg[]): string | undefined {
  if (v === undefined || v === null) return `gave ${show(v)}`;
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : `gave ${v}`;
  if (typeof v === 'boolean')
    return spec.name === 'OKR_KPI_LATEST' || spec.name === 'OKR_KPI_PREVIOUS' ? undefined : `gave ${v}`;
  if (isDate(v))
    return spec.dates || spec.texts?.('', args)
      ? Number.isNaN(v.getTime())
        ? 'gave an invalid Date'
        : undefined
      : 'gave a Date';
  if (typeof v !== 'string') return `gave ${typeof v}`;
  if (v === '') return undefined;
  if (v.startsWith('#ERROR: ')) {
    if (INTERNAL.test(unquoted(v))) return `gave an internal error: ${show(v)}`;
    return undefined;
  }
  if (spec.texts?.(v, args) || spec.passesError) return undefined;
  return `gave undocumented text ${show(v)}`;
}

function matches(want: Expect, got: unknown): string | undefined {
  switch (want.kind) {
    case 'any':
      return undefined;
    case 'error':
      return typeof got === 'string' && got.startsWith('#ERROR: ')
        ? undefined
        : `gave ${show(got)}, expected an error`;
    case 'exact':
      return got === want.value || (got === 0 && want.value === 0)
        ? undefined
        : `gave ${show(got)}, expected ${show(want.value)}`;
    case 'near':
      return typeof got === 'number' && near(got, want.value)
        ? undefined
        : `gave ${show(got)}, expected about ${show(Number(want.value.n) / Number(want.value.d))}`;
    case 'day': {
      if (!isDate(got)) return `gave ${show(got)}, expected a date`;
      const ok =
        got.getUTCFullYear() === want.year &&
        got.getUTCMonth() + 1 === want.month &&
        got.getUTCDate() === want.day &&
        got.getUTCHours() === 0;
      return ok
        ? undefined
        : `gave ${show(got)}, expected ${String(want.year).padStart(4, '0')}-${want.month}-${want.day}`;
    }
  }
}

/** Everything wrong with one call's answer. */
function judge(spec: Spec, args: Arg[], call: () => unknown): string | undefined {
  let result: unknown;
  let thrown: unknown;
  let threw = false;
  try {
    result = call();
  } catch (e) {
    thrown = e;
    threw = true;
  }
  const passable = args.every((a, i) =>
    a === undefined ? i >= spec.params.length - spec.optional : sheetsCouldPass(a),
  );
  if (threw) {
    const problem = thrownProblem(spec, thrown);
    if (problem) return problem;
  } else {
    const leaves = isGrid(result) ? (result as unknown[][]).flat() : [result];
    if (isGrid(result) && (result as unknown[]).some((r) => !isGrid(r)))
      return `gave a 1-D array ${show(result)}`;
    for (const v of leaves) {
      const problem = cellProblem(spec, v, args);
      if (problem) return problem;
    }
  }
  if (!passable) return undefined;
  const want = spec.whole ? spec.whole(args) : expectedOf(spec, args);
  if (want === undefined || (!isGrid(want) && (want as Expect).kind === 'any')) return undefined;
  // an error of the whole call (ranges of different heights, a range where one column is expected) is thrown
  if (want === 'throws' || (!isGrid(want) && (want as Expect).kind === 'error')) {
    if (threw) return undefined;
    const leaves = isGrid(result) ? (result as unknown[][]).flat() : [result];
    const allErrors =
      isGrid(result) && leaves.every((v) => typeof v === 'string' && v.startsWith('#ERROR: '));
    return allErrors ? undefined : `gave ${show(result)}, expected an error`;
  }
  if (threw) return `threw ${show(String((thrown as Error)?.message))}`;
  if (isGrid(want)) {
    const rows = want as Array<Expect | Expect[]>;
    if (!isGrid(result) || (result as unknown[]).length !== rows.length)
      return `gave ${show(result)}, expected ${rows.length} rows`;
    for (let r = 0; r < rows.length; r++) {
      const wantRow = isGrid(rows[r]) ? (rows[r] as Expect[]) : [rows[r] as Expect];
      const gotRow = (result as unknown[][])[r]!;
      if (gotRow.length !== wantRow.length)
        return `row ${r + 1} has ${gotRow.length} cells, expected ${wantRow.length}`;
      for (let c = 0; c < wantRow.length; c++) {
        const problem = matches(wantRow[c]!, gotRow[c]);
        if (problem) return `row ${r + 1}: ${problem}`;
      }
    }
    return undefined;
  }
  if (isGrid(result)) return `gave a range ${show(result)}, expected one value`;
  return matches(want as Expect, result);
}

function functionAttack(spec: Spec): Attack {
  return {
    name: `custom function ${spec.name}`,
    full: 6000,
    slice: 600,
    run(count, seed) {
      const addon = newAddon();
      const fn = addon.globals[spec.name] as Fn;
      const tally = new Tally(`custom function ${spec.name}`);
      const arb = argsFor(spec.values).chain((args) =>
        // now and then an optional argument is left out, as Sheets passes an omitted one
        fc.integer({ min: 0, max: spec.optional }).map((drop) => args.slice(0, args.length - drop)),
      );
      for (const args of fc.sample(arb, { numRuns: count, seed })) {
        const full = [...args, ...new Array(spec.params.length - args.length).fill(undefined)];
        tally.try(`${spec.name}(${args.map((a) => show(a, 80)).join(', ')})`, () =>
          judge(spec, full, () => fn(...args)),
        );
      }
      return tally.outcome();
    },
  };
}

export const FUNCTION_ATTACKS: readonly Attack[] = SPECS.map(functionAttack);

/** What is wrong with one named call, judged as the attack judges a generated one (undefined: right). */
export function judgeCall(name: string, args: readonly unknown[]): string | undefined {
  const spec = SPECS.find((s) => s.name === name);
  if (!spec) throw new Error(`no function ${name}`);
  const fn = newAddon().globals[name] as Fn;
  const full = [
    ...args,
    ...new Array(Math.max(0, spec.params.length - args.length)).fill(undefined),
  ] as Arg[];
  return judge(spec, full, () => fn(...args));
}
