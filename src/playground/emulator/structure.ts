// Inserting and deleting rows and columns, as Sheets does: the engine's cells move, and so does everything the
// model keeps by position (cell formats and validations, column widths, conditional-format ranges, named
// ranges, protections, row and column metadata, charts' ranges and anchors, the active range); formulas'
// references are shifted in the text as written, and ranges that lose all their cells are dropped. Growth past
// Sheets' size limits is refused.
import { shiftCharts } from './chart-model';
import { isOpenEnded, type Shift, shiftTokens } from './formula';
import { checkGrowth } from './limits';
import { type GridRange, type SheetModel, sameName } from './model';
import type { Workbook } from './workbook';

/** Moves a 1-based span [start, start+length) for an insertion (count > 0) or deletion (count < 0) at `at`. */
function shiftSpan(start: number, length: number, at: number, count: number): [number, number] | null {
  const end = start + length - 1;
  if (count > 0) {
    if (start >= at) return [start + count, length];
    if (end >= at) return [start, length + count];
    return [start, length];
  }
  const n = -count;
  const to = at + n - 1;
  const ns = start < at ? start : start > to ? start - n : at;
  const ne = end < at ? end : end > to ? end - n : at - 1;
  if (ne < ns) return null;
  return [ns, ne - ns + 1];
}

/** Inserts (count > 0) or deletes (count < 0) rows or columns at `at` (1-based), as Sheets does. */
export function restructure(
  wb: Workbook,
  sheet: SheetModel,
  dimension: 'row' | 'column',
  at: number,
  count: number,
): void {
  if (count === 0) return;
  if (count > 0) {
    checkGrowth(
      wb,
      dimension === 'row'
        ? { cells: count * sheet.maxColumns }
        : { cells: count * sheet.maxRows, columns: sheet.maxColumns + count },
    );
  }
  const index: [number, number] = [at - 1, Math.abs(count)];
  if (dimension === 'row') {
    if (count > 0) wb.hf.addRows(sheet.hf, index);
    else wb.hf.removeRows(sheet.hf, index);
    if (count > 0) sheet.meta.splice(at - 1, 0, ...new Array<undefined>(count));
    else sheet.meta.splice(at - 1, -count);
    sheet.maxRows += count;
  } else {
    if (count > 0) wb.hf.addColumns(sheet.hf, index);
    else wb.hf.removeColumns(sheet.hf, index);
    for (const row of sheet.meta) {
      if (!row) continue;
      if (count > 0) {
        if (row.length >= at - 1) row.splice(at - 1, 0, ...new Array<undefined>(count));
      } else row.splice(at - 1, -count);
    }
    const widths: Record<number, number> = {};
    for (const [k, w] of Object.entries(sheet.columnWidths)) {
      const span = shiftSpan(Number(k), 1, at, count);
      if (span) widths[span[0]] = w;
    }
    sheet.columnWidths = widths;
    sheet.maxColumns += count;
  }
  const shift: Shift = { sheet: sheet.name, dimension, at, count };
  // Formulas: shift references to this sheet; bound open-ended ranges by the new size.
  wb.rewriteFormulas((tokens, own) => {
    const r = shiftTokens(tokens, own.name, shift);
    const open = r.tokens.some(
      (t) => t.kind === 'ref' && isOpenEnded(t) && sameName(t.sheet ?? own.name, sheet.name),
    );
    return { tokens: r.tokens, changed: r.changed || open };
  });
  const move = (range: GridRange): GridRange | null => shiftRange(wb, range, sheet, dimension, at, count);
  for (const s of wb.sheets) {
    s.rules = s.rules
      .map((rule) => ({ ...rule, ranges: rule.ranges.map(move).filter((r): r is GridRange => r !== null) }))
      .filter((rule) => rule.ranges.length > 0);
    s.eachCell((_r, _c, m) => {
      if (m.validation?.range) {
        const moved = move(m.validation.range);
        if (moved) m.validation.range = moved;
      }
    });
  }
  wb.namedRanges = wb.namedRanges.filter((n) => {
    const moved = move(n.range);
    if (!moved) {
      wb.hf.removeNamedExpression(n.name);
      return false;
    }
    n.range = moved;
    return true;
  });
  wb.protections = wb.protections.filter((p) => {
    if (!p.range) return true;
    const moved = move(p.range);
    if (moved) p.range = moved;
    return moved !== null;
  });
  wb.metadata = wb.metadata.filter((m) => {
    const loc = m.location;
    if (loc.type !== 'ROW' && loc.type !== 'COLUMN') return true;
    if (loc.sheet !== sheet || (loc.type === 'ROW') !== (dimension === 'row')) return true;
    const span = shiftSpan(loc.start, loc.count, at, count);
    if (!span) return false;
    m.location = { ...loc, start: span[0], count: span[1] };
    return true;
  });
  shiftCharts(wb, sheet, dimension, at, count, move);
  if (wb.active.range && wb.active.sheet === sheet) {
    const moved = move({ ...wb.active.range, sheet });
    wb.active.range = moved ?? undefined;
  }
  wb.syncNamedRanges();
  wb.respill();
}

function shiftRange(
  wb: Workbook,
  range: GridRange,
  sheet: SheetModel,
  dimension: 'row' | 'column',
  at: number,
  count: number,
): GridRange | null {
  if (range.sheet !== sheet) return range;
  if (dimension === 'row') {
    if (range.wholeColumns) return { ...range, numRows: sheet.maxRows };
    const span = shiftSpan(range.row, range.numRows, at, count);
    if (!span) return null;
    const r = { ...range, row: span[0], numRows: span[1] };
    return range.openRows ? wb.bounded(r) : r;
  }
  if (range.wholeRows) return { ...range, numColumns: sheet.maxColumns };
  const span = shiftSpan(range.column, range.numColumns, at, count);
  if (!span) return null;
  const r = { ...range, column: span[0], numColumns: span[1] };
  return range.openColumns ? wb.bounded(r) : r;
}
