// KPIs read by their dates, tagged in a spreadsheet of each of three locales through the built bundle in the
// emulator: a row of a wide scorecard (dated by its header row), a newest-first tab, and one of several series
// stacked in a table with a year and a month column. The Latest and Previous formulas these write carry ranges
// and texts after the named range; they must parse and compute in every locale (`;` between arguments, shown as
// `,` in en_US), a key result that follows such a KPI must hold the same formula, and in de_DE the same formula
// as en_US writes it (`,` between arguments) must be a parse error, so the check can fail.
import { describe, expect, it } from 'vitest';
import type { KpiView } from '../../src/core/rpc';
import { call, clock, records, startAddon } from '../helpers/addon';
import { formulaIn, TEST_LOCALES, type TestLocale } from '../helpers/locales';

/** A decimal number as the locale's users type it: `24,4 %` in de_DE and fr_FR, `24.4%` in en_US. */
const written = (locale: TestLocale, n: number, percent = false) => {
  const text = locale === 'en_US' ? String(n) : String(n).replace('.', ',');
  return percent ? (locale === 'en_US' ? `${text}%` : `${text} %`) : text;
};
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function tabs(locale: TestLocale) {
  const w = (n: number, percent = false) => written(locale, n, percent);
  return [
    {
      name: 'Scorecard',
      rows: [
        ['Metric', 'Jan 2027', 'Feb 2027', 'Mar 2027'],
        ['New customers', '40', '52', '47'],
        ['Engagement rate', w(22.1, true), w(25.3, true), w(24.4, true)],
      ],
    },
    {
      name: 'Brent',
      rows: [
        ['Date', 'Brent price'],
        [day('2019-08-26'), w(58.64)],
        [day('2019-08-23'), w(59.34)],
        [day('2019-08-22'), w(60.05)],
        [day('2019-08-21'), w(60.3)],
      ],
    },
    {
      name: 'Traffic',
      rows: [
        ['Year', 'Month', 'Airport', 'Passengers'],
        ...[1, 2, 3, 4].flatMap((m) => [
          [2026, m, 'EWR', 490 + m * 10],
          [2026, m, 'JFK', 690 + m * 10],
        ]),
      ],
    },
  ];
}

function tagged(locale: TestLocale) {
  const addon = startAddon({ now: clock('2027-04-10T09:30:00Z'), locale });
  addon.replaceWorkbook(tabs(locale));
  const tag = (input: Record<string, unknown>) => call<KpiView>(addon, 'tagKpi', input);
  const views = [
    tag({ sheetName: 'Scorecard', row: 3, name: 'Engagement', betterWhen: 'higher' }),
    tag({ sheetName: 'Brent', valueColumn: 'Brent price', name: 'Brent', betterWhen: 'lower' }),
    tag({
      sheetName: 'Traffic',
      valueColumn: 'Passengers',
      series: 'EWR',
      name: 'EWR',
      betterWhen: 'higher',
    }),
  ];
  return { addon, views };
}

describe.each(TEST_LOCALES)('KPIs read by their dates in %s', (locale) => {
  const { addon, views } = tagged(locale);
  const kpis = addon.spreadsheet.getSheetByName('KPIs')!;
  const shown = (en: string) => formulaIn(locale, { en, comma: en.replaceAll(',', ';') });

  it('computes Latest and Previous by the dates: the newest month, the top row, the newest of the series', () => {
    expect(views.map((v) => [v.name, v.latest, v.previous])).toEqual([
      ['Engagement', 0.244, 0.253],
      ['Brent', 58.64, 59.34],
      ['EWR', 530, 520],
    ]);
    expect(records(addon, 'KPIs').map((r) => [r.Name, r.Latest, r.Previous])).toEqual([
      ['Engagement', 0.244, 0.253],
      ['Brent', 58.64, 59.34],
      ['EWR', 530, 520],
    ]);
  });

  it("writes formulas that parse in the locale, shown with the locale's separator", () => {
    expect(kpis.getRange('L2:M4').getFormulas()).toEqual([
      [
        shown("=OKR_KPI_LATEST(KPI_engagement,'Scorecard'!1:1)"),
        shown("=OKR_KPI_PREVIOUS(KPI_engagement,'Scorecard'!1:1,K2)"),
      ],
      [
        shown("=OKR_KPI_LATEST(KPI_brent,'Brent'!A2:A)"),
        shown("=OKR_KPI_PREVIOUS(KPI_brent,'Brent'!A2:A,K3)"),
      ],
      [
        shown(`=OKR_KPI_LATEST(KPI_ewr,'Traffic'!A2:B,"year+month",'Traffic'!C2:C,"EWR")`),
        shown(`=OKR_KPI_PREVIOUS(KPI_ewr,'Traffic'!A2:B,K4,"year+month",'Traffic'!C2:C,"EWR")`),
      ],
    ]);
    const errors = Object.entries(addon.view('KPIs').sheet.cells).filter(([, c]) => c.text === '#ERROR!');
    expect(errors).toEqual([]);
  });

  it('gives a key result that follows the stacked series the same formula, computing the same number', () => {
    call(addon, 'setUpQuarter', { quarter: '2027-Q2' });
    const { id } = call<{ id: string }>(addon, 'saveObjective', { title: 'Grow traffic' });
    call(addon, 'saveKeyResult', { objectiveId: id, title: 'EWR passengers', target: '600', kpiId: 'ewr' });
    const sheet = addon.spreadsheet.getSheetByName('2027-Q2 Key Results')!;
    expect(sheet.getRange('H2').getFormula()).toBe(
      shown(`=OKR_KPI_LATEST(KPI_ewr,'Traffic'!A2:B,"year+month",'Traffic'!C2:C,"EWR")`),
    );
    expect(records(addon, '2027-Q2 Key Results')[0]).toMatchObject({ Current: 530 });
  });
});

describe('in de_DE, a dated Latest formula as en_US writes it is refused where the add-on’s is accepted', () => {
  const { addon } = tagged('de_DE');
  let n = 0;
  const check = (formula: string) => {
    const sheet = addon.spreadsheet.insertSheet(`Check ${++n}`);
    sheet.getRange('A1').setFormula(formula);
    return {
      value: sheet.getRange('A1').getValue(),
      error: addon.view(sheet.getName()).sheet.cells.A1?.error,
    };
  };

  it('shows a parse error for `,` between arguments, and the newest EWR month for `;`', () => {
    const en = `=OKR_KPI_LATEST(KPI_ewr,'Traffic'!A2:B,"year+month",'Traffic'!C2:C,"EWR")`;
    expect(check(en)).toEqual({ value: '#ERROR!', error: 'Formula parse error.' });
    expect(check(en.replaceAll(',', ';'))).toMatchObject({ value: 530 });
  });
});
