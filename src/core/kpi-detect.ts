// Detecting what a KPI tab holds: its header row, a date column, columns of numbers with a proposed name,
// unit and direction each, and the cadence of the dates, guessed from a sample of its first and last rows,
// never from the whole tab; and finding the column a user names. Pure: the server reads the sample.

import { columnLetter, columnNumber } from './a1';
import type { BetterWhen, Cadence } from './kpi-health';
import { readUnit, type UnitChoice, unitChoice, unitOfFormat } from './units';
import {
  type Cell,
  InputError,
  isBlank,
  isDate,
  readDay,
  readNumber,
  serialOfDay,
  textKey,
  textOf,
} from './values';

/** Rows read from the top of a tab (header and first entries) and from its bottom (the newest entries). */
export const SAMPLE_HEAD_ROWS = 60;
export const SAMPLE_TAIL_ROWS = 50;

/** What the server read of a tab: its first rows and its last rows, never the rows in between. */
export interface TabSample {
  name: string;
  /** rows 1 … head.length, as getValues returns them */
  head: Cell[][];
  /** the number formats of the head rows, same shape */
  headFormats?: string[][];
  /** rows tailStart … lastRow; empty when the head reaches lastRow */
  tail: Cell[][];
  tailStart: number;
  /** the last row and column holding anything (Sheet.getLastRow / getLastColumn) */
  lastRow: number;
  lastColumn: number;
}

export type ColumnKind = 'date' | 'number' | 'text' | 'empty';

export interface DetectedColumn {
  /** 0-based */
  index: number;
  letter: string;
  /** the header text ("" when the column has none) */
  header: string;
  /** how a message names the column: its header, else "column C" */
  label: string;
  kind: ColumnKind;
  /** numbers that label rows (week numbers, years, IDs): not proposed as a KPI */
  period?: boolean;
  /** for numeric columns: what okr-sheets proposes */
  name?: string;
  unit?: UnitChoice;
  betterWhen?: BetterWhen;
  /** the number format of the column's entries, when it is not the automatic one */
  numberFormat?: string;
}

export interface Detection {
  /** 1-based; 0 when the tab has no header row (its entries start in row 1) */
  headerRow: number;
  columns: DetectedColumn[];
  /** 0-based index of the date column, if any */
  dateColumn?: number;
  /** 0-based indexes of the numeric columns, the likeliest KPI first */
  valueColumns: number[];
  /** from the spacing of the dates */
  cadence?: Cadence;
  /** true when the dates run newest first: okr-sheets reads the last row as the latest */
  newestFirst?: boolean;
  /** rows below the header */
  dataRows: number;
}

const ISO_DAY = /^\d{4}-\d{1,2}-\d{1,2}$/;

type CellKind = 'blank' | 'date' | 'number' | 'text';

function kindOf(v: Cell): CellKind {
  if (isBlank(v)) return 'blank';
  if (isDate(v)) return 'date';
  if (typeof v === 'number') return Number.isFinite(v) ? 'number' : 'text';
  if (typeof v === 'string') {
    if (ISO_DAY.test(v.trim())) return 'date';
    try {
      readNumber('', v);
      return 'number';
    } catch {
      return 'text';
    }
  }
  return 'text';
}

const GENERAL_FORMATS = new Set(['', 'general', '0.###############', '@']);

/** A Sheets number format that says something (not the automatic one, not plain text). */
function telling(format: string | undefined): string | undefined {
  return format && !GENERAL_FORMATS.has(format.trim().toLowerCase()) ? format : undefined;
}

// Header words. Higher-is-better words win over lower-is-better ones ("response rate", "uptime hours").
const HIGHER_WORDS =
  /\b(nps|csat|satisfaction|retention|uptime|conversion|adoption|activation|revenue|mrr|arr|sales|dau|wau|mau|users|signups|sign-ups|customers|growth|margin|profit|engagement|rate of success|success)\b/;
const HIGHER_RATES = /\b(response|resolution|open|click|win|success|completion|renewal|answer) rate\b/;
const LOWER_WORDS =
  /\b(churn|churned|cost|costs|spend|spending|burn|cac|time|times|hours|hrs|duration|latency|delay|wait|waiting|lead|cycle|resolution|response|ttr|mttr|bugs|defects|incidents|errors|outages|downtime|complaints|tickets|backlog|returns|refunds|attrition|turnover|bounce|abandonment|debt|days)\b/;
const CURRENCY_WORDS =
  /(\b(mrr|arr|revenue|sales|cost|costs|spend|price|cac|ltv|arpu|budget|burn|usd|eur|gbp|income|profit)\b|[$€£¥])/;
const PERCENT_WORDS =
  /(%|\b(rate|ratio|share|percent|percentage|pct|churn|conversion|retention|margin|adoption|utili[sz]ation|uptime)\b)/;
const DURATION_WORDS = /\b(hours|hour|hrs|h|time|duration)\b/;
const PERIOD_HEADERS =
  /^(week|wk|week no\.?|week number|week #|month|year|day|id|#|no\.?|nr\.?|row|quarter|period|index)$/;
const DATE_HEADERS = /\b(date|day|week|month|period|as of|when)\b/;
const GENERIC_HEADERS = /^(value|values|amount|number|count|total|kpi|metric|actual|actuals|result)$/;

/** Higher or lower is better, from the header's words. */
export function guessBetterWhen(header: string): BetterWhen {
  const h = textKey(header);
  if (HIGHER_RATES.test(h) || HIGHER_WORDS.test(h)) return 'higher';
  if (LOWER_WORDS.test(h)) return 'lower';
  return 'higher';
}

/**
 * The unit of a column, from its number format, its header and its values: a % format or percent text is
 * %, a currency format or word (MRR, cost) is currency, a rate/churn header over values within ±1 is %,
 * hours/time is duration, whole numbers are a count.
 */
export function guessUnit(
  header: string,
  numbers: readonly number[],
  format?: string,
  percentText = false,
): UnitChoice {
  const shown = readUnit(unitOfFormat(format));
  if (percentText || shown?.kind === 'percent') return '%';
  if (shown?.kind === 'currency') return unitChoice(shown);
  const h = textKey(header);
  if (CURRENCY_WORDS.test(h)) return 'currency';
  if (PERCENT_WORDS.test(h) && numbers.length > 0 && numbers.every((n) => Math.abs(n) <= 1)) return '%';
  if (DURATION_WORDS.test(h)) return 'duration';
  if (numbers.length > 0 && numbers.every((n) => Number.isInteger(n))) return 'count';
  return 'number';
}

/** The cadence that the spacing of dates suggests (median gap between consecutive entries). */
export function guessCadence(serials: ReadonlyArray<readonly number[]>): Cadence | undefined {
  const gaps: number[] = [];
  for (const run of serials) {
    for (let i = 1; i < run.length; i++) {
      const gap = Math.abs(run[i]! - run[i - 1]!);
      if (gap > 0) gaps.push(gap);
    }
  }
  if (gaps.length === 0) return undefined;
  gaps.sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)]!;
  if (median <= 1.5) return 'daily';
  if (median >= 6 && median <= 8) return 'weekly';
  if (median >= 27 && median <= 32) return 'monthly';
  if (median >= 85 && median <= 95) return 'quarterly';
  return undefined;
}

/** The header row: the text-only row right above the first row holding a number or a date (top 10 rows). */
export function findHeaderRow(head: readonly Cell[][]): number {
  const limit = Math.min(head.length, 10);
  let firstData = -1;
  for (let r = 0; r < limit && firstData < 0; r++) {
    const kinds = (head[r] ?? []).map(kindOf);
    if (kinds.some((k) => k === 'number' || k === 'date')) {
      // a row of text with a number or two in it (e.g. "Q1 2027") is still a header if the next row is data
      const texts = kinds.filter((k) => k === 'text').length;
      const data = kinds.filter((k) => k === 'number' || k === 'date').length;
      if (texts > data && r + 1 < limit) {
        const next = (head[r + 1] ?? []).map(kindOf);
        if (next.filter((k) => k === 'number' || k === 'date').length > data) continue;
      }
      firstData = r;
    }
  }
  if (firstData < 0) {
    for (let r = 0; r < limit; r++) if ((head[r] ?? []).some((v) => !isBlank(v))) return r + 1;
    return 0;
  }
  for (let r = firstData - 1; r >= 0; r--) {
    const row = head[r] ?? [];
    if (row.every((v) => isBlank(v))) continue;
    return row.every((v) => isBlank(v) || kindOf(v) === 'text') ? r + 1 : 0;
  }
  return 0;
}

/**
 * Reads a tab's sample: header row, a date column, the numeric columns with a proposed name, unit and
 * direction each, the cadence from the dates' spacing.
 */
export function detectTable(sample: TabSample): Detection {
  const headerRow = findHeaderRow(sample.head);
  const header = headerRow > 0 ? (sample.head[headerRow - 1] ?? []) : [];
  // the entries read: head rows below the header, then the tail rows (which never overlap the head)
  const headRows = sample.head.slice(headerRow);
  const runs: Cell[][][] = [headRows, sample.tail];
  const width = Math.max(sample.lastColumn, header.length, ...sample.head.map((r) => r.length));
  const columns: DetectedColumn[] = [];
  for (let c = 0; c < width; c++) {
    const letter = columnLetter(c + 1);
    const text = textOf(header[c]);
    let nonBlank = 0;
    let numbers = 0;
    let dates = 0;
    let percentText = false;
    const values: number[] = [];
    for (const run of runs) {
      for (const row of run) {
        const v = row[c];
        const k = kindOf(v);
        if (k === 'blank') continue;
        nonBlank++;
        if (k === 'date') dates++;
        if (k === 'number') {
          numbers++;
          const n = readNumber('', v);
          if (n !== undefined) values.push(n);
          if (typeof v === 'string' && v.trim().endsWith('%')) percentText = true;
        }
      }
    }
    const kind: ColumnKind =
      nonBlank === 0
        ? 'empty'
        : dates >= 0.8 * nonBlank
          ? 'date'
          : numbers >= 0.8 * nonBlank
            ? 'number'
            : 'text';
    // the format most entries show (typing 5% gives 0%, typing 5.25% gives 0.00%)
    const formats = new Map<string, number>();
    for (let r = headerRow; r < (sample.headFormats?.length ?? 0); r++) {
      const f = isBlank(sample.head[r]?.[c]) ? undefined : telling(sample.headFormats?.[r]?.[c]);
      if (f) formats.set(f, (formats.get(f) ?? 0) + 1);
    }
    let numberFormat: string | undefined;
    for (const [f, n] of formats) if (!numberFormat || n > (formats.get(numberFormat) ?? 0)) numberFormat = f;
    const col: DetectedColumn = {
      index: c,
      letter,
      header: text,
      label: text ? `"${text}"` : `column ${letter}`,
      kind,
      ...(numberFormat ? { numberFormat } : {}),
    };
    if (kind === 'number') {
      if (PERIOD_HEADERS.test(textKey(text)) && values.every((n) => Number.isInteger(n))) col.period = true;
      // a header that says nothing ("Value", none at all) leaves the tab's name to say what is measured
      const generic = !text || GENERIC_HEADERS.test(textKey(text));
      const subject = generic ? `${sample.name} ${text}`.trim() : text;
      col.name = generic ? sample.name : text;
      col.unit = guessUnit(subject, values, numberFormat, percentText);
      col.betterWhen = guessBetterWhen(subject);
    }
    columns.push(col);
  }
  // two numeric columns without a header in one tab: tell them apart by letter
  const unnamed = columns.filter((c) => c.kind === 'number' && !c.header);
  if (unnamed.length > 1) for (const c of unnamed) c.name = `${sample.name} ${c.letter}`;
  const dateColumns = columns.filter((c) => c.kind === 'date');
  const date = dateColumns.find((c) => DATE_HEADERS.test(textKey(c.header))) ?? dateColumns[0];
  const valueColumns = columns
    .filter((c) => c.kind === 'number')
    .sort((a, b) => Number(Boolean(a.period)) - Number(Boolean(b.period)) || a.index - b.index)
    .map((c) => c.index);
  let cadence: Cadence | undefined;
  let newestFirst: boolean | undefined;
  if (date) {
    const serialRuns = runs.map((run) => {
      const out: number[] = [];
      for (const row of run) {
        try {
          const d = readDay('', row[date.index]);
          if (d) out.push(serialOfDay(d));
        } catch {
          // not a date: a note in the date column
        }
      }
      return out;
    });
    cadence = guessCadence(serialRuns);
    const all = serialRuns.flat();
    if (all.length >= 2) newestFirst = all[0]! > all[all.length - 1]!;
  }
  return {
    headerRow,
    columns,
    ...(date ? { dateColumn: date.index } : {}),
    valueColumns,
    ...(cadence ? { cadence } : {}),
    ...(newestFirst ? { newestFirst } : {}),
    dataRows: Math.max(0, sample.lastRow - headerRow),
  };
}

/** The columns a message lists: `"Week", "MRR", "Churn"` (or letters when there is no header). */
function columnList(columns: readonly DetectedColumn[]): string {
  return columns.map((c) => (c.header ? `"${c.header}"` : c.letter)).join(', ');
}

/**
 * A column named by its header text (case- and space-insensitive) or its letter. A header wins over a letter:
 * a column headed "MRR" is found by "MRR" even though MRR is also a column letter.
 */
export function resolveColumn(
  ref: string,
  detection: Detection,
  field: string,
  tab: string,
  what = 'kpi',
): DetectedColumn {
  const key = textKey(ref);
  const byHeader = detection.columns.find((c) => c.header && textKey(c.header) === key);
  if (byHeader) return byHeader;
  const n = columnNumber(ref);
  const byLetter = n === undefined ? undefined : detection.columns[n - 1];
  if (byLetter) return byLetter;
  const where =
    detection.headerRow > 0 ? `a header in row ${detection.headerRow} of "${tab}"` : `a header of "${tab}"`;
  const headers = detection.columns.filter((c) => c.header);
  const list = headers.length ? ` (its headers: ${columnList(headers)})` : '';
  const last = detection.columns.length ? columnLetter(detection.columns.length) : 'A';
  throw new InputError(
    `${what}: ${field}: "${ref}" is neither ${where}${list} nor a column letter from A to ${last}`,
  );
}

/** The value column: a column of numbers. Says which columns hold numbers when it is not one. */
export function requireValueColumn(
  col: DetectedColumn,
  detection: Detection,
  tab: string,
  what = 'kpi',
): void {
  if (col.kind === 'number') return;
  const numeric = detection.valueColumns.map((i) => detection.columns[i]!);
  const holds =
    col.kind === 'empty' ? 'is empty' : col.kind === 'date' ? 'holds dates' : 'holds text, not numbers';
  throw new InputError(
    `${what}: valueColumn: ${col.label} (column ${col.letter}) of "${tab}" ${holds}; columns of numbers there: ${columnList(numeric)}`,
  );
}

/** The date column: mostly dates. */
export function requireDateColumn(
  col: DetectedColumn,
  detection: Detection,
  tab: string,
  what = 'kpi',
): void {
  if (col.kind === 'date') return;
  const dates = detection.columns.filter((c) => c.kind === 'date');
  throw new InputError(
    `${what}: dateColumn: ${col.label} (column ${col.letter}) of "${tab}" holds no dates; ${dates.length ? `columns of dates there: ${columnList(dates)}` : 'it has no column of dates (leave the date column blank)'}`,
  );
}
