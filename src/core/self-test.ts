// The plan of "Check this spreadsheet…": what the self-test writes into its temporary sheet and what it expects
// to read back, decided without a spreadsheet. Every formula comes from the builders the add-on writes its
// sheets with (formulas.ts, kpi-registry.ts, score.ts, quarter.ts), laid out in regions of one sheet with the
// sheets' own layouts, so what is checked is what the add-on writes. Custom functions are computed
// asynchronously in Sheets (a cell shows Loading... until its own execution returns), so a cell calling one is
// only checked to parse (no #ERROR!, no #NAME?); the values checked are those of native formulas, and the
// custom functions' code is called directly with the examples below. self-test-report.ts judges the readings.
import { columnLetter } from './a1';
import { call, date, FUNCTIONS } from './formula-text';
import { keyResultFormulas, objectiveFormulas } from './formulas';
import { type BetterWhen, kpiTrend } from './kpi-health';
import {
  type KpiColumns,
  latestFormula,
  namedRangeOf,
  previousFormula,
  registryFormulas,
  trendRuleFormulas,
} from './kpi-registry';
import { KEY_RESULTS, KPIS, layoutColumns, OBJECTIVES, type SheetLayout } from './layout';
import type { LocaleRules } from './locale';
import { formatLocaleNumber } from './locale-number';
import { elapsedShare, paceStatus, type QuarterInfo } from './quarter';
import { type Bands, bandOf, bandRuleFormulas } from './score';
import { type Cell, type Day, formatDay } from './values';

/** The temporary sheet's name; a number is added when a tab of that name exists. */
export const SELF_TEST_SHEET = 'okr-sheets check (removed when done)';
/** The KPI id of the temporary named range (`KPI_okr_sheets_check`). */
export const SELF_TEST_KPI = 'okr_sheets_check';

/** What the check is run with: the spreadsheet's settings, locale and today, and the name its sheet got. */
export interface SelfTestInput {
  sheetName: string;
  quarter: QuarterInfo;
  fiscalStartMonth: number;
  scoring: { cap: number } & Bands;
  today: Day;
  locale: LocaleRules;
}

export type CheckId =
  | 'lock'
  | 'locale'
  | 'timeZone'
  | 'formulas'
  | 'results'
  | 'functions'
  | 'copy'
  | 'protection'
  | 'cleanup';

/** A cell the check reads back: its display must not be an error (`parses`), or must equal `shown`. */
export interface Expectation {
  check: 'formulas' | 'results' | 'locale';
  row: number;
  column: number;
  /** what the user would call it: "Key Results › Score" */
  what: string;
  /** the formula written, for the report when it fails */
  formula?: string;
  shown?: string;
  /** display texts compared with every kind of space made one */
  looseSpaces?: boolean;
}

export interface SelfTestPlan {
  /** the grid written in one setValues from A1 (formulas as `=` text) */
  grid: Cell[][];
  /** number formats set after the write: one block of cells from (row, column) */
  formats: { row: number; column: number; formats: string[][] };
  expectations: Expectation[];
  /** the temporary named range the KPI formulas read (1-based, a column of rows) */
  namedRange: { name: string; column: number; firstRow: number; rows: number };
  /** where the server writes the Date OKR_QUARTER_START returns, and what that cell must show */
  quarterStartCell: { row: number; column: number; label: string; fiscalStartMonth: number; shows: string };
  /** a DATE() cell, read back as a Date: it must be this day and in this quarter */
  dateCell: { row: number; column: number; day: Day; quarter: string };
}

/** The display texts that mean Sheets could not read or compute a formula (Sheets' error values). */
export const ERROR_DISPLAYS = ['#ERROR!', '#NAME?', '#REF!', '#VALUE!', '#N/A', '#DIV/0!', '#NUM!', '#NULL!'];

const WIDTH = 75;
const HEIGHT = 8;

/** The columns of a layout placed from column `offset` (0-based) of the sheet. */
function columnsAt<L extends SheetLayout>(layout: L, offset: number) {
  const c = layoutColumns(layout) as Record<string, number>;
  return Object.fromEntries(Object.entries(c).map(([k, i]) => [k, i + offset])) as ReturnType<
    typeof layoutColumns<L>
  >;
}

const KR_AT = 0; // A…P: a Key Results sheet with its Score and Status formulas
const OBJ_AT = 17; // R…Z: an Objectives sheet over those key results
const PACE_AT = 27; // AB…: a Key Results layout whose scores are typed, under the Status formula
const BAND_AT = 44; // AS…AV: a score and the three band colour rules as cell formulas
const KPI_AT = 49; // AX…BL: a KPIs registry with typed Latest and Previous, under Trend and Status
const KPI_TAB_AT = 65; // BN, BO: a KPI tab (dates, values) the named range reads
const MISC_AT = 68; // BQ…: KPI formulas, trend colour rules, the date, locale and time-zone cells

/** Everything the self-test writes and what it expects, from the add-on's own builders. */
export function selfTestPlan(input: SelfTestInput): SelfTestPlan {
  const grid: Cell[][] = Array.from({ length: HEIGHT }, () => new Array<Cell>(WIDTH).fill(''));
  const expectations: Expectation[] = [];
  const put = (row: number, column: number, value: Cell) => {
    grid[row - 1]![column - 1] = value;
  };
  const parses = (row: number, column: number, what: string) => {
    const formula = grid[row - 1]![column - 1];
    expectations.push({ check: 'formulas', row, column, what, formula: String(formula) });
  };
  const shows = (row: number, column: number, what: string, shown: string) => {
    const formula = grid[row - 1]![column - 1];
    expectations.push({ check: 'results', row, column, what, formula: String(formula), shown });
  };
  const header = (layout: SheetLayout, offset: number, formulas: Partial<Record<string, string>>) => {
    layout.columns.forEach((c, i) => {
      put(1, offset + i + 1, formulas[c.key] ?? c.header);
    });
  };
  const { quarter, scoring } = input;

  // A Key Results sheet: three key results of two objectives, Score (custom) and Status (native over Score)
  const kr = columnsAt(KEY_RESULTS, KR_AT);
  const krFormulas = keyResultFormulas(kr, quarter.days, scoring);
  header(KEY_RESULTS, KR_AT, krFormulas);
  const krRows: Array<[string, string, number, number, number, string]> = [
    ['O1.1', 'O1', 0.08, 0.05, 0.055, 'auto'],
    ['O1.2', 'O1', 0, 10, 4, 'milestone'],
    ['O2.1', 'O2', 100, 200, 150, 'increase'],
  ];
  krRows.forEach(([id, objective, baseline, target, current, type], i) => {
    const row = i + 2;
    put(row, kr.id + 1, id);
    put(row, kr.objective + 1, objective);
    put(row, kr.title + 1, `Check ${id}`);
    put(row, kr.type + 1, type);
    put(row, kr.baseline + 1, baseline);
    put(row, kr.target + 1, target);
    put(row, kr.current + 1, current);
    put(row, kr.weight + 1, 1);
  });
  parses(1, kr.score + 1, 'Key Results › Score');
  parses(1, kr.status + 1, 'Key Results › Status');

  // An Objectives sheet reading that Key Results sheet: Key results (native), Score (custom), Status
  const obj = columnsAt(OBJECTIVES, OBJ_AT);
  const objFormulas = objectiveFormulas(obj, kr, input.sheetName, quarter.days, scoring);
  header(OBJECTIVES, OBJ_AT, objFormulas);
  const objectives = ['O1', 'O2'];
  objectives.forEach((id, i) => {
    put(i + 2, obj.id + 1, id);
    put(i + 2, obj.title + 1, `Check objective ${id}`);
  });
  shows(1, obj.keyResults + 1, 'Objectives › Key results', 'Key results');
  objectives.forEach((id, i) => {
    const count = krRows.filter((r) => r[1] === id).length;
    shows(i + 2, obj.keyResults + 1, `Objectives › Key results of ${id}`, String(count));
  });
  parses(1, obj.score + 1, 'Objectives › Score');
  parses(1, obj.status + 1, 'Objectives › Status');

  // The Status formula over typed scores: each row's status must be the one the sidebar computes
  const pace = columnsAt(KEY_RESULTS, PACE_AT);
  put(1, pace.score + 1, 'Score');
  put(1, pace.status + 1, keyResultFormulas(pace, quarter.days, scoring).status ?? '');
  shows(1, pace.status + 1, 'Key Results › Status over typed scores', 'Status');
  const elapsed = elapsedShare(input.today, quarter.days.start, quarter.days.end);
  const between = (a: number, b: number) => (a + b) / 2;
  const scores: Cell[] = [
    1.2,
    Math.min(0.99, between(scoring.greenFrom * elapsed, 1)),
    between(scoring.yellowFrom * elapsed, scoring.greenFrom * elapsed),
    (scoring.yellowFrom * elapsed) / 2,
    '',
    'not a score',
  ];
  scores.forEach((score, i) => {
    const row = i + 2;
    put(row, pace.score + 1, score);
    const expected =
      typeof score === 'number' ? paceStatus(score, elapsed, scoring) : score === '' ? '' : 'Error';
    shows(row, pace.status + 1, `Key Results › Status for a score of ${describe(score)}`, expected);
  });

  // The band colour rules, evaluated as cell formulas beside a score
  [scoring.greenFrom, 0.9, between(scoring.yellowFrom, scoring.greenFrom), 0.1].forEach((score, i) => {
    const row = i + 2;
    const scoreCell = `${columnLetter(BAND_AT + 1)}${row}`;
    put(row, BAND_AT + 1, score);
    bandRuleFormulas(scoreCell, scoring).forEach((rule, j) => {
      put(1, BAND_AT + 2 + j, `${rule.band} colour`);
      put(row, BAND_AT + 2 + j, rule.formula);
      shows(
        row,
        BAND_AT + 2 + j,
        `the ${rule.band} colour rule for a score of ${describe(score)}`,
        bandMatches(rule.band, score, scoring) ? 'TRUE' : 'FALSE',
      );
    });
  });

  // A KPIs registry: Trend (native) over typed Latest and Previous, Status (custom)
  const kpi = columnsAt(KPIS, KPI_AT) as KpiColumns;
  header(KPIS, KPI_AT, registryFormulas(kpi));
  const kpiRows: Array<[number, number, BetterWhen]> = [
    [5, 4, 'higher'],
    [3, 4, 'lower'],
    [7, 7, 'higher'],
  ];
  kpiRows.forEach(([latest, previous, better], i) => {
    const row = i + 2;
    put(row, kpi.id + 1, `check_${i + 1}`);
    put(row, kpi.latest + 1, latest);
    put(row, kpi.previous + 1, previous);
    put(row, kpi.betterWhen + 1, better);
    put(row, kpi.target + 1, 5);
    shows(row, kpi.trend + 1, `KPIs › Trend from ${previous} to ${latest}`, kpiTrend(latest, previous));
  });
  parses(1, kpi.status + 1, 'KPIs › Status');

  // A KPI tab for the named range: weekly dates and values
  put(1, KPI_TAB_AT + 1, 'Week');
  put(1, KPI_TAB_AT + 2, 'Value');
  const weeks = HEIGHT - 1;
  for (let i = 0; i < weeks; i++) {
    put(i + 2, KPI_TAB_AT + 1, `=${date(addDays(input.today, 7 * (i - weeks)))}`);
    put(i + 2, KPI_TAB_AT + 2, 10 + i);
  }
  const def = {
    id: SELF_TEST_KPI,
    name: 'Check',
    sourceTab: input.sheetName,
    headerRow: 1,
    value: { index: KPI_TAB_AT + 1, header: 'Value' },
    date: { index: KPI_TAB_AT, header: 'Week' },
    unit: 'number' as const,
    betterWhen: 'higher' as const,
    cadence: 'weekly' as const,
  };
  let col = MISC_AT + 1;
  put(1, col, 'weekly');
  put(2, col, latestFormula(SELF_TEST_KPI));
  parses(2, col, 'KPIs › Latest (and a key result following a KPI)');
  put(3, col, previousFormula(def, `${columnLetter(col)}1`));
  parses(3, col, 'KPIs › Previous');

  // The Trend colour rules read the registry's first row (↑ when higher is better: improving)
  col++;
  trendRuleFormulas(kpi).forEach((rule, i) => {
    put(i + 1, col, rule.formula);
    shows(
      i + 1,
      col,
      `the ${rule.meaning} colour rule of KPIs › Trend`,
      rule.meaning === 'improving' ? 'TRUE' : 'FALSE',
    );
  });

  // The quarter's first day, as OKR_QUARTER_START returns it (the server writes the Date), shown as a day
  col++;
  const quarterStartCell = {
    row: 1,
    column: col,
    label: quarter.label,
    fiscalStartMonth: input.fiscalStartMonth,
    shows: formatDay(quarter.days.start),
  };
  // a DATE() cell read back: a Date that must be this day
  put(2, col, `=${date(quarter.days.end)}`);
  const dateCell = { row: 2, column: col, day: quarter.days.end, quarter: quarter.label };

  // A number as the spreadsheet shows it, and as the sidebar shows it in the spreadsheet's locale
  col++;
  put(1, col, 1234567.5);
  const formats = { row: 1, column: col - 1, formats: [['yyyy-mm-dd', '#,##0.0']] };
  expectations.push({
    check: 'locale',
    row: 1,
    column: col,
    what: 'a number formatted #,##0.0',
    shown: formatLocaleNumber(1234567.5, input.locale, { decimals: 1 }),
    looseSpaces: true,
  });
  // a fraction written as okr-sheets writes thresholds, `(7/10)`, shown with one decimal
  put(2, col, `=${call('ROUND', '(7/10)*10', '0')}`);
  shows(2, col, 'a fraction as okr-sheets writes thresholds, (7/10)', '7');

  return {
    grid,
    formats,
    expectations,
    namedRange: { name: namedRangeOf(SELF_TEST_KPI), column: KPI_TAB_AT + 2, firstRow: 2, rows: weeks },
    quarterStartCell,
    dateCell,
  };
}

function bandMatches(band: string, score: number, bands: Bands): boolean {
  if (band === 'red') return bandOf(score, bands) === 'red';
  // the rules are listed green first: Sheets applies the first that matches, so yellow's formula alone is
  // "at or above the yellow line" (green scores match it too)
  if (band === 'yellow') return score >= bands.yellowFrom;
  return score >= bands.greenFrom;
}

function describe(score: Cell): string {
  if (score === '') return 'blank';
  if (typeof score === 'number') return String(Math.round(score * 1000) / 1000);
  return JSON.stringify(score);
}

function addDays(day: Day, n: number): Day {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day) + n * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

// ---- The custom functions, called directly ---------------------------------------------------------------------

/** An argument as Sheets hands it to a custom function: a value, a column (2-D), or a day (a Date there). */
export type ExampleArg = Cell | Cell[][] | { day: Day };

export interface FunctionExample {
  name: (typeof FUNCTIONS)[keyof typeof FUNCTIONS];
  args: ExampleArg[];
  /** what it must return: a value, a column, or a day (a Date shown on that day) */
  returns: Cell | Cell[][] | { day: Day };
  /** the example as a user would type it */
  call: string;
}

/** One example per custom function, with the answer the handbook gives (README, Formulas). */
export function functionExamples(quarter: QuarterInfo, fiscalStartMonth: number): FunctionExample[] {
  const F = FUNCTIONS;
  return [
    { name: F.score, args: [0.08, 0.05, 0.055], returns: 5 / 6, call: '=OKR_SCORE(8%; 5%; 5,5%)' },
    {
      name: F.rollup,
      args: ['O1', [['O1'], ['O1']], [[1], [0.5]], [[1], [1]], [['O1.1'], ['O1.2']]],
      returns: 0.75,
      call: '=OKR_ROLLUP("O1"; …)',
    },
    { name: F.band, args: [0.65], returns: 'yellow', call: '=OKR_BAND(65%)' },
    { name: F.kpiLatest, args: [[[3], [4], [''], ['']]], returns: 4, call: '=OKR_KPI_LATEST(B2:B)' },
    { name: F.kpiPrevious, args: [[[3], [4], ['']]], returns: 3, call: '=OKR_KPI_PREVIOUS(B2:B)' },
    {
      name: F.kpiStatus,
      args: [0.055, 0.05, 0.06, 'lower'],
      returns: 'yellow',
      call: '=OKR_KPI_STATUS(5,5%; 5%; 6%; "lower")',
    },
    {
      name: F.quarter,
      args: [{ day: quarter.days.start }, fiscalStartMonth],
      returns: quarter.label,
      call: `=OKR_QUARTER(${formatDay(quarter.days.start)})`,
    },
    {
      name: F.quarterStart,
      args: [quarter.label, fiscalStartMonth],
      returns: { day: quarter.days.start },
      call: `=OKR_QUARTER_START("${quarter.label}")`,
    },
    {
      name: F.quarterEnd,
      args: [quarter.label, fiscalStartMonth],
      returns: { day: quarter.days.end },
      call: `=OKR_QUARTER_END("${quarter.label}")`,
    },
  ];
}
