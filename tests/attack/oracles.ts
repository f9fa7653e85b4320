// What each custom function must answer, written from the contract in README.md (Formulas) rather than from
// the code: per row for the functions computed cell by cell, per column for the others. An oracle answers
// exactly where the contract says exactly (numbers as numbers, with exact arithmetic), names an error where
// the contract says error, and says "any" where only the general rules hold (never NaN, Infinity or
// undefined; text only as documented; an error names the function and an argument).

import type { Value } from './cells';
import { compare, div, exact, type Fraction, isZero, sub } from './exact';

export type Expect =
  | { kind: 'exact'; value: string | number | '' }
  | { kind: 'near'; value: Fraction }
  | { kind: 'day'; year: number; month: number; day: number }
  | { kind: 'error' }
  | { kind: 'any' };

export const ANY: Expect = { kind: 'any' };
export const ERROR: Expect = { kind: 'error' };
export const BLANK: Expect = { kind: 'exact', value: '' };
const is = (value: string | number): Expect => ({ kind: 'exact', value });

/** Blank as Sheets means it: an empty cell, or text of spaces only; an omitted argument too. */
export const blank = (v: Value) => v === '' || v === undefined || (typeof v === 'string' && v.trim() === '');
const isDateValue = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** A number cell: the number, blank, an error (a boolean or a Date), or unknown (text: read as typed). */
type Num = number | 'blank' | 'error' | 'unknown';
function num(v: Value): Num {
  if (blank(v)) return 'blank';
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim().startsWith('#') ? 'error' : 'unknown';
  return 'error';
}

const TYPES = new Map<string, string>([
  ['auto', 'auto'],
  ['increase', 'increase'],
  ['decrease', 'decrease'],
  ['at least', 'at least'],
  ['atleast', 'at least'],
  ['at most', 'at most'],
  ['atmost', 'at most'],
  ['yes/no', 'yes/no'],
  ['yesno', 'yes/no'],
  ['boolean', 'yes/no'],
  ['milestone', 'milestone'],
  ['milestones', 'milestone'],
]);

function scoreType(v: Value): string | 'error' {
  if (blank(v)) return 'auto';
  if (typeof v !== 'string') return 'error';
  const key = v.trim().toLowerCase().replace(/\s+/g, ' ');
  return TYPES.get(key) ?? TYPES.get(key.replace(/[\s_-]/g, '')) ?? 'error';
}

/** OKR_SCORE's cap: blank is 1; a number from 1 to 10. */
export function scoreOptions([cap]: Value[]): number | 'error' | 'unknown' {
  const n = num(cap);
  if (n === 'blank') return 1;
  if (n === 'error') return 'error';
  if (n === 'unknown') return 'unknown';
  return n >= 1 && n <= 10 ? n : 'error';
}

function clamp(ratio: Fraction, cap: number): Expect {
  if (compare(ratio, exact(0)) <= 0) return is(0);
  if (compare(ratio, exact(cap)) >= 0) return is(cap);
  return { kind: 'near', value: ratio };
}

const YES = new Set(['yes', 'y', 'true', 'done', '1', '✓', '✔', 'x']);

/** One row of OKR_SCORE(baseline, target, current, type) under a cap. */
export function scoreRow([b, t, c, type]: Value[], cap: number): Expect {
  const ty = scoreType(type);
  if (ty === 'error') return ERROR;
  if (ty === 'yes/no') {
    if (blank(c)) return BLANK;
    if (c === true) return is(1);
    if (typeof c === 'number') return is(c === 1 ? 1 : 0);
    if (typeof c === 'string') return is(YES.has(c.trim().toLowerCase()) ? 1 : 0);
    return is(0);
  }
  const [nb, nt, nc] = [num(b), num(t), num(c)];
  if (nb === 'error' || nt === 'error' || nc === 'error') return ERROR;
  if (nb === 'unknown' || nt === 'unknown' || nc === 'unknown') return ANY;
  if (nt === 'blank' || nc === 'blank') return BLANK;
  if (ty === 'at least') return is(nc >= nt ? 1 : 0);
  if (ty === 'at most') return is(nc <= nt ? 1 : 0);
  if (ty === 'milestone') {
    if (nt <= 0 || nc < 0) return ERROR;
    return clamp(div(exact(nc), exact(nt)), cap);
  }
  if (nb === 'blank') return BLANK;
  if (nb === nt) return ERROR;
  if (ty === 'increase' && nt < nb) return ERROR;
  if (ty === 'decrease' && nt > nb) return ERROR;
  return clamp(div(sub(exact(nc), exact(nb)), sub(exact(nt), exact(nb))), cap);
}

/** OKR_BAND's thresholds: blank is 0.4 and 0.7, each in [0, 1], yellow not above green. */
export function bandOptions([y, g]: Value[]): [number, number] | 'error' | 'unknown' {
  const [ny, ng] = [num(y), num(g)];
  if (ny === 'error' || ng === 'error') return 'error';
  if (ny === 'unknown' || ng === 'unknown') return 'unknown';
  const yellow = ny === 'blank' ? 0.4 : ny;
  const green = ng === 'blank' ? 0.7 : ng;
  if (yellow < 0 || yellow > 1 || green < 0 || green > 1 || yellow > green) return 'error';
  return [yellow, green];
}

export function bandRow([score]: Value[], [yellow, green]: [number, number]): Expect {
  if (blank(score)) return BLANK;
  if (typeof score === 'string' && score.trimStart().startsWith('#')) return is(score);
  const n = num(score);
  if (n === 'error') return ERROR;
  if (n === 'unknown' || n === 'blank') return ANY;
  return is(n >= green ? 'green' : n >= yellow ? 'yellow' : 'red');
}

export function kpiStatusRow([value, target, warnAt, betterWhen]: Value[]): Expect {
  if (blank(betterWhen) && (blank(value) || blank(target))) return BLANK;
  const better = typeof betterWhen === 'string' ? betterWhen.trim().toLowerCase() : '';
  if (better !== 'higher' && better !== 'lower') return ERROR;
  const [v, t, w] = [num(value), num(target), num(warnAt)];
  if (v === 'error' || t === 'error' || w === 'error') return ERROR;
  if (v === 'unknown' || t === 'unknown' || w === 'unknown') return ANY;
  if (typeof w === 'number' && typeof t === 'number') {
    if (better === 'higher' ? w > t : w < t) return ERROR;
  }
  if (v === 'blank' || t === 'blank') return BLANK;
  const meets = (limit: number) => (better === 'higher' ? v >= limit : v <= limit);
  if (meets(t)) return is('green');
  if (typeof w === 'number' && meets(w)) return is('yellow');
  return is('red');
}

/** A fiscal start month: blank is 1; a whole number from 1 to 12 (also as text). */
export function fiscalOptions([fsm]: Value[]): number | 'error' | 'unknown' {
  if (blank(fsm)) return 1;
  if (typeof fsm === 'string') return 'unknown';
  if (typeof fsm !== 'number' || !Number.isInteger(fsm) || fsm < 1 || fsm > 12) return 'error';
  return fsm;
}

/** A UTC day with a year from 0 to 9999 (Date.UTC would read years 0–99 as 1900–1999). */
function utcDay(year: number, month: number, day: number): Date {
  const d = new Date(Date.UTC(2000, 0, 1));
  d.setUTCFullYear(year, month - 1, day);
  return d;
}

const pad4 = (y: number) => String(y).padStart(4, '0');

export function quarterRow([date]: Value[], fsm: number): Expect {
  if (blank(date)) return BLANK;
  let d: Date;
  if (isDateValue(date)) d = date;
  else if (typeof date === 'number') {
    if (!(date >= 1 && date < 2_958_466)) return ERROR;
    d = new Date(Date.UTC(1899, 11, 30) + Math.floor(date) * 86_400_000);
  } else if (typeof date === 'string') return ANY;
  else return ERROR;
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + 1;
  const offset = (month - fsm + 12) % 12;
  const startYear = month >= fsm ? year : year - 1;
  const fiscalYear = fsm === 1 ? startYear : startYear + 1;
  return is(`${pad4(fiscalYear)}-Q${Math.floor(offset / 3) + 1}`);
}

const LABEL = /^\s*(\d{4})\s*-?\s*Q([1-4])\s*$/i;

/** The first (or, with `end`, the last) day of a quarter label, by the README's rule. */
export function boundaryRow([label]: Value[], fsm: number, end: boolean): Expect {
  if (blank(label)) return BLANK;
  const m = typeof label === 'string' ? LABEL.exec(label) : null;
  if (!m || Number(m[1]) === 0) return ERROR; // there is no year 0
  const year = Number(m[1]);
  const q = Number(m[2]);
  const startYear = fsm === 1 ? year : year - 1;
  const index = fsm - 1 + (q - 1) * 3 + (end ? 3 : 0);
  const first = utcDay(startYear + Math.floor(index / 12), (index % 12) + 1, 1);
  const d = end ? new Date(first.getTime() - 86_400_000) : first;
  if (first.getUTCFullYear() < 1 || d.getUTCFullYear() < 1) return ERROR; // the quarter has days in the year 0
  return { kind: 'day', year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

// ---- Whole-column functions -------------------------------------------------------------------------------

/**
 * OKR_ROLLUP for each objective: the weight-averaged score of its key results, exactly; blank scores are
 * left out, a blank weight is 1; an error score or a negative weight is an error naming the key result.
 */
export function rollupOf(
  objectives: Value[],
  krObjectives: Value[],
  scores: Value[],
  weights?: Value[],
): Expect[] {
  const pick = (col: Value[] | undefined, i: number) =>
    col ? (col.length === 1 ? col[0] : col[i]) : undefined;
  return objectives.map((oid) => {
    if (blank(oid)) return BLANK;
    const key = String(oid).trim();
    let sum: Fraction = { n: 0n, d: 1n };
    let weight: Fraction = { n: 0n, d: 1n };
    let unknown = false;
    for (let i = 0; i < krObjectives.length; i++) {
      const k = krObjectives[i];
      if (blank(k) || String(k).trim() !== key) continue;
      const s = pick(scores, i);
      if (blank(s)) continue;
      const ns = num(s);
      if (ns === 'error') return ERROR;
      const w = pick(weights, i);
      const nw = blank(w) ? 1 : num(w);
      if (nw === 'error') return ERROR;
      if (ns === 'unknown' || nw === 'unknown') {
        unknown = true;
        continue;
      }
      if (ns === 'blank' || nw === 'blank') continue; // not reached: both were checked for blank above
      if (nw < 0) return ERROR;
      const fw = exact(nw);
      const fs = exact(ns);
      sum = { n: sum.n * fs.d * fw.d + fs.n * fw.n * sum.d, d: sum.d * fs.d * fw.d };
      weight = { n: weight.n * fw.d + fw.n * weight.d, d: weight.d * fw.d };
    }
    if (unknown) return ANY;
    if (isZero(weight)) return BLANK;
    return { kind: 'near', value: div(sum, weight) };
  });
}
