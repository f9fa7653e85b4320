// The house rules of DESIGN.md §2, as facts the suite checks: core imports only core; server code reaches Apps
// Script only through server/gas.ts (so the emulator is asked, by the compiler, for every method it uses);
// index.ts is the one list of globals; each file says what it owns and stays small enough to read whole.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const SRC = path.resolve(process.cwd(), 'src');
const files = (dir: string) =>
  readdirSync(path.join(SRC, dir))
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => ({ name: `${dir}/${f}`, text: readFileSync(path.join(SRC, dir, f), 'utf8') }));
const imports = (text: string) => [...text.matchAll(/^import [^;]*? from '([^']+)';/gms)].map((m) => m[1]!);

it('core imports nothing but core (and zod)', () => {
  const offenders = files('core').flatMap((f) =>
    imports(f.text)
      .filter((i) => !i.startsWith('./') && !i.startsWith('zod'))
      .map((i) => `${f.name} imports ${i}`),
  );
  expect(offenders).toEqual([]);
});

it('server code names no Apps Script service directly: it goes through gas.ts', () => {
  const services =
    /(?<!GoogleAppsScript\.)\b(SpreadsheetApp|HtmlService|PropertiesService|LockService|Utilities|Session|ScriptApp|CacheService|Charts)\s*\./;
  const offenders = files('server')
    .filter((f) => f.name !== 'server/gas.ts')
    .flatMap((f) =>
      f.text
        .split('\n')
        .map((line, i) => [line, i + 1] as const)
        .filter(
          ([line]) => !line.trim().startsWith('//') && !line.trim().startsWith('*') && services.test(line),
        )
        .map(([line, n]) => `${f.name}:${n}: ${line.trim()}`),
    );
  expect(offenders).toEqual([]);
});

it('server/index.ts exports only functions, each a one-line delegation', () => {
  const text = readFileSync(path.join(SRC, 'server/index.ts'), 'utf8');
  const bodies = [...text.matchAll(/^export function (\w+)\([^)]*\)[^{]*\{\n([\s\S]*?)\n\}/gm)];
  expect(bodies.length).toBeGreaterThan(20);
  const long = bodies
    .filter(([, , body]) => body!.split('\n').filter((l) => l.trim()).length > 2)
    .map(([, n]) => n);
  expect(long).toEqual([]);
});

it('every core and server file opens with a comment saying what it owns, and stays under 450 lines', () => {
  const all = [...files('core'), ...files('server')];
  expect(all.filter((f) => !f.text.startsWith('//')).map((f) => f.name)).toEqual([]);
  expect(all.filter((f) => f.text.split('\n').length > 450).map((f) => f.name)).toEqual([]);
});
