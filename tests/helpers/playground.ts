// Starts the playground server as `npm start` does (minus the build: the suite has just built dist/), on a free
// port with its own workbook file, and Chromium for browser tests.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { type BrowserContext, chromium } from 'playwright-core';
import { distSnapshot } from './dist';

/** The project root: tests and scripts run from it (npm test, npm start). */
export const ROOT = process.cwd();
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Whether browser tests can run. Without Chromium they fail under CI=true (never skipped silently) and are
 * skipped locally with a loud message.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true' || process.env.CI === '1') {
    throw new Error(`${CHROMIUM} is missing: browser tests cannot run (CI=true). Install Debian's chromium.`);
  }
  console.warn(
    `\n!!! ${CHROMIUM} is missing: SKIPPING the browser tests. Install it: apt-get install -y chromium\n`,
  );
  return false;
}

let entry: Promise<string> | undefined;

/** Bundles src/playground/main.ts once per test file into test-results/ (not the shared node_modules cache). */
function playgroundEntry(): Promise<string> {
  entry ??= (async () => {
    const outfile = path.join(ROOT, 'test-results', `playground-${process.pid}.mjs`);
    process.once('exit', () => rmSync(outfile, { force: true }));
    await esbuild.build({
      entryPoints: [path.join(ROOT, 'src/playground/main.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
      banner: {
        js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      },
    });
    return outfile;
  })();
  return entry;
}

export interface Running {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

export async function startPlayground(
  workbookFile: string,
  options: { args?: string[]; env?: Record<string, string> } = {},
): Promise<Running> {
  const script = await playgroundEntry();
  const child: ChildProcess = spawn(process.execPath, [script, ...(options.args ?? [])], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      PLAYGROUND_FILE: workbookFile,
      PLAYGROUND_SEED_DATE: '2027-02-10',
      PLAYGROUND_DIST: distSnapshot(),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the playground did not start in 30 s:\n${out}`)),
      30_000,
    );
    const check = () => {
      const m = /playground: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the playground exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.removeAllListeners('exit');
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Chromium with a fresh profile, nothing reaching the network beyond localhost. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = tempDir('okr-chromium-');
  const context = await chromium.launchPersistentContext(profile.dir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 860 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      profile.cleanup();
    },
  };
}
