// What Sheets' own menus offer in the playground, for the selection at hand, with Sheets' captions: Edit (Undo,
// Redo, Delete rows), Insert › Rows, Data › Sort sheet and Sort range, and the right-click menus of row headers
// and cells (insert, delete) and of column headers (sort the sheet). The commands themselves are the app's.
import { columnLetter } from '../../core/a1';
import type { MenuTarget } from './grid';
import type { PageMenuEntry, SheetsMenus } from './menus';
import { isSingle, type Selection, span } from './selection';
import type { SortChoice } from './sort-dialog';

export interface GridCommands {
  undo(): void;
  redo(): void;
  insertRows(above: boolean): void;
  deleteRows(): void;
  sortSheet(ascending: boolean): void;
  sortRange(choice: SortChoice): void;
  /** Opens Advanced range sorting options. */
  sortRangeDialog(): void;
}

function rowItems(selection: Selection, c: GridCommands): { insert: PageMenuEntry[]; remove: PageMenuEntry } {
  const r = span(selection);
  const n = r.bottom - r.top + 1;
  const rows = n === 1 ? '1 row' : `${n} rows`;
  return {
    insert: [
      { type: 'item', caption: `Insert ${rows} above`, run: () => c.insertRows(true) },
      { type: 'item', caption: `Insert ${rows} below`, run: () => c.insertRows(false) },
    ],
    remove: {
      type: 'item',
      caption: n === 1 ? `Delete row ${r.top}` : `Delete rows ${r.top} - ${r.bottom}`,
      run: () => c.deleteRows(),
    },
  };
}

export function sheetsMenus(
  selection: Selection,
  history: { undo: number; redo: number },
  c: GridCommands,
): SheetsMenus {
  const rows = rowItems(selection, c);
  const column = selection.active.column;
  const letter = columnLetter(column);
  return {
    File: null,
    Edit: [
      { type: 'item', caption: 'Undo', shortcut: 'Ctrl+Z', disabled: history.undo === 0, run: c.undo },
      { type: 'item', caption: 'Redo', shortcut: 'Ctrl+Y', disabled: history.redo === 0, run: c.redo },
      { type: 'separator' },
      rows.remove,
    ],
    View: null,
    Insert: [{ type: 'submenu', caption: 'Rows', items: rows.insert }],
    Format: null,
    Data: [
      {
        type: 'submenu',
        caption: 'Sort sheet',
        items: [
          { type: 'item', caption: `Sort sheet by column ${letter} (A to Z)`, run: () => c.sortSheet(true) },
          { type: 'item', caption: `Sort sheet by column ${letter} (Z to A)`, run: () => c.sortSheet(false) },
        ],
      },
      {
        type: 'submenu',
        caption: 'Sort range',
        disabled: isSingle(selection),
        items: [
          {
            type: 'item',
            caption: `Sort range by column ${letter} (A to Z)`,
            run: () => c.sortRange({ column, ascending: true, headerRow: false }),
          },
          {
            type: 'item',
            caption: `Sort range by column ${letter} (Z to A)`,
            run: () => c.sortRange({ column, ascending: false, headerRow: false }),
          },
          { type: 'separator' },
          { type: 'item', caption: 'Advanced range sorting options', run: c.sortRangeDialog },
        ],
      },
    ],
    Tools: null,
  };
}

/** The right-click menu: a column header sorts the sheet by it; a row header or a cell inserts and deletes rows. */
export function contextMenu(target: MenuTarget, selection: Selection, c: GridCommands): PageMenuEntry[] {
  if (target.kind === 'column') {
    return [
      { type: 'item', caption: 'Sort sheet A to Z', run: () => c.sortSheet(true) },
      { type: 'item', caption: 'Sort sheet Z to A', run: () => c.sortSheet(false) },
    ];
  }
  const rows = rowItems(selection, c);
  return [...rows.insert, rows.remove];
}
