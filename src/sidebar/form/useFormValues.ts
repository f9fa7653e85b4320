// A form's state as the text of its inputs: one value per field, and the handler that keeps a field in step
// with what the user types or picks. A number enters a form as the text its field shows (format.ts
// editableValue) and leaves it as typed: the server parses every input (core/schema.ts).
import { useState } from 'preact/hooks';

/** Reads an input's (or select's, or textarea's) value in an event handler. */
export const inputValue = (e: Event) => (e.currentTarget as HTMLInputElement).value;

/**
 * The values of a form's fields, `set(name)`, the onInput/onChange handler of the field called name, and
 * `setValues` to replace them all (e.g. with a new proposal).
 */
export function useFormValues<T extends { [K in keyof T]: string }>(initial: T | (() => T)) {
  const [values, setValues] = useState<T>(initial);
  const set = (name: keyof T) => (e: Event) => {
    const value = inputValue(e);
    setValues((v) => ({ ...v, [name]: value }));
  };
  return { values, set, setValues };
}
