// Detecting what a KPI tab holds, from a sample of its first and last rows (never the whole tab): where the table
// is (kpi-table.ts), its date column (kpi-date-column.ts: real dates, dates as text, a year with a month or week column, a day with
// an hour), the columns of numbers with a proposed name, unit and direction each (or a question where nobody
// can tell), series stacked in one table (a region column), the cadence, which entry is the latest, and what a
// person should be told when the tab cannot be read. Wide scorecards are kpi-wide.ts. Also finding the column a
// user names. Pure: the server reads the sample.

import { columnLetter } from './a1';
import { combinePeriods, isEmptyEntry, newestIndex, periodTime, readNumbers, readPeriods } from './kpi-cells';
import { type ColumnRead, chooseDate, stackedSeries } from './kpi-date-column';
import type { BetterWhen, Cadence } from './kpi-health';
import { type TableShape, tableShape } from './kpi-table';
import { proposeUnit } from './kpi-units';
import { type DetectedRow, detectWide } from './kpi-wide';
import { directionOf, isCodeHeader, isGenericHeader, isLabelHeader, periodUnitOfHeader } from './kpi-words';
import { type DateOrder, type DecimalMark, localeRules } from './locale';
import { cadenceOf, type Period, type PeriodCadence } from './periods';
import type { UnitChoice } from './units';
import { type Cell, type Day, dayOfDate, isBlank, textOf } from './values';

export { requireDateColumn, requireValueColumn, resolveColumn } from './kpi-columns';

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
  /** the spreadsheet's locale (`de_DE`); en_US when absent */
  locale?: string;
}

export type ColumnKind = 'date' | 'number' | 'text' | 'empty';

export interface DetectedColumn {
  /** 0-based */
  index: number;
  letter: string;
  /** the header text, over several header rows joined ("" when the column has none) */
  header: string;
  /** how a message names the column: its header, else "column C" */
  label: string;
  kind: ColumnKind;
  /** numbers that label rows (week numbers, years, IDs): not proposed as a KPI */
  period?: boolean;
  /** for numeric columns: what okr-sheets proposes */
  name?: string;
  /** the unit's kind as the KPI form offers it, and the unit as a cell holds it (`€`, `h`, `MWh`, `%`) */
  unit?: UnitChoice;
  unitText?: string;
  /** higher or lower is better; absent when the header does not tell: the user is asked */
  betterWhen?: BetterWhen;
  /** the number format of the column's entries, when it is not the automatic one */
  numberFormat?: string;
  /** the header names `%` over numbers written without it: percentages as points (2.3 for 2.3 %) */
  percentPoints?: boolean;
  /** the header is a series code (or missing): nothing tells the unit, the user chooses it */
  unitUnknown?: boolean;
  /** the decimal mark its numbers are written with as text, when they tell */
  decimal?: DecimalMark;
  /** why its numbers cannot be trusted (converted by Sheets with the other decimal mark), and what to do */
  misread?: string;
}

export interface Detection {
  orientation: 'long' | 'wide';
  /** 1-based, the header row right above the entries; 0 when the tab has no header row */
  headerRow: number;
  /** every header row, top first */
  headerRows: number[];
  columns: DetectedColumn[];
  /** 0-based index of the date column, if any */
  dateColumn?: number;
  /** a second column that completes the date: a month, week or quarter after a year, an hour after a day */
  datePart?: { column: number; unit: 'quarter' | 'month' | 'week' | 'hour' };
  /** how text dates read (the order that reads every one of them) */
  dateOrder?: DateOrder;
  /** 0-based indexes of the numeric columns, the likeliest KPI first */
  valueColumns: number[];
  /** several series stacked in one table: the columns that tell them apart, and the series seen */
  series?: { columns: number[]; keys: string[] };
  /** from the spacing of the dates, when it is a KPI cadence */
  cadence?: Cadence;
  /** what the spacing shows, whatever it is (yearly, sub-daily, irregular too) */
  spacing?: PeriodCadence;
  /** true when the dates run newest first */
  newestFirst?: boolean;
  /** rows below the header */
  dataRows: number;
  /** wide scorecards: one KPI per row, periods across the header row */
  rows?: DetectedRow[];
  /** what a person should know before tagging (and what to do), in plain sentences */
  notes: string[];
  /** the entries read: their sheet rows, periods and series keys, in sample order */
  entries: { rows: number[]; periods: (Period | undefined)[]; keys: (string | undefined)[] };
}

/** The entries of a long table in the sample: every row from the first entry on, with its sheet row. */
function entryRows(sample: TabSample, firstRow: number): { cells: Cell[][]; rows: number[] } {
  const cells: Cell[][] = [];
  const rows: number[] = [];
  for (let r = firstRow - 1; r < sample.head.length; r++) {
    cells.push(sample.head[r] ?? []);
    rows.push(r + 1);
  }
  sample.tail.forEach((row, i) => {
    if (sample.tailStart + i < firstRow) return;
    cells.push(row);
    rows.push(sample.tailStart + i);
  });
  return { cells, rows };
}

/** A header text over several header rows: the rows' texts, leaving out units and codes (`2015=100`, `in (%)`). */
function headerText(sample: TabSample, shape: TableShape, c: number): { name: string; all: string } {
  const texts = shape.headerRows.map((r) => textOf(sample.head[r - 1]?.[c])).filter((t) => t !== '');
  const naming = texts.filter(
    (t) => !/^(in\s)?[([]?[%$€£¥]?[)\]]?$/i.test(t) && !/^[\d\s=.,()%-]{3,}$/.test(t),
  );
  const codeFree = naming.filter((t) => (t.match(/\d/g) ?? []).length < t.length / 2);
  return { name: (codeFree.length ? codeFree : texts).join(' '), all: texts.join(' ') };
}

/**
 * Reads a tab's sample: its table, header, date column, the numeric columns with a proposed name, unit and
 * direction each, stacked series, the cadence from the dates' spacing, and notes for the user.
 */
export function detectTable(sample: TabSample, dayOf: (d: Date) => Day = dayOfDate): Detection {
  const locale = localeRules(sample.locale);
  const shape = tableShape(sample.head);
  const width = Math.max(sample.lastColumn, ...sample.head.map((r) => r.length), 0);
  const headerRow = shape.headerRows.length ? shape.headerRows[shape.headerRows.length - 1]! : 0;
  const dataRows = Math.max(0, sample.lastRow - Math.max(headerRow, shape.firstRow - 1));
  if (shape.orientation === 'wide') return detectWide(sample, shape, width, locale, dataRows);
  const { cells: entries, rows } = entryRows(sample, shape.firstRow);
  const reads: ColumnRead[] = [];
  const columns: DetectedColumn[] = [];
  for (let c = 0; c < width; c++) {
    const cells = entries.map((row) => row[c] ?? '');
    const numbers = readNumbers(cells, locale);
    const periods = readPeriods(cells, locale, dayOf);
    reads.push({ cells, numbers, periods });
    const { name: text, all } = headerText(sample, shape, c);
    const filled = cells.filter((v) => !isEmptyEntry(v)).length;
    const kind: ColumnKind =
      filled === 0 && cells.every((v) => isBlank(v))
        ? 'empty'
        : periods?.kind === 'dates'
          ? 'date'
          : numbers.numbers >= 0.8 * numbers.filled && numbers.numbers > 0
            ? 'number'
            : filled === 0
              ? 'empty'
              : 'text';
    const col: DetectedColumn = {
      index: c,
      letter: columnLetter(c + 1),
      header: text,
      label: text ? `"${text}"` : `column ${columnLetter(c + 1)}`,
      kind,
    };
    if (numbers.decimal) col.decimal = numbers.decimal;
    const format = formatOf(sample, shape.firstRow, c);
    if (format) col.numberFormat = format;
    if (kind === 'number') {
      if ((periods?.kind === 'index' && !text) || isLabelHeader(text) || isCounter(numbers.values))
        col.period = true;
      const generic = !text || isGenericHeader(text);
      const subject = generic ? `${sample.name} ${text}`.trim() : text;
      col.name = generic ? sample.name : text;
      const unit = proposeUnit(`${subject} ${all}`, numbers, format);
      col.unit = unit.choice;
      if (unit.text) col.unitText = unit.text;
      if (unit.percentPoints) col.percentPoints = true;
      const better = directionOf(subject);
      if (better) col.betterWhen = better;
    }
    columns.push(col);
  }
  const unnamed = columns.filter((c) => c.kind === 'number' && !c.header);
  if (unnamed.length > 1) for (const c of unnamed) c.name = `${sample.name} ${c.letter}`;

  const notes: string[] = [];
  const date = chooseDate(columns, reads);
  let periods: (Period | undefined)[] = rows.map(() => undefined);
  let datePart: Detection['datePart'];
  let dateOrder: DateOrder | undefined;
  if (date) {
    const read = reads[date.column]!.periods!;
    periods = read.periods;
    if (read.order && read.kind === 'dates') dateOrder = read.order;
    if (read.ambiguous)
      notes.push(
        `The dates in ${columns[date.column]!.label} read as ${read.order}; check that this is the order they were written in.`,
      );
    if (date.part) {
      datePart = date.part;
      const unit =
        date.part.unit === 'month' && reads[date.part.column]!.numbers.numbers === 0
          ? 'monthName'
          : date.part.unit;
      periods = combinePeriods(periods, reads[date.part.column]!.cells, unit);
    }
    if (read.kind === 'index' && !date.part && read.units?.[0] !== 'year')
      periods = rows.map(() => undefined);
  }
  const series = date ? stackedSeries(columns, reads, periods) : undefined;
  const keys = rows.map((_, i) =>
    series ? series.columns.map((c) => textOf(reads[c]!.cells[i])).join(' / ') : undefined,
  );
  // a column whose number never changes within a series (a population, a constant 0) follows nothing
  for (const c of columns) {
    if (c.kind !== 'number' || c.period) continue;
    const bySeries = new Map<string | undefined, Set<number>>();
    reads[c.index]!.numbers.values.forEach((n, i) => {
      if (n === undefined) return;
      bySeries.set(keys[i], (bySeries.get(keys[i]) ?? new Set()).add(n));
    });
    const counted = reads[c.index]!.numbers.numbers;
    if (counted >= 3 * Math.max(1, bySeries.size) && [...bySeries.values()].every((v) => v.size === 1))
      c.period = true;
  }
  // the cadence and order of one series (the first, when several are stacked)
  const first = keys.find((k) => k !== undefined);
  const own = periods.filter((_, i) => keys[i] === first);
  let spacing = cadenceOf(own);
  if (date && !spacing) {
    const read = reads[date.column]!.periods;
    const named = periodUnitOfHeader(columns[date.column]!.header);
    const unit = named && read?.units?.includes(named as never) ? named : read?.units?.[0];
    if (unit === 'month') spacing = 'monthly';
    else if (unit === 'week') spacing = 'weekly';
    else if (unit === 'quarter') spacing = 'quarterly';
  }
  const cadence =
    spacing === 'daily' || spacing === 'weekly' || spacing === 'monthly' || spacing === 'quarterly'
      ? spacing
      : undefined;
  const times = own.filter((p): p is Period => !!p).map(periodTime);
  // newest first when most steps from one entry to the next go back in time (unsorted rows are neither)
  const steps = times.slice(1).map((t, i) => Math.sign(t - times[i]!));
  const newestFirst = steps.length > 0 && steps.filter((d) => d < 0).length >= 0.8 * steps.length;
  if (spacing === 'sub-daily')
    notes.push(
      'Its rows are less than a day apart: a KPI takes one value a day at most, so okr-sheets shows the newest row as Latest. For a daily KPI, summarise the rows per day in another tab (a pivot table) and tag that tab.',
    );
  const valueColumns = columns
    .filter((c) => c.kind === 'number' && c.index !== date?.column && c.index !== datePart?.column)
    .sort((a, b) => Number(Boolean(a.period)) - Number(Boolean(b.period)) || a.index - b.index)
    .map((c) => c.index);
  for (const i of valueColumns) {
    const c = columns[i]!;
    const cells = reads[i]!.cells;
    if (!c.decimal || c.decimal !== locale.decimal) {
      if (!c.decimal || !cells.some((v) => typeof v === 'string' && /\d/.test(v))) continue;
      const mark = (m: string) => (m === ',' ? 'decimal comma' : 'decimal point');
      const where = `${c.label} (column ${c.letter})`;
      if (cells.some((v) => typeof v === 'number')) {
        // the texts Sheets could not convert show the file's decimal mark: the numbers it did convert were
        // read with the other one (`119,942` became 119942)
        c.misread = `${where} mixes numbers with numbers written as text with a ${mark(c.decimal)} (${cells.find((v) => typeof v === 'string' && /\d/.test(v))}): Sheets read the file in a locale that writes a ${mark(locale.decimal)}, so its other numbers are probably wrong (119,942 became 119942). Import the file again after setting the spreadsheet's locale (File > Settings) to one that writes a ${mark(c.decimal)}, then tag it.`;
        notes.push(c.misread);
      } else {
        notes.push(
          `${where} holds numbers written as text with a ${mark(c.decimal)}, while this spreadsheet's locale writes a ${mark(locale.decimal)}: okr-sheets reads them as written; for formulas of your own to compute with them, import the file after setting the spreadsheet's locale (File > Settings) to one that writes a ${mark(c.decimal)}.`,
        );
      }
    }
  }
  const points = valueColumns.map((i) => columns[i]!).filter((c) => c.percentPoints);
  if (points.length)
    notes.push(
      `${points.map((c) => c.label).join(', ')} ${points.length > 1 ? 'hold' : 'holds'} percentages written as plain numbers (2.3 for 2.3 %): okr-sheets shows them as numbers; type a target the same way.`,
    );
  const coded = valueColumns
    .map((i) => columns[i]!)
    .filter((c) => !c.period && (!c.header || isCodeHeader(c.header)));
  for (const c of coded) c.unitUnknown = true;
  if (coded.length)
    notes.push(
      `${coded.map((c) => (c.header ? `${c.label} is a series code` : `column ${c.letter} has no header`)).join(', ')}: okr-sheets cannot tell the unit or whether higher is better from it; choose both.`,
    );
  if (series)
    notes.push(
      `It holds ${series.keys.length} series stacked (told apart by ${series.columns.map((c) => columns[c]!.label).join(' and ')}): choose the one the KPI follows.`,
    );
  return {
    orientation: 'long',
    headerRow,
    headerRows: shape.headerRows,
    columns,
    ...(date ? { dateColumn: date.column } : {}),
    ...(datePart ? { datePart } : {}),
    ...(dateOrder ? { dateOrder } : {}),
    valueColumns,
    ...(series ? { series } : {}),
    ...(cadence ? { cadence } : {}),
    ...(spacing ? { spacing } : {}),
    ...(newestFirst ? { newestFirst } : {}),
    dataRows,
    notes,
    entries: { rows, periods, keys },
  };
}

/** Whole numbers counting up by one row after row (a row number, an `instant` index): a label, no KPI. */
function isCounter(values: readonly (number | undefined)[]): boolean {
  const present = values.filter((n): n is number => n !== undefined);
  if (present.length < 5) return false;
  return present.every((n, i) => Number.isInteger(n) && (i === 0 || n === present[i - 1]! + 1));
}

const GENERAL_FORMATS = new Set(['', 'general', '0.###############', '@']);

/** The number format most entries of a column show, when it says something (not automatic, not a date). */
function formatOf(sample: TabSample, firstRow: number, c: number): string | undefined {
  const counts = new Map<string, number>();
  let entries = 0;
  for (let r = firstRow - 1; r < (sample.headFormats?.length ?? 0); r++) {
    const v = sample.head[r]?.[c];
    if (isBlank(v) || typeof v !== 'number') continue;
    entries++;
    const f = sample.headFormats?.[r]?.[c]?.trim();
    if (f && !GENERAL_FORMATS.has(f.toLowerCase())) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [f, n] of counts) if (!best || n > counts.get(best)!) best = f;
  // a date or time format on numbers is a stray: never the format of a number KPI
  if (!best || counts.get(best)! < entries / 2 || /^[^"[]*[dyhs]/i.test(best.replace(/\[\$[^\]]*\]/g, '')))
    return undefined;
  return best;
}

export interface LatestEntry {
  value: number;
  /** 1-based sheet row */
  row: number;
  period?: Period;
}

/**
 * The latest entry of a value column (of one series, when `key` names one): the entry with the newest period,
 * else the last entry holding a number. Undefined when none holds one.
 */
export function latestEntry(
  d: Detection,
  sample: TabSample,
  column: number,
  key?: string,
): LatestEntry | undefined {
  const locale = localeRules(sample.locale);
  const { rows, periods, keys } = d.entries;
  const cells = rows.map(
    (r) => (r <= sample.head.length ? sample.head[r - 1] : sample.tail[r - sample.tailStart])?.[column] ?? '',
  );
  const values = readNumbers(cells, locale).values.map((v, i) =>
    key === undefined || keys[i] === key ? v : undefined,
  );
  const i = newestIndex(values, d.dateColumn === undefined ? undefined : periods);
  if (i < 0) return undefined;
  return { value: values[i]!, row: rows[i]!, ...(periods[i] ? { period: periods[i] } : {}) };
}
