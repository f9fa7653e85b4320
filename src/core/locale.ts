// Spreadsheet locales: the table of Sheets locales (decimal and grouping marks, formula separators, the date
// order people type; sources in docs/LOCALES.md) and finding a locale's rules by its id. Reading and writing
// numbers in a locale is locale-number.ts; month and weekday names are locale-words.ts. The table is ours and is
// the one source of truth: nothing asks `Intl`, so the server, the emulator and the sidebar read and write alike.

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

export const NBSP = '\u00a0';
export const NNBSP = '\u202f';

type Flag = 'min2' | 'indian';

/** One row of the table (also the neutral readings of a file's decimal mark). */
export function localeRow(
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
  localeRow('en_US', '.', ',', ',', 'MDY', '0%', '¤0'),
  localeRow('en_AU', '.', ',', ',', 'DMY', '0%', '¤0'),
  localeRow('en_CA', '.', ',', ',', 'YMD', '0%', '¤0'),
  localeRow('en_GB', '.', ',', ',', 'DMY', '0%', '¤0'),
  localeRow('en_IE', '.', ',', ',', 'DMY', '0%', '¤0'),
  localeRow('de_DE', ',', '.', ';', 'DMY', '0 %', '0 ¤'),
  localeRow('de_CH', '.', "'", ',', 'DMY', '0%', '¤ 0'),
  localeRow('fr_FR', ',', NNBSP, ';', 'DMY', '0 %', '0 ¤'),
  localeRow('fr_CA', ',', NBSP, ';', 'YMD', '0 %', '0 ¤'),
  localeRow('es_ES', ',', '.', ';', 'DMY', '0 %', '0 ¤', 'min2'),
  localeRow('es_AR', ',', '.', ';', 'DMY', '0%', '¤ 0'),
  localeRow('es_BO', ',', '.', ';', 'DMY', '0%', '¤0'),
  localeRow('es_CL', ',', '.', ';', 'DMY', '0%', '¤0'),
  localeRow('es_CO', ',', '.', ';', 'DMY', '0%', '¤ 0'),
  localeRow('es_EC', ',', '.', ';', 'DMY', '0%', '¤0'),
  localeRow('es_MX', '.', ',', ',', 'DMY', '0%', '¤0'),
  localeRow('es_PY', ',', '.', ';', 'DMY', '0%', '¤ 0'),
  localeRow('es_UY', ',', '.', ';', 'DMY', '0%', '¤ 0'),
  localeRow('es_VE', ',', '.', ';', 'DMY', '0%', '¤0'),
  localeRow('ca_ES', ',', '.', ';', 'DMY', '0 %', '0 ¤'),
  localeRow('it_IT', ',', '.', ';', 'DMY', '0%', '0 ¤', 'min2'),
  localeRow('pt_BR', ',', '.', ';', 'DMY', '0%', '¤ 0'),
  localeRow('pt_PT', ',', NBSP, ';', 'DMY', '0%', '0 ¤', 'min2'),
  localeRow('nl_NL', ',', '.', ';', 'DMY', '0%', '¤ 0'),
  localeRow('pl_PL', ',', NBSP, ';', 'DMY', '0%', '0 ¤', 'min2'),
  localeRow('sv_SE', ',', NBSP, ';', 'YMD', '0 %', '0 ¤'),
  localeRow('da_DK', ',', '.', ';', 'DMY', '0 %', '0 ¤'),
  localeRow('nb_NO', ',', NBSP, ';', 'DMY', '0 %', '0 ¤'),
  localeRow('nn_NO', ',', NBSP, ';', 'DMY', '0 %', '0 ¤'),
  localeRow('fi_FI', ',', NBSP, ';', 'DMY', '0 %', '0 ¤'),
  localeRow('cs_CZ', ',', NBSP, ';', 'DMY', '0 %', '0 ¤'),
  localeRow('sk_SK', ',', NBSP, ';', 'DMY', '0 %', '0 ¤'),
  localeRow('sl_SI', ',', '.', ';', 'DMY', '0 %', '0 ¤', 'min2'),
  localeRow('hr_HR', ',', '.', ';', 'DMY', '0 %', '0 ¤'),
  localeRow('sr_RS', ',', '.', ';', 'DMY', '0%', '0 ¤'),
  localeRow('hu_HU', ',', NBSP, ';', 'YMD', '0%', '0 ¤', 'min2'),
  localeRow('ro_RO', ',', '.', ';', 'DMY', '0 %', '0 ¤'),
  localeRow('bg_BG', ',', NBSP, ';', 'DMY', '0%', '0 ¤', 'min2'),
  localeRow('el_GR', ',', '.', ';', 'DMY', '0%', '0 ¤'),
  localeRow('ru_RU', ',', NBSP, ';', 'DMY', '0 %', '0 ¤'),
  localeRow('uk_UA', ',', NBSP, ';', 'DMY', '0%', '0 ¤'),
  localeRow('be_BY', ',', NBSP, ';', 'DMY', '0 %', '0 ¤', 'min2'),
  localeRow('kk_KZ', ',', NBSP, ';', 'DMY', '0%', '0 ¤'),
  localeRow('hy_AM', ',', NBSP, ';', 'DMY', '0%', '0 ¤', 'min2'),
  localeRow('az_AZ', ',', '.', ';', 'DMY', '0%', '0 ¤'),
  localeRow('ka_GE', ',', NBSP, ';', 'DMY', '0%', '0 ¤', 'min2'),
  localeRow('lv_LV', ',', NBSP, ';', 'DMY', '0%', '0 ¤', 'min2'),
  localeRow('lt_LT', ',', NBSP, ';', 'YMD', '0 %', '0 ¤'),
  localeRow('tr_TR', ',', '.', ';', 'DMY', '%0', '¤0'),
  localeRow('ja_JP', '.', ',', ',', 'YMD', '0%', '¤0'),
  localeRow('zh_CN', '.', ',', ',', 'YMD', '0%', '¤0'),
  localeRow('zh_HK', '.', ',', ',', 'DMY', '0%', '¤0'),
  localeRow('zh_TW', '.', ',', ',', 'YMD', '0%', '¤0'),
  localeRow('ko_KR', '.', ',', ',', 'YMD', '0%', '¤0'),
  localeRow('hi_IN', '.', ',', ',', 'DMY', '0%', '¤0', 'indian'),
  localeRow('bn_IN', '.', ',', ',', 'DMY', '0%', '¤0', 'indian'),
  localeRow('gu_IN', '.', ',', ',', 'DMY', '0%', '¤0', 'indian'),
  localeRow('kn_IN', '.', ',', ',', 'DMY', '0%', '¤0'),
  localeRow('ml_IN', '.', ',', ',', 'DMY', '0%', '¤0', 'indian'),
  localeRow('mr_IN', '.', ',', ',', 'DMY', '0%', '¤0', 'indian'),
  localeRow('pa_IN', '.', ',', ',', 'DMY', '0%', '¤0', 'indian'),
  localeRow('ta_IN', '.', ',', ',', 'DMY', '0%', '¤0', 'indian'),
  localeRow('te_IN', '.', ',', ',', 'DMY', '0%', '¤0', 'indian'),
  localeRow('ar_EG', '.', ',', ',', 'DMY', '0%', '0 ¤'),
  localeRow('he_IL', '.', ',', ',', 'DMY', '0%', '0 ¤'),
  localeRow('id_ID', ',', '.', ';', 'DMY', '0%', '¤0'),
  localeRow('th_TH', '.', ',', ',', 'DMY', '0%', '¤0'),
  localeRow('vi_VN', ',', '.', ';', 'DMY', '0%', '0 ¤'),
  localeRow('fil_PH', '.', ',', ',', 'MDY', '0%', '¤0'),
  localeRow('mn_MN', '.', ',', ',', 'YMD', '0%', '¤ 0'),
  localeRow('my_MM', '.', ',', ',', 'DMY', '0%', '0 ¤'),
  localeRow('cy_GB', '.', ',', ',', 'DMY', '0%', '¤0'),
  // Not in the 2022 list of Sheets locales; CLDR's rules, the argument separator following the decimal mark.
  localeRow('en_IN', '.', ',', ',', 'DMY', '0%', '¤0', 'indian'),
  localeRow('en_NZ', '.', ',', ',', 'DMY', '0%', '¤0'),
  localeRow('en_SG', '.', ',', ',', 'DMY', '0%', '¤0'),
  localeRow('en_PH', '.', ',', ',', 'MDY', '0%', '¤0'),
  localeRow('en_ZA', ',', NBSP, ';', 'YMD', '0%', '¤0'),
  localeRow('de_AT', ',', NBSP, ';', 'DMY', '0 %', '¤ 0'),
  localeRow('fr_BE', ',', NNBSP, ';', 'DMY', '0 %', '0 ¤'),
  localeRow('fr_CH', ',', NNBSP, ';', 'DMY', '0%', '0 ¤'),
  localeRow('it_CH', '.', "'", ',', 'DMY', '0%', '¤ 0', 'min2'),
  localeRow('nl_BE', ',', '.', ';', 'DMY', '0%', '¤ 0'),
  localeRow('es_US', '.', ',', ',', 'DMY', '0%', '¤0'),
  localeRow('es_PE', '.', ',', ',', 'DMY', '0%', '¤ 0'),
  localeRow('ar_SA', '.', ',', ',', 'DMY', '0%', '0 ¤'),
  localeRow('ar_AE', '.', ',', ',', 'DMY', '0%', '0 ¤'),
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
