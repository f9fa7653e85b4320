// Apps Script as it really behaves where it bites: a document lock that is not there.
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
