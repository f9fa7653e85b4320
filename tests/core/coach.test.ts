// The coach's rules on the method's own examples: each rule fires on the bad example it was written for (and
// on that alone: every other rule stays quiet), and stays quiet on the good examples it could be mistaken for.
// The base quarter is a well-written one: the coach has nothing to say about it.
import { describe, expect, it } from 'vitest';
import {
  COACH_RULES,
  type CoachFinding,
  type CoachInput,
  type CoachKeyResult,
  type CoachKpi,
  type CoachObjective,
  type CoachRuleId,
  coach,
  coachInputOf,
} from '../../src/core/coach';
import type { State } from '../../src/core/rpc';

// 2027-Q1 runs 1 January – 31 March (90 days); on 14 February half of it has gone.
const TODAY = '2027-02-14';
const QUARTER = { start: '2027-01-01', end: '2027-03-31' };

let krCount = 0;
const kr = (over: Partial<CoachKeyResult> = {}): CoachKeyResult => ({
  id: `K${++krCount}`,
  title: 'Reduce churn from 8% to 5%',
  owner: 'Ana',
  type: 'auto',
  baseline: 0.08,
  target: 0.05,
  current: 0.065,
  kpiId: '',
  confidence: 6,
  lastCheckIn: '2027-02-10',
  notes: '',
  unit: '%',
  ...over,
});
const objective = (over: Partial<CoachObjective> = {}): CoachObjective => ({
  id: 'O1',
  title: 'New accounts find their way without help',
  owner: 'Ana',
  team: '',
  alignsTo: '',
  notes: '',
  keyResults: [
    kr({
      id: 'O1.1',
      title: '90% of new accounts finish onboarding',
      baseline: 0.6,
      target: 0.9,
      current: 0.75,
    }),
    kr({ id: 'O1.2' }),
    kr({ id: 'O1.3', title: 'Raise NPS from 35 to 50', baseline: 35, target: 50, current: 43, unit: '' }),
  ],
  ...over,
});
const input = (over: Partial<CoachInput> = {}): CoachInput => ({
  today: TODAY,
  quarter: QUARTER,
  objectives: [objective()],
  kpis: [],
  ...over,
});
/** One objective holding the given key results (and the base's other fields). */
const withKeyResults = (...keyResults: CoachKeyResult[]) =>
  input({ objectives: [objective({ keyResults })] });
/** The base objective with its second key result replaced. */
const withKeyResult = (over: Partial<CoachKeyResult>) => {
  const base = objective().keyResults;
  return withKeyResults(base[0]!, kr({ id: 'O1.2', ...over }), base[2]!);
};
const fired = (findings: CoachFinding[]) =>
  findings.map(
    (f) => `${f.rule} ${f.target.kind}:${f.target.id}${f.target.field ? `.${f.target.field}` : ''}`,
  );
const rulesOf = (findings: CoachFinding[]) => findings.map((f) => f.rule);
const one = (findings: CoachFinding[], rule: CoachRuleId) => {
  const hits = findings.filter((f) => f.rule === rule);
  expect(hits).toHaveLength(1);
  return hits[0]!;
};

const positives = new Set<CoachRuleId>();
/** Expects exactly these findings, and notes the rules as proven to fire. */
const expectFindings = (findings: CoachFinding[], expected: string[]) => {
  expect(fired(findings)).toEqual(expected);
  for (const f of findings) positives.add(f.rule);
};

describe('a well-written quarter', () => {
  it('gets no findings: the method’s own good examples teach nothing wrong', () => {
    expect(coach(input())).toEqual([]);
    const second = objective({
      id: 'O2',
      title: 'Become the tool small teams recommend',
      keyResults: [
        kr({
          id: 'O2.1',
          title: 'Grow weekly active teams from 1,200 to 2,000',
          baseline: 1200,
          target: 2000,
          current: 1700,
          unit: '',
        }),
        kr({
          id: 'O2.2',
          title: 'Cut time to first value from 10 days to 2 days',
          baseline: 10,
          target: 2,
          current: 6,
          unit: 'days',
        }),
        kr({
          id: 'O2.3',
          title: 'Improve response time from 4h to 2h',
          baseline: 4,
          target: 2,
          current: 3,
          unit: 'h',
        }),
      ],
    });
    expect(coach(input({ objectives: [objective(), second] }))).toEqual([]);
  });
});

describe('well-written key results of the kind the OKR literature gives', () => {
  it.each<[string, number, number, string]>([
    ['Reduce churn from 8% to 5%', 0.08, 0.05, '%'],
    ['Raise NPS from 35 to 50', 35, 50, ''],
    ['90% of new accounts finish onboarding', 0.6, 0.9, '%'],
    ['Increase average weekly visits to 1.2 per user', 0.8, 1.2, ''],
    ['Increase new user signups by 10%', 1000, 1100, ''],
    ['Reduce time to first byte from 250ms to 100ms', 250, 100, 'ms'],
    ['Achieve a Net Promoter Score of 50', 35, 50, ''],
    ['Ship the redesigned checkout to 100% of users', 0, 1, '%'],
    ['Cut P1 incidents from 12 a month to 4', 12, 4, ''],
    ['Grow MRR from $165,000 to $200,000', 165_000, 200_000, '$'],
    ['Double the share of self-serve upgrades to 40%', 0.2, 0.4, '%'],
    ['Halve the time to resolve a ticket, from 36 h to 18 h', 36, 18, 'h'],
    ['Win 5 design partners who use it weekly', 0, 5, ''],
    ['Trial-to-paid conversion rises from 4% to 7%', 0.04, 0.07, '%'],
  ])('"%s" gets no finding', (title, baseline, target, unit) => {
    const current = baseline + (target - baseline) / 2;
    expect(fired(coach(withKeyResult({ title, baseline, target, current, unit })))).toEqual([]);
  });
});

describe('kr-count: 2 to 5 key results', () => {
  it('fires on an objective with none, one, or more than five', () => {
    const none = coach(withKeyResults());
    expectFindings(none, ['kr-count objective:O1.keyResults']);
    expect(none[0]!.message).toMatch(/^No key results yet: .*2 to 5/);
    const single = coach(withKeyResults(kr({ id: 'O1.1' })));
    expectFindings(single, ['kr-count objective:O1.keyResults']);
    expect(single[0]!.message).toMatch(/^Only one key result/);
    const six = coach(withKeyResults(...[1, 2, 3, 4, 5, 6].map((i) => kr({ id: `O1.${i}` }))));
    expectFindings(six, ['kr-count objective:O1.keyResults']);
    expect(six[0]!.message).toMatch(/^6 key results are more than 5/);
    expect(six[0]!.severity).toBe('warning');
  });

  it('stays quiet on two and on five', () => {
    expect(coach(withKeyResults(kr({ id: 'a' }), kr({ id: 'b' })))).toEqual([]);
    expect(coach(withKeyResults(...[1, 2, 3, 4, 5].map((i) => kr({ id: `O1.${i}` }))))).toEqual([]);
  });
});

describe('objective-count: too many objectives in a quarter', () => {
  const many = (n: number, over: Partial<CoachObjective>) =>
    Array.from({ length: n }, (_, i) => objective({ id: `O${i + 1}`, ...over }));

  it('fires on the fourth company objective', () => {
    const f = coach(input({ objectives: many(4, { level: 'company' }) }));
    expectFindings(f, ['objective-count objective:O4.title']);
    expect(f[0]!.message).toMatch(/^The company has 4 objectives this quarter: more than 3/);
    expect(coach(input({ objectives: many(3, { level: 'company' }) }))).toEqual([]);
  });

  it('fires on a team’s sixth objective, the level unknown or team, teams named alike as one', () => {
    const objectives = many(6, { team: 'Growth' });
    objectives[2] = { ...objectives[2]!, team: ' growth ' };
    const f = coach(input({ objectives }));
    expectFindings(f, ['objective-count objective:O6.team']);
    expect(f[0]!.message).toMatch(/^Team "Growth" has 6 objectives this quarter: more than 5/);
    expectFindings(coach(input({ objectives: many(6, { team: 'Growth', level: 'team' }) })), [
      'objective-count objective:O6.team',
    ]);
    expect(coach(input({ objectives: many(5, { team: 'Growth' }) }))).toEqual([]);
  });

  it('fires on one person’s sixth individual objective', () => {
    const f = coach(input({ objectives: many(6, { level: 'individual', owner: 'Ana' }) }));
    expectFindings(f, ['objective-count objective:O6.owner']);
    expect(f[0]!.message).toMatch(/^"Ana" has 6 objectives/);
  });

  it('counts nothing it cannot place: no level and no team, and company objectives apart from the team’s', () => {
    expect(coach(input({ objectives: many(8, {}) }))).toEqual([]);
    const objectives = [...many(3, { level: 'company', team: 'Growth' }), ...many(5, { team: 'Growth' })].map(
      (o, i) => ({ ...o, id: `O${i + 1}` }),
    );
    expect(coach(input({ objectives }))).toEqual([]);
  });
});

describe('objective-metric: an objective that is a number', () => {
  it.each([
    'Increase revenue by 10%',
    'Revenue $2M',
    'Grow MRR',
    'Reduce churn',
    'Reach 10,000 paying customers',
    'Churn from 8% to 5%',
  ])('fires on "%s"', (title) => {
    const f = coach(input({ objectives: [objective({ title })] }));
    expectFindings(f, ['objective-metric objective:O1.title']);
    expect(f[0]!.message).toMatch(
      /KPI with extra steps: describe the state you want.*put the number in a key result/,
    );
  });

  it.each([
    'Delight our customers',
    'Make onboarding effortless',
    'Be a top 3 player in DACH',
    'Win the 2027 season with our best release yet',
    'Open in 3 new markets',
    'Grow our presence in Germany',
    'Become the go-to tool for small teams in Q3',
  ])('stays quiet on "%s"', (title) => {
    expect(rulesOf(coach(input({ objectives: [objective({ title })] })))).not.toContain('objective-metric');
  });
});

describe('objective-owner', () => {
  it('fires on an objective without an owner, not on one with one', () => {
    expectFindings(coach(input({ objectives: [objective({ owner: '  ' })] })), [
      'objective-owner objective:O1.owner',
    ]);
    expect(coach(input({ objectives: [objective({ owner: 'Ana' })] }))).toEqual([]);
  });
});

describe('targets-too-low: most key results at 100% as the quarter ends', () => {
  const late = (today: string, currents: number[]) => {
    const base = objective().keyResults;
    return input({
      today,
      objectives: [
        objective({
          keyResults: base.map((k, i) => ({ ...k, current: currents[i]!, lastCheckIn: today })),
        }),
      ],
    });
  };

  it('fires when more than half are finished in the last two weeks', () => {
    // O1.1 0.6 → 0.9, O1.2 8% → 5%, O1.3 35 → 50
    const f = coach(late('2027-03-25', [0.9, 0.05, 43]));
    expectFindings(f, ['targets-too-low objective:O1.score']);
    expect(f[0]!.message).toMatch(
      /^2 of 3 key results are at 100% .*targets may have been too low.*70% is success/,
    );
    expectFindings(coach(late('2027-04-03', [0.95, 0.04, 50])), ['targets-too-low objective:O1.score']);
  });

  it('stays quiet mid-quarter, on half or fewer finished, and on ambitious scores near 0.7', () => {
    expect(rulesOf(coach(late('2027-02-14', [0.9, 0.05, 50])))).not.toContain('targets-too-low');
    expect(coach(late('2027-03-25', [0.9, 0.06, 43]))).toEqual([]);
    expect(coach(late('2027-03-25', [0.81, 0.059, 45.5]))).toEqual([]);
  });
});

describe('kr-task: an output, not an outcome', () => {
  it.each([
    'Launch a new onboarding flow',
    'Ship v2 of the mobile app',
    'Set up SSO for enterprise customers',
    'Hire a Head of Sales',
    'Migrate billing to Stripe',
    'Roll out the new pricing page',
    'New onboarding flow launched',
  ])('fires on "%s" (and asks for no numbers it cannot have)', (title) => {
    const f = coach(withKeyResult({ title, type: 'yes/no', baseline: '', target: '', current: '' }));
    expectFindings(f, ['kr-task keyResult:O1.2.title']);
    expect(f[0]!.message).toBe(
      'This is an output, not an outcome: what will be different when it is done, and how will you measure that?',
    );
    expectFindings(coach(withKeyResult({ title, baseline: '', target: '' })), [
      'kr-task keyResult:O1.2.title',
    ]);
  });

  it.each([
    '90% of new accounts finish onboarding',
    'Launch in 3 new markets with 100 paying customers each',
    'Ship to 500 beta users',
    'Hire three engineers',
    'Reduce churn from 8% to 5%',
    'Onboarding takes under 10 minutes for 80% of accounts',
  ])('stays quiet on "%s"', (title) => {
    expect(rulesOf(coach(withKeyResult({ title })))).not.toContain('kr-task');
  });
});

describe('kr-maintain: a KPI to watch, not a key result', () => {
  it('fires when baseline = target, offering to tag it as a KPI', () => {
    const f = coach(
      withKeyResult({ title: 'Uptime 99.9%', baseline: 0.999, target: 0.999, current: 0.9992 }),
    );
    expectFindings(f, ['kr-maintain keyResult:O1.2.target']);
    expect(f[0]).toMatchObject({
      severity: 'warning',
      message:
        'This is a KPI to watch, not a key result: tag it as a KPI and keep key results for what must change.',
      action: { kind: 'tag-as-kpi' },
    });
  });

  it('fires when a floor or ceiling is already met at the start', () => {
    expectFindings(
      coach(
        withKeyResult({
          title: 'At least 90% of tickets answered within 4 hours',
          type: 'at least',
          baseline: 0.93,
          target: 0.9,
          current: 0.94,
        }),
      ),
      ['kr-maintain keyResult:O1.2.target'],
    );
    expectFindings(
      coach(withKeyResult({ title: 'Churn at most 2%', type: 'at most', baseline: 0.018, target: 0.02 })),
      ['kr-maintain keyResult:O1.2.target'],
    );
  });

  it.each([
    'Keep uptime at or above 99.9%',
    'Maintain NPS at 50',
    'Uptime stays above 99.9%',
    'Churn below 2%',
    'Churn lower than 2%',
    'Uptime at least 99.9%',
  ])('fires on "%s" when the cells show no change', (title) => {
    expectFindings(coach(withKeyResult({ title, baseline: '', target: '', current: '' })), [
      'kr-maintain keyResult:O1.2.title',
    ]);
    expectFindings(coach(withKeyResult({ title, baseline: 0.999, target: 0.999 })), [
      'kr-maintain keyResult:O1.2.target',
    ]);
  });

  it('names the KPI a key result already follows instead of offering to tag one', () => {
    const f = one(
      coach(
        input({
          objectives: [
            objective({
              keyResults: [
                ...objective().keyResults.slice(0, 2),
                kr({ id: 'O1.3', title: 'Keep churn at 2%', kpiId: 'churn', baseline: 0.02, target: 0.02 }),
              ],
            }),
          ],
          kpis: [{ id: 'churn', name: 'Churn rate', owner: 'Ana', status: 'green' }],
        }),
      ),
      'kr-maintain',
    );
    expect(f.message).toMatch(/follows "Churn rate" already/);
    expect(f.action).toBeUndefined();
  });

  it.each<[string, Partial<CoachKeyResult>]>([
    ['Reduce churn from 8% to 5%', {}],
    [
      'Keep customers longer: raise 90-day retention from 40% to 55%',
      { baseline: 0.4, target: 0.55, current: 0.45 },
    ],
    ['At least 50 new customers sign up', { type: 'at least', baseline: 20, target: 50, current: 30 }],
    ['Keep uptime above 99.9%', { baseline: 0.995, target: 0.999, current: 0.997 }],
    ['Get at least 50 enterprise customers', { baseline: 20, target: 50, current: 35 }],
  ])('stays quiet on "%s" where the number must change', (title, over) => {
    expect(rulesOf(coach(withKeyResult({ title, ...over })))).not.toContain('kr-maintain');
  });
});

describe('kr-bare-metric: a metric with no baseline or direction', () => {
  it.each(['Churn rate 5%', 'NPS 50', 'Monthly active users 10,000', 'Revenue $2M'])(
    'fires on "%s"',
    (title) => {
      const f = coach(withKeyResult({ title, baseline: '' }));
      expectFindings(f, ['kr-bare-metric keyResult:O1.2.title']);
      expect(f[0]!.severity).toBe('info');
      expect(f[0]!.message).toMatch(/write it as a change, such as "Reduce churn from 8% to 5%"/);
    },
  );

  it.each<[string, Partial<CoachKeyResult>]>([
    ['Churn rate 5%', { baseline: 0.08 }],
    ['Reduce churn rate to 5%', { baseline: '' }],
    ['Churn rate from 8% to 5%', { baseline: '' }],
    ['90% of new accounts finish onboarding', { baseline: '' }],
    ['50 new enterprise customers', { baseline: '' }],
  ])('stays quiet on "%s" (%o)', (title, over) => {
    expect(rulesOf(coach(withKeyResult({ title, ...over })))).not.toContain('kr-bare-metric');
  });
});

describe('kr-direction: the words and the numbers move opposite ways', () => {
  it('fires on "reduce churn from 5% to 8%", at the target when the cells say so', () => {
    const f = coach(
      withKeyResult({ title: 'Reduce churn from 5% to 8%', baseline: 0.05, target: 0.08, current: 0.06 }),
    );
    expectFindings(f, ['kr-direction keyResult:O1.2.target']);
    expect(f[0]!.message).toBe(
      'The title says "reduce", but the target (8%) is above the baseline (5%): make the words and the numbers move the same way.',
    );
  });

  it("writes the numbers as the spreadsheet's locale writes them", () => {
    const input = withKeyResult({
      title: 'Reduce churn from 5% to 8%',
      baseline: 0.055,
      target: 0.08,
      current: 0.06,
    });
    expect(coach({ ...input, locale: 'de_DE' })[0]!.message).toContain(
      'the target (8\u00a0%) is above the baseline (5,5\u00a0%)',
    );
  });

  it('fires on the type, and on the title’s own numbers when the cells are blank', () => {
    expectFindings(
      coach(
        withKeyResult({
          title: 'Raise NPS',
          type: 'decrease',
          baseline: 50,
          target: 35,
          current: 45,
          unit: '',
        }),
      ),
      ['kr-direction keyResult:O1.2.target'],
    );
    expectFindings(
      coach(
        withKeyResult({ title: 'Raise NPS to 50', type: 'decrease', baseline: '', target: 50, current: '' }),
      ),
      ['kr-direction keyResult:O1.2.type', 'kr-baseline keyResult:O1.2.baseline'],
    );
    const f = coach(
      withKeyResult({ title: 'Grow revenue from $2M to $1.5M', baseline: '', target: '', current: '' }),
    );
    expect(fired(f)[0]).toBe('kr-direction keyResult:O1.2.title');
  });

  it.each<[string, Partial<CoachKeyResult>]>([
    ['Reduce churn from 8% to 5%', {}],
    ['Raise NPS from 35 to 50', { baseline: 35, target: 50, current: 40 }],
    ['Cut time to first value from 10 days to 2 days', { baseline: 10, target: 2, current: 6 }],
    ['Improve response time from 4h to 2h', { baseline: 4, target: 2, current: 3 }],
    ['Keep costs lower than $10k', { type: 'at most', baseline: 12_000, target: 10_000, current: 11_000 }],
    ['Grow revenue while cutting costs', { baseline: 1, target: 2, current: 1.5 }],
  ])('stays quiet on "%s"', (title, over) => {
    expect(rulesOf(coach(withKeyResult({ title, ...over })))).not.toContain('kr-direction');
  });
});

describe('kr-target, kr-baseline, kr-owner: what a key result needs to be scored and driven', () => {
  it('asks for a target, a baseline and an owner, each at its own cell', () => {
    expectFindings(coach(withKeyResult({ target: '' })), ['kr-target keyResult:O1.2.target']);
    expectFindings(coach(withKeyResult({ baseline: '' })), ['kr-baseline keyResult:O1.2.baseline']);
    expectFindings(coach(withKeyResult({ owner: '' })), ['kr-owner keyResult:O1.2.owner']);
    expect(
      one(coach(withKeyResult({ type: 'milestone', baseline: '', target: '', current: 2 })), 'kr-target')
        .message,
    ).toMatch(/write down the number of milestones\.$/);
  });

  it('asks no baseline of the types that need none, and no target of yes/no', () => {
    expect(coach(withKeyResult({ type: 'at least', baseline: '', target: 0.9, current: 0.8 }))).toEqual([]);
    expect(coach(withKeyResult({ type: 'milestone', baseline: '', target: 4, current: 2 }))).toEqual([]);
    expect(
      coach(
        withKeyResult({
          title: '90% of accounts finish onboarding in a week',
          type: 'yes/no',
          baseline: '',
          target: '',
          current: 'no',
        }),
      ),
    ).toEqual([]);
  });
});

describe('kr-confidence: confidence out of line with pace', () => {
  it('fires on confidence 9 far behind, and on 2 ahead', () => {
    const behind = coach(withKeyResult({ current: 0.08, confidence: 9 }));
    expectFindings(behind, ['kr-confidence keyResult:O1.2.confidence']);
    expect(behind[0]!.message).toMatch(
      /^Confidence 9 while far behind pace \(0% done with 50% of the quarter gone\)/,
    );
    const ahead = coach(withKeyResult({ current: 0.053, confidence: 2 }));
    expectFindings(ahead, ['kr-confidence keyResult:O1.2.confidence']);
    expect(ahead[0]!.message).toMatch(/^Confidence 2 while ahead of pace \(90% done/);
  });

  it('stays quiet when confidence matches pace, and on a slow first fortnight', () => {
    expect(coach(withKeyResult({ current: 0.065, confidence: 9 }))).toEqual([]);
    expect(coach(withKeyResult({ current: 0.08, confidence: 2 }))).toEqual([]);
    expect(coach(withKeyResult({ current: 0.08, confidence: 5 }))).toEqual([]);
    expect(
      coach(
        input({
          today: '2027-01-12',
          objectives: [
            objective({
              keyResults: objective().keyResults.map((k) => ({
                ...k,
                current: k.baseline,
                confidence: 9,
                lastCheckIn: '2027-01-10',
              })),
            }),
          ],
        }),
      ),
    ).toEqual([]);
  });
});

describe('kr-stale: no check-in for more than two weeks', () => {
  it('fires after 15 days, and when none came in the quarter’s first two weeks', () => {
    const f = coach(withKeyResult({ lastCheckIn: '2027-01-30' }));
    expectFindings(f, ['kr-stale keyResult:O1.2.lastCheckIn']);
    expect(f[0]!.message).toMatch(/^No check-in for 15 days: a weekly check-in/);
    const never = coach(withKeyResult({ lastCheckIn: '' }));
    expectFindings(never, ['kr-stale keyResult:O1.2.lastCheckIn']);
    expect(never[0]!.message).toMatch(/^No check-in yet, 44 days into the quarter/);
  });

  it('reads the Check-ins log as well as the Last check-in cell', () => {
    expect(
      coach({
        ...withKeyResult({ lastCheckIn: '2027-01-20' }),
        checkIns: { 'O1.2': ['2027-01-05', '2027-02-09'] },
      }),
    ).toEqual([]);
    expect(
      rulesOf(coach({ ...withKeyResult({ lastCheckIn: '' }), checkIns: { 'O1.2': ['2027-01-20'] } })),
    ).toEqual(['kr-stale']);
  });

  it('stays quiet at 14 days, on a finished key result, and once the quarter is over', () => {
    expect(coach(withKeyResult({ lastCheckIn: '2027-01-31' }))).toEqual([]);
    expect(coach(withKeyResult({ lastCheckIn: '2027-01-02', current: 0.05, confidence: 9 }))).toEqual([]);
    expect(
      coach({ ...withKeyResult({ lastCheckIn: '2027-01-02' }), today: '2027-04-20' }).map((f) => f.rule),
    ).not.toContain('kr-stale');
  });
});

describe('KPIs', () => {
  const kpi = (over: Partial<CoachKpi> = {}): CoachKpi => ({
    id: 'churn',
    name: 'Churn',
    owner: 'Ana',
    status: 'green',
    ...over,
  });

  it('kpi-count: fires on an owner’s sixth KPI', () => {
    const six = [1, 2, 3, 4, 5, 6].map((i) =>
      kpi({ id: `k${i}`, name: 'Churn', owner: i === 3 ? 'pat ' : 'Pat' }),
    );
    const f = coach(input({ kpis: six }));
    expectFindings(f, ['kpi-count kpi:k6.owner']);
    expect(f[0]!.message).toMatch(/^"Pat" owns 6 KPIs: 3 to 5 is the healthy range/);
    expect(coach(input({ kpis: six.slice(0, 5) }))).toEqual([]);
    expect(coach(input({ kpis: six.map((k) => ({ ...k, owner: '' })) }))).toEqual([]);
  });

  it('kpi-red-orphan and kpi-red-no-okr: a red KPI nobody works on calls for an OKR', () => {
    const orphan = coach(
      input({ kpis: [kpi({ id: 'nps_dach', name: 'NPS DACH', owner: '', status: 'red' })] }),
    );
    expectFindings(orphan, ['kpi-red-orphan kpi:nps_dach.owner']);
    expect(orphan[0]).toMatchObject({ severity: 'warning', action: { kind: 'create-objective-for-kpi' } });
    const owned = coach(input({ kpis: [kpi({ id: 'nps_dach', name: 'NPS DACH', status: 'red' })] }));
    expectFindings(owned, ['kpi-red-no-okr kpi:nps_dach.status']);
    expect(owned[0]!.message).toBe(
      'This KPI is red and no objective works on it: when a KPI turns red, an OKR is the intervention.',
    );
  });

  it('a red KPI followed by a key result, or named by an objective, is being worked on', () => {
    const red = kpi({ id: 'mrr', name: 'MRR', owner: '', status: 'red' });
    const followedByLink = withKeyResult({
      title: 'Grow subscriptions from 400 to 600',
      kpiId: 'mrr',
      baseline: 400,
      target: 600,
      current: 450,
      unit: '',
    });
    expect(coach({ ...followedByLink, kpis: [red] })).toEqual([]);
    expect(coach(input({ objectives: [objective({ alignsTo: 'MRR' })], kpis: [red] }))).toEqual([]);
  });

  it('kpi-unreferenced: fires on a KPI nothing names, not on one a title, a link or the strategy names', () => {
    const tickets = kpi({ id: 'support_tickets', name: 'Support tickets' });
    expectFindings(coach(input({ kpis: [tickets] })), ['kpi-unreferenced kpi:support_tickets.name']);
    expect(coach(input({ kpis: [kpi({ name: 'Churn' })] }))).toEqual([]); // "Reduce churn from 8% to 5%"
    expect(
      coach(
        input({
          kpis: [tickets],
          strategy: ['Support that answers before customers ask: fewer support tickets'],
        }),
      ),
    ).toEqual([]);
    expect(coach(input({ kpis: [kpi({ id: 'nps', name: '' })] }))).toEqual([]); // "Raise NPS from 35 to 50"
    expect(coach(input({ objectives: [], kpis: [tickets] }))).toEqual([]);
  });
});

describe('findings as a whole', () => {
  const messy = () =>
    input({
      objectives: [
        objective({
          id: 'O1',
          title: 'Increase revenue by 10%',
          owner: '',
          keyResults: [
            kr({ id: 'O1.1', title: 'Launch a new onboarding flow', owner: '', baseline: '', target: '' }),
          ],
        }),
        objective({
          id: 'O2',
          keyResults: [
            kr({ id: 'O2.1', lastCheckIn: '' }),
            kr({ id: 'O2.2', title: 'Reduce churn from 5% to 8%', baseline: 0.05, target: 0.08 }),
          ],
        }),
      ],
      kpis: [
        { id: 'tickets', name: 'Tickets', owner: '', status: 'red' },
        { id: 'uptime', name: 'Uptime', owner: 'Lee', status: 'green' },
      ],
    });

  it('come in objective order, each objective before its key results, rule order within one, KPIs last', () => {
    expect(fired(coach(messy()))).toEqual([
      'kr-count objective:O1.keyResults',
      'objective-metric objective:O1.title',
      'objective-owner objective:O1.owner',
      'kr-task keyResult:O1.1.title',
      'kr-owner keyResult:O1.1.owner',
      'kr-stale keyResult:O2.1.lastCheckIn',
      'kr-direction keyResult:O2.2.target',
      'kpi-red-orphan kpi:tickets.owner',
      'kpi-unreferenced kpi:uptime.name',
    ]);
  });

  it('are the same for the same input, and survive google.script.run (JSON) unchanged', () => {
    const a = coach(messy());
    expect(coach(structuredClone(messy()))).toEqual(a);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('carry the severity their rule declares', () => {
    for (const f of coach(messy()))
      expect(f.severity).toBe(COACH_RULES.find((r) => r.id === f.rule)!.severity);
  });
});

describe('coachInputOf: the input from the sidebar’s state', () => {
  it('takes today, the quarter’s days, the bands and the views, with levels and check-ins from the server', () => {
    const state: State = {
      today: TODAY,
      locale: 'en_US',
      settings: {
        fiscalStartMonth: 1,
        currentQuarter: '2027-Q1',
        scoring: { cap: 1, yellowFrom: 0.4, greenFrom: 0.7 },
      },
      quarter: {
        label: '2027-Q1',
        ...QUARTER,
        elapsed: 0.5,
        objectivesSheet: '2027-Q1 Objectives',
        keyResultsSheet: '2027-Q1 Key Results',
      },
      suggestedQuarter: '2027-Q1',
      objectives: [1, 2, 3, 4].map((i) => ({
        ...objective({ id: `O${i}` }),
        keyResults: objective().keyResults.map((k) => ({
          ...k,
          objectiveId: `O${i}`,
          weight: '' as const,
          score: '' as const,
          status: '' as const,
        })),
        score: '' as const,
        status: '' as const,
      })),
      kpis: [],
    };
    expect(coach(coachInputOf(state))).toEqual([]);
    const levels = {
      O1: 'company',
      O2: 'company',
      O3: 'company',
      O4: 'company',
      constructor: 'team',
    } as const;
    expect(fired(coach(coachInputOf(state, { levels })))).toEqual(['objective-count objective:O4.title']);
    const checkIns = { 'O1.2': ['2027-02-12'] };
    expect(coachInputOf(state, { checkIns }).checkIns).toBe(checkIns);
  });
});

describe('every rule', () => {
  it('is proven to fire by an example above (this runs last)', () => {
    expect(COACH_RULES.map((r) => r.id).filter((id) => !positives.has(id))).toEqual([]);
  });
});
