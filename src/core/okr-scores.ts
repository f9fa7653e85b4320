// A quarter's scores computed from the inputs the sheets hold (Baseline, Target, Current, Type, Weight), by the
// same code the custom functions run: the sidebar, the new-quarter review and OKR History never read a
// custom-function result back (Sheets computes those asynchronously: a cell may read "Loading..."). The cells
// still show the formula results to the user; these agree with them by construction.

import type { KeyResult, Objective } from './okr';
import { type PaceStatus, paceStatus } from './quarter';
import { type Bands, rollupDetail, scoreOne } from './score';
import { type Cell, isErrorText, messageOf } from './values';

export interface Scoring extends Bands {
  cap: number;
}

/** One key result's score from its inputs, as OKR_SCORE computes its row; `current` may be resolved anew. */
export function scoreKeyResult(
  kr: Pick<KeyResult, 'baseline' | 'target' | 'current' | 'type'>,
  cap: number,
  current: Cell = kr.current,
): { score: number | ''; scoreError?: string } {
  if (isErrorText(current)) return { score: '', scoreError: `current has an error (${current})` };
  try {
    return { score: scoreOne(kr.baseline, kr.target, current, kr.type, cap) };
  } catch (e) {
    return { score: '', scoreError: messageOf(e) };
  }
}

const statusOf = (score: number | '', error: string | undefined, elapsed: number, bands: Bands) =>
  (error ? 'Error' : paceStatus(score, elapsed, bands)) as PaceStatus | 'Error';

export interface ScoredQuarter {
  objectives: Objective[];
  keyResults: KeyResult[];
}

/**
 * Every key result and objective of a quarter scored from its inputs: KR score (OKR_SCORE's rule), objective
 * roll-up (OKR_ROLLUP's: "not started" counts as 0, no target is left out), and the pace status of both on
 * `elapsed` (the share of the quarter gone by). `currentOf` resolves a Current that follows a KPI from the
 * KPI's own values (undefined: keep the value read).
 */
export function scoreQuarter(
  objectives: readonly Objective[],
  keyResults: readonly KeyResult[],
  scoring: Scoring,
  elapsed: number,
  currentOf: (kr: KeyResult) => Cell | undefined = () => undefined,
): ScoredQuarter {
  const krs = keyResults.map((kr): KeyResult => {
    const current = currentOf(kr) ?? kr.current;
    const { score, scoreError } = scoreKeyResult(kr, scoring.cap, current);
    const { scoreError: _old, ...rest } = kr;
    return {
      ...rest,
      current: typeof current === 'number' || typeof current === 'string' ? current : '',
      score,
      ...(scoreError ? { scoreError } : {}),
      status: statusOf(score, scoreError, elapsed, scoring),
    };
  });
  const rolled = rollupDetail({
    objectiveIds: objectives.map((o) => o.id),
    krObjectiveIds: krs.map((k) => k.objectiveId),
    krScores: krs.map((k) => (k.scoreError ? `#ERROR: ${k.scoreError}` : k.score)),
    krWeights: krs.map((k) => k.weight),
    krIds: krs.map((k) => k.id),
    krTargets: krs.map((k) => k.target),
    krTypes: krs.map((k) => k.type),
  });
  const objs = objectives.map((o, i): Objective => {
    const r = rolled[i]!;
    const error =
      typeof r.score === 'string' && r.score !== '' ? r.score.replace(/^#ERROR:\s*/, '') : undefined;
    const score = error ? '' : (r.score as number | '');
    const { scoreError: _old, ...rest } = o;
    return {
      ...rest,
      score,
      ...(error ? { scoreError: error } : {}),
      status: statusOf(score, error, elapsed, scoring),
      counted: r.counted,
      keyResultCount: r.keyResults,
    };
  });
  return { objectives: objs, keyResults: krs };
}
