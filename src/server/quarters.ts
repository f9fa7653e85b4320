// The quarter cycle on the spreadsheet: setting up a quarter's two sheets, editing objectives and key
// results, check-ins, and starting the next quarter. Each action reads what it needs once, decides in core,
// and writes in batches.

import { columnLetter } from '../core/a1';
import { CHECK_INS, HISTORY, KEY_RESULTS, type KeyOf, OBJECTIVES, sheetName } from '../core/layout';
import {
  contiguousRuns,
  type KeyResult,
  type KeyResultColumns,
  keyResultFormulas,
  kpiCurrentFormula,
  kpiOfCurrentFormula,
  nextKeyResultId,
  nextObjectiveId,
  numberCell,
  type Objective,
  type ObjectiveColumns,
  objectiveFormulas,
  planNextQuarter,
  type QuarterDays,
  type QuarterPlan,
  readKeyResults,
  readObjectives,
  textCell,
} from '../core/okr';
import {
  elapsedShare,
  formatQuarter,
  nextQuarter,
  parseQuarter,
  quarterEnd,
  quarterOfDay,
  quarterStart,
} from '../core/quarter';
import type {
  KeyResultView,
  NewQuarterPreview,
  NewQuarterResult,
  ObjectiveView,
  QuarterView,
  SettingsView,
  State,
} from '../core/rpc';
import {
  applySettingsUpdate,
  checkInInput,
  deleteOptions,
  keyResultId,
  newQuarterInput,
  objectiveId,
  parseInput,
  type SaveKeyResult,
  type Settings,
  saveKeyResultInput,
  saveObjectiveInput,
  setUpQuarterInput,
} from '../core/schema';
import { SCORE_TYPES } from '../core/score';
import { type Cell, type Day, formatDay, InputError, isDate, readDay, readNumber } from '../core/values';
import { dayInZone } from './dates';
import { type Sheet, type Spreadsheet, spreadsheetApp } from './gas';
import { type KpiRef, kpiRefs, listKpiViews } from './kpi-registry';
import {
  loadIdCounters,
  loadSettings,
  saveIdCounters,
  saveSettings,
  saveSettingsAndSheets,
} from './settings';
import {
  createLayoutSheet,
  Doc,
  dataColumn,
  lastFilledRow,
  listValidation,
  readTable,
  SHEETS_KEY,
  setDocumentProperty,
  type Table,
  withDocumentLock,
  writeRuns,
} from './workbook';

// ---- Finding a quarter's sheets ----------------------------------------------------------------------------------

export interface QuarterSheets {
  label: string;
  days: QuarterDays;
  objectives: Sheet;
  keyResults: Sheet;
}

function daysOf(label: string, settings: Settings): QuarterDays {
  const q = parseQuarter(label);
  return { start: quarterStart(q, settings.fiscalStartMonth), end: quarterEnd(q, settings.fiscalStartMonth) };
}

/** A quarter's two sheets, found by their developer metadata (so renaming a tab changes nothing), else by name. */
export function findQuarterSheets(doc: Doc, label: string, settings: Settings): QuarterSheets | undefined {
  let objectives: Sheet | undefined;
  let keyResults: Sheet | undefined;
  let days: QuarterDays | undefined;
  for (const t of doc.find((tag) => tag.quarter === label)) {
    if (t.tag.kind === 'objectives') objectives = t.sheet;
    if (t.tag.kind === 'keyResults') keyResults = t.sheet;
    const start = readDay('start', t.tag.start);
    const end = readDay('end', t.tag.end);
    if (start && end) days = { start, end };
  }
  objectives = objectives ?? doc.ss.getSheetByName(sheetName(OBJECTIVES, label)) ?? undefined;
  keyResults = keyResults ?? doc.ss.getSheetByName(sheetName(KEY_RESULTS, label)) ?? undefined;
  if (!objectives || !keyResults) return undefined;
  return { label, days: days ?? daysOf(label, settings), objectives, keyResults };
}

interface QuarterData {
  sheets: QuarterSheets;
  objectivesTable: Table<typeof OBJECTIVES>;
  keyResultsTable: Table<typeof KEY_RESULTS>;
  objectives: Objective[];
  keyResults: KeyResult[];
}

function readQuarter(sheets: QuarterSheets): QuarterData {
  const objectivesTable = readTable(sheets.objectives, OBJECTIVES);
  const keyResultsTable = readTable(sheets.keyResults, KEY_RESULTS, true, true);
  return {
    sheets,
    objectivesTable,
    keyResultsTable,
    objectives: readObjectives(objectivesTable.values, objectivesTable.columns),
    keyResults: readKeyResults(
      keyResultsTable.values,
      keyResultsTable.formulas,
      keyResultsTable.columns,
      keyResultsTable.numberFormats,
    ),
  };
}

function currentQuarter(doc: Doc, settings: Settings): QuarterData {
  const label = settings.currentQuarter;
  const sheets = label ? findQuarterSheets(doc, label, settings) : undefined;
  if (!label || !sheets) {
    throw new InputError(
      label
        ? `the sheets of ${label} are missing; set up a quarter from the sidebar`
        : 'no quarter is set up yet; set up OKRs from the sidebar first',
    );
  }
  return readQuarter(sheets);
}

// ---- State for the sidebar ---------------------------------------------------------------------------------------

function today(): Day {
  return dayInZone(new Date());
}

function settingsView(s: Settings): SettingsView {
  return {
    fiscalStartMonth: s.fiscalStartMonth,
    ...(s.currentQuarter ? { currentQuarter: s.currentQuarter } : {}),
    scoring: { ...s.scoring },
  };
}

function dayText(v: Cell): string {
  if (isDate(v)) return formatDay(dayInZone(v));
  if (typeof v === 'string') return v;
  return '';
}

function krView(kr: KeyResult): KeyResultView {
  return {
    id: kr.id,
    objectiveId: kr.objectiveId,
    title: kr.title,
    owner: kr.owner,
    type: kr.type,
    baseline: kr.baseline,
    target: kr.target,
    current: kr.current,
    kpiId: kr.kpiId,
    weight: kr.weight,
    confidence: kr.confidence,
    score: kr.score,
    ...(kr.scoreError ? { scoreError: kr.scoreError } : {}),
    status: kr.status,
    lastCheckIn: dayText(kr.lastCheckIn),
    notes: kr.notes,
    unit: kr.unit,
  };
}

function objectiveViews(objectives: Objective[], keyResults: KeyResult[]): ObjectiveView[] {
  return objectives.map((o) => ({
    id: o.id,
    title: o.title,
    owner: o.owner,
    team: o.team,
    alignsTo: o.alignsTo,
    notes: o.notes,
    score: o.score,
    ...(o.scoreError ? { scoreError: o.scoreError } : {}),
    status: o.status,
    keyResults: keyResults.filter((k) => k.objectiveId === o.id).map(krView),
  }));
}

export function getState(): State {
  const doc = new Doc();
  const ss = doc.ss;
  const settings = loadSettings();
  const now = today();
  const suggestedQuarter = formatQuarter(quarterOfDay(now, settings.fiscalStartMonth));
  const sheets = settings.currentQuarter
    ? findQuarterSheets(doc, settings.currentQuarter, settings)
    : undefined;
  let quarter: QuarterView | undefined;
  let objectives: ObjectiveView[] = [];
  if (sheets) {
    const data = readQuarter(sheets);
    quarter = {
      label: sheets.label,
      start: formatDay(sheets.days.start),
      end: formatDay(sheets.days.end),
      elapsed: elapsedShare(now, sheets.days.start, sheets.days.end),
      objectivesSheet: sheets.objectives.getName(),
      keyResultsSheet: sheets.keyResults.getName(),
    };
    objectives = objectiveViews(data.objectives, data.keyResults);
  }
  return {
    today: formatDay(now),
    settings: settingsView(settings),
    ...(quarter ? { quarter } : {}),
    suggestedQuarter,
    objectives,
    kpis: listKpiViews(ss, doc),
  };
}

// ---- Creating a quarter's sheets ---------------------------------------------------------------------------------

const STANDARD_KR = Object.fromEntries(KEY_RESULTS.columns.map((c, i) => [c.key, i])) as KeyResultColumns;
const STANDARD_OBJ = Object.fromEntries(OBJECTIVES.columns.map((c, i) => [c.key, i])) as ObjectiveColumns;

/** Scores below yellowFrom red, below greenFrom yellow, else green: one formula rule per band. */
function bandRules(sheet: Sheet, scoreColumn: number, bands: { yellowFrom: number; greenFrom: number }) {
  const app = spreadsheetApp();
  const range = dataColumn(sheet, scoreColumn);
  const cell = `${range.getA1Notation().split(':')[0]}`;
  const rule = (formula: string, background: string) =>
    app
      .newConditionalFormatRule()
      .whenFormulaSatisfied(formula)
      .setBackground(background)
      .setRanges([range])
      .build();
  return [
    rule(`=AND(ISNUMBER(${cell}),${cell}>=${bands.greenFrom})`, '#b7e1cd'),
    rule(`=AND(ISNUMBER(${cell}),${cell}>=${bands.yellowFrom})`, '#fce8b2'),
    rule(`=AND(ISNUMBER(${cell}),${cell}<${bands.yellowFrom})`, '#f4c7c3'),
  ];
}

interface CreatedQuarter {
  objectives: Sheet;
  keyResults: Sheet;
}

/**
 * Creates `<quarter> Objectives` and `<quarter> Key Results` as the first two tabs: headers with their
 * formulas, formats, dropdowns, band colours, and developer metadata that finds them after a rename.
 */
function createQuarterSheets(
  doc: Doc,
  label: string,
  days: QuarterDays,
  settings: Settings,
  objectiveRows: Cell[][],
  keyResultRows: Cell[][],
): CreatedQuarter {
  const ss = doc.ss;
  const objName = sheetName(OBJECTIVES, label);
  const krName = sheetName(KEY_RESULTS, label);
  const objectives = createLayoutSheet(ss, {
    layout: OBJECTIVES,
    name: objName,
    index: 0,
    headerFormulas: objectiveFormulas(STANDARD_OBJ, STANDARD_KR, krName, days, settings.scoring),
    rows: objectiveRows,
  }).sheet;
  const keyResults = createLayoutSheet(ss, {
    layout: KEY_RESULTS,
    name: krName,
    index: 1,
    headerFormulas: keyResultFormulas(STANDARD_KR, days, settings.scoring),
    rows: keyResultRows,
  }).sheet;
  const app = spreadsheetApp();
  dataColumn(keyResults, STANDARD_KR.type).setDataValidation(
    listValidation([...SCORE_TYPES], `One of: ${SCORE_TYPES.join(', ')}`),
  );
  dataColumn(keyResults, STANDARD_KR.confidence).setDataValidation(
    app.newDataValidation().requireNumberBetween(0, 10).setAllowInvalid(false).setHelpText('0 to 10').build(),
  );
  dataColumn(keyResults, STANDARD_KR.objective).setDataValidation(
    app
      .newDataValidation()
      .requireValueInRange(dataColumn(objectives, STANDARD_OBJ.id), true)
      .setAllowInvalid(false)
      .setHelpText(`An objective ID from ${objName}`)
      .build(),
  );
  objectives.setConditionalFormatRules(bandRules(objectives, STANDARD_OBJ.score, settings.scoring));
  keyResults.setConditionalFormatRules(bandRules(keyResults, STANDARD_KR.score, settings.scoring));
  const tag = { quarter: label, start: formatDay(days.start), end: formatDay(days.end) };
  doc.tag(objectives, { kind: 'objectives', ...tag });
  doc.tag(keyResults, { kind: 'keyResults', ...tag });
  return { objectives, keyResults };
}

export function setUpQuarter(input?: unknown): State {
  const { quarter } = parseInput(setUpQuarterInput, input ?? {}, 'set up');
  withDocumentLock('quarter change', () => {
    const doc = new Doc();
    const ss = doc.ss;
    const settings = loadSettings();
    const label = quarter ?? formatQuarter(quarterOfDay(today(), settings.fiscalStartMonth));
    refuseExisting(doc, label);
    createQuarterSheets(doc, label, daysOf(label, settings), settings, [], []);
    saveSettingsAndSheets({ ...settings, currentQuarter: label }, doc);
    ss.toast(`Created "${label} Objectives" and "${label} Key Results".`, 'okr-sheets', 5);
  });
  return getState();
}

function refuseExisting(doc: Doc, label: string): void {
  const ss = doc.ss;
  const names = [sheetName(OBJECTIVES, label), sheetName(KEY_RESULTS, label)];
  const existing = names.filter((n) => ss.getSheetByName(n));
  // by name, or listed as the quarter's sheets under another name (a tab renamed by the team)
  if (existing.length || doc.find((tag) => tag.quarter === label).length) {
    throw new InputError(
      `${label} is already set up (${(existing.length ? existing : names).map((n) => `"${n}"`).join(' and ')} exist); nothing was changed`,
    );
  }
}

// ---- Editing objectives and key results -------------------------------------------------------------------------

function findRow<T extends { id: string; row: number }>(
  items: T[],
  id: string,
  what: string,
  quarter: string,
): T {
  const item = items.find((x) => x.id === id);
  if (!item) throw new InputError(`${what} ${id} is not in ${quarter}`);
  return item;
}

export function saveObjective(input: unknown): { id: string } {
  const v = parseInput(saveObjectiveInput, input, 'objective');
  return withDocumentLock('edit', () => writeObjective(v));
}

function writeObjective(v: ReturnType<typeof parseSaveObjective>): { id: string } {
  const doc = new Doc();
  const settings = loadSettings();
  const data = currentQuarter(doc, settings);
  const { objectives, objectivesTable: t } = data;
  const label = data.sheets.label;
  if (v.alignsTo !== undefined) {
    if (v.alignsTo === v.id) throw new InputError(`objective: alignsTo: an objective cannot align to itself`);
    findRow(objectives, v.alignsTo, 'objective: alignsTo: objective', label);
  }
  let id = v.id;
  let row: number;
  if (id) {
    row = findRow(objectives, id, 'objective', label).row;
  } else {
    const next = nextObjectiveId(
      loadIdCounters(label),
      objectives.map((o) => o.id),
    );
    id = next.id;
    saveIdCounters(label, next.counters);
    row = lastFilledRow(t.values, t.columns.id) + 1;
  }
  const patch: Partial<Record<KeyOf<typeof OBJECTIVES>, Cell>> = {
    id,
    title: textCell(v.title),
    owner: textCell(v.owner),
    team: textCell(v.team),
    alignsTo: v.alignsTo ?? '',
    ...(v.notes !== undefined || !v.id ? { notes: textCell(v.notes) } : {}),
  };
  writeRuns(t.sheet, row, contiguousRuns(patch, t.columns));
  return { id };
}

const parseSaveObjective = (input: unknown) => parseInput(saveObjectiveInput, input, 'objective');

export function saveKeyResult(input: unknown): { id: string } {
  const v: SaveKeyResult = parseInput(saveKeyResultInput, input, 'key result');
  return withDocumentLock('edit', () => writeKeyResult(v, input));
}

/**
 * "Create an objective to fix this" from a KPI: an objective and its first key result, following the KPI, in
 * one call. Both inputs are checked before anything is written, so a refused key result leaves no objective.
 */
export function createObjectiveForKpi(input: unknown): { objectiveId: string; keyResultId: string } {
  const raw = (input ?? {}) as { objective?: unknown; keyResult?: unknown };
  const objective = parseSaveObjective(raw.objective);
  if (objective.id) throw new InputError('objective: id: a new objective has no ID yet');
  const krInput = { ...((raw.keyResult ?? {}) as Record<string, unknown>), objectiveId: 'O1' };
  const kr = parseInput(saveKeyResultInput, krInput, 'key result');
  if (kr.id) throw new InputError('key result: id: a new key result has no ID yet');
  if (!kr.kpiId) throw new InputError('key result: kpiId: is required');
  return withDocumentLock('edit', () => {
    if (!kpiRefs(spreadsheetApp().getActiveSpreadsheet()).has(kr.kpiId!)) {
      throw new InputError(`key result: kpiId: "${kr.kpiId}" is not a tagged KPI`);
    }
    const { id } = writeObjective(objective);
    try {
      const written = writeKeyResult({ ...kr, objectiveId: id }, { ...krInput, objectiveId: id });
      return { objectiveId: id, keyResultId: written.id };
    } catch (e) {
      // the key result was refused after all: take the objective back out
      const data = currentQuarter(new Doc(), loadSettings());
      const row = data.objectives.find((o) => o.id === id)?.row;
      if (row) data.sheets.objectives.deleteRows(row, 1);
      throw e;
    }
  });
}

function writeKeyResult(v: SaveKeyResult, input: unknown): { id: string } {
  const doc = new Doc();
  const settings = loadSettings();
  const data = currentQuarter(doc, settings);
  const label = data.sheets.label;
  const t = data.keyResultsTable;
  findRow(data.objectives, v.objectiveId, 'key result: objectiveId: objective', label);
  const existing = v.id ? findRow(data.keyResults, v.id, 'key result', label) : undefined;
  if (existing && existing.objectiveId !== v.objectiveId) {
    throw new InputError(
      `key result: objectiveId: ${v.id} belongs to ${existing.objectiveId}; key result IDs stay with their objective`,
    );
  }
  let kpi: KpiRef | undefined;
  if (v.kpiId) {
    kpi = kpiRefs(doc.ss).get(v.kpiId);
    if (!kpi) throw new InputError(`key result: kpiId: "${v.kpiId}" is not a tagged KPI`);
    if (v.current !== undefined) {
      throw new InputError('key result: current: a key result that follows a KPI reads Current from the KPI');
    }
  }
  // The baseline of a KPI-linked KR is the KPI's value when it is linked, unless given.
  let baseline = v.baseline;
  const linking = kpi && (!existing || existing.kpiId !== kpi.id);
  if (kpi && baseline === undefined && linking) {
    try {
      baseline = readNumber('', kpi.latest);
    } catch {
      baseline = undefined;
    }
  }
  const type = v.type ?? 'auto';
  if (type !== 'yes/no' && v.current !== undefined && typeof v.current !== 'number') {
    throw new InputError(
      `key result: current: "${v.current}" is not a number (only a yes/no key result takes yes or no)`,
    );
  }
  if (type === 'auto' && baseline !== undefined && v.target !== undefined && baseline === v.target) {
    throw new InputError(
      `key result: target: baseline and target are both ${v.target}: that is a KPI to maintain, not a key result; use type "at least" or "at most"`,
    );
  }
  let id = v.id;
  let row: number;
  if (existing) {
    row = existing.row;
  } else {
    const next = nextKeyResultId(
      loadIdCounters(label),
      v.objectiveId,
      data.keyResults.map((k) => k.id),
    );
    id = next.id;
    saveIdCounters(label, next.counters);
    row = lastFilledRow(t.values, t.columns.id) + 1;
  }
  // Unlinking a KPI keeps the value it last read, as a plain number, unless a new Current is given.
  const unlinked = existing?.kpiId && !kpi && v.current === undefined ? existing.current : undefined;
  const current: Cell = kpi
    ? kpiCurrentFormula(kpi.namedRange)
    : typeof v.current === 'string'
      ? textCell(v.current)
      : (v.current ?? (typeof unlinked === 'number' ? unlinked : ''));
  const patch: Partial<Record<KeyOf<typeof KEY_RESULTS>, Cell>> = {
    id: id!,
    objective: v.objectiveId,
    title: textCell(v.title),
    owner: textCell(v.owner),
    type,
    baseline: numberCell(baseline),
    target: numberCell(v.target),
    current,
    kpi: kpi ? kpi.id : '',
    weight: numberCell(v.weight),
    ...(v.notes !== undefined || !existing ? { notes: textCell(v.notes) } : {}),
  };
  writeRuns(t.sheet, row, contiguousRuns(patch, t.columns));
  // Values typed as percents (or a KPI in %) read as percents in the sheet and the sidebar alike; a KR
  // edited from percents to plain numbers goes back to the automatic format.
  // A KR following a KPI reads in the KPI's unit (percent or currency).
  const format = kpi ? (UNIT_FORMATS[kpi.unit] ?? AUTOMATIC) : typedAsPercent(input) ? PERCENT : AUTOMATIC;
  if (format !== AUTOMATIC || (existing && existing.unit !== '')) {
    for (const run of contiguousRuns({ baseline: 0, target: 0, current: 0 }, t.columns)) {
      t.sheet.getRange(row, run.start + 1, 1, run.values.length).setNumberFormat(format);
    }
  }
  return { id: id! };
}

const PERCENT = '0.0%';
/** Sheets' automatic number format. */
const AUTOMATIC = 'General';
const UNIT_FORMATS: Record<string, string> = { '%': PERCENT, currency: '$#,##0' };

/** Whether the user typed any of a key result's numbers as a percent ("8%"). */
function typedAsPercent(input: unknown): boolean {
  const raw = (input ?? {}) as Record<string, unknown>;
  return ['baseline', 'target', 'current'].some(
    (k) => typeof raw[k] === 'string' && String(raw[k]).trim().endsWith('%'),
  );
}

export function deleteKeyResult(id: unknown): { deleted: string[] } {
  const krId = parseInput(keyResultId, id, 'delete');
  return withDocumentLock('edit', () => {
    const data = currentQuarter(new Doc(), loadSettings());
    const kr = findRow(data.keyResults, krId, 'key result', data.sheets.label);
    data.sheets.keyResults.deleteRows(kr.row, 1);
    return { deleted: [krId] };
  });
}

export function deleteObjective(id: unknown, options?: unknown): { deleted: string[] } {
  const oid = parseInput(objectiveId, id, 'delete');
  const { cascade } = parseInput(deleteOptions, options ?? {}, 'delete');
  return withDocumentLock('edit', () => {
    const data = currentQuarter(new Doc(), loadSettings());
    const o = findRow(data.objectives, oid, 'objective', data.sheets.label);
    const krs = data.keyResults.filter((k) => k.objectiveId === oid);
    if (krs.length && !cascade) {
      throw new InputError(
        `objective ${oid} has ${krs.length} key result${krs.length > 1 ? 's' : ''} (${krs.map((k) => k.id).join(', ')}); delete them first, or delete the objective with its key results`,
      );
    }
    // bottom-up so row numbers stay valid; adjacent rows go in one call
    const rows = krs.map((k) => k.row).sort((a, b) => b - a);
    let i = 0;
    while (i < rows.length) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1] === rows[j]! - 1) j++;
      data.sheets.keyResults.deleteRows(rows[j]!, i === j ? 1 : j - i + 1);
      i = j + 1;
    }
    data.sheets.objectives.deleteRows(o.row, 1);
    return { deleted: [...krs.map((k) => k.id), oid] };
  });
}

// ---- Check-ins ---------------------------------------------------------------------------------------------------

function ensureSheet<L extends typeof CHECK_INS | typeof HISTORY>(
  doc: Doc,
  layout: L,
  kind: 'checkIns' | 'history',
  undo?: Array<() => void>,
): { sheet: Sheet; created: boolean } {
  const found = doc.sheetOfKind(kind, layout.name);
  if (found) return { sheet: found, created: false };
  // a log sheet appears at the end without taking the user away from the sheet they are on
  const onShow = doc.ss.getActiveSheet();
  const { sheet } = createLayoutSheet(
    doc.ss,
    { layout, name: layout.name, index: doc.ss.getSheets().length },
    undo,
  );
  doc.ss.setActiveSheet(onShow);
  doc.tag(sheet, { kind });
  return { sheet, created: true };
}

export function checkIn(input: unknown): { krId: string } {
  const v = parseInput(checkInInput, input, 'check-in');
  return withDocumentLock('edit', () => {
    const doc = new Doc();
    const data = currentQuarter(doc, loadSettings());
    const kr = findRow(data.keyResults, v.krId, 'key result', data.sheets.label);
    const followsKpi = Boolean(kpiOfCurrentFormula(kr.currentFormula));
    if (followsKpi && v.value !== undefined) {
      throw new InputError(`check-in: value: ${kr.id} follows a KPI; its value comes from the KPI tab`);
    }
    if (!followsKpi && v.value === undefined && v.confidence === undefined && v.note === undefined) {
      throw new InputError('check-in: value: enter a value, a confidence or a note');
    }
    if (v.value !== undefined && typeof v.value !== 'number' && kr.type !== 'yes/no') {
      throw new InputError(
        `check-in: value: "${v.value}" is not a number (only a yes/no key result takes yes or no)`,
      );
    }
    const checkedValue: Cell = typeof v.value === 'string' ? textCell(v.value) : v.value;
    const now = new Date();
    const logValue: Cell = followsKpi ? kr.current : (checkedValue ?? '');
    const log = ensureSheet(doc, CHECK_INS, 'checkIns').sheet;
    doc.saveSheets();
    const lt = readTable(log, CHECK_INS);
    const logRow: Cell[] = new Array(lt.values[0]?.length ?? CHECK_INS.columns.length).fill('');
    logRow[lt.columns.timestamp] = now;
    logRow[lt.columns.quarter] = data.sheets.label;
    logRow[lt.columns.krId] = kr.id;
    logRow[lt.columns.value] = logValue;
    logRow[lt.columns.confidence] = v.confidence ?? '';
    logRow[lt.columns.note] = textCell(v.note);
    const next = lastFilledRow(lt.values, lt.columns.krId) + 1;
    if (next > log.getMaxRows()) log.insertRowsAfter(log.getMaxRows(), 100);
    log.getRange(next, 1, 1, logRow.length).setValues([logRow]);
    const patch: Partial<Record<KeyOf<typeof KEY_RESULTS>, Cell>> = { lastCheckIn: now };
    if (!followsKpi && checkedValue !== undefined) patch.current = checkedValue;
    if (v.confidence !== undefined) patch.confidence = v.confidence;
    writeRuns(data.sheets.keyResults, kr.row, contiguousRuns(patch, data.keyResultsTable.columns));
    return { krId: kr.id };
  });
}

// ---- Settings ----------------------------------------------------------------------------------------------------

export function updateSettings(input: unknown): SettingsView {
  return withDocumentLock('settings change', () => {
    const doc = new Doc();
    const before = loadSettings();
    const after = applySettingsUpdate(before, input);
    const scoringChanged = JSON.stringify(before.scoring) !== JSON.stringify(after.scoring);
    const sheets = after.currentQuarter ? findQuarterSheets(doc, after.currentQuarter, after) : undefined;
    if (scoringChanged && sheets) rewriteFormulas(sheets, after);
    saveSettings(after);
    return settingsView(after);
  });
}

/** Rewrites the header formulas and band colours of a quarter's sheets, e.g. after the scoring settings change. */
function rewriteFormulas(sheets: QuarterSheets, settings: Settings): void {
  const obj = readTable(sheets.objectives, OBJECTIVES);
  const kr = readTable(sheets.keyResults, KEY_RESULTS);
  const krFormulas = keyResultFormulas(kr.columns, sheets.days, settings.scoring);
  const objFormulas = objectiveFormulas(
    obj.columns,
    kr.columns,
    sheets.keyResults.getName(),
    sheets.days,
    settings.scoring,
  );
  sheets.keyResults.getRange(1, kr.columns.score + 1).setFormula(krFormulas.score!);
  sheets.keyResults.getRange(1, kr.columns.status + 1).setFormula(krFormulas.status!);
  sheets.objectives.getRange(1, obj.columns.score + 1).setFormula(objFormulas.score!);
  sheets.objectives.getRange(1, obj.columns.status + 1).setFormula(objFormulas.status!);
  sheets.objectives.setConditionalFormatRules(
    bandRules(sheets.objectives, obj.columns.score, settings.scoring),
  );
  sheets.keyResults.setConditionalFormatRules(
    bandRules(sheets.keyResults, kr.columns.score, settings.scoring),
  );
}

// ---- Starting the next quarter -------------------------------------------------------------------------------------

interface Prepared {
  doc: Doc;
  ss: Spreadsheet;
  settings: Settings;
  data: QuarterData;
  to: string;
  plan: ReturnType<typeof planNextQuarter>;
}

function prepare(input: unknown): Prepared {
  const v = parseInput(newQuarterInput, input, 'new quarter');
  const doc = new Doc();
  const ss = doc.ss;
  const settings = loadSettings();
  const data = currentQuarter(doc, settings);
  const from = parseQuarter(data.sheets.label);
  const to = v.quarter ?? formatQuarter(nextQuarter(from));
  if (to === data.sheets.label) throw new InputError(`new quarter: quarter: ${to} is the current quarter`);
  const plan = planNextQuarter(data.objectives, data.keyResults, v.carry, v.targets ?? {});
  return { doc, ss, settings, data, to, plan };
}

export function previewNewQuarter(input: unknown): NewQuarterPreview {
  const { data, to, plan } = prepare(input);
  const carried = new Map(plan.carriedKeyResults.map((c) => [c.from.id, c]));
  const carriedObjectives = new Set(plan.carriedObjectives.map((o) => o.id));
  return {
    from: data.sheets.label,
    to,
    objectives: data.objectives.map((o) => ({
      id: o.id,
      title: o.title,
      score: o.score,
      carried: carriedObjectives.has(o.id),
      keyResults: data.keyResults
        .filter((k) => k.objectiveId === o.id)
        .map((k) => {
          const c = carried.get(k.id);
          return {
            id: k.id,
            title: k.title,
            score: k.score,
            finished: typeof k.score === 'number' && k.score >= 1,
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

/**
 * Closes the current quarter and opens the next, all or nothing: every write registers how to undo it, and
 * a failure part-way undoes them in reverse, so the workbook is left exactly as it was.
 *
 * The new sheets are copies of the closing quarter's (Sheet.copyTo): formats, dropdowns, band colours, column
 * widths and any columns the team added come along in two calls instead of dozens; the copies then get the
 * new quarter's header formulas and the carried rows.
 */
export function startNewQuarter(input: unknown): NewQuarterResult {
  return withDocumentLock(
    'quarter change',
    () => {
      const { doc, ss, settings, data, to, plan } = prepare(input);
      refuseExisting(doc, to);
      const days = daysOf(to, settings);
      const undo: Array<() => void> = [];
      const activeBefore = ss.getActiveSheet();
      undo.push(() => ss.setActiveSheet(activeBefore));
      try {
        // 1. the new quarter's sheets: copies of the closing quarter's, renamed and moved to the front
        const objT = data.objectivesTable;
        const krT = data.keyResultsTable;
        const objectives = copyForQuarter(ss, data.sheets.objectives, sheetName(OBJECTIVES, to), 1, undo);
        const keyResults = copyForQuarter(ss, data.sheets.keyResults, sheetName(KEY_RESULTS, to), 2, undo);
        const objFormulas = objectiveFormulas(
          objT.columns,
          krT.columns,
          sheetName(KEY_RESULTS, to),
          days,
          settings.scoring,
        );
        const krFormulas = keyResultFormulas(krT.columns, days, settings.scoring);
        writeQuarterRows(objectives, objT, objFormulas, carriedObjectiveRows(plan, objT));
        writeQuarterRows(keyResults, krT, krFormulas, carriedKeyResultRows(plan, krT));
        // the copied rows' formats belonged to other key results: each carried row reads in its own unit
        if (plan.carriedKeyResults.length) {
          const formats = plan.carriedKeyResults.map((c) => (c.from.unit === '%' ? PERCENT : AUTOMATIC));
          for (const run of contiguousRuns({ baseline: 0, target: 0, current: 0 }, krT.columns)) {
            keyResults
              .getRange(2, run.start + 1, formats.length, run.values.length)
              .setNumberFormats(formats.map((f) => run.values.map(() => f)));
          }
        }
        // the Objective dropdown must list the new quarter's objectives, not the closing quarter's
        dataColumn(keyResults, krT.columns.objective).setDataValidation(
          spreadsheetApp()
            .newDataValidation()
            .requireValueInRange(dataColumn(objectives, objT.columns.id), true)
            .setAllowInvalid(false)
            .setHelpText(`An objective ID from ${sheetName(OBJECTIVES, to)}`)
            .build(),
        );
        const tag = { quarter: to, start: formatDay(days.start), end: formatDay(days.end) };
        doc.tag(objectives, { kind: 'objectives', ...tag });
        doc.tag(keyResults, { kind: 'keyResults', ...tag });
        // 2. final scores into OKR History
        appendHistory(doc, data, plan, undo);
        // 3. the closing quarter becomes read-only with a warning; its formulas keep computing
        for (const sheet of [data.sheets.objectives, data.sheets.keyResults]) {
          const protection = sheet.protect();
          undo.push(() => protection.remove());
          protection
            .setWarningOnly(true)
            .setDescription(
              `okr-sheets: ${data.sheets.label} is closed; its final scores are in OKR History`,
            );
        }
        // 4. the new quarter is current, and on show
        ss.setActiveSheet(objectives);
        const sheetsBefore = doc.storedSheetList();
        saveSettingsAndSheets({ ...settings, currentQuarter: to }, doc);
        undo.push(() => {
          saveSettings(settings);
          setDocumentProperty(SHEETS_KEY, sheetsBefore);
        });
      } catch (e) {
        for (const step of undo.reverse()) {
          try {
            step();
          } catch {
            // keep undoing the rest: each step is independent
          }
        }
        const message = e && typeof e === 'object' && 'message' in e ? String(e.message) : String(e);
        throw new Error(`starting ${to} failed and nothing was changed: ${message}`);
      }
      const result = {
        quarter: to,
        carriedObjectives: plan.carriedObjectives.length,
        carriedKeyResults: plan.carriedKeyResults.length,
        historyRows: plan.history.length,
      };
      ss.toast(
        `${to} started: ${result.carriedKeyResults} key result${result.carriedKeyResults === 1 ? '' : 's'} carried over; ${data.sheets.label} is in OKR History.`,
        'okr-sheets',
        8,
      );
      return result;
    },
    1000,
  );
}

/** Copies a quarter sheet under a new name at a tab position, dropping any tag the copy carried along. */
function copyForQuarter(
  ss: Spreadsheet,
  source: Sheet,
  name: string,
  position: number,
  undo: Array<() => void>,
): Sheet {
  const copy = source.copyTo(ss);
  undo.push(() => ss.deleteSheet(copy));
  copy.setName(name);
  ss.setActiveSheet(copy);
  ss.moveActiveSheet(position);
  return copy;
}

/** Clears a copied quarter sheet's data rows and writes its header (with new formulas) and the carried rows. */
function writeQuarterRows<L extends typeof OBJECTIVES | typeof KEY_RESULTS>(
  sheet: Sheet,
  table: Table<L>,
  formulas: Partial<Record<string, string>>,
  rows: Cell[][],
): void {
  const width = table.values[0]?.length ?? table.sheet.getLastColumn();
  const last = columnLetter(width);
  sheet.getRange(`A2:${last}`).clearContent();
  const header = [...(table.values[0] ?? [])];
  for (const [key, formula] of Object.entries(formulas)) {
    const index = (table.columns as Record<string, number>)[key];
    if (formula && index !== undefined) header[index] = formula;
  }
  sheet.getRange(1, 1, 1 + rows.length, width).setValues([header, ...rows]);
}

function carriedObjectiveRows(plan: QuarterPlan, t: Table<typeof OBJECTIVES>): Cell[][] {
  const width = t.values[0]?.length ?? OBJECTIVES.columns.length;
  const carried = new Set(plan.carriedObjectives.map((o) => o.id));
  return plan.carriedObjectives.map((o) => {
    const row: Cell[] = new Array(width).fill('');
    const c = t.columns;
    row[c.id] = o.id;
    row[c.title] = textCell(o.title);
    row[c.owner] = textCell(o.owner);
    row[c.team] = textCell(o.team);
    row[c.alignsTo] = carried.has(o.alignsTo) ? o.alignsTo : '';
    row[c.notes] = textCell(o.notes);
    return row;
  });
}

function carriedKeyResultRows(plan: QuarterPlan, t: Table<typeof KEY_RESULTS>): Cell[][] {
  const width = t.values[0]?.length ?? KEY_RESULTS.columns.length;
  return plan.carriedKeyResults.map(({ from: k, baseline, target }) => {
    const row: Cell[] = new Array(width).fill('');
    const c = t.columns;
    row[c.id] = k.id;
    row[c.objective] = k.objectiveId;
    row[c.title] = textCell(k.title);
    row[c.owner] = textCell(k.owner);
    row[c.type] = k.type;
    row[c.baseline] = baseline;
    row[c.target] = target;
    // a KR that follows a KPI keeps its live formula; the others start the quarter with no value yet
    row[c.current] = kpiOfCurrentFormula(k.currentFormula) ? (k.currentFormula ?? '') : '';
    row[c.kpi] = k.kpiId;
    row[c.weight] = k.weight;
    row[c.notes] = textCell(k.notes);
    return row;
  });
}

/** Appends one OKR History row per key result of the closing quarter, with its final value and score. */
function appendHistory(doc: Doc, data: QuarterData, plan: QuarterPlan, undo: Array<() => void>): void {
  const history = ensureSheet(doc, HISTORY, 'history', undo);
  if (!plan.history.length) return;
  const ht = readTable(history.sheet, HISTORY);
  const closedOn = new Date();
  const width = ht.values[0]?.length ?? HISTORY.columns.length;
  const rows = plan.history.map(({ objective, kr }) => {
    const row: Cell[] = new Array(width).fill('');
    const c = ht.columns;
    row[c.quarter] = data.sheets.label;
    row[c.objectiveId] = kr.objectiveId;
    row[c.objective] = textCell(objective?.title);
    row[c.krId] = kr.id;
    row[c.keyResult] = textCell(kr.title);
    row[c.baseline] = kr.baseline;
    row[c.target] = kr.target;
    row[c.finalValue] = typeof kr.current === 'string' ? textCell(kr.current) : kr.current;
    row[c.score] = kr.scoreError ? textCell(`#ERROR: ${kr.scoreError}`) : kr.score;
    row[c.closedOn] = closedOn;
    return row;
  });
  const first = lastFilledRow(ht.values, ht.columns.quarter) + 1;
  const maxRows = history.sheet.getMaxRows();
  const needed = first + rows.length - 1;
  if (needed > maxRows) {
    history.sheet.insertRowsAfter(maxRows, needed - maxRows);
    if (!history.created) undo.push(() => history.sheet.deleteRows(maxRows + 1, needed - maxRows));
  }
  const range = history.sheet.getRange(first, 1, rows.length, width);
  range.setValues(rows);
  if (!history.created) undo.push(() => range.clearContent());
}
