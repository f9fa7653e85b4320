// The self-test's judgement: from what the server read back in the temporary sheet (and what Apps Script
// answered), one result per check in the user's words — what it proves, passed or failed, what was seen, what
// to do. self-test-html.ts writes the report as the user reads it.
import type { LocaleRules } from './locale';
import { type CheckId, ERROR_DISPLAYS, type FunctionExample, type SelfTestPlan } from './self-test';
import { type Cell, type Day, formatDay } from './values';

export type CheckStatus = 'passed' | 'failed' | 'not run';

export interface CheckResult {
  id: CheckId;
  title: string;
  /** what a pass proves on this spreadsheet */
  proves: string;
  status: CheckStatus;
  /** what was seen: each problem, or for a pass what was checked */
  details: string[];
  /** what to do about a failure */
  todo?: string;
}

export interface SelfTestReport {
  passed: boolean;
  locale: string;
  timeZone: string;
  checks: CheckResult[];
  /** the step an exception stopped the check in, and what to do */
  stopped?: { text: string; todo: string };
}

/** A function example's outcome: what the function's code returned (a Date already read as its day), or threw. */
export interface FunctionOutcome {
  example: FunctionExample;
  returned?: Cell | Cell[][] | { day: Day };
  error?: string;
}

export interface SheetCopyReading {
  /** the copy's name and position among the tabs (1-based), and how many tabs there were */
  name: string;
  position: number;
  tabs: number;
  formulas: { original: string[][]; copy: string[][] };
  numberFormats: { original: string[][]; copy: string[][] };
  rules: { original: number; copy: number };
  validation: { original: string; copy: string };
}

export interface ProtectionReading {
  warningOnly: boolean;
  description: string;
  /** protections of the sheet found by getProtections after protect() */
  found: number;
  /** after remove() */
  left: number;
}

export interface CleanupReading {
  tabs: { before: string[]; after: string[] };
  namedRanges: { before: string[]; after: string[] };
  properties: { before: Record<string, string>; after: Record<string, string> };
  activeSheet: { before: string; after: string };
}

export interface SelfTestReadings {
  lock: 'held' | 'busy' | 'none';
  locale: LocaleRules;
  /** the id Sheets gave (`getSpreadsheetLocale()`); the rules are the table's for it */
  localeId: string;
  timeZone: string;
  /** getDisplayValues of the temporary sheet's grid, from A1 */
  display?: string[][];
  quarterStartShown?: string;
  dateRead?: { day?: Day; quarter?: Cell };
  functions?: FunctionOutcome[];
  copy?: SheetCopyReading | { error: string };
  protection?: ProtectionReading | { error: string };
  cleanup?: CleanupReading;
  /** an exception that stopped the check part-way, with the step it stopped in */
  stopped?: { step: string; error: string };
}

const TITLES: Record<CheckId, { title: string; proves: string }> = {
  lock: {
    title: 'Document lock',
    proves: 'okr-sheets can hold the spreadsheet’s lock, so two people’s changes never get mixed up.',
  },
  locale: {
    title: 'Locale',
    proves: 'numbers in the sidebar are read and shown as your cells show them.',
  },
  timeZone: {
    title: 'Time zone',
    proves: 'dates okr-sheets reads and writes land on the right day in your time zone.',
  },
  formulas: {
    title: 'Formulas okr-sheets writes',
    proves:
      'Sheets reads every kind of formula okr-sheets writes (Score, Status, Key results, the KPIs columns, the colour rules) in your locale.',
  },
  results: {
    title: 'Native formulas compute as the sidebar does',
    proves:
      'Status, Key results, Trend and the colour rules give the same answers in your cells as in the sidebar.',
  },
  functions: {
    title: 'Custom functions',
    proves: 'the code of each OKR_ function runs in your Apps Script and gives the documented answer.',
  },
  copy: {
    title: 'Copying a sheet',
    proves:
      'Start new quarter can copy a quarter’s sheets with their formulas, formats, dropdowns and colours.',
  },
  protection: {
    title: 'Protecting a sheet',
    proves: 'Start new quarter can protect the closed quarter’s sheets (with a warning) and read that back.',
  },
  cleanup: {
    title: 'Left as it was',
    proves: 'the check removed its temporary sheet and named range and changed no tab, setting or property.',
  },
};

const ORDER: CheckId[] = [
  'lock',
  'locale',
  'timeZone',
  'formulas',
  'results',
  'functions',
  'copy',
  'protection',
  'cleanup',
];

/** Every kind of space (NBSP, narrow NBSP, thin space) as a plain space: Sheets and CLDR differ in which. */
const oneSpace = (s: string) => s.replace(/[\s\u00a0\u202f\u2009]+/g, ' ');

function shownAt(display: string[][] | undefined, e: { row: number; column: number }): string {
  return display?.[e.row - 1]?.[e.column - 1] ?? '';
}

function isErrorDisplay(text: string): boolean {
  return ERROR_DISPLAYS.includes(text.trim());
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && 'day' in a && 'day' in b) {
    return formatDay((a as { day: Day }).day) === formatDay((b as { day: Day }).day);
  }
  return a === b;
}

function shownValue(v: unknown): string {
  if (v && typeof v === 'object' && 'day' in v) return formatDay((v as { day: Day }).day);
  if (Array.isArray(v)) return JSON.stringify(v.map((r) => (Array.isArray(r) ? r[0] : r)));
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/** The report: each check judged from the readings, in the order the user reads them. */
export function judgeSelfTest(plan: SelfTestPlan | undefined, r: SelfTestReadings): SelfTestReport {
  const results = new Map<CheckId, CheckResult>();
  const set = (id: CheckId, status: CheckStatus, details: string[], todo?: string) => {
    results.set(id, { id, ...TITLES[id], status, details, ...(status === 'failed' && todo ? { todo } : {}) });
  };

  // lock
  if (r.lock === 'held') set('lock', 'passed', ['okr-sheets held the document lock for the whole check.']);
  else if (r.lock === 'busy') {
    set(
      'lock',
      'failed',
      ['Another okr-sheets action was running in this spreadsheet (yours in another tab, or a colleague’s).'],
      'Wait a minute and run Check this spreadsheet… again. The other checks did not run, so nothing was written.',
    );
  } else {
    set(
      'lock',
      'failed',
      ['Google Sheets gave okr-sheets no document lock (LockService.getDocumentLock() returned nothing).'],
      'Reload the spreadsheet and run the check again. If it keeps failing, remove okr-sheets and install it again (Extensions › Add-ons › Manage add-ons): without a lock every change okr-sheets makes is refused.',
    );
  }

  // locale
  if (r.display && plan) {
    const details: string[] = [];
    let ok = true;
    if (r.locale.id !== r.localeId) {
      ok = false;
      details.push(
        `okr-sheets does not know the locale ${r.localeId}; it reads numbers as ${r.locale.id} writes them.`,
      );
    }
    for (const e of plan.expectations.filter((x) => x.check === 'locale')) {
      const seen = shownAt(r.display, e);
      const matches = e.looseSpaces ? oneSpace(seen) === oneSpace(e.shown ?? '') : seen === e.shown;
      if (!matches) {
        ok = false;
        details.push(
          `The sheet shows ${JSON.stringify(seen)} where the sidebar would show ${JSON.stringify(e.shown)}.`,
        );
      } else details.push(`${r.localeId}: the sheet and the sidebar both show ${JSON.stringify(seen)}.`);
    }
    set(
      'locale',
      ok ? 'passed' : 'failed',
      details,
      'The sidebar will show and read numbers differently from your cells. Type numbers in the sidebar as your cells show them; if the sidebar refuses them, choose a locale of the same language in File › Settings › Locale and run the check again.',
    );
  }

  // time zone
  if (plan && r.quarterStartShown !== undefined) {
    const details: string[] = [];
    let ok = true;
    const q = plan.quarterStartCell;
    if (r.quarterStartShown !== q.shows) {
      ok = false;
      details.push(
        `OKR_QUARTER_START("${q.label}") shows as ${JSON.stringify(r.quarterStartShown)} in a cell, not ${q.shows}.`,
      );
    } else
      details.push(
        `OKR_QUARTER_START("${q.label}") shows as ${q.shows} in a cell (time zone ${r.timeZone}).`,
      );
    const d = plan.dateCell;
    const readDay = r.dateRead?.day ? formatDay(r.dateRead.day) : 'no date';
    if (readDay !== formatDay(d.day) || r.dateRead?.quarter !== d.quarter) {
      ok = false;
      details.push(
        `A cell holding ${formatDay(d.day)} reads back as ${readDay} in quarter ${shownValue(r.dateRead?.quarter ?? '')}, not ${d.quarter}.`,
      );
    } else details.push(`A cell holding ${formatDay(d.day)} reads back as that day, in ${d.quarter}.`);
    set(
      'timeZone',
      ok ? 'passed' : 'failed',
      details,
      `Dates would be a day off. Check File › Settings › Time zone (now ${r.timeZone}), reload the spreadsheet and run the check again.`,
    );
  }

  // formulas: each must parse; results: native cells must show what the sidebar computes
  if (r.display && plan) {
    const broken: string[] = [];
    const unknown: string[] = [];
    const checked: string[] = [];
    const wrong: string[] = [];
    for (const e of plan.expectations) {
      if (e.check === 'locale') continue;
      const seen = shownAt(r.display, e);
      if (isErrorDisplay(seen)) {
        (seen.trim() === '#NAME?' ? unknown : broken).push(
          `${e.what} shows ${seen} (formula ${e.formula ?? ''})`,
        );
        continue;
      }
      if (e.check === 'formulas') checked.push(e.what);
      else if (seen !== e.shown)
        wrong.push(`${e.what} shows ${JSON.stringify(seen)}, the sidebar ${JSON.stringify(e.shown)}`);
    }
    const failedFormulas = [...broken, ...unknown];
    set(
      'formulas',
      failedFormulas.length ? 'failed' : 'passed',
      failedFormulas.length
        ? failedFormulas
        : [`Read without error: ${checked.join(', ')}, and every native formula below.`],
      unknown.length && !broken.length
        ? 'Sheets does not know an okr-sheets function here. Reload the spreadsheet; if another add-on defines a function of the same name, turn one of them off (Extensions › Add-ons › Manage add-ons).'
        : `Sheets cannot read okr-sheets’ formulas in the locale ${r.localeId}: Score and Status cells would show #ERROR!. Send this report to whoever installed okr-sheets; until it is fixed, File › Settings › Locale › United States makes the formulas readable.`,
    );
    const natives = plan.expectations.filter((e) => e.check === 'results').length;
    set(
      'results',
      wrong.length ? 'failed' : broken.length ? 'not run' : 'passed',
      wrong.length
        ? wrong
        : broken.length
          ? ['Some formulas could not be read (above).']
          : [`${natives} cells show what the sidebar computes.`],
      'Statuses, counts, trends or colours in your sheets would disagree with the sidebar. Send this report to whoever installed okr-sheets.',
    );
  }

  // custom functions
  if (r.functions) {
    const bad = r.functions.filter((f) => f.error !== undefined || !same(f.returned, f.example.returns));
    set(
      'functions',
      bad.length ? 'failed' : 'passed',
      bad.length
        ? bad.map(
            (f) =>
              `${f.example.call} ${f.error !== undefined ? `failed: ${f.error}` : `gave ${shownValue(f.returned)}, not ${shownValue(f.example.returns)}`}`,
          )
        : [`All ${r.functions.length} ran: ${r.functions.map((f) => f.example.name).join(', ')}.`],
      'okr-sheets’ code does not run as it should here: push or install it again (npm run push, or reinstall the add-on), reload the spreadsheet and run the check again.',
    );
  }

  // copy
  if (r.copy) {
    const problems: string[] = [];
    if ('error' in r.copy) problems.push(`Sheet.copyTo failed: ${r.copy.error}`);
    else {
      const c = r.copy;
      if (c.position !== c.tabs)
        problems.push(`The copy ${JSON.stringify(c.name)} is tab ${c.position} of ${c.tabs}, not the last.`);
      if (JSON.stringify(c.formulas.copy) !== JSON.stringify(c.formulas.original))
        problems.push('The copy’s formulas differ from the original’s.');
      if (JSON.stringify(c.numberFormats.copy) !== JSON.stringify(c.numberFormats.original))
        problems.push('The copy lost number formats.');
      if (c.rules.copy !== c.rules.original)
        problems.push(`The copy has ${c.rules.copy} colour rules, the original ${c.rules.original}.`);
      if (c.validation.copy !== c.validation.original) problems.push('The copy lost its dropdown.');
    }
    set(
      'copy',
      problems.length ? 'failed' : 'passed',
      problems.length ? problems : ['A copy kept every formula, number format, dropdown and colour rule.'],
      'Start new quarter would make the next quarter’s sheets without what your team added to them. Avoid Start new quarter until this check passes; send this report to whoever installed okr-sheets.',
    );
  }

  // protection
  if (r.protection) {
    const problems: string[] = [];
    if ('error' in r.protection) problems.push(`Protecting a sheet failed: ${r.protection.error}`);
    else {
      const p = r.protection;
      if (p.found !== 1) problems.push(`After protect(), the sheet lists ${p.found} protections.`);
      if (!p.warningOnly) problems.push('The protection is not warning-only.');
      if (!p.description.startsWith('okr-sheets')) problems.push('The protection lost its description.');
      if (p.left !== 0) problems.push('The protection could not be removed.');
    }
    set(
      'protection',
      problems.length ? 'failed' : 'passed',
      problems.length ? problems : ['A warning-only protection was added, read back and removed.'],
      'Closing a quarter protects its sheets. You may lack the right to protect sheets here: ask the spreadsheet’s owner to run Start new quarter, or to give you edit rights.',
    );
  }

  // cleanup
  if (r.cleanup) {
    const c = r.cleanup;
    const problems: string[] = [];
    const eq = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    if (!eq(c.tabs.after, c.tabs.before)) {
      const left = c.tabs.after.filter((t) => !c.tabs.before.includes(t));
      problems.push(left.length ? `These tabs are left: ${left.join(', ')}.` : 'The tabs changed.');
    }
    if (!eq(c.namedRanges.after, c.namedRanges.before)) problems.push('The named ranges changed.');
    if (!eq(c.properties.after, c.properties.before)) problems.push('okr-sheets’ stored settings changed.');
    if (c.activeSheet.after !== c.activeSheet.before)
      problems.push(`The active tab is ${c.activeSheet.after}, not ${c.activeSheet.before}.`);
    set(
      'cleanup',
      problems.length ? 'failed' : 'passed',
      problems.length ? problems : ['Tabs, named ranges, settings and the active tab are as they were.'],
      'Delete the tab named “okr-sheets check (removed when done)” if it is still there (right-click the tab › Delete); nothing else of yours was written.',
    );
  }

  const checks = ORDER.map(
    (id) =>
      results.get(id) ?? {
        id,
        ...TITLES[id],
        status: 'not run' as const,
        details: [r.stopped ? `Not run: the check stopped while ${r.stopped.step}.` : 'Not run.'],
      },
  );
  return {
    passed: !r.stopped && checks.every((c) => c.status === 'passed'),
    locale: r.localeId,
    timeZone: r.timeZone,
    checks,
    ...(r.stopped
      ? {
          stopped: {
            text: `The check stopped while ${r.stopped.step}: ${r.stopped.error}`,
            todo: 'Reload the spreadsheet and run the check again; if it stops at the same step, send this report to whoever installed okr-sheets.',
          },
        }
      : {}),
  };
}
