// The plan of "Check this spreadsheet…" and its judgement, with plain values: the typed scores cover every
// status on every day of a quarter, a parse error or an unknown function is reported with what to do, and no
// text read from the spreadsheet becomes markup in the report.
import { describe, expect, it } from 'vitest';
import { localeRules } from '../../src/core/locale';
import { quarterInfo } from '../../src/core/quarter';
import { DEFAULT_BANDS } from '../../src/core/score';
import { type SelfTestPlan, selfTestPlan } from '../../src/core/self-test';
import { selfTestHtml } from '../../src/core/self-test-html';
import { judgeSelfTest, type SelfTestReadings } from '../../src/core/self-test-report';

const Q1 = quarterInfo({ year: 2027, q: 1 }, 1);
const plan = (day: number, locale = 'en_US') =>
  selfTestPlan({
    sheetName: 'okr-sheets check',
    quarter: Q1,
    fiscalStartMonth: 1,
    scoring: { cap: 1, ...DEFAULT_BANDS },
    today: { year: 2027, month: 1, day },
    locale: localeRules(locale),
  });

/** The display a sheet would show if every expectation held. */
function displayOf(p: SelfTestPlan): string[][] {
  const d = p.grid.map((row) => row.map(() => 'Loading...'));
  for (const e of p.expectations) d[e.row - 1]![e.column - 1] = e.shown ?? 'Loading...';
  d[p.quarterStartCell.row - 1]![p.quarterStartCell.column - 1] = p.quarterStartCell.shows;
  return d;
}

const readings = (p: SelfTestPlan, display = displayOf(p)): SelfTestReadings => ({
  lock: 'held',
  locale: localeRules('en_US'),
  localeId: 'en_US',
  timeZone: 'Etc/UTC',
  display,
  quarterStartShown: p.quarterStartCell.shows,
  dateRead: { day: p.dateCell.day, quarter: p.dateCell.quarter },
});

describe('the self-test plan', () => {
  it.each([1, 2, 15, 31])('the typed scores show every status on day %i of January', (day) => {
    const statuses = plan(day)
      .expectations.filter((e) => e.what.startsWith('Key Results › Status for a score'))
      .map((e) => e.shown);
    expect(statuses).toEqual(['Done', 'On track', 'At risk', 'Off track', '', 'Error']);
  });

  it('writes each kind of formula the add-on writes', () => {
    const formulas = plan(15)
      .grid.flat()
      .filter((c): c is string => typeof c === 'string' && c.startsWith('='));
    for (const f of [
      'OKR_SCORE(',
      'OKR_ROLLUP(',
      'OKR_KPI_STATUS(',
      'OKR_KPI_LATEST(KPI_okr_sheets_check)',
      'OKR_KPI_PREVIOUS(',
      'COUNTIF(',
      'TODAY()',
      '=AND(ISNUMBER(',
      '=OR(AND(',
    ]) {
      expect(
        formulas.some((x) => x.includes(f)),
        f,
      ).toBe(true);
    }
    // the syntax every locale reads: no `,` between arguments, no decimal number
    expect(formulas.filter((x) => /,|\d\.\d/.test(x))).toEqual([]);
  });
});

describe('judging what was read back', () => {
  it('all as planned: every check passes', () => {
    const p = plan(15);
    const report = judgeSelfTest(p, {
      ...readings(p),
      functions: [],
      copy: {
        name: 'Copy of okr-sheets check',
        position: 3,
        tabs: 3,
        formulas: { original: [['=A1']], copy: [['=A1']] },
        numberFormats: { original: [['0%']], copy: [['0%']] },
        rules: { original: 3, copy: 3 },
        validation: { original: 'auto', copy: 'auto' },
      },
      protection: { warningOnly: true, description: 'okr-sheets: check', found: 1, left: 0 },
      cleanup: {
        tabs: { before: ['A'], after: ['A'] },
        namedRanges: { before: [], after: [] },
        properties: { before: {}, after: {} },
        activeSheet: { before: 'A', after: 'A' },
      },
    });
    expect(report.checks.filter((c) => c.status !== 'passed').map((c) => c.id)).toEqual([]);
    expect(report.passed).toBe(true);
  });

  it('a parse error names the formula and says what to do; an unknown function says another add-on may have it', () => {
    const p = plan(15);
    const score = p.expectations.find((e) => e.what === 'Key Results › Score')!;
    const broken = displayOf(p);
    broken[score.row - 1]![score.column - 1] = '#ERROR!';
    const formulas = judgeSelfTest(p, readings(p, broken)).checks.find((c) => c.id === 'formulas')!;
    expect(formulas.status).toBe('failed');
    expect(formulas.details).toEqual([`Key Results › Score shows #ERROR! (formula ${score.formula})`]);
    expect(formulas.todo).toMatch(/^Sheets cannot read okr-sheets’ formulas in the locale en_US/);

    broken[score.row - 1]![score.column - 1] = '#NAME?';
    const unknown = judgeSelfTest(p, readings(p, broken)).checks.find((c) => c.id === 'formulas')!;
    expect(unknown.todo).toMatch(/another add-on defines a function of the same name/);
  });

  it('a native formula computing otherwise than the sidebar fails the results check, naming the cell', () => {
    const p = plan(15);
    const status = p.expectations.find((e) => e.shown === 'At risk')!;
    const display = displayOf(p);
    display[status.row - 1]![status.column - 1] = 'Off track';
    const results = judgeSelfTest(p, readings(p, display)).checks.find((c) => c.id === 'results')!;
    expect(results.status).toBe('failed');
    expect(results.details).toEqual([`${status.what} shows "Off track", the sidebar "At risk"`]);
  });
});

describe('the report as HTML', () => {
  it('escapes every text read from the spreadsheet', () => {
    const p = plan(15);
    const display = displayOf(p);
    const status = p.expectations.find((e) => e.shown === 'Done')!;
    display[status.row - 1]![status.column - 1] = '<img src=x onerror="alert(1)">';
    const html = selfTestHtml(
      judgeSelfTest(p, { ...readings(p, display), timeZone: '</h1><script>alert(2)</script>' }),
    );
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=');
    expect(html).toContain('&lt;/h1&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    // the one handler in the page is the Close button's
    expect(html.match(/<[^>]*\son\w+=[^>]*>/g)).toEqual([
      '<button type="button" onclick="google.script.host.close()">',
    ]);
  });
});
