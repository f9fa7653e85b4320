// Properties of the coach over every state the readers can produce (blank titles, any unicode, missing or
// odd numbers, unreadable days, duplicate IDs): it never throws, every finding points at something in its
// input and at a column of the right sheet, findings come in order and cross google.script.run unchanged.
// And over the word lists: every task verb makes a task, every well-formed change is left alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COACH_RULES,
  type CoachFinding,
  type CoachInput,
  type CoachKeyResult,
  type CoachKpi,
  type CoachObjective,
  coach,
} from '../../src/core/coach';
import { COACH_WORDS } from '../../src/core/coach-words';
import { KEY_RESULTS, KPIS, OBJECTIVES } from '../../src/core/layout';
import { SCORE_TYPES } from '../../src/core/score';

const EN = COACH_WORDS.en;
const day = fc
  .date({ min: new Date('2026-10-01T00:00:00Z'), max: new Date('2027-06-30T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const junk = fc.constantFrom('', ' ', 'n/a', '2027-02-30', '14/02/2027', '#REF!', '\u0000', '2027-13-01');
const dayText = fc.oneof(day, junk);
const vocabulary = [
  ...EN.taskVerbs,
  ...EN.upWords,
  ...EN.downWords,
  ...EN.keepWords,
  ...EN.thresholds,
  ...EN.metrics,
  ...EN.fillers.slice(0, 12),
  ...EN.doneWords,
  'from',
  'to',
  '→',
  '8%',
  '5%',
  '$2M',
  '10,000',
  '1.5k',
  '2027',
  'v2',
  'Q3',
  'top',
  '3',
  'than',
];
const title = fc.oneof(
  fc.array(fc.constantFrom(...vocabulary), { maxLength: 9 }).map((w) => w.join(' ')),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    '',
    '   ',
    '=IMPORTRANGE("x")',
    '👩‍👩‍👧 grow 💸 from 1 to 2',
    'Reduzir churn de 8% para 5%',
  ),
);
const name = fc.oneof(
  fc.constantFrom('', 'Ana', 'ana ', 'Pat', 'Growth', 'Équipe Ω', '\n'),
  fc.string({ maxLength: 8 }),
);
const number = fc.oneof(
  fc.double({ min: -1e7, max: 1e7, noNaN: true }),
  fc.integer({ min: -5, max: 200 }),
  fc.constantFrom(0, 1, 0.05, 0.08, 35, 50, Number.NaN, Number.POSITIVE_INFINITY),
);
const cell = fc.oneof(number, fc.constant('' as const));
const id = fc.oneof(
  fc.constantFrom('O1', 'O1.1', 'O2.3', '', 'constructor', '__proto__', 'churn'),
  fc.string({ maxLength: 6 }),
);

const keyResult = (krId: fc.Arbitrary<string>): fc.Arbitrary<CoachKeyResult> =>
  fc.record({
    id: krId,
    title,
    owner: name,
    type: fc.constantFrom(...SCORE_TYPES),
    baseline: cell,
    target: cell,
    current: fc.oneof(cell, fc.constantFrom('yes', 'done', 'abc', '45%', '#N/A')),
    kpiId: fc.oneof(fc.constantFrom('', 'churn', 'mrr'), fc.string({ maxLength: 5 })),
    confidence: fc.oneof(cell, fc.integer({ min: 0, max: 10 })),
    lastCheckIn: dayText,
    notes: title,
    unit: fc.constantFrom('', '%', '$', 'h', 'CHF', 'tickets', 'currency'),
  });
const objective = (
  objectiveId: fc.Arbitrary<string>,
  krIds?: (i: number) => string,
): fc.Arbitrary<CoachObjective> =>
  fc
    .record({
      id: objectiveId,
      title,
      owner: name,
      team: name,
      alignsTo: fc.oneof(title, fc.constantFrom('', 'MRR', 'churn')),
      notes: title,
      level: fc.constantFrom(undefined, 'company', 'team', 'individual'),
      keyResults: fc.array(keyResult(id), { maxLength: 7 }),
    })
    .map(({ level, ...o }) => ({
      ...o,
      ...(level ? { level } : {}),
      keyResults: krIds ? o.keyResults.map((k, i) => ({ ...k, id: krIds(i) })) : o.keyResults,
    }));
const kpi: fc.Arbitrary<CoachKpi> = fc.record({
  id,
  name: fc.oneof(name, fc.constantFrom('Churn', 'MRR', 'Net revenue retention')),
  owner: name,
  status: fc.constantFrom('green', 'yellow', 'red', ''),
});
const quarter = fc.oneof(
  fc.constant(undefined),
  fc.constant({ start: '2027-01-01', end: '2027-03-31' }),
  fc.record({ start: dayText, end: dayText }),
);
const scoring = fc.oneof(
  fc.constant(undefined),
  fc.record({
    cap: fc.constantFrom(1, 1.5, 2),
    yellowFrom: fc.double({ min: 0, max: 1, noNaN: true }),
    greenFrom: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
);
const build = (
  objectives: fc.Arbitrary<CoachObjective[]>,
  kpis: fc.Arbitrary<CoachKpi[]>,
): fc.Arbitrary<CoachInput> =>
  fc
    .record({
      today: fc.oneof(day, day, junk),
      quarter,
      scoring,
      objectives,
      kpis,
      checkIns: fc.array(fc.tuple(id, fc.array(dayText, { maxLength: 4 })), { maxLength: 5 }),
      strategy: fc.array(title, { maxLength: 3 }),
    })
    .map(({ quarter: q, scoring: s, checkIns, ...rest }) => ({
      ...rest,
      ...(q ? { quarter: q } : {}),
      ...(s ? { scoring: s } : {}),
      checkIns: Object.fromEntries(checkIns),
    }));

const anyInput = build(fc.array(objective(id), { maxLength: 8 }), fc.array(kpi, { maxLength: 8 }));
/** Inputs with unique IDs, so each finding's place in the input is known. */
const uniqueInput = fc
  .tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }))
  .chain(([objectives, kpis]) =>
    build(
      fc.tuple(
        ...Array.from({ length: objectives }, (_, i) =>
          objective(fc.constant(`O${i + 1}`), (j) => `O${i + 1}.${j + 1}`),
        ),
      ),
      fc.tuple(...Array.from({ length: kpis }, (_, i) => kpi.map((k) => ({ ...k, id: `kpi_${i}` })))),
    ),
  );

const columns = {
  objective: OBJECTIVES.columns.map((c) => c.key as string),
  keyResult: KEY_RESULTS.columns.map((c) => c.key as string),
  kpi: KPIS.columns.map((c) => c.key as string),
};
const ruleIndex = (f: CoachFinding) => COACH_RULES.findIndex((r) => r.id === f.rule);

describe('coach over any state', () => {
  it('never throws, and every finding points at a column of something in the input', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const findings = coach(input);
        const ids = {
          objective: new Set(input.objectives.map((o) => o.id)),
          keyResult: new Set(input.objectives.flatMap((o) => o.keyResults.map((k) => k.id))),
          kpi: new Set((input.kpis ?? []).map((k) => k.id)),
        };
        for (const f of findings) {
          expect(ids[f.target.kind].has(f.target.id)).toBe(true);
          if (f.target.field !== undefined) expect(columns[f.target.kind]).toContain(f.target.field);
          const rule = COACH_RULES[ruleIndex(f)]!;
          expect(rule.severity).toBe(f.severity);
          expect(rule.on).toBe(f.target.kind);
          expect(f.message).toMatch(/^\S[^\n\r]*[.?]$/);
          expect(f.message).not.toMatch(/undefined|NaN|\[object/);
        }
      }),
      { numRuns: 500, seed: 14 },
    );
  });

  it('gives findings in input order (an objective, then its key results; KPIs last), then rule order', () => {
    fc.assert(
      fc.property(uniqueInput, (input) => {
        const place = new Map<string, number>();
        let n = 0;
        for (const o of input.objectives) {
          place.set(`objective ${o.id}`, n++);
          for (const k of o.keyResults) place.set(`keyResult ${k.id}`, n++);
        }
        for (const k of input.kpis ?? []) place.set(`kpi ${k.id}`, n++);
        const order = coach(input).map((f) => [place.get(`${f.target.kind} ${f.target.id}`)!, ruleIndex(f)]);
        const sorted = [...order].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
        expect(order).toEqual(sorted);
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic, and its findings survive JSON (what google.script.run carries)', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const findings = coach(input);
        expect(coach(structuredClone(input))).toEqual(findings);
        expect(JSON.parse(JSON.stringify(findings))).toEqual(findings);
      }),
      { numRuns: 300 },
    );
  });
});

// ---- The word lists, each word through the rules ---------------------------------------------------------

const base = (keyResults: CoachKeyResult[]): CoachInput => ({
  today: '2027-02-14',
  quarter: { start: '2027-01-01', end: '2027-03-31' },
  objectives: [
    {
      id: 'O1',
      title: 'Customers succeed without calling us',
      owner: 'Ana',
      team: '',
      alignsTo: '',
      notes: '',
      keyResults,
    },
  ],
});
const keyResultOf = (over: Partial<CoachKeyResult>): CoachKeyResult => ({
  id: 'O1.1',
  title: '',
  owner: 'Ana',
  type: 'auto',
  baseline: '',
  target: '',
  current: '',
  kpiId: '',
  confidence: '',
  lastCheckIn: '2027-02-10',
  notes: '',
  unit: '',
  ...over,
});
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const rulesFor = (kr: Partial<CoachKeyResult>) =>
  coach(
    base([
      keyResultOf(kr),
      keyResultOf({ id: 'O1.2', title: 'Raise NPS from 35 to 50', baseline: 35, target: 50, current: 40 }),
    ]),
  ).map((f) => f.rule);
const metric = fc.constantFrom(
  'churn',
  'NPS',
  'MRR',
  'response time',
  'weekly active teams',
  'cost per lead',
  'p95 latency',
);
const thing = fc.constantFrom(
  'the onboarding flow',
  'SSO for enterprise customers',
  'a Head of Sales',
  'the pricing page',
  'v2 of the app',
);

describe('the word lists through the rules', () => {
  it('every task verb opening a title without a number makes it a task', () => {
    fc.assert(
      fc.property(fc.constantFrom(...EN.taskVerbs), thing, (verb, what) => {
        expect(rulesFor({ title: `${capital(verb)} ${what}`, type: 'yes/no' })).toContain('kr-task');
      }),
      { numRuns: 400 },
    );
  });

  it('a well-formed change, "<verb> <metric> from A to B" with the numbers the same way, is left alone', () => {
    const change = fc.oneof(
      fc.tuple(fc.constantFrom(...EN.downWords.filter((w) => !/ing$|ed$|s$/.test(w))), fc.constant(-1)),
      fc.tuple(fc.constantFrom(...EN.upWords.filter((w) => !/ing$|ed$|s$/.test(w))), fc.constant(1)),
      fc.tuple(fc.constantFrom('improve', 'move', 'get', 'reach'), fc.constantFrom(-1, 1)),
    );
    fc.assert(
      fc.property(
        change,
        metric,
        fc.integer({ min: 1, max: 900 }),
        fc.integer({ min: 1, max: 500 }),
        ([verb, way], m, a, step) => {
          const b = a + way * step;
          fc.pre(b > 0);
          const found = rulesFor({
            title: `${capital(verb)} ${m} from ${a} to ${b}`,
            baseline: a,
            target: b,
            current: a,
          });
          expect(found).toEqual([]);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('"<up or down word> <metric> from A to B" with the numbers the other way is a contradiction', () => {
    const word = fc.oneof(
      fc.tuple(fc.constantFrom(...EN.downWords), fc.constant(1)),
      fc.tuple(fc.constantFrom(...EN.upWords), fc.constant(-1)),
    );
    fc.assert(
      fc.property(word, metric, fc.integer({ min: 10, max: 900 }), ([verb, wrongWay], m, a) => {
        const b = a + wrongWay * 5;
        const found = rulesFor({
          title: `${capital(verb)} ${m} from ${a} to ${b}`,
          baseline: a,
          target: b,
          current: a,
        });
        expect(found).toContain('kr-direction');
      }),
      { numRuns: 300 },
    );
  });

  it('an outcome stated as a share, "N% of <who> <do what>", is never a task, a KPI or a bare metric', () => {
    const who = fc.constantFrom(
      'new accounts',
      'trial users',
      'support tickets',
      'enterprise customers',
      'invoices',
    );
    const what = fc.constantFrom(
      'finish onboarding',
      'are answered within a day',
      'renew',
      'invite a teammate',
      'are paid on time',
    );
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 99 }), who, what, (n, w, d) => {
        fc.pre(n !== 30); // baseline 30% = target: a KPI to keep, rightly told so
        const found = rulesFor({ title: `${n}% of ${w} ${d}`, baseline: 0.3, target: n / 100, current: 0.3 });
        expect(
          found.filter((r) => ['kr-task', 'kr-maintain', 'kr-bare-metric', 'kr-direction'].includes(r)),
        ).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
