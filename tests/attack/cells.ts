// Hostile values, as fast-check arbitraries: what a cell can hold when Sheets hands it to a custom function
// (numbers from the tiniest to the largest double, numeric and percent text, error texts, booleans, Dates,
// blanks, text that names an Object.prototype member), and arguments Sheets never passes (null, 1-D and nested
// arrays, ragged ranges). Shared by the custom-function and the RPC attacks.
import fc from 'fast-check';

export type Value = string | number | boolean | Date | null | undefined;

/** Object.prototype's members and the names that pollute it: text a lookup keyed by user text must refuse. */
export const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupGetter__',
] as const;

const EDGE_NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.5,
  0.7,
  1e-308,
  -1e-308,
  5e-324,
  -5e-324,
  1e308,
  -1e308,
  1.797e308,
  -1.797e308,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MAX_SAFE_INTEGER,
  2 ** 53 + 2,
  1e15,
  -1e15,
  1e-15,
];

export const number: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }) },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 2, arbitrary: fc.constantFrom(...EDGE_NUMBERS) },
  { weight: 2, arbitrary: fc.integer({ min: -20, max: 20 }) },
);

const NUMERIC_TEXT = [
  '45%',
  '1,000',
  ' 3 ',
  '1e3',
  '-1e308',
  '1e308',
  '1.797e308',
  '1e300%',
  '-1e300%',
  '1e309',
  '5e-324',
  '0.1%',
  '100%',
  '-0',
  '+5',
  '1,00',
  '1.234,5',
  '$5',
  '5 €',
  '0x10',
  'Infinity',
  '-Infinity',
  'NaN',
  '1_000',
  '٣',
];

export const ERROR_TEXTS = [
  '#N/A',
  '#DIV/0!',
  '#REF!',
  '#NAME?',
  '#VALUE!',
  '#NUM!',
  '#NULL!',
  '#ERROR!',
  '#ERROR: current "x" is not a number',
  '#SPILL!',
  'Loading...',
];

const WORDS = [
  'auto',
  'increase',
  'decrease',
  'at least',
  'AT  MOST',
  'yes/no',
  'milestone',
  'yes',
  'done',
  'TRUE',
  'higher',
  'lower',
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'fortnightly',
  '2027-Q1',
  '2027 q4',
  '0001-Q1',
  '0099-Q4',
  '9999-Q4',
  '0000-Q1',
  '2027-Q5',
  '2027-01-31',
  '0001-01-01',
  'O1',
  'O1.1',
  'abc',
  '',
  '   ',
  '\t',
];

const UNICODE = [
  '\u202Eevil\u202C',
  '👩‍👩‍👧‍👦',
  'e\u0301\u0301\u0301',
  'a\u0000b',
  '\uFEFF1',
  '١٢٣',
  '\uD800',
  'x'.repeat(10_000),
];

export const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NUMERIC_TEXT) },
  { weight: 2, arbitrary: fc.constantFrom(...ERROR_TEXTS) },
  { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.constantFrom(...UNICODE) },
  { weight: 2, arbitrary: number.map((n) => String(n)) },
  { weight: 1, arbitrary: number.map((n) => `${n}%`) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

/** Dates from year 1 to 9999, as Sheets hands a date cell over (midnight UTC in a UTC spreadsheet). */
export const date: fc.Arbitrary<Date> = fc.oneof(
  fc
    .record({
      year: fc.oneof(
        fc.integer({ min: 1990, max: 2040 }),
        fc.integer({ min: 1, max: 9999 }),
        fc.constantFrom(1, 99, 100, 1899, 1900, 9999),
      ),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ year, month, day }) => {
      const d = new Date(Date.UTC(2000, month - 1, day));
      d.setUTCFullYear(year);
      return d;
    }),
  fc.date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2100-01-01T00:00:00Z'),
    noInvalidDate: true,
  }),
);

/** One cell as Sheets passes it: a number, text, a boolean, a Date or a blank (""). */
export const cell: fc.Arbitrary<Value> = fc.oneof(
  { weight: 4, arbitrary: number },
  { weight: 4, arbitrary: text },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: date },
  { weight: 2, arbitrary: fc.constant('') },
);

/** A cell, or what Sheets never passes for one: null and undefined. */
export const cellOrMissing: fc.Arbitrary<Value> = fc.oneof(
  { weight: 12, arbitrary: cell },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
);

export type Arg = Value | unknown[];

/**
 * Arguments for a function, one arbitrary per parameter: each a single value or a column (the columns of one
 * call share a height, now and then not), a 1×1 range, a wider range, and now and then what Sheets never
 * passes: a 1-D array, a ragged range, a range holding an array, an empty range.
 */
export function argsFor(values: ReadonlyArray<fc.Arbitrary<Value>>): fc.Arbitrary<Arg[]> {
  return fc.integer({ min: 1, max: 6 }).chain((height) => {
    const one = (value: fc.Arbitrary<Value>) => {
      const column = (h: number) =>
        fc.array(value, { minLength: h, maxLength: h }).map((vs) => vs.map((v) => [v]));
      return fc.oneof(
        { weight: 10, arbitrary: value as fc.Arbitrary<Arg> },
        { weight: 6, arbitrary: column(height) as fc.Arbitrary<Arg> },
        { weight: 1, arbitrary: value.map((v) => [[v]]) as fc.Arbitrary<Arg> },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 7 }).chain(column) as fc.Arbitrary<Arg> },
        {
          weight: 1,
          arbitrary: fc.array(fc.array(value, { minLength: 2, maxLength: 2 }), {
            minLength: height,
            maxLength: height,
          }) as fc.Arbitrary<Arg>,
        },
        { weight: 1, arbitrary: odd(value) },
      );
    };
    return fc.tuple(...values.map(one));
  });
}

/** Arrays Sheets never passes as an argument. */
function odd(value: fc.Arbitrary<Value>): fc.Arbitrary<Arg> {
  return fc.oneof(
    fc.array(value, { minLength: 1, maxLength: 4 }),
    fc.tuple(value, value).map(([a, b]) => [[a], [a, b]]),
    value.map((v) => [[[v]]]),
    fc.constant([]),
    fc.constant([[]]),
  ) as fc.Arbitrary<Arg>;
}

/** Whether an argument is something Sheets could pass: a value, or a rectangular 2-D range of values. */
export function sheetsCouldPass(a: Arg): boolean {
  if (!Array.isArray(a)) return a !== null && a !== undefined;
  if (a.length === 0) return false;
  const width = Array.isArray(a[0]) ? (a[0] as unknown[]).length : -1;
  return (
    width > 0 &&
    a.every(
      (row) =>
        Array.isArray(row) &&
        row.length === width &&
        row.every((v) => !Array.isArray(v) && v !== null && v !== undefined),
    )
  );
}
