// The Check-ins log and OKR History only grow: a check-in and a new quarter append below their last row
// without reading the rows already there, so a check-in costs the same after five years of weekly check-ins.
import { describe, expect, it } from 'vitest';
import { EmuRange } from '../../src/playground/emulator/spreadsheet';
import { type Addon, call, newAddon } from '../helpers/addon';
import { seedOkrs } from '../helpers/okrs';

/** Rows each getValues returns on the sheet named `sheet` while `body` runs. */
function rowsRead(sheet: string, body: () => void): number[] {
  const read: number[] = [];
  const getValues = EmuRange.prototype.getValues;
  EmuRange.prototype.getValues = function (this: EmuRange) {
    const v = getValues.call(this);
    if (this.getSheet().getName() === sheet) read.push(v.length);
    return v;
  };
  try {
    body();
  } finally {
    EmuRange.prototype.getValues = getValues;
  }
  return read;
}

/** `n` more rows below a log's last, as years of use leave it; returns its last row after. */
function fillLog(a: Addon, name: string, n: number, row: (i: number) => unknown[]): number {
  const log = a.spreadsheet.getSheetByName(name)!;
  const first = log.getLastRow() + 1;
  const last = first + n - 1;
  // one spare row, for what a user types below the log
  if (log.getMaxRows() <= last) log.insertRowsAfter(log.getMaxRows(), last + 1 - log.getMaxRows());
  log.getRange(first, 1, n, row(0).length).setValues(Array.from({ length: n }, (_, i) => row(i)));
  return last;
}

describe('appending to a log', () => {
  it('a check-in reads only the header of a long Check-ins log and lands below its last row', {
    timeout: 60_000,
  }, () => {
    const a = newAddon();
    const o = seedOkrs(a);
    call(a, 'checkIn', { krId: `${o}.1`, value: '7%' });
    const last = fillLog(a, 'Check-ins', 1000, (i) => [
      new Date(Date.UTC(2026, 0, 1, 0, i)),
      '2026-Q4',
      'O9.1',
      i,
      5,
      'old',
    ]);
    // a note typed by hand below the log, in the last column only: never overwritten
    const log = a.spreadsheet.getSheetByName('Check-ins')!;
    log.getRange(last + 1, 6).setValue('typed by hand');
    const read = rowsRead('Check-ins', () =>
      call(a, 'checkIn', { krId: `${o}.2`, value: 40, note: 'fresh' }),
    );
    expect(read.length).toBeGreaterThan(0);
    expect(read.every((n) => n <= 1)).toBe(true);
    expect(log.getRange(last + 1, 6).getValue()).toBe('typed by hand');
    const row = log.getRange(last + 2, 1, 1, 6).getValues()[0]!;
    expect(row.slice(1)).toEqual(['2027-Q1', `${o}.2`, 40, '', 'fresh']);
  });

  it('a column the team added to the log keeps its place: the row is written by header', () => {
    const a = newAddon();
    const o = seedOkrs(a);
    call(a, 'checkIn', { krId: `${o}.1`, value: '7%' });
    const log = a.spreadsheet.getSheetByName('Check-ins')!;
    log.insertColumnsBefore(1, 1);
    log.getRange(1, 1).setValue('Reviewed');
    call(a, 'checkIn', { krId: `${o}.2`, value: 41 });
    expect(log.getRange(3, 1, 1, 7).getValues()[0]!.slice(2, 5)).toEqual(['2027-Q1', `${o}.2`, 41]);
    expect(log.getRange(3, 1).getValue()).toBe('');
  });

  it('a new quarter reads only the header of a long OKR History', { timeout: 60_000 }, () => {
    const a = newAddon();
    seedOkrs(a);
    call(a, 'startNewQuarter', { quarter: '2027-Q2', carry: 'all' });
    const last = fillLog(a, 'OKR History', 500, (i) => [
      '2020-Q1',
      `O${i + 1}`,
      'old',
      `O${i + 1}.1`,
      'old',
      0,
      1,
      1,
      1,
    ]);
    const read = rowsRead('OKR History', () =>
      call(a, 'startNewQuarter', { quarter: '2027-Q3', carry: 'all' }),
    );
    expect(read.length).toBeGreaterThan(0);
    expect(read.every((n) => n <= 1)).toBe(true);
    const history = a.spreadsheet.getSheetByName('OKR History')!;
    expect(history.getRange(last + 1, 1, 3, 1).getValues()).toEqual([['2027-Q2'], ['2027-Q2'], ['2027-Q2']]);
    expect(history.getLastRow()).toBe(last + 3);
  });
});
