// What a cell becomes when a user types text into it, and when Range.setValue(s) writes a string (Apps Script
// reads strings as typed), in the spreadsheet's locale: `=` makes a formula, a leading ' keeps text, and numbers,
// percents, currency amounts, dates and times become a number with the automatic format Sheets gives them.
// Numbers and dates are read by core (parseLocaleNumber, parseDateText: the project's one reading of them, see
// docs/LOCALES.md); what Sheets itself recognises per locale is undocumented, and what is assumed here is listed
// in docs/EMULATOR.md.
import type { LocaleRules } from '../../core/locale';
import { parseLocaleNumber } from '../../core/locale-number';
import { parseDateText } from '../../core/periods';
import { serialOfDay } from '../../core/values';
import { AUTO_TIME } from './formats';
import { autoDatePattern } from './locale';

export type Parsed =
  | { kind: 'formula'; formula: string }
  | { kind: 'value'; value: string | number | boolean | null; format?: string };

function readTime(text: string): { hour: number; minute: number; second: number } | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]m)?$/i.exec(text.trim());
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = Number(m[3] ?? 0);
  if (m[4]) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (m[4].toLowerCase() === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return { hour, minute, second };
}

/** Whether the number's integer part was written with a grouping mark (`1,000`, `1.234,5`, `1 234`). */
function grouped(text: string, rules: LocaleRules): boolean {
  const other = rules.decimal === '.' ? ',' : '.';
  return new RegExp(`\\d[${other === '.' ? '\\.' : ','}'’ \\u00a0\\u202f\\u2009\\u2007]\\d{3}`).test(text);
}

function decimalsOf(text: string, rules: LocaleRules): number {
  const at = text.lastIndexOf(rules.decimal);
  if (at < 0) return 0;
  return /^\d+/.exec(text.slice(at + 1))?.[0].length ?? 0;
}

/** A currency amount's format, the symbol where the locale puts it (`$#,##0.00`, `#,##0.00 "€"`). */
function currencyFormat(symbol: string, decimals: boolean, rules: LocaleRules): string {
  const literal = symbol === '$' ? '$' : `"${symbol}"`;
  const digits = decimals ? '#,##0.00' : '#,##0';
  if (rules.currency === '0 ¤') return `${digits} ${literal}`;
  if (rules.currency === '¤ 0') return `${literal} ${digits}`;
  return `${literal}${digits}`;
}

function readNumber(text: string, rules: LocaleRules): Parsed | undefined {
  const n = parseLocaleNumber(text, rules);
  // a unit word (`12 kg`) keeps the text; so do currency codes and words (`12 CHF`, `12 kr`): only symbols
  // (`$`, `€`, `US$`) are read as currency
  if (!n || n.label !== undefined) return undefined;
  if (n.currency !== undefined && !(n.currency.length === 1 || n.currency.endsWith('$'))) return undefined;
  const decimals = decimalsOf(text, rules);
  if (n.percent) {
    return { kind: 'value', value: Number(n.value.toPrecision(15)), format: decimals > 0 ? '0.00%' : '0%' };
  }
  if (n.currency !== undefined) {
    return { kind: 'value', value: n.value, format: currencyFormat(n.currency, decimals > 0, rules) };
  }
  const format = grouped(text, rules) ? (decimals > 0 ? '#,##0.00' : '#,##0') : undefined;
  return { kind: 'value', value: n.value, format };
}

function readDate(text: string, rules: LocaleRules): Parsed | undefined {
  const p = parseDateText(text, rules.dateOrder);
  if (!p) return undefined;
  // days and date-times as written (a date-time naming its zone stays text); months only with a month name
  // (`Jan 2024`): weeks, quarters, years and `2024-01` are no dates to Sheets (assumed)
  if (
    p.granularity === 'month' ? !/\p{L}/u.test(text) : p.granularity !== 'day' && p.granularity !== 'instant'
  ) {
    return undefined;
  }
  if (p.time?.offsetMinutes !== undefined) return undefined;
  const t = p.time;
  const serial =
    serialOfDay(p.start) +
    (t ? (t.hour * 3600 + t.minute * 60 + t.second + t.millisecond / 1000) / 86400 : 0);
  const style = /^\d{4}-\d{1,2}-\d{1,2}/.test(text) ? 'yyyy-mm-dd' : autoDatePattern(rules);
  return { kind: 'value', value: serial, format: t ? `${style} H:mm:ss` : style };
}

/**
 * What a cell becomes when a user types `input` in a spreadsheet of this locale (also what setValue does with a
 * string): a formula (read in the locale when written, formula-locale.ts), or a value with the automatic number
 * format Sheets gives it (undefined: keep the cell's).
 */
export function parseInput(input: string, rules: LocaleRules): Parsed {
  if (input === '') return { kind: 'value', value: null };
  if (input.startsWith("'")) return { kind: 'value', value: input.slice(1) };
  if (input.startsWith('=') && input.length > 1) return { kind: 'formula', formula: input };
  const text = input.trim();
  if (/^true$/i.test(text)) return { kind: 'value', value: true };
  if (/^false$/i.test(text)) return { kind: 'value', value: false };
  const number = readNumber(text, rules);
  if (number) return number;
  const time = /^\d{1,2}:\d{2}/.test(text) ? readTime(text) : undefined;
  if (time) {
    return {
      kind: 'value',
      value: (time.hour * 3600 + time.minute * 60 + time.second) / 86400,
      format: /[ap]m$/i.test(text) ? 'h:mm:ss am/pm' : AUTO_TIME,
    };
  }
  return readDate(text, rules) ?? { kind: 'value', value: input };
}
