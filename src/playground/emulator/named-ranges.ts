// NamedRange: a name for a range of a sheet (the add-on names each KPI's value column). The names themselves live
// in the workbook (Workbook.setNamedRange), which keeps the engine's named expressions in step.
import type * as Gas from '../../server/gas';
import { ApiError } from './errors';
import { EmuRange, toGrid } from './range';
import type { Ctx } from './spreadsheet';

export class EmuNamedRange implements Gas.NamedRange {
  readonly gasClass = 'NamedRange';
  constructor(
    private readonly ctx: Ctx,
    private name: string,
  ) {}
  private get model() {
    const m = this.ctx.wb.namedRanges.find((n) => n.name === this.name);
    if (!m) throw new ApiError(`Named range "${this.name}" does not exist.`);
    return m;
  }
  getName(): string {
    return this.model.name;
  }
  getRange(): EmuRange {
    return new EmuRange(this.ctx, this.model.range);
  }
  setRange(range: Gas.Range): EmuNamedRange {
    this.ctx.wb.setNamedRange(this.name, toGrid(range));
    return this;
  }
  remove(): void {
    this.ctx.wb.removeNamedRange(this.name);
  }
}
