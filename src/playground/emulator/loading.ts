// Sheets computes each custom-function cell in its own server execution and shows "Loading..." until it
// returns (Google's custom-functions guide: "The cell momentarily displays Loading..., then returns the
// result"; "Each time a custom function is used in a spreadsheet, Sheets makes a separate call to the Apps
// Script server" — https://developers.google.com/apps-script/guides/sheets/functions). So a script that writes a
// custom function's inputs and reads its cell in the same execution cannot count on the new result. This file
// owns that rule: which custom-function cells were recomputed during the current execution of the add-on (a menu
// click, an RPC, onOpen), and what the add-on's own reads of them return meanwhile: "Loading..." in the cell that
// holds the formula, blank in the cells its array result spills into. Outside an execution (tests reading the
// sheet afterwards, the playground's grid) every cell shows its computed value. On unless the workbook's
// LoadOptions switch it off (asyncCustomFunctions: false).
import type { HyperFormula } from 'hyperformula';
import type { Address } from './functions';

/** What a cell reads as while its custom function is being computed. */
export const LOADING = 'Loading...';

const key = (a: Address) => `${a.sheet}:${a.row}:${a.col}`;

/** HyperFormula's vertex of a cell that shows part of an array result (internal API of hyperformula 3.x). */
interface ArrayVertexLike {
  leftCorner?: Address;
  width?: number;
}

export class LoadingCells {
  private executing = false;
  private readonly anchors = new Set<string>();

  constructor(
    /** The fidelity rule is on (LoadOptions.asyncCustomFunctions). */
    readonly enabled: boolean,
  ) {}

  /** An execution of the add-on starts: nothing is loading yet. */
  begin(): void {
    this.executing = true;
    this.anchors.clear();
  }

  /** The execution ended: every custom function has returned, every cell shows its value. */
  end(): void {
    this.executing = false;
    this.anchors.clear();
  }

  /** HyperFormula (re)computed a custom function in the formula at this cell. */
  evaluated(address: Address): void {
    if (this.enabled && this.executing) this.anchors.add(key(address));
  }

  /**
   * Whether the add-on reading this cell now sees it loading: `anchor` for the cell whose formula calls a
   * recomputed custom function (it reads "Loading..."), `spill` for a cell its array result covers (blank).
   */
  state(hf: HyperFormula, address: Address): 'anchor' | 'spill' | undefined {
    if (this.anchors.size === 0) return undefined;
    if (this.anchors.has(key(address))) return 'anchor';
    if (!hf.isCellPartOfArray(address)) return undefined;
    const vertex = (
      hf as unknown as { addressMapping: { getCell(a: Address): ArrayVertexLike | undefined } }
    ).addressMapping.getCell(address);
    const corner = vertex?.width !== undefined ? vertex.leftCorner : undefined;
    return corner && this.anchors.has(key(corner)) ? 'spill' : undefined;
  }
}
