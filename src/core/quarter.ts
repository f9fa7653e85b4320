// Quarters and pace. Labels are `YYYY-Qn`; a fiscal year is labelled by the calendar year in which it ends
// (fiscal start April: April 2026 – March 2027 is FY2027, so May 2026 is 2027-Q1). A quarter the add-on works
// on is one value built once (QuarterInfo: label, days, sheet names), never a label re-parsed along the way.
import { call, date, numeral, quoted } from './formula-text';
import { KEY_RESULTS, OBJECTIVES, sheetName } from './layout';
import { type Band, type Bands, DEFAULT_BANDS, FINISHED_AT, isFinished } from './score';
import { type Day, describe, InputError, isBlank, serialOfDay, utcMidnight } from './values';

export interface Quarter {
  /** fiscal year label: the calendar year in which the fiscal year ends */
  year: number;
  /** 1–4 */
  q: number;
}

const LABEL = /^\s*(\d{4})\s*-?\s*Q([1-4])\s*$/i;

export function readFiscalStartMonth(v: unknown): number {
  if (isBlank(v)) return 1;
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 12) {
    throw new InputError(`fiscalStartMonth ${describe(v)} must be a month number from 1 to 12`);
  }
  return n;
}

export function parseQuarter(label: unknown, arg = 'label'): Quarter {
  const m = typeof label === 'string' ? LABEL.exec(label) : null;
  // the year 0 does not exist: 1 BC is followed by AD 1
  if (!m || Number(m[1]) === 0)
    throw new InputError(`${arg} ${describe(label)} is not a quarter like "2027-Q1"`);
  return { year: Number(m[1]), q: Number(m[2]) };
}

export function formatQuarter(q: Quarter): string {
  // four digits, as the label is read back (a date in the year 11 is in 0011-Q4)
  return `${String(q.year).padStart(4, '0')}-Q${q.q}`;
}

export function quarterOfDay(day: Day, fiscalStartMonth = 1): Quarter {
  const offset = (day.month - fiscalStartMonth + 12) % 12;
  const startYear = day.month >= fiscalStartMonth ? day.year : day.year - 1;
  return { year: fiscalStartMonth === 1 ? startYear : startYear + 1, q: Math.floor(offset / 3) + 1 };
}

/** First day of a quarter. */
export function quarterStart(q: Quarter, fiscalStartMonth = 1): Day {
  const startYear = fiscalStartMonth === 1 ? q.year : q.year - 1;
  const monthIndex = fiscalStartMonth - 1 + (q.q - 1) * 3; // may exceed 11
  return { year: startYear + Math.floor(monthIndex / 12), month: (monthIndex % 12) + 1, day: 1 };
}

/** Last day of a quarter. */
export function quarterEnd(q: Quarter, fiscalStartMonth = 1): Day {
  const next = quarterStart(nextQuarter(q), fiscalStartMonth);
  const d = new Date(utcMidnight(next.year, next.month, next.day) - 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function nextQuarter(q: Quarter): Quarter {
  return q.q === 4 ? { year: q.year + 1, q: 1 } : { year: q.year, q: q.q + 1 };
}

/** A quarter's first and last days. */
export interface QuarterDays {
  start: Day;
  end: Day;
}

/** A quarter as the add-on works on it: its label, its days and the names of its two sheets. */
export interface QuarterInfo {
  quarter: Quarter;
  label: string;
  days: QuarterDays;
  objectivesSheet: string;
  keyResultsSheet: string;
}

/**
 * The quarter's value, built once per action. `days` are the quarter's own when its sheets were made (kept in
 * the list of our sheets, so a later change of fiscal year start does not move a running quarter).
 */
export function quarterInfo(quarter: Quarter, fiscalStartMonth: number, days?: QuarterDays): QuarterInfo {
  const label = formatQuarter(quarter);
  return {
    quarter,
    label,
    days: days ?? {
      start: quarterStart(quarter, fiscalStartMonth),
      end: quarterEnd(quarter, fiscalStartMonth),
    },
    objectivesSheet: sheetName(OBJECTIVES, label),
    keyResultsSheet: sheetName(KEY_RESULTS, label),
  };
}

/** Whether a tab's name is one a quarter's sheets are given (`2027-Q1 Objectives`, `2027-Q1 Key Results`). */
export function isQuarterSheetName(name: string): boolean {
  return [OBJECTIVES, KEY_RESULTS].some((layout) => {
    const [before = '', after = ''] = layout.name.split('{quarter}');
    if (!name.startsWith(before) || !name.endsWith(after)) return false;
    const label = name.slice(before.length, name.length - after.length);
    const m = LABEL.exec(label);
    return Boolean(m && formatQuarter({ year: Number(m[1]), q: Number(m[2]) }) === label);
  });
}

/**
 * Share of the quarter elapsed on `today`, in [0, 1]: 0 before and on its first day's start, 1 after its
 * last day. Counted in whole days, so the last day of the quarter reads 1.
 */
export function elapsedShare(today: Day, start: Day, end: Day): number {
  const t = serialOfDay(today);
  const s = serialOfDay(start);
  const e = serialOfDay(end);
  return Math.min(1, Math.max(0, (t - s + 1) / (e - s + 1)));
}

/** Days of a quarter still to come after `today`: 31 on 1 March of a quarter ending 31 March, 0 from its last day. */
export function daysLeft(today: Day, end: Day): number {
  return Math.max(0, serialOfDay(end) - serialOfDay(today));
}

export const PACE_STATUSES = ['Done', 'On track', 'At risk', 'Off track'] as const;
export type PaceStatus = (typeof PACE_STATUSES)[number] | '';

/**
 * The colour of each status: during the quarter a score is coloured by its pace (the status beside it), so the
 * colour and the word always tell the same story. At the quarter's end the pace lines are the bands themselves
 * (0.7 and 0.4 of a whole quarter), so the colour is then the grade's band.
 */
export const PACE_BANDS: Record<(typeof PACE_STATUSES)[number], Band> = {
  Done: 'green',
  'On track': 'green',
  'At risk': 'yellow',
  'Off track': 'red',
};

/** The band a status colours its score with; undefined for no status (blank score) or an error. */
export function paceBand(status: string): Band | undefined {
  return (PACE_BANDS as Record<string, Band | undefined>)[status];
}

/**
 * The conditional-format formulas that colour a score column by the status column beside it (`statusCell` is
 * its first data cell, `M2`; Sheets moves the reference down the range): one per band, texts only, so the rule
 * parses in every locale (`=OR(M2="Done";M2="On track")`).
 */
export function paceColourFormulas(statusCell: string): Array<{ band: Band; formula: string }> {
  const bands: Band[] = ['green', 'yellow', 'red'];
  return bands.map((band) => {
    const statuses = PACE_STATUSES.filter((s) => PACE_BANDS[s] === band).map(
      (s) => `${statusCell}=${quoted(s)}`,
    );
    return { band, formula: `=${statuses.length > 1 ? call('OR', ...statuses) : statuses[0]}` };
  });
}

/**
 * Pace-aware status: a key result is judged against the part of the quarter that has passed. At the end of
 * the quarter the thresholds are the score bands (0.7 on track, 0.4 at risk); halfway through, half of them.
 * A finished score (≥ 1) is Done; a blank score has no status.
 */
export function paceStatus(score: number | '', elapsed: number, bands: Bands = DEFAULT_BANDS): PaceStatus {
  if (score === '') return '';
  if (isFinished(score)) return 'Done';
  if (atOrAbove(score, bands.greenFrom * elapsed)) return 'On track';
  if (atOrAbove(score, bands.yellowFrom * elapsed)) return 'At risk';
  return 'Off track';
}

/**
 * score ≥ line, compared as ROUND(score − line, 9) ≥ 0, exactly as the generated formula compares. A score on
 * the pace line (0.3 when the line is 0.4 × 0.75 = 0.30000000000000004) is on it in every engine: Sheets,
 * LibreOffice and HyperFormula each compare with a tolerance of their own, JavaScript with none.
 */
function atOrAbove(score: number, line: number): boolean {
  return Math.round((score - line) * 1e9) / 1e9 >= 0;
}

/**
 * The same rule as paceStatus, as one native Sheets formula over a whole score column. It must be native:
 * TODAY() cannot be an argument of a custom function. `scores` is an A1 range such as `L2:L`; the quarter's
 * first and last days are written as DATE() literals, the thresholds as fractions (`(7/10)`): the text parses
 * in every locale (core/formula-text.ts). Error text in a score cell gives "Error".
 * tests/core/pace-formula.test.ts evaluates this formula in a real engine and compares it with paceStatus.
 */
export function paceStatusFormula(
  scores: string,
  start: Day,
  end: Day,
  bands: Bands = DEFAULT_BANDS,
): string {
  const s = scores;
  const first = date(start);
  const elapsed = call('MIN', '1', call('MAX', '0', `(TODAY()-${first}+1)/(${date(end)}-${first}+1)`));
  const onPace = (threshold: number) => `${call('ROUND', `${s}-${numeral(threshold)}*${elapsed}`, '9')}>=0`;
  const status = call(
    'IF',
    `${s}=""`,
    '""',
    call(
      'IF',
      call('ISTEXT', s),
      quoted('Error'),
      call(
        'IF',
        `${s}>=${numeral(FINISHED_AT)}`,
        quoted('Done'),
        call(
          'IF',
          onPace(bands.greenFrom),
          quoted('On track'),
          call('IF', onPace(bands.yellowFrom), quoted('At risk'), quoted('Off track')),
        ),
      ),
    ),
  );
  return `=${call('ARRAYFORMULA', status)}`;
}
