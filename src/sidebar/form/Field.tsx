// A labelled form field: its label, the control (rendered by the caller with the id and aria attributes it is
// given), and under it either the field's error or its hint.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

let fieldSeq = 0;

export function Field({
  label,
  name,
  error,
  hint,
  focus,
  children,
}: {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  /** moves keyboard focus here when the field appears (the first field of a form the user just opened) */
  focus?: boolean;
  children: (props: {
    id: string;
    'aria-invalid': boolean;
    'aria-describedby'?: string;
    name: string;
  }) => JSX.Element;
}) {
  const [id] = useState(() => `f-${name}-${++fieldSeq}`);
  useEffect(() => {
    if (focus) document.getElementById(id)?.focus();
  }, [focus, id]);
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children({
        id,
        name,
        'aria-invalid': Boolean(error),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {error ? (
        <div class="field-error" id={`${id}-error`}>
          {error}
        </div>
      ) : hint ? (
        <div class="hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}
