// The playground's workbook file: loaded on start, saved after every change. A file that cannot be read or is
// not a workbook is never overwritten: it is moved aside and reported.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseWorkbookState, type WorkbookState } from './emulator/state';

export type Loaded =
  | { kind: 'missing' }
  | { kind: 'ok'; state: WorkbookState }
  | { kind: 'corrupt'; problem: string; movedTo: string };

export class WorkbookFile {
  constructor(readonly file: string) {}

  load(): Loaded {
    if (!existsSync(this.file)) return { kind: 'missing' };
    let problem: string;
    try {
      const text = readFileSync(this.file, 'utf8');
      return { kind: 'ok', state: parseWorkbookState(JSON.parse(text)) };
    } catch (e) {
      problem = e instanceof Error ? e.message : String(e);
    }
    const movedTo = this.asideName();
    renameSync(this.file, movedTo);
    return { kind: 'corrupt', problem, movedTo };
  }

  /** Writes atomically (temporary file, then rename), so a crash never leaves half a workbook. */
  save(state: WorkbookState): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(state, null, 1)}\n`);
    renameSync(tmp, this.file);
  }

  private asideName(): string {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    let name = `${this.file}.corrupt-${stamp}`;
    for (let i = 1; existsSync(name); i++) name = `${this.file}.corrupt-${stamp}-${i}`;
    return name;
  }
}
