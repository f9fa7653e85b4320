// The logs a quarter leaves: Check-ins (each value in its key result's unit, who checked in, a timestamp
// column wide enough to read) and OKR History (baseline, target and final value in their units, and each
// objective's final score), and the next quarter's sheets dressed even when the copy brought nothing along.
// In each test locale.
import { beforeEach, describe, expect, it } from 'vitest';
import type { State } from '../../src/core/rpc';
import { type Addon, call, clock, records, startAddon } from '../helpers/addon';
import { shown, TEST_LOCALES, typed } from '../helpers/locales';
import { quarterWithProgress, seedOkrs } from '../helpers/okrs';

const MID_Q1 = '2027-02-14T10:00:00Z';

describe.each(TEST_LOCALES)('in %s', (locale) => {
  let addon: Addon;
  beforeEach(() => {
    addon = startAddon({ now: clock(MID_Q1), locale });
  });
  const sheet = (name: string) => addon.spreadsheet.getSheetByName(name)!;

  it('logs a check-in in its unit, under the name the user gave once', () => {
    const o1 = seedOkrs(addon);
    call(addon, 'checkIn', { krId: `${o1}.1`, value: typed(locale, '6.5%'), author: 'Ana' });
    call(addon, 'checkIn', { krId: `${o1}.2`, value: 45 });
    const log = sheet('Check-ins');
    expect(log.getRange('D2:D3').getDisplayValues()).toEqual([[shown(locale, '6.5%')], ['45']]);
    // given once, remembered for the next check-ins of this user
    expect(records(addon, 'Check-ins').map((r) => r['Checked in by'])).toEqual(['Ana', 'Ana']);
    expect(call<State>(addon, 'getState').checkInName).toBe('Ana');
    const saved = addon.toState().sheets.find((x) => x.name === 'Check-ins') as {
      columnWidths?: Record<string, number>;
    };
    expect(saved.columnWidths?.['1']).toBeGreaterThanOrEqual(140);
  });

  it('archives values in their units and each objective final score, as the sidebar computed it', () => {
    const { o1, o2 } = quarterWithProgress(addon);
    const finals = call<State>(addon, 'getState').objectives.map((o) => [o.id, o.score]);
    call(addon, 'startNewQuarter', { closes: '2027-Q1', carry: 'unfinished' });
    const history = sheet('OKR History');
    const rows = records(addon, 'OKR History');
    expect(rows.map((r) => r['KR ID'])).toEqual([`${o1}.1`, `${o1}.2`, `${o1}.3`, `${o2}.1`]);
    // churn 8% → 5%, finished at 5%: shown as percents, not 0.08 / 0.05
    expect(history.getRange('F2:H2').getDisplayValues()).toEqual([
      [shown(locale, '8.0%'), shown(locale, '5.0%'), shown(locale, '5.0%')],
    ]);
    const objectiveScores = rows.map((r) => [r['Objective ID'], r['Objective score']]);
    expect(objectiveScores).toEqual([
      [o1, finals[0]![1]],
      [o1, finals[0]![1]],
      [o1, finals[0]![1]],
      [o2, finals[1]![1]],
    ]);
    expect(finals[0]![1]).toBeCloseTo((1 + 10 / 15 + 0) / 3, 9);
  });

  it("dresses the next quarter's sheets even when the copied sheets bring no validations or colours", () => {
    quarterWithProgress(addon);
    // what Sheet.copyTo brings along is undocumented: start from sheets that have none
    for (const name of ['2027-Q1 Objectives', '2027-Q1 Key Results']) {
      sheet(name).getDataRange().clearDataValidations();
      sheet(name).setConditionalFormatRules([]);
    }
    call(addon, 'startNewQuarter', { closes: '2027-Q1', carry: 'unfinished' });
    const kr = sheet('2027-Q2 Key Results');
    const obj = sheet('2027-Q2 Objectives');
    expect(kr.getRange('E2').getDataValidation()?.getHelpText()).toMatch(/^One of: auto, increase/);
    expect(kr.getRange('K2').getDataValidation()?.getHelpText()).toBe('0 to 10');
    expect(kr.getRange('B2').getDataValidation()?.getHelpText()).toBe(
      'An objective ID from 2027-Q2 Objectives',
    );
    expect(kr.getConditionalFormatRules()).toHaveLength(3);
    expect(obj.getConditionalFormatRules()).toHaveLength(3);
  });
});
