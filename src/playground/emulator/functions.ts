// HyperFormula function plugins: the add-on's custom functions (called in the bundle, as Sheets calls them) and
// the clock functions TODAY()/NOW(), which follow the emulator's clock so tests are deterministic.
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  type FunctionPluginDefinition,
  HyperFormula,
  SimpleRangeValue,
} from 'hyperformula';

// HyperFormula's internal AST and interpreter state are not exported; these are the parts we read.
interface Ast {
  type: string;
  value?: unknown;
  procedureName?: string;
  args?: Ast[];
  reference?: { toSimpleCellAddress(base: Address): Address };
  start?: { toSimpleCellAddress(base: Address): Address };
}
interface InterpreterState {
  formulaAddress: Address;
}
export interface Address {
  sheet: number;
  row: number;
  col: number;
}

/** What the plugin needs from the emulator; implemented in workbook.ts. */
export interface FunctionBridge {
  /** Converts a value HyperFormula computed (possibly at a known cell) into what Sheets passes a custom function. */
  argument(value: unknown, address: Address | undefined): unknown;
  /** Calls the custom function in the add-on's realm; throws what it throws. */
  invoke(name: string, args: unknown[]): unknown;
  /** Converts one returned value for HyperFormula (dates become date numbers). */
  result(value: unknown, wrapDate: (serial: number, kind: 'date' | 'datetime') => unknown): unknown;
  /** The emulator's clock as a spreadsheet serial number in the spreadsheet's time zone. */
  nowSerial(): number;
  /** Remembers the size an array formula was predicted to have (for the #REF! spill message). */
  predicted(address: Address, rows: number, columns: number): void;
  /** A custom function is being computed for the formula at this cell (not for its size: see `size`). */
  evaluated(address: Address): void;
  /** A number rendered with a number format in the spreadsheet's locale (Sheets' TEXT). */
  text(value: number, pattern: string): string;
}

const RANGE_TYPES = new Set(['CELL_RANGE', 'COLUMN_RANGE', 'ROW_RANGE']);

/** A custom function threw: Sheets shows #ERROR! and keeps the message for the cell's tooltip. */
function thrownMessage(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}

/** Shape of what a custom function returned: Sheets spills a 2-D array; a 1-D array is one row. */
function shapeOf(value: unknown): { rows: number; columns: number } | undefined {
  if (!Array.isArray(value)) return undefined;
  if (value.length === 0) return { rows: 1, columns: 1 };
  if (!value.some((row) => Array.isArray(row))) return { rows: 1, columns: value.length };
  const columns = Math.max(1, ...value.map((row) => (Array.isArray(row) ? row.length : 1)));
  return { rows: value.length, columns };
}

function rows2d(value: unknown[]): unknown[][] {
  if (!value.some((row) => Array.isArray(row))) return [value];
  return value.map((row) => (Array.isArray(row) ? row : [row]));
}

/**
 * Builds the plugin class for one emulator instance: one HyperFormula function per custom function name, each
 * calling the bundle's global of that name through the bridge.
 */
export function customFunctionPlugin(
  names: readonly string[],
  bridge: FunctionBridge,
): FunctionPluginDefinition {
  class CustomFunctions extends FunctionPlugin {
    static override implementedFunctions = Object.fromEntries(
      names.map((name) => [
        name,
        {
          method: 'call',
          sizeOfResultArrayMethod: 'size',
          parameters: [{ argumentType: FunctionArgumentType.ANY, optionalArg: true }],
          repeatLastArgs: 1,
          vectorizationForbidden: true,
        },
      ]),
    );

    private argumentOf(ast: Ast, state: InterpreterState): unknown {
      if (ast.type === 'EMPTY') return '';
      const value = this.evaluateAst(ast as never, state as never);
      if (value instanceof SimpleRangeValue) {
        const data = value.rawData();
        const start = value.range?.start as Address | undefined;
        const grid = data.map((row, r) =>
          row.map((cell, c) =>
            bridge.argument(
              cell,
              start ? { sheet: start.sheet, row: start.row + r, col: start.col + c } : undefined,
            ),
          ),
        );
        // Sheets passes a single cell as a plain value, even when written as a range (A2:A2).
        if (grid.length === 1 && grid[0]!.length === 1) return grid[0]![0];
        return grid;
      }
      // A one-cell range (A1:A1) evaluates to its value; its address still tells whether it is a date.
      const address =
        ast.type === 'CELL_REFERENCE' && ast.reference
          ? ast.reference.toSimpleCellAddress(state.formulaAddress)
          : ast.type === 'CELL_RANGE' && ast.start
            ? ast.start.toSimpleCellAddress(state.formulaAddress)
            : undefined;
      return bridge.argument(value, address);
    }

    call(ast: Ast, state: InterpreterState): unknown {
      const name = ast.procedureName!;
      bridge.evaluated(state.formulaAddress);
      let result: unknown;
      try {
        const args = (ast.args ?? []).map((a) => this.argumentOf(a, state));
        result = bridge.invoke(name, args);
      } catch (e) {
        return new CellError(ErrorType.ERROR, thrownMessage(e));
      }
      const wrap = (serial: number, kind: 'date' | 'datetime') =>
        this.returnNumberWrapper(serial, (kind === 'date' ? 'NUMBER_DATE' : 'NUMBER_DATETIME') as never);
      const convert = (v: unknown) => bridge.result(v, wrap);
      const shape = shapeOf(result);
      if (!shape) return convert(result);
      const grid = rows2d(result as unknown[]);
      if (shape.rows === 1 && shape.columns === 1) return convert(grid[0]?.[0] ?? '');
      const data = grid.map((row) => {
        const out = row.map(convert);
        while (out.length < shape.columns) out.push('');
        return out;
      });
      return SimpleRangeValue.onlyValues(data as never);
    }

    /**
     * HyperFormula must know an array result's size before evaluating. Our functions' output shape depends only
     * on their inputs' shapes, so call the real function with placeholders of the right shapes: "" for every
     * cell of a range, literals as written, "" for anything else.
     */
    size(ast: Ast, state: InterpreterState): ArraySize {
      const name = ast.procedureName!;
      const args = (ast.args ?? []).map((a): unknown => {
        const s = this.arraySizeForAst(a as never, state as never);
        if (!RANGE_TYPES.has(a.type) && s.isScalar()) {
          if (a.type === 'NUMBER' || a.type === 'STRING') return a.value;
          if (a.type === 'FUNCTION_CALL' && (a.procedureName === 'TRUE' || a.procedureName === 'FALSE')) {
            return a.procedureName === 'TRUE';
          }
          return '';
        }
        if (s.width === 1 && s.height === 1) return '';
        return Array.from({ length: s.height }, () => Array.from({ length: s.width }, () => ''));
      });
      let result: unknown;
      try {
        result = bridge.invoke(name, args);
      } catch {
        return ArraySize.scalar();
      }
      const shape = shapeOf(result);
      if (!shape || (shape.rows === 1 && shape.columns === 1)) return ArraySize.scalar();
      bridge.predicted(state.formulaAddress, shape.rows, shape.columns);
      return new ArraySize(shape.columns, shape.rows);
    }
  }
  return CustomFunctions;
}

/** TODAY() and NOW() on the emulator's clock, in the spreadsheet's time zone. */
export function clockPlugin(bridge: FunctionBridge): FunctionPluginDefinition {
  class Clock extends FunctionPlugin {
    static override implementedFunctions = {
      TODAY: { method: 'today', parameters: [], isVolatile: true, returnNumberType: 'NUMBER_DATE' as never },
      NOW: { method: 'now', parameters: [], isVolatile: true, returnNumberType: 'NUMBER_DATETIME' as never },
    };
    today(ast: Ast, state: InterpreterState): unknown {
      return this.runFunction(ast.args as never, state as never, this.metadata('TODAY'), () =>
        Math.floor(bridge.nowSerial()),
      );
    }
    now(ast: Ast, state: InterpreterState): unknown {
      return this.runFunction(ast.args as never, state as never, this.metadata('NOW'), () =>
        bridge.nowSerial(),
      );
    }
  }
  return Clock;
}

/**
 * Sheets functions HyperFormula gets wrong for our sheets: TEXT (HyperFormula's TEXT mis-renders percent
 * patterns: TEXT(0.5,"0%") gives "1%") is rendered with the emulator's number formats instead.
 */
export function sheetsCompatPlugin(
  render: (value: number, pattern: string) => string,
): FunctionPluginDefinition {
  class SheetsCompat extends FunctionPlugin {
    static override implementedFunctions = {
      TEXT: {
        method: 'text',
        parameters: [
          { argumentType: FunctionArgumentType.SCALAR },
          { argumentType: FunctionArgumentType.STRING },
        ],
      },
    };
    text(ast: Ast, state: InterpreterState): unknown {
      return this.runFunction(
        ast.args as never,
        state as never,
        this.metadata('TEXT'),
        (value: unknown, pattern: string) => {
          if (typeof value === 'string') return value;
          if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
          const n =
            value && typeof value === 'object' && 'val' in value
              ? Number((value as { val: unknown }).val)
              : Number(value);
          try {
            return render(n, pattern);
          } catch (e) {
            return new CellError(ErrorType.VALUE, thrownMessage(e));
          }
        },
      );
    }
  }
  return SheetsCompat;
}

const translated = new Set<string>();

/** HyperFormula only calls functions that have a name in the formula language (en-GB is its default). */
export function registerFunctionNames(names: readonly string[]): void {
  const missing = names.filter((n) => !translated.has(n));
  if (missing.length === 0) return;
  HyperFormula.getLanguage('enGB').extendFunctions(Object.fromEntries(missing.map((n) => [n, n])));
  for (const n of missing) translated.add(n);
}

/** Names HyperFormula already implements: Sheets' built-ins win over a custom function of the same name. */
export function builtInFunctionNames(): Set<string> {
  return new Set(HyperFormula.getRegisteredFunctionNames('enGB'));
}

export { EmptyValue };
