import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  applySettingsUpdate,
  betterWhen,
  cellNumber,
  DEFAULT_SETTINGS,
  parseInput,
  quarterLabel,
  readSettings,
  requiredText,
  scoreType,
  text,
} from '../../src/core/schema';
import { InputError } from '../../src/core/values';

const form = z.strictObject({
  title: requiredText(20),
  owner: text(),
  target: z.optional(cellNumber),
  type: z.optional(scoreType),
  betterWhen: z.optional(betterWhen),
  quarter: z.optional(quarterLabel),
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
  });

  it('applies updates from form text and validates the whole', () => {
    const s = applySettingsUpdate(DEFAULT_SETTINGS, {
      fiscalStartMonth: '4',
      scoring: { cap: '1.5', greenFrom: '60%' },
    });
    expect(s).toEqual({ fiscalStartMonth: 4, scoring: { cap: 1.5, yellowFrom: 0.4, greenFrom: 0.6 } });
    expect(() => applySettingsUpdate(DEFAULT_SETTINGS, { scoring: { yellowFrom: 0.8 } })).toThrow(
      'settings: scoring.yellowFrom: yellowFrom must not be above greenFrom',
    );
    expect(() => applySettingsUpdate(DEFAULT_SETTINGS, { fiscalStartMonth: 13 })).toThrow(
      'settings: fiscalStartMonth: 13',
    );
    expect(() => applySettingsUpdate(DEFAULT_SETTINGS, { scoring: { cap: 'lots' } })).toThrow(
      'settings: scoring.cap: "lots" is not a number',
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
