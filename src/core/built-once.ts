// Values built on their first use and then kept: the zod schemas of core/schema.ts and core/settings.ts.
// Building a schema costs far more than parsing with it, and most executions parse nothing (each custom-function
// recalculation loads the whole bundle), so loading the bundle builds no schema (tests/build/load-cost.test.ts).
import { type LocaleRules, localeRules } from './locale';
import type { Locale } from './units';

/** A value made on the first call, then the same value on every call. */
export function lazy<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => {
    if (made === undefined) made = make();
    return made;
  };
}

/** The schemas of one locale, made once: `make` runs on the first parse in that locale. */
export function perLocale<T>(make: (locale: LocaleRules) => T): (locale: Locale) => T {
  const made = new Map<string, T>();
  return (locale) => {
    const rules = localeRules(locale);
    let schema = made.get(rules.id);
    if (schema === undefined) {
      schema = make(rules);
      made.set(rules.id, schema);
    }
    return schema;
  };
}
