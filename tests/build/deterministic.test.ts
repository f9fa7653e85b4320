// Building twice gives the same bytes: what clasp pushes depends only on the sources. The builds go to
// temporary directories so that other test files reading dist/ in parallel never see it half-written.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';

function digest(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir).sort()) {
    out[f] = createHash('sha256')
      .update(readFileSync(path.join(dir, f)))
      .digest('hex');
  }
  return out;
}

it('npm run build twice gives identical dist/ bytes', () => {
  const root = path.resolve(__dirname, '../..');
  const dirs = [0, 1].map(() => mkdtempSync(path.join(os.tmpdir(), 'okr-build-')));
  try {
    for (const dir of dirs)
      execFileSync(process.execPath, ['scripts/build.mjs', '--out', dir], { cwd: root });
    const [first, second] = dirs.map(digest);
    expect(Object.keys(first!)).toEqual(['Code.js', 'Sidebar.html', 'appsscript.json']);
    expect(second).toEqual(first);
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
