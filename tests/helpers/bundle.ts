// Loads the built dist/Code.js the way Apps Script does: one script evaluated in a global scope that holds
// the Apps Script services. Tests pass stand-ins (or the emulator) as `globals`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

/** dist/ of the project: tests, scripts and npm run from the project root. */
export const DIST = path.resolve(process.cwd(), 'dist');

export function readBuilt(file: string): string {
  return readFileSync(path.join(DIST, file), 'utf8');
}

// biome-ignore lint/suspicious/noExplicitAny: the bundle's globals are untyped JavaScript
export type Globals = Record<string, any>;

export function loadBundle(globals: Globals = {}): Globals {
  const context = vm.createContext({ ...globals });
  vm.runInContext(readBuilt('Code.js'), context, { filename: 'Code.js' });
  return context;
}
