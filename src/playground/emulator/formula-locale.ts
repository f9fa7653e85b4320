// Formulas as a spreadsheet's locale writes them, and the one form the emulator keeps. Sheets parses a formula
// in the spreadsheet's locale (core/locale.ts: the decimal mark, the argument and array-column separators) and
// shows it in whatever locale the spreadsheet has now. The emulator keeps every formula in one canonical syntax
// (en_US's: `1.5`, `SUM(1,2)`, `{1,2;3,4}`), which is what HyperFormula and the reference rewriting in
// formula.ts read; this module reads a formula written in a locale into that form (refusing what Sheets refuses
// there) and writes the canonical form back in a locale. Sources and assumptions: docs/EMULATOR.md, Locales.
import type { LocaleRules } from '../../core/locale';
import type { ConditionalRule } from './model';

/** The marks a formula is written with. */
interface Syntax {
  decimal: '.' | ',';
  argument: ',' | ';';
  arrayColumn: ',' | '\\';
  /** `;` between arguments is read as `,` (Sheets corrects it in every `,` locale). */
  semicolonArguments: boolean;
}

const CANONICAL: Syntax = { decimal: '.', argument: ',', arrayColumn: ',', semicolonArguments: false };

function syntaxOf(rules: LocaleRules): Syntax {
  return {
    decimal: rules.decimal,
    argument: rules.argumentSeparator,
    arrayColumn: rules.arrayColumnSeparator,
    semicolonArguments: rules.argumentSeparator === ',',
  };
}

/** The canonical syntax is en_US's: nothing to translate in the 28 or so locales written like it. */
function isCanonical(rules: LocaleRules): boolean {
  return rules.decimal === '.' && rules.argumentSeparator === ',' && rules.arrayColumnSeparator === ',';
}

const IDENTIFIER_START = /[\p{L}_$]/u;
const IDENTIFIER = /[\p{L}\p{N}_.$!]/u;
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

/**
 * Rewrites a formula from one syntax to another, or undefined when it does not parse in `from`: a separator
 * outside any parentheses or braces, a `,` that is no decimal mark where `,` is the decimal mark (`=SUM(A1,B1)`
 * in de_DE), a `.` between digits there (`=0.7`), a `\` outside an array literal or in a `,` locale, an
 * unclosed string. Strings and quoted sheet names are copied as they are.
 */
function translate(formula: string, from: Syntax, to: Syntax): string | undefined {
  const open: Array<'(' | '{'> = [];
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      for (;;) {
        if (j >= formula.length) return undefined;
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (IDENTIFIER_START.test(ch)) {
      // names, references and function names (A1, $B$2, Sheet1!C3, LOG10, ERROR.TYPE) hold no decimal mark
      let j = i + 1;
      while (j < formula.length && IDENTIFIER.test(formula[j]!)) j++;
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    // a number; one may start with its decimal mark (`,5`), but not right after a value (`A1,5` in de_DE)
    const afterValue = i > 0 && /[\p{L}\p{N}_.$)}"']/u.test(formula[i - 1]!);
    if (isDigit(ch) || (ch === from.decimal && isDigit(formula[i + 1]) && !afterValue)) {
      let j = i;
      while (isDigit(formula[j])) j++;
      let number = formula.slice(i, j);
      if (formula[j] === from.decimal && isDigit(formula[j + 1])) {
        let k = j + 1;
        while (isDigit(formula[k])) k++;
        number += to.decimal + formula.slice(j + 1, k);
        j = k;
      }
      const exponent = /^[eE][+-]?\d+/.exec(formula.slice(j));
      if (exponent) {
        number += exponent[0];
        j += exponent[0].length;
      }
      // `0.7` where the decimal mark is `,`: the point is no mark of this locale's numbers
      if (from.decimal === ',' && formula[j] === '.' && isDigit(formula[j + 1])) return undefined;
      out += number;
      i = j;
      continue;
    }
    const inside = open[open.length - 1];
    if (ch === '(' || ch === '{') open.push(ch);
    else if (ch === ')' || ch === '}') open.pop();
    else if (ch === ';') {
      if (inside === '{') out += ';';
      else if (inside === '(' && (from.argument === ';' || from.semicolonArguments)) out += to.argument;
      else return undefined;
      i++;
      continue;
    } else if (ch === ',') {
      // a `,` that was a decimal mark has been read with its number
      if (from.decimal === ',' || inside === undefined) return undefined;
      out += inside === '(' ? to.argument : to.arrayColumn;
      i++;
      continue;
    } else if (ch === '\\') {
      if (from.arrayColumn !== '\\' || inside !== '{') return undefined;
      out += to.arrayColumn;
      i++;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/**
 * A formula written in the spreadsheet's locale (typed, or written by setFormula/setValues), in the canonical
 * form; undefined when Sheets would show a parse error for it there. In en_US `=SUM(1;2)` reads as
 * `=SUM(1,2)`; in de_DE `=SUM(1;2)` reads as `=SUM(1,2)`, `=SUM(1,2)` as `=SUM(1.2)` and `=SUM(A1,B1)` not at all.
 */
export function readFormula(formula: string, rules: LocaleRules): string | undefined {
  return translate(formula, syntaxOf(rules), CANONICAL);
}

/** A canonical formula as the spreadsheet's locale shows it (getFormula, the formula bar). */
export function showFormula(canonical: string, rules: LocaleRules): string {
  if (isCanonical(rules)) return canonical;
  return translate(canonical, CANONICAL, syntaxOf(rules)) ?? canonical;
}

/** A conditional-format rule's criteria values as Apps Script returns them: a custom formula in the locale. */
export function shownRuleValues(rule: ConditionalRule, rules: LocaleRules): Array<string | number> {
  if (rule.criteria !== 'CUSTOM_FORMULA' || rule.unparsed) return [...rule.values];
  return rule.values.map((v, i) => (i === 0 ? showFormula(String(v), rules) : v));
}
