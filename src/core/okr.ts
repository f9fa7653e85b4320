// Objectives and key results as the quarter sheets hold them: reading rows, IDs, the formulas that score a
// whole sheet with one call per column, and planning the move to the next quarter. Pure: the server reads
// the sheets once, hands the arrays here, and writes what comes back.

import { columnFrom2 } from './a1';
import { asText, type KEY_RESULTS, type KeyOf, type OBJECTIVES } from './layout';
import { type PaceStatus, paceStatusFormula } from './quarter';
import { type Bands, readScoreType, type ScoreType } from './score';
import { type Cell, type Day, InputError, isBlank, isErrorText, readNumber } from './values';

export type ObjectiveColumns = Record<KeyOf<typeof OBJECTIVES>, number>;
export type KeyResultColumns = Record<KeyOf<typeof KEY_RESULTS>, number>;

export interface Objective {
  id: string;
  title: string;
  owner: string;
  team: string;
  alignsTo: string;
  notes: string;
  /** computed by the sheet: the rollup of its key results */
  score: number | '';
  /** the error text the sheet shows instead of a score */
  scoreError?: string;
  status: PaceStatus | 'Error';
  /** 1-based sheet row */
  row: number;
}

export interface KeyResult {
  id: string;
  objectiveId: string;
  title: string;
  owner: string;
  type: ScoreType;
  baseline: number | '';
  target: number | '';
  /** the value the sheet shows (computed when the KR follows a KPI) */
  current: number | string | '';
  /** the formula behind Current when it follows a KPI */
  currentFormula?: string;
  kpiId: string;
  weight: number | '';
  confidence: number | '';
  score: number | '';
  scoreError?: string;
  status: PaceStatus | 'Error';
  lastCheckIn: Cell;
  notes: string;
  /** how its values read, from the Target cell's number format: '%', 'currency' or '' */
  unit: string;
  row: number;
}

/** The unit a number format shows: `0.0%` → '%', `$#,##0` → 'currency', anything else → ''. */
export function unitOfFormat(format: string | undefined): string {
  if (!format) return '';
  const bare = format.replace(/"[^"]*"/g, (q) => (/[$€£¥]/.test(q) ? '$' : ''));
  if (bare.includes('%')) return '%';
  if (/[$€£¥]/.test(bare)) return 'currency';
  return '';
}

const str = (v: Cell): string => (isBlank(v) ? '' : String(v).trim());
const num = (v: Cell): number | '' => {
  try {
    return readNumber('', v) ?? '';
  } catch {
    return '';
  }
};
const status = (v: Cell): PaceStatus | 'Error' => {
  const s = str(v);
  return s === 'Done' || s === 'On track' || s === 'At risk' || s === 'Off track' || s === 'Error' ? s : '';
};
function scoreCell(v: Cell): { score: number | ''; scoreError?: string } {
  if (isErrorText(v)) return { score: '', scoreError: String(v).replace(/^#ERROR:\s*/, '') };
  return { score: num(v) };
}

/** Objectives from a sheet's values (row 1 is the header). Rows without an ID are not objectives. */
export function readObjectives(values: Cell[][], c: ObjectiveColumns): Objective[] {
  const out: Objective[] = [];
  for (let i = 1; i < values.length; i++) {
    const r = values[i]!;
    const id = str(r[c.id]);
    if (!id) continue;
    out.push({
      id,
      title: str(r[c.title]),
      owner: str(r[c.owner]),
      team: str(r[c.team]),
      alignsTo: str(r[c.alignsTo]),
      notes: str(r[c.notes]),
      ...scoreCell(r[c.score]),
      status: status(r[c.status]),
      row: i + 1,
    });
  }
  return out;
}

/** Key results from a sheet's values and formulas (row 1 is the header). */
export function readKeyResults(
  values: Cell[][],
  formulas: string[][] | undefined,
  c: KeyResultColumns,
  numberFormats?: string[][],
): KeyResult[] {
  const out: KeyResult[] = [];
  for (let i = 1; i < values.length; i++) {
    const r = values[i]!;
    const id = str(r[c.id]);
    if (!id) continue;
    let type: ScoreType = 'auto';
    try {
      type = readScoreType(r[c.type]);
    } catch {
      // an unknown type shows as an error in the Score column; keep the row readable
    }
    const formula = formulas?.[i]?.[c.current];
    const current = r[c.current];
    out.push({
      id,
      objectiveId: str(r[c.objective]),
      title: str(r[c.title]),
      owner: str(r[c.owner]),
      type,
      baseline: num(r[c.baseline]),
      target: num(r[c.target]),
      current: typeof current === 'number' || typeof current === 'string' ? current : '',
      ...(formula ? { currentFormula: formula } : {}),
      kpiId: str(r[c.kpi]),
      weight: num(r[c.weight]),
      confidence: num(r[c.confidence]),
      ...scoreCell(r[c.score]),
      status: status(r[c.status]),
      lastCheckIn: r[c.lastCheckIn] ?? '',
      notes: str(r[c.notes]),
      unit: unitOfFormat(numberFormats?.[i]?.[c.target] ?? numberFormats?.[i]?.[c.baseline]),
      row: i + 1,
    });
  }
  return out;
}

// ---- IDs ------------------------------------------------------------------------------------------------------

/** Counters that make IDs never reused within a quarter, even after deletions. Stored per quarter. */
export interface IdCounters {
  objectives: number;
  keyResults: Record<string, number>;
}

export const NO_IDS: IdCounters = { objectives: 0, keyResults: {} };

const OBJECTIVE_ID = /^O(\d+)$/;
const KR_ID = /^(O\d+)\.(\d+)$/;

/** The next objective ID: above every ID ever issued this quarter and every ID in the sheet. */
export function nextObjectiveId(
  counters: IdCounters,
  existing: readonly string[],
): { id: string; counters: IdCounters } {
  let n = counters.objectives;
  for (const id of existing) {
    const m = OBJECTIVE_ID.exec(id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  const next = n + 1;
  return { id: `O${next}`, counters: { ...counters, objectives: next } };
}

export function nextKeyResultId(
  counters: IdCounters,
  objectiveId: string,
  existing: readonly string[],
): { id: string; counters: IdCounters } {
  let n = counters.keyResults[objectiveId] ?? 0;
  for (const id of existing) {
    const m = KR_ID.exec(id);
    if (m && m[1] === objectiveId) n = Math.max(n, Number(m[2]));
  }
  const next = n + 1;
  return {
    id: `${objectiveId}.${next}`,
    counters: { ...counters, keyResults: { ...counters.keyResults, [objectiveId]: next } },
  };
}

export function readIdCounters(json: string | null | undefined): IdCounters {
  if (!json) return NO_IDS;
  try {
    const raw = JSON.parse(json) as Partial<IdCounters>;
    const objectives =
      typeof raw.objectives === 'number' && raw.objectives >= 0 ? Math.floor(raw.objectives) : 0;
    const keyResults: Record<string, number> = {};
    for (const [k, v] of Object.entries(raw.keyResults ?? {})) {
      if (OBJECTIVE_ID.test(k) && typeof v === 'number' && v >= 0) keyResults[k] = Math.floor(v);
    }
    return { objectives, keyResults };
  } catch {
    return NO_IDS;
  }
}

// ---- Formulas -------------------------------------------------------------------------------------------------

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

export interface QuarterDays {
  start: Day;
  end: Day;
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

/** The live formula of a Current cell that follows a KPI. */
export function kpiCurrentFormula(namedRange: string): string {
  return `=KPI_LATEST(${namedRange})`;
}

/** The KPI a Current formula follows, if any. */
export function kpiOfCurrentFormula(formula: string | undefined): string | undefined {
  const m = formula ? /^=KPI_LATEST\(\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\)$/.exec(formula.trim()) : null;
  return m ? m[1] : undefined;
}

// ---- Rows written by the add-on --------------------------------------------------------------------------------

/** One cell to write, by column key: user text is marked as text so it can never become a formula. */
export type RowPatch<K extends string> = Partial<Record<K, Cell>>;

export function textCell(s: string | undefined): Cell {
  return s ? asText(s) : '';
}

export function numberCell(n: number | undefined | ''): Cell {
  return n === undefined ? '' : n;
}

/**
 * Splits a row patch into runs of adjacent columns, so a row is written with one setValues per run (the
 * computed columns between them are never written: they belong to the header formulas).
 */
export function contiguousRuns<K extends string>(
  patch: RowPatch<K>,
  columns: Record<K, number>,
): Array<{ start: number; values: Cell[] }> {
  const cells = (Object.keys(patch) as K[])
    .filter((k) => patch[k] !== undefined)
    .map((k) => [columns[k], patch[k] as Cell] as const)
    .sort((a, b) => a[0] - b[0]);
  const runs: Array<{ start: number; values: Cell[] }> = [];
  for (const [index, value] of cells) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.values.length === index) last.values.push(value);
    else runs.push({ start: index, values: [value] });
  }
  return runs;
}

// ---- The next quarter ------------------------------------------------------------------------------------------

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

/** A KR is finished when it scored 1 (or more, with an over-achievement cap). */
export function isFinished(kr: KeyResult): boolean {
  return typeof kr.score === 'number' && kr.score >= 1;
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
    if (carry === 'unfinished') return !isFinished(kr);
    return carry.includes(kr.id) || (carry.includes(kr.objectiveId) && !isFinished(kr));
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
