// The settings okr-sheets keeps in DocumentProperties (fiscal year start, the current quarter, scoring
// options), validated with zod on every read and write: a stored value that no longer parses falls back to its
// default field by field, and a change from the sidebar (read in the spreadsheet's locale) is checked as a whole
// (so bands stay ordered).
import * as z from 'zod/mini';
import { lazy, perLocale } from './built-once';
import { numberIn, parseInput, quarterLabel, wholeNumber } from './schema';
import { DEFAULT_BANDS, DEFAULT_CAP, MAX_CAP } from './score';
import type { Locale } from './units';

// Built on first use (core/built-once.ts): loading the bundle builds no schema.
const settingsParts = lazy(() => {
  const scoring = z
    .strictObject({
      cap: z._default(z.number().check(z.minimum(1), z.maximum(MAX_CAP)), DEFAULT_CAP),
      yellowFrom: z._default(z.number().check(z.minimum(0), z.maximum(1)), DEFAULT_BANDS.yellowFrom),
      greenFrom: z._default(z.number().check(z.minimum(0), z.maximum(1)), DEFAULT_BANDS.greenFrom),
    })
    .check(
      z.refine((s) => s.yellowFrom <= s.greenFrom, {
        message: 'yellowFrom must not be above greenFrom',
        path: ['yellowFrom'],
      }),
    );
  const shape = {
    fiscalStartMonth: z._default(z.int().check(z.minimum(1), z.maximum(12)), 1),
    currentQuarter: z.optional(quarterLabel()),
    scoring: z._default(scoring, { cap: DEFAULT_CAP, ...DEFAULT_BANDS }),
  };
  return { shape, schema: z.strictObject(shape) };
});

export type Settings = z.output<ReturnType<typeof settingsParts>['schema']>;

/** What the settings are before anyone changes them (what the schema gives for `{}`; a test holds them equal). */
export const DEFAULT_SETTINGS: Settings = {
  fiscalStartMonth: 1,
  scoring: { cap: DEFAULT_CAP, ...DEFAULT_BANDS },
};

/** The stored settings' schema. */
export function settingsSchema() {
  return settingsParts().schema;
}

/**
 * A change to the settings from the sidebar: numbers may arrive as text from form fields, written as the
 * spreadsheet's locale writes them (`0,7` or `70 %` in de_DE).
 */
export const settingsUpdate = perLocale((locale) =>
  z.strictObject({
    fiscalStartMonth: z.optional(wholeNumber(1, 12, locale)),
    scoring: z.optional(
      z.strictObject({
        cap: z.optional(numberIn(1, MAX_CAP, locale)),
        yellowFrom: z.optional(numberIn(0, 1, locale)),
        greenFrom: z.optional(numberIn(0, 1, locale)),
      }),
    ),
  }),
);
export type SettingsUpdate = z.output<ReturnType<typeof settingsUpdate>>;

/** Applies an update to settings, validating the result as a whole (so bands stay ordered). */
export function applySettingsUpdate(current: Settings, update: unknown, locale: Locale): Settings {
  const u = parseInput(settingsUpdate(locale), update, 'settings');
  const next = {
    ...current,
    ...(u.fiscalStartMonth !== undefined ? { fiscalStartMonth: u.fiscalStartMonth } : {}),
    scoring: { ...current.scoring, ...dropUndefined(u.scoring ?? {}) },
  };
  return parseInput(settingsSchema(), next, 'settings');
}

/** Reads stored settings; anything unreadable falls back to defaults field by field, never throws. */
export function readSettings(json: string | null | undefined): Settings {
  if (!json) return DEFAULT_SETTINGS;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return DEFAULT_SETTINGS;
  }
  const full = settingsSchema().safeParse(raw);
  const settingsShape = settingsParts().shape;
  if (full.success) return full.data;
  // keep what is valid: a bad scoring block must not lose the current quarter
  const r = (raw ?? {}) as Record<string, unknown>;
  const pick = <T>(schema: z.ZodMiniType<T>, v: unknown, fallback: T): T => {
    const p = schema.safeParse(v);
    return p.success ? p.data : fallback;
  };
  return {
    fiscalStartMonth: pick(settingsShape.fiscalStartMonth, r.fiscalStartMonth, 1),
    currentQuarter: pick(settingsShape.currentQuarter, r.currentQuarter, undefined),
    scoring: pick(settingsShape.scoring, r.scoring, DEFAULT_SETTINGS.scoring),
  };
}

function dropUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
