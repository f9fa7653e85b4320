// A team's own edits to the quarter sheets and what the add-on does with them: a key result typed in the sheet
// without an ID is counted by its objective and shown in the sidebar (never hidden, never written over), and a
// sheet whose grid is full still takes a new objective or key result. In each test locale.
import { beforeEach, describe, expect, it } from 'vitest';
import type { State } from '../../src/core/rpc';
import { type Addon, call, clock, records, startAddon, values } from '../helpers/addon';
import { TEST_LOCALES } from '../helpers/locales';
import { seedOkrs } from '../helpers/okrs';

const MID_Q1 = '2027-02-14T10:00:00Z';

describe.each(TEST_LOCALES)('in %s', (locale) => {
  let addon: Addon;
  beforeEach(() => {
    addon = startAddon({ now: clock(MID_Q1), locale, asyncCustomFunctions: true });
  });

  it('shows a key result typed without an ID, counted in its objective as the sheet counts it', () => {
    const o1 = seedOkrs(addon);
    // row 5: typed by hand, objective and numbers but no ID (10 → 20, now 15: half way)
    for (const [a1, typed] of Object.entries({
      B5: o1,
      C5: 'Typed in the sheet',
      F5: '10',
      G5: '20',
      H5: '15',
    })) {
      expect(addon.editCell('2027-Q1 Key Results', a1, typed)).toEqual({ ok: true });
    }
    const sheetScore = records(addon, '2027-Q1 Objectives')[0]!.Score as number;
    expect(sheetScore).toBeCloseTo(0.5 / 4, 9); // three untouched key results at 0, the typed one at 0.5
    const state = call<State>(addon, 'getState');
    const o = state.objectives[0]!;
    expect(o.score).toBeCloseTo(sheetScore, 9);
    expect(o.keyResults.map((k) => [k.id, k.title, k.noId ?? false])).toEqual([
      [`${o1}.1`, 'Reduce churn from 8% to 5%', false],
      [`${o1}.2`, 'Raise NPS from 35 to 50', false],
      [`${o1}.3`, '90% feature adoption', false],
      ['', 'Typed in the sheet', true],
    ]);
    expect(o.keyResults[3]!.score).toBe(0.5);
    // a key result saved from the sidebar goes below the typed row, never over it
    const { id } = call<{ id: string }>(addon, 'saveKeyResult', { objectiveId: o1, title: 'Saved after' });
    const rows = values(addon, '2027-Q1 Key Results');
    expect(rows[4]![2]).toBe('Typed in the sheet');
    expect([rows[5]![0], rows[5]![2]]).toEqual([id, 'Saved after']);
  });

  it('grows a full quarter sheet instead of failing to save', () => {
    const o1 = seedOkrs(addon);
    for (const name of ['2027-Q1 Objectives', '2027-Q1 Key Results']) {
      const sheet = addon.spreadsheet.getSheetByName(name)!;
      expect(sheet.getMaxRows()).toBe(1000);
      // the last row of the grid is in use (a row the team typed at the bottom)
      sheet.getRange(1000, 1, 1, 3).setValues([['X9', o1, 'typed at the very bottom']]);
    }
    const objective = call<{ id: string }>(addon, 'saveObjective', { title: 'Saved on row 1001' });
    const kr = call<{ id: string }>(addon, 'saveKeyResult', { objectiveId: o1, title: 'Saved on row 1001' });
    const obj = addon.spreadsheet.getSheetByName('2027-Q1 Objectives')!;
    const krs = addon.spreadsheet.getSheetByName('2027-Q1 Key Results')!;
    expect(obj.getRange(1001, 1, 1, 2).getValues()).toEqual([[objective.id, 'Saved on row 1001']]);
    expect(krs.getRange(1001, 1, 1, 3).getValues()).toEqual([[kr.id, o1, 'Saved on row 1001']]);
    expect(krs.getMaxRows()).toBeGreaterThan(1001);
  });

  it('lines the sheet scores up again after rows are inserted right below the header', () => {
    const o1 = seedOkrs(addon);
    call(addon, 'checkIn', { krId: `${o1}.2`, value: 45 });
    // Sheets moves the header formulas' F2:F down to F4:F: the spilled scores no longer match their rows
    expect(addon.insertRows('2027-Q1 Key Results', 2, 2)).toEqual({ ok: true });
    const state = call<State>(addon, 'getState');
    const byId = new Map(
      records(addon, '2027-Q1 Key Results').map((r) => [r.ID, r.Score as number | string]),
    );
    for (const k of state.objectives[0]!.keyResults) expect(byId.get(k.id)).toBe(k.score);
    expect(byId.get(`${o1}.2`)).toBeCloseTo(10 / 15, 9);
    expect(records(addon, '2027-Q1 Objectives')[0]!.Score).toBeCloseTo(
      state.objectives[0]!.score as number,
      9,
    );
  });
});
