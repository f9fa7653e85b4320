// Developer metadata: key/value tags on the spreadsheet, a sheet, or whole rows or columns (which move with
// inserted and deleted rows and columns, structure.ts), their locations, and the finder. The add-on tags a KPI's
// columns with them.
import type * as Gas from '../../server/gas';
import { signatureError } from './checks';
import { DeveloperMetadataLocationType, enumName, isEnumValue } from './enums';
import { ApiError } from './errors';
import type { GridRange, MetadataLocation, MetadataModel } from './model';
import { EmuRange } from './range';
import { EmuSheet } from './sheet';
import type { Ctx } from './spreadsheet';
import type { Workbook } from './workbook';

/** Overloads of addDeveloperMetadata: (key), (key, visibility), (key, value), (key, value, visibility). */
function metadataArgs(args: unknown[]): {
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
} {
  const [key, second, third] = args;
  if (typeof key !== 'string') throw signatureError('Range.addDeveloperMetadata', args);
  if (isEnumValue(second, 'DeveloperMetadataVisibility')) {
    return { key, value: null, visibility: enumName(second) as 'DOCUMENT' | 'PROJECT' };
  }
  const visibility = third === undefined ? 'DOCUMENT' : (enumName(third) as 'DOCUMENT' | 'PROJECT');
  return { key, value: second === undefined ? null : String(second), visibility };
}

export function addMetadata(ctx: Ctx, args: unknown[], location: MetadataLocation): void {
  const { key, value, visibility } = metadataArgs(args);
  ctx.wb.metadata.push({ id: ctx.wb.nextMetadataId++, key, value, visibility, location });
}

/** Row/column span of a range that covers whole columns (all rows) or whole rows (all columns). */
function wholeSpan(wb: Workbook, range: GridRange): MetadataLocation | undefined {
  const r = wb.bounded(range);
  if (r.row === 1 && r.numRows === r.sheet.maxRows) {
    return { type: 'COLUMN', sheet: r.sheet, start: r.column, count: r.numColumns };
  }
  if (r.column === 1 && r.numColumns === r.sheet.maxColumns) {
    return { type: 'ROW', sheet: r.sheet, start: r.row, count: r.numRows };
  }
  return undefined;
}

/** Range.addDeveloperMetadata: only whole rows or whole columns carry metadata, as in Apps Script. */
export function addRangeMetadata(ctx: Ctx, grid: GridRange, args: unknown[]): void {
  const location = wholeSpan(ctx.wb, grid);
  if (!location) {
    throw new ApiError(
      'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
    );
  }
  addMetadata(ctx, args, location);
}

/** Range.getDeveloperMetadata: the metadata on exactly these rows or columns. */
export function rangeMetadata(ctx: Ctx, grid: GridRange): EmuDeveloperMetadata[] {
  const span = wholeSpan(ctx.wb, grid);
  if (!span || span.type === 'SPREADSHEET' || span.type === 'SHEET') return [];
  return ctx.wb.metadata
    .filter(
      (m) =>
        m.location.type === span.type &&
        m.location.sheet === span.sheet &&
        m.location.start === span.start &&
        m.location.count === span.count,
    )
    .map((m) => new EmuDeveloperMetadata(ctx, m));
}

/** Range.createDeveloperMetadataFinder: finds metadata on rows or columns within these. */
export function rangeMetadataFinder(ctx: Ctx, grid: GridRange): EmuDeveloperMetadataFinder {
  const span = wholeSpan(ctx.wb, grid);
  return new EmuDeveloperMetadataFinder(ctx, (m) => {
    if (!span || span.type === 'SPREADSHEET' || span.type === 'SHEET') return false;
    const loc = m.location;
    return (
      loc.type === span.type &&
      loc.sheet === span.sheet &&
      loc.start >= span.start &&
      loc.start + loc.count <= span.start + span.count
    );
  });
}

export class EmuDeveloperMetadata implements Gas.DeveloperMetadata {
  readonly gasClass = 'DeveloperMetadata';
  constructor(
    private readonly ctx: Ctx,
    private readonly model: MetadataModel,
  ) {}
  getId(): number {
    return this.model.id;
  }
  getKey(): string {
    return this.model.key;
  }
  getValue(): string | null {
    return this.model.value;
  }
  setValue(value: string): EmuDeveloperMetadata {
    this.model.value = String(value);
    return this;
  }
  getLocation(): EmuDeveloperMetadataLocation {
    return new EmuDeveloperMetadataLocation(this.ctx, this.model.location);
  }
  remove(): void {
    const i = this.ctx.wb.metadata.indexOf(this.model);
    if (i >= 0) this.ctx.wb.metadata.splice(i, 1);
  }
}

export class EmuDeveloperMetadataLocation implements Gas.DeveloperMetadataLocation {
  readonly gasClass = 'DeveloperMetadataLocation';
  constructor(
    private readonly ctx: Ctx,
    private readonly location: MetadataLocation,
  ) {}
  getLocationType(): Gas.DeveloperMetadataLocationType {
    return DeveloperMetadataLocationType[this.location.type] as unknown as Gas.DeveloperMetadataLocationType;
  }
  /** As in Apps Script: the sheet of a SHEET location only; a row or column location answers null. */
  getSheet(): EmuSheet | null {
    return this.location.type === 'SHEET' ? new EmuSheet(this.ctx, this.location.sheet) : null;
  }
  getColumn(): EmuRange | null {
    const l = this.location;
    if (l.type !== 'COLUMN') return null;
    return new EmuRange(this.ctx, {
      sheet: l.sheet,
      row: 1,
      column: l.start,
      numRows: l.sheet.maxRows,
      numColumns: l.count,
      openRows: true,
      wholeColumns: true,
    });
  }
  getRow(): EmuRange | null {
    const l = this.location;
    if (l.type !== 'ROW') return null;
    return new EmuRange(this.ctx, {
      sheet: l.sheet,
      row: l.start,
      column: 1,
      numRows: l.count,
      numColumns: l.sheet.maxColumns,
      openColumns: true,
      wholeRows: true,
    });
  }
}

export class EmuDeveloperMetadataFinder implements Gas.DeveloperMetadataFinder {
  readonly gasClass = 'DeveloperMetadataFinder';
  private readonly filters: Array<(m: MetadataModel) => boolean> = [];
  constructor(
    private readonly ctx: Ctx,
    private readonly scope: (m: MetadataModel) => boolean,
  ) {}
  withKey(key: string): EmuDeveloperMetadataFinder {
    this.filters.push((m) => m.key === key);
    return this;
  }
  withValue(value: string): EmuDeveloperMetadataFinder {
    this.filters.push((m) => m.value === value);
    return this;
  }
  withLocationType(locationType: Gas.DeveloperMetadataLocationType): EmuDeveloperMetadataFinder {
    const t = enumName(locationType);
    this.filters.push((m) => m.location.type === t);
    return this;
  }
  find(): EmuDeveloperMetadata[] {
    return this.ctx.wb.metadata
      .filter((m) => this.scope(m) && this.filters.every((f) => f(m)))
      .map((m) => new EmuDeveloperMetadata(this.ctx, m));
  }
}
