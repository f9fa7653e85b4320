// Starting the next quarter, decided without a spreadsheet: which objectives and key results carry over (with
// new baselines where the closing quarter left them), the rows the new sheets start with (each carried key
// result in its own unit), the OKR History rows, and the review the sidebar shows before anything changes.

import type { KeyResultColumns, ObjectiveColumns } from './formulas';
import { rewrittenLatestFormula } from './kpi-registry';
import { fullRow, type HISTORY, type KeyOf, type RowPatch, textCell } from './layout';
import type { KeyResult, Objective } from './okr';
import type { NewQuarterPreview } from './rpc';
import { isFinished } from './score';
import { numberFormatOf } from './units';
import { type Cell, InputError, readNumber } from './values';

export type CarryChoice = 'unfinished' | 'none' | 'all' | string[];

export interface CarriedKeyResult {
  from: KeyResult;
  baseline: number | '';
  target: number | '';
}

export interface QuarterPlan {
  carriedObjectives: Objective[];
  carriedKeyResults: CarriedKeyResult[];
  /** every KR of the closing quarter with its final score: the OKR History rows */
  history: Array<{ objective: Objective | undefined; kr: KeyResult }>;
}

/**
 * Plans the next quarter: which objectives and key results carry over, with new baselines where the closing
 * quarter left them (a KPI-linked KR's Current is the KPI's latest value, computed by the sheet) and targets
 * unchanged unless overridden. `carry` names KR IDs, or objective IDs (their unfinished KRs).
 */
export function planNextQuarter(
  objectives: readonly Objective[],
  keyResults: readonly KeyResult[],
  carry: CarryChoice,
  targets: Readonly<Record<string, number>> = {},
): QuarterPlan {
  const byId = new Map(objectives.map((o) => [o.id, o]));
  const krIds = new Set(keyResults.map((k) => k.id));
  if (Array.isArray(carry)) {
    const unknown = carry.filter((id) => !byId.has(id) && !krIds.has(id));
    if (unknown.length) {
      throw new InputError(
        `carry: ${unknown.map((u) => `"${u}"`).join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not in this quarter`,
      );
    }
  }
  for (const id of Object.keys(targets)) {
    if (!krIds.has(id)) throw new InputError(`targets: "${id}" is not a key result of this quarter`);
  }
  const chosen = (kr: KeyResult): boolean => {
    if (carry === 'all') return true;
    if (carry === 'none') return false;
    if (carry === 'unfinished') return !isFinished(kr.score);
    return carry.includes(kr.id) || (carry.includes(kr.objectiveId) && !isFinished(kr.score));
  };
  const carriedKeyResults: CarriedKeyResult[] = keyResults.filter(chosen).map((kr) => {
    let baseline: number | '' = '';
    try {
      baseline = readNumber('', kr.current) ?? kr.baseline;
    } catch {
      baseline = kr.baseline;
    }
    const target = targets[kr.id] ?? kr.target;
    return { from: kr, baseline, target };
  });
  const carriedIds = new Set(carriedKeyResults.map((c) => c.from.objectiveId));
  const carriedObjectives = objectives.filter(
    (o) => carriedIds.has(o.id) || (Array.isArray(carry) ? carry.includes(o.id) : carry === 'all'),
  );
  return {
    carriedObjectives,
    carriedKeyResults,
    history: keyResults.map((kr) => ({ objective: byId.get(kr.objectiveId), kr })),
  };
}

/** The new Objectives sheet's rows: the carried objectives, aligned only to objectives that carry too. */
export function carriedObjectiveRows(plan: QuarterPlan, c: ObjectiveColumns, width: number): Cell[][] {
  const carried = new Set(plan.carriedObjectives.map((o) => o.id));
  return plan.carriedObjectives.map((o) =>
    fullRow(
      {
        id: o.id,
        title: textCell(o.title),
        owner: textCell(o.owner),
        team: textCell(o.team),
        alignsTo: carried.has(o.alignsTo) ? o.alignsTo : '',
        notes: textCell(o.notes),
      },
      c,
      width,
    ),
  );
}

/**
 * The new Key Results sheet's rows: a KR that follows a KPI keeps its live formula (written anew, so one made
 * under the function's older name reads the KPI again), the others start the quarter with no value yet; each
 * keeps its unit.
 */
export function carriedKeyResultRows(plan: QuarterPlan, c: KeyResultColumns, width: number): Cell[][] {
  return plan.carriedKeyResults.map(({ from: k, baseline, target }) => {
    const followed = rewrittenLatestFormula(k.currentFormula);
    return fullRow(
      {
        id: k.id,
        objective: k.objectiveId,
        title: textCell(k.title),
        owner: textCell(k.owner),
        type: k.type,
        baseline,
        target,
        current: followed ?? '',
        kpi: k.kpiId,
        weight: k.weight,
        notes: textCell(k.notes),
        unit: textCell(k.unit),
      },
      c,
      width,
    );
  });
}

/** The number format of each carried row's Baseline, Target and Current: its own unit's. */
export function carriedRowFormats(plan: QuarterPlan): string[] {
  return plan.carriedKeyResults.map((c) => numberFormatOf(c.from.unit, [c.baseline, c.target]));
}

/** One OKR History row per key result of the closing quarter, with its final value and score. */
export function historyRows(
  plan: QuarterPlan,
  quarter: string,
  closedOn: Date,
  c: Record<KeyOf<typeof HISTORY>, number>,
  width: number,
): Cell[][] {
  return plan.history.map(({ objective, kr }) => {
    const row: RowPatch<KeyOf<typeof HISTORY>> = {
      quarter,
      objectiveId: kr.objectiveId,
      objective: textCell(objective?.title),
      krId: kr.id,
      keyResult: textCell(kr.title),
      baseline: kr.baseline,
      target: kr.target,
      finalValue: typeof kr.current === 'string' ? textCell(kr.current) : kr.current,
      score: kr.scoreError ? textCell(`#ERROR: ${kr.scoreError}`) : kr.score,
      closedOn,
    };
    return fullRow(row, c, width);
  });
}

/** What starting the next quarter would do, as the sidebar's review shows it. */
export function previewOf(
  from: string,
  to: string,
  objectives: readonly Objective[],
  keyResults: readonly KeyResult[],
  plan: QuarterPlan,
): NewQuarterPreview {
  const carried = new Map(plan.carriedKeyResults.map((c) => [c.from.id, c]));
  const carriedObjectives = new Set(plan.carriedObjectives.map((o) => o.id));
  return {
    from,
    to,
    objectives: objectives.map((o) => ({
      id: o.id,
      title: o.title,
      score: o.score,
      carried: carriedObjectives.has(o.id),
      keyResults: keyResults
        .filter((k) => k.objectiveId === o.id)
        .map((k) => {
          const c = carried.get(k.id);
          return {
            id: k.id,
            title: k.title,
            score: k.score,
            finished: isFinished(k.score),
            carried: Boolean(c),
            newBaseline: c ? c.baseline : '',
            target: c ? c.target : k.target,
            kpiId: k.kpiId,
            unit: k.unit,
          };
        }),
    })),
    historyRows: plan.history.length,
  };
}
