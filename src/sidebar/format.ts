// How numbers read in the sidebar: scores as percents, KPI values in their unit.
import { type Band, bandOf, DEFAULT_BANDS } from '../core/score';

export function percent(score: number | '' | undefined): string {
  return typeof score === 'number' ? `${Math.round(score * 100)}%` : '–';
}

export function scoreBand(score: number | '' | undefined, bands = DEFAULT_BANDS): Band | 'none' {
  return typeof score === 'number' ? bandOf(score, bands) : 'none';
}

const trim = (n: number, digits: number) => {
  const s = n.toFixed(digits);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
};

/** A value as its unit shows it: 0.071 with % → 7.1%, 51234 with currency → $51,234, 36 with duration → 36 h. */
export function formatValue(v: number | string | '' | undefined, unit = ''): string {
  if (v === '' || v === undefined) return '–';
  if (typeof v === 'string') return v;
  switch (unit) {
    case '%':
      return `${trim(v * 100, 1)}%`;
    case 'currency':
      return `$${Math.round(v).toLocaleString('en-US')}`;
    case 'duration':
      return `${trim(v, 1)} h`;
    default:
      if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en-US');
      return trim(v, Math.abs(v) < 1 ? 4 : 2);
  }
}

/** A value as a form field shows it for editing: percents as "5.5%", so saving keeps the unit. */
export function editableValue(v: number | string | '' | undefined, unit = ''): string {
  if (v === '' || v === undefined) return '';
  if (typeof v === 'number' && unit === '%') return `${trim(v * 100, 4)}%`;
  return String(v);
}
