// The boundary between the add-on (running in a node:vm realm) and the emulator (running in Node's realm).
// Every emulated service object reaches the add-on wrapped in a Proxy that:
//  - passes each call through the call policy (policy.ts: counting, fault injection, refusals);
//  - lets through only members the real Apps Script class has; a real member the emulator lacks throws
//    `not emulated: Class.method`; a name Apps Script does not have reads as undefined;
//  - converts results into the add-on's realm (arrays, Dates, plain objects), so `instanceof Date` and
//    `instanceof Array` hold in add-on code as they do in Apps Script;
//  - turns emulator errors into Apps Script's `Exception` created in the add-on's realm.
import vm from 'node:vm';
import { ApiError, NotEmulated } from './errors';
import { gasMembers } from './members';
import type { CallPolicy } from './policy';

/** Emulator classes declare which Apps Script class they stand for. */
export interface Emulated {
  readonly gasClass: string;
}

function gasClassOf(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const cls = (v as Partial<Emulated>).gasClass;
  return typeof cls === 'string' ? cls : undefined;
}

/** The add-on's realm: a vm context whose Date follows the emulator's clock. */
export class Realm {
  readonly context: vm.Context;
  private readonly convert: (v: unknown) => unknown;
  private readonly makeError: (name: string, message: string) => Error;
  readonly jsonParse: (text: string) => unknown;

  constructor(clock: () => number) {
    this.context = vm.createContext({});
    const install = vm.runInContext(
      `(function (clock) {
        var RealDate = Date;
        function ClockDate() {
          if (!new.target) return new RealDate(clock()).toString();
          var args = Array.prototype.slice.call(arguments);
          return Reflect.construct(RealDate, args.length === 0 ? [clock()] : args, new.target);
        }
        ClockDate.prototype = RealDate.prototype;
        ClockDate.now = function now() { return clock(); };
        ClockDate.UTC = RealDate.UTC;
        ClockDate.parse = RealDate.parse;
        Object.defineProperty(RealDate.prototype, 'constructor', { value: ClockDate, writable: true, configurable: true });
        Object.defineProperty(globalThis, 'Date', { value: ClockDate, writable: true, configurable: true });
      })`,
      this.context,
    ) as (clock: () => number) => void;
    install(clock);
    this.convert = vm.runInContext(
      `(function (outerObjectProto) {
        function conv(v) {
          if (v === null || typeof v !== 'object') return v;
          if (Array.isArray(v)) return Array.from(v, conv);
          if (Object.prototype.toString.call(v) === '[object Date]') return v instanceof Date ? v : new Date(v.getTime());
          if (Object.getPrototypeOf(v) === outerObjectProto) {
            var o = {};
            Object.keys(v).forEach(function (k) { o[k] = conv(v[k]); });
            return o;
          }
          return v;
        }
        return conv;
      })`,
      this.context,
    )(Object.prototype) as (v: unknown) => unknown;
    this.makeError = vm.runInContext(
      '(function (name, message) { var e = new Error(message); e.name = name; return e; })',
      this.context,
    ) as (name: string, message: string) => Error;
    const json = vm.runInContext('JSON', this.context) as JSON;
    this.jsonParse = (text) => json.parse(text);
  }

  /** Converts a value built in Node's realm into the add-on's realm (deeply: arrays, Dates, plain objects). */
  toRealm(v: unknown): unknown {
    return this.convert(v);
  }

  error(name: string, message: string): Error {
    return this.makeError(name, message);
  }

  /** Runs code (the bundle) in the realm. */
  run(code: string, filename: string): unknown {
    return vm.runInContext(code, this.context, { filename });
  }
}

export class Wrapper {
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, object>();

  constructor(
    private readonly realm: Realm,
    private readonly policy: CallPolicy,
  ) {}

  /** The proxy the add-on sees for an emulator object. */
  wrap<T extends object>(target: T): T {
    const existing = this.proxies.get(target);
    if (existing) return existing as T;
    const cls = gasClassOf(target);
    if (!cls) return target;
    const members = gasMembers(cls);
    const proxy = new Proxy(target, {
      get: (t, prop) => {
        if (typeof prop === 'symbol') return undefined;
        if (prop === 'toString') return () => cls;
        if (!members.has(prop)) return undefined;
        const value = (t as Record<string, unknown>)[prop];
        if (typeof value === 'function')
          return this.method(t, cls, prop, value as (...a: unknown[]) => unknown);
        if (prop[0] !== prop[0]!.toLowerCase()) {
          // enums: Button, ProtectionType…
          if (value !== undefined) return value;
          throw this.realm.error('Error', `not emulated: ${cls}.${prop}`);
        }
        return () => {
          this.policy.counter.count(`${cls}.${prop}`);
          throw this.realm.error('Error', `not emulated: ${cls}.${prop}`);
        };
      },
      set: () => true,
      has: (_t, prop) => typeof prop === 'string' && members.has(prop),
      ownKeys: () => [],
      getOwnPropertyDescriptor: () => undefined,
    });
    this.proxies.set(target, proxy);
    this.targets.set(proxy, target);
    return proxy as T;
  }

  private method(target: object, cls: string, name: string, fn: (...a: unknown[]) => unknown) {
    return (...args: unknown[]) => {
      this.policy.counter.count(`${cls}.${name}`);
      try {
        this.policy.check(cls, name);
        const result = fn.apply(
          target,
          args.map((a) => this.unwrapDeep(a)),
        );
        return this.out(result);
      } catch (e) {
        throw this.toRealmError(e);
      }
    };
  }

  /** Result of an emulator call, as the add-on receives it. */
  out(value: unknown): unknown {
    return this.realm.toRealm(this.wrapDeep(value));
  }

  private wrapDeep(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => this.wrapDeep(v));
    if (gasClassOf(value)) return this.wrap(value as object);
    return value;
  }

  /** The emulator object behind a proxy (arguments such as setActiveSheet(sheet)). */
  unwrap(value: unknown): unknown {
    if (typeof value === 'object' && value !== null) return this.targets.get(value) ?? value;
    return value;
  }

  private unwrapDeep(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => this.unwrapDeep(v));
    return this.unwrap(value);
  }

  toRealmError(e: unknown): unknown {
    if (e instanceof ApiError) return this.realm.error('Exception', e.message);
    if (e instanceof NotEmulated) return this.realm.error('Error', e.message);
    if (e instanceof Error) {
      // An emulator bug: keep its message and stack visible.
      const err = this.realm.error(e.name, e.message);
      err.stack = e.stack;
      return err;
    }
    return e;
  }
}
