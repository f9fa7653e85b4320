// The coach: rules that teach the OKR method while people type. `coach(input)` reads what the sidebar's state
// holds (objectives with their key results, KPIs, today, the quarter's days, the score bands, check-in days)
// and returns findings, each naming its rule, a severity, the objective, key result or KPI it points at (and
// the column), one plain sentence that teaches, and sometimes an action to offer. Pure and deterministic:
// findings come in input order (an objective, then each of its key results; then the KPIs), and in rule order
// for one target. The rules are core/coach-rules.ts and core/coach-kpis.ts; how titles are read,
// core/coach-text.ts; the words they are read by, core/coach-words.ts.
import { KPI_RULES, kpiReferences } from './coach-kpis';
import {
  type CoachContext,
  type Found,
  KEY_RESULT_RULES,
  OBJECTIVE_RULES,
  objectiveCounts,
} from './coach-rules';
import { readTitle } from './coach-text';
import type { CoachLanguage } from './coach-words';
import type { KEY_RESULTS, KeyOf, KPIS, OBJECTIVES } from './layout';
import { elapsedShare } from './quarter';
import type { KeyResultView, KpiView, ObjectiveView, State } from './rpc';
import { DEFAULT_BANDS, DEFAULT_CAP, scoreOne } from './score';
import { type Day, readDay, serialOfDay } from './values';

export type CoachSeverity = 'info' | 'warning';

/** Where an objective sits: company objectives are held to 3 a quarter, a team's or a person's to 5. */
export type CoachLevel = 'company' | 'team' | 'individual';

/** The rules, in the order their findings come for one target: id, severity, what they point at. */
export const COACH_RULES = [
  { id: 'kr-count', severity: 'warning', on: 'objective' },
  { id: 'objective-count', severity: 'warning', on: 'objective' },
  { id: 'objective-metric', severity: 'warning', on: 'objective' },
  { id: 'objective-owner', severity: 'warning', on: 'objective' },
  { id: 'targets-too-low', severity: 'info', on: 'objective' },
  { id: 'kr-task', severity: 'warning', on: 'keyResult' },
  { id: 'kr-maintain', severity: 'warning', on: 'keyResult' },
  { id: 'kr-bare-metric', severity: 'info', on: 'keyResult' },
  { id: 'kr-direction', severity: 'warning', on: 'keyResult' },
  { id: 'kr-target', severity: 'warning', on: 'keyResult' },
  { id: 'kr-baseline', severity: 'warning', on: 'keyResult' },
  { id: 'kr-owner', severity: 'info', on: 'keyResult' },
  { id: 'kr-confidence', severity: 'info', on: 'keyResult' },
  { id: 'kr-stale', severity: 'info', on: 'keyResult' },
  { id: 'kpi-count', severity: 'info', on: 'kpi' },
  { id: 'kpi-red-orphan', severity: 'warning', on: 'kpi' },
  { id: 'kpi-red-no-okr', severity: 'info', on: 'kpi' },
  { id: 'kpi-unreferenced', severity: 'info', on: 'kpi' },
] as const satisfies ReadonlyArray<{
  id: string;
  severity: CoachSeverity;
  on: 'objective' | 'keyResult' | 'kpi';
}>;

export type CoachRuleId = (typeof COACH_RULES)[number]['id'];

/** What a finding points at: the server turns it into a cell (sheet and A1) from the rows it read. */
export type CoachTarget =
  | { kind: 'objective'; id: string; field?: KeyOf<typeof OBJECTIVES> }
  | { kind: 'keyResult'; id: string; field?: KeyOf<typeof KEY_RESULTS> }
  | { kind: 'kpi'; id: string; field?: KeyOf<typeof KPIS> };

/** What the sidebar may offer with a finding: tag a key result's number as a KPI, or start an OKR for a red KPI. */
export type CoachAction = { kind: 'tag-as-kpi' } | { kind: 'create-objective-for-kpi' };

export interface CoachFinding {
  rule: CoachRuleId;
  severity: CoachSeverity;
  target: CoachTarget;
  /** one plain sentence that teaches the method */
  message: string;
  action?: CoachAction;
}

/** A key result as the coach reads it: the fields of the sidebar's view it needs. */
export type CoachKeyResult = Pick<
  KeyResultView,
  | 'id'
  | 'title'
  | 'owner'
  | 'type'
  | 'baseline'
  | 'target'
  | 'current'
  | 'kpiId'
  | 'confidence'
  | 'lastCheckIn'
  | 'notes'
  | 'unit'
>;

/** An objective as the coach reads it, with its level when one is known. */
export interface CoachObjective
  extends Pick<ObjectiveView, 'id' | 'title' | 'owner' | 'team' | 'alignsTo' | 'notes'> {
  level?: CoachLevel;
  keyResults: readonly CoachKeyResult[];
}

export type CoachKpi = Pick<KpiView, 'id' | 'name' | 'owner' | 'status'>;

export interface CoachInput {
  /** YYYY-MM-DD */
  today: string;
  /** the running quarter's first and last days, YYYY-MM-DD */
  quarter?: { start: string; end: string };
  /** the settings' scoring: bands and over-achievement cap */
  scoring?: { cap?: number; yellowFrom?: number; greenFrom?: number };
  objectives: readonly CoachObjective[];
  kpis?: readonly CoachKpi[];
  /** days (YYYY-MM-DD) of each key result's check-ins, by key result ID, as the Check-ins log holds them */
  checkIns?: Readonly<Record<string, readonly string[]>>;
  /** texts of strategy items (pillars, themes) that may name a KPI */
  strategy?: readonly string[];
  /** the language titles are written in */
  language?: CoachLanguage;
  /** the spreadsheet's locale (State.locale), in which numbers are written; en_US when not given */
  locale?: string;
}

/** The coach's input from the sidebar's state, with what the state does not hold (levels, check-in days). */
export function coachInputOf(
  state: Pick<State, 'today' | 'locale' | 'settings' | 'quarter' | 'objectives' | 'kpis'>,
  extra: Pick<CoachInput, 'checkIns' | 'strategy' | 'language'> & {
    levels?: Readonly<Record<string, CoachLevel>>;
  } = {},
): CoachInput {
  const { levels, ...rest } = extra;
  return {
    ...rest,
    today: state.today,
    locale: state.locale,
    ...(state.quarter ? { quarter: { start: state.quarter.start, end: state.quarter.end } } : {}),
    scoring: state.settings.scoring,
    objectives: state.objectives.map((o) => {
      const level = levels && own(levels, o.id) ? levels[o.id] : undefined;
      return level ? { ...o, level } : o;
    }),
    kpis: state.kpis,
  };
}

/** Whether a record (JSON from the server) has its own entry for an ID: `constructor` is an ID like any other. */
const own = (record: object, key: string) => Object.keys(record).includes(key);

/** A day from YYYY-MM-DD text, or undefined for anything that is not a day. */
function dayOrUndefined(v: unknown): Day | undefined {
  try {
    return readDay('day', v);
  } catch {
    return undefined;
  }
}

function context(input: CoachInput): CoachContext {
  const s = input.scoring ?? {};
  const number = (v: unknown, fallback: number) =>
    typeof v === 'number' && Number.isFinite(v) ? v : fallback;
  const cap = number(s.cap, DEFAULT_CAP);
  const today = dayOrUndefined(input.today);
  const start = dayOrUndefined(input.quarter?.start);
  const end = dayOrUndefined(input.quarter?.end);
  const kpis = input.kpis ?? [];
  const checkIns = input.checkIns;
  return {
    language: input.language ?? 'en',
    locale: input.locale ?? 'en_US',
    bands: {
      yellowFrom: number(s.yellowFrom, DEFAULT_BANDS.yellowFrom),
      greenFrom: number(s.greenFrom, DEFAULT_BANDS.greenFrom),
    },
    ...(today ? { today: serialOfDay(today) } : {}),
    ...(today && start && end && serialOfDay(start) <= serialOfDay(end)
      ? {
          quarter: {
            start: serialOfDay(start),
            end: serialOfDay(end),
            elapsed: elapsedShare(today, start, end),
          },
        }
      : {}),
    objectives: input.objectives,
    kpis,
    strategy: input.strategy ?? [],
    lastCheckIn: (kr) => {
      const logged = checkIns && own(checkIns, kr.id) ? (checkIns[kr.id] ?? []) : [];
      let last: number | undefined;
      for (const d of [kr.lastCheckIn, ...logged]) {
        const day = dayOrUndefined(d);
        if (day && (last === undefined || serialOfDay(day) > last)) last = serialOfDay(day);
      }
      return last;
    },
    score: (kr) => {
      try {
        return scoreOne(kr.baseline, kr.target, kr.current, kr.type, cap);
      } catch {
        return '';
      }
    },
    kpiName: (id) => kpis.find((k) => k.id === id)?.name ?? id,
    objectiveCounts: objectiveCounts(input.objectives),
  };
}

/** The findings for a quarter's OKRs and the KPIs, in input order, then rule order. Never throws. */
export function coach(input: CoachInput): CoachFinding[] {
  const ctx = context(input);
  const out: CoachFinding[] = [];
  const push = (rule: CoachRuleId, target: Omit<CoachTarget, 'field'>, found: Found | undefined) => {
    if (!found) return;
    const severity = COACH_RULES.find((r) => r.id === rule)!.severity;
    const { field, message, action } = found;
    out.push({
      rule,
      severity,
      target: { ...target, ...(field ? { field } : {}) } as CoachTarget,
      message,
      ...(action ? { action } : {}),
    });
  };
  input.objectives.forEach((o, index) => {
    const title = readTitle(o.title, ctx.language);
    for (const [rule, check] of OBJECTIVE_RULES)
      push(rule, { kind: 'objective', id: o.id }, check(o, ctx, title, index));
    for (const kr of o.keyResults) {
      const facts = {
        reading: readTitle(kr.title, ctx.language),
        score: ctx.score(kr),
        fired: new Set<string>(),
      };
      for (const [rule, check] of KEY_RESULT_RULES) {
        const found = check(kr, ctx, facts);
        if (found) facts.fired.add(rule);
        push(rule, { kind: 'keyResult', id: kr.id }, found);
      }
    }
  });
  const refs = kpiReferences(ctx);
  const kpiFindings = KPI_RULES.map(([rule, check]) => [rule, check(ctx, refs)] as const);
  ctx.kpis.forEach((k, index) => {
    for (const [rule, byIndex] of kpiFindings) push(rule, { kind: 'kpi', id: k.id }, byIndex.get(index));
  });
  return out;
}
