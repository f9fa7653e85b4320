// Column form for custom functions. Sheets passes a multi-cell range as a 2-D array and a single cell as a
// plain value. A function given ranges answers with a range of the same shape (scalars broadcast), so one
// call fills a whole column. In column form a bad row yields error text in its own cell and every other row
// still computes; in scalar form the error is thrown, which Sheets shows as #ERROR! with the message. A
// per-cell custom function is declared once (cellFunction) with its arguments' names and forms.
import { type Cell, InputError, isErrorText, messageOf } from './values';

export type Grid = Cell[][];
/** What a custom function receives for one argument. */
export type Arg = Cell | Grid;
/** What a custom function returns: one value, or a range that spills. */
export type Result = Cell | Grid;

const isArray = Array.isArray;

export function isGrid(v: unknown): v is Grid {
  return isArray(v);
}

interface Shape {
  rows: number;
  cols: number;
}

/**
 * The size of a range, checked: Sheets passes a range as rows of equal length holding values, so anything
 * else (a list, ragged rows, a range inside a cell, an empty range) is refused naming the argument.
 */
function shapeOf(name: string, g: Grid): Shape {
  const rows = g.length;
  const cols = rows === 0 ? 0 : isArray(g[0]) ? g[0].length : 0;
  if (cols === 0) throw new InputError(`${name} is not a range of cells`);
  for (const row of g) {
    if (!isArray(row) || row.length !== cols) throw new InputError(`${name} is not a rectangular range`);
    for (let c = 0; c < cols; c++) {
      if (isArray(row[c])) throw new InputError(`${name} is not a range of cells`);
    }
  }
  return { rows, cols };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Applies `one` to each position of the arguments, broadcasting scalars (and 1×1 ranges).
 * Throws an InputError when two ranges differ in size, naming both and their sizes.
 * Returns the shape shared by the ranges, or undefined when every argument is a single value.
 */
export function commonShape(args: ReadonlyArray<readonly [string, Arg]>): Shape | undefined {
  let shape: Shape | undefined;
  let owner = '';
  for (const [name, value] of args) {
    if (!isGrid(value)) continue;
    const s = shapeOf(name, value);
    if (s.rows === 1 && s.cols === 1) continue;
    if (!shape) {
      shape = s;
      owner = name;
    } else if (s.rows !== shape.rows || s.cols !== shape.cols) {
      const size = (x: Shape) => (x.cols === 1 ? plural(x.rows, 'row') : `${x.rows}×${x.cols}`);
      throw new InputError(
        `${owner} has ${size(shape)} but ${name} has ${size(s)}: ranges must be the same height`,
      );
    }
  }
  return shape;
}

/** A 1×1 range is a single value, as Sheets passes a single cell. */
function unwrap(v: Arg): Arg {
  return isGrid(v) && v.length === 1 && v[0]?.length === 1 ? v[0][0] : v;
}

/**
 * Runs a per-cell function over scalar-or-range arguments.
 * - all scalar: returns the value, or throws `FN: message` (Sheets shows #ERROR! with the message);
 * - any range: returns a range of the same shape; a row whose inputs are bad holds `#ERROR: message`.
 * A plain loop with no per-cell allocation: one call scores 100,000 rows.
 */
export function mapCells<A extends readonly Arg[]>(
  fn: string,
  named: { [K in keyof A]: readonly [string, A[K]] },
  one: (...cells: { [K in keyof A]: Cell }) => Cell,
): Result {
  let shape: Shape | undefined;
  try {
    shape = commonShape(named);
  } catch (e) {
    throw prefixed(fn, e);
  }
  const args: Arg[] = named.map(([, v]) => unwrap(v));
  const n = args.length;
  const ranges: boolean[] = args.map(isGrid);
  const cells: Cell[] = args.map((v) => (isGrid(v) ? '' : v));
  const apply = one as unknown as (...c: Cell[]) => Cell;
  if (!shape) {
    try {
      return apply.apply(undefined, cells);
    } catch (e) {
      throw prefixed(fn, e);
    }
  }
  const { rows, cols } = shape;
  if (cols === 1 && n <= 4) return mapColumn(fn, args, rows, apply);
  const out: Grid = new Array(rows); // one allocation for the whole column (a global lookup once per call)
  const cellAt = (r: number, c: number): Cell => {
    for (let i = 0; i < n; i++) if (ranges[i]) cells[i] = (args[i] as Grid)[r]![c];
    try {
      // a direct call (our functions take at most four mapped arguments) is cheaper than apply()
      return n <= 4 ? apply(cells[0], cells[1], cells[2], cells[3]) : apply.apply(undefined, cells);
    } catch (e) {
      if (!(e instanceof InputError)) throw prefixed(fn, e);
      return `#ERROR: ${e.message}`;
    }
  };
  for (let r = 0; r < rows; r++) {
    if (cols === 1) {
      out[r] = [cellAt(r, 0)];
      continue;
    }
    const row: Cell[] = [];
    for (let c = 0; c < cols; c++) row.push(cellAt(r, c));
    out[r] = row;
  }
  return out;
}

/**
 * mapCells for the common call, one column and up to four arguments (OKR_SCORE over a Key Results sheet): each
 * row reads its cells straight from the columns and calls `one` directly, with no per-row closure or argument
 * array, so scoring a column costs little more than the arithmetic itself.
 */
function mapColumn(fn: string, args: Arg[], rows: number, one: (...c: Cell[]) => Cell): Grid {
  const [a, b, c, d] = args;
  const ga = isGrid(a) ? a : undefined;
  const gb = isGrid(b) ? b : undefined;
  const gc = isGrid(c) ? c : undefined;
  const gd = isGrid(d) ? d : undefined;
  const sa = a as Cell;
  const sb = b as Cell;
  const sc = c as Cell;
  const sd = d as Cell;
  const out: Grid = new Array(rows);
  for (let r = 0; r < rows; r++) {
    let v: Cell;
    try {
      v = one(ga ? ga[r]![0] : sa, gb ? gb[r]![0] : sb, gc ? gc[r]![0] : sc, gd ? gd[r]![0] : sd);
    } catch (e) {
      if (!(e instanceof InputError)) throw prefixed(fn, e);
      v = `#ERROR: ${e.message}`;
    }
    out[r] = [v];
  }
  return out;
}

/** The error a custom function throws: its message starts with the function's name. */
export function prefixed(fn: string, e: unknown): Error {
  const message = messageOf(e);
  return new Error(message.startsWith(`${fn}:`) ? message : `${fn}: ${message}`);
}

/** Every cell of an argument, row by row (a scalar is itself): the range checked as a range. */
export function cellsOf(name: string, value: Arg): Cell[] {
  if (!isGrid(value)) return [value];
  shapeOf(name, value);
  const cells: Cell[] = [];
  for (const row of value) for (const v of row) cells.push(v);
  return cells;
}

/** Reads an argument as a single column of cells (a scalar is a column of one). */
export function column(name: string, value: Arg): Cell[] {
  if (!isGrid(value)) return [value];
  const { cols } = shapeOf(name, value);
  if (cols > 1) throw new InputError(`${name} must be a single column, got ${cols} columns`);
  return value.map((row) => row[0]);
}

// ---- Declared custom functions -------------------------------------------------------------------------------

/** A single-value argument: a 1×1 range is its cell; a larger range is an error naming the argument. */
export function scalarArg(fn: string, name: string, v: Arg): Cell {
  if (isGrid(v)) {
    if (v.length === 1 && isArray(v[0]) && v[0].length === 1 && !isArray(v[0][0])) return v[0][0];
    throw prefixed(fn, new InputError(`${name} must be a single value, not a range`));
  }
  return v;
}

/** Runs `body`; what it throws comes out as `FN: message`, as Sheets shows a custom function's error. */
export function guard<T>(fn: string, body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw prefixed(fn, e);
  }
}

/**
 * A custom function computed cell by cell, declared instead of checked by hand: the arguments read per cell
 * (ranges of one shape, scalars broadcast), then the trailing arguments that must be single values, read once
 * into options. A function may pass an argument's error text on to its result (`passesErrorOf`): in column
 * form the row shows it, in scalar form it is thrown, so the cell shows #ERROR! naming that argument.
 */
export interface CellFunction<O> {
  name: string;
  cells: readonly string[];
  scalars?: readonly string[];
  options?: (...scalars: Cell[]) => O;
  /** one row: the per-cell arguments (up to four) in order, then the options */
  each: (a: Cell, b: Cell, c: Cell, d: Cell, options: O) => Cell;
  passesErrorOf?: string;
}

export function cellFunction<O>(spec: CellFunction<O>): (...args: Arg[]) => Result {
  const { name, cells, scalars = [] } = spec;
  return (...args: Arg[]): Result => {
    const read = scalars.map((s, i) => scalarArg(name, s, args[cells.length + i]));
    const options = guard(name, () => (spec.options ? spec.options(...read) : (undefined as O)));
    const named = cells.map((c, i) => [c, args[i]] as const);
    const result = mapCells(name, named as ReadonlyArray<readonly [string, Arg]>, (a, b, c, d) =>
      spec.each(a, b, c, d, options),
    );
    if (spec.passesErrorOf && !isGrid(result) && isErrorText(result)) {
      throw prefixed(name, new InputError(`${spec.passesErrorOf} is an error: ${result}`));
    }
    return result;
  };
}
