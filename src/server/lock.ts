// The document lock: every action that changes the workbook holds it, so two executions (two users, a double
// click) never interleave; a repair made on the way of a read runs only when the lock is free.
import type { Lock } from './gas';
import { lockService } from './gas';

/**
 * What the user reads when Apps Script gives no document lock: `LockService.getDocumentLock()` returns null
 * when the script runs without a document it can lock (documented: "or null if the script is not bound").
 */
export const NO_LOCK_MESSAGE =
  'Google Sheets gave okr-sheets no document lock, so nothing was changed. Reload the spreadsheet and try again; if this keeps happening, reinstall the add-on from Extensions › Add-ons.';

/** The document lock, or null when Apps Script gives none. */
function documentLock(): Lock | null {
  return (lockService().getDocumentLock() as Lock | null | undefined) ?? null;
}

/** Runs `body` holding the document lock; another execution holding it gets a clear message instead. */
export function withDocumentLock<T>(what: string, body: () => T, waitMs = 3000): T {
  const lock = documentLock();
  if (!lock) throw new Error(NO_LOCK_MESSAGE);
  if (!lock.tryLock(waitMs)) throw new Error(`another ${what} is in progress; try again in a moment`);
  try {
    return body();
  } finally {
    lock.releaseLock();
  }
}

/**
 * Runs `body` only if the document lock is free right now, else skips it: for repairs a read makes on the
 * way (a renamed tab shown in the registry, a named range re-pointed) that the next read makes again. Without
 * a lock (Apps Script gave none) the repair is skipped too: a read never fails for want of one.
 */
export function whenUnlocked(body: () => void): void {
  const lock = documentLock();
  if (!lock?.tryLock(0)) return;
  try {
    body();
  } finally {
    lock.releaseLock();
  }
}

/** Runs `body` holding the document lock, or says why it could not: the lock was busy, or there was none. */
export function tryWithDocumentLock<T>(
  body: () => T,
  waitMs = 3000,
): { lock: 'held'; value: T } | { lock: 'busy' | 'none' } {
  const lock = documentLock();
  if (!lock) return { lock: 'none' };
  if (!lock.tryLock(waitMs)) return { lock: 'busy' };
  try {
    return { lock: 'held', value: body() };
  } finally {
    lock.releaseLock();
  }
}
