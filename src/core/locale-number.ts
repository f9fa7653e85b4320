// Numbers as the people of a locale write them: reading a typed or exported number (`1.234,5 €`, `$165,000`,
// `12 %`), guessing a file's decimal mark, and writing a number as a reader of the locale expects it. The
// locale's marks come from the table in locale.ts.
import { type DecimalMark, type LocaleRules, localeRow, localeRules, NBSP, NNBSP } from './locale';
import { foldWord, hasControlCharacters, isMonthOrWeekday, withoutBidiMarks } from './locale-words';
/** A number read from text: `value` is what it means (`12 %` → 0.12), with what was written around it. */
export interface LocaleNumber {
  value: number;
  /** written with `%`: value is the number divided by 100 */
  percent: boolean;
  /** the currency written before or after it: a symbol (`€`, `$`, `US$`), a code (`CHF`) or a word (`kr`) */
  currency?: string;
  /** a unit word written after it (`12 h`, `3 kg`, `40 users`), never a month, a weekday or a scale */
  label?: string;
}

/** Longer texts are refused unread: no number written by a person or an export is this long. */
const MAX_TEXT = 1000;

/**
 * Currency words and prefixed symbols, matched as written (`ft` is feet, `Ft` forint) and only where no letter
 * touches them (`S$` is not read inside `HK$`, nor `kr` inside `kroner`).
 */
const CURRENCY_WORDS = [
  'US$',
  'U$S',
  'R$',
  'A$',
  'AU$',
  'C$',
  'CA$',
  'NZ$',
  'HK$',
  'S$',
  'SG$',
  'MX$',
  'NT$',
  'RD$',
  'SFr.',
  'kr.',
  'Kr.',
  'kr',
  'Kr',
  'Zł',
  'zł',
  'Kč',
  'Ft',
  'lei',
  'Lei',
  'лв.',
  'лв',
  'руб.',
  'руб',
  'грн.',
  'грн',
  'TL',
  'Fr.',
  'Rs.',
  'Rs',
  'Rp',
  'RM',
  'din.',
  'дин.',
];
const CURRENCY_SYMBOLS = '$€£¥￥₹₩₽₺₴₪฿₫₱₦₡₸₼₾₮₲₵₭₨₣¢円元원';
const ISO_CURRENCIES = new Set(
  (
    'USD EUR GBP JPY CNY CHF CAD AUD NZD SEK NOK DKK ISK PLN CZK HUF RON BGN HRK RSD RUB UAH BYN TRY ILS ' +
    'INR PKR BDT LKR NPR IDR MYR SGD HKD TWD KRW THB VND PHP MXN BRL ARS CLP COP PEN UYU PYG BOB VES ZAR ' +
    'EGP SAR AED QAR KWD BHD OMR JOD MAD TND NGN KES GHS KZT AZN GEL AMD MNT MMK'
  ).split(' '),
);

/** Unit words that scale the number (`165k`, `1,2 Mio`): refused rather than read as 165 or 1.2. */
const SCALE_WORDS = new Set(
  'k m mm b bn mn mio mrd md tsd t mil mill mln mld lakh lakhs lac crore crores cr l tn'.split(' '),
);

const SPACES = ' \u00a0\u202f\u2009\u2007';
const APOSTROPHES = "'\u2019";
const MINUS = '-\u2212';
const LETTER = /\p{L}/u;
const LABEL = /(?:^|[^\p{L}\p{M}])([\p{L}°][\p{L}\p{M}°²³/.]*(?: [\p{L}\p{M}°²³/.]+)*)$/u;

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Arabic-Indic digits and marks as the ASCII ones of the locale. */
function normalizeDigits(text: string, decimal: DecimalMark): string {
  if (!/[\u0660-\u066c\u06f0-\u06f9]/.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c >= 0x0660 && c <= 0x0669) out += String(c - 0x0660);
    else if (c >= 0x06f0 && c <= 0x06f9) out += String(c - 0x06f0);
    else if (ch === '\u066b') out += decimal;
    else if (ch === '\u066c') out += NNBSP;
    else if (ch === '\u066a') out += '%';
    else out += ch;
  }
  return out;
}

/** The currency token at the start (or end) of `s`, as written, and its length. */
function currencyAt(s: string, atEnd: boolean): { token: string; length: number } | undefined {
  for (const word of CURRENCY_WORDS) {
    const hit = atEnd ? s.endsWith(word) : s.startsWith(word);
    if (!hit) continue;
    const next = atEnd ? s[s.length - word.length - 1] : s[word.length];
    if (next !== undefined && LETTER.test(next)) continue;
    return { token: word, length: word.length };
  }
  const edge = atEnd ? s[s.length - 1] : s[0];
  if (edge !== undefined && CURRENCY_SYMBOLS.includes(edge)) return { token: edge, length: 1 };
  const code = atEnd ? /(?:^|[^A-Za-z])([A-Z]{3})$/.exec(s) : /^([A-Z]{3})(?![A-Za-z])/.exec(s);
  if (code && ISO_CURRENCIES.has(code[1]!)) return { token: code[1]!, length: 3 };
  return undefined;
}

interface Affixes {
  core: string;
  negative: boolean;
  percent: boolean;
  currency?: string;
  label?: string;
}

/** Peels sign, parentheses, `%`, currency and a unit label off both ends; undefined when they contradict. */
function peel(text: string): Affixes | undefined {
  let s = text;
  let signs = 0;
  let negative = false;
  let open = false;
  let close = false;
  let percent = false;
  let currency: string | undefined;
  let label: string | undefined;

  // A unit label ends the text: `3,5 h`, `12 users`.
  const lab = LABEL.exec(s);
  if (
    lab &&
    !currencyAt(s, true) &&
    isDigit(
      s
        .slice(0, s.length - lab[1]!.length)
        .trimEnd()
        .slice(-1),
    )
  ) {
    label = lab[1]!;
    s = s.slice(0, s.length - label.length).trimEnd();
  }

  for (let guard = 0; guard < 12; guard++) {
    s = s.trim();
    const first = s[0];
    const last = s[s.length - 1];
    if (first === '(' && !open) {
      open = true;
      s = s.slice(1);
      continue;
    }
    if (last === ')' && !close) {
      close = true;
      s = s.slice(0, -1);
      continue;
    }
    if (first !== undefined && (first === '+' || MINUS.includes(first))) {
      signs++;
      negative = first !== '+';
      s = s.slice(1);
      continue;
    }
    if (last !== undefined && MINUS.includes(last) && s.length > 1) {
      signs++;
      negative = true;
      s = s.slice(0, -1);
      continue;
    }
    if (first === '%' || last === '%') {
      if (percent) return undefined;
      percent = true;
      s = first === '%' ? s.slice(1) : s.slice(0, -1);
      continue;
    }
    if (!isDigit(first) && first !== undefined) {
      const c = currencyAt(s, false);
      if (c) {
        if (currency !== undefined) return undefined;
        currency = c.token;
        s = s.slice(c.length);
        continue;
      }
    }
    if (!isDigit(last) && last !== undefined) {
      const c = currencyAt(s, true);
      if (c) {
        if (currency !== undefined) return undefined;
        currency = c.token;
        s = s.slice(0, s.length - c.length);
        continue;
      }
    }
    break;
  }
  if (open !== close) return undefined;
  if (open) {
    signs++;
    negative = true;
  }
  if (signs > 1) return undefined;
  if ((percent ? 1 : 0) + (currency !== undefined ? 1 : 0) + (label !== undefined ? 1 : 0) > 1) {
    return undefined;
  }
  if (label !== undefined) {
    const word = foldWord(label);
    if (word === 'e' || SCALE_WORDS.has(word) || isMonthOrWeekday(label)) return undefined;
  }
  return { core: s.trim(), negative, percent, currency, label };
}

/** How the integer part's separators may be written: one kind of mark, in groups the locale accepts. */
function validGroups(int: string, rules: LocaleRules, hasFraction: boolean): string | undefined {
  const other: DecimalMark = rules.decimal === '.' ? ',' : '.';
  let kind: string | undefined;
  let otherMarks = 0;
  const groups: string[] = [];
  let current = '';
  for (const ch of int) {
    if (isDigit(ch)) {
      current += ch;
      continue;
    }
    const k = SPACES.includes(ch) ? 'space' : APOSTROPHES.includes(ch) ? 'apostrophe' : ch;
    if (k !== 'space' && k !== 'apostrophe' && k !== other) return undefined;
    if (kind !== undefined && kind !== k) return undefined;
    kind = k;
    if (k === other) otherMarks++;
    groups.push(current);
    current = '';
  }
  groups.push(current);
  if (groups.length === 1) return current;
  // The other mark groups only where it cannot be a decimal mark written by someone else: it is the
  // locale's grouping mark, or the text also has the decimal mark, or it appears more than once.
  if (kind === other && rules.group !== other && !hasFraction && otherMarks < 2) return undefined;
  const head = groups[0]!;
  if (head === '' || head[0] === '0') return undefined;
  const tail = groups.slice(1);
  const western = head.length <= 3 && tail.every((g) => g.length === 3);
  const indian =
    rules.indianGrouping &&
    head.length <= 2 &&
    tail.length >= 1 &&
    tail[tail.length - 1]!.length === 3 &&
    tail.slice(0, -1).every((g) => g.length === 2);
  return western || indian ? groups.join('') : undefined;
}

/** The number's digits as JavaScript reads them (`1234.5e-2`), or undefined when the core is not a number. */
function canonical(core: string, rules: LocaleRules): { mantissa: string; exponent: number } | undefined {
  if (core === '') return undefined;
  const d = rules.decimal;
  const e = core.search(/[eE]/);
  if (e >= 0) {
    const exp = core.slice(e + 1);
    if (!/^[+-]?\d{1,5}$/.test(exp)) return undefined;
    const m = core.slice(0, e);
    const at = m.indexOf(d);
    const int = at < 0 ? m : m.slice(0, at);
    const frac = at < 0 ? '' : m.slice(at + 1);
    if (!/^\d*$/.test(int) || !/^\d*$/.test(frac) || (int === '' && frac === '')) return undefined;
    if (at >= 0 && frac === '') return undefined;
    return { mantissa: `${int || '0'}.${frac || '0'}`, exponent: Number(exp) };
  }
  const at = core.indexOf(d);
  if (at >= 0 && core.indexOf(d, at + 1) >= 0) return undefined;
  const int = at < 0 ? core : core.slice(0, at);
  const frac = at < 0 ? '' : core.slice(at + 1);
  if (at >= 0 && !/^\d+$/.test(frac)) return undefined;
  const digits = int === '' ? (at >= 0 ? '0' : undefined) : validGroups(int, rules, at >= 0);
  if (digits === undefined || !/^\d+$/.test(digits)) return undefined;
  return { mantissa: `${digits}.${frac || '0'}`, exponent: 0 };
}

/**
 * Reads a number as the people of `locale` type it, or as exports write it: `0,7` and `1.234,5 €` in de_DE,
 * `$165,000`, `12 %`, `CHF 1'234.50`, `(1,234.50)`, `1.234,50-`, `1,5e3`. Refuses (undefined) what it cannot
 * read without guessing: `1,5` in en_US, `1.234.5`, `1,2,3`, `--1`, `1e400`; never NaN or Infinity.
 * The rules are in docs/LOCALES.md.
 */
export function parseLocaleNumber(text: string, locale: string | LocaleRules): LocaleNumber | undefined {
  if (typeof text !== 'string' || text.length > MAX_TEXT || hasControlCharacters(text)) return undefined;
  const rules = localeRules(locale);
  const cleaned = normalizeDigits(withoutBidiMarks(text), rules.decimal).trim();
  if (cleaned === '' || !/\d/.test(cleaned)) return undefined;
  const parts = peel(cleaned);
  if (!parts) return undefined;
  const c = canonical(parts.core, rules);
  if (!c) return undefined;
  const exponent = c.exponent - (parts.percent ? 2 : 0);
  const magnitude = Number(`${c.mantissa}e${exponent}`);
  if (!Number.isFinite(magnitude)) return undefined;
  if (magnitude === 0 && /[1-9]/.test(c.mantissa)) return undefined; // underflow: 1e-400 is not 0
  const value = parts.negative && magnitude !== 0 ? -magnitude : magnitude;
  const out: LocaleNumber = { value, percent: parts.percent };
  if (parts.currency !== undefined) out.currency = parts.currency;
  if (parts.label !== undefined) out.label = parts.label;
  return out;
}

const POINT_READING = localeRow('point', '.', ',', ',', 'MDY', '0%', '¤0');
const COMMA_READING = localeRow('comma', ',', '.', ';', 'DMY', '0%', '¤0');

/**
 * Rules that read numbers written with this decimal mark (the other mark groups), whatever the spreadsheet's
 * locale: for a column whose mark `guessDecimalMark` found, as an English export in a de_DE spreadsheet.
 */
export function readingFor(mark: DecimalMark): LocaleRules {
  return mark === '.' ? POINT_READING : COMMA_READING;
}

/**
 * The decimal mark that makes every text of a column a number (`105,75` and `1.234,5` → `,`); undefined when
 * both readings do (`1.234` and `12` could be either) or neither does (the column mixes them). Blanks and
 * texts without a digit (the `...`, `-` or `n/a` exports write for a missing value) say nothing and are skipped.
 */
export function guessDecimalMark(texts: readonly unknown[]): DecimalMark | undefined {
  let point = true;
  let comma = true;
  let any = false;
  for (const t of texts) {
    if (typeof t !== 'string' || !/\d/.test(t)) continue;
    any = true;
    if (point && !parseLocaleNumber(t, POINT_READING)) point = false;
    if (comma && !parseLocaleNumber(t, COMMA_READING)) comma = false;
    if (!point && !comma) return undefined;
  }
  if (!any || point === comma) return undefined;
  return point ? '.' : ',';
}

// ---------------------------------------------------------------------------------------------------------
// Writing numbers.

export interface FormatOptions {
  /** exactly this many decimals, rounded half away from zero; default: as many as the value needs */
  decimals?: number;
  /** show value × 100 with `%` (takes precedence over currency and label) */
  percent?: boolean;
  /** a currency symbol or code, placed as the locale places it (takes precedence over label) */
  currency?: string;
  /** a unit word written after the number */
  label?: string;
}

/** The shortest decimal digits of a finite, non-negative number, and where the decimal point goes. */
function decimalDigits(x: number): { digits: string; point: number } {
  const s = String(x);
  const e = s.indexOf('e');
  const mantissa = e < 0 ? s : s.slice(0, e);
  const exp = e < 0 ? 0 : Number(s.slice(e + 1));
  const dot = mantissa.indexOf('.');
  let digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  let point = (dot < 0 ? mantissa.length : dot) + exp;
  while (digits.length > 1 && digits[0] === '0') {
    digits = digits.slice(1);
    point--;
  }
  return { digits, point };
}

/** Rounds to `decimals` places after the point, half away from zero, on the decimal digits themselves. */
function roundDigits(
  d: { digits: string; point: number },
  decimals: number,
): { digits: string; point: number } {
  const keep = d.point + decimals;
  if (keep >= d.digits.length) return d;
  if (keep < 0) return { digits: '0', point: 1 };
  const up = d.digits[keep]! >= '5';
  const kept = d.digits.slice(0, keep).split('');
  if (!up) return kept.length ? { digits: kept.join(''), point: d.point } : { digits: '0', point: 1 };
  let i = kept.length - 1;
  while (i >= 0 && kept[i] === '9') {
    kept[i] = '0';
    i--;
  }
  if (i >= 0) {
    kept[i] = String(Number(kept[i]) + 1);
    return { digits: kept.join(''), point: d.point };
  }
  return { digits: `1${kept.join('')}`, point: d.point + 1 };
}

function groupInteger(int: string, rules: LocaleRules): string {
  if (int.length < 4 || (rules.minimumGroupingDigits === 2 && int.length < 5)) return int;
  const groups: string[] = [];
  let rest = int;
  groups.unshift(rest.slice(-3));
  rest = rest.slice(0, -3);
  const size = rules.indianGrouping ? 2 : 3;
  while (rest.length > 0) {
    groups.unshift(rest.slice(-size));
    rest = rest.slice(0, -size);
  }
  return groups.join(rules.group);
}

/**
 * A number as a reader of `locale` expects it: `1.234,5 €` in de_DE, `$1,234.50` in en_US, `12,5 %` in
 * fr_FR. Grouping and spacing are CLDR's; the minus sign is ASCII `-` in every locale, so that the text can
 * be typed back into a cell. A value that is not a finite number gives "" (never `NaN`).
 */
export function formatLocaleNumber(
  value: number,
  locale: string | LocaleRules,
  options: FormatOptions = {},
): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  const rules = localeRules(locale);
  let d = decimalDigits(Math.abs(value));
  if (options.percent) d = { digits: d.digits, point: d.point + 2 };
  const decimals =
    options.decimals === undefined ? undefined : Math.max(0, Math.min(100, Math.floor(options.decimals)));
  if (decimals !== undefined) d = roundDigits(d, decimals);
  const padded = d.point > d.digits.length ? d.digits + '0'.repeat(d.point - d.digits.length) : d.digits;
  const int = d.point <= 0 ? '0' : padded.slice(0, d.point);
  let frac = d.point <= 0 ? '0'.repeat(-d.point) + d.digits : padded.slice(d.point);
  if (decimals === undefined) frac = frac.replace(/0+$/, '');
  else frac = (frac + '0'.repeat(decimals)).slice(0, decimals);
  const isZero = !/[1-9]/.test(int + frac);
  let text = groupInteger(int.replace(/^0+(?=\d)/, ''), rules) + (frac ? rules.decimal + frac : '');
  if (options.percent) {
    text = rules.percent === '%0' ? `%${text}` : rules.percent === '0 %' ? `${text}${NBSP}%` : `${text}%`;
  } else if (options.currency) {
    const cur = options.currency.trim();
    if (rules.currency === '0 ¤') text = `${text}${NBSP}${cur}`;
    else if (rules.currency === '¤ 0' || /[\p{L}.]$/u.test(cur)) text = `${cur}${NBSP}${text}`;
    else text = `${cur}${text}`;
  } else if (options.label) {
    text = `${text}${NBSP}${options.label.trim()}`;
  }
  return value < 0 && !isZero ? `-${text}` : text;
}
