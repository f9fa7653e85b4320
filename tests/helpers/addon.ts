// Loads the built add-on into the emulator with a fixed clock, and runs snippets as add-on code.
import path from 'node:path';
import vm from 'node:vm';
import { type Addon, type LoadOptions, loadAddon } from '../../src/playground/emulator';
import { distSnapshot } from './dist';

/** This process's copy of the built bundle (see dist.ts), with Sidebar.html beside it. */
export const CODE = path.join(distSnapshot(), 'Code.js');
/** A Wednesday in the first quarter of 2027, mid-morning UTC. */
export const NOW = new Date('2027-02-10T09:30:00Z');

export function newAddon(options: LoadOptions = {}): Addon {
  return loadAddon({ codePath: CODE, now: () => NOW, ...options });
}

/**
 * Runs JavaScript as the add-on would (in its realm, with the emulated services as globals) and returns the
 * value of the last expression.
 */
// biome-ignore lint/suspicious/noExplicitAny: add-on code is untyped JavaScript
export function run(addon: Addon, code: string): any {
  return vm.runInContext(code, addon.globals);
}

/** The message of what `fn` throws (in any realm). */
export function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return String((e as { message?: unknown }).message ?? e);
  }
  throw new Error('expected an exception');
}

export type { Addon };

/** The built add-on in the emulator (real clock unless `now` is given). */
export function startAddon(options: LoadOptions = {}): Addon {
  return loadAddon({ codePath: CODE, htmlDir: path.dirname(CODE), ...options });
}

/** Calls an RPC as the sidebar does; a failure throws with the message the sidebar would show. */
export function call<T = unknown>(addon: Addon, name: string, ...args: unknown[]): T {
  const result = addon.rpc(name, args);
  if (!result.ok) throw new Error('error' in result ? result.error : 'failed');
  return result.value as T;
}

/** What a sheet holds, as getValues returns it (header row included). */
export function values(addon: Addon, sheet: string): unknown[][] {
  const s = addon.spreadsheet.getSheetByName(sheet);
  if (!s) throw new Error(`no sheet "${sheet}"`);
  return s.getDataRange().getValues();
}

/** A sheet as records keyed by its header row, skipping rows whose first column is blank. */
export function records(addon: Addon, sheet: string): Array<Record<string, unknown>> {
  const [header, ...rows] = values(addon, sheet);
  return rows
    .filter((r) => r[0] !== '' && r[0] !== null)
    .map((r) => Object.fromEntries((header ?? []).map((h, i) => [String(h), r[i]])));
}

/** A fixed clock: the given ISO instant. */
export function clock(iso: string): () => Date {
  const t = Date.parse(iso);
  return () => new Date(t);
}
