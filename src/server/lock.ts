// The document lock: every action that changes the workbook holds it, so two executions (two users, a double
// click) never interleave; a repair made on the way of a read runs only when the lock is free.
import { lockService } from './gas';

/** Runs `body` holding the document lock; another execution holding it gets a clear message instead. */
export function withDocumentLock<T>(what: string, body: () => T, waitMs = 3000): T {
  const lock = lockService().getDocumentLock();
  if (!lock.tryLock(waitMs)) throw new Error(`another ${what} is in progress; try again in a moment`);
  try {
    return body();
  } finally {
    lock.releaseLock();
  }
}

/**
 * Runs `body` only if the document lock is free right now, else skips it: for repairs a read makes on the
 * way (a renamed tab shown in the registry, a named range re-pointed) that the next read makes again.
 */
export function whenUnlocked(body: () => void): void {
  const lock = lockService().getDocumentLock();
  if (!lock.tryLock(0)) return;
  try {
    body();
  } finally {
    lock.releaseLock();
  }
}
