import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  betterWhen,
  numberIn,
  parseInput,
  quarterLabel,
  requiredText,
  scoreType,
  text,
} from '../../src/core/schema';
import { parseTagKpi } from '../../src/core/schema-kpi';
import { applySettingsUpdate, DEFAULT_SETTINGS, readSettings, settingsSchema } from '../../src/core/settings';
import { InputError } from '../../src/core/values';

const form = z.strictObject({
  title: requiredText(20),
  owner: text(),
  target: z.optional(numberIn(0, 1e9, 'en_US')),
  type: z.optional(scoreType()),
  betterWhen: z.optional(betterWhen()),
  quarter: z.optional(quarterLabel()),
});

describe('parseInput', () => {
  it('reads form values the way a cell would', () => {
    expect(
      parseInput(form, { title: '  Reduce churn ', target: '5%', type: 'At Least', quarter: '2027 q1' }),
    ).toEqual({
      title: 'Reduce churn',
      owner: undefined,
      target: 0.05,
      type: 'at least',
      quarter: '2027-Q1',
    });
  });

  it.each([
    [{ title: 'x', target: 'abc' }, 'okr: target: "abc" is not a number'],
    [{ title: '  ' }, 'okr: title: is required'],
    [{}, 'okr: title: is required'],
    [{ title: 'x'.repeat(21) }, 'is longer than 20 characters'],
    [{ title: 'x', type: 'double' }, 'okr: type: "double" is not one of "auto", "increase"'],
    [{ title: 'x', betterWhen: 'up' }, 'okr: betterWhen: "up" must be "higher" or "lower"'],
    [{ title: 'x', quarter: '2027-Q7' }, 'okr: quarter: "2027-Q7" is not a quarter like "2027-Q1"'],
    [{ title: 'x', colour: 'red' }, 'okr: unknown field "colour"'],
    [{ title: { nested: 1 } }, 'okr: title: '],
  ])('%j is refused: %s', (input, message) => {
    expect(() => parseInput(form, input, 'okr')).toThrow(InputError);
    expect(() => parseInput(form, input, 'okr')).toThrow(message);
  });

  it('names every bad field at once', () => {
    expect(() => parseInput(form, { title: '', target: 'x' }, 'okr')).toThrow(
      'okr: title: is required; okr: target: "x" is not a number',
    );
  });
});

describe('settings', () => {
  it('defaults to a January fiscal year, clamp at 1, re:Work bands', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      fiscalStartMonth: 1,
      scoring: { cap: 1, yellowFrom: 0.4, greenFrom: 0.7 },
    });
    // the defaults are written out (no schema is built at load): they are what the schema makes of nothing
    expect(settingsSchema().parse({})).toEqual(DEFAULT_SETTINGS);
    expect(readSettings('{}')).toEqual(DEFAULT_SETTINGS);
  });

  it('applies updates from form text and validates the whole', () => {
    const s = applySettingsUpdate(
      DEFAULT_SETTINGS,
      { fiscalStartMonth: '4', scoring: { cap: '1.5', greenFrom: '60%' } },
      'en_US',
    );
    expect(s).toEqual({ fiscalStartMonth: 4, scoring: { cap: 1.5, yellowFrom: 0.4, greenFrom: 0.6 } });
    expect(() => applySettingsUpdate(DEFAULT_SETTINGS, { scoring: { yellowFrom: 0.8 } }, 'en_US')).toThrow(
      'settings: scoring.yellowFrom: yellowFrom must not be above greenFrom',
    );
    expect(() => applySettingsUpdate(DEFAULT_SETTINGS, { fiscalStartMonth: 13 }, 'en_US')).toThrow(
      'settings: fiscalStartMonth: 13',
    );
    expect(() => applySettingsUpdate(DEFAULT_SETTINGS, { scoring: { cap: 'lots' } }, 'en_US')).toThrow(
      'settings: scoring.cap: "lots" is not a number',
    );
  });

  it("reads form text as the spreadsheet's locale writes it", () => {
    const update = { scoring: { cap: '1,5', yellowFrom: '30 %', greenFrom: '0,65' } };
    for (const locale of ['de_DE', 'fr_FR']) {
      expect(applySettingsUpdate(DEFAULT_SETTINGS, update, locale).scoring).toEqual({
        cap: 1.5,
        yellowFrom: 0.3,
        greenFrom: 0.65,
      });
    }
    // `1.5` is no number in de_DE, `1,5` none in en_US: refused, never read as 15
    expect(() => applySettingsUpdate(DEFAULT_SETTINGS, { scoring: { cap: '1.5' } }, 'de_DE')).toThrow(
      'settings: scoring.cap: "1.5" is not a number',
    );
    expect(() => applySettingsUpdate(DEFAULT_SETTINGS, { scoring: { cap: '1,5' } }, 'en_US')).toThrow(
      'settings: scoring.cap: "1,5" is not a number',
    );
  });

  it('reads stored JSON, keeping valid parts of a damaged value', () => {
    expect(readSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings('{not json')).toEqual(DEFAULT_SETTINGS);
    const damaged = JSON.stringify({ fiscalStartMonth: 7, currentQuarter: '2027-Q2', scoring: { cap: 99 } });
    expect(readSettings(damaged)).toEqual({
      ...DEFAULT_SETTINGS,
      fiscalStartMonth: 7,
      currentQuarter: '2027-Q2',
    });
  });
});

describe('tagKpi input', () => {
  const good = { sheetName: 'Churn', valueColumn: 'Rate', name: 'Churn', betterWhen: 'lower' };

  it('reads form values; absent date column, unit and cadence are left to detection, blank means none', () => {
    expect(parseTagKpi({ ...good, target: '5%', warnAt: '6%', owner: ' Success ' }, 'en_US')).toEqual({
      ...good,
      target: 0.05,
      warnAt: 0.06,
      owner: 'Success',
    });
    expect(parseTagKpi({ ...good, dateColumn: '', cadence: '', unit: '' }, 'en_US')).toEqual({
      ...good,
      dateColumn: null,
      cadence: null,
      unit: undefined,
      owner: undefined,
    });
    expect(parseTagKpi({ ...good, dateColumn: ' A ', cadence: 'Weekly', unit: '%' }, 'en_US')).toMatchObject({
      dateColumn: 'A',
      cadence: 'weekly',
      unit: '%',
    });
  });

  it.each([
    [{ ...good, target: 'abc' }, 'kpi: target: "abc" is not a number'],
    [{ ...good, betterWhen: 'up' }, 'kpi: betterWhen: "up" must be "higher" or "lower"'],
    [{ ...good, name: '  ' }, 'kpi: name: is required'],
    [{ ...good, valueColumn: '' }, 'kpi: valueColumn: is required'],
    [{ ...good, sheetName: undefined }, 'kpi: sheetName: is required'],
    [
      { ...good, unit: '12 apples, 3 pears' },
      'kpi: unit: "12 apples, 3 pears" is not one of "%", "currency", "count", "duration", "number", nor a unit such as "€", "h" or "MWh"',
    ],
    [
      { ...good, cadence: 'fortnightly' },
      'kpi: cadence: "fortnightly" is not one of "daily", "weekly", "monthly", "quarterly" (or blank)',
    ],
    [{ ...good, valueColumn: 3 }, 'kpi: valueColumn: 3 must be a header text or a column letter'],
    [{ ...good, colour: 'red' }, 'kpi: unknown field "colour"'],
    [
      { ...good, target: '5%', warnAt: '4%' },
      'kpi: warnAt: 0.04 is below target 0.05, but lower is better: warn-at must be above target (between target and red)',
    ],
    [
      { ...good, betterWhen: 'higher', target: 50, warnAt: 60 },
      'kpi: warnAt: 60 is above target 50, but higher is better: warn-at must be below target (between target and red)',
    ],
  ])('%j → %s', (input, message) => {
    expect(() => parseTagKpi(input, 'en_US')).toThrow(message);
  });

  it("reads target and warn-at as the KPI card shows them, in the spreadsheet's locale", () => {
    const mrr = { ...good, name: 'MRR', betterWhen: 'higher' };
    expect(parseTagKpi({ ...mrr, target: '$165,000', warnAt: '$160,459' }, 'en_US')).toMatchObject({
      target: 165_000,
      warnAt: 160_459,
    });
    expect(
      parseTagKpi({ ...mrr, unit: 'currency', target: '€ 1.200', warnAt: '1.000 €' }, 'de_DE'),
    ).toMatchObject({
      target: 1200,
      warnAt: 1000,
    });
    expect(parseTagKpi({ ...good, target: '5 %', warnAt: '0,06' }, 'fr_FR')).toMatchObject({
      target: 0.05,
      warnAt: 0.06,
    });
    expect(() => parseTagKpi({ ...good, target: '0,05' }, 'en_US')).toThrow(
      'kpi: target: "0,05" is not a number',
    );
  });

  it("refuses a target typed in another kind of unit than the KPI's, and says numbers in the locale", () => {
    expect(() => parseTagKpi({ ...good, unit: 'currency', target: '12%' }, 'en_US')).toThrow(
      "kpi: target: is in %, but the KPI's unit is currency",
    );
    expect(() => parseTagKpi({ ...good, unit: '%', warnAt: '$5' }, 'en_US')).toThrow(
      "kpi: warnAt: is in $, but the KPI's unit is %",
    );
    expect(parseTagKpi({ ...good, unit: 'count', target: '1,200 tickets' }, 'en_US').target).toBe(1200);
    expect(() => parseTagKpi({ ...good, target: '5 %', warnAt: '4 %' }, 'de_DE')).toThrow(
      'kpi: warnAt: 0,04 is below target 0,05, but lower is better',
    );
  });
});
