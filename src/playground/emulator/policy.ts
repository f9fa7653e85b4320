// The call policy every service call passes through before its method runs (wrap.ts): counting per
// `Class.method` (benchmarks report these), fault injection for all-or-nothing tests (the n-th call that changes
// the document throws, as a quota or network error would in Apps Script), and what Apps Script would refuse at
// that moment: reading cells or changing anything inside a custom function (`not emulated` here), anything but
// the menu in AuthMode.NONE.
import { ApiError, NotEmulated } from './errors';
import { isSpreadsheetClass } from './members';

export class CallCounter {
  private counts = new Map<string, number>();
  count(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  reset(): void {
    this.counts.clear();
  }
  /** Calls per `Class.method`, keys sorted. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }
}

/**
 * What a custom function may read from SpreadsheetApp here. Sheets allows custom functions most get*()
 * methods; the emulator allows those that do not read cells (a cell read while the engine evaluates would
 * re-enter it). The spreadsheet's time zone is how the date functions read and write calendar days; its locale,
 * how text numbers read.
 */
const CUSTOM_FUNCTION_READS = new Set([
  'SpreadsheetApp.getActive',
  'SpreadsheetApp.getActiveSpreadsheet',
  'Spreadsheet.getSpreadsheetTimeZone',
  'Spreadsheet.getSpreadsheetLocale',
  'Spreadsheet.getName',
  'Spreadsheet.getId',
]);

/** Calls that change the document, for fault injection. */
const CHANGES = /^(set|insert|update|delete|append|clear|protect|add|remove|copy|move|hide|show|sort|merge)/;

export class CallPolicy {
  readonly counter = new CallCounter();
  /** Set while onOpen runs in AuthMode.NONE. */
  authModeNone = false;
  private failOn = 0;
  private changeCount = 0;
  /** Calls that changed the document since load (never reset: the undo history compares it). */
  documentChanges = 0;

  constructor(
    /** Whether a custom function is running now. */
    private readonly inCustomFunction: () => boolean,
  ) {}

  /** Addon.faults: `failOnChange(n)` makes the n-th change (1-based) throw; `changes()` counts since `clear()`. */
  readonly faults = {
    failOnChange: (n: number): void => {
      this.failOn = n;
      this.changeCount = 0;
    },
    clear: (): void => {
      this.failOn = 0;
      this.changeCount = 0;
    },
    changes: (): number => this.changeCount,
  };

  /** Throws what Apps Script would throw for this call now (or the injected fault); returns when it may run. */
  check(cls: string, member: string): void {
    const spreadsheet = isSpreadsheetClass(cls);
    if ((spreadsheet || cls === 'Properties') && !cls.endsWith('Builder') && CHANGES.test(member)) {
      this.changeCount++;
      this.documentChanges++;
      if (this.changeCount === this.failOn) {
        throw new ApiError(
          `Service error: injected failure at change ${this.changeCount} (${cls}.${member})`,
        );
      }
    }
    if (this.inCustomFunction() && spreadsheet && !CUSTOM_FUNCTION_READS.has(`${cls}.${member}`)) {
      throw new NotEmulated(`${cls}.${member} inside a custom function`);
    }
    if (
      this.authModeNone &&
      !['Ui', 'Menu', 'ScriptApp'].includes(cls) &&
      !(cls === 'SpreadsheetApp' && member === 'getUi')
    ) {
      throw new ApiError(
        `You do not have permission to call ${cls}.${member} in AuthMode.NONE. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly`,
      );
    }
  }
}
