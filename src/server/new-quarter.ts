// "Start new quarter": the review of what would carry over (changing nothing), and the transaction that closes
// the current quarter and opens the next, all or nothing. Core plans it (core/next-quarter.ts); this file
// reads once, writes in batches and registers how to undo each write as it makes it.

import { columnLetter } from '../core/a1';
import { HISTORY } from '../core/layout';
import {
  carriedKeyResultRows,
  carriedObjectiveRows,
  carriedRowFormats,
  historyFormats,
  historyRows,
  planNextQuarter,
  previewOf,
  type QuarterPlan,
} from '../core/next-quarter';
import { plural } from '../core/plural';
import { daysLeft, formatQuarter, nextQuarter, type QuarterInfo, quarterInfo } from '../core/quarter';
import type { NewQuarterPreview, NewQuarterResult } from '../core/rpc';
import { newQuarterInput, parseInput } from '../core/schema';
import type { Settings } from '../core/settings';
import { type Cell, formatDay, InputError, messageOf } from '../core/values';
import { dayInZone } from './dates';
import type { Sheet, Spreadsheet } from './gas';
import { spreadsheetLocale } from './locale';
import { withDocumentLock } from './lock';
import {
  currentQuarter,
  dressQuarterSheets,
  keyResultsHeader,
  listQuarterSheets,
  type QuarterData,
  quarterFormulas,
  refuseExisting,
  withFormulas,
} from './quarter-sheets';
import {
  loadSettings,
  SHEETS_KEY,
  saveSettings,
  saveSettingsAndSheets,
  setDocumentProperty,
} from './settings';
import { Doc, ensureLogSheet } from './sheet-list';
import { openSidebar } from './sidebar';
import { appendRows, readLogEnd, withOptionalColumns } from './tables';

interface Prepared {
  doc: Doc;
  settings: Settings;
  data: QuarterData;
  to: QuarterInfo;
  plan: QuarterPlan;
}

function prepare(input: unknown, starting = false): Prepared {
  const v = parseInput(newQuarterInput(spreadsheetLocale()), input, 'new quarter');
  const doc = new Doc();
  const settings = loadSettings();
  const data = currentQuarter(doc, settings);
  const from = data.sheets.info;
  // a start names what it closes (or what it opens): else a repeated call would close the next quarter too
  if (v.closes && formatQuarter(v.closes) !== from.label) {
    throw new InputError(
      `new quarter: closes: ${formatQuarter(v.closes)} is no longer the current quarter (${from.label} is); nothing was changed`,
    );
  }
  if (starting && !v.closes && !v.quarter) {
    throw new InputError(
      `new quarter: closes: is required: name the quarter this call closes ("${from.label}"), so that a repeated call does not close the next one too`,
    );
  }
  const to = quarterInfo(v.quarter ?? nextQuarter(from.quarter), settings.fiscalStartMonth);
  if (to.label === from.label)
    throw new InputError(`new quarter: quarter: ${to.label} is the current quarter`);
  const plan = planNextQuarter(data.objectives, data.keyResults, v.carry, v.targets ?? {}, v.titles ?? {});
  return { doc, settings, data, to, plan };
}

/** Opens the sidebar on the review of closing the running quarter (shown only while that quarter runs). */
export function openReview(): void {
  const current = loadSettings().currentQuarter;
  openSidebar({ panel: 'quarter', ...(current ? { quarter: current } : {}) });
}

export function previewNewQuarter(input: unknown): NewQuarterPreview {
  const { data, to, plan } = prepare(input);
  const { end } = data.sheets.info.days;
  return previewOf(data.sheets.info.label, to.label, data.objectives, data.keyResults, plan, {
    daysLeft: daysLeft(dayInZone(new Date()), end),
    endsOn: formatDay(end),
  });
}

/**
 * Closes the current quarter and opens the next, all or nothing: every write registers how to undo it, and
 * a failure part-way undoes them in reverse, so the workbook is left exactly as it was.
 *
 * The new sheets are copies of the closing quarter's (Sheet.copyTo): formats, column widths and any columns
 * the team added come along in two calls instead of dozens; the copies then get the new quarter's header
 * formulas and the carried rows, and are dressed for the new quarter (validations and colours applied
 * explicitly, whatever the copy brought).
 */
export function startNewQuarter(input: unknown): NewQuarterResult {
  return withDocumentLock(
    'quarter change',
    () => {
      const { doc, settings, data, to, plan } = prepare(input, true);
      const ss = doc.ss;
      const from = data.sheets.info;
      refuseExisting(doc, to);
      const undo: Array<() => void> = [];
      const activeBefore = ss.getActiveSheet();
      undo.push(() => ss.setActiveSheet(activeBefore));
      try {
        // 1. the new quarter's sheets: copies of the closing quarter's, renamed and moved to the front
        const objT = data.objectivesTable;
        const krT = data.keyResultsTable;
        const objectives = copyForQuarter(ss, data.sheets.objectives, to.objectivesSheet, 1, undo);
        const keyResults = copyForQuarter(ss, data.sheets.keyResults, to.keyResultsSheet, 2, undo);
        const formulas = quarterFormulas(to, objT.columns, krT.columns, settings);
        const objHeader = withFormulas(objT.values[0] ?? [], objT.columns, formulas.objectives);
        const kr = keyResultsHeader(krT, formulas.keyResults);
        writeQuarterRows(objectives, objHeader, carriedObjectiveRows(plan, objT.columns, objHeader.length));
        const widened = kr.header.length > (krT.values[0]?.length ?? 0);
        writeQuarterRows(
          keyResults,
          kr.header,
          carriedKeyResultRows(plan, kr.columns, kr.header.length),
          widened,
        );
        const pair = { objectives, keyResults };
        dressQuarterSheets(pair, { objectives: objT.columns, keyResults: kr.columns }, to, {
          rowFormats: carriedRowFormats(plan),
        });
        listQuarterSheets(doc, pair, to);
        // 2. final scores into OKR History
        appendHistory(doc, from.label, plan, undo);
        // 3. the closing quarter becomes read-only with a warning; its formulas keep computing
        for (const sheet of [data.sheets.objectives, data.sheets.keyResults]) {
          const protection = sheet.protect();
          undo.push(() => protection.remove());
          protection
            .setWarningOnly(true)
            .setDescription(`okr-sheets: ${from.label} is closed; its final scores are in OKR History`);
        }
        // 4. the new quarter is current, and on show
        ss.setActiveSheet(objectives);
        const sheetsBefore = doc.storedSheetList();
        saveSettingsAndSheets({ ...settings, currentQuarter: to.label }, doc);
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
        throw new Error(`starting ${to.label} failed and nothing was changed: ${messageOf(e)}`);
      }
      const result = {
        quarter: to.label,
        carriedObjectives: plan.carriedObjectives.length,
        carriedKeyResults: plan.carriedKeyResults.length,
        historyRows: plan.history.length,
      };
      ss.toast(
        `${to.label} started: ${plural(result.carriedKeyResults, 'key result')} carried over; ${from.label} is in OKR History.`,
        'okr-sheets',
        8,
      );
      return result;
    },
    1000,
  );
}

/** Copies a quarter sheet under a new name at a tab position (undone by deleting the copy). */
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

/**
 * Clears a copied quarter sheet's data rows and writes its header (with new formulas) and the carried rows;
 * a header `widened` by a column the copy lacked grows the grid first when it has no room for it.
 */
function writeQuarterRows(sheet: Sheet, header: unknown[], rows: Cell[][], widened = false): void {
  const width = header.length;
  const maxColumns = widened ? sheet.getMaxColumns() : width;
  if (width > maxColumns) sheet.insertColumnsAfter(maxColumns, width - maxColumns);
  sheet.getRange(`A2:${columnLetter(width)}`).clearContent();
  sheet.getRange(1, 1, 1 + rows.length, width).setValues([header, ...rows]);
}

/** Appends one OKR History row per key result of the closing quarter, with its final value and score. */
function appendHistory(doc: Doc, quarter: string, plan: QuarterPlan, undo: Array<() => void>): void {
  const history = ensureLogSheet(doc, HISTORY, 'history', undo);
  if (!plan.history.length) return;
  // appended below the last row, which is never read: the history only grows
  const end = readLogEnd(history.sheet, HISTORY);
  const { columns, width } = withOptionalColumns(
    history.sheet,
    end,
    HISTORY,
    history.created ? undefined : undo,
  );
  const rows = historyRows(plan, quarter, new Date(), columns, width);
  const first = end.next;
  // a sheet made by this action is undone by deleting it: its rows need no undo of their own
  appendRows(history.sheet, first, rows, { ...(history.created ? {} : { undo }) });
  // Baseline, Target and Final value in each key result's unit
  const formats = historyFormats(plan).map((f) => [f]);
  for (const column of [columns.baseline, columns.target, columns.finalValue]) {
    const range = history.sheet.getRange(first, column + 1, formats.length, 1);
    if (!history.created) {
      const before = range.getNumberFormats();
      undo.push(() => range.setNumberFormats(before));
    }
    range.setNumberFormats(formats);
  }
}
