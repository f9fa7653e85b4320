// Sorting rows of a range as Sheets' Data › Sort range and Sort sheet do: whole rows of the range move, with
// their values, formulas (relative references moved with the row) and formats; a header row stays; references
// from elsewhere keep their addresses. The order: numbers (dates and times are numbers) before text, text
// without regard to case, then booleans and errors; blank keys always last, in either direction; rows with equal
// keys keep their order. (Sheets documents none of the order between kinds; this is ours.)
import { type CellCopy, readCell, writeCell } from './cell-copy';
import { computed } from './cells';
import { type Computed, type GridRange, isCellError } from './model';
import type { Workbook } from './workbook';

export interface SortSpec {
  /** The column sorted by (1-based, on the sheet). */
  column: number;
  ascending: boolean;
  /** The range's first row is a header: it stays where it is. */
  headerRow?: boolean;
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });

function kind(v: Computed): number {
  if (v === null || v === '') return 4;
  if (typeof v === 'number') return 0;
  if (typeof v === 'string') return 1;
  if (typeof v === 'boolean') return 2;
  return 3;
}

function compare(a: Computed, b: Computed): number {
  const ka = kind(a);
  const kb = kind(b);
  if (ka !== kb) return ka - kb;
  if (ka === 0) return (a as number) - (b as number);
  if (ka === 1) return collator.compare(a as string, b as string);
  if (ka === 2) return Number(a) - Number(b);
  if (ka === 3 && isCellError(a) && isCellError(b)) return collator.compare(a.error, b.error);
  return 0;
}

/** Sorts the rows of `range` (bounded to its sheet) by one of its columns. */
export function sortRows(wb: Workbook, range: GridRange, spec: SortSpec): void {
  const r = wb.bounded(range);
  const { sheet } = r;
  const first = r.row + (spec.headerRow ? 1 : 0);
  const last = r.row + r.numRows - 1;
  if (last <= first) return;
  const rows = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const key = new Map(rows.map((row) => [row, computed(wb, sheet, row, spec.column)]));
  const order = [...rows].sort((x, y) => {
    const a = key.get(x)!;
    const b = key.get(y)!;
    const blankA = kind(a) === 4;
    const blankB = kind(b) === 4;
    if (blankA || blankB) return Number(blankA) - Number(blankB);
    const c = compare(a, b);
    return spec.ascending ? c : -c;
  });
  if (order.every((row, i) => row === rows[i])) return;
  const columns = Array.from({ length: r.numColumns }, (_, i) => r.column + i);
  const copies = new Map<number, CellCopy[]>(
    rows.map((row) => [row, columns.map((column) => readCell(wb, sheet, row, column))]),
  );
  wb.batch(() => {
    order.forEach((from, i) => {
      const to = rows[i]!;
      if (from === to) return;
      copies.get(from)!.forEach((copy, j) => {
        writeCell(wb, sheet, to, columns[j]!, copy, to - from, 0);
      });
    });
  });
}
