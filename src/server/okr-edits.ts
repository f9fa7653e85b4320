// The sidebar's edits to the running quarter: saving and deleting objectives and key results, "Create an
// objective to fix this" from a KPI, and weekly check-ins. Each parses its input, reads the quarter once under
// the document lock, lets core plan the edit (core/okr-edits.ts) and writes what the plan says.

import { CHECK_INS, contiguousRuns, fullRow, lastFilledRow } from '../core/layout';
import {
  findById,
  numberColumnRuns,
  planCheckIn,
  planKeyResultSave,
  planObjectiveDelete,
  planObjectiveSave,
  type QuarterRows,
  requireKpi,
} from '../core/okr-edits';
import {
  checkInInput,
  deleteOptions,
  keyResultId,
  objectiveId,
  parseInput,
  parseObjectiveForKpi,
  type SaveKeyResult,
  type SaveObjective,
  saveKeyResultInput,
  saveObjectiveInput,
} from '../core/schema';
import { kpiRefs } from './kpi-registry';
import { spreadsheetLocale } from './locale';
import { withDocumentLock } from './lock';
import { currentQuarter, type QuarterData } from './quarter-sheets';
import { loadCheckInName, loadIdCounters, loadSettings, saveCheckInName, saveIdCounters } from './settings';
import { Doc, ensureLogSheet } from './sheet-list';
import { appendRows, ensureRows, readLogEnd, withOptionalColumns, writeRuns } from './tables';

/** What a plan reads of the running quarter, with new rows going below the last filled row of `sheet`. */
function rowsOf(data: QuarterData, sheet: 'objectivesTable' | 'keyResultsTable'): QuarterRows {
  const t = data[sheet];
  return {
    quarter: data.sheets.info.label,
    objectives: data.objectives,
    keyResults: data.keyResults,
    counters: () => loadIdCounters(data.sheets.info.label),
    // a row typed without an ID (but with an objective or a title) is a row: never write over it
    appendAt:
      Math.max(
        ...(sheet === 'keyResultsTable'
          ? [
              data.keyResultsTable.columns.id,
              data.keyResultsTable.columns.objective,
              data.keyResultsTable.columns.title,
            ]
          : [data.objectivesTable.columns.id, data.objectivesTable.columns.title]
        ).map((column) => lastFilledRow(t.values, column)),
      ) + 1,
  };
}

export function saveObjective(input: unknown): { id: string } {
  const v = parseInput(saveObjectiveInput(), input, 'objective');
  return withDocumentLock('edit', () => writeObjective(v));
}

function writeObjective(v: SaveObjective): { id: string } {
  const data = currentQuarter(new Doc(), loadSettings());
  const plan = planObjectiveSave(v, rowsOf(data, 'objectivesTable'));
  if (plan.counters) saveIdCounters(data.sheets.info.label, plan.counters);
  const t = data.objectivesTable;
  ensureRows(t.sheet, plan.row);
  writeRuns(t.sheet, plan.row, contiguousRuns(plan.patch, t.columns));
  return { id: plan.id };
}

export function saveKeyResult(input: unknown): { id: string } {
  const v = parseInput(saveKeyResultInput(spreadsheetLocale()), input, 'key result');
  return withDocumentLock('edit', () => writeKeyResult(v));
}

function writeKeyResult(v: SaveKeyResult): { id: string } {
  const doc = new Doc();
  const data = currentQuarter(doc, loadSettings());
  const kpi = v.kpiId ? kpiRefs(doc.ss).get(v.kpiId) : undefined;
  const plan = planKeyResultSave(v, rowsOf(data, 'keyResultsTable'), kpi);
  if (plan.counters) saveIdCounters(data.sheets.info.label, plan.counters);
  const t = data.keyResultsTable;
  ensureRows(t.sheet, plan.row);
  writeRuns(t.sheet, plan.row, contiguousRuns(plan.patch, t.columns));
  if (plan.format !== undefined) {
    for (const run of numberColumnRuns(t.columns)) {
      t.sheet.getRange(plan.row, run.start + 1, 1, run.count).setNumberFormat(plan.format);
    }
  }
  return { id: plan.id };
}

/**
 * "Create an objective to fix this" from a KPI: an objective and its first key result, following the KPI, in
 * one call. Both inputs are checked before anything is written, so a refused key result leaves no objective.
 */
export function createObjectiveForKpi(input: unknown): { objectiveId: string; keyResultId: string } {
  const { objective, keyResult } = parseObjectiveForKpi(input, spreadsheetLocale());
  return withDocumentLock('edit', () => {
    requireKpi(keyResult.kpiId, kpiRefs(new Doc().ss).get(keyResult.kpiId!));
    const { id } = writeObjective(objective);
    try {
      return { objectiveId: id, keyResultId: writeKeyResult({ ...keyResult, objectiveId: id }).id };
    } catch (e) {
      // the key result was refused after all: take the objective back out
      const data = currentQuarter(new Doc(), loadSettings());
      const row = data.objectives.find((o) => o.id === id)?.row;
      if (row) data.sheets.objectives.deleteRows(row, 1);
      throw e;
    }
  });
}

export function deleteKeyResult(id: unknown): { deleted: string[] } {
  const krId = parseInput(keyResultId(), id, 'delete', 'id');
  return withDocumentLock('edit', () => {
    const data = currentQuarter(new Doc(), loadSettings());
    const kr = findById(data.keyResults, krId, 'key result', data.sheets.info.label);
    data.sheets.keyResults.deleteRows(kr.row, 1);
    return { deleted: [krId] };
  });
}

export function deleteObjective(id: unknown, options?: unknown): { deleted: string[] } {
  const oid = parseInput(objectiveId(), id, 'delete', 'id');
  const { cascade } = parseInput(deleteOptions(), options ?? {}, 'delete', 'options');
  return withDocumentLock('edit', () => {
    const data = currentQuarter(new Doc(), loadSettings());
    const plan = planObjectiveDelete(oid, cascade, { ...data, quarter: data.sheets.info.label });
    for (const run of plan.keyResultRuns) data.sheets.keyResults.deleteRows(run.start, run.count);
    data.sheets.objectives.deleteRows(plan.objectiveRow, 1);
    return { deleted: plan.deleted };
  });
}

export function checkIn(input: unknown): { krId: string } {
  const v = parseInput(checkInInput(spreadsheetLocale()), input, 'check-in');
  return withDocumentLock('edit', () => {
    const doc = new Doc();
    const data = currentQuarter(doc, loadSettings());
    const quarter = data.sheets.info.label;
    const kr = findById(data.keyResults, v.krId, 'key result', quarter);
    const author = v.author ?? loadCheckInName();
    if (v.author && v.author !== loadCheckInName()) saveCheckInName(v.author);
    const plan = planCheckIn(v, kr, quarter, new Date(), author);
    const log = ensureLogSheet(doc, CHECK_INS, 'checkIns').sheet;
    doc.saveSheets();
    // appended below the log's last row, which is never read: the log only grows
    const end = readLogEnd(log, CHECK_INS);
    const { columns, width } = withOptionalColumns(log, end, CHECK_INS);
    appendRows(log, end.next, [fullRow(plan.log, columns, width)], { spare: 99 });
    log.getRange(end.next, columns.value + 1).setNumberFormat(plan.valueFormat);
    writeRuns(data.sheets.keyResults, kr.row, contiguousRuns(plan.patch, data.keyResultsTable.columns));
    return { krId: kr.id };
  });
}
