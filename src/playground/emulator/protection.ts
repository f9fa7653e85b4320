// Protection of a sheet or a range: recorded with its description and warning-only flag. Scripts are never
// stopped, and the playground's user owns the spreadsheet, who may always edit; a user's edit of a warning-only
// range or sheet is asked about first (warnings.ts).
import type * as Gas from '../../server/gas';
import type { ProtectionModel } from './model';
import { EmuRange } from './range';
import type { Ctx } from './spreadsheet';

export class EmuProtection implements Gas.Protection {
  readonly gasClass = 'Protection';
  constructor(
    private readonly ctx: Ctx,
    private readonly model: ProtectionModel,
  ) {}
  setWarningOnly(warningOnly: boolean): EmuProtection {
    this.model.warningOnly = !!warningOnly;
    return this;
  }
  isWarningOnly(): boolean {
    return this.model.warningOnly;
  }
  setDescription(description: string): EmuProtection {
    this.model.description = String(description);
    return this;
  }
  getDescription(): string {
    return this.model.description;
  }
  getRange(): EmuRange {
    const s = this.model.sheet;
    return new EmuRange(
      this.ctx,
      this.model.range ?? { sheet: s, row: 1, column: 1, numRows: s.maxRows, numColumns: s.maxColumns },
    );
  }
  remove(): void {
    const i = this.ctx.wb.protections.indexOf(this.model);
    if (i >= 0) this.ctx.wb.protections.splice(i, 1);
  }
}
