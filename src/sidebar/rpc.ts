// A typed promise wrapper over google.script.run. The names and types come from core/rpc.ts, the contract
// the server implements; a server exception arrives as a rejected promise carrying its message.
import type { RpcApi } from '../core/rpc';

type Api = RpcApi;
type Name = keyof Api;
type Args<K extends Name> = Parameters<Api[K]>;
type Reply<K extends Name> = ReturnType<Api[K]>;

export function rpc<K extends Name>(name: K, ...args: Args<K>): Promise<Reply<K>> {
  return new Promise((resolve, reject) => {
    if (typeof google === 'undefined' || !google.script?.run) {
      reject(new Error('google.script.run is not available: open this page from the add-on sidebar.'));
      return;
    }
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as Reply<K>))
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))));
    const fn = runner[name];
    if (typeof fn !== 'function') {
      reject(new Error(`The server has no function ${name}.`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}

/**
 * The message to show for a failed call. The failure handler gets the exception's name before its message:
 * "Exception: …" from Apps Script services, "Error: …", and "InputError: …" for the add-on's own input errors
 * (whose message names the field, e.g. `kpi: target: "abc" is not a number`, which forms place under it).
 */
export function errorMessage(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  if (isSeveralAccounts(raw)) return SEVERAL_ACCOUNTS;
  return raw.replace(/^(?:(?:[A-Z]\w*)?(?:Error|Exception):\s*)+/, '');
}

/**
 * What to do when google.script.run fails because the browser is signed in to several Google accounts: the
 * call then fails before reaching the add-on, with "ScriptError: We're sorry, a server error occurred while
 * reading from storage. Error code PERMISSION_DENIED.", and only one signed-in account makes it go away
 * (as reported at https://github.com/enuchi/React-Google-Apps-Script/issues/46 and
 * https://github.com/google-marketing-solutions/feedgen/issues/38).
 */
export const SEVERAL_ACCOUNTS =
  'Google could not tell which of your Google accounts is using okr-sheets: this browser is signed in to more than one. ' +
  'Open the spreadsheet in a window signed in to one account only (an incognito or private window, signed in with the account that installed okr-sheets), or sign out of the other accounts, then reload the spreadsheet.';

function isSeveralAccounts(raw: string): boolean {
  return /PERMISSION_DENIED/.test(raw) && /reading from storage/i.test(raw);
}
