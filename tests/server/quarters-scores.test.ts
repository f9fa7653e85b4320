// What a team's scores say when part of a quarter is not started or not set up, in the sheet, the sidebar and
// the new-quarter review alike (DESIGN.md §5), and that the sidebar and the review compute them from the inputs
// (never from a custom-function cell, which Sheets may still show as "Loading..."). Run in each test locale,
// with custom functions computed asynchronously as in Sheets.
import { beforeEach, describe, expect, it } from 'vitest';
import type { NewQuarterPreview, ObjectiveView, State } from '../../src/core/rpc';
import { type Addon, call, clock, records, startAddon } from '../helpers/addon';
import { TEST_LOCALES, typed } from '../helpers/locales';

const MID_Q1 = '2027-02-14T10:00:00Z';

describe.each(TEST_LOCALES)('in %s', (locale) => {
  let addon: Addon;
  beforeEach(() => {
    addon = startAddon({ now: clock(MID_Q1), locale, asyncCustomFunctions: true });
    call(addon, 'setUpQuarter', { quarter: '2027-Q1' });
  });
  const objective = (id: string) =>
    call<State>(addon, 'getState').objectives.find((o) => o.id === id) as ObjectiveView;

  /** O1: one key result over-achieved (150% under cap 1.5), one with a target and no check-in, one with no target. */
  function quarterWithAnUnstartedKeyResult(): string {
    call(addon, 'updateSettings', { scoring: { cap: typed(locale, '1.5') } });
    const { id } = call<{ id: string }>(addon, 'saveObjective', { title: 'Win the mid-market' });
    call(addon, 'saveKeyResult', {
      objectiveId: id,
      title: 'Raise NPS from 30 to 40',
      baseline: 30,
      target: 40,
    });
    call(addon, 'saveKeyResult', { objectiveId: id, title: 'Close 10 deals', baseline: 0, target: 10 });
    call(addon, 'saveKeyResult', { objectiveId: id, title: 'Partner revenue (target to come)', baseline: 0 });
    call(addon, 'checkIn', { krId: `${id}.1`, value: 45 });
    return id;
  }

  it('counts a key result with a target and no check-in as 0, and leaves one without a target out', () => {
    const id = quarterWithAnUnstartedKeyResult();
    const sheet = records(addon, '2027-Q1 Objectives')[0]!;
    // (1.5 + 0) / 2, not 150% "Done" from the one checked-in key result
    expect(sheet.Score).toBeCloseTo(0.75, 9);
    expect(sheet.Status).not.toBe('Done');
    const o = objective(id);
    expect(o.score).toBeCloseTo(0.75, 9);
    expect(o.status).toBe(sheet.Status);
    expect({ counted: o.counted, of: o.keyResultCount }).toEqual({ counted: 2, of: 3 });
    const review = call<NewQuarterPreview>(addon, 'previewNewQuarter', { carry: 'unfinished' });
    expect(review.objectives[0]!.score).toBeCloseTo(0.75, 9);
  });

  it('shows the same scores with the Score and Status formulas gone: the sidebar never reads them', () => {
    const id = quarterWithAnUnstartedKeyResult();
    const before = objective(id);
    const kr = addon.spreadsheet.getSheetByName('2027-Q1 Key Results')!;
    const obj = addon.spreadsheet.getSheetByName('2027-Q1 Objectives')!;
    // the headers stay, their formulas go: nothing computes the Score and Status columns any more
    for (const [sheet, cells] of [
      [kr, { L1: 'Score', M1: 'Status' }],
      [obj, { G1: 'Score', H1: 'Status' }],
    ] as const) {
      for (const [a1, header] of Object.entries(cells)) sheet.getRange(a1).setValue(header);
    }
    expect(records(addon, '2027-Q1 Key Results')[0]!.Score).toBe('');
    const after = objective(id);
    expect(after.score).toBeCloseTo(0.75, 9);
    expect(after.keyResults.map((k) => [k.id, k.score, k.status])).toEqual(
      before.keyResults.map((k) => [k.id, k.score, k.status]),
    );
    expect(after.keyResults[0]!.score).toBe(1.5);
    expect(after.keyResults[0]!.status).toBe('Done');
  });
});
