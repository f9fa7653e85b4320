// Every end-to-end flow in a spreadsheet of each of three locales, through the built bundle in the emulator:
// KPI tabs written as the locale's users write them are tagged with targets typed in the locale, a quarter is
// set up, OKRs are edited and checked in, the settings change, the next quarter starts. The add-on's formulas
// must parse and compute in all three, numbers typed as the locale writes them must be read, and the sheets
// must end up holding the same numbers whatever the locale. And in de_DE the formulas as en_US writes them
// (`,` between arguments, `0.7`) are refused, exactly where the add-on's own are accepted.
import { beforeAll, describe, expect, it } from 'vitest';
import type { KpiView, State } from '../../src/core/rpc';
import { type Addon, call, clock, records, startAddon, values } from '../helpers/addon';
import { formulaIn, TEST_LOCALES, type TestLocale, typed } from '../helpers/locales';

const MID_Q1 = '2027-02-14T10:00:00Z';
const WEEKS = 20;
/** Mondays from 2026-09-28 */
const week = (i: number) => new Date(Date.UTC(2026, 8, 28) + i * 7 * 86_400_000);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
/** churn in percent, two decimals: 5.00 … 6.14 */
const churn = (i: number) => Math.round((5 + i * 0.06) * 100) / 100;

/** The team's tabs, typed as the locale writes them: churn as `5,06 %` in de_DE and fr_FR, `5.06%` in en_US. */
function tabs(locale: TestLocale): Array<{ name: string; rows: unknown[][] }> {
  const percent = (p: number) => (locale === 'en_US' ? `${p}%` : `${String(p).replace('.', ',')} %`);
  return [
    {
      name: 'Churn',
      rows: [['Week', 'Churn rate'], ...range(WEEKS).map((i) => [week(i), percent(churn(i))])],
    },
    {
      name: 'Metrics',
      rows: [['Week', 'MRR'], ...range(WEEKS).map((i) => [week(i), 50_000 + i * 300])],
    },
  ];
}

/** The whole cycle as a team goes through it from the sidebar, with numbers typed as the locale writes them. */
function cycle(locale: TestLocale) {
  const t = (en: string) => typed(locale, en);
  const addon = startAddon({ now: clock(MID_Q1), locale });
  addon.replaceWorkbook(tabs(locale));
  const tagged = [
    call<KpiView>(addon, 'tagKpi', {
      sheetName: 'Churn',
      valueColumn: 'Churn rate',
      name: 'Churn',
      betterWhen: 'lower',
      target: t('5%'),
      warnAt: t('6%'),
    }),
    call<KpiView>(addon, 'tagKpi', {
      sheetName: 'Metrics',
      valueColumn: 'MRR',
      name: 'MRR',
      betterWhen: 'higher',
      unit: 'currency',
      target: t('$60,000'),
      warnAt: t('$50,000'),
    }),
  ];
  call(addon, 'setUpQuarter', { quarter: '2027-Q1' });
  const { id: o1 } = call<{ id: string }>(addon, 'saveObjective', { title: 'Keep customers' });
  call(addon, 'saveKeyResult', { objectiveId: o1, title: 'Churn', baseline: t('8%'), target: t('5%') });
  call(addon, 'saveKeyResult', { objectiveId: o1, title: 'MRR', target: t('$60,000'), kpiId: 'mrr' });
  call(addon, 'saveKeyResult', {
    objectiveId: o1,
    title: 'Deal size',
    baseline: t('$165,000'),
    target: t('$200,000'),
    weight: t('1.5'),
  });
  call(addon, 'checkIn', { krId: `${o1}.1`, value: t('6.5%'), confidence: 7 });
  call(addon, 'checkIn', { krId: `${o1}.3`, value: t('$180,000') });
  const midQuarter = {
    keyResults: records(addon, '2027-Q1 Key Results'),
    objectives: records(addon, '2027-Q1 Objectives'),
    kpis: records(addon, 'KPIs'),
    state: call<State>(addon, 'getState'),
    colours: addon.view('2027-Q1 Key Results').sheet.cells,
    kpiColours: addon.view('KPIs').sheet.cells,
    formulas: {
      score: addon.spreadsheet.getSheetByName('2027-Q1 Key Results')!.getRange('L1').getFormula(),
      previous: addon.spreadsheet.getSheetByName('KPIs')!.getRange('M2').getFormula(),
    },
  };
  call(addon, 'updateSettings', { scoring: { cap: t('1.5'), yellowFrom: t('30%'), greenFrom: t('60%') } });
  const afterSettings = records(addon, '2027-Q1 Key Results');
  call(addon, 'startNewQuarter', { carry: 'unfinished', targets: { [`${o1}.1`]: t('5.5%') } });
  return { addon, tagged, o1, midQuarter, afterSettings };
}

type Cycle = ReturnType<typeof cycle>;
const cycles = new Map<TestLocale, Cycle>();
const cycleIn = (locale: TestLocale) => {
  if (!cycles.has(locale)) cycles.set(locale, cycle(locale));
  return cycles.get(locale)!;
};

/** Every cell the add-on's sheets hold, but the check-in times: what a team reads off them. */
function holdings(a: Addon): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  for (const name of [
    'KPIs',
    '2027-Q1 Objectives',
    '2027-Q1 Key Results',
    '2027-Q2 Objectives',
    '2027-Q2 Key Results',
    'OKR History',
  ]) {
    out[name] = values(a, name).map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : v)));
  }
  out.checkIns = values(a, 'Check-ins').map((r) => r.slice(1));
  return out;
}

describe.each(TEST_LOCALES)('the cycle in %s', (locale) => {
  let c: Cycle;
  beforeAll(() => {
    c = cycleIn(locale);
  });

  it('tags KPIs from tabs written in the locale, with targets typed in it, and computes their health', () => {
    expect(c.tagged.map((k) => [k.id, k.unit, k.target, k.warnAt])).toEqual([
      ['churn', '%', 0.05, 0.06],
      ['mrr', 'currency', 60_000, 50_000],
    ]);
    const kpis = c.midQuarter.kpis.map((r) => [r.ID, r.Latest, r.Previous, r.Trend, r.Status]);
    expect(kpis[0]![1]).toBeCloseTo(churn(WEEKS - 1) / 100, 12);
    expect(kpis[0]![2]).toBeCloseTo(churn(WEEKS - 2) / 100, 12);
    expect(kpis.map((k) => [k[0], k[3], k[4]])).toEqual([
      ['churn', '↑', 'red'],
      ['mrr', '↑', 'yellow'],
    ]);
    // Trend coloured by whether the move is good: churn up is bad, MRR up is good (rule formulas with `;`)
    expect([c.midQuarter.kpiColours.N2?.color, c.midQuarter.kpiColours.N3?.color]).toEqual([
      '#c5221f',
      '#137333',
    ]);
    expect(c.midQuarter.formulas.previous).toBe(
      formulaIn(locale, {
        en: "=OKR_KPI_PREVIOUS(KPI_churn,'Churn'!A2:A,K2)",
        comma: "=OKR_KPI_PREVIOUS(KPI_churn;'Churn'!A2:A;K2)",
      }),
    );
  });

  it('scores and paces the quarter from numbers typed in the locale, and colours the scores', () => {
    const krs = c.midQuarter.keyResults;
    expect(krs.map((k) => [k.ID, k.Baseline, k.Target, k.Unit, k.Weight])).toEqual([
      ['O1.1', 0.08, 0.05, '%', ''],
      ['O1.2', 55_700, 60_000, '$', ''],
      ['O1.3', 165_000, 200_000, '$', 1.5],
    ]);
    expect(krs[0]!.Score).toBeCloseTo(0.5, 9); // 8% → 5%, now 6.5%
    expect(krs[1]!.Score).toBe(0); // follows MRR, still at its baseline
    expect(krs[2]!.Score).toBeCloseTo(15 / 35, 9);
    expect(krs.map((k) => k.Status)).toEqual(['On track', 'Off track', 'On track']);
    expect(c.midQuarter.objectives[0]!.Score).toBeCloseTo((0.5 + 0 + 1.5 * (15 / 35)) / 3.5, 9);
    expect(c.midQuarter.objectives[0]!['Key results']).toBe(3);
    expect([c.midQuarter.colours.L2?.background, c.midQuarter.colours.L3?.background]).toEqual([
      '#fce8b2',
      '#f4c7c3',
    ]);
    expect(c.midQuarter.formulas.score).toBe(
      formulaIn(locale, {
        en: '={"Score";OKR_SCORE(F2:F,G2:G,H2:H,E2:E,1)}',
        comma: '={"Score";OKR_SCORE(F2:F;G2:G;H2:H;E2:E;1)}',
      }),
    );
  });

  it('tells the sidebar the locale, so it can show and fill in numbers as the locale writes them', () => {
    expect(c.midQuarter.state.locale).toBe(locale);
    expect(c.midQuarter.state.objectives[0]!.keyResults[0]).toMatchObject({ baseline: 0.08, current: 0.065 });
  });

  it('changes the settings from numbers typed in the locale', () => {
    expect(c.afterSettings[2]!.Status).toBe('On track');
    expect(call(c.addon, 'getState') as State).toMatchObject({
      settings: { scoring: { cap: 1.5, yellowFrom: 0.3, greenFrom: 0.6 } },
    });
  });

  it('starts the next quarter with a target typed in the locale, the KPI still followed live', () => {
    const next = records(c.addon, '2027-Q2 Key Results');
    expect(next.map((k) => [k.ID, k.Baseline, k.Target, k.KPI])).toEqual([
      ['O1.1', 0.065, 0.055, ''],
      ['O1.2', 55_700, 60_000, 'mrr'],
      ['O1.3', 180_000, 200_000, ''],
    ]);
    const q2 = c.addon.spreadsheet.getSheetByName('2027-Q2 Key Results')!;
    // the KPI's Latest with its date column, as the locale shows it
    expect(q2.getRange('H3').getFormula()).toBe(
      formulaIn(locale, {
        en: "=OKR_KPI_LATEST(KPI_mrr,'Metrics'!A2:A)",
        comma: "=OKR_KPI_LATEST(KPI_mrr;'Metrics'!A2:A)",
      }),
    );
    expect(next[1]!.Current).toBe(55_700);
  });

  it('refuses a number written as another locale writes it, instead of reading it wrong', () => {
    const wrong = locale === 'en_US' ? '6,5%' : '6.5%';
    expect(() => call(c.addon, 'checkIn', { krId: 'O1.1', value: wrong })).toThrow(
      `check-in: value: "${wrong}" is not a number`,
    );
    expect(() =>
      call(c.addon, 'updateSettings', { scoring: { cap: locale === 'en_US' ? '1,5' : '1.5' } }),
    ).toThrow('is not a number');
  });

  it('writes no formula that fails to parse: no cell of its sheets shows a parse error', () => {
    for (const name of [
      'KPIs',
      '2027-Q1 Objectives',
      '2027-Q1 Key Results',
      '2027-Q2 Objectives',
      '2027-Q2 Key Results',
    ]) {
      const errors = Object.entries(c.addon.view(name).sheet.cells).filter(
        ([, cell]) => cell.text === '#ERROR!',
      );
      expect(errors, name).toEqual([]);
    }
  });

  it('leaves the sheets holding the same numbers as in en_US', () => {
    expect(holdings(c.addon)).toEqual(holdings(cycleIn('en_US').addon));
  });
});

describe("in de_DE, formulas as en_US writes them are refused where the add-on's are accepted", () => {
  // The add-on's formulas before they were written for every locale, and as it writes them now.
  const before = {
    score: '={"Score";OKR_SCORE(F2:F,G2:G,H2:H,E2:E,1)}',
    band: '=AND(ISNUMBER(A2),A2>=0.7)',
    status:
      '=ARRAYFORMULA(IF(A2:A4="","",IF(ISTEXT(A2:A4),"Error",IF(A2:A4>=1,"Done",IF(ROUND(A2:A4-0.7*MIN(1,MAX(0,(DATE(2027,2,14)-DATE(2027,1,1)+1)/(DATE(2027,3,31)-DATE(2027,1,1)+1))),9)>=0,"On track",IF(ROUND(A2:A4-0.4*MIN(1,MAX(0,(DATE(2027,2,14)-DATE(2027,1,1)+1)/(DATE(2027,3,31)-DATE(2027,1,1)+1))),9)>=0,"At risk","Off track"))))))',
  };
  const now = {
    score: '={"Score";OKR_SCORE(F2:F;G2:G;H2:H;E2:E;1)}',
    band: '=AND(ISNUMBER(A2);A2>=(7/10))',
    status:
      '=ARRAYFORMULA(IF(A2:A4="";"";IF(ISTEXT(A2:A4);"Error";IF(A2:A4>=1;"Done";IF(ROUND(A2:A4-(7/10)*MIN(1;MAX(0;(DATE(2027;2;14)-DATE(2027;1;1)+1)/(DATE(2027;3;31)-DATE(2027;1;1)+1)));9)>=0;"On track";IF(ROUND(A2:A4-(2/5)*MIN(1;MAX(0;(DATE(2027;2;14)-DATE(2027;1;1)+1)/(DATE(2027;3;31)-DATE(2027;1;1)+1)));9)>=0;"At risk";"Off track"))))))',
  };

  /** Each formula written by a script into a sheet of a spreadsheet in `locale`, and what the sheet reads. */
  function written(locale: TestLocale, formulas: typeof now) {
    const addon = startAddon({ now: clock(MID_Q1), locale });
    const sheet = addon.spreadsheet.insertSheet('Check');
    sheet.getRange('A1:A4').setValues([['Score'], [0.75], [0.1], [1]]);
    sheet.getRange('F1:H2').setValues([
      ['Baseline', 'Target', 'Current'],
      [0, 10, 5],
    ]);
    sheet.getRange('B1').setFormula(formulas.score);
    sheet.getRange('C2').setFormula(formulas.band);
    sheet.getRange('D2').setFormula(formulas.status);
    const cells = addon.view('Check').sheet.cells;
    return {
      score: sheet.getRange('B1:B2').getValues().flat(),
      band: sheet.getRange('C2').getValue(),
      status: sheet.getRange('D2:D4').getValues().flat(),
      errors: ['B1', 'C2', 'D2'].map((a1) => cells[a1]?.error ?? ''),
    };
  }

  it('shows a parse error for each formula as en_US writes it', () => {
    expect(written('de_DE', before)).toEqual({
      score: ['#ERROR!', ''],
      band: '#ERROR!',
      status: ['#ERROR!', '', ''],
      errors: ['Formula parse error.', 'Formula parse error.', 'Formula parse error.'],
    });
  });

  it('computes the same formulas written for every locale, in de_DE as in en_US', () => {
    for (const locale of ['de_DE', 'en_US'] as const) {
      expect(written(locale, now)).toEqual({
        score: ['Score', 0.5],
        band: true,
        status: ['On track', 'Off track', 'Done'],
        errors: ['', '', ''],
      });
    }
  });
});
