// The spreadsheet's locale in the emulator: which ids Spreadsheet.setSpreadsheetLocale (and a saved workbook,
// and the playground) may give it, and the date format Sheets applies automatically in it. Every fact about a
// locale (marks, separators, date order) is core's table (src/core/locale.ts); the one thing that table does not
// hold, the shape of the locale's short date (`dd.MM.yyyy`, `M/d/yyyy`), is read from CLDR through Intl, in the
// order core's table gives (a test checks the two agree for every locale of the table).
import { type DateOrder, type LocaleRules, localeRules } from '../../core/locale';

export const DEFAULT_LOCALE = 'en_US';

/**
 * The id a spreadsheet keeps for `id` (as given, trimmed), or undefined when core's table has no locale of its
 * language (`xx_YY`): Sheets accepts only the locales it offers. An unknown region of a known language
 * (`de_LI`) is kept and read with the language's first locale, as core's `localeRules` does.
 */
export function acceptedLocale(id: unknown): string | undefined {
  if (typeof id !== 'string' || !/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/.test(id.trim())) return undefined;
  const text = id.trim();
  // core falls back to en_US for a language it does not know
  if (localeRules(text).id === DEFAULT_LOCALE && !/^en(?:[-_]|$)/i.test(text)) return undefined;
  return text;
}

const datePatterns = new Map<string, string>();
const ALLOWED_LITERAL = /^[ \-/:.,]*$/;

/**
 * The format Sheets gives a date that arrives without one in this locale (a typed `20.03.2015`, a Date written
 * by a script, a formula's date result): `M/d/yyyy` in en_US, `dd.MM.yyyy` in de_DE, `dd/MM/yyyy` in fr_FR.
 * CLDR's short date with a four-digit year, Latin digits and the Gregorian calendar.
 */
export function autoDatePattern(rules: LocaleRules): string {
  let pattern = datePatterns.get(rules.id);
  if (pattern !== undefined) return pattern;
  const parts = new Intl.DateTimeFormat(`${rules.id.replace('_', '-')}-u-ca-gregory-nu-latn`, {
    dateStyle: 'short',
    timeZone: 'UTC',
  }).formatToParts(Date.UTC(2015, 2, 5));
  const order = parts
    .filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year')
    .map((p) => p.type[0]!.toUpperCase())
    .join('') as DateOrder;
  if (order !== rules.dateOrder || parts.some((p) => p.type === 'month' && !/^\d+$/.test(p.value))) {
    pattern =
      rules.dateOrder === 'MDY' ? 'M/d/yyyy' : rules.dateOrder === 'DMY' ? 'dd/MM/yyyy' : 'yyyy-MM-dd';
  } else {
    pattern = parts
      .map((p) => {
        if (p.type === 'day') return p.value.length === 2 ? 'dd' : 'd';
        if (p.type === 'month') return p.value.length === 2 ? 'MM' : 'M';
        if (p.type === 'year') return 'yyyy';
        const text = p.value.replace(/[\u200e\u200f\u061c]/g, '');
        return ALLOWED_LITERAL.test(text) ? text : `"${text}"`;
      })
      .join('');
  }
  datePatterns.set(rules.id, pattern);
  return pattern;
}

/** The format of a date-time that arrives without one: the locale's date, then `H:mm:ss`. */
export function autoDateTimePattern(rules: LocaleRules): string {
  return `${autoDatePattern(rules)} H:mm:ss`;
}
