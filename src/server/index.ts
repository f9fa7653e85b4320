// The add-on's whole face: every global Apps Script may call, and nothing else. scripts/build.mjs turns each
// `export function` here into a top-level declaration in dist/Code.js carrying the JSDoc written above it.
// Keep each body a one-line delegation; the work lives in core (pure) and the server modules.
import type { Arg, Result } from '../core/grid';
import type {
  CheckInInput,
  CreateObjectiveForKpiInput,
  KpiView,
  NewQuarterInput,
  NewQuarterPreview,
  NewQuarterResult,
  Overview,
  RpcApi,
  SaveKeyResultInput,
  SaveObjectiveInput,
  SettingsUpdateInput,
  SettingsView,
  State,
  TabView,
  TagKpiInput,
  WithState,
} from '../core/rpc';
import * as customFunctions from './functions';
import { spreadsheetApp } from './gas';
import * as kpiRegistry from './kpi-registry';
import * as kpiTagging from './kpi-tagging';
import { buildMenu } from './menu';
import * as newQuarter from './new-quarter';
import * as edits from './okr-edits';
import { readOverview } from './overview';
import { runSelfTest } from './self-test';
import * as setup from './setup';
import { openSidebar } from './sidebar';
import * as state from './state';

// ---- Triggers and menu --------------------------------------------------------------------------------

/**
 * Runs when the spreadsheet opens: adds the okr-sheets menu (also in AuthMode.NONE, where nothing else may run).
 * @param {GoogleAppsScript.Events.SheetsOnOpen} e The open event.
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  void e;
  buildMenu(spreadsheetApp().getUi());
}

/**
 * Runs when the add-on is installed from the Marketplace: same as opening the spreadsheet.
 * @param {GoogleAppsScript.Events.AddonOnInstall} e The install event.
 */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** Menu: Open OKR sidebar. */
export function showSidebar(): void {
  openSidebar();
}

/** Menu: Start new quarter… (opens the review in the sidebar; nothing changes until it is confirmed). */
export function showNewQuarter(): void {
  newQuarter.openReview();
}

/** Menu: Tag this tab as KPI… (opens the sidebar's KPIs panel with the active tab chosen). */
export function showTagKpi(): void {
  openSidebar({ panel: 'kpis', sheet: spreadsheetApp().getActiveSheet().getName() });
}

/**
 * Menu: Check this spreadsheet… (writes each kind of formula okr-sheets makes into a temporary sheet, checks
 * them, the custom functions, locale, time zone, lock, copying and protection, removes the sheet, and reports).
 */
export function checkThisSpreadsheet(): void {
  runSelfTest();
}

// ---- RPCs called by the sidebar (google.script.run) ------------------------------------------------------

/** RPC: the workbook's tabs, for the sidebar's overview. */
export function getOverview(): Overview {
  return readOverview();
}

/** RPC: the running quarter with its objectives, key results and scores, the KPIs, the settings. */
export function getState(): State {
  return state.getState();
}

/** RPC: creates the quarter's Objectives and Key Results sheets (refuses if they exist). */
export function setUpQuarter(input?: { quarter?: string }): State {
  return setup.setUpQuarter(input);
}

/** RPC: adds (no id) or edits an objective; returns its ID. */
export function saveObjective(input: SaveObjectiveInput): WithState<{ id: string }> {
  return state.withState(edits.saveObjective(input));
}

/** RPC: adds (no id) or edits a key result; returns its ID. */
export function saveKeyResult(input: SaveKeyResultInput): WithState<{ id: string }> {
  return state.withState(edits.saveKeyResult(input));
}

/** RPC: "Create an objective to fix this": an objective and its first key result following a KPI, in one call. */
export function createObjectiveForKpi(
  input: CreateObjectiveForKpiInput,
): WithState<{ objectiveId: string; keyResultId: string }> {
  return state.withState(edits.createObjectiveForKpi(input));
}

/** RPC: deletes an objective; refuses while it has key results unless options.cascade. */
export function deleteObjective(
  id: string,
  options?: { cascade?: boolean },
): WithState<{ deleted: string[] }> {
  return state.withState(edits.deleteObjective(id, options));
}

/** RPC: deletes a key result. */
export function deleteKeyResult(id: string): WithState<{ deleted: string[] }> {
  return state.withState(edits.deleteKeyResult(id));
}

/** RPC: a weekly check-in: value, confidence 0–10, note; logged in Check-ins. */
export function checkIn(input: CheckInInput): WithState<{ krId: string }> {
  return state.withState(edits.checkIn(input));
}

/** RPC: what starting the next quarter would do, changing nothing. */
export function previewNewQuarter(input: NewQuarterInput): NewQuarterPreview {
  return newQuarter.previewNewQuarter(input);
}

/** RPC: closes the current quarter and opens the next, all or nothing. */
export function startNewQuarter(input: NewQuarterInput): WithState<NewQuarterResult> {
  return state.withState(newQuarter.startNewQuarter(input));
}

/** RPC: changes settings; the quarter sheets' formulas follow. */
export function updateSettings(input: SettingsUpdateInput): WithState<SettingsView> {
  return state.withState(setup.updateSettings(input));
}

/** RPC: the user's tabs, with the header, date column and columns of numbers detected in each, and their KPIs. */
export function listTabs(): TabView[] {
  return kpiTagging.listTabs();
}

/** RPC: tags a column of a tab as a KPI (or updates the KPI on that column); the tab's cells are not written. */
export function tagKpi(input: TagKpiInput): WithState<KpiView> {
  return state.withState(kpiTagging.tagKpi(input));
}

/** RPC: untags a KPI (registry row, named range, marks); refuses while a current key result follows it. */
export function untagKpi(kpiId: string): WithState<{ untagged: string }> {
  return state.withState(kpiTagging.untagKpi(kpiId));
}

/** RPC: every KPI with its latest value, previous value, trend, status and recent values. */
export function listKpiViews(): KpiView[] {
  return kpiRegistry.listKpiViews(spreadsheetApp().getActiveSpreadsheet());
}

// ---- Custom functions --------------------------------------------------------------------------------------

/**
 * Scores a key result from 0 to 1: "from baseline to target, now at current".
 * Give whole columns (e.g. F2:F, G2:G, H2:H) to score every row with one call.
 *
 * @param {number|Array<Array<number>>} baseline Where the key result started: a cell or a column.
 * @param {number|Array<Array<number>>} target Where it should end: a cell or a column.
 * @param {number|Array<Array<number>>} current Where it is now: a cell or a column.
 * @param {string|Array<Array<string>>} [type] "auto" (default), "increase", "decrease", "at least", "at most", "yes/no" or "milestone".
 * @param {number} [cap] Highest score: 1 (default) clamps at 100%; a larger cap (150%) lets over-achievement show.
 * @return {number|Array<Array<number>>} The score from 0 to 1; blank while an input is blank.
 * @customfunction
 */
export function OKR_SCORE(baseline: Arg, target: Arg, current: Arg, type?: Arg, cap?: Arg): Result {
  return customFunctions.OKR_SCORE(baseline, target, current, type, cap);
}

/**
 * Scores objectives: for each objective ID, the weight-averaged score of its key results.
 * With krTargets, a key result with a target and no score yet counts as 0 (not started); one without a target is
 * left out. An objective without counted key results is blank.
 *
 * @param {string|Array<Array<string>>} ids The objectives to score (e.g. the Objectives sheet's ID column).
 * @param {Array<Array<string>>} krObjectiveIds For each key result, the ID of its objective.
 * @param {Array<Array<number>>} krScores For each key result, its score.
 * @param {Array<Array<number>>} [krWeights] For each key result, its weight (blank = 1).
 * @param {Array<Array<string>>} [krIds] For each key result, its ID (named in error messages).
 * @param {Array<Array<number>>} [krTargets] For each key result, its target (blank: not set up yet, left out).
 * @param {Array<Array<string>>} [krTypes] For each key result, its type (a yes/no key result needs no target).
 * @return {number|Array<Array<number>>} Each objective's score from 0 to 1.
 * @customfunction
 */
export function OKR_ROLLUP(
  ids: Arg,
  krObjectiveIds: Arg,
  krScores: Arg,
  krWeights?: Arg,
  krIds?: Arg,
  krTargets?: Arg,
  krTypes?: Arg,
): Result {
  return customFunctions.OKR_ROLLUP(ids, krObjectiveIds, krScores, krWeights, krIds, krTargets, krTypes);
}

/**
 * The colour band of a score (Google re:Work): "red" below 40%, "yellow" below 70%, else "green".
 *
 * @param {number|Array<Array<number>>} score A score or a column of scores.
 * @param {number} [yellowFrom] Lowest yellow score (default 40%).
 * @param {number} [greenFrom] Lowest green score (default 70%).
 * @return {string|Array<Array<string>>} "green", "yellow" or "red"; blank for a blank score.
 * @customfunction
 */
export function OKR_BAND(score: Arg, yellowFrom?: Arg, greenFrom?: Arg): Result {
  return customFunctions.OKR_BAND(score, yellowFrom, greenFrom);
}

/**
 * The latest entry of a KPI: by its dates when given (whatever the order of the rows, newest first or
 * unsorted; a row without a date, such as a totals row, is never the latest), else the last number written.
 * Numbers written as text (`1.234,5`, `$3.70`, `12%`) are read as written.
 *
 * @param {Array<Array<number>>} values The KPI's value column or row (e.g. Churn!B2:B or a named range).
 * @param {Array<Array<Date>>} [dates] Their dates, entry by entry (e.g. Churn!A2:A, or the header row of a row KPI).
 * @param {string} [how] How text dates read: "DMY", "MDY" or "YMD"; "year+month", "year+week", "year+quarter" or "day+hour" when the dates span two columns (the first and the last of the range).
 * @param {Array<Array<string>>} [keys] The column(s) telling stacked series apart (e.g. Traffic!A2:A).
 * @param {string} [key] The series the KPI follows (e.g. "EWR"; two columns: "A / B").
 * @return {number} The newest value; blank when there is none.
 * @customfunction
 */
export function OKR_KPI_LATEST(values: Arg, dates?: Arg, how?: Arg, keys?: Arg, key?: Arg): Result {
  return customFunctions.OKR_KPI_LATEST(values, dates, how, keys, key);
}

/**
 * The value a KPI had one cadence period before its latest entry: with dates and a cadence, the newest entry
 * dated on or before the latest date minus one period (a day, a week, a month, a quarter); with dates only,
 * the newest entry dated before the latest; without dates, the entry before the latest.
 *
 * @param {Array<Array<number>>} values The KPI's value column or row (e.g. Churn!B2:B or a named range such as KPI_churn).
 * @param {Array<Array<Date>>} [dates] The dates of those entries (e.g. Churn!A2:A).
 * @param {string} [cadence] "daily", "weekly", "monthly" or "quarterly"; blank: the previous entry.
 * @param {string} [how] How the dates read, as for OKR_KPI_LATEST.
 * @param {Array<Array<string>>} [keys] The column(s) telling stacked series apart.
 * @param {string} [key] The series the KPI follows.
 * @return {number} The earlier value; blank when there is none.
 * @customfunction
 */
export function OKR_KPI_PREVIOUS(
  values: Arg,
  dates?: Arg,
  cadence?: Arg,
  how?: Arg,
  keys?: Arg,
  key?: Arg,
): Result {
  return customFunctions.OKR_KPI_PREVIOUS(values, dates, cadence, how, keys, key);
}

/**
 * A KPI's health: "green" when it meets target, "yellow" within the warn-at level, "red" beyond.
 *
 * @param {number|Array<Array<number>>} value The KPI's value (a cell or a column).
 * @param {number|Array<Array<number>>} target The target to meet.
 * @param {number|Array<Array<number>>} warnAt The level past which it turns red (blank: no yellow zone).
 * @param {string|Array<Array<string>>} betterWhen "higher" or "lower".
 * @return {string|Array<Array<string>>} "green", "yellow" or "red"; blank when value or target is blank.
 * @customfunction
 */
export function OKR_KPI_STATUS(value: Arg, target: Arg, warnAt: Arg, betterWhen: Arg): Result {
  return customFunctions.OKR_KPI_STATUS(value, target, warnAt, betterWhen);
}

/**
 * The quarter of a date, as "YYYY-Qn". A fiscal year is labelled by the calendar year in which it ends.
 *
 * @param {Date|Array<Array<Date>>} date A date or a column of dates.
 * @param {number} [fiscalStartMonth] Month the fiscal year starts, 1–12 (default 1, January).
 * @return {string|Array<Array<string>>} The quarter label, e.g. "2027-Q1".
 * @customfunction
 */
export function OKR_QUARTER(date: Arg, fiscalStartMonth?: Arg): Result {
  return customFunctions.OKR_QUARTER(date, fiscalStartMonth);
}

/**
 * The first day of a quarter.
 *
 * @param {string|Array<Array<string>>} label A quarter label such as "2027-Q1".
 * @param {number} [fiscalStartMonth] Month the fiscal year starts, 1–12 (default 1, January).
 * @return {Date|Array<Array<Date>>} The quarter's first day.
 * @customfunction
 */
export function OKR_QUARTER_START(label: Arg, fiscalStartMonth?: Arg): Result {
  return customFunctions.OKR_QUARTER_START(label, fiscalStartMonth);
}

/**
 * The last day of a quarter.
 *
 * @param {string|Array<Array<string>>} label A quarter label such as "2027-Q1".
 * @param {number} [fiscalStartMonth] Month the fiscal year starts, 1–12 (default 1, January).
 * @return {Date|Array<Array<Date>>} The quarter's last day.
 * @customfunction
 */
export function OKR_QUARTER_END(label: Arg, fiscalStartMonth?: Arg): Result {
  return customFunctions.OKR_QUARTER_END(label, fiscalStartMonth);
}

// The compiler checks here that the RPC globals above match the contract the sidebar calls (core/rpc.ts).
const rpcContract: RpcApi = {
  getOverview,
  getState,
  setUpQuarter,
  saveObjective,
  saveKeyResult,
  createObjectiveForKpi,
  deleteObjective,
  deleteKeyResult,
  checkIn,
  previewNewQuarter,
  startNewQuarter,
  updateSettings,
  listTabs,
  tagKpi,
  untagKpi,
  listKpiViews,
};
void rpcContract;
