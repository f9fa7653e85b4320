// The grid: a sheet's cells as Sheets shows them (column letters, row numbers, frozen rows, formats, colours,
// dropdowns), drawn only where the window looks (rows and columns), with the selection (a cell, a range by
// shift or drag, whole rows or columns by their headers), typing in place, the keyboard of a spreadsheet, the
// clipboard, and right-click menus; the sheet's charts float over it (chart-layer.tsx). Each sheet keeps its own
// scroll position; a sheet not seen before opens at A1. What the keys and clicks mean for the workbook is the
// app's (main.tsx).
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { columnLetter } from '../../core/a1';
import type { CellView, SheetView } from '../emulator/view';
import { ChartLayer } from './chart-layer';
import {
  a1,
  type Cell,
  columns as columnSelection,
  inSpan,
  rows as rowSelection,
  type Selection,
  single,
  span,
} from './selection';

const ROW_HEIGHT = 21;
const HEADER_HEIGHT = 24;
const ROW_HEADER_WIDTH = 46;
const DEFAULT_COLUMN_WIDTH = 100;
const OVERSCAN_ROWS = 10;
const OVERSCAN_COLUMNS = 3;

export type Move = 'down' | 'up' | 'right' | 'left' | 'none';
export type MenuTarget = { kind: 'row' | 'column' | 'cell'; x: number; y: number };

export interface GridProps {
  sheet: SheetView;
  selection: Selection;
  /** A cell to bring into view (keyboard moves, the name box, undo); clicks need none. */
  reveal: { cell: Cell } | null;
  editing: string | null;
  /** Where each sheet (by id) was scrolled to. */
  scrolls: Map<number, { top: number; left: number }>;
  onSelect: (s: Selection, reveal?: Cell) => void;
  onStartEdit: (initial: string | null) => void;
  onEditChange: (value: string) => void;
  onCommit: (value: string, move: Move) => void;
  onCancel: () => void;
  onClear: () => void;
  onUndo: () => void;
  onRedo: () => void;
  onCopy: () => string;
  onPaste: (text: string) => void;
  onMenu: (target: MenuTarget) => void;
}

function cellStyle(cell: CellView | undefined, width: number): Record<string, string> {
  const style: Record<string, string> = { width: `${width}px` };
  if (!cell) return style;
  if (cell.background) style.background = cell.background;
  if (cell.color) style.color = cell.color;
  if (cell.bold) style.fontWeight = 'bold';
  const align =
    cell.align ??
    (cell.kind === 'number' ? 'right' : cell.kind === 'boolean' || cell.kind === 'error' ? 'center' : 'left');
  style.textAlign = align;
  if (cell.wrap) style.whiteSpace = 'normal';
  return style;
}

/** The first index whose span [starts[i], starts[i] + sizes[i]) reaches past x. */
function firstReaching(starts: number[], sizes: number[], x: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! + sizes[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

type Drag = { kind: 'cells' | 'rows' | 'columns'; anchor: Cell } | null;

export function Grid(props: GridProps) {
  const { sheet, selection } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const editor = useRef<HTMLInputElement>(null);
  const [view, setView] = useState({ top: 0, left: 0, height: 800, width: 1200 });
  const [dropdown, setDropdown] = useState(false);
  const drag = useRef<Drag>(null);
  const sheetId = useRef(sheet.id);
  sheetId.current = sheet.id;

  const widths = useMemo(
    () =>
      Array.from({ length: sheet.maxColumns }, (_, i) => sheet.columnWidths[i + 1] ?? DEFAULT_COLUMN_WIDTH),
    [sheet],
  );
  const lefts = useMemo(() => {
    const out: number[] = [];
    let x = ROW_HEADER_WIDTH;
    for (const w of widths) {
      out.push(x);
      x += w;
    }
    return out;
  }, [widths]);
  const totalWidth = ROW_HEADER_WIDTH + widths.reduce((a, b) => a + b, 0);
  const frozen = Math.min(sheet.frozenRows, sheet.maxRows);
  const bodyRows = sheet.maxRows - frozen;
  const sel = span(selection);
  const active = selection.active;

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const update = () => {
      setView({ top: el.scrollTop, left: el.scrollLeft, height: el.clientHeight, width: el.clientWidth });
      props.scrolls.set(sheetId.current, { top: el.scrollTop, left: el.scrollLeft });
    };
    el.addEventListener('scroll', update);
    window.addEventListener('resize', update);
    return () => {
      el.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, [props.scrolls]);

  // Another sheet: back where it was left, or at A1 if it was not seen before.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const at = props.scrolls.get(sheet.id) ?? { top: 0, left: 0 };
    el.scrollTop = at.top;
    el.scrollLeft = at.left;
    setView({ top: el.scrollTop, left: el.scrollLeft, height: el.clientHeight, width: el.clientWidth });
  }, [sheet.id]);

  useEffect(() => setDropdown(false), [active.row, active.column, sheet.name]);

  // Bring a cell into view when asked.
  useEffect(() => {
    const el = scroller.current;
    const cell = props.reveal?.cell;
    if (!el || !cell) return;
    const top = HEADER_HEIGHT + (cell.row - 1) * ROW_HEIGHT;
    const stickyHeight = HEADER_HEIGHT + frozen * ROW_HEIGHT;
    if (cell.row > frozen) {
      if (top < el.scrollTop + stickyHeight) el.scrollTop = top - stickyHeight;
      else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight)
        el.scrollTop = top + ROW_HEIGHT - el.clientHeight + 2;
    }
    const left = lefts[cell.column - 1] ?? 0;
    const w = widths[cell.column - 1] ?? DEFAULT_COLUMN_WIDTH;
    if (left - ROW_HEADER_WIDTH < el.scrollLeft) el.scrollLeft = left - ROW_HEADER_WIDTH;
    else if (left + w > el.scrollLeft + el.clientWidth) el.scrollLeft = left + w - el.clientWidth + 2;
  }, [props.reveal]);

  // A drag ends wherever the mouse is released.
  useEffect(() => {
    const up = () => {
      drag.current = null;
    };
    document.addEventListener('mouseup', up);
    return () => document.removeEventListener('mouseup', up);
  }, []);

  const firstBody = Math.max(frozen + 1, frozen + 1 + Math.floor(view.top / ROW_HEIGHT) - OVERSCAN_ROWS);
  const lastBody = Math.min(
    sheet.maxRows,
    frozen + Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN_ROWS,
  );
  const firstColumn = Math.max(
    0,
    firstReaching(lefts, widths, view.left + ROW_HEADER_WIDTH) - OVERSCAN_COLUMNS,
  );
  const lastColumn = Math.min(
    widths.length - 1,
    firstReaching(lefts, widths, view.left + view.width) + OVERSCAN_COLUMNS,
  );
  const shown = Array.from({ length: Math.max(0, lastColumn - firstColumn + 1) }, (_, i) => firstColumn + i);
  const spacer = (lefts[firstColumn] ?? ROW_HEADER_WIDTH) - ROW_HEADER_WIDTH;

  const focusEditor = () => setTimeout(() => editor.current?.focus(), 0);

  const press = (e: MouseEvent, cell: Cell, kind: 'cells' | 'rows' | 'columns') => {
    if (e.button !== 0) return;
    e.preventDefault();
    const extend = e.shiftKey;
    const from = extend ? active : cell;
    drag.current = { kind, anchor: from };
    if (kind === 'cells') props.onSelect(extend ? { active, extent: cell } : single(cell));
    else if (kind === 'rows')
      props.onSelect(
        rowSelection(Math.min(from.row, cell.row), Math.max(from.row, cell.row), sheet.maxColumns, from.row),
      );
    else
      props.onSelect(
        columnSelection(
          Math.min(from.column, cell.column),
          Math.max(from.column, cell.column),
          sheet.maxRows,
          from.column,
        ),
      );
    focusEditor();
  };
  const over = (cell: Cell, kind: 'cells' | 'rows' | 'columns') => {
    const d = drag.current;
    if (!d || d.kind !== kind) return;
    const from = d.anchor;
    if (kind === 'cells') props.onSelect({ active: from, extent: cell });
    else if (kind === 'rows')
      props.onSelect(
        rowSelection(Math.min(from.row, cell.row), Math.max(from.row, cell.row), sheet.maxColumns, from.row),
      );
    else
      props.onSelect(
        columnSelection(
          Math.min(from.column, cell.column),
          Math.max(from.column, cell.column),
          sheet.maxRows,
          from.column,
        ),
      );
  };
  const menu = (e: MouseEvent, cell: Cell, kind: 'row' | 'column' | 'cell') => {
    e.preventDefault();
    const inside =
      kind === 'row'
        ? cell.row >= sel.top && cell.row <= sel.bottom && sel.left === 1 && sel.right === sheet.maxColumns
        : kind === 'column'
          ? cell.column >= sel.left &&
            cell.column <= sel.right &&
            sel.top === 1 &&
            sel.bottom === sheet.maxRows
          : inSpan(sel, cell.row, cell.column);
    if (!inside) {
      if (kind === 'row') props.onSelect(rowSelection(cell.row, cell.row, sheet.maxColumns));
      else if (kind === 'column') props.onSelect(columnSelection(cell.column, cell.column, sheet.maxRows));
      else props.onSelect(single(cell));
    }
    props.onMenu({ kind, x: e.clientX, y: e.clientY });
    focusEditor();
  };

  const renderRow = (row: number, top: number | undefined) => (
    <div
      key={row}
      class={`grid-row ${row === frozen ? 'frozen-last' : ''}`}
      style={top === undefined ? { width: `${totalWidth}px` } : { top: `${top}px`, width: `${totalWidth}px` }}
    >
      {/* biome-ignore lint/a11y/useSemanticElements: a row header of a virtualised div grid */}
      <div
        role="rowheader"
        tabIndex={-1}
        class={`row-header ${row >= sel.top && row <= sel.bottom ? 'selected' : ''}`}
        style={{ width: `${ROW_HEADER_WIDTH}px` }}
        data-row={row}
        onMouseDown={(e) => press(e, { row, column: 1 }, 'rows')}
        onMouseEnter={() => over({ row, column: 1 }, 'rows')}
        onContextMenu={(e) => menu(e, { row, column: 1 }, 'row')}
      >
        {row}
      </div>
      {spacer > 0 && <div class="column-spacer" style={{ width: `${spacer}px` }} />}
      {shown.map((i) => {
        const column = i + 1;
        const key = a1({ row, column });
        const cell = sheet.cells[key];
        const isActive = row === active.row && column === active.column;
        const inRange = !isActive && inSpan(sel, row, column);
        return (
          // biome-ignore lint/a11y/useSemanticElements: cells of a virtualised div grid (see the grid's note)
          <div
            key={key}
            role="gridcell"
            tabIndex={-1}
            aria-selected={isActive || inRange}
            class={`cell ${isActive ? 'selected' : ''} ${inRange ? 'in-range' : ''} ${cell?.kind === 'error' ? 'error' : ''}`}
            style={cellStyle(cell, widths[i]!)}
            title={cell?.error ?? cell?.help}
            data-cell={key}
            onMouseDown={(e) => press(e, { row, column }, 'cells')}
            onMouseEnter={() => over({ row, column }, 'cells')}
            onContextMenu={(e) => menu(e, { row, column }, 'cell')}
            onDblClick={() => props.onStartEdit(null)}
          >
            {cell?.text}
            {cell?.choices && isActive && (
              <button
                type="button"
                class="dropdown-toggle"
                aria-label="Show choices"
                onMouseDown={(e) => {
                  e.stopPropagation();
                  e.preventDefault();
                  setDropdown((d) => !d);
                }}
              >
                ▾
              </button>
            )}
          </div>
        );
      })}
    </div>
  );

  const activeCell = sheet.cells[a1(active)];
  const selTop =
    active.row <= frozen
      ? HEADER_HEIGHT + (active.row - 1) * ROW_HEIGHT + view.top
      : HEADER_HEIGHT + (active.row - 1) * ROW_HEIGHT;
  const selLeft = lefts[active.column - 1] ?? ROW_HEADER_WIDTH;
  const selWidth = widths[active.column - 1] ?? DEFAULT_COLUMN_WIDTH;

  // One input, always at the active cell and focused while the grid is in use (as Sheets does): hidden until
  // the user types, so no keystroke is lost between "start editing" and the editor appearing.
  const editingNow = props.editing !== null;
  const onKeyDown = (e: KeyboardEvent) => {
    const input = e.target as HTMLInputElement;
    if (editingNow) {
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        props.onCommit(
          input.value,
          e.key === 'Enter' ? (e.shiftKey ? 'up' : 'down') : e.shiftKey ? 'left' : 'right',
        );
      } else if (e.key === 'Escape') {
        e.preventDefault();
        props.onCancel();
      }
      return;
    }
    const mod = e.ctrlKey || e.metaKey;
    if (mod && !e.altKey) {
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) {
        e.preventDefault();
        return props.onUndo();
      }
      if (k === 'y' || (k === 'z' && e.shiftKey)) {
        e.preventDefault();
        return props.onRedo();
      }
      return; // copy, paste and the browser's own shortcuts
    }
    const move = (dr: number, dc: number) => {
      e.preventDefault();
      const clamp = (c: Cell) => ({
        row: Math.min(sheet.maxRows, Math.max(1, c.row + dr)),
        column: Math.min(sheet.maxColumns, Math.max(1, c.column + dc)),
      });
      if (e.shiftKey && e.key !== 'Tab') {
        const extent = clamp(selection.extent);
        props.onSelect({ active, extent }, extent);
      } else {
        const to = clamp(active);
        props.onSelect(single(to), to);
      }
    };
    if (e.key === 'ArrowDown') return move(1, 0);
    if (e.key === 'ArrowUp') return move(-1, 0);
    if (e.key === 'ArrowRight') return move(0, 1);
    if (e.key === 'ArrowLeft') return move(0, -1);
    if (e.key === 'Tab') return move(0, e.shiftKey ? -1 : 1);
    if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      return props.onStartEdit(null);
    }
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      return props.onClear();
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      return props.onSelect(single(active));
    }
    // Printable keys fall through: the input receives them and onInput starts editing.
  };
  useEffect(() => {
    const el = editor.current;
    if (!el) return;
    if (editingNow) el.setSelectionRange(el.value.length, el.value.length);
  }, [editingNow]);

  return (
    // biome-ignore lint/a11y/useSemanticElements: a virtualised grid of divs; a <table> cannot keep sticky frozen rows and windowed rendering
    <div
      class="grid-scroller"
      ref={scroller}
      role="grid"
      aria-label={`Sheet ${sheet.name}`}
      aria-rowcount={sheet.maxRows}
      aria-colcount={sheet.maxColumns}
      aria-multiselectable="true"
      onMouseDown={focusEditor}
    >
      <div
        class="grid-canvas"
        style={{ width: `${totalWidth}px`, height: `${HEADER_HEIGHT + sheet.maxRows * ROW_HEIGHT}px` }}
      >
        <div class="column-headers" style={{ width: `${totalWidth}px`, height: `${HEADER_HEIGHT}px` }}>
          <div class="corner" style={{ width: `${ROW_HEADER_WIDTH}px` }} />
          {spacer > 0 && <div class="column-spacer" style={{ width: `${spacer}px` }} />}
          {shown.map((i) => {
            const column = i + 1;
            return (
              // biome-ignore lint/a11y/useSemanticElements: a column header of a virtualised div grid
              <div
                key={column}
                role="columnheader"
                tabIndex={-1}
                class={`column-header ${column >= sel.left && column <= sel.right ? 'selected' : ''}`}
                style={{ width: `${widths[i]}px` }}
                data-column={columnLetter(column)}
                onMouseDown={(e) => press(e, { row: 1, column }, 'columns')}
                onMouseEnter={() => over({ row: 1, column }, 'columns')}
                onContextMenu={(e) => menu(e, { row: 1, column }, 'column')}
              >
                {columnLetter(column)}
              </div>
            );
          })}
        </div>
        {frozen > 0 && (
          <div class="frozen-rows" style={{ top: `${HEADER_HEIGHT}px`, width: `${totalWidth}px` }}>
            {Array.from({ length: frozen }, (_, i) => renderRow(i + 1, undefined))}
          </div>
        )}
        <div class="grid-body" style={{ height: `${bodyRows * ROW_HEIGHT}px`, width: `${totalWidth}px` }}>
          {Array.from({ length: Math.max(0, lastBody - firstBody + 1) }, (_, i) => {
            const row = firstBody + i;
            return renderRow(row, (row - frozen - 1) * ROW_HEIGHT);
          })}
        </div>
        <ChartLayer
          charts={sheet.charts}
          place={(row, column) => ({
            // the last frozen row is drawn 3 px taller (its thick edge)
            top: HEADER_HEIGHT + (row - 1) * ROW_HEIGHT + (frozen > 0 && row > frozen ? 3 : 0),
            left: lefts[column - 1] ?? ROW_HEADER_WIDTH,
          })}
        />
        <input
          ref={editor}
          class={`cell-editor ${editingNow ? '' : 'idle'}`}
          data-grid-input=""
          aria-label={`Cell ${a1(active)}`}
          autocomplete="off"
          spellcheck={false}
          style={{
            top: `${selTop}px`,
            left: `${selLeft}px`,
            minWidth: `${selWidth}px`,
            height: `${ROW_HEIGHT}px`,
          }}
          value={props.editing ?? ''}
          onInput={(e) => props.onEditChange((e.target as HTMLInputElement).value)}
          onKeyDown={onKeyDown}
          onCopy={(e) => {
            if (editingNow) return;
            e.preventDefault();
            e.clipboardData?.setData('text/plain', props.onCopy());
          }}
          onPaste={(e) => {
            if (editingNow) return;
            e.preventDefault();
            props.onPaste(e.clipboardData?.getData('text/plain') ?? '');
          }}
        />
        {dropdown && activeCell?.choices && (
          <ul
            class="dropdown"
            style={{ top: `${selTop + ROW_HEIGHT}px`, left: `${selLeft}px`, minWidth: `${selWidth}px` }}
          >
            {activeCell.choices.map((c) => (
              <li key={c}>
                <button
                  type="button"
                  aria-pressed={c === activeCell.text}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    setDropdown(false);
                    props.onCommit(c, 'none');
                  }}
                >
                  {c}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
