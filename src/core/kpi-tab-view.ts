// The user's tabs as the sidebar lists them: what detection found in each (columns, rows of a wide scorecard,
// stacked series, notes) and the KPIs tagged in it, by their marks; and a period as a person reads it in such a
// listing. Pure: the server reads the tabs and their marks.

import type { Detection } from './kpi-detect';
import type { KpiMark } from './kpi-registry';
import type { Period } from './periods';
import type { TabView } from './rpc';

/** A period as a person reads it in a listing: `2025-12`, `2025-W03`, `2024-Q1`, `2024`, `2025-12-31`. */
export function periodText(p: Period, cadence?: string): string {
  const { year, month, day } = p.start;
  const mm = String(month).padStart(2, '0');
  // a date cell of a monthly series (Sheets turns a typed `December 2025` into 1 December) names its month
  const grain = p.granularity === 'day' && day === 1 && cadence ? cadence : p.granularity;
  if (grain === 'year' || grain === 'yearly') return String(year);
  if (grain === 'quarter' || grain === 'quarterly') return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  if (grain === 'month' || grain === 'monthly') return `${year}-${mm}`;
  return `${year}-${mm}-${String(day).padStart(2, '0')}`;
}

/** A tab as the sidebar lists it: what detection found, and the KPIs tagged in it (by their marks). */
export function tabView(
  tab: { name: string; lastRow: number },
  d: Detection,
  marks: ReadonlyArray<{ mark: KpiMark; column: number; row?: number }>,
  names: ReadonlyMap<string, string>,
): TabView {
  const letter = (i: number) => d.columns[i]!.letter;
  const offered = d.valueColumns.filter((i) => !d.columns[i]!.period);
  const problem =
    tab.lastRow === 0
      ? 'the tab is empty'
      : d.orientation === 'wide'
        ? (d.rows ?? []).length === 0
          ? 'its header row holds periods, but no row below holds numbers under them'
          : undefined
        : offered.length === 0
          ? 'it has no column of numbers to follow'
          : undefined;
  return {
    name: tab.name,
    headerRow: d.headerRow,
    rows: d.dataRows,
    orientation: d.orientation,
    columns: d.columns.map((c) => ({
      letter: c.letter,
      header: c.header,
      kind: c.kind,
      ...(c.period ? { period: true } : {}),
      ...(c.name ? { name: c.name } : {}),
      ...(c.unit ? { unit: c.unit } : {}),
      ...(c.unitText ? { unitText: c.unitText } : {}),
      ...(c.betterWhen ? { betterWhen: c.betterWhen } : {}),
    })),
    ...(d.dateColumn !== undefined ? { dateColumn: letter(d.dateColumn) } : {}),
    valueColumns: offered.map(letter),
    ...(d.rows
      ? {
          kpiRows: d.rows.map((r) => ({
            row: r.row,
            label: r.label,
            name: r.name,
            unit: r.unit,
            ...(r.unitText ? { unitText: r.unitText } : {}),
            ...(r.betterWhen ? { betterWhen: r.betterWhen } : {}),
            ...(r.latest
              ? { latest: r.latest.value, latestPeriod: periodText(r.latest.period, d.spacing) }
              : {}),
          })),
        }
      : {}),
    ...(d.series ? { series: { columns: d.series.columns.map(letter), keys: d.series.keys } } : {}),
    ...(d.cadence ? { cadence: d.cadence } : {}),
    ...(d.newestFirst ? { newestFirst: true } : {}),
    notes: d.notes,
    kpis: marks
      .filter((m) => m.mark.role === 'value')
      .sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || a.column - b.column)
      .map((m) => ({
        id: m.mark.id,
        name: names.get(m.mark.id) ?? m.mark.id,
        valueLetter: m.row ? '' : (d.columns[m.column - 1]?.letter ?? ''),
        ...(m.row ? { row: m.row } : {}),
      })),
    ...(problem ? { problem } : {}),
  };
}
