// "Start new quarter" is all or nothing: a failure at any write leaves the whole workbook exactly as it was
// (no new sheets, no history rows, no protections, settings unchanged), and the user is told.
import { beforeAll, expect, it } from 'vitest';
import type { WorkbookStateInput } from '../../src/playground/emulator';
import { type Addon, call, clock, startAddon } from '../helpers/addon';
import { quarterWithProgress } from '../helpers/okrs';

const now = clock('2027-03-30T10:00:00Z');
let seeded: WorkbookStateInput;

/**
 * Everything a user could see or a later action could read: the whole state but the emulator's counter for
 * the next developer-metadata ID (Sheets never reuses metadata IDs either; nobody can observe the counter).
 */
function observable(addon: Addon): string {
  const { nextMetadataId: _, ...rest } = addon.toState();
  return JSON.stringify(rest);
}
let changes = 0;

beforeAll(() => {
  const addon = startAddon({ now });
  quarterWithProgress(addon);
  // Small grids keep each of the many runs below quick; the behaviour does not depend on the grid's size.
  for (const sheet of addon.spreadsheet.getSheets()) sheet.deleteRows(41, sheet.getMaxRows() - 40);
  seeded = addon.toState();
  // a clean run, counting the document changes it makes
  const dry = startAddon({ now, state: seeded });
  dry.faults.clear();
  call(dry, 'startNewQuarter', { closes: '2027-Q1', carry: 'unfinished' });
  changes = dry.faults.changes();
}, 60_000);

it('makes a known number of changes when nothing fails', () => {
  expect(changes).toBeGreaterThan(10);
});

it('undoes everything when any single change fails', () => {
  const failures: string[] = [];
  for (let n = 1; n <= changes; n++) {
    const addon = startAddon({ now, state: seeded });
    const before = observable(addon);
    addon.faults.failOnChange(n);
    const result = addon.rpc('startNewQuarter', [{ closes: '2027-Q1', carry: 'unfinished' }]);
    expect(result.ok, `change ${n} should fail the action`).toBe(false);
    if (!result.ok && 'error' in result) {
      expect(result.error).toMatch(/starting 2027-Q2 failed and nothing was changed: .*injected failure/);
    }
    if (observable(addon) !== before) failures.push(`change ${n} left the workbook changed`);
  }
  expect(failures).toEqual([]);
}, 300_000);
