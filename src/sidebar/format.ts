// How numbers read in the sidebar: scores as percents, values in their unit. What a unit shows is core's
// (core/units.ts): the sidebar and the sheets read a number the same way.
import { type Band, bandOf, DEFAULT_BANDS } from '../core/score';
import { displayNumber, editableNumber } from '../core/units';

export function percent(score: number | '' | undefined): string {
  return typeof score === 'number' ? `${Math.round(score * 100)}%` : '–';
}

export function scoreBand(score: number | '' | undefined, bands = DEFAULT_BANDS): Band | 'none' {
  return typeof score === 'number' ? bandOf(score, bands) : 'none';
}

/** A value as its unit shows it: 0.071 with % → 7.1%, 51234 in $ → $51,234, 36 in h → 36 h. */
export const formatValue = displayNumber;

/** A value as a form field shows it for editing, in its unit (`5.5%`, `$4.99`), so saving keeps the unit. */
export const editableValue = editableNumber;
