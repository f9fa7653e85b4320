// Data › Sort range › Advanced range sorting options, as in Sheets: whether the range's first row is a header
// (it then stays put, and names the columns to sort by), the column to sort by, and A → Z or Z → A.
import { useState } from 'preact/hooks';
import { columnLetter } from '../../core/a1';
import { a1, type Span } from './selection';

export interface SortChoice {
  column: number;
  ascending: boolean;
  headerRow: boolean;
}

export function SortDialog(props: {
  range: Span;
  /** The text a cell of the range's first row shows. */
  headerText: (column: number) => string;
  onSort: (choice: SortChoice) => void;
  onCancel: () => void;
}) {
  const { range } = props;
  const [headerRow, setHeaderRow] = useState(false);
  const [column, setColumn] = useState(range.left);
  const [ascending, setAscending] = useState(true);
  const columns = Array.from({ length: range.right - range.left + 1 }, (_, i) => range.left + i);
  const label = (c: number) =>
    headerRow && props.headerText(c) ? props.headerText(c) : `Column ${columnLetter(c)}`;
  const from = a1({ row: range.top, column: range.left });
  const to = a1({ row: range.bottom, column: range.right });
  return (
    <div class="overlay" role="presentation">
      <div
        class="modal sort-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={`Sort range from ${from} to ${to}`}
      >
        <h2>
          Sort range from {from} to {to}
        </h2>
        <label class="modal-check">
          <input
            type="checkbox"
            checked={headerRow}
            onChange={(e) => setHeaderRow((e.target as HTMLInputElement).checked)}
          />
          Data has header row
        </label>
        <div class="sort-row">
          <label>
            Sort by{' '}
            <select
              aria-label="Sort by"
              value={String(column)}
              onChange={(e) => setColumn(Number((e.target as HTMLSelectElement).value))}
            >
              {columns.map((c) => (
                <option key={c} value={String(c)}>
                  {label(c)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input type="radio" name="order" checked={ascending} onChange={() => setAscending(true)} />A → Z
          </label>
          <label>
            <input type="radio" name="order" checked={!ascending} onChange={() => setAscending(false)} />Z → A
          </label>
        </div>
        <div class="modal-buttons">
          <button type="button" class="secondary" onClick={props.onCancel}>
            Cancel
          </button>
          <button
            type="button"
            class="primary"
            onClick={() => props.onSort({ column, ascending, headerRow })}
          >
            Sort
          </button>
        </div>
      </div>
    </div>
  );
}
