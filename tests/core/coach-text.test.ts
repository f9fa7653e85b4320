// How the coach reads a title (numbers, "from A to B", direction, tasks, keep phrases, bare metrics), and the
// shape of the word lists a new language must keep: folded phrases, one meaning each.
import { describe, expect, it } from 'vitest';
import { mentions, readTitle, searchable, wordsOf } from '../../src/core/coach-text';
import { COACH_LANGUAGES, COACH_WORDS, type CoachWords } from '../../src/core/coach-words';
import { foldText } from '../../src/core/locale-words';

describe('numbers in a title', () => {
  it.each<[string, boolean, boolean]>([
    // title, has a number, has an amount (what makes an objective a number)
    ['Increase revenue by 10%', true, true],
    ['Revenue $2M', true, true],
    ['Reach 10,000 paying customers', true, true],
    ['Grow 3x', true, true],
    ['Open in 3 new markets', true, false],
    ['Be a top 3 player in DACH', true, false],
    ['Hire three engineers', true, false],
    ['Win the 2027 season', false, false],
    ['Ship v2 of the app in Q3', false, false],
    ['Make onboarding effortless', false, false],
  ])('"%s": number %s, amount %s', (title, hasNumber, hasAmount) => {
    expect(readTitle(title)).toMatchObject({ hasNumber, hasAmount });
  });

  it('reads "from A to B" with scales, grouping and arrows, and a few words between', () => {
    expect(readTitle('Reduce churn from 8% to 5%').fromTo).toEqual({ from: 8, to: 5 });
    expect(readTitle('MRR from $150k to $1.2M').fromTo).toEqual({ from: 150_000, to: 1_200_000 });
    expect(readTitle('Raise NPS from 35 points to 50').fromTo).toEqual({ from: 35, to: 50 });
    expect(readTitle('Weekly active teams 1,200 → 2,000').fromTo).toEqual({ from: 1200, to: 2000 });
    expect(readTitle('Cut time to hire from 40 to 30 days').fromTo).toEqual({ from: 40, to: 30 });
    expect(readTitle('Move from Heroku to AWS').fromTo).toBeUndefined();
  });
});

describe('what a title says', () => {
  it('which way its words move the number: not when they compare, nor when they say both ways', () => {
    expect(readTitle('Reduce churn from 8% to 5%').direction).toEqual({ way: 'down', word: 'reduce' });
    expect(readTitle('Churn reduced to 5%').direction).toEqual({ way: 'down', word: 'reduced' });
    expect(readTitle('Trial-to-paid conversion rises from 4% to 7%').direction).toEqual({
      way: 'up',
      word: 'rises',
    });
    expect(readTitle('Grow weekly active teams').direction).toEqual({ way: 'up', word: 'grow' });
    expect(readTitle('Bring down response time').direction).toEqual({ way: 'down', word: 'bring down' });
    expect(readTitle('Improve response time from 4h to 2h').direction).toBeUndefined();
    expect(readTitle('Churn lower than 3%').direction).toBeUndefined();
    expect(readTitle('Grow revenue while cutting costs').direction).toBeUndefined();
  });

  it('a task: a task verb first (a phrase too), or a done word last', () => {
    for (const t of [
      'Launch a new onboarding flow',
      'Set up SSO',
      'Roll out pricing',
      'New pricing page live',
    ]) {
      expect(readTitle(t).task).toBe(true);
    }
    for (const t of ['90% of new accounts finish onboarding', 'App installs from 2k to 5k', 'Run rate $2M']) {
      expect(readTitle(t).task).toBe(false);
    }
  });

  it('a number to keep, a threshold, a bare metric', () => {
    expect(readTitle('Keep uptime at 99.9%')).toMatchObject({ keep: true, change: false });
    expect(readTitle('Uptime stays at 99.9%')).toMatchObject({ keep: true });
    expect(readTitle('Customers stay 30% longer')).toMatchObject({ keep: false, change: true });
    expect(readTitle('Uptime 99.9% or higher')).toMatchObject({
      threshold: true,
      change: false,
      metricOnly: true,
    });
    expect(readTitle('Churn rate 5%')).toMatchObject({ metricOnly: true, threshold: false });
    expect(readTitle('App installs 10,000')).toMatchObject({ metricOnly: true });
    expect(readTitle('50 new customers')).toMatchObject({ metricOnly: false, change: true });
    expect(readTitle('Grow MRR')).toMatchObject({ metricPhrase: true, metricOnly: false });
    expect(readTitle('Grow our presence in Germany')).toMatchObject({ metricPhrase: false });
  });

  it('reads accents and case as the word lists are written', () => {
    expect(readTitle('RÉDUCE Churn FROM 8% TO 5%')).toMatchObject({
      direction: { way: 'down' },
      fromTo: { from: 8, to: 5 },
    });
    expect(readTitle('')).toMatchObject({ blank: true, task: false, hasNumber: false, metricOnly: false });
  });
});

describe('mentions', () => {
  it('finds a name as whole words, an ID with underscores as words', () => {
    const texts = searchable(
      ['Reduce churn rate from 8% to 5%', 'Aligns to net_revenue'].map((t) => wordsOf(t)),
    );
    expect(mentions(texts, wordsOf('Churn rate'))).toBe(true);
    expect(mentions(texts, wordsOf('net_revenue'))).toBe(true);
    expect(mentions(texts, wordsOf('Churn'))).toBe(true);
    expect(mentions(texts, wordsOf('rate from 8'))).toBe(true);
    expect(mentions(texts, wordsOf('urn'))).toBe(false);
    expect(mentions(texts, wordsOf('5% to aligns'))).toBe(false); // never across two texts
    expect(mentions(texts, wordsOf(''))).toBe(false);
  });
});

describe('the word lists', () => {
  const classifying: Array<keyof CoachWords> = [
    'taskVerbs',
    'upWords',
    'downWords',
    'changeWords',
    'comparisonWords',
    'keepWords',
    'thresholds',
    'metrics',
    'fillers',
    'numberWords',
    'rankWords',
    'from',
    'to',
  ];

  it.each(COACH_LANGUAGES)('%s: every phrase is folded, trimmed and single-spaced', (language) => {
    const words = COACH_WORDS[language];
    for (const key of [...classifying, 'doneWords' as const]) {
      for (const phrase of words[key] as readonly string[]) {
        expect(phrase, `${key}: ${phrase}`).toBe(foldText(phrase).trim().replace(/\s+/g, ' '));
        expect(phrase.length).toBeGreaterThan(0);
      }
    }
  });

  it.each(COACH_LANGUAGES)(
    '%s: a phrase has one meaning (it is in one list that sorts words)',
    (language) => {
      const words = COACH_WORDS[language];
      const lists = new Map<string, string[]>();
      for (const key of classifying) {
        for (const phrase of words[key] as readonly string[])
          lists.set(phrase, [...(lists.get(phrase) ?? []), key]);
      }
      expect(
        [...lists].filter(([, in_]) => in_.length > 1).map(([p, in_]) => `${p}: ${in_.join(', ')}`),
      ).toEqual([]);
    },
  );
});
