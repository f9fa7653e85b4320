// Errors the emulator raises. The service wrapper (wrap.ts) turns them into Apps Script's `Exception` created in
// the add-on's own realm, so `e instanceof Error` holds in add-on code and String(e) reads "Exception: …". And the
// text a failed execution reports.

/** An error Apps Script itself would raise, with Apps Script's message. */
export class ApiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

/** The add-on used something this emulator does not reproduce faithfully: loud instead of wrong. */
export class NotEmulated extends Error {
  constructor(what: string) {
    super(`not emulated: ${what}`);
    this.name = 'NotEmulated';
  }
}

export const OUTSIDE_SHEET = 'The coordinates of the range are outside the dimensions of the sheet.';

/** Apps Script's failure text for an exception, `<name>: <message>`, as google.script.run's failure handler gets it. */
export function failureMessage(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) {
    const name = 'name' in e ? String((e as { name: unknown }).name) : 'Error';
    return `${name}: ${String((e as { message: unknown }).message)}`;
  }
  return String(e);
}
