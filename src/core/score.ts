// The scoring contract (DESIGN.md §5). Read OKR_SCORE(baseline, target, current) as
// "from baseline to target, now at current". Everything here is pure and works on one row;
// column form is grid.ts's job.
import { call, numeral } from './formula-text';
import {
  type Cell,
  describe,
  InputError,
  isBlank,
  isErrorText,
  messageOf,
  readNumber,
  roundScore,
} from './values';

const isFiniteNumber = Number.isFinite;
const { min, max } = Math; // bound once: see values.ts

export const SCORE_TYPES = [
  'auto',
  'increase',
  'decrease',
  'at least',
  'at most',
  'yes/no',
  'milestone',
] as const;
export type ScoreType = (typeof SCORE_TYPES)[number];

/** re:Work bands: below 0.4 red, 0.4 to below 0.7 yellow, 0.7 and above green. */
export interface Bands {
  yellowFrom: number;
  greenFrom: number;
}
export const DEFAULT_BANDS: Bands = { yellowFrom: 0.4, greenFrom: 0.7 };
export type Band = 'green' | 'yellow' | 'red';

/** How a band is shown in a sheet: cell background and text colour (Sheets' own light green, yellow and red). */
export const BAND_COLOURS: Record<Band, { background: string; font: string }> = {
  green: { background: '#b7e1cd', font: '#0d652d' },
  yellow: { background: '#fce8b2', font: '#7a4f01' },
  red: { background: '#f4c7c3', font: '#a50e0e' },
};

/**
 * A key result is finished when it scores this (or more, with an over-achievement cap): the quarter's status
 * says Done, the next quarter does not carry it, the review marks it finished.
 */
export const FINISHED_AT = 1;

export function isFinished(score: number | ''): boolean {
  return typeof score === 'number' && score >= FINISHED_AT;
}

/** Highest score allowed: 1 clamps at 100%; a larger cap lets over-achievement show (e.g. 1.5). */
export const DEFAULT_CAP = 1;
export const MAX_CAP = 10;

// a Map, not an object literal: a type typed as "constructor" or "__proto__" must not find Object.prototype's
const ALIASES = new Map<string, ScoreType>([
  ['', 'auto'],
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

/** Reads a type name, case- and space-insensitively. Blank means auto. */
export function readScoreType(v: Cell): ScoreType {
  if (isBlank(v)) return 'auto';
  if (typeof v !== 'string') throw unknownType(v);
  const key = v.trim().toLowerCase().replace(/\s+/g, ' ');
  const type = ALIASES.get(key) ?? ALIASES.get(key.replace(/[\s_-]/g, ''));
  if (!type) throw unknownType(v);
  return type;
}

function unknownType(v: unknown): InputError {
  return new InputError(`type ${describe(v)} is not one of ${SCORE_TYPES.map((t) => `"${t}"`).join(', ')}`);
}

export function readCap(v: Cell): number {
  const cap = readNumber('cap', v);
  if (cap === undefined) return DEFAULT_CAP;
  if (cap < 1 || cap > MAX_CAP) throw new InputError(`cap ${describe(v)} must be between 1 and ${MAX_CAP}`);
  return cap;
}

const YES = new Set(['yes', 'y', 'true', 'done', '1', '✓', '✔', 'x']);

function clamp(x: number, cap: number): number {
  return roundScore(min(cap, max(0, x)));
}

/**
 * (current − baseline) / (target − baseline) for any finite numbers: when a difference overflows (a baseline of
 * −1e308 and a target of 1e308), the same ratio of the halves, which cannot.
 */
function progress(current: number, baseline: number, target: number): number {
  const span = target - baseline;
  const done = current - baseline;
  if (isFiniteNumber(span) && isFiniteNumber(done)) return done / span;
  return (current / 2 - baseline / 2) / (target / 2 - baseline / 2);
}

/**
 * Scores one key result. Returns a number in [0, cap], or "" when an input it needs is blank
 * (not scored yet). Throws InputError naming the argument when an input cannot be read.
 */
export function scoreOne(
  baseline: Cell,
  target: Cell,
  current: Cell,
  type: Cell = 'auto',
  cap = DEFAULT_CAP,
): number | '' {
  // The common row: three plain numbers under auto. Same result as the general path below, without its reads.
  if (
    typeof baseline === 'number' &&
    typeof target === 'number' &&
    typeof current === 'number' &&
    (type === 'auto' || type === '' || type === undefined) &&
    baseline !== target &&
    isFiniteNumber(baseline) &&
    isFiniteNumber(target) &&
    isFiniteNumber(current)
  ) {
    return clamp(progress(current, baseline, target), cap);
  }
  return scoreAnyRow(baseline, target, current, type, cap);
}

/** scoreOne beyond the common row; kept apart so that scoreOne stays small enough for V8 to inline it. */
function scoreAnyRow(baseline: Cell, target: Cell, current: Cell, type: Cell, cap: number): number | '' {
  const t = readScoreType(type);
  switch (t) {
    case 'yes/no': {
      if (isBlank(current)) return '';
      if (current === true) return 1;
      if (typeof current === 'number') return current === 1 ? 1 : 0;
      if (typeof current === 'string') return YES.has(current.trim().toLowerCase()) ? 1 : 0;
      return 0;
    }
    case 'at least':
    case 'at most': {
      const tg = readNumber('target', target);
      const cur = readNumber('current', current);
      readNumber('baseline', baseline);
      if (tg === undefined || cur === undefined) return '';
      return (t === 'at least' ? cur >= tg : cur <= tg) ? 1 : 0;
    }
    case 'milestone': {
      const tg = readNumber('target', target);
      const cur = readNumber('current', current);
      readNumber('baseline', baseline);
      if (tg === undefined || cur === undefined) return '';
      if (tg <= 0)
        throw new InputError(`target ${describe(target)} must be the number of milestones (above 0)`);
      if (cur < 0)
        throw new InputError(`current ${describe(current)} cannot be a negative number of milestones`);
      return clamp(cur / tg, cap);
    }
    default: {
      const b = readNumber('baseline', baseline);
      const tg = readNumber('target', target);
      const cur = readNumber('current', current);
      if (b === undefined || tg === undefined || cur === undefined) return '';
      if (b === tg) {
        throw new InputError(
          `baseline and target are both ${tg}: that is a KPI to maintain, not a key result; use type "at least" or "at most"`,
        );
      }
      if (t === 'increase' && tg < b) {
        throw new InputError(
          `type "increase" needs target (${tg}) above baseline (${b}); use "decrease" or "auto"`,
        );
      }
      if (t === 'decrease' && tg > b) {
        throw new InputError(
          `type "decrease" needs target (${tg}) below baseline (${b}); use "increase" or "auto"`,
        );
      }
      return clamp(progress(cur, b, tg), cap);
    }
  }
}

/** Reads band thresholds; both must be in [0, 1] with yellowFrom ≤ greenFrom. */
export function readBands(yellowFrom: Cell, greenFrom: Cell): Bands {
  const y = readNumber('yellowFrom', yellowFrom) ?? DEFAULT_BANDS.yellowFrom;
  const g = readNumber('greenFrom', greenFrom) ?? DEFAULT_BANDS.greenFrom;
  if (y < 0 || y > 1) throw new InputError(`yellowFrom ${describe(yellowFrom)} must be between 0 and 1`);
  if (g < 0 || g > 1) throw new InputError(`greenFrom ${describe(greenFrom)} must be between 0 and 1`);
  if (y > g) throw new InputError(`yellowFrom (${y}) must not be above greenFrom (${g})`);
  return { yellowFrom: y, greenFrom: g };
}

/**
 * The conditional-format formulas that colour a score column by band, reading its first data cell (`L2`;
 * Sheets moves the reference down the range), thresholds as fractions so the rule parses in every locale
 * (`=AND(ISNUMBER(L2);L2>=(7/10))`). A blank or error cell matches none, so it stays uncoloured.
 */
export function bandRuleFormulas(cell: string, bands: Bands): Array<{ band: Band; formula: string }> {
  const scored = call('ISNUMBER', cell);
  const rule = (test: string) => `=${call('AND', scored, test)}`;
  return [
    { band: 'green', formula: rule(`${cell}>=${numeral(bands.greenFrom)}`) },
    { band: 'yellow', formula: rule(`${cell}>=${numeral(bands.yellowFrom)}`) },
    { band: 'red', formula: rule(`${cell}<${numeral(bands.yellowFrom)}`) },
  ];
}

export function bandOf(score: number, bands: Bands = DEFAULT_BANDS): Band {
  if (score >= bands.greenFrom) return 'green';
  if (score >= bands.yellowFrom) return 'yellow';
  return 'red';
}

/** Band of a score cell: blank → "", error text passes through unchanged, anything else must be a number. */
export function bandOfCell(score: Cell, bands: Bands = DEFAULT_BANDS): Band | '' | string {
  if (isBlank(score)) return '';
  if (isErrorText(score)) return score;
  const s = readNumber('score', score);
  return s === undefined ? '' : bandOf(s, bands);
}

export interface RollupInput {
  objectiveIds: Cell[];
  krObjectiveIds: Cell[];
  krScores: Cell[];
  krWeights?: Cell[];
  krIds?: Cell[];
  /** with them, a key result with a target and no score yet is "not started" and counts as 0 */
  krTargets?: Cell[];
  /** a yes/no key result needs no target: without a current value it is "not started" too */
  krTypes?: Cell[];
}

/** An objective's roll-up: its score (or error text), and how many of its key results the score counts. */
export interface ObjectiveRollup {
  score: number | '' | string;
  /** key results the score counts: scored ones, and "not started" ones (a target, no current value yet) */
  counted: number;
  /** every key result of the objective */
  keyResults: number;
}

/** Whether a key result without a score is "not started" (it counts as 0) rather than not set up (left out). */
function notStarted(target: Cell, type: Cell): boolean {
  let t: ScoreType = 'auto';
  try {
    t = readScoreType(type);
  } catch {
    return false; // its score is an error anyway
  }
  return t === 'yes/no' || !isBlank(target);
}

/**
 * For each objective ID, the weight-averaged score of its key results (DESIGN.md §5): a key result with a
 * target and no current value yet counts as 0 (it is not started: it must never make its objective look
 * further along); one with no target yet is left out, and `counted` says how many the score counts. Without
 * `krTargets` (a sheet written before that argument existed) a blank score is left out. An objective with no
 * counted KR is blank. A KR whose score (or weight) is an error makes its objective's result an error text
 * naming that KR: never a silently wrong average.
 */
export function rollupDetail(input: RollupInput): ObjectiveRollup[] {
  const { objectiveIds, krObjectiveIds, krScores, krWeights, krIds, krTargets, krTypes } = input;
  const n = krObjectiveIds.length;
  for (const [name, col] of [
    ['krScores', krScores],
    ['krWeights', krWeights],
    ['krIds', krIds],
    ['krTargets', krTargets],
    ['krTypes', krTypes],
  ] as const) {
    if (col && col.length !== n && col.length !== 1) {
      throw new InputError(
        `krObjectiveIds has ${n} rows but ${name} has ${col.length}: ranges must be the same height`,
      );
    }
  }
  const pick = (col: Cell[] | undefined, i: number) =>
    col ? (col.length === 1 ? col[0] : col[i]) : undefined;
  /**
   * Sums kept relative to the largest weight and the largest score seen (each sum at most the number of key
   * results), so weights of 1e308 average as any others do instead of overflowing to Infinity / Infinity.
   */
  interface Acc {
    sum: number;
    weight: number;
    weightScale: number;
    scoreScale: number;
    counted: number;
    keyResults: number;
    error?: string;
  }
  const byObjective = new Map<string, Acc>();
  for (let i = 0; i < n; i++) {
    const oid = krObjectiveIds[i];
    if (isBlank(oid)) continue;
    const key = String(oid).trim();
    let acc = byObjective.get(key);
    if (!acc) {
      acc = { sum: 0, weight: 0, weightScale: 0, scoreScale: 0, counted: 0, keyResults: 0 };
      byObjective.set(key, acc);
    }
    acc.keyResults++;
    if (acc.error) continue;
    const krName = () => {
      const id = pick(krIds, i);
      return isBlank(id) ? `the key result in row ${i + 1} of the range` : `key result ${String(id).trim()}`;
    };
    const score = pick(krScores, i);
    const blank = isBlank(score);
    if (blank && (!krTargets || !notStarted(pick(krTargets, i), pick(krTypes, i)))) continue;
    try {
      if (!blank && isErrorText(score))
        throw new InputError(`has an error (${score.replace(/^#ERROR:\s*/, '')})`);
      const s = blank ? 0 : (readNumber('score', score) as number);
      const wCell = pick(krWeights, i);
      const w = isBlank(wCell) ? 1 : (readNumber('weight', wCell) as number);
      if (w < 0) throw new InputError(`weight ${describe(wCell)} is negative`);
      add(acc, s, w);
      acc.counted++;
    } catch (e) {
      const message = messageOf(e);
      acc.error = `#ERROR: ${krName()} ${message}`;
    }
  }
  return objectiveIds.map((oid) => {
    const acc = isBlank(oid) ? undefined : byObjective.get(String(oid).trim());
    if (!acc) return { score: '', counted: 0, keyResults: 0 };
    const score = acc.error ?? (acc.weight > 0 ? roundScore((acc.sum / acc.weight) * acc.scoreScale) : '');
    return { score, counted: acc.counted, keyResults: acc.keyResults };
  });
}

/** The roll-up as OKR_ROLLUP returns it: each objective's score, or error text, or blank. */
export function rollup(input: RollupInput): Cell[] {
  return rollupDetail(input).map((r) => r.score);
}

/** Adds one weighted score to an objective's sums, rescaling them when a larger weight or score arrives. */
function add(
  acc: { sum: number; weight: number; weightScale: number; scoreScale: number },
  score: number,
  weight: number,
): void {
  if (weight === 0) return;
  if (weight > acc.weightScale) {
    const k = acc.weightScale / weight;
    acc.sum *= k;
    acc.weight *= k;
    acc.weightScale = weight;
  }
  const size = Math.abs(score);
  if (size > acc.scoreScale) {
    acc.sum *= acc.scoreScale / size;
    acc.scoreScale = size;
  }
  const w = weight / acc.weightScale;
  acc.sum += acc.scoreScale === 0 ? 0 : (score / acc.scoreScale) * w;
  acc.weight += w;
}
