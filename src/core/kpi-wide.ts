// Wide scorecards: the classic KPI sheet with one metric per row and the periods across the header row
// (`Metric | Jan 2024 | Feb 2024 | …`, a salesperson per row with dates across, a country per row with years
// across). Each row holding numbers under the periods is a KPI: its label, proposed unit and direction, its
// latest value (under the newest period holding one) and the cadence of the header's periods. Section titles,
// blank rows and footers hold no numbers there and are skipped. Pure.
import { columnLetter } from './a1';
import { newestIndex, periodTime, readNumbers } from './kpi-cells';
import type { DetectedColumn, Detection, TabSample } from './kpi-detect';
import type { Cadence } from './kpi-health';
import type { TableShape } from './kpi-table';
import { proposeUnit } from './kpi-units';
import { directionOf, isGenericHeader } from './kpi-words';
import type { LocaleRules } from './locale';
import { cadenceOf, type Period } from './periods';
import type { UnitChoice } from './units';
import { type Cell, isBlank, textOf } from './values';

export interface DetectedRow {
  /** 1-based sheet row */
  row: number;
  /** its label cells joined: `All - Total users`, `New South Wales / Australia` */
  label: string;
  name: string;
  unit: UnitChoice;
  unitText?: string;
  betterWhen?: 'higher' | 'lower';
  /** the latest value, under the newest period that holds one */
  latest?: { value: number; column: number; period: Period };
}

/** A row's label: the text cells of the label columns, blanks skipped (numbers there, `Lat`/`Long`, left out). */
function labelOf(row: readonly Cell[], labels: readonly number[]): string {
  return labels
    .map((c) => row[c])
    .filter((v) => typeof v === 'string' && v.trim() !== '' && !/^[\d\s.,:-]+$/.test(v))
    .map((v) => textOf(v))
    .join(' / ');
}

/** Reads a wide scorecard: its header of periods and a KPI per row. */
export function detectWide(
  sample: TabSample,
  shape: TableShape,
  width: number,
  locale: LocaleRules,
  dataRows: number,
): Detection {
  const periodColumns = shape.periodColumns ?? [];
  const periods = shape.periods ?? [];
  const labels = shape.labelColumns ?? [];
  const headerRow = shape.headerRows[shape.headerRows.length - 1] ?? 0;
  const header = sample.head[headerRow - 1] ?? [];
  const columns: DetectedColumn[] = [];
  for (let c = 0; c < width; c++) {
    const text = textOf(header[c]);
    const letter = columnLetter(c + 1);
    const kind = periodColumns.includes(c) ? 'number' : 'text';
    columns.push({ index: c, letter, header: text, label: text ? `"${text}"` : `column ${letter}`, kind });
  }
  const all: Array<{ cells: Cell[]; row: number }> = [];
  for (let r = headerRow; r < sample.head.length; r++) all.push({ cells: sample.head[r] ?? [], row: r + 1 });
  sample.tail.forEach((cells, i) => {
    if (sample.tailStart + i > headerRow) all.push({ cells, row: sample.tailStart + i });
  });
  const rows: DetectedRow[] = [];
  const seen = new Set<string>();
  for (const { cells, row } of all) {
    const values = periodColumns.map((c) => cells[c] ?? '');
    const numbers = readNumbers(values, locale);
    if (numbers.numbers === 0 || numbers.numbers < 0.5 * numbers.filled) continue;
    const label = labelOf(cells, labels);
    if (!label || seen.has(`${row}`)) continue;
    seen.add(`${row}`);
    const subject = isGenericHeader(label) ? `${sample.name} ${label}` : label;
    const unit = proposeUnit(subject, numbers);
    const i = newestIndex(numbers.values, periods);
    const better = directionOf(subject);
    rows.push({
      row,
      label,
      name: label,
      unit: unit.choice,
      ...(unit.text ? { unitText: unit.text } : {}),
      ...(better ? { betterWhen: better } : {}),
      ...(i >= 0
        ? { latest: { value: numbers.values[i]!, column: periodColumns[i]!, period: periods[i]! } }
        : {}),
    });
  }
  const spacing = cadenceOf(periods);
  const cadence: Cadence | undefined =
    spacing === 'daily' || spacing === 'weekly' || spacing === 'monthly' || spacing === 'quarterly'
      ? spacing
      : undefined;
  const times = periods.map(periodTime);
  const notes: string[] = [];
  if (periods.some((p) => p.granularity === 'year') && header.some((v) => /^\s*fy/i.test(textOf(v))))
    notes.push(
      'Its periods are fiscal years: okr-sheets orders them by their number; when a fiscal year ends is not in the tab.',
    );
  if (rows.length === 0 && !isBlank(header[0]))
    notes.push('Its header row holds periods, but no row below holds numbers under them.');
  return {
    orientation: 'wide',
    headerRow,
    headerRows: shape.headerRows,
    columns,
    valueColumns: [],
    ...(cadence ? { cadence } : {}),
    ...(spacing ? { spacing } : {}),
    ...(times.length >= 2 && times[0]! > times[times.length - 1]! ? { newestFirst: true } : {}),
    dataRows,
    rows,
    notes,
    entries: { rows: [], periods: [], keys: [] },
  };
}
