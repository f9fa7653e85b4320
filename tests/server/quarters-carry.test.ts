// Closing a quarter before its end and carrying work over: the review says how many days are left, a carried
// key result may take a new title (its old one may name old numbers), and a milestone or yes/no key result
// carries without a meaningless new baseline or target. In each test locale.
import { beforeEach, describe, expect, it } from 'vitest';
import type { NewQuarterPreview } from '../../src/core/rpc';
import { type Addon, call, clock, records, startAddon } from '../helpers/addon';
import { TEST_LOCALES } from '../helpers/locales';

const MARCH_1 = '2027-03-01T10:00:00Z';

describe.each(TEST_LOCALES)('in %s', (locale) => {
  let addon: Addon;
  let o1 = '';
  beforeEach(() => {
    addon = startAddon({ now: clock(MARCH_1), locale });
    call(addon, 'setUpQuarter', { quarter: '2027-Q1' });
    o1 = call<{ id: string }>(addon, 'saveObjective', { title: 'Answer support faster' }).id;
    call(addon, 'saveKeyResult', {
      objectiveId: o1,
      title: 'Cut first response from 15 h to 12 h',
      baseline: '15 h',
      target: '12 h',
      current: '13 h',
    });
    call(addon, 'saveKeyResult', {
      objectiveId: o1,
      title: 'Finish 4 playbooks',
      type: 'milestone',
      target: 4,
      current: 2,
    });
    call(addon, 'saveKeyResult', { objectiveId: o1, title: 'Launch the help centre', type: 'yes/no' });
  });

  it('says how many days the closing quarter has left', () => {
    const preview = call<NewQuarterPreview>(addon, 'previewNewQuarter', { carry: 'unfinished' });
    expect({ daysLeft: preview.daysLeft, endsOn: preview.endsOn }).toEqual({
      daysLeft: 30,
      endsOn: '2027-03-31',
    });
  }, 60_000);

  it('carries a new title, and no new baseline or target where the type has none', () => {
    const preview = call<NewQuarterPreview>(addon, 'previewNewQuarter', { carry: 'unfinished' });
    expect(preview.objectives[0]!.keyResults.map((k) => [k.id, k.type, k.newBaseline])).toEqual([
      [`${o1}.1`, 'auto', 13],
      [`${o1}.2`, 'milestone', ''],
      [`${o1}.3`, 'yes/no', ''],
    ]);
    call(addon, 'startNewQuarter', {
      closes: '2027-Q1',
      carry: 'unfinished',
      titles: { [`${o1}.1`]: 'Cut first response from 13 h to 10 h' },
      targets: { [`${o1}.1`]: '10 h' },
    });
    const next = records(addon, '2027-Q2 Key Results');
    expect(next.map((k) => [k.ID, k['Key result'], k.Type, k.Baseline, k.Target])).toEqual([
      [`${o1}.1`, 'Cut first response from 13 h to 10 h', 'auto', 13, 10],
      [`${o1}.2`, 'Finish 4 playbooks', 'milestone', '', 4],
      [`${o1}.3`, 'Launch the help centre', 'yes/no', '', ''],
    ]);
  }, 60_000);

  it('refuses a title for a key result that is not in the quarter, changing nothing', () => {
    const before = JSON.stringify(addon.toState());
    expect(() =>
      call(addon, 'startNewQuarter', { closes: '2027-Q1', carry: 'unfinished', titles: { 'O9.1': 'x' } }),
    ).toThrow(/titles: "O9.1" is not a key result of this quarter/);
    expect(JSON.stringify(addon.toState())).toBe(before);
  }, 60_000);
});
