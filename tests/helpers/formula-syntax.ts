// HyperFormula configured to read formulas as Sheets does in two kinds of locale, for core's formula tests: a
// locale whose decimal mark is `.` (en_US; Sheets corrects `;` between arguments to `,` there, which here is
// HyperFormula taking `;`), and one whose decimal mark is `,` (de_DE: `;` between arguments, `0.7` a parse
// error, `SUM(1,2)` the one number 1.2). Array literals are not read in the second (HyperFormula cannot have
// `;` both between arguments and between rows); the emulator's locales cover them. Full double precision, as the
// emulator and Sheets keep it (HyperFormula would round results to 14 digits).
import type { ConfigParams } from 'hyperformula';

export const FORMULA_SYNTAXES: Array<[string, Partial<ConfigParams>]> = [
  ['a decimal-point locale (en_US)', { functionArgSeparator: ';', smartRounding: false }],
  [
    'a decimal-comma locale (de_DE)',
    {
      functionArgSeparator: ';',
      decimalSeparator: ',',
      thousandSeparator: ' ',
      arrayColumnSeparator: ';',
      arrayRowSeparator: '|',
      smartRounding: false,
    },
  ],
];
