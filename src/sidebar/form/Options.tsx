// The <option>s of a select, one per item: its value (and key) and the text it shows (by default the value).
import type { ComponentChildren } from 'preact';

export function Options<T>({
  items,
  value = String,
  label = value,
}: {
  items: readonly T[];
  value?: (item: T, index: number) => string;
  label?: (item: T, index: number) => ComponentChildren;
}) {
  return (
    <>
      {items.map((item, i) => (
        <option key={value(item, i)} value={value(item, i)}>
          {label(item, i)}
        </option>
      ))}
    </>
  );
}
