// `npm run push` sends dist/ to Apps Script only after the whole test suite passed: the script is run as npm
// runs it (sh -c), with stand-in `npm` and `clasp` commands that record what was called.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
const dir = mkdtempSync(path.join(os.tmpdir(), 'okr-push-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runPush(testsPass: boolean): string[] {
  const log = path.join(dir, `calls-${testsPass}.log`);
  writeFileSync(log, '');
  const stub = (name: string, exit: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, `#!/bin/sh\necho "${name} $*" >> "${log}"\n${exit}\n`);
    chmodSync(file, 0o755);
  };
  stub('npm', `if [ "$1" = test ]; then exit ${testsPass ? 0 : 1}; fi`);
  stub('clasp', 'exit 0');
  try {
    execFileSync('sh', ['-c', scripts.push!], {
      env: { ...process.env, PATH: `${dir}:${process.env.PATH}` },
    });
  } catch {
    // a failed test run makes the script fail: what matters is what it called
  }
  return readFileSync(log, 'utf8').trim().split('\n').filter(Boolean);
}

describe('npm run push', () => {
  it('runs the tests, then clasp push', () => {
    expect(runPush(true)).toEqual(['npm test', 'clasp push']);
  });
  it('does not push when a test fails', () => {
    expect(runPush(false)).toEqual(['npm test']);
  });
});
