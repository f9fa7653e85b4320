#!/usr/bin/env node
// Runs a TypeScript entry point on Node 20 (which cannot strip types itself): esbuild bundles it, keeping
// npm packages external, into node_modules/.cache/run-ts/, then imports it with the remaining arguments.
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <file.ts> [args...]');
  process.exit(2);
}
const outDir = path.join(root, 'node_modules/.cache/run-ts');
await mkdir(outDir, { recursive: true });
// one file per entry path, so two checkouts sharing node_modules (or two entries with one name) never collide
const key = createHash('sha256').update(path.resolve(entry)).digest('hex').slice(0, 12);
const outfile = path.join(outDir, `${path.basename(entry).replace(/\.tsx?$/, '')}-${key}.mjs`);
await esbuild.build({
  entryPoints: [path.resolve(entry)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
});
process.argv = [process.argv[0], path.resolve(entry), ...rest];
await import(pathToFileURL(outfile).href);
