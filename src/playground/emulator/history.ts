// The user's undo and redo (Edit › Undo, Ctrl+Z; Edit › Redo, Ctrl+Y): before each change the user makes in the
// grid (typing, clearing, pasting, inserting or deleting rows, sorting) the whole workbook is remembered, and
// undo puts it back, several steps deep; redo returns to where undo started. The add-on's own changes (a menu
// item, a sidebar action) are not steps: Sheets' documentation says nothing of undoing a script's changes, and
// putting back a workbook from before one would undo the add-on's work with the user's, so when the add-on
// changes the document the steps before it are forgotten. A new or replaced workbook starts with none.
import { parseWorkbookState, type WorkbookState, workbookState } from './state';
import type { Workbook } from './workbook';

/** How many steps are kept. */
export const UNDO_DEPTH = 100;

export class UndoHistory {
  private readonly undos: string[] = [];
  private readonly redos: string[] = [];

  /** The workbook as it is now, to put back later. */
  snapshot(wb: Workbook): string {
    return JSON.stringify(workbookState(wb));
  }

  /** A change the user made, with the workbook as it was before it: a new step; what was undone is gone. */
  push(before: string): void {
    this.undos.push(before);
    if (this.undos.length > UNDO_DEPTH) this.undos.shift();
    this.redos.length = 0;
  }

  /** The workbook to put back for an undo (the current one becomes redoable), or undefined when there is none. */
  undo(current: Workbook): WorkbookState | undefined {
    const before = this.undos.pop();
    if (before === undefined) return undefined;
    this.redos.push(this.snapshot(current));
    return parseWorkbookState(JSON.parse(before));
  }

  redo(current: Workbook): WorkbookState | undefined {
    const after = this.redos.pop();
    if (after === undefined) return undefined;
    this.undos.push(this.snapshot(current));
    return parseWorkbookState(JSON.parse(after));
  }

  /** Someone other than the user changed the document: no step before it can be undone on its own. */
  forget(): void {
    this.undos.length = 0;
    this.redos.length = 0;
  }

  get depth(): { undo: number; redo: number } {
    return { undo: this.undos.length, redo: this.redos.length };
  }
}
