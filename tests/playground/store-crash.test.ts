// kill -9 in the middle of a save leaves the workbook file readable: a real child process saves a large
// workbook over and over through WorkbookFile and is killed at a random moment, many times; after each kill the
// file must load as a workbook, and the temporary file the dead process left is cleared on the next load. The
// same kills against a plain overwrite of the file show that they do land mid-write.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { WorkbookState } from '../../src/playground/emulator/state';
import { WorkbookFile } from '../../src/playground/store';
import { ROOT, tempDir } from '../helpers/playground';

const CHILD = `
import { readFileSync, writeFileSync } from 'node:fs';
import { WorkbookFile } from './src/playground/store';
const [mode, statePath, target] = process.argv.slice(2);
const state = JSON.parse(readFileSync(statePath, 'utf8'));
const file = new WorkbookFile(target);
process.stdout.write('ready\\n');
if (mode === 'naive') {
  const text = JSON.stringify(state, null, 1);
  for (;;) writeFileSync(target, text);
}
for (let i = 0; ; i++) {
  state.name = 'save ' + i;
  file.save(state);
}
`;

const tmp = tempDir('okr-crash-');
let script: string;
let statePath: string;

/** A workbook whose JSON is a few megabytes, so a save takes long enough to be interrupted. */
function bigState(): WorkbookState {
  const cells: Record<string, string | number> = {};
  for (let r = 1; r <= 4000; r++) {
    cells[`A${r}`] = `Key result number ${r} with a long enough title`;
    cells[`B${r}`] = r * 1.5;
    cells[`C${r}`] = `=B${r}*2`;
  }
  return {
    version: 1,
    id: 'crash',
    name: 'initial',
    timeZone: 'Etc/UTC',
    locale: 'en_US',
    sheets: [{ name: 'Big', id: 0, maxRows: 4000, maxColumns: 26, frozenRows: 0, cells }],
    namedRanges: [],
    protections: [],
    metadata: [],
    properties: { document: {}, user: {} },
  };
}

beforeAll(async () => {
  script = path.join(ROOT, 'test-results', `store-crash-${process.pid}.mjs`);
  await esbuild.build({
    stdin: { contents: CHILD, resolveDir: ROOT, loader: 'ts', sourcefile: 'crash-child.ts' },
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  statePath = path.join(tmp.dir, 'state.json');
  new WorkbookFile(statePath).save(bigState());
});

afterAll(() => {
  rmSync(script, { force: true });
  tmp.cleanup();
});

/** Starts the child saving to `target`, kills it with SIGKILL after `afterMs` of saving, waits for its end. */
async function killDuringSaves(mode: 'store' | 'naive', target: string, afterMs: number): Promise<void> {
  const child: ChildProcess = spawn(process.execPath, [script, mode, statePath, target], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`the child exited early (${code})`)));
  });
  child.removeAllListeners('exit');
  await new Promise((r) => setTimeout(r, afterMs));
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

const readable = (file: string) => {
  try {
    return new WorkbookFile(file).load().kind === 'ok';
  } finally {
    for (const f of readdirSync(path.dirname(file))) {
      if (f.includes('.corrupt-')) rmSync(path.join(path.dirname(file), f));
    }
  }
};

it('after kill -9 at any moment of a save, the workbook file still loads, and no temporary file is left', async () => {
  const target = path.join(tmp.dir, 'store', 'workbook.json');
  new WorkbookFile(target).save(bigState());
  const names = new Set<string>();
  for (let i = 0; i < 25; i++) {
    await killDuringSaves('store', target, 40 + ((i * 37) % 160));
    const loaded = new WorkbookFile(target).load();
    expect(loaded.kind, `after kill ${i + 1}`).toBe('ok');
    if (loaded.kind === 'ok') names.add(loaded.state.name);
    expect(readdirSync(path.dirname(target))).toEqual(['workbook.json']);
  }
  // the child really was saving: the file moved on between kills
  expect(names.size).toBeGreaterThan(5);
}, 120_000);

it('the same kills do land mid-write: a plain overwrite of the file is left unreadable', async () => {
  const target = path.join(tmp.dir, 'naive', 'workbook.json');
  new WorkbookFile(target).save(bigState());
  let broken = 0;
  for (let i = 0; i < 25 && broken === 0; i++) {
    await killDuringSaves('naive', target, 40 + ((i * 37) % 160));
    if (!existsSync(target) || !readable(target)) broken++;
    new WorkbookFile(target).save(bigState());
  }
  expect(broken).toBeGreaterThan(0);
}, 120_000);
