// Units: what a number is — a percent, an amount of money, a duration, a count or a plain number — written as
// one short text a user reads and edits in a cell: `%`, a currency symbol or code (`$`, `€`, `CHF`), a label
// (`h`, `ms`, `MWh`, `tickets`) or blank. The one home of unit ↔ kind ↔ Sheets number format ↔ typed text ↔
// display. Display is en_US, behind displayNumber and editableNumber, so a locale can take over in one place.

import { describe, InputError, isBlank, readNumber } from './values';

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

const WORDS: Record<string, Unit> = {
  '%': { text: '%', kind: 'percent' },
  currency: { text: '$', kind: 'currency' },
  count: { text: '', kind: 'count' },
  duration: { text: 'h', kind: 'duration' },
  number: { text: '', kind: 'number' },
};
const NO_UNIT: Unit = { text: '', kind: 'number' };

const CURRENCY_SYMBOLS = '$€£¥₹₩₽₺₪₫₱₦';
/** An ISO 4217 code has the shape of three capital letters (`USD`, `CHF`). */
const CURRENCY_CODE = /^[A-Z]{3}$/;
const LABEL = /^\p{L}[\p{L}\p{N} ./²³-]{0,19}$/u;
const DURATION_LABEL = /^(ms|s|secs?|seconds?|min|mins|minutes?|h|hrs?|hours?|d|days?|wks?|weeks?)$/i;

/** Reads a unit text; undefined when it is none (a label holds letters, digits, spaces, `.` `/` `-`, ≤ 20). */
export function readUnit(v: unknown): Unit | undefined {
  if (isBlank(v)) return NO_UNIT;
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  const word = WORDS[t.toLowerCase()];
  if (word) return word;
  if (t.length === 1 && CURRENCY_SYMBOLS.includes(t)) return { text: t, kind: 'currency' };
  if (CURRENCY_CODE.test(t)) return { text: t, kind: 'currency' };
  if (LABEL.test(t)) return { text: t, kind: DURATION_LABEL.test(t) ? 'duration' : 'number' };
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
  for (const ch of outside) if (CURRENCY_SYMBOLS.includes(ch)) return ch;
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

const UNIT_FIRST = /^([+-]?)\s*([^\d\s.,+-][^\d\s+-]*)\s*([+-]?[\d.,].*)$/;
const UNIT_LAST = /^([+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*([^\d\s].*)$/;

/**
 * Reads a number as a user types it, keeping its unit: `12`, `"10,000"`, `"8%"` (0.08, `%`), `"$165,000"`,
 * `"CHF 1,200"`, `"12 €"`, `"36 h"`, `"1,200 tickets"`. Blank → undefined; anything else is an InputError
 * naming `arg`, as readNumber's.
 */
export function readQuantity(arg: string, v: unknown): Quantity | undefined {
  if (isBlank(v)) return undefined;
  if (typeof v !== 'string') return { value: readNumber(arg, v) as number, unit: '' };
  const t = v.trim();
  if (t.endsWith('%')) return { value: readNumber(arg, t) as number, unit: '%' };
  try {
    return { value: readNumber(arg, t) as number, unit: '' };
  } catch {
    const first = UNIT_FIRST.exec(t);
    const last = first ? undefined : UNIT_LAST.exec(t);
    const [typed, digits] = first ? [first[2]!, `${first[1]}${first[3]}`] : last ? [last[2]!, last[1]!] : [];
    const u = typed === undefined ? undefined : readUnit(typed);
    // a unit as typed (not a registry word: "12 currency" is no amount) in front of or after a number
    if (u && u.text !== '' && u.text === typed?.trim() && u.kind !== 'percent') {
      try {
        return { value: readNumber(arg, digits) as number, unit: u.text };
      } catch {
        // the digits are no number either: said below with the whole text
      }
    }
    throw new InputError(`${arg} ${describe(v)} is not a number`);
  }
}

// ---- Display (en_US) ---------------------------------------------------------------------------------------------

const trim = (n: number, digits: number) => {
  const s = n.toFixed(digits);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
};

function plain(v: number): string {
  if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en-US');
  return trim(v, Math.abs(v) < 1 ? 4 : 2);
}

/** A value as a person reads it in its unit: 0.071 → `7.1%`, 51234 → `$51,234`, 36 → `36 h`; blank → `–`. */
export function displayNumber(v: number | string | '' | undefined, unit = ''): string {
  if (v === '' || v === undefined) return '–';
  if (typeof v === 'string') return v;
  const u = readUnit(unit) ?? NO_UNIT;
  if (u.kind === 'percent') return `${trim(v * 100, 1)}%`;
  if (u.kind === 'currency') {
    const n = Math.round(v).toLocaleString('en-US');
    return u.text.length === 1 ? `${u.text}${n}` : `${u.text} ${n}`;
  }
  if (u.kind === 'duration') return `${trim(v, 1)} ${u.text}`;
  return u.text ? `${plain(v)} ${u.text}` : plain(v);
}

/** A value as a form field shows it for editing, in its unit, so that saving it keeps the unit: `5.5%`, `$4.99`. */
export function editableNumber(v: number | string | '' | undefined, unit = ''): string {
  if (v === '' || v === undefined) return '';
  if (typeof v === 'string') return v;
  const u = readUnit(unit) ?? NO_UNIT;
  if (u.kind === 'percent') return `${trim(v * 100, 4)}%`;
  if (u.kind === 'currency') return u.text.length === 1 ? `${u.text}${v}` : `${u.text} ${v}`;
  return u.text ? `${v} ${u.text}` : String(v);
}
