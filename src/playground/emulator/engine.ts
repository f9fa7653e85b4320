// HyperFormula set up as the emulator needs it: every built-in, the clock functions and Sheets' TEXT
// (functions.ts), the add-on's custom functions calling into the bundle through a bridge, Sheets' precision and
// date input, and no undo log. Also the code Sheets shows for each of HyperFormula's error types.
import { HyperFormula } from 'hyperformula';
import {
  builtInFunctionNames,
  clockPlugin,
  customFunctionPlugin,
  type FunctionBridge,
  registerFunctionNames,
  sheetsCompatPlugin,
} from './functions';

/** The code a cell shows in Sheets for each HyperFormula error type. */
export const HF_ERRORS: Record<string, string> = {
  DIV_BY_ZERO: '#DIV/0!',
  NA: '#N/A',
  NAME: '#NAME?',
  NUM: '#NUM!',
  REF: '#REF!',
  VALUE: '#VALUE!',
  ERROR: '#ERROR!',
  CYCLE: '#REF!',
  SPILL: '#REF!',
  LIC: '#ERROR!',
};

/**
 * HyperFormula keeps every operation for undo, even with undoLimit 0, and scans them all at each compaction:
 * a 40,000-cell setValues then costs minutes. The emulator never undoes, so operations are not kept at all.
 * (Internal API of hyperformula 3.x, pinned in package.json; the emulator's tests of large writes fail loudly if
 * it changes.)
 */
function dropUndoHistory(hf: HyperFormula): void {
  const undoRedo = (hf as unknown as { _crudOperations?: { undoRedo?: { saveOperation?: unknown } } })
    ._crudOperations?.undoRedo;
  if (!undoRedo || typeof undoRedo.saveOperation !== 'function') {
    throw new Error(
      'emulator: HyperFormula internals changed (no undoRedo.saveOperation); see dropUndoHistory',
    );
  }
  undoRedo.saveOperation = () => {};
}

/**
 * An empty engine with the given custom functions. A custom function named like a built-in is left out: the
 * built-in wins, as in Sheets.
 */
export function createEngine(customFunctions: readonly string[], bridge: FunctionBridge): HyperFormula {
  const builtIns = builtInFunctionNames();
  const custom = customFunctions.filter((n) => !builtIns.has(n));
  registerFunctionNames(custom);
  const hf = HyperFormula.buildEmpty({
    licenseKey: 'gpl-v3',
    functionPlugins: [
      ...HyperFormula.getAllFunctionPlugins(),
      clockPlugin(bridge),
      sheetsCompatPlugin((value, pattern) => bridge.text(value, pattern)),
      ...(custom.length > 0 ? [customFunctionPlugin(custom, bridge)] : []),
    ],
    // no undo history: the emulator never undoes, and HyperFormula's bookkeeping for it grows quadratically
    undoLimit: 0,
    maxRows: 200_000,
    maxColumns: 18_278,
    dateFormats: ['MM/DD/YYYY', 'YYYY-MM-DD'],
    currencySymbol: ['$'],
    useArrayArithmetic: false,
    evaluateNullToZero: false,
    // Sheets keeps full double precision (getValue of =0.1+0.2 is 0.30000000000000004); only display rounds.
    smartRounding: false,
  });
  dropUndoHistory(hf);
  return hf;
}
