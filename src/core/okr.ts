// Objectives and key results as the quarter sheets hold them: one row each, read from the values (and, for key
// results, the formulas and number formats) the server read once. An objective row without an ID is not read (no
// formula counts it); a key result row without an ID but with an objective is read and flagged `noId`, since
// its objective's roll-up counts it: every row the formulas count is one the sidebar shows.

import type { KeyResultColumns, ObjectiveColumns } from './formulas';
import type { PaceStatus } from './quarter';
import { readScoreType, type ScoreType } from './score';
import { unitOfFormat, unitText } from './units';
import { type Cell, isErrorText, numberOrBlank, textOf } from './values';

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
  /** key results its score counts (scored or not started), once scored in core (okr-scores.ts) */
  counted?: number;
  /** all its key results, once scored in core */
  keyResultCount?: number;
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
  /** what its numbers are (core/units.ts): the Unit cell, else what the Target cell's number format shows */
  unit: string;
  /** typed into the sheet without an ID (id is ""): counted by its objective, but not reachable by ID */
  noId?: true;
  row: number;
}

const status = (v: Cell): PaceStatus | 'Error' => {
  const s = textOf(v);
  return s === 'Done' || s === 'On track' || s === 'At risk' || s === 'Off track' || s === 'Error' ? s : '';
};

function scoreCell(v: Cell): { score: number | ''; scoreError?: string } {
  if (isErrorText(v)) return { score: '', scoreError: String(v).replace(/^#ERROR:\s*/, '') };
  return { score: numberOrBlank(v) };
}

/** Objectives from a sheet's values (row 1 is the header). */
export function readObjectives(values: Cell[][], c: ObjectiveColumns): Objective[] {
  const out: Objective[] = [];
  for (let i = 1; i < values.length; i++) {
    const r = values[i]!;
    const id = textOf(r[c.id]);
    if (!id) continue;
    out.push({
      id,
      title: textOf(r[c.title]),
      owner: textOf(r[c.owner]),
      team: textOf(r[c.team]),
      alignsTo: textOf(r[c.alignsTo]),
      notes: textOf(r[c.notes]),
      ...scoreCell(r[c.score]),
      status: status(r[c.status]),
      row: i + 1,
    });
  }
  return out;
}

/**
 * Key results from a sheet's values and formulas (row 1 is the header). A sheet made before the Unit column
 * existed (or a row typed in by hand without one) reads its unit from the Target cell's number format.
 */
export function readKeyResults(
  values: Cell[][],
  formulas: string[][] | undefined,
  c: KeyResultColumns,
  numberFormats?: string[][],
): KeyResult[] {
  const out: KeyResult[] = [];
  for (let i = 1; i < values.length; i++) {
    const r = values[i]!;
    const id = textOf(r[c.id]);
    if (!id && !textOf(r[c.objective])) continue;
    let type: ScoreType = 'auto';
    try {
      type = readScoreType(r[c.type]);
    } catch {
      // an unknown type shows as an error in the Score column; keep the row readable
    }
    const formula = formulas?.[i]?.[c.current];
    const current = r[c.current];
    const unitCell = c.unit === undefined ? '' : unitText(r[c.unit]);
    out.push({
      id,
      objectiveId: textOf(r[c.objective]),
      title: textOf(r[c.title]),
      owner: textOf(r[c.owner]),
      type,
      baseline: numberOrBlank(r[c.baseline]),
      target: numberOrBlank(r[c.target]),
      current: typeof current === 'number' || typeof current === 'string' ? current : '',
      ...(formula ? { currentFormula: formula } : {}),
      kpiId: textOf(r[c.kpi]),
      weight: numberOrBlank(r[c.weight]),
      confidence: numberOrBlank(r[c.confidence]),
      ...scoreCell(r[c.score]),
      status: status(r[c.status]),
      lastCheckIn: r[c.lastCheckIn] ?? '',
      notes: textOf(r[c.notes]),
      unit: unitCell || unitOfFormat(numberFormats?.[i]?.[c.target] ?? numberFormats?.[i]?.[c.baseline]),
      ...(id ? {} : { noId: true as const }),
      row: i + 1,
    });
  }
  return out;
}
