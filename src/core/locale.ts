// Spreadsheet locales: how the people of each Sheets locale write numbers, and the names they give months and
// weekdays. Owns the table of locales (decimal and grouping marks, formula separators, the date order people
// type; sources in docs/LOCALES.md), reading a typed or exported number in a locale, guessing a file's decimal
// mark, and writing a number as a reader of the locale expects it. The table is ours and is the one source of
// truth: nothing here asks `Intl`, so the server, the emulator and the sidebar read and write alike.
import { MONTH_NAMES, WEEKDAY_NAMES } from './values';

export type DecimalMark = '.' | ',';
/** The grouping mark: a space of some width (Sheets uses CLDR's no-break spaces), an apostrophe, `,` or `.`. */
export type GroupMark = ',' | '.' | ' ' | '\u00a0' | '\u202f' | "'";
/** The order in which the people of a locale write a date's numbers (CLDR's short date pattern). */
export type DateOrder = 'MDY' | 'DMY' | 'YMD';
/** Where `%` goes: `12%`, `12 %` (no-break space) or `%12` (Turkish). */
export type PercentPattern = '0%' | '0 %' | '%0';
/** Where a currency goes: `$12`, `€ 12` or `12 €` (no-break spaces). */
export type CurrencyPattern = '¤0' | '¤ 0' | '0 ¤';

export interface LocaleRules {
  /** the id as `Spreadsheet.getSpreadsheetLocale()` returns it: `de_DE` */
  id: string;
  decimal: DecimalMark;
  group: GroupMark;
  /** `12,34,567`: the first group of three, then groups of two (Indian locales) */
  indianGrouping: boolean;
  /** 2 where CLDR leaves four-digit numbers ungrouped (`1234` but `12 345` in pl_PL); else 1 */
  minimumGroupingDigits: 1 | 2;
  /** between a function's arguments in a formula typed in this locale */
  argumentSeparator: ',' | ';';
  /** between the columns of an array literal `{1, 2}` / `{1 \ 2}`; rows are `;` in every locale */
  arrayColumnSeparator: ',' | '\\';
  dateOrder: DateOrder;
  percent: PercentPattern;
  currency: CurrencyPattern;
}

const NBSP = '\u00a0';
const NNBSP = '\u202f';

type Flag = 'min2' | 'indian';

function row(
  id: string,
  decimal: DecimalMark,
  group: GroupMark,
  argumentSeparator: ',' | ';',
  dateOrder: DateOrder,
  percent: PercentPattern,
  currency: CurrencyPattern,
  ...flags: Flag[]
): LocaleRules {
  return {
    id,
    decimal,
    group,
    indianGrouping: flags.includes('indian'),
    minimumGroupingDigits: flags.includes('min2') ? 2 : 1,
    argumentSeparator,
    arrayColumnSeparator: argumentSeparator === ';' ? '\\' : ',',
    dateOrder,
    percent,
    currency,
  };
}

/**
 * The table. The first 72 rows are the locales Sheets offered in File › Settings (2022 list); the rest are
 * CLDR locales of the same languages that Sheets may return. The first row of a language is its fallback.
 * Marks, patterns and date orders are CLDR 48's (Latin digits); the argument separator is Sheets' own.
 */
export const LOCALES: readonly LocaleRules[] = [
  row('en_US', '.', ',', ',', 'MDY', '0%', '¤0'),
  row('en_AU', '.', ',', ',', 'DMY', '0%', '¤0'),
  row('en_CA', '.', ',', ',', 'YMD', '0%', '¤0'),
  row('en_GB', '.', ',', ',', 'DMY', '0%', '¤0'),
  row('en_IE', '.', ',', ',', 'DMY', '0%', '¤0'),
  row('de_DE', ',', '.', ';', 'DMY', '0 %', '0 ¤'),
  row('de_CH', '.', "'", ',', 'DMY', '0%', '¤ 0'),
  row('fr_FR', ',', NNBSP, ';', 'DMY', '0 %', '0 ¤'),
  row('fr_CA', ',', NBSP, ';', 'YMD', '0 %', '0 ¤'),
  row('es_ES', ',', '.', ';', 'DMY', '0 %', '0 ¤', 'min2'),
  row('es_AR', ',', '.', ';', 'DMY', '0%', '¤ 0'),
  row('es_BO', ',', '.', ';', 'DMY', '0%', '¤0'),
  row('es_CL', ',', '.', ';', 'DMY', '0%', '¤0'),
  row('es_CO', ',', '.', ';', 'DMY', '0%', '¤ 0'),
  row('es_EC', ',', '.', ';', 'DMY', '0%', '¤0'),
  row('es_MX', '.', ',', ',', 'DMY', '0%', '¤0'),
  row('es_PY', ',', '.', ';', 'DMY', '0%', '¤ 0'),
  row('es_UY', ',', '.', ';', 'DMY', '0%', '¤ 0'),
  row('es_VE', ',', '.', ';', 'DMY', '0%', '¤0'),
  row('ca_ES', ',', '.', ';', 'DMY', '0 %', '0 ¤'),
  row('it_IT', ',', '.', ';', 'DMY', '0%', '0 ¤', 'min2'),
  row('pt_BR', ',', '.', ';', 'DMY', '0%', '¤ 0'),
  row('pt_PT', ',', NBSP, ';', 'DMY', '0%', '0 ¤', 'min2'),
  row('nl_NL', ',', '.', ';', 'DMY', '0%', '¤ 0'),
  row('pl_PL', ',', NBSP, ';', 'DMY', '0%', '0 ¤', 'min2'),
  row('sv_SE', ',', NBSP, ';', 'YMD', '0 %', '0 ¤'),
  row('da_DK', ',', '.', ';', 'DMY', '0 %', '0 ¤'),
  row('nb_NO', ',', NBSP, ';', 'DMY', '0 %', '0 ¤'),
  row('nn_NO', ',', NBSP, ';', 'DMY', '0 %', '0 ¤'),
  row('fi_FI', ',', NBSP, ';', 'DMY', '0 %', '0 ¤'),
  row('cs_CZ', ',', NBSP, ';', 'DMY', '0 %', '0 ¤'),
  row('sk_SK', ',', NBSP, ';', 'DMY', '0 %', '0 ¤'),
  row('sl_SI', ',', '.', ';', 'DMY', '0 %', '0 ¤', 'min2'),
  row('hr_HR', ',', '.', ';', 'DMY', '0 %', '0 ¤'),
  row('sr_RS', ',', '.', ';', 'DMY', '0%', '0 ¤'),
  row('hu_HU', ',', NBSP, ';', 'YMD', '0%', '0 ¤', 'min2'),
  row('ro_RO', ',', '.', ';', 'DMY', '0 %', '0 ¤'),
  row('bg_BG', ',', NBSP, ';', 'DMY', '0%', '0 ¤', 'min2'),
  row('el_GR', ',', '.', ';', 'DMY', '0%', '0 ¤'),
  row('ru_RU', ',', NBSP, ';', 'DMY', '0 %', '0 ¤'),
  row('uk_UA', ',', NBSP, ';', 'DMY', '0%', '0 ¤'),
  row('be_BY', ',', NBSP, ';', 'DMY', '0 %', '0 ¤', 'min2'),
  row('kk_KZ', ',', NBSP, ';', 'DMY', '0%', '0 ¤'),
  row('hy_AM', ',', NBSP, ';', 'DMY', '0%', '0 ¤', 'min2'),
  row('az_AZ', ',', '.', ';', 'DMY', '0%', '0 ¤'),
  row('ka_GE', ',', NBSP, ';', 'DMY', '0%', '0 ¤', 'min2'),
  row('lv_LV', ',', NBSP, ';', 'DMY', '0%', '0 ¤', 'min2'),
  row('lt_LT', ',', NBSP, ';', 'YMD', '0 %', '0 ¤'),
  row('tr_TR', ',', '.', ';', 'DMY', '%0', '¤0'),
  row('ja_JP', '.', ',', ',', 'YMD', '0%', '¤0'),
  row('zh_CN', '.', ',', ',', 'YMD', '0%', '¤0'),
  row('zh_HK', '.', ',', ',', 'DMY', '0%', '¤0'),
  row('zh_TW', '.', ',', ',', 'YMD', '0%', '¤0'),
  row('ko_KR', '.', ',', ',', 'YMD', '0%', '¤0'),
  row('hi_IN', '.', ',', ',', 'DMY', '0%', '¤0', 'indian'),
  row('bn_IN', '.', ',', ',', 'DMY', '0%', '¤0', 'indian'),
  row('gu_IN', '.', ',', ',', 'DMY', '0%', '¤0', 'indian'),
  row('kn_IN', '.', ',', ',', 'DMY', '0%', '¤0'),
  row('ml_IN', '.', ',', ',', 'DMY', '0%', '¤0', 'indian'),
  row('mr_IN', '.', ',', ',', 'DMY', '0%', '¤0', 'indian'),
  row('pa_IN', '.', ',', ',', 'DMY', '0%', '¤0', 'indian'),
  row('ta_IN', '.', ',', ',', 'DMY', '0%', '¤0', 'indian'),
  row('te_IN', '.', ',', ',', 'DMY', '0%', '¤0', 'indian'),
  row('ar_EG', '.', ',', ',', 'DMY', '0%', '0 ¤'),
  row('he_IL', '.', ',', ',', 'DMY', '0%', '0 ¤'),
  row('id_ID', ',', '.', ';', 'DMY', '0%', '¤0'),
  row('th_TH', '.', ',', ',', 'DMY', '0%', '¤0'),
  row('vi_VN', ',', '.', ';', 'DMY', '0%', '0 ¤'),
  row('fil_PH', '.', ',', ',', 'MDY', '0%', '¤0'),
  row('mn_MN', '.', ',', ',', 'YMD', '0%', '¤ 0'),
  row('my_MM', '.', ',', ',', 'DMY', '0%', '0 ¤'),
  row('cy_GB', '.', ',', ',', 'DMY', '0%', '¤0'),
  // Not in the 2022 list of Sheets locales; CLDR's rules, the argument separator following the decimal mark.
  row('en_IN', '.', ',', ',', 'DMY', '0%', '¤0', 'indian'),
  row('en_NZ', '.', ',', ',', 'DMY', '0%', '¤0'),
  row('en_SG', '.', ',', ',', 'DMY', '0%', '¤0'),
  row('en_PH', '.', ',', ',', 'MDY', '0%', '¤0'),
  row('en_ZA', ',', NBSP, ';', 'YMD', '0%', '¤0'),
  row('de_AT', ',', NBSP, ';', 'DMY', '0 %', '¤ 0'),
  row('fr_BE', ',', NNBSP, ';', 'DMY', '0 %', '0 ¤'),
  row('fr_CH', ',', NNBSP, ';', 'DMY', '0%', '0 ¤'),
  row('it_CH', '.', "'", ',', 'DMY', '0%', '¤ 0', 'min2'),
  row('nl_BE', ',', '.', ';', 'DMY', '0%', '¤ 0'),
  row('es_US', '.', ',', ',', 'DMY', '0%', '¤0'),
  row('es_PE', '.', ',', ',', 'DMY', '0%', '¤ 0'),
  row('ar_SA', '.', ',', ',', 'DMY', '0%', '0 ¤'),
  row('ar_AE', '.', ',', ',', 'DMY', '0%', '0 ¤'),
];

const BY_ID = new Map<string, LocaleRules>();
const BY_LANGUAGE = new Map<string, LocaleRules>();
for (const rules of LOCALES) {
  BY_ID.set(rules.id, rules);
  const language = rules.id.split('_')[0]!;
  if (!BY_LANGUAGE.has(language)) BY_LANGUAGE.set(language, rules);
}
const EN_US = BY_ID.get('en_US')!;

/** Language codes Java (and so Apps Script) may still use, and codes of the same language. */
const LANGUAGE_ALIASES: Record<string, string> = { in: 'id', iw: 'he', no: 'nb', tl: 'fil' };
const SCRIPT_REGIONS: Record<string, string> = { zh_hant: 'TW', zh_hans: 'CN' };

/**
 * The rules of a spreadsheet locale id (`de_DE`, `de-DE`, `in_ID`, `fil`, `zh-Hant-TW`): the id itself, else
 * the first locale of its language, else en_US.
 */
export function localeRules(id: string | LocaleRules | undefined | null): LocaleRules {
  if (id && typeof id === 'object') return id;
  if (typeof id !== 'string') return EN_US;
  const parts = id.trim().split(/[-_]/);
  let language = (parts[0] ?? '').toLowerCase();
  language = LANGUAGE_ALIASES[language] ?? language;
  let region = '';
  for (const part of parts.slice(1)) {
    if (/^[A-Za-z]{2}$|^\d{3}$/.test(part)) {
      region = part.toUpperCase();
      break;
    }
    if (/^[A-Za-z]{4}$/.test(part)) region = SCRIPT_REGIONS[`${language}_${part.toLowerCase()}`] ?? region;
  }
  return BY_ID.get(`${language}_${region}`) ?? BY_LANGUAGE.get(language) ?? EN_US;
}

// ---------------------------------------------------------------------------------------------------------
// Month and weekday names, in the languages of the KPI tabs people keep: folded (lower case, no accents, no
// trailing dot) so that `März`, `mars`, `févr.` and `dic` are found as written. English comes from values.ts.

const ACCENTS: Record<string, string> = {};
for (const [plain, marked] of [
  ['a', 'àáâãäåā'],
  ['c', 'çćč'],
  ['e', 'èéêëēě'],
  ['i', 'ìíîïī'],
  ['n', 'ñń'],
  ['o', 'òóôõöøō'],
  ['u', 'ùúûüū'],
  ['y', 'ýÿ'],
  ['s', 'šś'],
  ['z', 'žźż'],
  ['r', 'ř'],
  ['l', 'ł'],
] as const) {
  for (const ch of marked) ACCENTS[ch] = plain;
}

/** Lower case without accents (`Févr.` → `fevr.`); `ß` is kept, as German writes it. */
export function foldText(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) out += ACCENTS[ch] ?? ch;
  return out;
}

/** True when the text holds a control character other than tab and line breaks (NUL, escape…). */
export function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

const BIDI_MARKS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

/** The text without the invisible direction marks that right-to-left exports put around numbers and dates. */
export function withoutBidiMarks(text: string): string {
  return text.replace(BIDI_MARKS, '');
}

/** Each month's names and abbreviations, folded, per language (index 0 = January). */
const MONTH_WORDS: readonly string[][] = [
  // de, fr, es, it, pt, nl (English is added from values.ts below)
  ['januar', 'jan', 'janner', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'gen', 'janeiro', 'januari'],
  ['februar', 'feb', 'fevrier', 'fevr', 'fev', 'febrero', 'febbraio', 'fevereiro', 'februari'],
  ['marz', 'mar', 'mrz', 'mars', 'marzo', 'marco', 'maart', 'mrt'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile'],
  ['mai', 'may', 'mayo', 'maggio', 'mag', 'maio', 'mei'],
  ['juni', 'jun', 'juin', 'junio', 'giugno', 'giu', 'junho'],
  ['juli', 'jul', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'julho'],
  ['august', 'aug', 'aout', 'aou', 'agosto', 'ago', 'augustus'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'set', 'settembre', 'setembro'],
  ['oktober', 'okt', 'octobre', 'oct', 'octubre', 'ottobre', 'ott', 'outubro', 'out'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro'],
  ['dezember', 'dez', 'decembre', 'dec', 'diciembre', 'dic', 'dicembre', 'dezembro', 'december'],
];
const MONTHS = new Map<string, number>();
MONTH_NAMES.forEach((name, i) => {
  MONTHS.set(foldText(name), i + 1);
  MONTHS.set(foldText(name.slice(0, 3)), i + 1);
  for (const word of MONTH_WORDS[i]!) MONTHS.set(word, i + 1);
});
MONTHS.set('sept', 9);

/** Weekday names and abbreviations, folded (index 0 = Sunday, as in values.ts). */
const WEEKDAY_WORDS: readonly string[][] = [
  ['sonntag', 'so', 'dimanche', 'dim', 'domingo', 'dom', 'domenica', 'zondag', 'zo'],
  ['montag', 'mo', 'lundi', 'lun', 'lunes', 'lunedi', 'segunda', 'seg', 'maandag', 'ma'],
  ['dienstag', 'di', 'mardi', 'mar', 'martes', 'martedi', 'terca', 'ter', 'dinsdag'],
  ['mittwoch', 'mi', 'mercredi', 'mer', 'miercoles', 'mie', 'mercoledi', 'quarta', 'qua', 'woensdag', 'wo'],
  ['donnerstag', 'do', 'jeudi', 'jeu', 'jueves', 'jue', 'giovedi', 'gio', 'quinta', 'qui', 'donderdag'],
  ['freitag', 'fr', 'vendredi', 'ven', 'viernes', 'vie', 'venerdi', 'sexta', 'sex', 'vrijdag', 'vr'],
  ['samstag', 'sa', 'samedi', 'sam', 'sabado', 'sab', 'zaterdag', 'za'],
];
const WEEKDAYS = new Map<string, number[]>();
function addWeekday(word: string, index: number): void {
  const list = WEEKDAYS.get(word) ?? [];
  if (!list.includes(index)) list.push(index);
  WEEKDAYS.set(word, list);
}
WEEKDAY_NAMES.forEach((name, i) => {
  addWeekday(foldText(name), i);
  addWeekday(foldText(name.slice(0, 3)), i);
  for (const word of WEEKDAY_WORDS[i]!) addWeekday(word, i);
});
for (const [word, i] of [
  ['tues', 2],
  ['tue', 2],
  ['wed', 3],
  ['thu', 4],
  ['thur', 4],
  ['thurs', 4],
] as const) {
  addWeekday(word, i);
}

function foldWord(word: string): string {
  return foldText(word.trim()).replace(/\.$/, '');
}

/** The month (1–12) a name or abbreviation stands for in any of the languages above, or undefined. */
export function monthOfName(word: string): number | undefined {
  return MONTHS.get(foldWord(word));
}

/**
 * The weekdays (0 = Sunday) a name or abbreviation may stand for: `mar` is Tuesday in French and Spanish,
 * so a caller checks a date against every one of them. Empty when it names no weekday.
 */
export function weekdaysOfName(word: string): readonly number[] {
  return WEEKDAYS.get(foldWord(word)) ?? [];
}

// ---------------------------------------------------------------------------------------------------------
// Reading numbers.

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
    if (word === 'e' || SCALE_WORDS.has(word) || MONTHS.has(word) || WEEKDAYS.has(word)) return undefined;
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

const POINT_READING = row('point', '.', ',', ',', 'MDY', '0%', '¤0');
const COMMA_READING = row('comma', ',', '.', ';', 'DMY', '0%', '¤0');

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
