// Apps Script as it really behaves where it bites: a document lock that is not there, and a KPI's named range
// re-pointed without calling setNamedRange on a name that exists.
import { beforeEach, describe, expect, it } from 'vitest';
import { type Addon, call, clock, records, run, startAddon } from '../helpers/addon';

const MID_Q1 = '2027-02-14T10:00:00Z';
const weeks = (n: number) =>
  Array.from({ length: n }, (_, i) => [new Date(Date.UTC(2026, 9, 5) + i * 7 * 86_400_000), 70 - i]);

let addon: Addon;
beforeEach(() => {
  addon = startAddon({ now: clock(MID_Q1) });
  addon.replaceWorkbook([{ name: 'Support', rows: [['Week', 'Resolution time (h)'], ...weeks(12)] }]);
});

/** LockService.getDocumentLock() answering null, as Apps Script may. */
function noLock(a: Addon): void {
  run(a, 'LockService = { getDocumentLock: function () { return null; } }; 0');
}

describe('LockService.getDocumentLock() returns null', () => {
  it('an action says so in words and changes nothing, instead of failing with a TypeError', () => {
    call(addon, 'setUpQuarter', { quarter: '2027-Q1' });
    const before = JSON.stringify(addon.toState());
    noLock(addon);
    const result = addon.rpc('saveObjective', [{ title: 'Keep customers' }]);
    expect(result.ok).toBe(false);
    const error = 'error' in result ? result.error : '';
    expect(error).toMatch(
      /gave okr-sheets no document lock, so nothing was changed\. Reload the spreadsheet/,
    );
    expect(error).not.toMatch(/TypeError|null|undefined/);
    expect(JSON.stringify(addon.toState())).toBe(before);
  });

  it('reads still work; the repairs they would make wait for a lock', () => {
    call(addon, 'tagKpi', {
      sheetName: 'Support',
      valueColumn: 'Resolution time (h)',
      name: 'Resolution time',
      betterWhen: 'lower',
      target: 36,
    });
    addon.spreadsheet.getSheetByName('Support')!.setName('Support desk');
    noLock(addon);
    const views = call<Array<{ id: string; latest: number }>>(addon, 'listKpiViews');
    expect(views.map((k) => [k.id, k.latest])).toEqual([['resolution_time', 59]]);
    expect(records(addon, 'KPIs')[0]!['Source tab']).toBe('Support'); // not repaired without the lock
  });
});

describe("re-pointing a KPI's named range", () => {
  it('moves the existing named range (NamedRange.setRange) and never calls setNamedRange on its name again', () => {
    call(addon, 'tagKpi', {
      sheetName: 'Support',
      valueColumn: 'Resolution time (h)',
      name: 'Resolution time',
      betterWhen: 'lower',
      target: 36,
    });
    const support = addon.spreadsheet.getSheetByName('Support')!;
    const maxRows = support.getMaxRows();
    support.insertRowsAfter(maxRows, 5);
    addon.editCell('Support', `A${maxRows + 3}`, '1/4/2027'); // dated after the last week: the newest entry
    addon.editCell('Support', `B${maxRows + 3}`, '40');
    addon.counter.reset();
    call(addon, 'getState'); // the sidebar opening re-points the range to the grown tab
    const calls = addon.counter.snapshot();
    expect(calls['NamedRange.setRange']).toBe(1);
    expect(calls['Spreadsheet.setNamedRange']).toBeUndefined();
    expect(addon.spreadsheet.getNamedRanges().map((n) => n.getName())).toEqual(['KPI_resolution_time']);
    expect(addon.spreadsheet.getRangeByName('KPI_resolution_time')!.getA1Notation()).toBe(
      `B2:B${maxRows + 5}`,
    );
    expect(records(addon, 'KPIs')[0]!.Latest).toBe(40);
  });

  it('re-tagging the same column moves its range too', () => {
    const tag = (target: number) =>
      call(addon, 'tagKpi', {
        sheetName: 'Support',
        valueColumn: 'Resolution time (h)',
        name: 'Resolution time',
        betterWhen: 'lower',
        target,
      });
    tag(36);
    addon.counter.reset();
    tag(30);
    expect(addon.counter.snapshot()['Spreadsheet.setNamedRange']).toBeUndefined();
    expect(addon.spreadsheet.getNamedRanges().map((n) => n.getName())).toEqual(['KPI_resolution_time']);
    expect(records(addon, 'KPIs')[0]!.Target).toBe(30);
  });
});
