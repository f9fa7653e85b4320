// The charts of the sheet shown, floating over the grid as Sheets floats them: each at its anchor cell's top-left
// corner plus its offsets, scrolling with the cells (under the frozen rows and the headers). A click on a chart
// stays on it, as in Sheets, rather than selecting the cell beneath.
import type { ChartView } from '../emulator/chart-view';
import { Chart } from './chart';
import './charts.css';

export function ChartLayer(props: {
  charts: ChartView[];
  /** The pixel position of a cell's top-left corner in the grid's canvas. */
  place: (row: number, column: number) => { top: number; left: number };
}) {
  return (
    <>
      {props.charts.map((c) => {
        const at = props.place(c.position.row, c.position.column);
        const title =
          typeof c.options.title === 'string' && c.options.title !== '' ? c.options.title : 'Chart';
        return (
          <figure
            key={c.id}
            class="sheet-chart"
            data-chart-id={c.id}
            data-chart-type={c.type}
            aria-label={title}
            style={{
              top: `${at.top + c.position.offsetY}px`,
              left: `${at.left + c.position.offsetX}px`,
              width: `${c.width}px`,
              height: `${c.height}px`,
            }}
            onMouseDown={(e) => e.stopPropagation()}
          >
            <Chart view={c} />
          </figure>
        );
      })}
    </>
  );
}
