// Conditional formats: the rule builder, a built rule and its boolean condition (criteria, colours, ranges). A
// custom formula is read in the spreadsheet's locale when given, as a cell's formula is (formula-locale.ts), and
// shown in the locale the spreadsheet has when read back. How rules colour the grid is view.ts.
import type * as Gas from '../../server/gas';
import { signatureError } from './checks';
import { normalizeColor } from './colors';
import { BooleanCriteria } from './enums';
import { ApiError, NotEmulated } from './errors';
import { readFormula, shownRuleValues } from './formula-locale';
import type { ConditionalRule } from './model';
import { EmuRange, toGrid } from './range';
import type { Ctx } from './spreadsheet';

export class EmuBooleanCondition implements Gas.BooleanCondition {
  readonly gasClass = 'BooleanCondition';
  constructor(
    private readonly ctx: Ctx,
    private readonly model: ConditionalRule,
  ) {}
  getBackground(): string | null {
    return this.model.background;
  }
  getFontColor(): string | null {
    return this.model.fontColor;
  }
  getCriteriaType(): Gas.BooleanCriteria {
    return BooleanCriteria[this.model.criteria] as unknown as Gas.BooleanCriteria;
  }
  getCriteriaValues(): unknown[] {
    return shownRuleValues(this.model, this.ctx.wb.rules);
  }
}

export class EmuConditionalFormatRule implements Gas.ConditionalFormatRule {
  readonly gasClass = 'ConditionalFormatRule';
  constructor(
    private readonly ctx: Ctx,
    readonly model: ConditionalRule,
  ) {}
  getRanges(): EmuRange[] {
    return this.model.ranges.map((r) => new EmuRange(this.ctx, r));
  }
  getBooleanCondition(): EmuBooleanCondition | null {
    return new EmuBooleanCondition(this.ctx, this.model);
  }
}

export class EmuConditionalFormatRuleBuilder implements Gas.ConditionalFormatRuleBuilder {
  readonly gasClass = 'ConditionalFormatRuleBuilder';
  private model: ConditionalRule = {
    ranges: [],
    criteria: '',
    values: [],
    background: null,
    fontColor: null,
  };
  constructor(private readonly ctx: Ctx) {}

  private when(criteria: string, values: Array<string | number>): EmuConditionalFormatRuleBuilder {
    this.model = { ...this.model, criteria, values, unparsed: undefined };
    return this;
  }
  whenTextEqualTo(text: string): EmuConditionalFormatRuleBuilder {
    return this.when('TEXT_EQUAL_TO', [String(text)]);
  }
  whenNumberLessThan(number: number): EmuConditionalFormatRuleBuilder {
    return this.when('NUMBER_LESS_THAN', [Number(number)]);
  }
  whenNumberGreaterThanOrEqualTo(number: number): EmuConditionalFormatRuleBuilder {
    return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [Number(number)]);
  }
  whenNumberBetween(start: number, end: number): EmuConditionalFormatRuleBuilder {
    return this.when('NUMBER_BETWEEN', [Number(start), Number(end)]);
  }
  /** A formula that does not parse in the locale is kept as written and matches no cell (assumed). */
  whenFormulaSatisfied(formula: string): EmuConditionalFormatRuleBuilder {
    if (typeof formula !== 'string' || !formula.startsWith('=')) {
      throw new ApiError('Invalid argument: formula');
    }
    const canonical = readFormula(formula, this.ctx.wb.rules);
    this.when('CUSTOM_FORMULA', [canonical ?? formula]);
    this.model.unparsed = canonical === undefined ? true : undefined;
    return this;
  }
  setBackground(color: string | null): EmuConditionalFormatRuleBuilder {
    this.model.background = normalizeColor(color);
    return this;
  }
  setFontColor(color: string | null): EmuConditionalFormatRuleBuilder {
    this.model.fontColor = normalizeColor(color);
    return this;
  }
  setRanges(ranges: Gas.Range[]): EmuConditionalFormatRuleBuilder {
    if (!Array.isArray(ranges)) throw signatureError('ConditionalFormatRuleBuilder.setRanges', [ranges]);
    this.model.ranges = ranges.map(toGrid);
    return this;
  }
  getRanges(): EmuRange[] {
    return this.model.ranges.map((r) => new EmuRange(this.ctx, r));
  }
  build(): EmuConditionalFormatRule {
    if (!this.model.criteria)
      throw new NotEmulated('ConditionalFormatRuleBuilder.build() without a condition');
    return new EmuConditionalFormatRule(this.ctx, { ...this.model, ranges: [...this.model.ranges] });
  }
}
