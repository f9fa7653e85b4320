// Number formats as Google Sheets renders them: the patterns the add-on uses (General, 0, 0.0, #,##0.00, 0%,
// 0.0%, yyyy-mm-dd, $#,##0, "€"#,##0.00 …), in the spreadsheet's locale. A pattern is locale-free (`,` groups,
// `.` marks decimals); the locale gives the marks a reader sees (`1.234,5` in de_DE, core/locale.ts), the literal
// text of the pattern stays as written. A pattern this emulator cannot render faithfully throws
// `not emulated: number format "…"` when it is set, rather than ever rendering something wrong. What typing
// turns into is input.ts.
import { type LocaleRules, localeRules } from '../../core/locale';
import { MONTH_NAMES, WEEKDAY_NAMES } from '../../core/values';
import { NotEmulated } from './errors';
import { type WallClock, wallOfSerial } from './time';

export const GENERAL = 'General';
/** What Sheets applies when a time or a percent arrives without a format (dates: locale.ts). */
export const AUTO_TIME = 'H:mm:ss';
export const AUTO_PERCENT = '0.00%';
const EN_US = localeRules('en_US');

export type Kind = 'general' | 'number' | 'date' | 'text';

export interface CompiledFormat {
  pattern: string;
  kind: Kind;
  /** For dates: which parts the pattern shows (an auto-formatted value is a date, a time or both). */
  hasDate?: boolean;
  hasTime?: boolean;
  renderNumber(n: number): string;
}

const cache = new Map<string, CompiledFormat>();

/** A pattern compiled for a locale (en_US unless given); throws `not emulated` for one it cannot render. */
export function compileFormat(pattern: string, rules: LocaleRules = EN_US): CompiledFormat {
  const key = `${rules.id}\u0000${pattern}`;
  let f = cache.get(key);
  if (!f) {
    f = compile(pattern, rules);
    cache.set(key, f);
  }
  return f;
}

/** Digits written with `,` grouping and `.` decimals, in the locale's marks. */
function localMarks(text: string, rules: LocaleRules): string {
  if (rules.decimal === '.' && rules.group === ',') return text;
  return text.replace(/[,.]/g, (m) => (m === ',' ? rules.group : rules.decimal));
}

function unsupported(pattern: string): never {
  throw new NotEmulated(`number format ${JSON.stringify(pattern)}`);
}

function compile(pattern: string, rules: LocaleRules): CompiledFormat {
  const general = (n: number) => renderGeneral(n, rules);
  if (pattern === '' || pattern.toLowerCase() === 'general') {
    return { pattern, kind: 'general', renderNumber: general };
  }
  if (pattern === '@') return { pattern, kind: 'text', renderNumber: general };
  if (pattern.includes(';') || /\[(?!\$)/.test(pattern)) unsupported(pattern);
  const stripped = pattern.replace(/"[^"]*"|\\./g, '');
  if (/[0#]/.test(stripped)) return compileNumber(pattern, rules);
  if (/[ymdhs]/i.test(stripped)) return compileDate(pattern);
  return unsupported(pattern);
}

// ---- numbers ---------------------------------------------------------------------------------------------------

/** Reads literal text at i: "quoted", \x, [$€-407], $, space, or simple punctuation. */
function readLiteral(p: string, i: number): { text: string; next: number } | undefined {
  const ch = p[i]!;
  if (ch === '"') {
    const end = p.indexOf('"', i + 1);
    if (end < 0) return undefined;
    return { text: p.slice(i + 1, end), next: end + 1 };
  }
  if (ch === '\\' && i + 1 < p.length) return { text: p[i + 1]!, next: i + 2 };
  if (ch === '[' && p[i + 1] === '$') {
    const end = p.indexOf(']', i);
    if (end < 0) return undefined;
    return { text: p.slice(i + 2, end).split('-')[0]!, next: end + 1 };
  }
  if ('$ -+/():€£¥'.includes(ch)) return { text: ch, next: i + 1 };
  return undefined;
}

function compileNumber(pattern: string, rules: LocaleRules): CompiledFormat {
  let i = 0;
  let prefix = '';
  let suffix = '';
  let core = '';
  let percent = false;
  while (i < pattern.length && !'0#,.%'.includes(pattern[i]!)) {
    const lit = readLiteral(pattern, i);
    if (!lit) unsupported(pattern);
    prefix += lit.text;
    i = lit.next;
  }
  while (i < pattern.length && '0#,.'.includes(pattern[i]!)) core += pattern[i++];
  while (i < pattern.length) {
    if (pattern[i] === '%') {
      percent = true;
      i++;
      continue;
    }
    const lit = readLiteral(pattern, i);
    if (!lit) unsupported(pattern);
    suffix += lit.text;
    i = lit.next;
  }
  const m = /^(#,##0|0)(?:\.(0+))?$/.exec(core);
  if (!m) unsupported(pattern);
  const grouping = m[1] === '#,##0';
  const decimals = m[2]?.length ?? 0;
  const nf = new Intl.NumberFormat('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: grouping,
    signDisplay: 'never',
  });
  return {
    pattern,
    kind: 'number',
    renderNumber(n: number) {
      const scaled = percent ? n * 100 : n;
      const body = localMarks(nf.format(Math.abs(scaled)), rules);
      const isZero = !/[1-9]/.test(body);
      const sign = scaled < 0 && !isZero ? '-' : '';
      return `${sign}${prefix}${body}${percent ? '%' : ''}${suffix}`;
    },
  };
}

/**
 * Sheets' automatic format: up to 10 significant digits, scientific notation for very large or small, the
 * locale's decimal mark (never grouped).
 */
export function renderGeneral(n: number, rules: LocaleRules = EN_US): string {
  const text = renderGeneralDigits(n);
  return rules.decimal === '.' ? text : text.replace('.', rules.decimal);
}

function renderGeneralDigits(n: number): string {
  if (!Number.isFinite(n)) return '#NUM!';
  if (n === 0) return '0';
  const abs = Math.abs(n);
  if (Number.isInteger(n) && abs < 1e15) return String(n);
  if (abs >= 1e15 || abs < 1e-9) {
    const [mant, exp] = n.toExponential(5).split('e') as [string, string];
    const m = mant.replace(/\.?0+$/, '');
    const e = Number(exp);
    return `${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  const p = Number(n.toPrecision(10));
  // toPrecision may leave a long tail for numbers just under 1e-6 etc.; String() gives the shortest form.
  return String(p).includes('e') ? p.toFixed(10).replace(/\.?0+$/, '') : String(p);
}

// ---- dates and times ---------------------------------------------------------------------------------------

type DatePart =
  | { t: 'lit'; v: string }
  | { t: 'y'; n: number }
  | { t: 'M'; n: number }
  | { t: 'd'; n: number }
  | { t: 'h'; n: number }
  | { t: 'min'; n: number }
  | { t: 's'; n: number }
  | { t: 'ampm' };

function compileDate(pattern: string): CompiledFormat {
  const parts: DatePart[] = [];
  let i = 0;
  while (i < pattern.length) {
    const rest = pattern.slice(i);
    const ampm = /^(am\/pm|a\/p)/i.exec(rest);
    if (ampm) {
      parts.push({ t: 'ampm' });
      i += ampm[0].length;
      continue;
    }
    const run = /^([yYmMdDhHsS])\1*/.exec(rest);
    if (run) {
      const c = run[1]!.toLowerCase();
      const n = run[0].length;
      if (c === 'y') parts.push({ t: 'y', n });
      else if (c === 'm') parts.push({ t: 'M', n });
      else if (c === 'd') parts.push({ t: 'd', n });
      else if (c === 'h') parts.push({ t: 'h', n });
      else parts.push({ t: 's', n });
      i += n;
      continue;
    }
    const ch = pattern[i]!;
    if (ch === '"') {
      const end = pattern.indexOf('"', i + 1);
      if (end < 0) unsupported(pattern);
      parts.push({ t: 'lit', v: pattern.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    if (ch === '\\' && i + 1 < pattern.length) {
      parts.push({ t: 'lit', v: pattern[i + 1]! });
      i += 2;
      continue;
    }
    if (' -/:.,'.includes(ch)) {
      parts.push({ t: 'lit', v: ch });
      i++;
      continue;
    }
    unsupported(pattern);
  }
  // m / mm is minutes right after an hour or right before seconds (ignoring separators).
  const tokens = parts.filter((p) => p.t !== 'lit');
  for (let k = 0; k < tokens.length; k++) {
    const p = tokens[k]!;
    if (p.t !== 'M' || p.n > 2) continue;
    const before = tokens[k - 1];
    const after = tokens[k + 1];
    if (before?.t === 'h' || after?.t === 's') (p as { t: string }).t = 'min';
  }
  for (const p of parts) {
    if ((p.t === 'y' && ![2, 4].includes(p.n)) || (p.t === 'd' && p.n > 4) || (p.t === 'M' && p.n > 4)) {
      unsupported(pattern);
    }
    if ((p.t === 'h' || p.t === 'min' || p.t === 's') && p.n > 2) unsupported(pattern);
  }
  const twelveHour = parts.some((p) => p.t === 'ampm');
  const hasDate = parts.some((p) => p.t === 'y' || p.t === 'M' || p.t === 'd');
  const hasTime = parts.some((p) => p.t === 'h' || p.t === 'min' || p.t === 's');
  return {
    pattern,
    kind: 'date',
    hasDate,
    hasTime,
    renderNumber(serial: number) {
      // Round to the second first so that 23:59:59.9 does not show as the wrong day.
      const w = wallOfSerial(Math.round(serial * 86400) / 86400);
      return parts.map((p) => renderDatePart(p, w, twelveHour, serial)).join('');
    },
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function renderDatePart(p: DatePart, w: WallClock, twelveHour: boolean, serial: number): string {
  switch (p.t) {
    case 'lit':
      return p.v;
    case 'y':
      return p.n === 2 ? pad(w.year % 100, 2) : String(w.year);
    case 'M':
      if (p.n === 3) return MONTH_NAMES[w.month - 1]!.slice(0, 3);
      if (p.n === 4) return MONTH_NAMES[w.month - 1]!;
      return pad(w.month, p.n);
    case 'd': {
      if (p.n <= 2) return pad(w.day, p.n);
      const weekday = WEEKDAY_NAMES[(((Math.floor(serial) - 1) % 7) + 7) % 7]!; // serial 1 = Sunday 1899-12-31
      return p.n === 3 ? weekday.slice(0, 3) : weekday;
    }
    case 'h': {
      const h = twelveHour ? ((w.hour + 11) % 12) + 1 : w.hour;
      return pad(h, p.n);
    }
    case 'min':
      return pad(w.minute, p.n);
    case 's':
      return pad(w.second, p.n);
    case 'ampm':
      return w.hour < 12 ? 'AM' : 'PM';
  }
}
