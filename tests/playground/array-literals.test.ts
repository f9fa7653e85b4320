// Sheets' array literals hold live expressions: a header formula {"Score";OKR_SCORE(F2:F,…)} must recompute
// when the cells it reads change, as in Sheets (HyperFormula alone evaluates array literals only once).
import { expect, it } from 'vitest';
import { arrayLiteralsToStacks } from '../../src/playground/emulator/formula';
import { newAddon } from '../helpers/addon';

it('recomputes an array literal when the cells it reads change, and keeps the formula as written', () => {
  const addon = newAddon();
  const sheet = addon.spreadsheet.getSheets()[0]!;
  sheet.getRange('E1').setFormula('={"Score";OKR_SCORE(A2:A,B2:B,C2:C)}');
  sheet.getRange('A2:C3').setValues([
    [0, 10, 5],
    [0, 10, 7],
  ]);
  expect(sheet.getRange('E1:E3').getValues()).toEqual([['Score'], [0.5], [0.7]]);
  sheet.getRange('C2').setValue(9);
  expect(sheet.getRange('E2').getValue()).toBe(0.9);
  expect(sheet.getRange('E1').getFormula()).toBe('={"Score";OKR_SCORE(A2:A,B2:B,C2:C)}');
});

it('lays out rows and columns of literals as Sheets does', () => {
  const sheet = newAddon().spreadsheet.getSheets()[0]!;
  sheet.getRange('A1').setFormula('={1,2;3,4}');
  expect(sheet.getRange('A1:B2').getValues()).toEqual([
    [1, 2],
    [3, 4],
  ]);
  expect(arrayLiteralsToStacks('={"a;b","c,d"}')).toBe('=HSTACK("a;b","c,d")');
  expect(arrayLiteralsToStacks('=SUM({1;2})+LEN("{x}")')).toBe('=SUM(VSTACK(1,2))+LEN("{x}")');
});
