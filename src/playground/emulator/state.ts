// The workbook as JSON: everything a spreadsheet keeps (raw inputs, grid, formats, rules, metadata, properties),
// so the playground can save it after every change and tests can start from a known state.
import { z } from 'zod';

/**
 * A cell's raw input. Numbers and booleans are values; a string starting with `=` is a formula; a string
 * starting with `'` is text without that apostrophe (used for text that starts with = or '); any other string is
 * text exactly as it stands (never re-parsed: "007" stays text). Dates are numbers with a date format.
 */
export const CellInputSchema = z.union([z.string(), z.number(), z.boolean()]);
export type CellInput = z.infer<typeof CellInputSchema>;

export const ValidationStateSchema = z.object({
  criteria: z.string(),
  values: z.array(z.unknown()),
  /** For VALUE_IN_RANGE: the source range, `'Sheet'!A1:A9`. */
  range: z.string().optional(),
  showDropdown: z.boolean().optional(),
  allowInvalid: z.boolean(),
  helpText: z.string().optional(),
});
export type ValidationState = z.infer<typeof ValidationStateSchema>;

export const CellFormatSchema = z.object({
  numberFormat: z.string().optional(),
  background: z.string().optional(),
  fontWeight: z.enum(['bold', 'normal']).optional(),
  fontColor: z.string().optional(),
  horizontalAlignment: z.enum(['left', 'center', 'right', 'normal']).optional(),
  wrap: z.boolean().optional(),
  validation: ValidationStateSchema.optional(),
});
export type CellFormat = z.infer<typeof CellFormatSchema>;

export const RuleStateSchema = z.object({
  /** A1 ranges on the rule's sheet. */
  ranges: z.array(z.string()),
  criteria: z.string(),
  values: z.array(z.union([z.string(), z.number()])),
  background: z.string().nullable().optional(),
  fontColor: z.string().nullable().optional(),
});
export type RuleState = z.infer<typeof RuleStateSchema>;

export const SheetStateSchema = z.object({
  name: z.string().min(1),
  id: z.number().int(),
  maxRows: z.number().int().positive(),
  maxColumns: z.number().int().positive(),
  frozenRows: z.number().int().nonnegative().default(0),
  tabColor: z.string().nullable().optional(),
  hidden: z.boolean().optional(),
  columnWidths: z.record(z.string(), z.number()).optional(),
  /** Sparse raw inputs keyed by A1 (row-major order). */
  cells: z.record(z.string(), CellInputSchema),
  /** Sparse formats keyed by A1. */
  formats: z.record(z.string(), CellFormatSchema).optional(),
  conditionalFormats: z.array(RuleStateSchema).optional(),
});
export type SheetState = z.infer<typeof SheetStateSchema>;

export const MetadataStateSchema = z.object({
  id: z.number().int(),
  key: z.string(),
  value: z.string().nullable(),
  visibility: z.enum(['DOCUMENT', 'PROJECT']),
  location: z.discriminatedUnion('type', [
    z.object({ type: z.literal('SPREADSHEET') }),
    z.object({ type: z.literal('SHEET'), sheet: z.number().int() }),
    z.object({
      type: z.enum(['ROW', 'COLUMN']),
      sheet: z.number().int(),
      start: z.number().int().positive(),
      count: z.number().int().positive(),
    }),
  ]),
});
export type MetadataState = z.infer<typeof MetadataStateSchema>;

export const ProtectionStateSchema = z.object({
  type: z.enum(['RANGE', 'SHEET']),
  sheet: z.number().int(),
  /** For RANGE protections: A1 on the sheet. */
  a1: z.string().optional(),
  description: z.string(),
  warningOnly: z.boolean(),
});
export type ProtectionState = z.infer<typeof ProtectionStateSchema>;

export const WorkbookStateSchema = z.object({
  version: z.literal(1),
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  sheets: z.array(SheetStateSchema).min(1),
  namedRanges: z.array(z.object({ name: z.string(), sheet: z.number().int(), a1: z.string() })).default([]),
  protections: z.array(ProtectionStateSchema).default([]),
  metadata: z.array(MetadataStateSchema).default([]),
  nextMetadataId: z.number().int().optional(),
  properties: z
    .object({ document: z.record(z.string(), z.string()), user: z.record(z.string(), z.string()) })
    .default({ document: {}, user: {} }),
  active: z.object({ sheet: z.number().int(), a1: z.string().optional() }).optional(),
});
export type WorkbookState = z.infer<typeof WorkbookStateSchema>;
export type WorkbookStateInput = z.input<typeof WorkbookStateSchema>;

/** Parses JSON text into a state; throws an Error saying what is wrong. */
export function parseWorkbookState(value: unknown): WorkbookState {
  const result = WorkbookStateSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join('.') || '(root)';
    throw new Error(`not a workbook state: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}
