// The KPI inputs from the sidebar: tagging a column, row or series of a tab (its unit, cadence, columns, target
// and warn-at in the spreadsheet's locale), parsed with zod like every RPC input (schema.ts holds the fields).
import * as z from 'zod/mini';
import { lazy, perLocale } from './built-once';
import { CADENCES, type Cadence, checkWarnAt } from './kpi-health';
import { formatLocaleNumber } from './locale-number';
import { betterWhen, field, parseInput, quantity, requiredText, text, wholeNumber } from './schema';
import { type Locale, readUnit, UNITS, type UnitChoice, unitChoice } from './units';
import { InputError } from './values';

// ---- KPI inputs -------------------------------------------------------------------------------------------------

const choice = <T extends string>(values: readonly T[], key: string) =>
  values.find((x) => x === key) as T | undefined;

/** A KPI's unit: one of the form's words, or a unit as a cell holds it (`€`, `CHF`, `h`, `MWh`, `tickets`). */
export const kpiUnit = lazy(() =>
  field((v, refuse): UnitChoice | string | undefined => {
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return undefined;
    const found = typeof v === 'string' ? choice(UNITS, v.trim().toLowerCase()) : undefined;
    const free = typeof v === 'string' ? readUnit(v.trim())?.text : undefined;
    return (
      found ??
      (free ||
        refuse(
          `is not one of ${UNITS.map((u) => `"${u}"`).join(', ')}, nor a unit such as "€", "h" or "MWh"`,
        ))
    );
  }),
);

/** A cadence: absent lets detection propose it; blank (or null) means none: Previous is the previous entry. */
export const kpiCadence = lazy(() =>
  field((v, refuse): Cadence | null => {
    if (v === null || (typeof v === 'string' && v.trim() === '')) return null;
    const found = typeof v === 'string' ? choice(CADENCES, v.trim().toLowerCase()) : undefined;
    return found ?? refuse(`is not one of ${CADENCES.map((c) => `"${c}"`).join(', ')} (or blank)`);
  }),
);

/** A column of the tab, by header text or letter; blank (or null) means none. */
export const columnRef = lazy(() =>
  field((v, refuse): string | null => {
    if (v === null || (typeof v === 'string' && v.trim() === '')) return null;
    if (typeof v !== 'string') return refuse('must be a header text or a column letter');
    if (v.trim().length > 200) return refuse('is longer than 200 characters');
    return v.trim();
  }),
);

export const tagKpiInput = perLocale((locale) =>
  z.strictObject({
    sheetName: requiredText(100),
    /** a header or letter; blank for a row KPI of a wide scorecard */
    valueColumn: z.optional(columnRef()),
    /** a row KPI of a wide scorecard: its sheet row (1-based) */
    row: z.optional(wholeNumber(1, 10_000_000, locale)),
    /** the stacked series the KPI follows, as the tab's listing names it (`EWR`, `A / B`) */
    series: text(200),
    /** absent: the detected date column; blank: none */
    dateColumn: z.optional(columnRef()),
    name: requiredText(100),
    /** absent or blank: the detected unit */
    unit: z.optional(kpiUnit()),
    betterWhen: betterWhen(),
    /** as typed, in the KPI's unit: `$165,000`, `5 %`, `0,05` in de_DE */
    target: z.optional(quantity(locale)),
    warnAt: z.optional(quantity(locale)),
    owner: text(200),
    /** absent: the cadence the dates suggest; blank: none */
    cadence: z.optional(kpiCadence()),
  }),
);
export type TagKpi = Omit<z.output<ReturnType<typeof tagKpiInput>>, 'target' | 'warnAt'> & {
  target?: number;
  warnAt?: number;
};

/** The kind of a unit, typed (`$`, `h`) or a registry word (`currency`, `duration`): counts and numbers alike. */
function kindOfTyped(unit: string): UnitChoice | 'count or number' {
  const u = readUnit(unit);
  const choice = u ? unitChoice(u) : 'number';
  return choice === 'count' || choice === 'number' ? 'count or number' : choice;
}

/**
 * Parses tagKpi's input in the spreadsheet's locale: every field; a target or warn-at typed in a unit of
 * another kind than the unit chosen (`12%` for a currency KPI) is refused; then warn-at against target (it
 * must lie on the red side of it).
 */
export function parseTagKpi(input: unknown, locale: Locale): TagKpi {
  const { target, warnAt, ...rest } = parseInput(tagKpiInput(locale), input, 'kpi');
  if (!rest.valueColumn && rest.row === undefined) throw new InputError('kpi: valueColumn: is required');
  for (const [name, q] of [
    ['target', target],
    ['warnAt', warnAt],
  ] as const) {
    if (!q?.unit || !rest.unit) continue;
    const typed = kindOfTyped(q.unit);
    if (typed !== kindOfTyped(rest.unit)) {
      throw new InputError(`kpi: ${name}: is in ${q.unit}, but the KPI's unit is ${rest.unit}`);
    }
  }
  const v: TagKpi = {
    ...rest,
    ...(target ? { target: target.value } : {}),
    ...(warnAt ? { warnAt: warnAt.value } : {}),
  };
  if (v.target !== undefined && v.warnAt !== undefined) {
    try {
      checkWarnAt(v.target, v.warnAt, v.betterWhen);
    } catch {
      const side = v.betterWhen === 'higher' ? 'above' : 'below';
      const must = v.betterWhen === 'higher' ? 'below' : 'above';
      const shown = (n: number) => formatLocaleNumber(n, locale);
      throw new InputError(
        `kpi: warnAt: ${shown(v.warnAt)} is ${side} target ${shown(v.target)}, but ${v.betterWhen} is better: warn-at must be ${must} target (between target and red)`,
      );
    }
  }
  return v;
}
