// The same contract through the built dist/Code.js: the bundle is what ships.
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../helpers/bundle';
import { zoneStandins } from '../helpers/standins';

const g = loadBundle(zoneStandins('Etc/UTC'));

describe('custom functions in dist/Code.js', () => {
  it.each([
    ['churn 8% → 5% at 5.5%', 0.08, 0.05, 0.055, 0.8333333333],
    ['NPS 35 → 55 at 45', 35, 55, 45, 0.5],
    ['DAU 10,000 → 25,000 at 25,000', 10_000, 25_000, 25_000, 1],
    ['support 72 h → 36 h at 80 h', 72, 36, 80, 0],
    ['onboarding 7 → 3 days at 3', 7, 3, 3, 1],
  ])('OKR_SCORE: %s', (_, b, t, c, expected) => {
    expect(g.OKR_SCORE(b, t, c)).toBeCloseTo(expected, 9);
  });

  it('OKR_SCORE errors name the function, the argument and the value', () => {
    expect(() => g.OKR_SCORE(0, 10, 'abc')).toThrow('OKR_SCORE: current "abc" is not a number');
    expect(g.OKR_SCORE([[0], [0]], [[10], [10]], [[5], ['abc']])).toEqual([
      [0.5],
      ['#ERROR: current "abc" is not a number'],
    ]);
  });

  it('OKR_ROLLUP, OKR_BAND, OKR_KPI_LATEST, OKR_KPI_STATUS', () => {
    expect(g.OKR_ROLLUP([['O1']], [['O1'], ['O1']], [[0.4], [0.8]])).toEqual([[0.6]]);
    expect(g.OKR_BAND([[0.39], [0.4], [0.7]])).toEqual([['red'], ['yellow'], ['green']]);
    expect(g.OKR_KPI_LATEST([[1], [2], ['']])).toBe(2);
    expect(g.OKR_KPI_STATUS(0.08, 0.05, 0.06, 'lower')).toBe('red');
  });
});

describe('quarter functions read dates in the spreadsheet time zone', () => {
  const midnightIn = (zone: string, iso: string) => {
    // find the instant whose local day starts at iso in that zone
    const s = zoneStandins(zone);
    const utc = Date.parse(`${iso}T00:00:00Z`);
    const off = s.Utilities.formatDate(new Date(utc), zone, 'Z');
    const sign = off.startsWith('-') ? -1 : 1;
    return new Date(utc - sign * (Number(off.slice(1, 3)) * 60 + Number(off.slice(3, 5))) * 60_000);
  };

  it.each([
    'Pacific/Honolulu',
    'America/New_York',
    'Etc/UTC',
    'Asia/Tokyo',
    'Pacific/Auckland',
    'Pacific/Kiritimati',
  ])('in %s, 1 January is Q1 and OKR_QUARTER_START gives local midnight', (zone) => {
    const z = loadBundle(zoneStandins(zone));
    expect(z.OKR_QUARTER(midnightIn(zone, '2027-01-01'))).toBe('2027-Q1');
    expect(z.OKR_QUARTER(midnightIn(zone, '2026-12-31'))).toBe('2026-Q4');
    const start: Date = z.OKR_QUARTER_START('2027-Q1');
    expect(start.getTime()).toBe(midnightIn(zone, '2027-01-01').getTime());
    const end: Date = z.OKR_QUARTER_END('2027-Q1', 4);
    expect(end.getTime()).toBe(midnightIn(zone, '2026-06-30').getTime());
  });

  it.each(['Pacific/Honolulu', 'Etc/UTC', 'Pacific/Auckland'])(
    'in %s, OKR_KPI_PREVIOUS goes back one period by the local calendar',
    (zone) => {
      const z = loadBundle(zoneStandins(zone));
      const days = ['2027-01-31', '2027-02-28', '2027-03-07', '2027-03-31'].map((d) => [midnightIn(zone, d)]);
      const values = [[1], [2], [3], [4]];
      expect(z.OKR_KPI_PREVIOUS(values, days, 'monthly')).toBe(2); // a month before 31 March is 28 February
      expect(z.OKR_KPI_PREVIOUS(values, days, 'weekly')).toBe(3);
      expect(z.OKR_KPI_PREVIOUS(values, days, '')).toBe(3);
      expect(z.OKR_KPI_PREVIOUS(values)).toBe(3);
      expect(() => z.OKR_KPI_PREVIOUS(values, days, 'fortnightly')).toThrow(
        'OKR_KPI_PREVIOUS: cadence "fortnightly" must be one of "daily", "weekly", "monthly", "quarterly"',
      );
      expect(() => z.OKR_KPI_PREVIOUS([[1, 2]], days, 'weekly')).toThrow(
        'OKR_KPI_PREVIOUS: dates of a row of values must be a row: got 4 rows',
      );
      expect(() =>
        z.OKR_KPI_PREVIOUS(
          [
            [1, 2],
            [3, 4],
          ],
          days,
          'weekly',
        ),
      ).toThrow('OKR_KPI_PREVIOUS: values must be a single column or a single row, got 2 rows of 2 columns');
    },
  );

  it('OKR_QUARTER takes a column and a fiscal start month', () => {
    const dates = [[new Date(Date.UTC(2026, 4, 15))], [''], [new Date(Date.UTC(2027, 3, 1))]];
    expect(g.OKR_QUARTER(dates, 4)).toEqual([['2027-Q1'], [''], ['2028-Q1']]);
    expect(g.OKR_QUARTER([['soon'], ['']])).toEqual([['#ERROR: date "soon" is not a date'], ['']]);
    expect(() => g.OKR_QUARTER_START('2027-Q9')).toThrow(
      'OKR_QUARTER_START: label "2027-Q9" is not a quarter like "2027-Q1"',
    );
  });
});
