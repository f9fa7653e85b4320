// google.script.run's boundary (Addon.rpc): only the bundle's public top-level functions can be called (a name
// ending in _ is private), arguments and the result cross as JSON (a Date anywhere in the result makes the
// client receive null), and an exception reaches the failure handler as "<name>: <message>".
import { types } from 'node:util';
import { failureMessage } from './errors';
import type { RpcResult } from './index';
import type { Session } from './session';

function containsDate(v: unknown, seen = new Set<unknown>()): boolean {
  if (types.isDate(v)) return true;
  if (typeof v !== 'object' || v === null || seen.has(v)) return false;
  seen.add(v);
  return Object.values(v).some((x) => containsDate(x, seen));
}

export function runRpc(s: Session, name: string, args: unknown[]): RpcResult {
  if (!s.bundle.functions.includes(name) || name.endsWith('_')) {
    return { ok: false, error: `Script function not found: ${name}` };
  }
  let text: string;
  try {
    text = JSON.stringify(args);
  } catch (e) {
    return { ok: false, error: `Failed due to illegal value in argument: ${failureMessage(e)}` };
  }
  const realmArgs = s.realm.jsonParse(text) as unknown[];
  try {
    const value = s.execute(() => s.globals[name](...realmArgs));
    if (value === undefined) return { ok: true };
    if (containsDate(value)) return { ok: true, value: null };
    return { ok: true, value: JSON.parse(JSON.stringify(value)) };
  } catch (e) {
    return { ok: false, error: failureMessage(e) };
  }
}
