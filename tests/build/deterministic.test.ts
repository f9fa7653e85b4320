// Building twice gives the same bytes: what clasp pushes depends only on the sources.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { DIST } from '../helpers/bundle';

function digest(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(DIST).sort()) {
    out[f] = createHash('sha256')
      .update(readFileSync(path.join(DIST, f)))
      .digest('hex');
  }
  return out;
}

it('npm run build twice gives identical dist/ bytes', () => {
  const root = path.resolve(__dirname, '../..');
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
  const first = digest();
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
  expect(digest()).toEqual(first);
  expect(Object.keys(first)).toEqual(['Code.js', 'Sidebar.html', 'appsscript.json']);
}, 60_000);
