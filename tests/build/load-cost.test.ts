// What every execution pays before it does anything: Apps Script loads the whole bundle for each menu click, RPC
// and custom-function recalculation, so loading it must build no zod schema (they are built on first parse).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countedBundle } from '../../scripts/measured-bundles';
import { type Addon, loadAddon } from '../../src/playground/emulator';

const dir = mkdtempSync(path.join(os.tmpdir(), 'okr-counted-'));
let addon: Addon;
const built = () => (addon.globals.zodSchemasBuilt as number | undefined) ?? 0;

beforeAll(async () => {
  writeFileSync(path.join(dir, 'Code.js'), await countedBundle(process.cwd()));
  addon = loadAddon({ codePath: path.join(dir, 'Code.js'), now: () => new Date('2027-02-10T09:30:00Z') });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loading the bundle', () => {
  it('builds no schema, and a custom function builds none either', () => {
    expect(built()).toBe(0);
    expect(addon.globals.OKR_SCORE([[0], [20]], [[100], [100]], [[50], [40]])).toEqual([[0.5], [0.25]]);
    expect(addon.globals.OKR_QUARTER(new Date(Date.UTC(2027, 4, 1)))).toBe('2027-Q2');
    expect(built()).toBe(0);
  });

  it('builds the schemas an RPC parses with on its first parse, and keeps them', () => {
    const first = addon.rpc('setUpQuarter', [{ quarter: '2027-Q1' }]);
    expect(first.ok).toBe(true);
    const afterFirst = built();
    expect(afterFirst).toBeGreaterThan(0);
    // the same schemas again: nothing new is built in the same execution realm
    expect(addon.rpc('setUpQuarter', [{ quarter: '2027-Q1' }]).ok).toBe(false);
    expect(built()).toBe(afterFirst);
  });
});
