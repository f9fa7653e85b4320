// PropertiesService, LockService, Session, Utilities and ScriptApp, as far as the add-on uses them.

import { randomUUID } from 'node:crypto';
import { types } from 'node:util';
import { MONTH_NAMES, WEEKDAY_NAMES } from '../../core/values';
import type * as Gas from '../../server/gas';
import { AuthMode, asEnum } from './enums';
import { ApiError, NotEmulated } from './errors';
import { checkTimeZone, wallClock } from './time';
import type { Workbook } from './workbook';

// ---- Properties ------------------------------------------------------------------------------------------

/** Apps Script's quota: 9 kB per value, 500 kB per store. */
const MAX_VALUE_BYTES = 9 * 1024;
const MAX_STORE_BYTES = 500 * 1024;

export class EmuProperties implements Gas.Properties {
  readonly gasClass = 'Properties';
  constructor(private readonly store: () => Record<string, string>) {}

  private check(next: Record<string, string>): void {
    let total = 0;
    for (const [k, v] of Object.entries(next)) {
      if (Buffer.byteLength(v) > MAX_VALUE_BYTES) throw new ApiError('Argument too large: value');
      total += Buffer.byteLength(k) + Buffer.byteLength(v);
    }
    if (total > MAX_STORE_BYTES) throw new ApiError('You have exceeded the property storage quota.');
  }

  getProperty(key: string): string | null {
    const s = this.store();
    return Object.hasOwn(s, key) ? s[key]! : null;
  }
  getProperties(): { [key: string]: string } {
    return { ...this.store() };
  }
  getKeys(): string[] {
    return Object.keys(this.store());
  }
  setProperty(key: string, value: string): EmuProperties {
    const s = this.store();
    const next = { ...s, [String(key)]: String(value) };
    this.check(next);
    s[String(key)] = String(value);
    return this;
  }
  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): EmuProperties {
    const s = this.store();
    const values = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, String(v)]));
    const next = deleteAllOthers ? values : { ...s, ...values };
    this.check(next);
    if (deleteAllOthers) for (const k of Object.keys(s)) delete s[k];
    Object.assign(s, values);
    return this;
  }
  deleteProperty(key: string): EmuProperties {
    delete this.store()[String(key)];
    return this;
  }
  deleteAllProperties(): EmuProperties {
    const s = this.store();
    for (const k of Object.keys(s)) delete s[k];
    return this;
  }
}

export class EmuPropertiesService implements Gas.PropertiesServiceSlice {
  readonly gasClass = 'PropertiesService';
  constructor(private readonly wb: () => Workbook) {}
  getDocumentProperties(): EmuProperties {
    return new EmuProperties(() => this.wb().properties.document);
  }
  getUserProperties(): EmuProperties {
    return new EmuProperties(() => this.wb().properties.user);
  }
}

// ---- LockService -----------------------------------------------------------------------------------------

/**
 * The document lock. An execution (one menu action, one RPC) may hold it; tests can make "another execution"
 * hold it, to see the add-on's answer when the lock is busy. Locks are released when an execution ends.
 */
export class LockState {
  holder: 'none' | 'this' | 'other' = 'none';
  /** Addon.locks: another execution takes the lock, or lets it go. */
  holdByAnotherExecution(): void {
    this.holder = 'other';
  }
  releaseOtherExecution(): void {
    if (this.holder === 'other') this.holder = 'none';
  }
  /** An execution ended: Apps Script releases the locks it held. */
  endExecution(): void {
    if (this.holder === 'this') this.holder = 'none';
  }
}

export class EmuLock implements Gas.Lock {
  readonly gasClass = 'Lock';
  constructor(private readonly state: LockState) {}
  tryLock(timeoutInMillis: number): boolean {
    if (typeof timeoutInMillis !== 'number') throw new ApiError('Invalid argument: timeoutInMillis');
    if (this.state.holder === 'other') return false;
    this.state.holder = 'this';
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) {
      throw new ApiError('Lock timeout: another process was holding the lock for too long.');
    }
  }
  releaseLock(): void {
    if (this.state.holder === 'this') this.state.holder = 'none';
  }
  hasLock(): boolean {
    return this.state.holder === 'this';
  }
}

export class EmuLockService implements Gas.LockServiceSlice {
  readonly gasClass = 'LockService';
  constructor(private readonly state: LockState) {}
  getDocumentLock(): EmuLock {
    return new EmuLock(this.state);
  }
}

// ---- Session ---------------------------------------------------------------------------------------------

export class EmuUser implements Gas.User {
  readonly gasClass = 'User';
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
}

export class EmuSession implements Gas.SessionSlice {
  readonly gasClass = 'Session';
  constructor(
    private readonly user: string,
    private readonly scriptTimeZone: string,
  ) {}
  getActiveUser(): EmuUser {
    return new EmuUser(this.user);
  }
  getEffectiveUser(): EmuUser {
    return new EmuUser(this.user);
  }
  getScriptTimeZone(): string {
    return this.scriptTimeZone;
  }
}

// ---- Utilities -------------------------------------------------------------------------------------------

/** Java SimpleDateFormat, the pattern language of Utilities.formatDate (the letters the add-on may use). */
export function formatJavaDate(ms: number, timeZone: string, pattern: string): string {
  checkTimeZone(timeZone);
  const w = wallClock(ms, timeZone);
  // the wall clock as a UTC instant; setUTCFullYear, since Date.UTC reads the years 0–99 as 1900–1999
  const wall = new Date(0);
  wall.setUTCFullYear(w.year, w.month - 1, w.day);
  wall.setUTCHours(w.hour, w.minute, w.second);
  const offsetMin = Math.round((wall.getTime() - (ms - w.millisecond)) / 60000);
  const weekday = wall.getUTCDay();
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const offset = (colon: boolean, zulu: boolean) => {
    if (zulu && offsetMin === 0) return 'Z';
    const sign = offsetMin < 0 ? '-' : '+';
    const a = Math.abs(offsetMin);
    return `${sign}${pad(Math.floor(a / 60), 2)}${colon ? ':' : ''}${pad(a % 60, 2)}`;
  };
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      if (end < 0) throw new ApiError(`Invalid argument: format`);
      out += pattern.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    switch (ch) {
      case 'y':
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case 'M':
        out +=
          n >= 4
            ? MONTH_NAMES[w.month - 1]!
            : n === 3
              ? MONTH_NAMES[w.month - 1]!.slice(0, 3)
              : pad(w.month, n);
        break;
      case 'd':
        out += pad(w.day, n);
        break;
      case 'E':
        out += n >= 4 ? WEEKDAY_NAMES[weekday]! : WEEKDAY_NAMES[weekday]!.slice(0, 3);
        break;
      case 'u':
        out += String(weekday === 0 ? 7 : weekday);
        break;
      case 'H':
        out += pad(w.hour, n);
        break;
      case 'h':
        out += pad(((w.hour + 11) % 12) + 1, n);
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'm':
        out += pad(w.minute, n);
        break;
      case 's':
        out += pad(w.second, n);
        break;
      case 'S':
        out += pad(w.millisecond, 3).slice(0, Math.max(n, 3));
        break;
      case 'Z':
        out += offset(false, false);
        break;
      case 'X':
        out += offset(n >= 3, true);
        break;
      default:
        throw new NotEmulated(`Utilities.formatDate pattern letter "${ch}"`);
    }
  }
  return out;
}

export class EmuUtilities implements Gas.UtilitiesSlice {
  readonly gasClass = 'Utilities';
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!types.isDate(date)) {
      throw new ApiError(
        `The parameters (${typeof date},${typeof timeZone},${typeof format}) don't match the method signature for Utilities.formatDate.`,
      );
    }
    return formatJavaDate((date as unknown as Date).getTime(), String(timeZone), String(format));
  }
  getUuid(): string {
    return randomUUID();
  }
}

// ---- ScriptApp -------------------------------------------------------------------------------------------

export class EmuScriptApp implements Gas.ScriptAppSlice {
  readonly gasClass = 'ScriptApp';
  readonly AuthMode = asEnum<typeof GoogleAppsScript.Script.AuthMode>(AuthMode);
}
