// The name box left of the formula bar: shows the selection (B3, or B3:D9); typing a reference and Enter jumps
// there, as in Sheets.
import { useState } from 'preact/hooks';

export function NameBox(props: { value: string; onGo: (ref: string) => void }) {
  const [text, setText] = useState<string | null>(null);
  return (
    <input
      class="name-box"
      aria-label="Name box"
      value={text ?? props.value}
      onFocus={(e) => {
        setText(props.value);
        (e.target as HTMLInputElement).select();
      }}
      onBlur={() => setText(null)}
      onInput={(e) => setText((e.target as HTMLInputElement).value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          const ref = (e.target as HTMLInputElement).value;
          setText(null);
          props.onGo(ref);
        } else if (e.key === 'Escape') setText(null);
      }}
    />
  );
}
