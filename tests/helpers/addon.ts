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
