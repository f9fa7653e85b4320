// Every input from the sidebar, parsed with zod (settings.ts builds the stored settings from the same fields).
// The sidebar is never trusted: the server parses each RPC argument here and a bad one becomes an InputError
// that names the field and the value (`target: "abc" is not a number`), before anything is written. Numbers are
// read as the spreadsheet's users write them (`0,7` and `1.234,5` in de_DE, `$165,000` in en_US), so the schemas
// that read numbers are made per locale (`saveKeyResultInput(locale)`); a number keeps the unit it was typed in
// (`8%`, `$165,000`), so nothing downstream re-reads the raw input.
import * as z from 'zod/mini';
import { lazy, perLocale } from './built-once';
import { isKeyResultId, isKpiId, isObjectiveId } from './ids';
import { BETTER_WHEN, type BetterWhen } from './kpi-health';
import { formatQuarter, parseQuarter, type Quarter } from './quarter';
import { readScoreType, SCORE_TYPES } from './score';
import { type Locale, type Quantity, readPlainNumber, readQuantity } from './units';
import { type Cell, describe, InputError, isDate, messageOf } from './values';

// zod/mini, not classic zod: the same parser at 37 KB instead of 819 KB in dist/Code.js, which Apps Script
// loads on every execution, including every custom-function call. zod's JIT builds functions from strings;
// stay on the interpreter so the add-on never depends on dynamic code generation.
z.config({ jitless: true });

/** A schema whose parse is a function that may report issues: the building block of every field here. */
export function field<T>(read: (v: unknown, issue: (message: string) => never) => T) {
  return z.pipe(
    z.any(),
    z.transform((v: unknown, ctx) => {
      class Refused extends Error {}
      try {
        return read(v, (message) => {
          throw new Refused(message);
        });
      } catch (e) {
        ctx.issues.push({
          code: 'custom',
          message: e instanceof Refused ? e.message : messageOf(e),
          input: v,
        });
        return z.NEVER;
      }
    }),
  );
}

/** A text field: trimmed, blank is undefined, at most `max` characters. */
export function text(max = 500) {
  return z.optional(
    field((v, refuse): string | undefined => {
      if (v === undefined || v === null) return undefined;
      if (typeof v !== 'string' && typeof v !== 'number') return refuse('must be text');
      const s = String(v).trim();
      if (s.length > max) return refuse(`is longer than ${max} characters`);
      return s === '' ? undefined : s;
    }),
  );
}

/** A required text field. */
export function requiredText(max = 500) {
  return field((v, refuse): string => {
    if (v !== undefined && v !== null && typeof v !== 'string' && typeof v !== 'number')
      return refuse('must be text');
    const s = v === undefined || v === null ? '' : String(v).trim();
    if (s === '') return refuse('is required');
    if (s.length > max) return refuse(`is longer than ${max} characters`);
    return s;
  });
}

/** A quarter as typed ("2027-Q1", "2027 q1"): the Quarter value, parsed once. */
export const quarter = lazy(() =>
  field((v, refuse): Quarter => {
    try {
      return parseQuarter(v, '');
    } catch {
      return refuse('is not a quarter like "2027-Q1"');
    }
  }),
);

/** A quarter label as stored: "2027-Q1". */
export const quarterLabel = lazy(() =>
  z.pipe(
    quarter(),
    z.transform((q: Quarter) => formatQuarter(q)),
  ),
);

export const scoreType = lazy(() =>
  field((v, refuse) => {
    try {
      return readScoreType(v as Cell);
    } catch {
      return refuse(`is not one of ${SCORE_TYPES.map((t) => `"${t}"`).join(', ')}`);
    }
  }),
);

export const betterWhen = lazy(() =>
  field((v, refuse): BetterWhen => {
    const key = typeof v === 'string' ? v.trim().toLowerCase() : v;
    if (key === '' || key === undefined || key === null) return refuse('is required');
    if (key === 'higher' || key === 'lower') return key;
    return refuse(`must be ${BETTER_WHEN.map((b) => `"${b}"`).join(' or ')}`);
  }),
);

/**
 * A number in [min, max] (whole when `whole`), also from form text in `locale` (`0,7` in de_DE; `70 %` is
 * 0.7). Blank is undefined.
 */
export function numberIn(min: number, max: number, locale: Locale, whole = false) {
  return field((v, refuse): number | undefined => {
    // null is no number: absent (or blank text) leaves the value as it is, null must not do so silently
    if (v === null) return refuse('is not a number');
    let n: number | undefined;
    try {
      n = readPlainNumber('', v, locale);
    } catch {
      return refuse('is not a number');
    }
    if (n === undefined) return undefined;
    if (whole && (!Number.isInteger(n) || n < min || n > max)) {
      return refuse(`must be a whole number from ${min} to ${max}`);
    }
    if (n < min || n > max) return refuse(`must be between ${min} and ${max}`);
    return n;
  });
}

/** A whole number in [min, max], also from form text. */
export function wholeNumber(min: number, max: number, locale: Locale) {
  return numberIn(min, max, locale, true);
}

/** Turns zod issues into one sentence per field: `target: "abc" is not a number`. */
export function formatIssues(
  error: { issues: readonly z.core.$ZodIssue[] },
  what?: string,
  root = 'value',
): string {
  const lines = error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.map(String).join('.') : root;
    const hasInput = 'input' in issue && issue.code !== 'invalid_type';
    const input = (issue as { input?: unknown }).input;
    let message = issue.message;
    if (issue.code === 'invalid_type' && input === undefined) message = 'is required';
    else if (issue.code === 'invalid_type')
      message = `${describe(input)} ${message.replace(/^Invalid input: /, '')}`;
    else if (issue.code === 'unrecognized_keys')
      return `${what ? `${what}: ` : ''}unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    const primitive = input !== undefined && (typeof input !== 'object' || input === null || isDate(input));
    const shown = hasInput && primitive && message !== 'is required' ? `${describe(input)} ` : '';
    return `${what ? `${what}: ` : ''}${field}: ${shown}${message}`;
  });
  return lines.join('; ');
}

/**
 * Parses an RPC argument; throws an InputError naming every bad field and its value. `name` is what the
 * argument itself is called when it is one value (`delete: id: "x" is not a key result ID`).
 */
export function parseInput<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  what?: string,
  name?: string,
): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw new InputError(formatIssues(result.error, what, name));
  return result.data;
}

// ---- OKR inputs -------------------------------------------------------------------------------------------------

/** An ID field, checked by the pattern core/ids.ts keeps. */
function idField(what: string, test: (s: string) => boolean, example: string) {
  return field((v, refuse): string => {
    const s = typeof v === 'string' ? v.trim() : '';
    if (!test(s)) return refuse(`is not ${what} like "${example}"`);
    return s;
  });
}
/** An optional field where blank (or null) means none. */
const orBlank = <T>(schema: z.ZodMiniType<T>) =>
  z.optional(
    field((v, refuse): T | undefined => {
      if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return undefined;
      const p = schema.safeParse(v);
      return p.success ? p.data : refuse(p.error.issues[0]?.message ?? 'is not valid');
    }),
  );

export const objectiveId = lazy(() => idField('an objective ID', isObjectiveId, 'O1'));
export const keyResultId = lazy(() => idField('a key result ID', isKeyResultId, 'O1.2'));
export const kpiId = lazy(() => idField('a KPI ID', isKpiId, 'churn'));

export const setUpQuarterInput = lazy(() =>
  z._default(z.strictObject({ quarter: z.optional(quarter()) }), {}),
);

export const saveObjectiveInput = lazy(() =>
  z.strictObject({
    id: z.optional(objectiveId()),
    title: requiredText(500),
    owner: text(200),
    team: text(200),
    alignsTo: orBlank(objectiveId()),
    notes: text(5000),
  }),
);
export type SaveObjective = z.output<ReturnType<typeof saveObjectiveInput>>;

/**
 * A number as typed in a form in `locale`, with the unit it was typed in: 12, "8%", "$165,000", "36 h"; "0,7",
 * "12 %", "€ 1.200" in de_DE. Blank is undefined.
 */
export function quantity(locale: Locale) {
  return field((v, refuse): Quantity | undefined => {
    try {
      return readQuantity('', v, locale);
    } catch {
      return refuse('is not a number');
    }
  });
}

const YES_NO = ['yes', 'no', 'done', 'not done', 'true', 'false', 'y', 'n'];

/** A Current value: a number as typed (with its unit), or for yes/no key results TRUE/FALSE or yes/no/done text. */
export function currentValue(locale: Locale) {
  return field((v, refuse): Quantity | boolean | string | undefined => {
    if (typeof v === 'boolean') return v;
    try {
      return readQuantity('', v, locale);
    } catch {
      const s = typeof v === 'string' ? v.trim().toLowerCase() : '';
      if (YES_NO.includes(s)) return s;
      return refuse('is not a number (or yes/no for a yes/no key result)');
    }
  });
}

export const saveKeyResultInput = perLocale((locale) =>
  z.strictObject({
    id: z.optional(keyResultId()),
    objectiveId: objectiveId(),
    title: requiredText(500),
    type: z.optional(scoreType()),
    baseline: z.optional(quantity(locale)),
    target: z.optional(quantity(locale)),
    current: z.optional(currentValue(locale)),
    kpiId: orBlank(kpiId()),
    owner: text(200),
    weight: z.optional(numberIn(0, 1000, locale)),
    notes: text(5000),
  }),
);
export type SaveKeyResult = z.output<ReturnType<typeof saveKeyResultInput>>;

/**
 * "Create an objective to fix this": a new objective and its first key result, which follows a KPI. Both are
 * parsed before anything is written, so a refused key result leaves no objective behind.
 */
export function parseObjectiveForKpi(
  input: unknown,
  locale: Locale,
): { objective: SaveObjective; keyResult: SaveKeyResult } {
  const raw = (input ?? {}) as { objective?: unknown; keyResult?: unknown };
  const objective = parseInput(saveObjectiveInput(), raw.objective, 'objective');
  if (objective.id) throw new InputError('objective: id: a new objective has no ID yet');
  // the objective's ID is not known yet: a stand-in passes the check, the real one replaces it
  const kr = { ...((raw.keyResult ?? {}) as Record<string, unknown>), objectiveId: 'O1' };
  const keyResult = parseInput(saveKeyResultInput(locale), kr, 'key result');
  if (keyResult.id) throw new InputError('key result: id: a new key result has no ID yet');
  if (!keyResult.kpiId) throw new InputError('key result: kpiId: is required');
  return { objective, keyResult };
}

export const checkInInput = perLocale((locale) =>
  z.strictObject({
    krId: keyResultId(),
    value: z.optional(currentValue(locale)),
    confidence: z.optional(wholeNumber(0, 10, locale)),
    note: text(2000),
    /** who checks in, as they call themselves; remembered for them (their user properties) */
    author: text(100),
  }),
);
export type CheckIn = z.output<ReturnType<typeof checkInInput>>;

const carryChoice = lazy(() =>
  field((v, refuse): 'unfinished' | 'none' | 'all' | string[] => {
    if (v === 'unfinished' || v === 'none' || v === 'all') return v;
    const id = (x: unknown) => typeof x === 'string' && (isObjectiveId(x.trim()) || isKeyResultId(x.trim()));
    if (Array.isArray(v) && v.every(id)) return v.map((x: string) => x.trim());
    return refuse('must be "unfinished", "none", "all" or a list of objective and key result IDs');
  }),
);

export const newQuarterInput = perLocale((locale) =>
  z.strictObject({
    quarter: z.optional(quarter()),
    /** the quarter the call closes, as the user reviewed it: refused once another quarter is current */
    closes: z.optional(quarter()),
    carry: carryChoice(),
    targets: z.optional(
      field((v, refuse): Record<string, number> => {
        if (v === null || typeof v !== 'object' || Array.isArray(v))
          return refuse('must map key result IDs to numbers');
        // no prototype: a key result whose ID a user typed as "constructor" finds no target here
        const out: Record<string, number> = Object.create(null);
        for (const [k, t] of Object.entries(v as Record<string, unknown>)) {
          if (!isKeyResultId(k)) return refuse(`names "${k}", which is not a key result ID`);
          let q: Quantity | undefined;
          try {
            // typed as the review shows it, in the key result's unit ("$180,000"): the unit stays the KR's
            q = readQuantity('', t, locale);
          } catch {
            return refuse(`for ${k}: ${describe(t)} is not a number`);
          }
          if (q !== undefined) out[k] = q.value;
        }
        return out;
      }),
    ),
    /** new titles for carried key results, by KR ID (a title that says "from 15 h to 12 h" may need one) */
    titles: z.optional(
      field((v, refuse): Record<string, string> => {
        if (v === null || typeof v !== 'object' || Array.isArray(v))
          return refuse('must map key result IDs to titles');
        const out: Record<string, string> = {};
        for (const [k, t] of Object.entries(v as Record<string, unknown>)) {
          if (!isKeyResultId(k)) return refuse(`names "${k}", which is not a key result ID`);
          if (typeof t !== 'string' || t.trim() === '') return refuse(`for ${k}: a title is required`);
          if (t.length > 500) return refuse(`for ${k}: is longer than 500 characters`);
          out[k] = t.trim();
        }
        return out;
      }),
    ),
  }),
);
export type NewQuarter = z.output<ReturnType<typeof newQuarterInput>>;

export const deleteOptions = lazy(() => z._default(z.strictObject({ cascade: z.optional(z.boolean()) }), {}));
