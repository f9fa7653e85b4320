// The header formulas of the quarter sheets: each computed column (Score, Status, Key results) is one formula in
// its header cell that spills the whole column (one custom-function call per column, however many rows). Their
// syntax is core/formula-text.ts's; the pace formula lives beside paceStatus (quarter.ts) and the trend formula
// beside kpiTrend (kpi-health.ts), each next to the TypeScript it must agree with; a KPI's in kpi-registry.ts.

import { columnFrom2 } from './a1';
import { call, FUNCTIONS, headerFormula, numeral } from './formula-text';
import type { Columns, KEY_RESULTS, KeyOf, OBJECTIVES } from './layout';
import { paceStatusFormula, type QuarterDays } from './quarter';
import type { Bands } from './score';

export type ObjectiveColumns = Columns<typeof OBJECTIVES>;
export type KeyResultColumns = Columns<typeof KEY_RESULTS>;

/** The formulas of the Key Results sheet's computed columns, keyed by column. */
export function keyResultFormulas(
  c: KeyResultColumns,
  days: QuarterDays,
  scoring: { cap: number } & Bands,
): Partial<Record<KeyOf<typeof KEY_RESULTS>, string>> {
  const at = (i: number) => columnFrom2(undefined, i);
  const score = call(
    FUNCTIONS.score,
    at(c.baseline),
    at(c.target),
    at(c.current),
    at(c.type),
    numeral(scoring.cap),
  );
  return {
    score: headerFormula('Score', score),
    status: headerFormula('Status', paceStatusFormula(at(c.score), days.start, days.end, scoring)),
  };
}

/** The formulas of the Objectives sheet's computed columns, reading the quarter's Key Results sheet. */
export function objectiveFormulas(
  c: ObjectiveColumns,
  kr: KeyResultColumns,
  keyResultsSheet: string,
  days: QuarterDays,
  scoring: Bands,
): Partial<Record<KeyOf<typeof OBJECTIVES>, string>> {
  const own = (i: number) => columnFrom2(undefined, i);
  const other = (i: number) => columnFrom2(keyResultsSheet, i);
  const ids = own(c.id);
  return {
    keyResults: headerFormula(
      'Key results',
      call('ARRAYFORMULA', call('IF', `${ids}=""`, '""', call('COUNTIF', other(kr.objective), ids))),
    ),
    score: headerFormula(
      'Score',
      call(
        FUNCTIONS.rollup,
        ids,
        other(kr.objective),
        other(kr.score),
        other(kr.weight),
        other(kr.id),
        other(kr.target),
        other(kr.type),
      ),
    ),
    status: headerFormula('Status', paceStatusFormula(own(c.score), days.start, days.end, scoring)),
  };
}
