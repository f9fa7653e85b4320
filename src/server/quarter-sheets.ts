// A quarter's two sheets on the spreadsheet: finding them (by the list of our sheets, so a renamed tab is still
// found, else by name), reading each once, creating them from the layout, and dressing them: the one step that
// gives a quarter's sheets their dropdowns, validations, band colours, Unit column and number formats, used
// when a quarter is set up and when the next quarter's sheets are made from copies.

import { columnLetter } from '../core/a1';
import {
  type KeyResultColumns,
  keyResultFormulas,
  type ObjectiveColumns,
  objectiveFormulas,
} from '../core/formulas';
import { headers, KEY_RESULTS, layoutColumns, OBJECTIVES } from '../core/layout';
import { type KeyResult, type Objective, readKeyResults, readObjectives } from '../core/okr';
import { numberColumnRuns } from '../core/okr-edits';
import { scoreQuarter } from '../core/okr-scores';
import {
  elapsedShare,
  paceColourFormulas,
  parseQuarter,
  type QuarterInfo,
  quarterInfo,
} from '../core/quarter';
import { BAND_COLOURS, SCORE_TYPES } from '../core/score';
import type { Settings } from '../core/settings';
import { type Cell, type Day, formatDay, InputError, readDay } from '../core/values';
import { dayInZone } from './dates';
import { type Sheet, spreadsheetApp } from './gas';
import type { Doc } from './sheet-list';
import {
  colourRules,
  columnValidation,
  createLayoutSheet,
  dataColumn,
  listValidation,
  readTable,
  type Table,
} from './tables';

export interface QuarterSheets {
  info: QuarterInfo;
  objectives: Sheet;
  keyResults: Sheet;
}

/** A quarter's two sheets, found by the list of our sheets (so renaming a tab changes nothing), else by name. */
export function findQuarterSheets(doc: Doc, label: string, settings: Settings): QuarterSheets | undefined {
  let objectives: Sheet | undefined;
  let keyResults: Sheet | undefined;
  let days: QuarterInfo['days'] | undefined;
  for (const { sheet, entry } of doc.find((e) => e.quarter === label)) {
    if (entry.kind === 'objectives') objectives = sheet;
    if (entry.kind === 'keyResults') keyResults = sheet;
    const start = readDay('start', entry.start);
    const end = readDay('end', entry.end);
    if (start && end) days = { start, end };
  }
  const info = quarterInfo(parseQuarter(label), settings.fiscalStartMonth, days);
  objectives = objectives ?? doc.ss.getSheetByName(info.objectivesSheet) ?? undefined;
  keyResults = keyResults ?? doc.ss.getSheetByName(info.keyResultsSheet) ?? undefined;
  if (!objectives || !keyResults) return undefined;
  return { info, objectives, keyResults };
}

export interface QuarterData {
  sheets: QuarterSheets;
  objectivesTable: Table<typeof OBJECTIVES>;
  keyResultsTable: Table<typeof KEY_RESULTS>;
  objectives: Objective[];
  keyResults: KeyResult[];
}

/**
 * Both sheets read once: values, and for key results their formulas and number formats. Scores and statuses
 * are computed in core from the inputs read (core/okr-scores.ts), never taken from the Score and Status cells:
 * those are custom-function results Sheets may still be computing. `currentOf` gives a KPI-linked key
 * result's Current from the KPI's own values when the caller has read them.
 */
export function readQuarter(
  sheets: QuarterSheets,
  settings: Settings,
  today: Day,
  currentOf?: (kr: KeyResult) => Cell | undefined,
): QuarterData {
  const objectivesTable = readTable(sheets.objectives, OBJECTIVES);
  const keyResultsTable = readTable(sheets.keyResults, KEY_RESULTS, true, true);
  const { days } = sheets.info;
  const scored = scoreQuarter(
    readObjectives(objectivesTable.values, objectivesTable.columns),
    readKeyResults(
      keyResultsTable.values,
      keyResultsTable.formulas,
      keyResultsTable.columns,
      keyResultsTable.numberFormats,
    ),
    settings.scoring,
    elapsedShare(today, days.start, days.end),
    currentOf,
  );
  return { sheets, objectivesTable, keyResultsTable, ...scored };
}

/** The running quarter, read; an InputError that says what to do when there is none. */
export function currentQuarter(doc: Doc, settings: Settings): QuarterData {
  const label = settings.currentQuarter;
  const sheets = label ? findQuarterSheets(doc, label, settings) : undefined;
  if (!label || !sheets) {
    throw new InputError(
      label
        ? `the sheets of ${label} are missing; set up a quarter from the sidebar`
        : 'no quarter is set up yet; set up OKRs from the sidebar first',
    );
  }
  return readQuarter(sheets, settings, dayInZone(new Date()));
}

/** Refuses a quarter whose sheets exist: by name, or listed under another name (a tab renamed by the team). */
export function refuseExisting(doc: Doc, q: QuarterInfo): void {
  const names = [q.objectivesSheet, q.keyResultsSheet];
  const existing = names.filter((n) => doc.ss.getSheetByName(n));
  if (existing.length || doc.find((e) => e.quarter === q.label).length) {
    throw new InputError(
      `${q.label} is already set up (${(existing.length ? existing : names).map((n) => `"${n}"`).join(' and ')} exist); nothing was changed`,
    );
  }
}

/** Lists a quarter's two sheets with its days (in `doc`; saved with the settings). */
export function listQuarterSheets(doc: Doc, pair: Omit<QuarterSheets, 'info'>, q: QuarterInfo): void {
  const entry = { quarter: q.label, start: formatDay(q.days.start), end: formatDay(q.days.end) };
  doc.list(pair.objectives, { kind: 'objectives', ...entry });
  doc.list(pair.keyResults, { kind: 'keyResults', ...entry });
}

/** The header formulas of both sheets for a quarter (its days, its Key Results sheet's name, the scoring). */
export function quarterFormulas(
  q: QuarterInfo,
  obj: ObjectiveColumns,
  kr: KeyResultColumns,
  settings: Settings,
  keyResultsSheet = q.keyResultsSheet,
) {
  return {
    objectives: objectiveFormulas(obj, kr, keyResultsSheet, q.days, settings.scoring),
    keyResults: keyResultFormulas(kr, q.days, settings.scoring),
  };
}

/**
 * Creates `<quarter> Objectives` and `<quarter> Key Results` as the first two tabs, from the layout, headers
 * with their formulas, then dresses them.
 */
export function createQuarterSheets(
  doc: Doc,
  q: QuarterInfo,
  settings: Settings,
): Omit<QuarterSheets, 'info'> {
  const obj = layoutColumns(OBJECTIVES);
  const kr = layoutColumns(KEY_RESULTS);
  const formulas = quarterFormulas(q, obj, kr, settings);
  const pair = {
    objectives: createLayoutSheet(doc.ss, {
      layout: OBJECTIVES,
      name: q.objectivesSheet,
      index: 0,
      headerFormulas: formulas.objectives,
    }).sheet,
    keyResults: createLayoutSheet(doc.ss, {
      layout: KEY_RESULTS,
      name: q.keyResultsSheet,
      index: 1,
      headerFormulas: formulas.keyResults,
    }).sheet,
  };
  dressQuarterSheets(pair, { objectives: obj, keyResults: kr }, q);
  return pair;
}

/**
 * Dresses a quarter's two sheets: the Objective dropdown lists this quarter's objective IDs, each data row's
 * Baseline, Target and Current show its unit (`rowFormats`, from row 2), the Type and Confidence validations
 * and the score colours. All of it is applied explicitly, also to copies of the closing quarter's sheets:
 * that Sheet.copyTo brings validations and conditional formats along is not documented.
 */
export function dressQuarterSheets(
  pair: Omit<QuarterSheets, 'info'>,
  columns: { objectives: ObjectiveColumns; keyResults: KeyResultColumns },
  q: QuarterInfo,
  how: { rowFormats?: readonly string[] } = {},
): void {
  const kr = columns.keyResults;
  const formats = how.rowFormats ?? [];
  if (formats.length) {
    for (const run of numberColumnRuns(kr)) {
      pair.keyResults
        .getRange(2, run.start + 1, formats.length, run.count)
        .setNumberFormats(formats.map((f) => new Array(run.count).fill(f)));
    }
  }
  dataColumn(pair.keyResults, kr.objective).setDataValidation(
    columnValidation(
      dataColumn(pair.objectives, columns.objectives.id),
      `An objective ID from ${q.objectivesSheet}`,
    ),
  );
  dataColumn(pair.keyResults, kr.type).setDataValidation(
    listValidation([...SCORE_TYPES], `One of: ${SCORE_TYPES.join(', ')}`),
  );
  dataColumn(pair.keyResults, kr.confidence).setDataValidation(
    spreadsheetApp()
      .newDataValidation()
      .requireNumberBetween(0, 10)
      .setAllowInvalid(false)
      .setHelpText('0 to 10')
      .build(),
  );
  colourBands(pair.objectives, columns.objectives);
  colourBands(pair.keyResults, kr);
}

/**
 * The colours of a score column: one conditional-format rule per band, by the status beside the score (its
 * pace: core/quarter.ts PACE_BANDS), so a red score never sits beside "On track". At the quarter's end the
 * status follows the bands, so the colour is the final grade's.
 */
function colourBands(sheet: Sheet, columns: { score: number; status: number }): void {
  const range = dataColumn(sheet, columns.score);
  const statusCell = `${columnLetter(columns.status + 1)}2`;
  sheet.setConditionalFormatRules(
    colourRules(
      range,
      paceColourFormulas(statusCell).map((r) => ({
        formula: r.formula,
        background: BAND_COLOURS[r.band].background,
      })),
    ),
  );
}

/**
 * The header row of a copied Key Results sheet for its new quarter: its own headers with the new formulas,
 * and the Unit column at its end when the sheet was made before that column existed (then the returned
 * columns include it).
 */
export function keyResultsHeader(
  t: Table<typeof KEY_RESULTS>,
  formulas: Partial<Record<string, string>>,
): { header: unknown[]; columns: KeyResultColumns } {
  const header = withFormulas(t.values[0] ?? headers(KEY_RESULTS), t.columns, formulas);
  if (t.columns.unit !== undefined) return { header, columns: t.columns };
  const unit = KEY_RESULTS.columns.find((c) => c.key === 'unit')!.header;
  return { header: [...header, unit], columns: { ...t.columns, unit: header.length } };
}

/** A header row with the formulas of its computed columns replaced. */
export function withFormulas(
  header: readonly unknown[],
  columns: Partial<Record<string, number>>,
  formulas: Partial<Record<string, string>>,
): unknown[] {
  const out = [...header];
  for (const [key, formula] of Object.entries(formulas)) {
    const index = columns[key];
    if (formula && index !== undefined) out[index] = formula;
  }
  return out;
}

/**
 * Whether a quarter sheet's header formulas still read from row 2. Rows inserted right below the header move
 * their references down (Sheets shifts `F2:F` to `F4:F`), and the spilled column no longer lines up with the
 * rows it scores.
 */
export function headerFormulasDrifted(headerFormulas: readonly string[]): boolean {
  const range = /(?:^|[^A-Z$])\$?[A-Z]{1,3}\$?([0-9]+):\$?[A-Z]{1,3}(?![0-9])/g;
  return headerFormulas.some((f) => {
    range.lastIndex = 0;
    for (let m = range.exec(f); m; m = range.exec(f)) if (m[1] !== '2') return true;
    return false;
  });
}

/**
 * Writes a quarter's header formulas anew when rows inserted below a header moved them off row 2, so the
 * sheet's scores line up with their rows again (the sidebar's never depended on them). Returns whether it did.
 */
export function repairHeaderFormulas(data: QuarterData, settings: Settings): boolean {
  const { sheets, objectivesTable: obj, keyResultsTable: kr } = data;
  const objectiveFormulas =
    sheets.objectives.getRange(1, 1, 1, Math.max(1, obj.values[0]?.length ?? 1)).getFormulas()[0] ?? [];
  const keyResultFormulas = kr.formulas?.[0] ?? [];
  if (!headerFormulasDrifted([...objectiveFormulas, ...keyResultFormulas])) return false;
  const formulas = quarterFormulas(
    sheets.info,
    obj.columns,
    kr.columns,
    settings,
    sheets.keyResults.getName(),
  );
  const write = (
    sheet: Sheet,
    columns: Partial<Record<string, number>>,
    byKey: Partial<Record<string, string>>,
  ) => {
    for (const [key, formula] of Object.entries(byKey)) {
      const index = columns[key];
      if (formula && index !== undefined) sheet.getRange(1, index + 1).setFormula(formula);
    }
  };
  write(sheets.keyResults, kr.columns, formulas.keyResults);
  write(sheets.objectives, obj.columns, formulas.objectives);
  return true;
}

/** Rewrites the Score and Status formulas and the band colours of a quarter's sheets (the scoring changed). */
export function rewriteScoring(sheets: QuarterSheets, settings: Settings): void {
  const obj = readTable(sheets.objectives, OBJECTIVES);
  const kr = readTable(sheets.keyResults, KEY_RESULTS);
  const formulas = quarterFormulas(
    sheets.info,
    obj.columns,
    kr.columns,
    settings,
    sheets.keyResults.getName(),
  );
  sheets.keyResults.getRange(1, kr.columns.score + 1).setFormula(formulas.keyResults.score!);
  sheets.keyResults.getRange(1, kr.columns.status + 1).setFormula(formulas.keyResults.status!);
  sheets.objectives.getRange(1, obj.columns.score + 1).setFormula(formulas.objectives.score!);
  sheets.objectives.getRange(1, obj.columns.status + 1).setFormula(formulas.objectives.status!);
  colourBands(sheets.objectives, obj.columns);
  colourBands(sheets.keyResults, kr.columns);
}
