// Every RPC the sidebar may call, fed hostile arguments through google.script.run as the emulator carries them:
// wrong types, missing and extra fields, 100 KB strings, unicode (RTL, emoji, combining marks, NUL), sheet names
// with quotes, `!` or a leading `=`, Object.prototype's names, numbers that overflow; and formula text on every
// text field. A refused call must change nothing (the workbook compared before and after) and name the field;
// an accepted one must leave no formula it was not meant to write, no `#NUM!`, no `[object Object]`.
import fc from 'fast-check';
import { type Addon, call, newAddon } from '../helpers/addon';
import { seedOkrs } from '../helpers/okrs';
import { PROTOTYPE_KEYS } from './cells';
import { type Attack, show, Tally } from './harness';

type Args = unknown[];

interface RpcSpec {
  name: string;
  /** arguments the call accepts */
  base: () => Args;
  /** the fields of its first argument (`objective/title` for nested ones), each a text field or not */
  fields: ReadonlyArray<{ path: string; text?: boolean }>;
  /** positional arguments after the first, by name */
  positional?: readonly string[];
}

const KR = 'O1.2';

export const RPCS: readonly RpcSpec[] = [
  { name: 'setUpQuarter', base: () => [{ quarter: '2027-Q1' }], fields: [{ path: 'quarter' }] },
  {
    name: 'saveObjective',
    base: () => [{ title: 'Grow revenue', owner: 'Ana', team: 'Sales', alignsTo: 'O1', notes: 'n' }],
    fields: [
      { path: 'id' },
      { path: 'title', text: true },
      { path: 'owner', text: true },
      { path: 'team', text: true },
      { path: 'alignsTo' },
      { path: 'notes', text: true },
    ],
  },
  {
    name: 'saveKeyResult',
    base: () => [
      {
        objectiveId: 'O1',
        title: 'Win 10 deals',
        type: 'increase',
        baseline: 0,
        target: 10,
        current: 2,
        weight: 1,
      },
    ],
    fields: [
      { path: 'id' },
      { path: 'objectiveId' },
      { path: 'title', text: true },
      { path: 'type' },
      { path: 'baseline' },
      { path: 'target' },
      { path: 'current' },
      { path: 'kpiId' },
      { path: 'owner', text: true },
      { path: 'weight' },
      { path: 'notes', text: true },
    ],
  },
  {
    name: 'createObjectiveForKpi',
    base: () => [
      {
        objective: { title: 'Bring churn down', owner: 'Bo' },
        keyResult: { title: 'Churn to 4%', kpiId: 'churn_rate', baseline: '8%', target: '4%' },
      },
    ],
    fields: [
      { path: 'objective' },
      { path: 'objective/title', text: true },
      { path: 'objective/owner', text: true },
      { path: 'objective/notes', text: true },
      { path: 'keyResult' },
      { path: 'keyResult/title', text: true },
      { path: 'keyResult/kpiId' },
      { path: 'keyResult/baseline' },
      { path: 'keyResult/target' },
      { path: 'keyResult/owner', text: true },
    ],
  },
  {
    name: 'deleteObjective',
    base: () => ['O1', { cascade: true }],
    fields: [],
    positional: ['id', 'cascade'],
  },
  { name: 'deleteKeyResult', base: () => [KR], fields: [], positional: ['id'] },
  {
    name: 'checkIn',
    base: () => [{ krId: KR, value: 40, confidence: 7, note: 'steady' }],
    fields: [{ path: 'krId' }, { path: 'value' }, { path: 'confidence' }, { path: 'note', text: true }],
  },
  {
    name: 'previewNewQuarter',
    base: () => [{ quarter: '2027-Q2', carry: 'unfinished', targets: { [KR]: 60 } }],
    fields: [{ path: 'quarter' }, { path: 'carry' }, { path: 'targets' }, { path: `targets/${KR}` }],
  },
  {
    name: 'startNewQuarter',
    base: () => [{ quarter: '2027-Q2', closes: '2027-Q1', carry: 'unfinished', targets: { [KR]: 60 } }],
    fields: [
      { path: 'quarter' },
      { path: 'closes' },
      { path: 'carry' },
      { path: 'targets' },
      { path: `targets/${KR}` },
    ],
  },
  {
    name: 'updateSettings',
    base: () => [{ fiscalStartMonth: 1, scoring: { cap: 1.5, yellowFrom: 0.3, greenFrom: 0.7 } }],
    fields: [
      { path: 'fiscalStartMonth' },
      { path: 'scoring' },
      { path: 'scoring/cap' },
      { path: 'scoring/yellowFrom' },
      { path: 'scoring/greenFrom' },
    ],
  },
  {
    name: 'tagKpi',
    base: () => [
      {
        sheetName: 'Metrics',
        valueColumn: 'MRR',
        name: 'MRR',
        betterWhen: 'higher',
        target: '$60,000',
        owner: 'Cy',
      },
    ],
    fields: [
      { path: 'sheetName' },
      { path: 'valueColumn' },
      { path: 'dateColumn' },
      { path: 'name', text: true },
      { path: 'unit' },
      { path: 'betterWhen' },
      { path: 'target' },
      { path: 'warnAt' },
      { path: 'owner', text: true },
      { path: 'cadence' },
    ],
  },
  { name: 'untagKpi', base: () => ['churn_rate'], fields: [], positional: ['kpiId'] },
];

/** Tab names a collaborator can give: quotes, `!`, a leading `=`, spaces. */
const TAB_NAMES = ["It's KPIs", '=Churn', 'Sheet1!A1'];

/** The workbook every input starts from: KPI tabs (some named to trip A1 notation), a quarter, a tagged KPI. */
function world(): { addon: Addon; state: string } {
  const addon = newAddon();
  const week = (i: number) => new Date(Date.UTC(2026, 10, 2) + i * 7 * 86_400_000);
  const weeks = Array.from({ length: 8 }, (_, i) => i);
  addon.replaceWorkbook([
    { name: 'Churn', rows: [['Week', 'Churn rate'], ...weeks.map((i) => [week(i), 0.08 - i * 0.001])] },
    {
      name: 'Metrics',
      rows: [['Week', 'MRR', 'NPS'], ...weeks.map((i) => [week(i), 40_000 + i * 500, 30 + i])],
    },
    ...TAB_NAMES.map((name) => ({
      name,
      rows: [['Week', 'Value'], ...weeks.slice(0, 3).map((i) => [week(i), i])],
    })),
  ]);
  seedOkrs(addon);
  call(addon, 'tagKpi', {
    sheetName: 'Churn',
    valueColumn: 'Churn rate',
    name: 'Churn rate',
    betterWhen: 'lower',
  });
  return { addon, state: JSON.stringify(addon.toState()) };
}

// ---- Hostile values ---------------------------------------------------------------------------------------------

/** Formula text a user (or a script calling the API) may type into any text field. */
export const FORMULAS = [
  '=1+1336',
  '+1336+1',
  '-1336+1',
  '@SUM(1336)',
  '=IMPORTRANGE("https://evil.example/d/1336","A1:Z")',
  '=HYPERLINK("https://evil.example/1336","click")',
  ' =1+1336',
  "=cmd|' /C calc'!A0",
];
/**
 * A formula holding one of those (the add-on's own formulas may name a KPI slug made from the same text, in
 * lower case and without operators: `KPI_importrange_https_evil_example`), or a cell showing what one computes.
 */
const MARKERS = [/IMPORTRANGE\(|HYPERLINK\(|1\s*\+\s*1336|1336\s*\+\s*1|SUM\(1336\)|cmd\|/];

const HOSTILE: readonly unknown[] = [
  ...FORMULAS,
  ...PROTOTYPE_KEYS,
  null,
  true,
  false,
  0,
  -1,
  1e308,
  -1e308,
  5e-324,
  Number.MAX_SAFE_INTEGER + 2,
  '1e300%',
  '-1e300%',
  '1e309',
  'NaN',
  'Infinity',
  '-Infinity',
  '',
  '   ',
  'x'.repeat(100_000),
  '\u202Eevil\u202C',
  '👩‍👩‍👧‍👦',
  'e\u0301\u0301\u0301',
  'a\u0000b',
  '\uD800',
  '<img src=x onerror=alert(1)>',
  "$& $' $`",
  [],
  ['O1'],
  {},
  { toString: 'x' },
  [[1]],
  ...TAB_NAMES,
  'a!b',
  "'quoted'",
];

const hostile = fc.constantFrom(...HOSTILE);

type Mutation =
  | { kind: 'field'; path: string; value: unknown }
  | { kind: 'drop'; path: string }
  | { kind: 'extra'; key: string; value: unknown }
  | { kind: 'positional'; index: number; value: unknown }
  | { kind: 'whole'; value: unknown };

function mutations(spec: RpcSpec): fc.Arbitrary<Mutation> {
  const options: Array<fc.Arbitrary<Mutation>> = [
    hostile.map((value) => ({ kind: 'whole', value })),
    fc
      .tuple(fc.constantFrom('bogus', ...PROTOTYPE_KEYS), hostile)
      .map(([key, value]) => ({ kind: 'extra', key, value })),
  ];
  if (spec.fields.length) {
    const path = fc.constantFrom(...spec.fields.map((f) => f.path));
    options.push(
      fc.tuple(path, hostile).map(([p, value]) => ({ kind: 'field', path: p, value })),
      fc.tuple(path, hostile).map(([p, value]) => ({ kind: 'field', path: p, value })),
      path.map((p) => ({ kind: 'drop', path: p })),
    );
  }
  if (spec.positional) {
    const n = spec.positional.length;
    options.push(
      fc
        .tuple(fc.integer({ min: 0, max: n - 1 }), hostile)
        .map(([index, value]) => ({ kind: 'positional', index, value })),
    );
  }
  return fc.oneof(...options);
}

/** The arguments after a mutation: a deep copy of the base with one change. */
function mutate(base: Args, m: Mutation): Args {
  const args = JSON.parse(JSON.stringify(base)) as Args;
  if (m.kind === 'whole') return [m.value, ...args.slice(1)];
  if (m.kind === 'positional') {
    if (m.index === 1 && args[1] && typeof args[1] === 'object')
      (args[1] as Record<string, unknown>).cascade = m.value;
    else args[m.index] = m.value;
    return args;
  }
  const root = args[0] as Record<string, unknown>;
  if (m.kind === 'extra' && (root === null || typeof root !== 'object')) return [...args, m.value];
  if (m.kind === 'extra') {
    // defineProperty, so a "__proto__" key is an own field as JSON.parse makes it, not a prototype change
    Object.defineProperty(root, m.key, {
      value: m.value,
      enumerable: true,
      configurable: true,
      writable: true,
    });
    return args;
  }
  const parts = m.path.split('/');
  let at = root;
  for (const p of parts.slice(0, -1)) {
    if (!at[p] || typeof at[p] !== 'object') at[p] = {};
    at = at[p] as Record<string, unknown>;
  }
  const last = parts[parts.length - 1]!;
  if (m.kind === 'drop') delete at[last];
  else at[last] = m.value;
  return args;
}

// ---- Verdicts ---------------------------------------------------------------------------------------------------

const INTERNAL =
  /is not a function|Cannot read|is not iterable|undefined|NaN|\[object|Maximum call stack|native code/;
const unquoted = (message: string) => message.replace(/"(?:[^"\\]|\\.)*"/g, '""');

interface Cellwise {
  sheet: string;
  a1: string;
  value: unknown;
  formula: string;
}

function cellsOf(addon: Addon): Cellwise[] {
  const out: Cellwise[] = [];
  for (const sheet of addon.spreadsheet.getSheets()) {
    const range = sheet.getDataRange();
    const values = range.getValues();
    const formulas = range.getFormulas();
    for (let r = 0; r < values.length; r++) {
      const row = values[r]!;
      for (let c = 0; c < row.length; c++) {
        const value = row[c];
        const formula = formulas[r]?.[c] ?? '';
        if (value === '' && formula === '') continue;
        out.push({ sheet: sheet.getName(), a1: `R${r + 1}C${c + 1}`, value, formula });
      }
    }
  }
  return out;
}

const SHEETS_ERRORS = /^#(NUM!|VALUE!|REF!|NAME\?|DIV\/0!|N\/A|NULL!|ERROR!)$/;

/** What an accepted call left wrong in the workbook, compared with the cells before it. */
function acceptedProblem(before: Cellwise[], addon: Addon): string | undefined {
  const was = new Map(before.map((c) => [`${c.sheet}!${c.a1}`, c]));
  for (const c of cellsOf(addon)) {
    const old = was.get(`${c.sheet}!${c.a1}`);
    const where = `${c.sheet}!${c.a1}`;
    if (c.formula && MARKERS.some((m) => m.test(c.formula)))
      return `${where} holds the formula ${show(c.formula)}`;
    if (typeof c.value === 'number' && (!Number.isFinite(c.value) || c.value === 1337 || c.value === -1335)) {
      return `${where} holds ${c.value}`;
    }
    if (typeof c.value === 'string') {
      if (/function \w*\(\) \{|\[object Object\]|native code/.test(c.value))
        return `${where} holds ${show(c.value)}`;
      if (c.formula && SHEETS_ERRORS.test(c.value) && !(old?.formula && old.value === c.value)) {
        return `${where} became ${c.value} (${show(c.formula, 80)})`;
      }
    }
  }
  return undefined;
}

/** What is wrong with a refusal's message: it must name the field, and never read as a crash. */
function refusalProblem(error: string, m: Mutation, spec: RpcSpec): string | undefined {
  if (INTERNAL.test(unquoted(error))) return `refused with an internal error ${show(error)}`;
  const names = [...spec.fields.map((f) => f.path.split('/').pop()!), ...(spec.positional ?? [])];
  // a call without an optional field is a valid call: its refusal may be about the workbook (a quarter that
  // exists already), not about the field
  if (m.kind === 'drop' && !/is required/.test(error)) return undefined;
  if (m.kind === 'field' || m.kind === 'drop') {
    // the field changed, or (a valid value that does not fit the others) the field it conflicts with
    if (!names.some((n) => error.includes(`${n}:`) || error.includes(`"${n}"`))) {
      return `refused without naming ${m.path}: ${show(error)}`;
    }
  }
  if (m.kind === 'positional' && !error.includes(spec.positional![m.index]!)) {
    return `refused without naming ${spec.positional![m.index]}: ${show(error)}`;
  }
  if (m.kind === 'extra' && !error.includes(m.key) && spec.fields.length) {
    return `refused without naming ${m.key}: ${show(error)}`;
  }
  return undefined;
}

/**
 * Runs calls from one starting workbook, reloading it only after a call changed something: the emulator counts
 * every call that changes the document (faults.changes), so a refusal that wrote nothing needs no reload.
 */
class Bench {
  readonly addon: Addon;
  private readonly state: string;
  private readonly cells: Cellwise[];
  private dirty = false;
  constructor() {
    const w = world();
    this.addon = w.addon;
    this.state = w.state;
    this.cells = cellsOf(this.addon);
  }

  /** One call: a refusal changes nothing and names the field; an acceptance writes only what is safe. */
  judge(spec: RpcSpec, args: Args, m: Mutation, accepted?: () => string | undefined): string | undefined {
    if (this.dirty) this.addon.loadState(JSON.parse(this.state));
    this.dirty = false;
    this.addon.faults.clear();
    const result = this.addon.rpc(spec.name, args);
    const changed = this.addon.faults.changes() > 0;
    if (!result.ok) {
      const error = 'error' in result ? result.error : 'failed';
      if (changed) {
        this.dirty = true;
        if (JSON.stringify(this.addon.toState()) !== this.state) {
          return `refused (${show(error, 160)}) but changed the workbook`;
        }
      }
      return refusalProblem(error, m, spec);
    }
    this.dirty = changed;
    return acceptedProblem(this.cells, this.addon) ?? accepted?.();
  }
}

const describeMutation = (spec: RpcSpec, m: Mutation) =>
  `${spec.name} ${m.kind}${'path' in m ? ` ${m.path}` : ''}${'key' in m ? ` ${m.key}` : ''}${'index' in m ? ` #${m.index}` : ''}${'value' in m ? ` = ${show(m.value, 60)}` : ''}`;

export const RPC_ATTACK: Attack = {
  name: 'RPC inputs',
  full: 1000,
  slice: 25,
  run(count, seed) {
    const tally = new Tally('RPC inputs');
    const bench = new Bench();
    const arb = fc.constantFrom(...RPCS).chain((spec) => mutations(spec).map((m) => [spec, m] as const));
    for (const [spec, m] of fc.sample(arb, { numRuns: count, seed })) {
      tally.try(describeMutation(spec, m), () => bench.judge(spec, mutate(spec.base(), m), m));
    }
    return tally.outcome();
  },
};

const TEXT_FIELDS = RPCS.flatMap((spec) =>
  spec.fields.filter((f) => f.text).flatMap((f) => FORMULAS.map((value) => [spec, f.path, value] as const)),
);

/** Every text field of every RPC × every formula: accepted, and stored as the text typed, never computed. */
export const FORMULA_ATTACK: Attack = {
  name: 'formula injection',
  full: TEXT_FIELDS.length,
  slice: 6,
  run(count, seed) {
    const tally = new Tally('formula injection');
    const bench = new Bench();
    const picked =
      count >= TEXT_FIELDS.length
        ? TEXT_FIELDS
        : fc.sample(fc.constantFrom(...TEXT_FIELDS), { numRuns: count, seed });
    for (const [spec, path, value] of picked) {
      const m: Mutation = { kind: 'field', path, value };
      const typed = value.trim();
      let accepted = false;
      const kept = () => {
        accepted = true;
        return cellsOf(bench.addon).some((c) => c.value === typed && c.formula === '')
          ? undefined
          : `no cell holds ${show(typed)} as text`;
      };
      tally.try(describeMutation(spec, m), () => {
        const problem = bench.judge(spec, mutate(spec.base(), m), m, kept);
        return problem ?? (accepted ? undefined : 'refused');
      });
    }
    return tally.outcome();
  },
};
