// "Check this spreadsheet…": proves okr-sheets on the user's own spreadsheet, in one execution holding the
// document lock. In a temporary sheet it writes what core/self-test.ts plans (every kind of formula the add-on
// writes, from the same builders), reads the cells back once, runs the custom functions' code, copies and
// protects the sheet as Start new quarter does, then removes everything it made — in `finally`, so also when a
// step fails — and shows core's report in a dialog. One execution rather than two (write, then read in a
// second call) because only one execution can hold the lock throughout and be sure to clean up; the price is
// that custom-function cells are only checked to parse (they show Loading... until their own execution).
import { localeRules } from '../core/locale';
import { quarterInfo, quarterOfDay } from '../core/quarter';
import { bandRuleFormulas, SCORE_TYPES } from '../core/score';
import {
  type ExampleArg,
  functionExamples,
  SELF_TEST_SHEET,
  type SelfTestPlan,
  selfTestPlan,
} from '../core/self-test';
import { selfTestHtml, selfTestText } from '../core/self-test-html';
import {
  type CleanupReading,
  type FunctionOutcome,
  judgeSelfTest,
  type SelfTestReadings,
  type SelfTestReport,
} from '../core/self-test-report';
import type { Cell } from '../core/values';
import { dateInZone, dayInZone, spreadsheetZone } from './dates';
import * as customFunctions from './functions';
import { htmlService, propertiesService, type Sheet, type Spreadsheet, spreadsheetApp } from './gas';
import { tryWithDocumentLock } from './lock';
import { loadSettings } from './settings';
import { colourRules, listValidation } from './tables';

export const SELF_TEST_TITLE = 'okr-sheets: check of this spreadsheet';

/** Menu: runs the check and shows its report. */
export function runSelfTest(): void {
  const report = checkSpreadsheet();
  console.log(selfTestText(report));
  const html = htmlService().createHtmlOutput(selfTestHtml(report)).setWidth(620).setHeight(560);
  spreadsheetApp().getUi().showModalDialog(html, SELF_TEST_TITLE);
}

/** The check itself: the report of every check, the spreadsheet left as it was. */
export function checkSpreadsheet(): SelfTestReport {
  const ss = spreadsheetApp().getActiveSpreadsheet();
  const localeId = ss.getSpreadsheetLocale();
  const readings: SelfTestReadings = {
    lock: 'none',
    locale: localeRules(localeId),
    localeId,
    timeZone: spreadsheetZone(),
  };
  let plan: SelfTestPlan | undefined;
  const outcome = tryWithDocumentLock(() => {
    plan = runChecks(ss, readings);
  });
  readings.lock = outcome.lock;
  return judgeSelfTest(plan, readings);
}

function runChecks(ss: Spreadsheet, r: SelfTestReadings): SelfTestPlan | undefined {
  const before = docSnapshot(ss);
  const activeId = ss.getActiveSheet().getSheetId();
  let step = 'reading the settings';
  let plan: SelfTestPlan | undefined;
  let sheet: Sheet | undefined;
  let copy: Sheet | undefined;
  let namedRange: string | undefined;
  try {
    const settings = loadSettings();
    const fsm = settings.fiscalStartMonth;
    const today = dayInZone(new Date());
    const quarter = quarterInfo(quarterOfDay(today, fsm), fsm);

    step = 'making the temporary sheet';
    const name = freeName(ss);
    sheet = ss.insertSheet(name, ss.getSheets().length);
    plan = selfTestPlan({
      sheetName: name,
      quarter,
      fiscalStartMonth: fsm,
      scoring: settings.scoring,
      today,
      locale: r.locale,
    });
    const height = plan.grid.length;
    const width = plan.grid[0]!.length;
    // a grid just the plan's size: the open ranges (`L2:L`) then compute a few rows, not a thousand
    if (sheet.getMaxColumns() < width)
      sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    if (sheet.getMaxRows() > height + 1) sheet.deleteRows(height + 2, sheet.getMaxRows() - height - 1);

    step = 'writing the formulas';
    const nr = plan.namedRange;
    if (!ss.getRangeByName(nr.name)) {
      ss.setNamedRange(nr.name, sheet.getRange(nr.firstRow, nr.column, nr.rows, 1));
      namedRange = nr.name;
    }
    sheet.getRange(1, 1, height, width).setValues(plan.grid);
    const f = plan.formats;
    sheet.getRange(f.row, f.column, f.formats.length, f.formats[0]!.length).setNumberFormats(f.formats);
    const qs = plan.quarterStartCell;
    sheet
      .getRange(qs.row, qs.column)
      .setValue(customFunctions.OKR_QUARTER_START(qs.label, qs.fiscalStartMonth));
    // the band colours as the quarter sheets have them, and a dropdown: what a copy must keep
    sheet.setConditionalFormatRules(
      colourRules(
        sheet.getRange(2, 1, height - 1, 1),
        bandRuleFormulas('A2', settings.scoring).map((rule) => ({
          formula: rule.formula,
          background: '#e6f4ea',
        })),
      ),
    );
    sheet.getRange(2, 5, height - 1, 1).setDataValidation(listValidation([...SCORE_TYPES], 'a score type'));
    spreadsheetApp().flush();

    step = 'reading the cells back';
    const all = sheet.getRange(1, 1, height, width);
    r.display = all.getDisplayValues();
    r.quarterStartShown = r.display[qs.row - 1]![qs.column - 1];
    const dc = plan.dateCell;
    const dateValue = sheet.getRange(dc.row, dc.column).getValue();
    r.dateRead =
      dateValue instanceof Date
        ? { day: dayInZone(dateValue), quarter: customFunctions.OKR_QUARTER(dateValue, fsm) as Cell }
        : {};

    step = 'running the custom functions';
    r.functions = functionExamples(quarter, fsm).map(runExample);

    step = 'copying the sheet';
    const formulas = all.getFormulas();
    const numberFormats = all.getNumberFormats();
    const validation = (s: Sheet) =>
      String(s.getRange(2, 5).getDataValidation()?.getCriteriaValues()?.[0] ?? '');
    try {
      copy = sheet.copyTo(ss);
      const tabs = ss.getSheets();
      const c = copy.getRange(1, 1, height, width);
      r.copy = {
        name: copy.getName(),
        position: copy.getIndex(),
        tabs: tabs.length,
        formulas: { original: formulas, copy: c.getFormulas() },
        numberFormats: { original: numberFormats, copy: c.getNumberFormats() },
        rules: {
          original: sheet.getConditionalFormatRules().length,
          copy: copy.getConditionalFormatRules().length,
        },
        validation: { original: validation(sheet), copy: validation(copy) },
      };
      ss.deleteSheet(copy);
      copy = undefined;
    } catch (e) {
      r.copy = { error: messageOf(e) };
    }

    step = 'protecting the sheet';
    try {
      const type = spreadsheetApp().ProtectionType.SHEET;
      const protection = sheet.protect().setWarningOnly(true).setDescription('okr-sheets: check');
      const found = sheet.getProtections(type);
      const p = {
        warningOnly: protection.isWarningOnly(),
        description: protection.getDescription(),
        found: found.length,
        left: 0,
      };
      protection.remove();
      p.left = sheet.getProtections(type).length;
      r.protection = p;
    } catch (e) {
      r.protection = { error: messageOf(e) };
    }
  } catch (e) {
    r.stopped = { step, error: messageOf(e) };
  } finally {
    r.cleanup = cleanUp(ss, { sheet, copy, namedRange, activeId, before });
  }
  return plan;
}

/** Removes what the check made, each step on its own (one failing does not stop the others). */
function cleanUp(
  ss: Spreadsheet,
  made: {
    sheet?: Sheet;
    copy?: Sheet;
    namedRange?: string;
    activeId: number;
    before: ReturnType<typeof docSnapshot>;
  },
): CleanupReading {
  const attempt = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      console.log(`okr-sheets check: cleaning up failed: ${messageOf(e)}`);
    }
  };
  if (made.copy) attempt(() => ss.deleteSheet(made.copy!));
  if (made.namedRange) attempt(() => ss.removeNamedRange(made.namedRange!));
  if (made.sheet) attempt(() => ss.deleteSheet(made.sheet!));
  attempt(() => {
    const active = ss.getSheetById(made.activeId);
    if (active && ss.getActiveSheet().getSheetId() !== made.activeId) ss.setActiveSheet(active);
  });
  const after = docSnapshot(ss);
  return {
    tabs: { before: made.before.tabs, after: after.tabs },
    namedRanges: { before: made.before.namedRanges, after: after.namedRanges },
    properties: { before: made.before.properties, after: after.properties },
    activeSheet: { before: made.before.active, after: after.active },
  };
}

function docSnapshot(ss: Spreadsheet) {
  return {
    tabs: ss.getSheets().map((s) => s.getName()),
    namedRanges: ss.getNamedRanges().map((n) => n.getName()),
    properties: propertiesService().getDocumentProperties().getProperties(),
    active: ss.getActiveSheet().getName(),
  };
}

function freeName(ss: Spreadsheet): string {
  let name = SELF_TEST_SHEET;
  for (let i = 2; ss.getSheetByName(name); i++) name = `${SELF_TEST_SHEET} ${i}`;
  return name;
}

/** Sheets' way of handing an argument: a day as a Date at midnight in the spreadsheet's time zone. */
function argOf(a: ExampleArg): unknown {
  return a && typeof a === 'object' && !Array.isArray(a) && !(a instanceof Date) ? dateInZone(a.day) : a;
}

function runExample(example: ReturnType<typeof functionExamples>[number]): FunctionOutcome {
  const fn = (customFunctions as unknown as Record<string, (...args: unknown[]) => unknown>)[example.name];
  try {
    if (typeof fn !== 'function') throw new Error(`okr-sheets has no function ${example.name}`);
    const out = fn(...example.args.map(argOf));
    return { example, returned: out instanceof Date ? { day: dayInZone(out) } : (out as Cell | Cell[][]) };
  } catch (e) {
    return { example, error: messageOf(e) };
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
