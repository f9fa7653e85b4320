// Formulas in the spreadsheet's locale, as Sheets reads them: in a decimal-comma locale (de_DE, fr_FR) `;`
// separates arguments and `,` is the decimal mark, so `=SUM(1,2)` is the one number 1.2 and `=IF(A1>0,1,2)` a
// parse error; every locale accepts `;` between arguments (en_US corrects it to `,`) and integer fractions (7/10).
// Formulas written by a script are read like typed ones; getFormula shows them as the locale writes them, and a
// locale change re-displays them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localeRules } from '../../src/core/locale';
import { readFormula, showFormula } from '../../src/playground/emulator/formula-locale';
import { newAddon } from '../helpers/addon';

function sheetIn(locale: string) {
  const addon = newAddon({ locale });
  return { addon, sheet: addon.spreadsheet.getSheets()[0]! };
}

/** What a formula computes in a locale, and how getFormula shows it there. */
function compute(locale: string, formula: string, a1 = 5) {
  const { sheet } = sheetIn(locale);
  sheet.getRange('A1').setValue(a1);
  sheet.getRange('B1').setFormula(formula);
  return { value: sheet.getRange('B1').getValue(), formula: sheet.getRange('B1').getFormula() };
}

describe('a `,` between arguments', () => {
  it('separates arguments in en_US', () => {
    expect(compute('en_US', '=SUM(1,2)').value).toBe(3);
    expect(compute('en_US', '=IF(A1>0,1,2)').value).toBe(1);
  });

  it.each(['de_DE', 'fr_FR'])(
    'is the decimal mark in %s: =SUM(1,2) is 1.2, =IF(A1>0,1,2) a parse error',
    (locale) => {
      expect(compute(locale, '=SUM(1,2)')).toEqual({ value: 1.2, formula: '=SUM(1,2)' });
      expect(compute(locale, '=IF(A1>0,1,2)')).toEqual({ value: '#ERROR!', formula: '=IF(A1>0,1,2)' });
      expect(compute(locale, '=SUM(A1,A1)').value).toBe('#ERROR!');
    },
  );

  it('shows Sheets’ parse error and message, and keeps the formula as written', () => {
    const { addon, sheet } = sheetIn('de_DE');
    sheet.getRange('B1').setFormula('=HYPERLINK("https://example.com","Beispiel")');
    expect(addon.view().sheet.cells.B1).toMatchObject({
      text: '#ERROR!',
      kind: 'error',
      error: 'Formula parse error.',
      formula: '=HYPERLINK("https://example.com","Beispiel")',
    });
  });
});

describe('what works in every locale', () => {
  it.each(['en_US', 'de_DE', 'fr_FR'])(
    '%s: `;` between arguments, integer fractions, array literals {a;b}',
    (locale) => {
      expect(compute(locale, '=SUM(1;2)').value).toBe(3);
      expect(compute(locale, '=IF(A1>0;7/10;4/10)').value).toBe(0.7);
      expect(compute(locale, '=IF(A1>0;7/10;4/10)', -1).value).toBe(0.4);
      const { sheet } = sheetIn(locale);
      sheet.getRange('C1').setFormula('={"Score";OKR_SCORE(8/100;5/100;55/1000)}');
      expect(sheet.getRange('C1').getValue()).toBe('Score');
      expect(sheet.getRange('C2').getValue()).toBeCloseTo(0.8333333333, 9);
    },
  );

  it('en_US corrects `;` between arguments to `,`, and keeps `;` between array rows', () => {
    expect(compute('en_US', '=IF(A1>0;{1;2};3)').formula).toBe('=IF(A1>0,{1;2},3)');
  });

  it('de_DE keeps `;` as it is written, and separates array columns with `\\`', () => {
    const { sheet } = sheetIn('de_DE');
    sheet.getRange('A1').setFormula('={1\\2;3\\4}');
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(sheet.getRange('A1').getFormula()).toBe('={1\\2;3\\4}');
    expect(compute('de_DE', '=SUM(1;2)').formula).toBe('=SUM(1;2)');
  });
});

describe('decimal literals', () => {
  it('0,7 is 0.7 in de_DE and fr_FR; 0.7 is 0.7 in en_US', () => {
    expect(compute('de_DE', '=A1*0,7').value).toBe(3.5);
    expect(compute('fr_FR', '=A1*0,7').value).toBe(3.5);
    expect(compute('en_US', '=A1*0.7').value).toBe(3.5);
  });

  it('0.7 in a decimal-comma locale is a parse error (undocumented; assumed), and 0,7 one in en_US', () => {
    expect(compute('de_DE', '=A1*0.7').value).toBe('#ERROR!');
    expect(compute('fr_FR', '=A1>=0.7').value).toBe('#ERROR!');
    expect(compute('en_US', '=0,7').value).toBe('#ERROR!');
  });
});

describe('formulas written by a script and a locale change', () => {
  it('setValues and setFormulas read formulas in the locale, as typing does', () => {
    const { addon, sheet } = sheetIn('de_DE');
    sheet.getRange('A1:C1').setValues([[2, '=SUM(A1;1,5)', '=SUM(A1,5)']]);
    sheet.getRange('D1:E1').setFormulas([['=A1*0,5', '=A1*0.5']]);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([[2, 3.5, '#ERROR!', 1, '#ERROR!']]);
    expect(addon.editCell('Sheet1', 'F1', '=ROUND(A1;0)')).toEqual({ ok: true });
    expect(sheet.getRange('F1').getValue()).toBe(2);
  });

  it('a formula keeps its meaning when the locale changes, and shows in the new locale', () => {
    const { addon, sheet } = sheetIn('en_US');
    sheet.getRange('A1').setFormula('=IF(B1>0.5,{1,2.5;3,4},0)');
    const before = sheet.getRange('A1:B2').getValues();
    addon.spreadsheet.setSpreadsheetLocale('de_DE');
    expect(addon.spreadsheet.getSpreadsheetLocale()).toBe('de_DE');
    expect(sheet.getRange('A1').getFormula()).toBe('=IF(B1>0,5;{1\\2,5;3\\4};0)');
    expect(sheet.getRange('A1:B2').getValues()).toEqual(before);
    addon.spreadsheet.setSpreadsheetLocale('fr_FR');
    addon.spreadsheet.setSpreadsheetLocale('en_US');
    expect(sheet.getRange('A1').getFormula()).toBe('=IF(B1>0.5,{1,2.5;3,4},0)');
  });

  it('a formula that did not parse stays as written in every locale', () => {
    const { addon, sheet } = sheetIn('de_DE');
    sheet.getRange('A1').setFormula('=SUM(1.5;2)');
    addon.spreadsheet.setSpreadsheetLocale('en_US');
    expect(sheet.getRange('A1').getFormula()).toBe('=SUM(1.5;2)');
    expect(sheet.getRange('A1').getValue()).toBe('#ERROR!');
  });

  it('setFormula on a range moves references per cell in a `;` locale', () => {
    const { sheet } = sheetIn('fr_FR');
    sheet.getRange('A1:A2').setValues([[1], [2]]);
    sheet.getRange('B1:B2').setFormula('=SUM(A1;0,5)');
    expect(sheet.getRange('B1:B2').getFormulas()).toEqual([['=SUM(A1;0,5)'], ['=SUM(A2;0,5)']]);
    expect(sheet.getRange('B1:B2').getValues()).toEqual([[1.5], [2.5]]);
  });

  it('conditional-format formulas are read in the locale too; one that does not parse colours nothing', () => {
    const { addon, sheet } = sheetIn('de_DE');
    sheet.getRange('A1:A2').setValues([[0.8], [0.2]]);
    const app = addon.app;
    const green = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=AND(ISNUMBER(A1);A1>=0,7)')
      .setBackground('#b7e1cd')
      .setRanges([sheet.getRange('A1:A2')])
      .build();
    const broken = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=AND(ISNUMBER(A1),A1<0.4)')
      .setBackground('#f4c7c3')
      .setRanges([sheet.getRange('A1:A2')])
      .build();
    sheet.setConditionalFormatRules([broken, green]);
    const cells = addon.view().sheet.cells;
    expect([cells.A1?.background, cells.A2?.background]).toEqual(['#b7e1cd', undefined]);
    addon.spreadsheet.setSpreadsheetLocale('en_US');
    const values = sheet
      .getConditionalFormatRules()
      .map((r) => r.getBooleanCondition()!.getCriteriaValues()[0]);
    expect(values).toEqual(['=AND(ISNUMBER(A1),A1<0.4)', '=AND(ISNUMBER(A1),A1>=0.7)']);
  });
});

describe('readFormula and showFormula', () => {
  const decimalComma = localeRules('de_DE');
  it('give back every canonical formula unchanged through each locale of the table', () => {
    const atom = fc.oneof(
      fc.constantFrom('A1', '$B$2', "'My sheet'!C3:C", 'Sheet1!A:A', '"a,b;c"', 'TRUE', '7/10', '2:5'),
      fc.double({ min: 0, max: 1e6, noNaN: true }).map((x) => String(Math.round(x * 1000) / 1000)),
    );
    const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small' },
        atom,
        fc.tuple(tie('e'), tie('e')).map(([a, b]) => `${a}+${b}`),
        fc.array(tie('e'), { minLength: 1, maxLength: 3 }).map((xs) => `SUM(${xs.join(',')})`),
        fc
          .array(fc.array(tie('e'), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 })
          .map((rows) => `{${rows.map((r) => r.join(',')).join(';')}}`),
      ),
    })).e;
    fc.assert(
      fc.property(expr, fc.constantFrom('en_US', 'de_DE', 'fr_FR', 'de_CH', 'hi_IN', 'tr_TR'), (e, id) => {
        const canonical = `=${e}`;
        const shown = showFormula(canonical, localeRules(id));
        expect(readFormula(shown, localeRules(id))).toBe(canonical);
      }),
    );
  });

  it('copy strings and quoted sheet names as they are', () => {
    expect(showFormula(`=IF('Q1, 2027'!A1>1.5,"1,5;x",2)`, decimalComma)).toBe(
      `=IF('Q1, 2027'!A1>1,5;"1,5;x";2)`,
    );
  });
});
