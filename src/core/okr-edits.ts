// Editing objectives and key results, and checking in, decided without a spreadsheet. Each edit is a plan made
// from the parsed input and the rows the server read once: the row to write, the cells, the number format, the
// ID counters to keep, or an InputError that says what is wrong. The server only reads and writes.

import type { KeyResultColumns } from './formulas';
import { type IdCounters, nextKeyResultId, nextObjectiveId } from './ids';
import { latestFormula, latestFormulaRange } from './kpi-registry';
import {
  type CHECK_INS,
  contiguousRuns,
  type KEY_RESULTS,
  type KeyOf,
  numberCell,
  type OBJECTIVES,
  type RowPatch,
  rowRunsBottomUp,
  textCell,
} from './layout';
import type { KeyResult, Objective } from './okr';
import type { CheckIn, SaveKeyResult, SaveObjective } from './schema';
import { AUTOMATIC_FORMAT, numberFormatOf, type Quantity, unitText } from './units';
import { type Cell, InputError, readNumber } from './values';

/** The item of a quarter with an ID, or an InputError naming it and the quarter. */
export function findById<T extends { id: string }>(
  items: readonly T[],
  id: string,
  what: string,
  quarter: string,
): T {
  const item = items.find((x) => x.id === id);
  if (!item) throw new InputError(`${what} ${id} is not in ${quarter}`);
  return item;
}

/** Where an edit writes: the row (1-based), the ID, and the counters to keep when a new ID was issued. */
export interface RowWrite<K extends string> {
  id: string;
  row: number;
  patch: RowPatch<K>;
  counters?: IdCounters;
}

/** What an edit reads: the quarter's rows, its ID counters, and the first free row of the sheet written. */
export interface QuarterRows {
  quarter: string;
  objectives: readonly Objective[];
  keyResults: readonly KeyResult[];
  /** the quarter's ID counters, read only when a new ID is issued */
  counters: () => IdCounters;
  /** the row a new item is appended at */
  appendAt: number;
}

/** Where a saved item goes: its own row when it exists, else a new ID (counters moved on) in a new row. */
function placeOf(
  existing: { id: string; row: number } | undefined,
  issue: () => { id: string; counters: IdCounters },
  appendAt: number,
): { id: string; row: number; counters?: IdCounters } {
  if (existing) return { id: existing.id, row: existing.row };
  const next = issue();
  return { id: next.id, row: appendAt, counters: next.counters };
}

export function planObjectiveSave(v: SaveObjective, q: QuarterRows): RowWrite<KeyOf<typeof OBJECTIVES>> {
  if (v.alignsTo !== undefined) {
    if (v.alignsTo === v.id) throw new InputError(`objective: alignsTo: an objective cannot align to itself`);
    findById(q.objectives, v.alignsTo, 'objective: alignsTo: objective', q.quarter);
  }
  const existing = v.id ? findById(q.objectives, v.id, 'objective', q.quarter) : undefined;
  const at = placeOf(
    existing,
    () =>
      nextObjectiveId(
        q.counters(),
        q.objectives.map((o) => o.id),
      ),
    q.appendAt,
  );
  return {
    ...at,
    patch: {
      id: at.id,
      title: textCell(v.title),
      owner: textCell(v.owner),
      team: textCell(v.team),
      alignsTo: v.alignsTo ?? '',
      ...(v.notes !== undefined || !existing ? { notes: textCell(v.notes) } : {}),
    },
  };
}

/** A KPI as a key result needs it: its latest value (the baseline when linking) and its unit. */
export interface KpiRef {
  id: string;
  latest: Cell;
  /** the registry's Latest formula (by the KPI's dates and series), which a following key result copies */
  latestFormula?: string;
  /** the registry's Unit cell */
  unit: string;
}

/** A key result may follow only a KPI the registry has. */
export function requireKpi(kpiId: string | undefined, kpi: KpiRef | undefined): void {
  if (kpiId && !kpi) throw new InputError(`key result: kpiId: "${kpiId}" is not a tagged KPI`);
}

export interface KeyResultWrite extends RowWrite<KeyOf<typeof KEY_RESULTS>> {
  /** the number format for its Baseline, Target and Current, when it must be written */
  format?: string;
}

const isQuantity = (v: unknown): v is Quantity => typeof v === 'object' && v !== null && 'value' in v;

/** The one unit a key result's numbers were typed in: "" for plain numbers; two different units are refused. */
function typedUnit(v: SaveKeyResult): string {
  const typed = (['baseline', 'target', 'current'] as const).flatMap((k) => {
    const q = v[k];
    return isQuantity(q) && q.unit ? [[k, q.unit] as const] : [];
  });
  const [first, other] = [typed[0], typed.find(([, u]) => u !== typed[0]?.[1])];
  if (first && other) {
    throw new InputError(
      `key result: ${other[0]}: is in ${other[1]} but ${first[0]} is in ${first[1]}; type its numbers in one unit`,
    );
  }
  return first?.[1] ?? '';
}

/**
 * Plans saving a key result: checks the input against the quarter (its objective, its ID, the KPI it follows),
 * decides the baseline (a KPI's value when it is linked, unless given), Current (the KPI's live formula; the
 * last value kept as a number when it is unlinked) and the unit (the KPI's, else the one its numbers were
 * typed in), and the number format that shows them in it.
 */
export function planKeyResultSave(v: SaveKeyResult, q: QuarterRows, kpi: KpiRef | undefined): KeyResultWrite {
  findById(q.objectives, v.objectiveId, 'key result: objectiveId: objective', q.quarter);
  const existing = v.id ? findById(q.keyResults, v.id, 'key result', q.quarter) : undefined;
  if (existing && existing.objectiveId !== v.objectiveId) {
    throw new InputError(
      `key result: objectiveId: ${v.id} belongs to ${existing.objectiveId}; key result IDs stay with their objective`,
    );
  }
  requireKpi(v.kpiId, kpi);
  if (kpi && v.current !== undefined) {
    throw new InputError('key result: current: a key result that follows a KPI reads Current from the KPI');
  }
  let baseline = v.baseline?.value;
  if (kpi && baseline === undefined && (!existing || existing.kpiId !== kpi.id)) {
    try {
      baseline = readNumber('', kpi.latest);
    } catch {
      baseline = undefined;
    }
  }
  const target = v.target?.value;
  const type = v.type ?? 'auto';
  if (type !== 'yes/no' && v.current !== undefined && !isQuantity(v.current)) {
    throw new InputError(
      `key result: current: "${v.current}" is not a number (only a yes/no key result takes yes or no)`,
    );
  }
  if (type === 'auto' && baseline !== undefined && target !== undefined && baseline === target) {
    throw new InputError(
      `key result: target: baseline and target are both ${target}: that is a KPI to maintain, not a key result; use type "at least" or "at most"`,
    );
  }
  const unit = kpi ? unitText(kpi.unit) : typedUnit(v);
  const at = placeOf(
    existing,
    () =>
      nextKeyResultId(
        q.counters(),
        v.objectiveId,
        q.keyResults.map((k) => k.id),
      ),
    q.appendAt,
  );
  // unlinking a KPI keeps the value it last read, as a plain number, unless a new Current is given
  const unlinked = existing?.kpiId && !kpi && v.current === undefined ? existing.current : undefined;
  const current: Cell = kpi
    ? (kpi.latestFormula ?? latestFormula(kpi.id))
    : isQuantity(v.current)
      ? v.current.value
      : typeof v.current === 'string'
        ? textCell(v.current)
        : (v.current ?? (typeof unlinked === 'number' ? unlinked : ''));
  const format = numberFormatOf(unit, [baseline, target, current, kpi?.latest]);
  return {
    ...at,
    patch: {
      id: at.id,
      objective: v.objectiveId,
      title: textCell(v.title),
      owner: textCell(v.owner),
      type,
      baseline: numberCell(baseline),
      target: numberCell(target),
      current,
      kpi: kpi ? kpi.id : '',
      weight: numberCell(v.weight),
      ...(v.notes !== undefined || !existing ? { notes: textCell(v.notes) } : {}),
      unit: textCell(unit),
    },
    // a plain key result that never had a unit keeps the automatic format: nothing to write
    ...(format !== AUTOMATIC_FORMAT || (existing && existing.unit !== '') ? { format } : {}),
  };
}

export interface CheckInWrite {
  /** the Check-ins log row, by column */
  log: RowPatch<KeyOf<typeof CHECK_INS>>;
  /** the key result's cells that change */
  patch: RowPatch<KeyOf<typeof KEY_RESULTS>>;
}

/**
 * Plans a weekly check-in: a key result that follows a KPI takes no value (the log records the KPI's), a value
 * is a number (or yes/no for a yes/no key result) in the key result's unit, and something must be given.
 */
export function planCheckIn(v: CheckIn, kr: KeyResult, quarter: string, now: Date): CheckInWrite {
  const followsKpi = Boolean(latestFormulaRange(kr.currentFormula));
  if (followsKpi && v.value !== undefined) {
    throw new InputError(`check-in: value: ${kr.id} follows a KPI; its value comes from the KPI tab`);
  }
  if (!followsKpi && v.value === undefined && v.confidence === undefined && v.note === undefined) {
    throw new InputError('check-in: value: enter a value, a confidence or a note');
  }
  if (v.value !== undefined && !isQuantity(v.value) && kr.type !== 'yes/no') {
    throw new InputError(
      `check-in: value: "${v.value}" is not a number (only a yes/no key result takes yes or no)`,
    );
  }
  if (isQuantity(v.value) && v.value.unit && kr.unit && v.value.unit !== kr.unit) {
    throw new InputError(`check-in: value: is in ${v.value.unit}, but ${kr.id} is in ${kr.unit}`);
  }
  const value: Cell = isQuantity(v.value)
    ? v.value.value
    : typeof v.value === 'string'
      ? textCell(v.value)
      : v.value;
  const patch: RowPatch<KeyOf<typeof KEY_RESULTS>> = { lastCheckIn: now };
  if (!followsKpi && value !== undefined) patch.current = value;
  if (v.confidence !== undefined) patch.confidence = v.confidence;
  return {
    log: {
      timestamp: now,
      quarter,
      krId: kr.id,
      value: followsKpi ? kr.current : (value ?? ''),
      confidence: v.confidence ?? '',
      note: textCell(v.note),
    },
    patch,
  };
}

/**
 * Plans deleting an objective: refused while it has key results, unless `cascade`; then its key results go
 * too, as runs of adjacent rows from the bottom up.
 */
export function planObjectiveDelete(
  id: string,
  cascade: boolean | undefined,
  q: Pick<QuarterRows, 'quarter' | 'objectives' | 'keyResults'>,
): { objectiveRow: number; keyResultRuns: Array<{ start: number; count: number }>; deleted: string[] } {
  const o = findById(q.objectives, id, 'objective', q.quarter);
  const krs = q.keyResults.filter((k) => k.objectiveId === id);
  if (krs.length && !cascade) {
    throw new InputError(
      `objective ${id} has ${krs.length} key result${krs.length > 1 ? 's' : ''} (${krs.map((k) => k.id).join(', ')}); delete them first, or delete the objective with its key results`,
    );
  }
  return {
    objectiveRow: o.row,
    keyResultRuns: rowRunsBottomUp(krs.map((k) => k.row)),
    deleted: [...krs.map((k) => k.id), id],
  };
}

/** Baseline, Target and Current as runs of adjacent columns (0-based), for writing their number format. */
export function numberColumnRuns(c: KeyResultColumns): Array<{ start: number; count: number }> {
  return contiguousRuns({ baseline: 0, target: 0, current: 0 }, c).map((r) => ({
    start: r.start,
    count: r.values.length,
  }));
}
