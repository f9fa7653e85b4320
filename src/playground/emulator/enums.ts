// Apps Script enums are objects whose text is their name (String(SpreadsheetApp.ProtectionType.RANGE) is
// "RANGE"); compared by identity. The emulator hands out one frozen object per value.
import { CHART_TYPE_NAMES } from './chart-model';

export interface EnumValue {
  readonly enumType: string;
  name(): string;
  ordinal(): number;
  toString(): string;
  toJSON(): string;
}

export type EnumObject = Readonly<Record<string, EnumValue>>;

/** A class (not a plain object), so the realm boundary passes values through by identity: `x === ui.Button.YES`. */
class ApiEnumValue implements EnumValue {
  constructor(
    readonly enumType: string,
    private readonly label: string,
    private readonly index: number,
  ) {
    Object.freeze(this);
  }
  name(): string {
    return this.label;
  }
  ordinal(): number {
    return this.index;
  }
  toString(): string {
    return this.label;
  }
  toJSON(): string {
    return this.label;
  }
}

export function makeEnum(enumType: string, names: readonly string[]): EnumObject {
  const out: Record<string, EnumValue> = {};
  names.forEach((n, i) => {
    out[n] = new ApiEnumValue(enumType, n, i);
  });
  return Object.freeze(out);
}

/** The name of an enum value the add-on passed back (or a plain string, as some callers pass). */
export function enumName(v: unknown): string {
  return String(v);
}

export function isEnumValue(v: unknown, enumType?: string): v is EnumValue {
  return (
    typeof v === 'object' &&
    v !== null &&
    'enumType' in v &&
    (enumType === undefined || (v as EnumValue).enumType === enumType)
  );
}

export const ProtectionType = makeEnum('ProtectionType', ['RANGE', 'SHEET']);
export const DeveloperMetadataVisibility = makeEnum('DeveloperMetadataVisibility', ['DOCUMENT', 'PROJECT']);
export const DeveloperMetadataLocationType = makeEnum('DeveloperMetadataLocationType', [
  'SPREADSHEET',
  'SHEET',
  'ROW',
  'COLUMN',
]);
export const DataValidationCriteria = makeEnum('DataValidationCriteria', [
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
]);
export const BooleanCriteria = makeEnum('BooleanCriteria', [
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE',
  'DATE_EQUAL_TO_RELATIVE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
]);
export const Button = makeEnum('Button', ['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export const ButtonSet = makeEnum('ButtonSet', ['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);
export const ChartType = makeEnum('ChartType', CHART_TYPE_NAMES);
export const ChartMergeStrategy = makeEnum('ChartMergeStrategy', ['MERGE_COLUMNS', 'MERGE_ROWS']);
/** Charts.Position: where a legend goes. */
export const ChartPosition = makeEnum('Position', ['TOP', 'RIGHT', 'BOTTOM', 'NONE']);
export const AuthMode = makeEnum('AuthMode', ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);

/** Casts an emulator enum object to the @types enum type the slice interfaces declare. */
export function asEnum<T>(e: EnumObject): T {
  return e as unknown as T;
}
