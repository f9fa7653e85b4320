// The syntax of every formula okr-sheets writes, decided once: text that Sheets parses the same in every locale
// (docs/ARCHITECTURE.md, Locales). Sheets parses a written formula in the spreadsheet's locale; these rules hold
// in all of them: `;` between arguments (Sheets corrects it to `,` where `,` is the separator), no decimal
// literal (`0.7` has no reading where the decimal mark is `,`: a fraction `7/10` is written instead), and no
// array literal wider than one column (`{"Score";…}` stacks rows with `;` everywhere; columns are `,` or `\`).
// Every builder of a formula goes through these functions; readers of formulas read what getFormula returns
// in any locale (`,` or `;` between arguments).
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

/** Between a function's arguments: Sheets takes `;` in every locale, `,` only where it is no decimal mark. */
export const ARGUMENT_SEPARATOR = ';';

/** `NAME(a;b;c)`: a call of a built-in or custom function. */
export function call(name: string, ...args: readonly string[]): string {
  return `${name}(${args.join(ARGUMENT_SEPARATOR)})`;
}

/** A text literal: `"On track"`, with `"` doubled as Sheets reads it. */
export function quoted(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** `DATE(2027;3;31)`: a day written without a date order of any locale. */
export function date(day: Day): string {
  return call('DATE', String(day.year), String(day.month), String(day.day));
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * A number as formula text that every locale reads as exactly this double, with no decimal mark: an integer
 * as it is (`1`, `(-2)` when negative; below 10^21), anything else as a fraction in parentheses: `(7/10)`,
 * `(3/2)`, `(-1/8)`. The fraction is the shortest decimal text's digits over its power of ten, reduced; both are exact
 * doubles, so the division rounds to the number itself in any IEEE engine. A double whose shortest decimal
 * text has more than 15 digits is written as its binary fraction, `(5404319552844595/18014398509481984)`,
 * exact too. Not a finite number, or one beyond 10^21: a programming error, thrown.
 */
export function numeral(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`formula number ${n} is not finite`);
  const a = Math.abs(n);
  if (a === 0) return '0';
  if (a >= 1e21) throw new Error(`formula number ${n} is too large to write`);
  const body = Number.isInteger(a) ? String(a) : (decimalFraction(a) ?? binaryFraction(a));
  if (n < 0) return `(-${body})`;
  return body.includes('/') ? `(${body})` : body;
}

/** `p/q` from the shortest decimal text (`0.65` → `13/20`), when p and q are exact doubles. */
function decimalFraction(a: number): string | undefined {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(a));
  if (!m) return undefined;
  const digits = `${m[1]}${m[2] ?? ''}`.replace(/^0+(?=\d)/, '');
  const places = (m[2] ?? '').length - Number(m[3] ?? 0);
  // 10^20 is the largest power of ten JavaScript writes without an exponent (and an exact double)
  if (digits.length > 15 || places < 1 || places > 20) return undefined;
  const p = Number(digits);
  const q = 10 ** places;
  const g = gcd(p, q);
  return `${p / g}/${q / g}`;
}

/**
 * `m/2^k` with 2^k written out: m has at most 53 bits, so both are exact for every finite non-integer. Past
 * 2^1000 (numbers below about 10^-285) the power is written in parts, `m/2^1000/2^74`; each division is exact.
 */
function binaryFraction(a: number): string {
  let m = a;
  let k = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    k++;
  }
  let text = String(m);
  for (; k > 0; k -= 1000) text += `/${powerOfTwo(Math.min(k, 1000))}`;
  return text;
}

/** 2^k in decimal digits, exactly (a double prints 2^70 as `1.1805916207174113e+21`). */
function powerOfTwo(k: number): string {
  const digits = [1]; // least significant first
  for (let i = 0; i < k; i++) {
    let carry = 0;
    for (let j = 0; j < digits.length; j++) {
      const d = digits[j]! * 2 + carry;
      digits[j] = d % 10;
      carry = d >= 10 ? 1 : 0;
    }
    if (carry) digits.push(carry);
  }
  return digits.reverse().join('');
}

/**
 * A computed column's formula in its header cell: `={"Score";OKR_SCORE(…)}` shows the header and spills the
 * whole column below it. One column, rows stacked with `;`: the only array literal every locale reads alike.
 */
export function headerFormula(header: string, formula: string): string {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  return `={${quoted(header)};${body}}`;
}

/**
 * The header a header formula shows, as getFormula returns it in any locale (rows are `;` in all of them), so a
 * column is found even when its formula shows an error.
 */
export function headerOfFormula(formula: string): string | undefined {
  const m = /^=\s*\{\s*"((?:[^"]|"")*)"\s*;/.exec(formula);
  return m ? m[1]!.replace(/""/g, '"') : undefined;
}
