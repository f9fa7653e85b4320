// The Status column's pace formula is generated as native Sheets text (TODAY() cannot reach a custom function);
// the sidebar computes the same status with paceStatus. Here LibreOffice, an engine independent of Sheets and of
// HyperFormula (tests/core/pace-formula.test.ts), evaluates the generated formula for every day around four
// quarters (90, 91 and 92 days long, one across New Year) and must show the same status word as core for every
// score, including scores exactly on a pace line.
import { beforeAll, expect, it } from 'vitest';
import { date } from '../../src/core/formula-text';
import {
  elapsedShare,
  type PaceStatus,
  paceStatus,
  paceStatusFormula,
  quarterEnd,
  quarterStart,
} from '../../src/core/quarter';
import { type Bands, DEFAULT_BANDS } from '../../src/core/score';
import { type Day, dayOfSerial, formatDay, serialOfDay } from '../../src/core/values';
import {
  type CellInput,
  type CellValue,
  describeWithLibreOffice,
  type Results,
  recalculateInLibreOffice,
} from '../helpers/libreoffice';

type Score = number | '' | `#${string}`;

const SCORES: Score[] = [
  0,
  0.05,
  0.1,
  0.2,
  0.3,
  0.35,
  0.39,
  0.4,
  0.5,
  0.69,
  0.7,
  0.7001,
  0.9,
  0.99,
  1,
  1.2,
  -0.1,
  '',
  '#ERROR: current "abc" is not a number',
  '#N/A',
];

/** What the Status column must show: paceStatus from core, and "Error" for an error carried in the score. */
function expectedStatus(score: Score, elapsed: number, bands: Bands): PaceStatus | 'Error' {
  return typeof score === 'string' && score.startsWith('#')
    ? 'Error'
    : paceStatus(score as number | '', elapsed, bands);
}

/** The generated formula with TODAY() pinned to `today`, as the HyperFormula cross-check does. */
function pinned(scores: string, start: Day, end: Day, bands: Bands, today: Day): string {
  return paceStatusFormula(scores, start, end, bands).replaceAll('TODAY()', date(today));
}

const QUARTERS = [
  {
    name: '2027-Q1 (calendar, 90 days)',
    start: quarterStart({ year: 2027, q: 1 }),
    end: quarterEnd({ year: 2027, q: 1 }),
  },
  {
    name: '2027-Q3 (calendar, 92 days)',
    start: quarterStart({ year: 2027, q: 3 }),
    end: quarterEnd({ year: 2027, q: 3 }),
  },
  {
    name: '2028-Q1 (leap February, 91 days)',
    start: quarterStart({ year: 2028, q: 1 }),
    end: quarterEnd({ year: 2028, q: 1 }),
  },
  {
    name: 'FY2028-Q1 from November (across New Year)',
    start: quarterStart({ year: 2028, q: 1 }, 11),
    end: quarterEnd({ year: 2028, q: 1 }, 11),
  },
];

const CUSTOM_BANDS: Bands[] = [
  { yellowFrom: 0.3, greenFrom: 0.6 },
  { yellowFrom: 0.5, greenFrom: 0.8 },
];

// Scores on a pace line are where engines used to disagree: 0.4 × 0.75 is 0.30000000000000004 in binary
// floating point, so a score typed as 0.3 was below the line for JavaScript and on it for LibreOffice and
// HyperFormula, which compare with a tolerance. Core and the formula now both compare ROUND(score − line, 9) ≥ 0;
// the on-pace scores below keep checking exactly those days (9, 18, 36, 72, 81 of 90; 69 of 92).

interface Case {
  label: string;
  start: Day;
  end: Day;
  today: Day;
  bands: Bands;
  scores: Score[];
  /** first row (0-based) of this case's block on the Cases sheet */
  row: number;
}

// Every day from three days before each quarter to three days after it, with the default bands; custom bands
// on the first, middle and last days and a few days outside. Each case is a block on one sheet: its scores in
// column A, the formula in B over them (as in a Key Results sheet: Score beside Status).
const cases: Case[] = [];
const cells: CellInput[][] = [];
function addCase(label: string, start: Day, end: Day, today: Day, bands: Bands): void {
  const elapsed = elapsedShare(today, start, end);
  // Scores on the pace line for this day: threshold × elapsed as core computes it, and as a user would type it
  // (0.4 × 0.75 is 0.30000000000000004 in binary floating point; the user types 0.3).
  const onPace = [bands.greenFrom * elapsed, bands.yellowFrom * elapsed]
    .filter((x) => x > 0)
    .flatMap((x) => [x, Number(x.toPrecision(12))]);
  const scores = [...SCORES, ...onPace];
  const row = cells.length;
  const range = `A${row + 1}:A${row + scores.length}`;
  scores.forEach((score, i) => {
    cells.push([
      score,
      i === 0 ? { formula: pinned(range, start, end, bands, today), spill: { rows: scores.length } } : null,
    ]);
  });
  cases.push({ label, start, end, today, bands, scores, row });
}
for (const { name, start, end } of QUARTERS) {
  const first = serialOfDay(start);
  const last = serialOfDay(end);
  for (let serial = first - 3; serial <= last + 3; serial++) {
    addCase(name, start, end, dayOfSerial(serial), DEFAULT_BANDS);
  }
  const middle = Math.floor((first + last) / 2);
  for (const bands of CUSTOM_BANDS) {
    for (const serial of [first - 1, first, first + 1, middle, last - 1, last, last + 1, last + 40]) {
      addCase(name, start, end, dayOfSerial(serial), bands);
    }
  }
}

// The formula as the add-on will write it: under a Status header, over an open-ended Score column (L2:L).
const REAL_SHEET = '2027-Q1 Key Results';
const real = QUARTERS[0]!;
const realToday = dayOfSerial(serialOfDay(real.start) + 44); // mid-quarter: elapsed 0.5
const realSheet: CellInput[][] = [
  ['Score', 'Status'],
  ...SCORES.map((s, i): CellInput[] => [
    s,
    i === 0 ? pinned(`'${REAL_SHEET}'!A2:A`, real.start, real.end, DEFAULT_BANDS, realToday) : null,
  ]),
];

describeWithLibreOffice('pace formula in LibreOffice agrees with paceStatus', () => {
  let results: Results;
  beforeAll(async () => {
    // One LibreOffice run for the whole file.
    results = await recalculateInLibreOffice({ Cases: cells, [REAL_SHEET]: realSheet });
  });

  const statusOf = (c: Case): CellValue[] => c.scores.map((_, i) => results.Cases![c.row + i]![1]!);

  it.each(
    cases.map(
      (c) =>
        [`${c.label}, ${formatDay(c.today)}, bands ${c.bands.yellowFrom}/${c.bands.greenFrom}`, c] as const,
    ),
  )('%s', (_, c) => {
    const elapsed = elapsedShare(c.today, c.start, c.end);
    expect(statusOf(c)).toEqual(c.scores.map((s) => expectedStatus(s, elapsed, c.bands)));
  });

  it('covers every status word, each on some day of each quarter', () => {
    for (const q of QUARTERS) {
      const seen = new Set(cases.filter((c) => c.label === q.name).flatMap((c) => statusOf(c)));
      expect([...seen].sort()).toEqual(['', 'At risk', 'Done', 'Error', 'Off track', 'On track']);
    }
  });

  it('a key result halfway to its target at mid-quarter is on track; before the quarter nothing is behind', () => {
    const mid = cases.find(
      (c) =>
        c.label === real.name && c.bands === DEFAULT_BANDS && elapsedShare(c.today, c.start, c.end) === 0.5,
    )!;
    expect(statusOf(mid)[SCORES.indexOf(0.35)]).toBe('On track');
    expect(statusOf(mid)[SCORES.indexOf(0.2)]).toBe('At risk');
    expect(statusOf(mid)[SCORES.indexOf(0.1)]).toBe('Off track');
    const before = cases.find((c) => c.label === real.name && serialOfDay(c.today) < serialOfDay(c.start))!;
    expect(statusOf(before).slice(0, SCORES.indexOf(1))).toEqual(Array(SCORES.indexOf(1)).fill('On track'));
  });

  it('works as written in a Key Results sheet: an open-ended score column under a header', () => {
    const got = results[REAL_SHEET]!.map((r) => r[1]);
    expect(got).toEqual(['Status', ...SCORES.map((s) => expectedStatus(s, 0.5, DEFAULT_BANDS))]);
  });
});
