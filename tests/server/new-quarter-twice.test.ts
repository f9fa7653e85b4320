// "Start new quarter" repeated: a double click, a retried request or ten calls in a row must close one quarter,
// not one per call. Each call names the quarter it closes (what the user reviewed) and is refused once that
// quarter is no longer current; a call naming neither that nor the quarter to open is refused outright.
import { describe, expect, it } from 'vitest';
import { call, newAddon } from '../helpers/addon';
import { quarterWithProgress } from '../helpers/okrs';

const quarters = (a: ReturnType<typeof newAddon>) =>
  a.spreadsheet
    .getSheets()
    .map((s) => s.getName())
    .filter((n) => / Objectives$/.test(n))
    .sort();

describe('starting the next quarter twice', () => {
  it('ten identical calls naming the quarter they close open one quarter; the other nine change nothing', () => {
    const addon = newAddon();
    quarterWithProgress(addon);
    expect(call(addon, 'startNewQuarter', { closes: '2027-Q1', carry: 'unfinished' })).toMatchObject({
      quarter: '2027-Q2',
    });
    const after = JSON.stringify(addon.toState());
    for (let i = 0; i < 9; i++) {
      const r = addon.rpc('startNewQuarter', [{ closes: '2027-Q1', carry: 'unfinished' }]);
      expect(r).toEqual({
        ok: false,
        error:
          'InputError: new quarter: closes: 2027-Q1 is no longer the current quarter (2027-Q2 is); nothing was changed',
      });
    }
    expect(JSON.stringify(addon.toState())).toBe(after);
    expect(quarters(addon)).toEqual(['2027-Q1 Objectives', '2027-Q2 Objectives']);
  });

  it('a call naming neither the quarter it closes nor the one it opens is refused, naming the field', () => {
    const addon = newAddon();
    quarterWithProgress(addon);
    const before = JSON.stringify(addon.toState());
    const r = addon.rpc('startNewQuarter', [{ carry: 'unfinished' }]);
    expect(r.ok).toBe(false);
    expect('error' in r && r.error).toMatch(
      /^InputError: new quarter: closes: is required: name the quarter/,
    );
    expect(JSON.stringify(addon.toState())).toBe(before);
  });

  it('the sidebar names the quarter it opens: the same call again is refused as the current quarter', () => {
    const addon = newAddon();
    quarterWithProgress(addon);
    call(addon, 'startNewQuarter', { quarter: '2027-Q2', closes: '2027-Q1', carry: 'none' });
    const r = addon.rpc('startNewQuarter', [{ quarter: '2027-Q2', closes: '2027-Q1', carry: 'none' }]);
    expect(r.ok).toBe(false);
    expect(quarters(addon)).toEqual(['2027-Q1 Objectives', '2027-Q2 Objectives']);
  });

  it('the review changes nothing and needs no name', () => {
    const addon = newAddon();
    quarterWithProgress(addon);
    expect(call(addon, 'previewNewQuarter', { carry: 'unfinished' })).toMatchObject({
      from: '2027-Q1',
      to: '2027-Q2',
    });
  });
});
