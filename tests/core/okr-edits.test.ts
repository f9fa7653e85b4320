// Edits planned without a spreadsheet: what saving a key result writes (its unit, its number format, its
// baseline when it follows a KPI), what a check-in writes, and what either refuses.
import { describe, expect, it } from 'vitest';
import { NO_IDS } from '../../src/core/ids';
import type { KeyResult } from '../../src/core/okr';
import {
  type KpiRef,
  planCheckIn,
  planKeyResultSave,
  planObjectiveDelete,
  type QuarterRows,
} from '../../src/core/okr-edits';
import { checkInInput, parseInput, saveKeyResultInput } from '../../src/core/schema';
import { keyResultRow, objectiveRow } from '../helpers/rows';

const objective = objectiveRow('O1', { title: 'Grow revenue', row: 2 });
const keyResult = (over: Partial<KeyResult> = {}) =>
  keyResultRow('O1.1', {
    title: 'MRR to $200k',
    baseline: 150_000,
    target: 200_000,
    current: 160_000,
    score: 0.2,
    unit: '$',
    row: 2,
    ...over,
  });
const quarter = (keyResults: KeyResult[] = []): QuarterRows => ({
  quarter: '2027-Q1',
  objectives: [objective],
  keyResults,
  counters: () => NO_IDS,
  appendAt: keyResults.length + 2,
});
const save = (input: Record<string, unknown>, q = quarter(), kpi?: KpiRef, locale = 'en_US') =>
  planKeyResultSave(
    parseInput(saveKeyResultInput(locale), { objectiveId: 'O1', title: 'x', ...input }),
    q,
    kpi,
  );
const mrr: KpiRef = { id: 'mrr', latest: 159_000, unit: 'currency' };

describe('saving a key result', () => {
  it('takes the unit its numbers were typed in, with the format that shows it', () => {
    expect(save({ baseline: '$165,000', target: '$200,000' })).toMatchObject({
      id: 'O1.1',
      row: 2,
      counters: { keyResults: { O1: 1 } },
      patch: { baseline: 165_000, target: 200_000, unit: "'$" },
      format: '$#,##0',
    });
    expect(save({ baseline: '8%', target: 0.05 })).toMatchObject({ patch: { unit: "'%" }, format: '0.0%' });
    expect(save({ baseline: '36 h', target: '24.5 h' })).toMatchObject({ format: '#,##0.0 "h"' });
  });

  it("reads the numbers as the spreadsheet's locale writes them, keeping their unit", () => {
    expect(
      save({ baseline: '€ 165.000', target: '200.000 €', weight: '1,5' }, quarter(), undefined, 'de_DE'),
    ).toMatchObject({
      patch: { baseline: 165_000, target: 200_000, weight: 1.5, unit: "'€" },
      format: '[$€]#,##0',
    });
    expect(save({ baseline: '8 %', target: '5,5 %' }, quarter(), undefined, 'fr_FR')).toMatchObject({
      patch: { baseline: 0.08, target: 0.055, unit: "'%" },
    });
    expect(() => save({ target: '0.7' }, quarter(), undefined, 'de_DE')).toThrow(
      'target: "0.7" is not a number',
    );
  });

  it('follows a KPI in its unit, from its value when linked', () => {
    expect(save({ target: 200_000, kpiId: 'mrr' }, quarter(), mrr)).toMatchObject({
      patch: { baseline: 159_000, current: '=OKR_KPI_LATEST(KPI_mrr)', kpi: 'mrr', unit: "'$" },
      format: '$#,##0',
    });
  });

  it('writes no format for plain numbers, and the automatic one when a unit is dropped', () => {
    expect(save({ baseline: 35, target: 50 }).format).toBeUndefined();
    const existing = keyResult();
    expect(save({ id: 'O1.1', baseline: 150_000, target: 200_000 }, quarter([existing]))).toMatchObject({
      row: 2,
      patch: { unit: '' },
      format: 'General',
    });
  });

  it('keeps the last value as a number when a KPI is unlinked', () => {
    const linked = keyResult({ kpiId: 'mrr', currentFormula: '=OKR_KPI_LATEST(KPI_mrr)', current: 161_000 });
    expect(save({ id: 'O1.1', target: '$200,000' }, quarter([linked])).patch.current).toBe(161_000);
  });

  it.each([
    [{ baseline: '8%', target: '$5' }, undefined, 'key result: target: is in $ but baseline is in %'],
    [{ kpiId: 'nope' }, undefined, 'key result: kpiId: "nope" is not a tagged KPI'],
    [{ kpiId: 'mrr', current: 5 }, mrr, 'key result: current: a key result that follows a KPI'],
    [{ current: 'done' }, undefined, 'key result: current: "done" is not a number'],
    [{ baseline: 5, target: '5' }, undefined, 'that is a KPI to maintain'],
    [{ id: 'O1.9' }, undefined, 'key result O1.9 is not in 2027-Q1'],
  ])('refuses %j', (input, kpi, message) => {
    expect(() => save(input, quarter([keyResult()]), kpi)).toThrow(message);
  });
});

describe('checking in', () => {
  const now = new Date('2027-02-10T09:30:00Z');
  const checkIn = (input: Record<string, unknown>, kr = keyResult()) =>
    planCheckIn(parseInput(checkInInput('en_US'), { krId: kr.id, ...input }), kr, '2027-Q1', now);

  it('writes the value in the key result, and logs it', () => {
    expect(checkIn({ value: '$170,000', confidence: 7, note: '=HYPERLINK("x")' })).toEqual({
      patch: { lastCheckIn: now, current: 170_000, confidence: 7 },
      log: {
        timestamp: now,
        quarter: '2027-Q1',
        krId: 'O1.1',
        value: 170_000,
        confidence: 7,
        note: `'=HYPERLINK("x")`,
        author: '',
      },
      // logged in the key result's unit, as its own cells show it
      valueFormat: '$#,##0',
    });
  });

  it('logs the KPI value for a key result that follows a KPI, and takes no value for it', () => {
    const linked = keyResult({ currentFormula: '=OKR_KPI_LATEST(KPI_mrr)', current: 161_000 });
    expect(checkIn({ confidence: 6 }, linked).log.value).toBe(161_000);
    expect(() => checkIn({ value: 5 }, linked)).toThrow('check-in: value: O1.1 follows a KPI');
  });

  it.each([
    [{}, 'check-in: value: enter a value, a confidence or a note'],
    [{ value: 'done' }, 'check-in: value: "done" is not a number'],
    [{ value: '12%' }, 'check-in: value: is in %, but O1.1 is in $'],
  ])('refuses %j', (input, message) => {
    expect(() => checkIn(input)).toThrow(message);
  });

  it('takes any typed unit into a key result without one', () => {
    expect(checkIn({ value: '12%' }, keyResult({ unit: '' })).patch.current).toBe(0.12);
  });
});

describe('deleting an objective', () => {
  it('takes its key results as runs of adjacent rows, bottom up', () => {
    const krs = [2, 3, 5, 6, 7].map((row, i) => keyResult({ id: `O1.${i + 1}`, row }));
    expect(planObjectiveDelete('O1', true, quarter(krs))).toEqual({
      objectiveRow: 2,
      keyResultRuns: [
        { start: 5, count: 3 },
        { start: 2, count: 2 },
      ],
      deleted: ['O1.1', 'O1.2', 'O1.3', 'O1.4', 'O1.5', 'O1'],
    });
    expect(() => planObjectiveDelete('O1', false, quarter(krs))).toThrow(
      'objective O1 has 5 key results (O1.1, O1.2, O1.3, O1.4, O1.5)',
    );
  });
});
