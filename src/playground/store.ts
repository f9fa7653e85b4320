// The playground's workbook file: loaded on start, saved after every change. A save never leaves half a
// workbook, whenever the process dies (kill -9, a crash, power loss): it writes a temporary file in the same
// directory, flushes it to disk, renames it over the workbook (one atomic step) and flushes the directory. A
// file that cannot be read or is not a workbook is never overwritten: it is moved aside and reported.
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { parseWorkbookState, type WorkbookState } from './emulator/state';

export type Loaded =
  | { kind: 'missing' }
  | { kind: 'ok'; state: WorkbookState }
  | { kind: 'corrupt'; problem: string; movedTo: string };

/** Whether a process with this id is running (a temporary file of a dead one is debris). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class WorkbookFile {
  constructor(readonly file: string) {}

  load(): Loaded {
    this.removeDebris();
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

  /** Writes atomically and durably: the file holds the old workbook or the new one, never a mix. */
  save(state: WorkbookState): void {
    const dir = path.dirname(this.file);
    mkdirSync(dir, { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    const bytes = Buffer.from(`${JSON.stringify(state, null, 1)}\n`, 'utf8');
    const fd = openSync(tmp, 'w');
    try {
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.file);
    // The rename itself is durable only once the directory is flushed.
    const dirFd = openSync(dir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  }

  /** Temporary files a killed playground left behind (never those of one still running). */
  private removeDebris(): void {
    const dir = path.dirname(this.file);
    if (!existsSync(dir)) return;
    const prefix = `${path.basename(this.file)}.`;
    for (const name of readdirSync(dir)) {
      const m = /^(\d+)\.tmp$/.exec(name.startsWith(prefix) ? name.slice(prefix.length) : '');
      if (m && Number(m[1]) !== process.pid && !running(Number(m[1])))
        rmSync(path.join(dir, name), { force: true });
    }
  }

  private asideName(): string {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    let name = `${this.file}.corrupt-${stamp}`;
    for (let i = 1; existsSync(name); i++) name = `${this.file}.corrupt-${stamp}-${i}`;
    return name;
  }
}
