// The header formulas of okr-sheets' sheets: each computed column is one formula in its header cell that spills
// the whole column (one custom-function call per column, however many rows). The quarter sheets' formulas are
// here; the pace formula lives beside paceStatus (quarter.ts) and the trend formula beside kpiTrend
// (kpi-health.ts), each next to the TypeScript it must agree with; a KPI's Latest in kpi-registry.ts.

import { columnFrom2 } from './a1';
import type { Columns, KEY_RESULTS, KeyOf, OBJECTIVES } from './layout';
import { paceStatusFormula, type QuarterDays } from './quarter';
import type { Bands } from './score';

export type ObjectiveColumns = Columns<typeof OBJECTIVES>;
export type KeyResultColumns = Columns<typeof KEY_RESULTS>;

/**
 * A column's formula lives in its header cell: `={"Score";OKR_SCORE(F2:F,…)}` shows the header and spills
 * the whole column below it. Data rows hold no formulas of ours, so users may sort, filter and insert rows
 * freely, and one call computes the column however many rows there are.
 */
export function headerFormula(header: string, formula: string): string {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  return `={"${header.replace(/"/g, '""')}";${body}}`;
}

/** Finds the header a header formula shows, so a column is found even when its formula shows an error. */
export function headerOfFormula(formula: string): string | undefined {
  const m = /^=\{"((?:[^"]|"")*)";/.exec(formula);
  return m ? m[1]!.replace(/""/g, '"') : undefined;
}

/** The formulas of the Key Results sheet's computed columns, keyed by column. */
export function keyResultFormulas(
  c: KeyResultColumns,
  days: QuarterDays,
  scoring: { cap: number } & Bands,
): Partial<Record<KeyOf<typeof KEY_RESULTS>, string>> {
  const at = (i: number) => columnFrom2(undefined, i);
  const score = `OKR_SCORE(${at(c.baseline)},${at(c.target)},${at(c.current)},${at(c.type)},${scoring.cap})`;
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
      `ARRAYFORMULA(IF(${ids}="","",COUNTIF(${other(kr.objective)},${ids})))`,
    ),
    score: headerFormula(
      'Score',
      `OKR_ROLLUP(${ids},${other(kr.objective)},${other(kr.score)},${other(kr.weight)},${other(kr.id)})`,
    ),
    status: headerFormula('Status', paceStatusFormula(own(c.score), days.start, days.end, scoring)),
  };
}
