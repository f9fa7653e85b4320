// Units: what a number is — a percent, an amount of money, a duration, a count or a plain number — written as
// one short text a user reads and edits in a cell: `%`, a currency symbol or code (`$`, `€`, `CHF`), a label
// (`h`, `ms`, `MWh`, `tickets`) or blank. The one home of unit ↔ kind ↔ Sheets number format ↔ typed text ↔
// display. Numbers are read and written by core/locale-number.ts (which knows currencies and unit words) in the
// spreadsheet's locale, which every reader and writer of typed text here is given.

import { type LocaleRules, localeRules } from './locale';
import { formatLocaleNumber, parseLocaleNumber } from './locale-number';
import { describe, InputError, isBlank, readNumber } from './values';

/** A spreadsheet locale: its id as getSpreadsheetLocale() returns it, or its rules (core/locale.ts). */
export type Locale = string | LocaleRules;

/**
 * How a unit written alone is told apart: next to the digit 1, which every locale writes alike, so a unit
 * reads the same in all of them (`1 €`, `1 CHF`, `1 kr`, `1 h`).
 */
const UNIT_READING = 'en_US';

export type UnitKind = 'percent' | 'currency' | 'duration' | 'count' | 'number';

export interface Unit {
  /** the unit as a cell holds it: `%`, `$`, `CHF`, `h`, `tickets`, or "" for a count or a plain number */
  text: string;
  kind: UnitKind;
}

/**
 * The units the KPI form offers, one per kind, as the KPIs registry has always spelled them; registry cells
 * hold these words. Each reads as a unit like any other: `currency` as `$`, `duration` as `h`.
 */
export const UNITS = ['%', 'currency', 'count', 'duration', 'number'] as const;
export type UnitChoice = (typeof UNITS)[number];

// a Map, not an object literal: a unit cell holding "constructor" is no unit, not Object.prototype's
const WORDS = new Map<string, Unit>([
  ['%', { text: '%', kind: 'percent' }],
  ['currency', { text: '$', kind: 'currency' }],
  ['count', { text: '', kind: 'count' }],
  ['duration', { text: 'h', kind: 'duration' }],
  ['number', { text: '', kind: 'number' }],
]);
const NO_UNIT: Unit = { text: '', kind: 'number' };

const DURATION_LABEL = /^(ms|s|secs?|seconds?|min|mins|minutes?|h|hrs?|hours?|d|days?|wks?|weeks?)$/i;

/** What number reading makes of a text written after a number: a currency, a unit label, or neither. */
function affixOf(t: string): 'currency' | 'label' | undefined {
  const read = parseLocaleNumber(`1 ${t}`, UNIT_READING);
  if (read?.currency === t) return 'currency';
  if (read?.label === t) return 'label';
  return parseLocaleNumber(`${t}1`, UNIT_READING)?.currency === t ? 'currency' : undefined;
}

/**
 * Reads a unit text (at most 20 characters); undefined when it is none. A currency or a label is what number
 * reading takes for one next to a number (`1 €`, `1 CHF`, `1 kr`, `1 h`, `1 tickets`), so a unit typed with a
 * number reads back alike.
 */
export function readUnit(v: unknown): Unit | undefined {
  if (isBlank(v)) return NO_UNIT;
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  if (!known.has(t)) known.set(t, unitOf(t));
  return known.get(t);
}
/** Units read so far: a sheet holds a few, row after row. */
const known = new Map<string, Unit | undefined>();

/** A unit is short: what fits after a number in a cell. */
const MAX_UNIT = 20;

function unitOf(t: string): Unit | undefined {
  const word = WORDS.get(t.toLowerCase());
  if (word) return word;
  if (t.length > MAX_UNIT) return undefined;
  const affix = affixOf(t);
  if (affix === 'currency') return { text: t, kind: 'currency' };
  if (affix === 'label') return { text: t, kind: DURATION_LABEL.test(t) ? 'duration' : 'number' };
  return undefined;
}

/** A unit text as a cell should hold it (`currency` → `$`), or "" when it is no unit. */
export function unitText(v: unknown): string {
  return readUnit(v)?.text ?? '';
}

/** The KPI form's choice for a unit: its kind, as the registry spells kinds. */
export function unitChoice(unit: Unit): UnitChoice {
  if (unit.kind === 'percent') return '%';
  return unit.kind;
}

// ---- Sheets number formats ------------------------------------------------------------------------------------

/** Sheets' automatic number format. */
export const AUTOMATIC_FORMAT = 'General';

/** Decimal places the numbers among `values` show (at most 10), so a format shows cents only where there are some. */
function decimalsIn(values: readonly unknown[]): number {
  let most = 0;
  for (const v of values) {
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    const fraction = String(Number(v.toFixed(10))).split('.')[1];
    if (fraction) most = Math.max(most, fraction.length);
  }
  return most;
}

/**
 * The Sheets number format for numbers in a unit: `0.0%`; `$#,##0`, `[$€]#,##0.00`, `[$CHF] #,##0` (cents
 * when any of `values` has them); `#,##0.0 "h"` for a label (up to two decimals, as `values` need); `#,##0` for
 * a count; the automatic format for a plain number. Quoted text and `[$…]` are literals in Sheets' format
 * syntax; every pattern here is one the emulator renders.
 */
export function numberFormatOf(unit: string, values: readonly unknown[] = []): string {
  const u = readUnit(unit) ?? NO_UNIT;
  if (u.kind === 'percent') return '0.0%';
  if (u.kind === 'count') return '#,##0';
  if (u.kind === 'currency') {
    const body = decimalsIn(values) > 0 ? '#,##0.00' : '#,##0';
    if (u.text === '$') return `$${body}`;
    return u.text.length === 1 ? `[$${u.text}]${body}` : `[$${u.text}] ${body}`;
  }
  if (!u.text) return AUTOMATIC_FORMAT;
  const d = Math.min(2, decimalsIn(values));
  return `${d > 0 ? `#,##0.${'0'.repeat(d)}` : '#,##0'} "${u.text}"`;
}

/**
 * The unit a number format shows, for sheets made before units were stored: `0.0%` → `%`, `$#,##0` → `$`,
 * `[$€-407]#,##0` → `€`, `#,##0 "h"` → `h`; anything else → "".
 */
export function unitOfFormat(format: string | undefined): string {
  if (!format) return '';
  const section = format.split(';')[0] ?? '';
  const quoted: string[] = [];
  const bare = section
    .replace(/"([^"]*)"/g, (_, q: string) => {
      quoted.push(q);
      return '';
    })
    .replace(/\\./g, '');
  if (bare.includes('%')) return '%';
  const bracket = /\[\$([^\]-]*)/.exec(bare)?.[1]?.trim();
  if (bracket) return unitText(bracket);
  const outside = bare.replace(/\[[^\]]*\]/g, '');
  // a currency symbol stands bare in a format ($, €); letters and the format's own marks never do
  for (const ch of outside)
    if (/[^\p{L}\d#?.,%\s()+\-/:@*_]/u.test(ch) && readUnit(ch)?.kind === 'currency') return ch;
  for (const q of quoted) {
    const u = readUnit(q.trim());
    if (u?.text && u.text === q.trim()) return u.text;
  }
  return '';
}

// ---- Typed text ------------------------------------------------------------------------------------------------

/** A number as typed, with the unit it was typed in ("" when plain). */
export interface Quantity {
  value: number;
  unit: string;
}

/**
 * Reads a number as a user of `locale` types it, keeping its unit. In en_US: `12`, `"10,000"`, `"8%"` (0.08,
 * `%`), `"$165,000"`, `"CHF 1,200"`, `"36 h"`, `"1,200 tickets"`; in de_DE: `"0,7"`, `"1.234,5"`, `"12 %"`,
 * `"€ 1.200"`, `"1.200 €"`. Blank → undefined; anything else is an InputError naming `arg`, and so is a number
 * written as another locale writes it (`"0,7"` in en_US, `"0.7"` in de_DE: core/locale-number.ts refuses what
 * could be read two ways). A registry word is no unit typed with a number: `12 currency` is refused.
 */
export function readQuantity(arg: string, v: unknown, locale: Locale): Quantity | undefined {
  if (isBlank(v)) return undefined;
  if (typeof v !== 'string') return { value: readNumber(arg, v) as number, unit: '' };
  const read = parseLocaleNumber(v, locale);
  const typed = read?.percent ? '%' : (read?.currency ?? read?.label ?? '');
  if (read && (typed === '%' || typed === '' || readUnit(typed)?.text === typed)) {
    return { value: read.value, unit: typed };
  }
  throw new InputError(`${arg} ${describe(v)} is not a number`);
}

/**
 * Reads a number typed without a unit (a weight, a confidence, a threshold) in `locale`; a percent reads as
 * its fraction (`70 %` → 0.7). Blank → undefined; a currency, a label or anything else is an InputError.
 */
export function readPlainNumber(arg: string, v: unknown, locale: Locale): number | undefined {
  const q = readQuantity(arg, v, locale);
  if (q && q.unit !== '' && q.unit !== '%') throw new InputError(`${arg} ${describe(v)} is not a number`);
  return q?.value;
}

// ---- Display ----------------------------------------------------------------------------------------------------

/** `n` rounded to `digits` decimals, as a number (so that trailing zeros are not shown). */
const rounded = (n: number, digits: number) => Number(n.toFixed(digits));

/** A percent with up to `most` decimals, rounded on the value's own digits (no float noise from × 100). */
function percentText(v: number, most: number, locale: Locale): string {
  const decimals = (String(rounded(v * 100, most)).split('.')[1] ?? '').length;
  return formatLocaleNumber(v, locale, { percent: true, decimals: Math.min(most, decimals) });
}

/**
 * A value as a person of `locale` reads it in its unit: 0.071 → `7.1%`, 51234 → `$51,234`, 4.5 → `$4.50`, 36 → `36 h` in
 * en_US; `7,1 %`, `51.234 $`, `36 h` in de_DE; blank → `–`.
 */
export function displayNumber(v: number | string | '' | undefined, unit: string, locale: Locale): string {
  if (v === '' || v === undefined) return '–';
  if (typeof v === 'string') return v;
  const u = readUnit(unit) ?? NO_UNIT;
  if (u.kind === 'percent') return percentText(v, 1, locale);
  if (u.kind === 'currency') {
    // cents where the amount has them (a target of 1,234.50 is not 1,235), whole units from 100,000 on
    const cents = Math.abs(v) < 100_000 && !Number.isInteger(rounded(v, 2));
    return formatLocaleNumber(cents ? v : Math.round(v), locale, {
      currency: u.text,
      ...(cents ? { decimals: 2 } : {}),
    });
  }
  const n =
    u.kind === 'duration'
      ? rounded(v, 1)
      : Math.abs(v) >= 1000
        ? Math.round(v)
        : rounded(v, Math.abs(v) < 1 ? 4 : 2);
  return formatLocaleNumber(n, locale, u.text ? { label: u.text } : {});
}

/**
 * A value as a form field shows it for editing, in its unit and `locale`, so that saving it reads back the same
 * value in the same unit (readQuantity): `5.5%`, `$4.99`, `0.7`, `150000` in en_US; `5,5 %`, `4,99 $`, `0,7` in
 * de_DE.
 */
export function editableNumber(v: number | string | '' | undefined, unit: string, locale: Locale): string {
  if (v === '' || v === undefined) return '';
  if (typeof v === 'string') return v;
  const u = readUnit(unit) ?? NO_UNIT;
  if (u.kind === 'percent') return percentText(v, 4, locale);
  if (u.kind === 'currency') return formatLocaleNumber(v, locale, { currency: u.text });
  if (u.text) return formatLocaleNumber(v, locale, { label: u.text });
  // a plain number as JavaScript writes it, ungrouped (`150000`), with the locale's decimal mark (`0,7`)
  return String(v).replace('.', localeRules(locale).decimal);
}
