// A private, verified copy of dist/ for this test process. tests/build/deterministic.test.ts rebuilds dist/
// (remove, then write) while other test files run in parallel, so reading dist/ directly can meet a missing or
// half-written file. Copy it once, retrying until the copy is a complete build.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as acorn from 'acorn';
import { DIST } from './bundle';

const FILES = ['Code.js', 'Sidebar.html', 'appsscript.json'];
let snapshot: string | undefined;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function complete(dir: string): boolean {
  try {
    acorn.parse(readFileSync(path.join(dir, 'Code.js'), 'utf8'), {
      ecmaVersion: 'latest',
      sourceType: 'script',
    });
    JSON.parse(readFileSync(path.join(dir, 'appsscript.json'), 'utf8'));
    return /<\/html>\s*$/.test(readFileSync(path.join(dir, 'Sidebar.html'), 'utf8'));
  } catch {
    return false;
  }
}

/** The directory of this process's copy of dist/ (Code.js, Sidebar.html, appsscript.json). */
export function distSnapshot(): string {
  if (snapshot) return snapshot;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'okr-dist-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      for (const f of FILES) copyFileSync(path.join(DIST, f), path.join(dir, f));
      // The build writes Code.js before Sidebar.html: a complete, parseable pair copied twice alike is settled.
      if (
        complete(dir) &&
        complete(DIST) &&
        readFileSync(path.join(dir, 'Code.js'), 'utf8') === readFileSync(path.join(DIST, 'Code.js'), 'utf8')
      ) {
        snapshot = dir;
        return dir;
      }
    } catch {
      // dist/ is being rebuilt; try again shortly
    }
    sleep(100);
  }
  throw new Error(`${DIST} did not hold a complete build within 10 s: run npm run build`);
}
