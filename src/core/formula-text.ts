// The syntax of every formula okr-sheets writes, decided once: how a function is called, how text, numbers and
// days are written, and the header formula of a computed column. Every builder of a formula goes through these
// functions, so a change of syntax is a change here.
import type { Day } from './values';

/**
 * The names of okr-sheets' custom functions, each with the prefix `OKR_`: Sheets lets a user call only one of
 * several installed add-ons' functions of the same name, so a name like `QUARTER` or `KPI_STATUS` could be
 * taken by another add-on. server/index.ts exports a function of each name (tests/build checks it).
 */
export const FUNCTIONS = {
  score: 'OKR_SCORE',
  rollup: 'OKR_ROLLUP',
  band: 'OKR_BAND',
  kpiLatest: 'OKR_KPI_LATEST',
  kpiPrevious: 'OKR_KPI_PREVIOUS',
  kpiStatus: 'OKR_KPI_STATUS',
  quarter: 'OKR_QUARTER',
  quarterStart: 'OKR_QUARTER_START',
  quarterEnd: 'OKR_QUARTER_END',
} as const;

/** Between a function's arguments. */
export const ARGUMENT_SEPARATOR = ',';

/** `NAME(a,b,c)`: a call of a built-in or custom function. */
export function call(name: string, ...args: readonly string[]): string {
  return `${name}(${args.join(ARGUMENT_SEPARATOR)})`;
}

/** A text literal: `"On track"`, with `"` doubled as Sheets reads it. */
export function quoted(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** `DATE(2027,3,31)`: a day written without a date order of any locale. */
export function date(day: Day): string {
  return call('DATE', String(day.year), String(day.month), String(day.day));
}

/** A number as formula text, as JavaScript writes it. Not a finite number: a programming error, thrown. */
export function numeral(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`formula number ${n} is not finite`);
  return String(n);
}

/**
 * A computed column's formula in its header cell: `={"Score";OKR_SCORE(…)}` shows the header and spills the
 * whole column below it.
 */
export function headerFormula(header: string, formula: string): string {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  return `={${quoted(header)};${body}}`;
}

/**
 * The header a header formula shows, so a column is found even when its formula shows an error.
 */
export function headerOfFormula(formula: string): string | undefined {
  const m = /^=\s*\{\s*"((?:[^"]|"")*)"\s*;/.exec(formula);
  return m ? m[1]!.replace(/""/g, '"') : undefined;
}
