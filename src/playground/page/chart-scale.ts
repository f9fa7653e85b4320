// A chart's value axis: its bounds and round ticks from the data and the axis options (Gviz minValue/maxValue
// widen it, viewWindow.min/max fix it), and the ticks' labels written in the spreadsheet's locale in the style of
// the data's number format (a percent column gets 0%…100%, a currency column its symbol) or of the axis' `format`
// option. Plain numbers in and out, so tests can check it without a browser.
import { formatLocaleNumber } from '../../core/locale-number';

export interface Scale {
  min: number;
  max: number;
  ticks: number[];
  step: number;
}

export interface ScaleOptions {
  /** Bars, columns and areas grow from zero: the axis always shows it. */
  includeZero: boolean;
  /** Gviz minValue/maxValue: the axis reaches at least this far. */
  minValue?: number;
  maxValue?: number;
  /** Gviz viewWindow.min/max: the axis shows exactly this (data beyond it is cut off). */
  fixedMin?: number;
  fixedMax?: number;
  /** About how many gridlines (Gviz gridlines.count; Sheets shows about five). */
  count?: number;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const clean = (x: number) => Number(x.toPrecision(12));

/** The round step (1, 2, 2.5 or 5 × a power of ten) nearest above `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  const m = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return clean(m * power);
}

export function niceScale(values: readonly number[], options: ScaleOptions): Scale {
  const data = values.filter((v) => Number.isFinite(v));
  let lo = data.length ? Math.min(...data) : 0;
  let hi = data.length ? Math.max(...data) : 1;
  if (options.includeZero) {
    lo = Math.min(lo, 0);
    hi = Math.max(hi, 0);
  }
  const minValue = num(options.minValue);
  const maxValue = num(options.maxValue);
  if (minValue !== undefined) lo = Math.min(lo, minValue);
  if (maxValue !== undefined) hi = Math.max(hi, maxValue);
  const fixedMin = num(options.fixedMin);
  const fixedMax = num(options.fixedMax);
  if (fixedMin !== undefined) lo = fixedMin;
  if (fixedMax !== undefined) hi = fixedMax;
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) {
    if (lo === 0) hi = 1;
    else if (lo > 0) lo = fixedMin ?? 0;
    else hi = fixedMax ?? 0;
  }
  const count = Math.max(2, Math.round(num(options.count) ?? 5));
  const step = niceStep((hi - lo) / (count - 1));
  const min = fixedMin ?? clean(Math.floor(clean(lo / step)) * step);
  const max = fixedMax ?? clean(Math.ceil(clean(hi / step)) * step);
  const ticks: number[] = [];
  for (let t = Math.ceil(clean(min / step)) * step; t <= max + step / 1e6; t += step) ticks.push(clean(t));
  return { min, max, ticks, step };
}

/** How an axis writes its numbers. */
export interface NumberStyle {
  percent: boolean;
  /** A currency symbol or code the data's format shows (`$`, `€`, `CHF`). */
  currency?: string;
}

/** Text of a number-format pattern outside quotes and brackets, and its `[$€]` / `"€"` literals. */
function literals(pattern: string): { bare: string; quoted: string[] } {
  const quoted: string[] = [];
  const bare = pattern.replace(/"([^"]*)"|\[\$([^\]-]*)[^\]]*\]|\\(.)/g, (_m, q, b, e) => {
    quoted.push(String(q ?? b ?? e ?? ''));
    return '';
  });
  return { bare, quoted };
}

const CURRENCY = /^\s*([$€£¥₹]|[A-Z]{3})\s*$/;

/** The style of a number format pattern (`0.0%`, `$#,##0`, `[$€]#,##0.00`, `#,##0 "h"`). */
export function styleOfPattern(pattern: string): NumberStyle {
  const { bare, quoted } = literals(pattern);
  const percent = bare.includes('%');
  const symbol = [...quoted, ...(bare.match(/[$€£¥₹]/) ?? [])].find((q) => CURRENCY.test(q));
  return { percent, ...(symbol && !percent ? { currency: symbol.trim() } : {}) };
}

/**
 * The style an axis writes its ticks in: its Gviz `format` option when set (`percent`, `decimal`, or a pattern
 * such as `#%` or `$#,##0`), else the style of the data's own number format.
 */
export function axisStyle(format: unknown, dataPattern: string): NumberStyle {
  if (format === 'percent') return { percent: true };
  if (format === 'decimal' || format === 'none' || format === 'short' || format === 'long') {
    return { percent: false };
  }
  if (typeof format === 'string' && format !== '') return styleOfPattern(format);
  return styleOfPattern(dataPattern);
}

/** Decimals a tick step needs to tell its ticks apart (0.25 → 2; 0.2 as a percent, 20%, → 0). */
function decimalsOf(step: number, style: NumberStyle): number {
  const shown = clean(style.percent ? step * 100 : step);
  const text = String(shown);
  const dot = text.indexOf('.');
  return dot < 0 || text.includes('e') ? 0 : Math.min(10, text.length - dot - 1);
}

/**
 * The tick labels of a scale, in the spreadsheet's locale (`20%`, `1.500 €`, `2,5`): each rounded to what the
 * step needs and written without trailing zeros (0, 2.5, 5, 7.5, 10), as Gviz writes ticks.
 */
export function tickLabels(scale: Scale, style: NumberStyle, locale: string): string[] {
  const decimals = decimalsOf(scale.step, style) + (style.percent ? 2 : 0);
  return scale.ticks.map((t) => formatValue(Number(t.toFixed(decimals)), style, locale));
}

/** A number in the locale and style, with the decimals it has (round it first). */
export function formatValue(value: number, style: NumberStyle, locale: string): string {
  return formatLocaleNumber(value, locale, {
    ...(style.percent ? { percent: true } : {}),
    ...(style.currency ? { currency: style.currency } : {}),
  });
}
