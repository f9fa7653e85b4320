// The page's drawing decisions, without a browser: the value axis' round ticks and bounds (Gviz minValue/maxValue
// widen it, viewWindow fixes it), tick labels in the spreadsheet's locale and the data's number style, and each
// series' colour, kind and dash from the chart's options.
import { describe, expect, it } from 'vitest';
import type { ChartView } from '../../src/playground/emulator/chart-view';
import { axisStyle, niceScale, styleOfPattern, tickLabels } from '../../src/playground/page/chart-scale';
import {
  axes,
  legendPosition,
  SHEETS_PALETTE,
  seriesStyles,
  sliceColors,
} from '../../src/playground/page/chart-style';
import { wrapText } from '../../src/playground/page/chart-text';

describe('the value axis', () => {
  it('takes round steps over the data, from zero for bars', () => {
    expect(niceScale([0.62, 0.35, 0.81, 0.5], { includeZero: true })).toEqual({
      min: 0,
      max: 1,
      ticks: [0, 0.25, 0.5, 0.75, 1],
      step: 0.25,
    });
    expect(niceScale([120_000, 165_000, 150_000], { includeZero: true }).ticks).toEqual([
      0, 50_000, 100_000, 150_000, 200_000,
    ]);
    expect(niceScale([-3, 7], { includeZero: true }).ticks).toEqual([-5, -2.5, 0, 2.5, 5, 7.5]);
  });

  it('fits a line’s data without forcing zero, and honours minValue/maxValue and viewWindow', () => {
    expect(niceScale([41, 58], { includeZero: false })).toMatchObject({ min: 40, max: 60 });
    expect(niceScale([0.2, 0.4], { includeZero: true, maxValue: 1 })).toMatchObject({ min: 0, max: 1 });
    expect(niceScale([0.2, 1.4], { includeZero: true, fixedMin: 0, fixedMax: 1 })).toMatchObject({
      min: 0,
      max: 1,
      ticks: [0, 0.25, 0.5, 0.75, 1],
    });
    expect(niceScale([], { includeZero: true })).toMatchObject({ min: 0, max: 1 });
    expect(niceScale([5, 5], { includeZero: false })).toMatchObject({ min: 0 });
  });

  it('writes ticks in the spreadsheet’s locale, in the style of the data or of the axis format', () => {
    const scale = niceScale([0.62, 0.81], { includeZero: true });
    expect(tickLabels(scale, styleOfPattern('0%'), 'en_US')).toEqual(['0%', '25%', '50%', '75%', '100%']);
    expect(tickLabels(scale, styleOfPattern('0.0%'), 'de_DE')).toEqual([
      '0\u00a0%',
      '25\u00a0%',
      '50\u00a0%',
      '75\u00a0%',
      '100\u00a0%',
    ]);
    expect(tickLabels(scale, axisStyle(undefined, 'General'), 'de_DE')).toEqual([
      '0',
      '0,25',
      '0,5',
      '0,75',
      '1',
    ]);
    expect(tickLabels(scale, axisStyle('percent', 'General'), 'fr_FR')[1]).toBe('25\u00a0%');
    const money = niceScale([120_000, 165_000], { includeZero: true });
    expect(tickLabels(money, styleOfPattern('$#,##0'), 'en_US')[3]).toBe('$150,000');
    expect(tickLabels(money, styleOfPattern('[$€]#,##0'), 'de_DE')[3]).toBe('150.000\u00a0€');
    expect(tickLabels(niceScale([0, 10], { includeZero: true }), styleOfPattern('General'), 'en_US')).toEqual(
      ['0', '2.5', '5', '7.5', '10'],
    );
  });

  it('reads a pattern’s style from its literal text, not from quoted words', () => {
    expect(styleOfPattern('#,##0 "h"')).toEqual({ percent: false });
    expect(styleOfPattern('"€"#,##0.00')).toEqual({ percent: false, currency: '€' });
    expect(styleOfPattern('[$CHF] #,##0')).toEqual({ percent: false, currency: 'CHF' });
    expect(styleOfPattern('0.0"%"')).toEqual({ percent: false });
  });
});

function view(type: ChartView['type'], options: Record<string, unknown>, series = 3): ChartView {
  return {
    id: 1,
    type,
    position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
    width: 600,
    height: 371,
    options,
    locale: 'en_US',
    ranges: [],
    table: {
      domain: { label: '', labels: ['a', 'b'], values: [null, null], format: '' },
      series: Array.from({ length: series }, (_, i) => ({
        label: `S${i}`,
        values: [1, 2],
        texts: ['1', '2'],
        format: '',
      })),
      headers: 1,
    },
  };
}

describe('series styles', () => {
  it('colour series from series.N.color, then colors, then Sheets’ palette', () => {
    const styles = seriesStyles(view('COLUMN', { colors: ['#111111'], series: { 2: { color: '#222222' } } }));
    expect(styles.map((s) => s.color)).toEqual(['#111111', SHEETS_PALETTE[1], '#222222']);
    expect(styles.map((s) => s.kind)).toEqual(['bars', 'bars', 'bars']);
  });

  it('a combo chart draws seriesType, and a series.N.type line dashed by lineDashStyle (the pace line)', () => {
    const styles = seriesStyles(
      view('COMBO', { seriesType: 'bars', series: { 1: { type: 'line', lineDashStyle: [6, 4] } } }, 2),
    );
    expect(styles.map((s) => [s.kind, s.dash])).toEqual([
      ['bars', undefined],
      ['line', '6 4'],
    ]);
    // Gviz's default seriesType is line
    expect(seriesStyles(view('COMBO', {}, 1))[0]!.kind).toBe('line');
    // series.N.type belongs to combo charts only
    expect(seriesStyles(view('COLUMN', { series: { 0: { type: 'line' } } }, 1))[0]!.kind).toBe('bars');
  });

  it('gives scatter charts points, lines none, and reads labels, widths and legend visibility', () => {
    expect(seriesStyles(view('SCATTER', {}, 1))[0]).toMatchObject({ kind: 'points', pointSize: 7 });
    const [line] = seriesStyles(
      view(
        'LINE',
        { lineWidth: 3, series: [{ labelInLegend: 'Us', visibleInLegend: false, pointSize: 6 }] },
        1,
      ),
    );
    expect(line).toMatchObject({ kind: 'line', label: 'Us', lineWidth: 3, pointSize: 6, inLegend: false });
  });

  it('reads the legend position, the axes (vAxes[0] over vAxis) and pie slice colours', () => {
    expect(legendPosition(view('LINE', {}))).toBe('right');
    expect(legendPosition(view('LINE', { legend: 'none' }))).toBe('none');
    expect(legendPosition(view('LINE', { legend: { position: 'bottom' } }))).toBe('bottom');
    expect(
      axes(view('LINE', { vAxis: { title: 'a', minValue: 0 }, vAxes: { 0: { title: 'b' } } })).v,
    ).toEqual({
      title: 'b',
      minValue: 0,
    });
    expect(axes(view('BAR', { hAxis: { viewWindow: { min: 0, max: 1 }, format: 'percent' } })).h).toEqual({
      fixedMin: 0,
      fixedMax: 1,
      format: 'percent',
    });
    expect(sliceColors(view('PIE', { slices: { 1: { color: '#000000' } } }))).toEqual([
      SHEETS_PALETTE[0],
      '#000000',
    ]);
  });

  it('wraps a long label between words, or says it cannot', () => {
    expect(wrapText('Grow revenue in new markets', 100)).toEqual(['Grow revenue in', 'new markets']);
    expect(wrapText('Integrations', 40)).toBeNull();
  });
});
