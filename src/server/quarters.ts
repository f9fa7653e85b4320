// The quarter cycle on the spreadsheet: setting up a quarter's two sheets, editing objectives and key
// results, check-ins, and starting the next quarter. Each action reads what it needs once, decides in core,
// and writes in batches.
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
import { type KpiRef, kpiRefs, listKpiViews } from './kpis';
import { loadIdCounters, loadSettings, saveIdCounters, saveSettings } from './settings';
import {
  active,
  createLayoutSheet,
  dataColumn,
  lastFilledRow,
  listValidation,
  readTable,
  type Table,
  taggedSheets,
  tagSheet,
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
export function findQuarterSheets(
  ss: Spreadsheet,
  label: string,
  settings: Settings,
): QuarterSheets | undefined {
  let objectives: Sheet | undefined;
  let keyResults: Sheet | undefined;
  let days: QuarterDays | undefined;
  for (const t of taggedSheets(ss)) {
    if (t.tag.quarter !== label) continue;
    if (t.tag.kind === 'objectives') objectives = t.sheet;
    if (t.tag.kind === 'keyResults') keyResults = t.sheet;
    const start = readDay('start', t.tag.start);
    const end = readDay('end', t.tag.end);
    if (start && end) days = { start, end };
  }
  objectives = objectives ?? ss.getSheetByName(sheetName(OBJECTIVES, label)) ?? undefined;
  keyResults = keyResults ?? ss.getSheetByName(sheetName(KEY_RESULTS, label)) ?? undefined;
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
  const keyResultsTable = readTable(sheets.keyResults, KEY_RESULTS, true);
  return {
    sheets,
    objectivesTable,
    keyResultsTable,
    objectives: readObjectives(objectivesTable.values, objectivesTable.columns),
    keyResults: readKeyResults(keyResultsTable.values, keyResultsTable.formulas, keyResultsTable.columns),
  };
}

function currentQuarter(ss: Spreadsheet, settings: Settings): QuarterData {
  const label = settings.currentQuarter;
  const sheets = label ? findQuarterSheets(ss, label, settings) : undefined;
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
  const ss = active();
  const settings = loadSettings();
  const now = today();
  const suggestedQuarter = formatQuarter(quarterOfDay(now, settings.fiscalStartMonth));
  const sheets = settings.currentQuarter
    ? findQuarterSheets(ss, settings.currentQuarter, settings)
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
    kpis: listKpiViews(ss),
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
  ss: Spreadsheet,
  label: string,
  days: QuarterDays,
  settings: Settings,
  objectiveRows: Cell[][],
  keyResultRows: Cell[][],
): CreatedQuarter {
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
  tagSheet(objectives, { kind: 'objectives', ...tag });
  tagSheet(keyResults, { kind: 'keyResults', ...tag });
  return { objectives, keyResults };
}

export function setUpQuarter(input?: unknown): State {
  const { quarter } = parseInput(setUpQuarterInput, input ?? {}, 'set up');
  withDocumentLock('quarter change', () => {
    const ss = active();
    const settings = loadSettings();
    const label = quarter ?? formatQuarter(quarterOfDay(today(), settings.fiscalStartMonth));
    refuseExisting(ss, label, settings);
    createQuarterSheets(ss, label, daysOf(label, settings), settings, [], []);
    saveSettings({ ...settings, currentQuarter: label });
    ss.toast(`Created "${label} Objectives" and "${label} Key Results".`, 'okr-sheets', 5);
  });
  return getState();
}

function refuseExisting(ss: Spreadsheet, label: string, settings: Settings): void {
  const names = [sheetName(OBJECTIVES, label), sheetName(KEY_RESULTS, label)];
  const existing = names.filter((n) => ss.getSheetByName(n));
  if (existing.length || findQuarterSheets(ss, label, settings)) {
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
  return withDocumentLock('edit', () => {
    const ss = active();
    const settings = loadSettings();
    const data = currentQuarter(ss, settings);
    const { objectives, objectivesTable: t } = data;
    const label = data.sheets.label;
    if (v.alignsTo !== undefined) {
      if (v.alignsTo === v.id)
        throw new InputError(`objective: alignsTo: an objective cannot align to itself`);
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
  });
}

export function saveKeyResult(input: unknown): { id: string } {
  const v: SaveKeyResult = parseInput(saveKeyResultInput, input, 'key result');
  return withDocumentLock('edit', () => {
    const ss = active();
    const settings = loadSettings();
    const data = currentQuarter(ss, settings);
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
      kpi = kpiRefs(ss).get(v.kpiId);
      if (!kpi) throw new InputError(`key result: kpiId: "${v.kpiId}" is not a tagged KPI`);
      if (v.current !== undefined) {
        throw new InputError(
          'key result: current: a key result that follows a KPI reads Current from the KPI',
        );
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
    return { id: id! };
  });
}

export function deleteKeyResult(id: unknown): { deleted: string[] } {
  const krId = parseInput(keyResultId, id, 'delete');
  return withDocumentLock('edit', () => {
    const data = currentQuarter(active(), loadSettings());
    const kr = findRow(data.keyResults, krId, 'key result', data.sheets.label);
    data.sheets.keyResults.deleteRows(kr.row, 1);
    return { deleted: [krId] };
  });
}

export function deleteObjective(id: unknown, options?: unknown): { deleted: string[] } {
  const oid = parseInput(objectiveId, id, 'delete');
  const { cascade } = parseInput(deleteOptions, options ?? {}, 'delete');
  return withDocumentLock('edit', () => {
    const data = currentQuarter(active(), loadSettings());
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
  ss: Spreadsheet,
  layout: L,
  kind: 'checkIns' | 'history',
): { sheet: Sheet; created: boolean } {
  const found = taggedSheets(ss).find((t) => t.tag.kind === kind)?.sheet ?? ss.getSheetByName(layout.name);
  if (found) return { sheet: found, created: false };
  const { sheet } = createLayoutSheet(ss, { layout, name: layout.name });
  tagSheet(sheet, { kind });
  return { sheet, created: true };
}

export function checkIn(input: unknown): { krId: string } {
  const v = parseInput(checkInInput, input, 'check-in');
  return withDocumentLock('edit', () => {
    const ss = active();
    const data = currentQuarter(ss, loadSettings());
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
    const log = ensureSheet(ss, CHECK_INS, 'checkIns').sheet;
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
    const ss = active();
    const before = loadSettings();
    const after = applySettingsUpdate(before, input);
    const scoringChanged = JSON.stringify(before.scoring) !== JSON.stringify(after.scoring);
    const sheets = after.currentQuarter ? findQuarterSheets(ss, after.currentQuarter, after) : undefined;
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
  ss: Spreadsheet;
  settings: Settings;
  data: QuarterData;
  to: string;
  plan: ReturnType<typeof planNextQuarter>;
}

function prepare(input: unknown): Prepared {
  const v = parseInput(newQuarterInput, input, 'new quarter');
  const ss = active();
  const settings = loadSettings();
  const data = currentQuarter(ss, settings);
  const from = parseQuarter(data.sheets.label);
  const to = v.quarter ?? formatQuarter(nextQuarter(from));
  if (to === data.sheets.label) throw new InputError(`new quarter: quarter: ${to} is the current quarter`);
  const plan = planNextQuarter(data.objectives, data.keyResults, v.carry, v.targets ?? {});
  return { ss, settings, data, to, plan };
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
          };
        }),
    })),
    historyRows: plan.history.length,
  };
}

/**
 * Closes the current quarter and opens the next, all or nothing: every write registers how to undo it, and
 * a failure part-way undoes them in reverse, so the workbook is left exactly as it was.
 */
export function startNewQuarter(input: unknown): NewQuarterResult {
  return withDocumentLock(
    'quarter change',
    () => {
      const { ss, settings, data, to, plan } = prepare(input);
      refuseExisting(ss, to, settings);
      const days = daysOf(to, settings);
      const undo: Array<() => void> = [];
      try {
        // 1. the new quarter's sheets, carried rows included (KPI links keep their live formula)
        const objRows = plan.carriedObjectives.map((o) =>
          OBJECTIVES.columns.map((c) => {
            switch (c.key) {
              case 'id':
                return o.id;
              case 'title':
                return textCell(o.title);
              case 'owner':
                return textCell(o.owner);
              case 'team':
                return textCell(o.team);
              case 'alignsTo':
                return plan.carriedObjectives.some((x) => x.id === o.alignsTo) ? o.alignsTo : '';
              case 'notes':
                return textCell(o.notes);
              default:
                return '';
            }
          }),
        );
        const krRows = plan.carriedKeyResults.map(({ from: k, baseline, target }) =>
          KEY_RESULTS.columns.map((c) => {
            switch (c.key) {
              case 'id':
                return k.id;
              case 'objective':
                return k.objectiveId;
              case 'title':
                return textCell(k.title);
              case 'owner':
                return textCell(k.owner);
              case 'type':
                return k.type;
              case 'baseline':
                return baseline;
              case 'target':
                return target;
              case 'current':
                return k.currentFormula && kpiOfCurrentFormula(k.currentFormula) ? k.currentFormula : '';
              case 'kpi':
                return k.kpiId;
              case 'weight':
                return k.weight;
              case 'notes':
                return textCell(k.notes);
              default:
                return '';
            }
          }),
        );
        const created = createQuarterSheets(ss, to, days, settings, objRows, krRows);
        undo.push(() => {
          ss.deleteSheet(created.keyResults);
          ss.deleteSheet(created.objectives);
        });
        // 2. final scores into OKR History
        const history = ensureSheet(ss, HISTORY, 'history');
        if (history.created) undo.push(() => ss.deleteSheet(history.sheet));
        const ht = readTable(history.sheet, HISTORY);
        const closedOn = new Date();
        const rows = plan.history.map(({ objective, kr }) => {
          const row: Cell[] = new Array(ht.values[0]?.length ?? HISTORY.columns.length).fill('');
          row[ht.columns.quarter] = data.sheets.label;
          row[ht.columns.objectiveId] = kr.objectiveId;
          row[ht.columns.objective] = textCell(objective?.title);
          row[ht.columns.krId] = kr.id;
          row[ht.columns.keyResult] = textCell(kr.title);
          row[ht.columns.baseline] = kr.baseline;
          row[ht.columns.target] = kr.target;
          row[ht.columns.finalValue] = typeof kr.current === 'string' ? textCell(kr.current) : kr.current;
          row[ht.columns.score] = kr.scoreError ? textCell(`#ERROR: ${kr.scoreError}`) : kr.score;
          row[ht.columns.closedOn] = closedOn;
          return row;
        });
        if (rows.length) {
          const first = lastFilledRow(ht.values, ht.columns.quarter) + 1;
          const maxRows = history.sheet.getMaxRows();
          const needed = first + rows.length - 1;
          if (needed > maxRows) {
            history.sheet.insertRowsAfter(maxRows, needed - maxRows);
            if (!history.created) undo.push(() => history.sheet.deleteRows(maxRows + 1, needed - maxRows));
          }
          const range = history.sheet.getRange(first, 1, rows.length, rows[0]!.length);
          range.setValues(rows);
          if (!history.created) undo.push(() => range.clearContent());
        }
        // 3. the closing quarter becomes read-only with a warning; its formulas keep computing
        for (const sheet of [data.sheets.objectives, data.sheets.keyResults]) {
          const protection = sheet.protect().setWarningOnly(true);
          undo.push(() => protection.remove());
          protection.setDescription(
            `okr-sheets: ${data.sheets.label} is closed; its final scores are in OKR History`,
          );
        }
        // 4. the new quarter is current
        saveSettings({ ...settings, currentQuarter: to });
        undo.push(() => saveSettings(settings));
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
