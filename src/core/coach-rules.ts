// The coach's rules for objectives and key results (core/coach.ts runs them; the KPIs' are core/coach-kpis.ts):
// one check per rule, each giving the column it points at and one plain sentence that teaches the method, or
// nothing. The limits the method sets (2–5 key results, 3 company objectives, 5 a team, 0.7 is success, a
// weekly check-in) are named here once.
import type { CoachAction, CoachKeyResult, CoachKpi, CoachLevel, CoachObjective, CoachRuleId } from './coach';
import type { TitleReading } from './coach-text';
import type { CoachLanguage } from './coach-words';
import type { KEY_RESULTS, KeyOf, OBJECTIVES } from './layout';
import { formatLocaleNumber } from './locale-number';
import { paceStatus } from './quarter';
import { type Bands, isFinished } from './score';
import { displayNumber } from './units';
import { textKey } from './values';

/** An objective needs this many key results, at least and at most. */
export const KEY_RESULTS_PER_OBJECTIVE = { min: 2, max: 5 };
/** Objectives a quarter may hold before focus is lost: at company level, and for a team or one person. */
export const OBJECTIVES_PER_QUARTER: Record<CoachLevel, number> = { company: 3, team: 5, individual: 5 };
/** Days without a check-in after which a key result is going stale (the method checks in weekly). */
export const STALE_AFTER_DAYS = 14;
/** Days before the quarter's end from which its scores are final enough to judge the targets. */
export const QUARTER_END_DAYS = 14;
/** Confidence (0–10) at or above which a key result far behind pace is out of line, and at or below. */
export const CONFIDENCE = { high: 8, low: 3 };
/** Share of the quarter after which being off track is far behind, not a slow start. */
export const FAR_BEHIND_FROM = 0.25;

/** What a rule found: the column it points at, the sentence, an action to offer. */
export interface Found {
  field?: string;
  message: string;
  action?: CoachAction;
}

/** What the rules read, prepared once by core/coach.ts. */
export interface CoachContext {
  language: CoachLanguage;
  /** the spreadsheet's locale: numbers in the sentences are written as it writes them */
  locale: string;
  bands: Bands;
  /** today as a serial day, when it reads as a day */
  today?: number;
  /** the running quarter as serial days, with the share of it elapsed today */
  quarter?: { start: number; end: number; elapsed: number };
  objectives: readonly CoachObjective[];
  kpis: readonly CoachKpi[];
  strategy: readonly string[];
  /** the newest check-in day (serial) of a key result: its Last check-in cell or the Check-ins log */
  lastCheckIn(kr: CoachKeyResult): number | undefined;
  /** a key result's score computed from its cells (core/score.ts), "" when it cannot be scored */
  score(kr: CoachKeyResult): number | '';
  kpiName(id: string): string;
  /** the objective-count findings, by the index of the objective each sits on (objectiveCounts) */
  objectiveCounts: ReadonlyMap<number, Found>;
}

export interface KeyResultFacts {
  reading: TitleReading;
  score: number | '';
  /** the rules that fired on this key result so far */
  fired: Set<string>;
}

type ObjectiveField = KeyOf<typeof OBJECTIVES>;
type KeyResultField = KeyOf<typeof KEY_RESULTS>;
export const at = <F extends string>(field: F, message: string, action?: CoachAction): Found => ({
  field,
  message,
  ...(action ? { action } : {}),
});
/** User text quoted in a sentence: on one line, cut at 40 characters (never inside a character). */
export const quoted = (text: string) => {
  const line = Array.from(text.replace(/\s+/g, ' ').trim());
  return `"${line.length > 40 ? `${line.slice(0, 39).join('')}…` : line.join('')}"`;
};
/** A share as a whole percent, as the spreadsheet's locale writes it: `70%`, `70 %` in de_DE. */
const percent = (share: number, locale: string) =>
  formatLocaleNumber(share, locale, { percent: true, decimals: 0 });

// ---- Objectives ---------------------------------------------------------------------------------------------

type ObjectiveCheck = (
  o: CoachObjective,
  ctx: CoachContext,
  title: TitleReading,
  index: number,
) => Found | undefined;

function keyResultCount(o: CoachObjective): Found | undefined {
  const n = o.keyResults.length;
  const field: ObjectiveField = 'keyResults';
  if (n < KEY_RESULTS_PER_OBJECTIVE.min) {
    const start = n === 0 ? 'No key results yet' : 'Only one key result';
    return at(
      field,
      `${start}: an objective needs 2 to 5 measurable key results that together show it is reached.`,
    );
  }
  if (n > KEY_RESULTS_PER_OBJECTIVE.max) {
    return at(
      field,
      `${n} key results are more than 5: keep the few that best show the objective is reached, or split it in two.`,
    );
  }
  return undefined;
}

const objectiveMetric: ObjectiveCheck = (_o, _ctx, title) => {
  if (!(title.hasAmount || title.fromTo || title.metricPhrase)) return undefined;
  const field: ObjectiveField = 'title';
  return at(
    field,
    'An objective that is a number is a KPI with extra steps: describe the state you want, and put the number in a key result.',
  );
};

const objectiveOwner: ObjectiveCheck = (o) => {
  if (o.owner.trim()) return undefined;
  const field: ObjectiveField = 'owner';
  return at(field, 'Give this objective one owner: an objective everyone shares is one nobody drives.');
};

const targetsTooLow: ObjectiveCheck = (o, ctx) => {
  const q = ctx.quarter;
  if (!q || ctx.today === undefined || q.end - ctx.today > QUARTER_END_DAYS) return undefined;
  const n = o.keyResults.length;
  const done = o.keyResults.filter((kr) => isFinished(ctx.score(kr))).length;
  if (n < KEY_RESULTS_PER_OBJECTIVE.min || done * 2 <= n) return undefined;
  const field: ObjectiveField = 'score';
  return at(
    field,
    `${done} of ${n} key results are at 100% as the quarter ends: the targets may have been too low, since 70% is success for an ambitious key result.`,
  );
};

/** Objective checks in rule order. */
export const OBJECTIVE_RULES: ReadonlyArray<[CoachRuleId, ObjectiveCheck]> = [
  ['kr-count', keyResultCount],
  ['objective-count', (_o, ctx, _title, index) => ctx.objectiveCounts.get(index)],
  ['objective-metric', objectiveMetric],
  ['objective-owner', objectiveOwner],
  ['targets-too-low', targetsTooLow],
];

/**
 * Too many objectives for one level in a quarter: the company's, one team's (a team given and the level
 * team or unknown), one person's (level individual). The finding sits on the first objective over the limit.
 */
export function objectiveCounts(objectives: readonly CoachObjective[]): Map<number, Found> {
  const groups = new Map<string, { level: CoachLevel; name: string; members: number[] }>();
  objectives.forEach((o, index) => {
    const team = o.team.trim();
    const owner = o.owner.trim();
    const key =
      o.level === 'company'
        ? ['company', 'company', '']
        : (o.level === 'team' || o.level === undefined) && team
          ? ['team', `team ${textKey(team)}`, team]
          : o.level === 'individual' && owner
            ? ['individual', `owner ${textKey(owner)}`, owner]
            : undefined;
    if (!key) return;
    const [level, id, name] = key as [CoachLevel, string, string];
    const group = groups.get(id) ?? { level, name, members: [] };
    group.members.push(index);
    groups.set(id, group);
  });
  const out = new Map<number, Found>();
  for (const { level, name, members } of groups.values()) {
    const limit = OBJECTIVES_PER_QUARTER[level];
    const first = members[limit];
    if (first === undefined) continue;
    const n = members.length;
    const message =
      level === 'company'
        ? `The company has ${n} objectives this quarter: more than 3 at company level blurs focus; keep the 3 that matter most.`
        : `${level === 'team' ? `Team ${quoted(name)}` : quoted(name)} has ${n} objectives this quarter: more than 5 blurs focus; keep the few that matter most and let the rest wait.`;
    const field: ObjectiveField = level === 'company' ? 'title' : level === 'team' ? 'team' : 'owner';
    out.set(first, at(field, message));
  }
  return out;
}

// ---- Key results --------------------------------------------------------------------------------------------

type KeyResultCheck = (kr: CoachKeyResult, ctx: CoachContext, facts: KeyResultFacts) => Found | undefined;

const CHANGING_TYPES: readonly string[] = ['auto', 'increase', 'decrease'];
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The cells hold a number to keep where it already is: baseline = target, or a floor or ceiling already met. */
function keepsByNumbers(kr: CoachKeyResult): boolean | undefined {
  if (!num(kr.baseline) || !num(kr.target)) return undefined;
  if (CHANGING_TYPES.includes(kr.type)) return kr.baseline === kr.target;
  if (kr.type === 'at least') return kr.baseline >= kr.target;
  if (kr.type === 'at most') return kr.baseline <= kr.target;
  return undefined;
}

const task: KeyResultCheck = (_kr, _ctx, { reading }) => {
  if (!reading.task || reading.hasNumber) return undefined;
  const field: KeyResultField = 'title';
  return at(
    field,
    'This is an output, not an outcome: what will be different when it is done, and how will you measure that?',
  );
};

const maintain: KeyResultCheck = (kr, ctx, { reading }) => {
  const byNumbers = keepsByNumbers(kr);
  const byWords =
    (reading.keep || (reading.metricOnly && reading.threshold && reading.hasNumber)) &&
    !reading.change &&
    byNumbers !== false;
  if (!byNumbers && !byWords) return undefined;
  const field: KeyResultField = byNumbers ? 'target' : 'title';
  if (kr.kpiId.trim()) {
    return at(
      field,
      `This is a KPI to watch, not a key result: it follows ${quoted(ctx.kpiName(kr.kpiId.trim()))} already, so keep key results for what must change.`,
    );
  }
  return at(
    field,
    'This is a KPI to watch, not a key result: tag it as a KPI and keep key results for what must change.',
    { kind: 'tag-as-kpi' },
  );
};

const bareMetric: KeyResultCheck = (kr, _ctx, { reading, fired }) => {
  if (fired.has('kr-maintain') || !reading.metricOnly || reading.threshold || !reading.hasNumber)
    return undefined;
  if (reading.fromTo || num(kr.baseline)) return undefined;
  const field: KeyResultField = 'title';
  return at(
    field,
    'A bare metric says where, not which way or from where: write it as a change, such as "Reduce churn from 8% to 5%".',
  );
};

const direction: KeyResultCheck = (kr, ctx, { reading }) => {
  const d = reading.direction;
  if (!d) return undefined;
  const says = `The title says ${quoted(d.word)}`;
  const wrong = (from: number, to: number) => (d.way === 'down' ? to > from : to < from);
  if (
    num(kr.baseline) &&
    num(kr.target) &&
    CHANGING_TYPES.includes(kr.type) &&
    wrong(kr.baseline, kr.target)
  ) {
    const [t, b] = [
      displayNumber(kr.target, kr.unit, ctx.locale),
      displayNumber(kr.baseline, kr.unit, ctx.locale),
    ];
    const field: KeyResultField = 'target';
    return at(
      field,
      `${says}, but the target (${t}) is ${d.way === 'down' ? 'above' : 'below'} the baseline (${b}): make the words and the numbers move the same way.`,
    );
  }
  if ((kr.type === 'increase' && d.way === 'down') || (kr.type === 'decrease' && d.way === 'up')) {
    const field: KeyResultField = 'type';
    return at(field, `${says}, but its type is "${kr.type}": make the words and the type move the same way.`);
  }
  if (reading.fromTo && wrong(reading.fromTo.from, reading.fromTo.to)) {
    const field: KeyResultField = 'title';
    return at(
      field,
      `${says}, but its own numbers move the other way: make the words and the numbers agree.`,
    );
  }
  return undefined;
};

/** A title already told it is a task, a KPI or a bare metric is not also asked for numbers it cannot have. */
const rewritten = (fired: Set<string>) =>
  fired.has('kr-task') || fired.has('kr-maintain') || fired.has('kr-bare-metric');

const target: KeyResultCheck = (kr, _ctx, { fired }) => {
  if (kr.type === 'yes/no' || num(kr.target) || rewritten(fired)) return undefined;
  const what = kr.type === 'milestone' ? 'the number of milestones' : 'the number that means done';
  const field: KeyResultField = 'target';
  return at(field, `Without a target this key result cannot be scored: write down ${what}.`);
};

const baseline: KeyResultCheck = (kr, _ctx, { fired }) => {
  if (!CHANGING_TYPES.includes(kr.type) || num(kr.baseline) || rewritten(fired)) return undefined;
  const field: KeyResultField = 'baseline';
  return at(
    field,
    'Without a baseline there is no "from": note where the number stands today, so the score shows how far it moved.',
  );
};

const keyResultOwner: KeyResultCheck = (kr) => {
  if (kr.owner.trim()) return undefined;
  const field: KeyResultField = 'owner';
  return at(
    field,
    'Give this key result one owner: the person who checks it in every week and raises a hand when it slips.',
  );
};

const confidence: KeyResultCheck = (kr, ctx, { score }) => {
  const q = ctx.quarter;
  const c = kr.confidence;
  if (!q || !num(c) || c < 0 || c > 10 || score === '') return undefined;
  const pace = paceStatus(score, q.elapsed, ctx.bands);
  const where = `${percent(score, ctx.locale)} done with ${percent(q.elapsed, ctx.locale)} of the quarter gone`;
  const field: KeyResultField = 'confidence';
  if (c >= CONFIDENCE.high && pace === 'Off track' && q.elapsed >= FAR_BEHIND_FROM) {
    return at(
      field,
      `Confidence ${c} while far behind pace (${where}): say what will close the gap, or lower it so the team can help in time.`,
    );
  }
  if (c <= CONFIDENCE.low && score > 0 && (pace === 'On track' || pace === 'Done')) {
    return at(
      field,
      `Confidence ${c} while ahead of pace (${where}): if something is about to stop it, say what in a note; otherwise raise it.`,
    );
  }
  return undefined;
};

const stale: KeyResultCheck = (kr, ctx, { score }) => {
  const q = ctx.quarter;
  const today = ctx.today;
  if (!q || today === undefined || today < q.start || today > q.end || isFinished(score)) return undefined;
  const last = ctx.lastCheckIn(kr);
  const days = today - (last ?? q.start);
  if (days <= STALE_AFTER_DAYS) return undefined;
  const field: KeyResultField = 'lastCheckIn';
  const opening =
    last === undefined ? `No check-in yet, ${days} days into the quarter` : `No check-in for ${days} days`;
  return at(
    field,
    `${opening}: a weekly check-in is what keeps a key result moving; record where it stands now.`,
  );
};

/** Key result checks in rule order (a later one may read which earlier ones fired). */
export const KEY_RESULT_RULES: ReadonlyArray<[CoachRuleId, KeyResultCheck]> = [
  ['kr-task', task],
  ['kr-maintain', maintain],
  ['kr-bare-metric', bareMetric],
  ['kr-direction', direction],
  ['kr-target', target],
  ['kr-baseline', baseline],
  ['kr-owner', keyResultOwner],
  ['kr-confidence', confidence],
  ['kr-stale', stale],
];
