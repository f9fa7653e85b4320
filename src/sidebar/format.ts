// How numbers read in the sidebar: scores as percents, values in their unit, all in the spreadsheet's locale
// (State.locale, set by the store each time the state loads: `7,1 %` and `51.234 $` in de_DE). What a unit
// shows and how a locale writes numbers is core's (core/units.ts, core/locale-number.ts): the sidebar, the
// server and the sheets read a number the same way, and a number a form field shows reads back unchanged.
import { type LocaleRules, localeRules } from '../core/locale';
import { formatLocaleNumber } from '../core/locale-number';
import { type Band, bandOf, DEFAULT_BANDS } from '../core/score';
import { displayNumber, editableNumber } from '../core/units';

let locale: LocaleRules = localeRules('en_US');

/** Shows every number from now on in the spreadsheet's locale (State.locale). */
export function showNumbersIn(id: string): void {
  locale = localeRules(id);
}

/** The locale numbers are shown in now. */
export function numberLocale(): LocaleRules {
  return locale;
}

export function percent(score: number | '' | undefined): string {
  return typeof score === 'number' ? formatLocaleNumber(score, locale, { percent: true, decimals: 0 }) : '–';
}

export function scoreBand(score: number | '' | undefined, bands = DEFAULT_BANDS): Band | 'none' {
  return typeof score === 'number' ? bandOf(score, bands) : 'none';
}

/** A value as its unit shows it: 0.071 with % → 7.1%, 51234 in $ → $51,234, 36 in h → 36 h (en_US). */
export function formatValue(v: number | string | '' | undefined, unit = ''): string {
  return displayNumber(v, unit, locale);
}

/** A value as a form field shows it for editing, in its unit (`5.5%`, `$4.99`; `5,5 %` in de_DE), so saving keeps it. */
export function editableValue(v: number | string | '' | undefined, unit = ''): string {
  return editableNumber(v, unit, locale);
}

/** A count: `1,234` in en_US, `1.234` in de_DE. */
export function formatCount(n: number): string {
  return formatLocaleNumber(n, locale);
}
