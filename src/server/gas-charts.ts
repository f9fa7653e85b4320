// The embedded charts' part of the Apps Script slice (gas.ts re-exports it; types only, so gas.ts stays the one
// way server code reaches Apps Script): Sheet.newChart's builders, a built chart, its ContainerInfo and
// ChartOptions, and the Charts enums they take. Picked from @types/google-apps-script like the rest of the slice,
// with the same compile-time proof that Google's objects satisfy each interface.
import type { Integer, Range } from './gas';

type GEmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type GChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type GAreaChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedAreaChartBuilder;
type GBarChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder;
type GColumnChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder;
type GComboChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedComboChartBuilder;
type GLineChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder;
type GPieChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder;
type GScatterChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedScatterChartBuilder;
type GContainerInfo = GoogleAppsScript.Spreadsheet.ContainerInfo;
type GChartOptions = GoogleAppsScript.Charts.ChartOptions;
type GCharts = GoogleAppsScript.Charts.Charts;

export type ChartType = GoogleAppsScript.Charts.ChartType;
export type ChartMergeStrategy = GoogleAppsScript.Charts.ChartMergeStrategy;
export type ChartPosition = GoogleAppsScript.Charts.Position;

export interface ChartsSlice extends Pick<GCharts, 'ChartType' | 'ChartMergeStrategy' | 'Position'> {}

export interface ContainerInfo
  extends Pick<GContainerInfo, 'getAnchorColumn' | 'getAnchorRow' | 'getOffsetX' | 'getOffsetY'> {}

export interface ChartOptions extends Pick<GChartOptions, 'get'> {}

export interface EmbeddedChart
  extends Pick<
    GEmbeddedChart,
    'getChartId' | 'getMergeStrategy' | 'getNumHeaders' | 'getTransposeRowsAndColumns'
  > {
  getContainerInfo(): ContainerInfo;
  getOptions(): ChartOptions;
  getRanges(): Range[];
  modify(): EmbeddedChartBuilder;
}

export interface EmbeddedChartBuilder {
  addRange(range: Range): EmbeddedChartBuilder;
  removeRange(range: Range): EmbeddedChartBuilder;
  clearRanges(): EmbeddedChartBuilder;
  getRanges(): Range[];
  getChartType(): ChartType;
  getContainer(): ContainerInfo;
  setChartType(type: ChartType): EmbeddedChartBuilder;
  setOption(option: string, value: unknown): EmbeddedChartBuilder;
  setPosition(
    anchorRowPos: Integer,
    anchorColPos: Integer,
    offsetX: Integer,
    offsetY: Integer,
  ): EmbeddedChartBuilder;
  setNumHeaders(headers: Integer): EmbeddedChartBuilder;
  setMergeStrategy(mergeStrategy: ChartMergeStrategy): EmbeddedChartBuilder;
  setTransposeRowsAndColumns(transpose: boolean): EmbeddedChartBuilder;
  asAreaChart(): EmbeddedAreaChartBuilder;
  asBarChart(): EmbeddedBarChartBuilder;
  asColumnChart(): EmbeddedColumnChartBuilder;
  asComboChart(): EmbeddedComboChartBuilder;
  asLineChart(): EmbeddedLineChartBuilder;
  asPieChart(): EmbeddedPieChartBuilder;
  asScatterChart(): EmbeddedScatterChartBuilder;
  build(): EmbeddedChart;
}

/** What the builders of charts with axes add (the typed builders return themselves). */
interface AxisChartBuilder<Self> extends EmbeddedChartBuilder {
  setTitle(chartTitle: string): Self;
  setXAxisTitle(title: string): Self;
  setYAxisTitle(title: string): Self;
  setLegendPosition(position: ChartPosition): Self;
  setColors(cssValues: string[]): Self;
  setBackgroundColor(cssValue: string): Self;
}

/** Builders with one value axis: `setRange` is its minimum and maximum. */
interface RangedChartBuilder<Self> extends AxisChartBuilder<Self> {
  setRange(start: number, end: number): Self;
}

export interface EmbeddedAreaChartBuilder extends RangedChartBuilder<EmbeddedAreaChartBuilder> {
  setStacked(): EmbeddedAreaChartBuilder;
}
export interface EmbeddedBarChartBuilder extends RangedChartBuilder<EmbeddedBarChartBuilder> {
  setStacked(): EmbeddedBarChartBuilder;
}
export interface EmbeddedColumnChartBuilder extends RangedChartBuilder<EmbeddedColumnChartBuilder> {
  setStacked(): EmbeddedColumnChartBuilder;
}
export interface EmbeddedComboChartBuilder extends RangedChartBuilder<EmbeddedComboChartBuilder> {
  setStacked(): EmbeddedComboChartBuilder;
}
export interface EmbeddedLineChartBuilder extends RangedChartBuilder<EmbeddedLineChartBuilder> {}
export interface EmbeddedScatterChartBuilder extends AxisChartBuilder<EmbeddedScatterChartBuilder> {
  setXAxisRange(start: number, end: number): EmbeddedScatterChartBuilder;
  setYAxisRange(start: number, end: number): EmbeddedScatterChartBuilder;
}
export interface EmbeddedPieChartBuilder extends EmbeddedChartBuilder {
  setTitle(chartTitle: string): EmbeddedPieChartBuilder;
  setLegendPosition(position: ChartPosition): EmbeddedPieChartBuilder;
  setColors(cssValues: string[]): EmbeddedPieChartBuilder;
  setBackgroundColor(cssValue: string): EmbeddedPieChartBuilder;
}

type Satisfies<Google extends Slice, Slice> = [Google, Slice];
export type GoogleSatisfiesChartSlices = [
  Satisfies<GCharts, ChartsSlice>,
  Satisfies<GContainerInfo, ContainerInfo>,
  Satisfies<GChartOptions, ChartOptions>,
  Satisfies<GEmbeddedChart, EmbeddedChart>,
  Satisfies<GChartBuilder, EmbeddedChartBuilder>,
  Satisfies<GAreaChartBuilder, EmbeddedAreaChartBuilder>,
  Satisfies<GBarChartBuilder, EmbeddedBarChartBuilder>,
  Satisfies<GColumnChartBuilder, EmbeddedColumnChartBuilder>,
  Satisfies<GComboChartBuilder, EmbeddedComboChartBuilder>,
  Satisfies<GLineChartBuilder, EmbeddedLineChartBuilder>,
  Satisfies<GPieChartBuilder, EmbeddedPieChartBuilder>,
  Satisfies<GScatterChartBuilder, EmbeddedScatterChartBuilder>,
];
