// Embedded charts as Apps Script hands them out: the `Charts` service's enums, Sheet.newChart's builder (and the
// typed builders asBarChart() & co. return: one draft seen through each), a built chart (a value: getCharts
// gives a fresh copy of each), its ContainerInfo and ChartOptions, and a sheet's insertChart, updateChart,
// removeChart and getCharts. The data they hold is chart-model.ts; how a chart is drawn, chart-view.ts.
import type * as Gas from '../../server/gas';
import {
  type ChartModel,
  type ChartPosition,
  type ChartSpec,
  type ChartTypeName,
  copySpec,
  isEmulatedType,
  jsonCopy,
  liveRanges,
  type MergeStrategy,
  newChartId,
  type OptionTree,
  optionAt,
  setOptionAt,
} from './chart-model';
import { isInt, signatureError } from './checks';
import {
  asEnum,
  ChartMergeStrategy,
  ChartType,
  enumName,
  isEnumValue,
  ChartPosition as PositionEnum,
} from './enums';
import { ApiError, NotEmulated, OUTSIDE_SHEET } from './errors';
import type { GridRange, SheetModel } from './model';
import { EmuRange, toGrid } from './range';
import type { Ctx } from './spreadsheet';

// ---- the Charts service ------------------------------------------------------------------------------------

/** The `Charts` global: the enums an embedded chart takes (its own chart builders are not emulated). */
export class EmuCharts implements Gas.ChartsSlice {
  readonly gasClass = 'Charts';
  readonly ChartType = asEnum<Gas.ChartsSlice['ChartType']>(ChartType);
  readonly ChartMergeStrategy = asEnum<Gas.ChartsSlice['ChartMergeStrategy']>(ChartMergeStrategy);
  readonly Position = asEnum<Gas.ChartsSlice['Position']>(PositionEnum);
}

// ---- what a chart shows of itself --------------------------------------------------------------------------

export class EmuContainerInfo implements Gas.ContainerInfo {
  readonly gasClass = 'ContainerInfo';
  constructor(private readonly position: ChartPosition) {}
  getAnchorRow(): number {
    return this.position.row;
  }
  getAnchorColumn(): number {
    return this.position.column;
  }
  getOffsetX(): number {
    return this.position.offsetX;
  }
  getOffsetY(): number {
    return this.position.offsetY;
  }
}

/** The options a chart was built with; `get('vAxis.title')` reads into nested options. */
export class EmuChartOptions implements Gas.ChartOptions {
  readonly gasClass = 'ChartOptions';
  constructor(private readonly options: OptionTree) {}
  get(option: string): unknown {
    if (typeof option !== 'string') throw signatureError('ChartOptions.get', [option]);
    const v = optionAt(this.options, option);
    return v === undefined ? null : jsonCopy(v);
  }
}

/**
 * A built chart: what build() made, or a copy of one on a sheet (getCharts). Changing it takes modify(), build()
 * and Sheet.updateChart, as in Apps Script.
 */
export class EmuEmbeddedChart implements Gas.EmbeddedChart {
  readonly gasClass = 'EmbeddedChart';
  constructor(
    private readonly ctx: Ctx,
    /** The chart on a sheet this is (null: built, not inserted). */
    readonly chartId: number | null,
    readonly spec: ChartSpec,
  ) {}

  /** Unique in the spreadsheet; null for a chart not in it (built, never inserted). */
  getChartId(): number | null {
    return this.chartId;
  }
  getContainerInfo(): EmuContainerInfo {
    return new EmuContainerInfo({ ...this.spec.position });
  }
  getMergeStrategy(): Gas.ChartMergeStrategy {
    return ChartMergeStrategy[this.spec.merge] as unknown as Gas.ChartMergeStrategy;
  }
  getNumHeaders(): number {
    if (this.spec.numHeaders === undefined) {
      throw new NotEmulated('EmbeddedChart.getNumHeaders of a chart whose headers were never set');
    }
    return this.spec.numHeaders;
  }
  getOptions(): EmuChartOptions {
    return new EmuChartOptions(structuredClone(this.spec.options));
  }
  getRanges(): EmuRange[] {
    return liveRanges(this.ctx.wb, this.spec.ranges).map((r) => new EmuRange(this.ctx, r));
  }
  getTransposeRowsAndColumns(): boolean {
    return this.spec.transpose;
  }
  modify(): EmuEmbeddedChartBuilder {
    return new EmuEmbeddedChartBuilder(this.ctx, {
      chartId: this.chartId,
      ...copySpec({ ...this.spec, ranges: liveRanges(this.ctx.wb, this.spec.ranges) }),
    });
  }
}

// ---- the builders ------------------------------------------------------------------------------------------

/** What a builder holds until build(): a chart spec whose type and position may not be set yet. */
interface Draft extends Omit<ChartSpec, 'type' | 'position'> {
  chartId: number | null;
  type?: ChartTypeName;
  position?: ChartPosition;
}

type BuilderClass =
  | 'EmbeddedChartBuilder'
  | 'EmbeddedAreaChartBuilder'
  | 'EmbeddedBarChartBuilder'
  | 'EmbeddedColumnChartBuilder'
  | 'EmbeddedComboChartBuilder'
  | 'EmbeddedLineChartBuilder'
  | 'EmbeddedPieChartBuilder'
  | 'EmbeddedScatterChartBuilder';

const BUILDER_OF: Record<ChartTypeName, BuilderClass> = {
  AREA: 'EmbeddedAreaChartBuilder',
  BAR: 'EmbeddedBarChartBuilder',
  COLUMN: 'EmbeddedColumnChartBuilder',
  COMBO: 'EmbeddedComboChartBuilder',
  LINE: 'EmbeddedLineChartBuilder',
  PIE: 'EmbeddedPieChartBuilder',
  SCATTER: 'EmbeddedScatterChartBuilder',
};

/** Charts.Position → the Gviz legend position. */
const LEGEND: Record<string, string> = { TOP: 'top', RIGHT: 'right', BOTTOM: 'bottom', NONE: 'none' };

const sameRange = (a: GridRange, b: GridRange) =>
  a.sheet === b.sheet &&
  a.row === b.row &&
  a.column === b.column &&
  a.numRows === b.numRows &&
  a.numColumns === b.numColumns &&
  !!a.openRows === !!b.openRows &&
  !!a.openColumns === !!b.openColumns;

/**
 * EmbeddedChartBuilder and the typed builders. Every builder of one chart shares its draft; as in Apps Script's
 * reference, the methods of the base builder (addRange, setOption, setPosition…) return the base builder, so a
 * typed method (setTitle) must come before them in a chain. The typed setters are recorded as the Gviz options
 * they stand for (setTitle → `title`, setXAxisTitle → `hAxis.title`, setRange → the value axis' `minValue` and
 * `maxValue`…): our mapping, as Apps Script's is not documented.
 */
export class EmuEmbeddedChartBuilder
  implements
    Gas.EmbeddedChartBuilder,
    Gas.EmbeddedAreaChartBuilder,
    Gas.EmbeddedBarChartBuilder,
    Gas.EmbeddedColumnChartBuilder,
    Gas.EmbeddedComboChartBuilder,
    Gas.EmbeddedLineChartBuilder,
    Gas.EmbeddedPieChartBuilder,
    Gas.EmbeddedScatterChartBuilder
{
  constructor(
    private readonly ctx: Ctx,
    private readonly draft: Draft,
    readonly gasClass: BuilderClass = 'EmbeddedChartBuilder',
  ) {}

  private base(): EmuEmbeddedChartBuilder {
    return this.gasClass === 'EmbeddedChartBuilder'
      ? this
      : new EmuEmbeddedChartBuilder(this.ctx, this.draft, 'EmbeddedChartBuilder');
  }
  private method(name: string): string {
    return `${this.gasClass}.${name}`;
  }
  private option(path: string, value: unknown): this {
    setOptionAt(this.draft.options, path, value);
    return this;
  }
  private text(name: string, value: unknown): string {
    if (typeof value !== 'string') throw signatureError(this.method(name), [value]);
    return value;
  }
  private numbers(name: string, a: unknown, b: unknown): void {
    if (!isInt(a) || !isInt(b)) throw signatureError(this.method(name), [a, b]);
  }

  // -- data ------------------------------------------------------------------------------------------------

  /** Adds a range (on any sheet) unless the chart has it already. */
  addRange(range: Gas.Range): EmuEmbeddedChartBuilder {
    const grid = toGrid(range);
    if (!this.draft.ranges.some((r) => sameRange(r, grid))) this.draft.ranges.push({ ...grid });
    return this.base();
  }
  /** Removes a range; one the chart does not have is no error (ours: the reference does not say). */
  removeRange(range: Gas.Range): EmuEmbeddedChartBuilder {
    const grid = toGrid(range);
    this.draft.ranges = this.draft.ranges.filter((r) => !sameRange(r, grid));
    return this.base();
  }
  clearRanges(): EmuEmbeddedChartBuilder {
    this.draft.ranges = [];
    return this.base();
  }
  /** A copy of the ranges that feed the chart. */
  getRanges(): EmuRange[] {
    return liveRanges(this.ctx.wb, this.draft.ranges).map((r) => new EmuRange(this.ctx, r));
  }
  setNumHeaders(headers: number): EmuEmbeddedChartBuilder {
    if (!isInt(headers) || !Number.isInteger(headers) || headers < 0) {
      throw signatureError(this.method('setNumHeaders'), [headers]);
    }
    this.draft.numHeaders = headers;
    return this.base();
  }
  setMergeStrategy(mergeStrategy: Gas.ChartMergeStrategy): EmuEmbeddedChartBuilder {
    if (!isEnumValue(mergeStrategy, 'ChartMergeStrategy')) {
      throw signatureError(this.method('setMergeStrategy'), [mergeStrategy]);
    }
    this.draft.merge = enumName(mergeStrategy) as MergeStrategy;
    return this.base();
  }
  setTransposeRowsAndColumns(transpose: boolean): EmuEmbeddedChartBuilder {
    if (typeof transpose !== 'boolean')
      throw signatureError(this.method('setTransposeRowsAndColumns'), [transpose]);
    this.draft.transpose = transpose;
    return this.base();
  }

  // -- type ------------------------------------------------------------------------------------------------

  getChartType(): Gas.ChartType {
    const t = this.draft.type;
    return (t === undefined ? null : ChartType[t]) as unknown as Gas.ChartType;
  }
  setChartType(type: Gas.ChartType): EmuEmbeddedChartBuilder {
    if (!isEnumValue(type, 'ChartType')) throw signatureError(this.method('setChartType'), [type]);
    const name = enumName(type);
    if (!isEmulatedType(name))
      throw new NotEmulated(`${this.method('setChartType')}(Charts.ChartType.${name})`);
    this.draft.type = name;
    return this.base();
  }
  private as(type: ChartTypeName): EmuEmbeddedChartBuilder {
    this.draft.type = type;
    return new EmuEmbeddedChartBuilder(this.ctx, this.draft, BUILDER_OF[type]);
  }
  asAreaChart(): EmuEmbeddedChartBuilder {
    return this.as('AREA');
  }
  asBarChart(): EmuEmbeddedChartBuilder {
    return this.as('BAR');
  }
  asColumnChart(): EmuEmbeddedChartBuilder {
    return this.as('COLUMN');
  }
  asComboChart(): EmuEmbeddedChartBuilder {
    return this.as('COMBO');
  }
  asLineChart(): EmuEmbeddedChartBuilder {
    return this.as('LINE');
  }
  asPieChart(): EmuEmbeddedChartBuilder {
    return this.as('PIE');
  }
  asScatterChart(): EmuEmbeddedChartBuilder {
    return this.as('SCATTER');
  }

  // -- options and position --------------------------------------------------------------------------------

  /** A Gviz option by name; a dotted name (`vAxis.title`) sets inside a nested option. */
  setOption(option: string, value: unknown): EmuEmbeddedChartBuilder {
    if (typeof option !== 'string' || option === '')
      throw signatureError(this.method('setOption'), [option, value]);
    this.option(option, jsonCopy(value));
    return this.base();
  }
  getContainer(): EmuContainerInfo {
    const p = this.draft.position;
    if (!p) throw new NotEmulated(`${this.method('getContainer')} before setPosition`);
    return new EmuContainerInfo({ ...p });
  }
  /** The anchor cell (1-based) and the offset in pixels of the chart's top-left corner from it. */
  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): EmuEmbeddedChartBuilder {
    const args = [anchorRowPos, anchorColPos, offsetX, offsetY];
    if (!args.every((a) => isInt(a) && Number.isInteger(a)))
      throw signatureError(this.method('setPosition'), args);
    // ours: Apps Script's message for an anchor before the first row or column is undocumented
    if (anchorRowPos < 1 || anchorColPos < 1) throw new ApiError(OUTSIDE_SHEET);
    this.draft.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this.base();
  }

  // -- the typed builders' setters ------------------------------------------------------------------------

  setTitle(chartTitle: string): this {
    return this.option('title', this.text('setTitle', chartTitle));
  }
  setXAxisTitle(title: string): this {
    return this.option('hAxis.title', this.text('setXAxisTitle', title));
  }
  setYAxisTitle(title: string): this {
    return this.option('vAxis.title', this.text('setYAxisTitle', title));
  }
  setLegendPosition(position: Gas.ChartPosition): this {
    if (!isEnumValue(position, 'Position'))
      throw signatureError(this.method('setLegendPosition'), [position]);
    return this.option('legend.position', LEGEND[enumName(position)]);
  }
  setColors(cssValues: string[]): this {
    if (!Array.isArray(cssValues) || !cssValues.every((c) => typeof c === 'string')) {
      throw signatureError(this.method('setColors'), [cssValues]);
    }
    return this.option('colors', [...cssValues]);
  }
  setBackgroundColor(cssValue: string): this {
    return this.option('backgroundColor', this.text('setBackgroundColor', cssValue));
  }
  setStacked(): this {
    return this.option('isStacked', true);
  }
  /** The value axis' range, widened by Sheets to show data outside it (Gviz minValue and maxValue). */
  setRange(start: number, end: number): this {
    this.numbers('setRange', start, end);
    const axis = this.gasClass === 'EmbeddedBarChartBuilder' ? 'hAxis' : 'vAxis';
    return this.option(`${axis}.minValue`, start).option(`${axis}.maxValue`, end);
  }
  setXAxisRange(start: number, end: number): this {
    this.numbers('setXAxisRange', start, end);
    return this.option('hAxis.minValue', start).option('hAxis.maxValue', end);
  }
  setYAxisRange(start: number, end: number): this {
    this.numbers('setYAxisRange', start, end);
    return this.option('vAxis.minValue', start).option('vAxis.maxValue', end);
  }

  /** The chart as built now; a new one still has to be inserted (insertChart), a modified one updated. */
  build(): EmuEmbeddedChart {
    const { chartId, type, position, ...rest } = this.draft;
    if (type === undefined) throw new NotEmulated(`${this.method('build')} of a chart without a chart type`);
    if (position === undefined)
      throw new NotEmulated(`${this.method('build')} of a chart without setPosition`);
    return new EmuEmbeddedChart(this.ctx, chartId, copySpec({ ...rest, type, position }));
  }
}

// ---- a sheet's charts --------------------------------------------------------------------------------------

/** Sheet.newChart: an empty builder (merge columns, no transposition, no type or position yet). */
export function newChart(ctx: Ctx): EmuEmbeddedChartBuilder {
  return new EmuEmbeddedChartBuilder(ctx, {
    chartId: null,
    ranges: [],
    merge: 'MERGE_COLUMNS',
    transpose: false,
    options: {},
  });
}

function builtChart(chart: Gas.EmbeddedChart): EmuEmbeddedChart {
  if (!(chart instanceof EmuEmbeddedChart)) throw new ApiError('Invalid argument: chart');
  return chart;
}

/** The index of the chart a built one stands for on `sheet`; ours: Apps Script's message is undocumented. */
function indexOn(sheet: SheetModel, chart: EmuEmbeddedChart, method: string): number {
  const i = chart.chartId === null ? -1 : sheet.charts.findIndex((c) => c.id === chart.chartId);
  if (i < 0) throw new ApiError(`${method}: the chart is not on sheet "${sheet.name}".`);
  return i;
}

/** Sheet.insertChart: a new chart (with a new ID) floating over `sheet`. */
export function insertChart(ctx: Ctx, sheet: SheetModel, chart: Gas.EmbeddedChart): void {
  const { spec } = builtChart(chart);
  if (spec.position.row > sheet.maxRows || spec.position.column > sheet.maxColumns) {
    throw new ApiError(OUTSIDE_SHEET);
  }
  const model: ChartModel = { id: newChartId(ctx.wb), ...copySpec(spec) };
  sheet.charts.push(model);
}

/** Sheet.updateChart: the chart a modify()…build() stands for takes what was built. */
export function updateChart(sheet: SheetModel, chart: Gas.EmbeddedChart): void {
  const built = builtChart(chart);
  const i = indexOn(sheet, built, 'Sheet.updateChart');
  sheet.charts[i] = { id: built.chartId!, ...copySpec(built.spec) };
}

export function removeChart(sheet: SheetModel, chart: Gas.EmbeddedChart): void {
  const i = indexOn(sheet, builtChart(chart), 'Sheet.removeChart');
  sheet.charts.splice(i, 1);
}

/** Sheet.getCharts: a copy of each chart on `sheet`, in insertion order. */
export function getCharts(ctx: Ctx, sheet: SheetModel): EmuEmbeddedChart[] {
  return sheet.charts.map((c) => new EmuEmbeddedChart(ctx, c.id, copySpec(c)));
}
