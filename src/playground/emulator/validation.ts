// Data validation: the rule builder, the rule a cell carries, and whether typed input passes it. Sheets enforces
// validation only for typing (Addon.editCell), never for scripts, and neither does the emulator.
import type * as Gas from '../../server/gas';
import { displayValue } from './cells';
import { isInt, signatureError } from './checks';
import { DataValidationCriteria } from './enums';
import { ApiError } from './errors';
import { parseInput } from './input';
import type { ValidationRule } from './model';
import { EmuRange, toGrid } from './range';
import type { Ctx } from './spreadsheet';
import type { Workbook } from './workbook';

function validationCriteriaValues(ctx: Ctx, v: ValidationRule): unknown[] {
  if (v.criteria === 'VALUE_IN_RANGE')
    return [v.range ? new EmuRange(ctx, v.range) : null, v.showDropdown ?? true];
  if (v.criteria === 'VALUE_IN_LIST')
    return [[...((v.values[0] as unknown[]) ?? [])], v.showDropdown ?? true];
  return [...v.values];
}

export class EmuDataValidation implements Gas.DataValidation {
  readonly gasClass = 'DataValidation';
  constructor(
    private readonly ctx: Ctx,
    readonly model: ValidationRule,
  ) {}
  getAllowInvalid(): boolean {
    return this.model.allowInvalid;
  }
  getCriteriaType(): Gas.DataValidationCriteria {
    return DataValidationCriteria[this.model.criteria] as unknown as Gas.DataValidationCriteria;
  }
  getCriteriaValues(): unknown[] {
    return validationCriteriaValues(this.ctx, this.model);
  }
  getHelpText(): string {
    return this.model.helpText ?? '';
  }
}

export class EmuDataValidationBuilder implements Gas.DataValidationBuilder {
  readonly gasClass = 'DataValidationBuilder';
  private model: ValidationRule = { criteria: '', values: [], allowInvalid: true };
  constructor(private readonly ctx: Ctx) {}

  requireValueInList(values: string[], showDropdown?: boolean): EmuDataValidationBuilder {
    if (!Array.isArray(values)) throw signatureError('DataValidationBuilder.requireValueInList', [values]);
    this.model = { ...this.model, criteria: 'VALUE_IN_LIST', values: [values.map(String)], range: undefined };
    this.model.showDropdown = showDropdown ?? true;
    return this;
  }
  requireValueInRange(range: Gas.Range, showDropdown?: boolean): EmuDataValidationBuilder {
    this.model = { ...this.model, criteria: 'VALUE_IN_RANGE', values: [], range: toGrid(range) };
    this.model.showDropdown = showDropdown ?? true;
    return this;
  }
  requireNumberBetween(start: number, end: number): EmuDataValidationBuilder {
    if (!isInt(start) || !isInt(end))
      throw signatureError('DataValidationBuilder.requireNumberBetween', [start, end]);
    this.model = { ...this.model, criteria: 'NUMBER_BETWEEN', values: [start, end], range: undefined };
    return this;
  }
  requireCheckbox(): EmuDataValidationBuilder {
    this.model = { ...this.model, criteria: 'CHECKBOX', values: [], range: undefined };
    return this;
  }
  setAllowInvalid(allowInvalidData: boolean): EmuDataValidationBuilder {
    this.model.allowInvalid = !!allowInvalidData;
    return this;
  }
  setHelpText(helpText: string): EmuDataValidationBuilder {
    this.model.helpText = String(helpText);
    return this;
  }
  getAllowInvalid(): boolean {
    return this.model.allowInvalid;
  }
  getCriteriaType(): Gas.DataValidationCriteria {
    return DataValidationCriteria[this.model.criteria] as unknown as Gas.DataValidationCriteria;
  }
  getCriteriaValues(): unknown[] {
    return validationCriteriaValues(this.ctx, this.model);
  }
  build(): EmuDataValidation {
    if (!this.model.criteria) throw new ApiError('You must specify criteria for the data validation rule.');
    return new EmuDataValidation(this.ctx, { ...this.model, values: [...this.model.values] });
  }
}

/** Whether a typed value passes a cell's validation. */
function passesValidation(wb: Workbook, v: ValidationRule, value: unknown): boolean {
  if (value === null || value === '') return true;
  switch (v.criteria) {
    case 'VALUE_IN_LIST':
      return ((v.values[0] as unknown[]) ?? []).some((x) => String(x) === String(value));
    case 'VALUE_IN_RANGE': {
      if (!v.range) return true;
      const r = wb.bounded(v.range);
      for (let i = 0; i < r.numRows; i++) {
        for (let j = 0; j < r.numColumns; j++) {
          if (displayValue(wb, r.sheet, r.row + i, r.column + j) === String(value)) return true;
        }
      }
      return false;
    }
    case 'NUMBER_BETWEEN':
      return typeof value === 'number' && value >= Number(v.values[0]) && value <= Number(v.values[1]);
    case 'CHECKBOX':
      return typeof value === 'boolean';
    default:
      return true;
  }
}

/** Why Sheets refuses a user typing `input` into a cell with this rule ("There was a problem: …"), or undefined. */
export function typingRefusal(wb: Workbook, v: ValidationRule, input: string): string | undefined {
  if (v.allowInvalid) return undefined;
  const parsed = parseInput(input, wb.rules);
  if (parsed.kind !== 'value' || passesValidation(wb, v, parsed.value)) return undefined;
  const why =
    v.helpText ||
    (v.criteria === 'VALUE_IN_LIST' || v.criteria === 'VALUE_IN_RANGE'
      ? 'Input must be an item on the specified list.'
      : 'Input must fall within specified range.');
  return `There was a problem: ${why}`;
}
