// Form pieces: labelled fields whose server-side errors appear under the field they name.
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from './rpc';

/**
 * Splits a server error such as `key result: target: "abc" is not a number; key result: title: is required`
 * into messages per field; what names no known field stays a form-level message.
 */
export function fieldErrors(
  message: string,
  fields: readonly string[],
): { byField: Record<string, string>; rest: string[] } {
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  for (const part of message.split('; ')) {
    const m = /^(?:[\w -]+: )?([\w.]+): (.*)$/.exec(part);
    const field = m?.[1];
    if (m && field && fields.includes(field)) byField[field] = m[2]!;
    else rest.push(part);
  }
  return { byField, rest };
}

export interface FormProps {
  fields: readonly string[];
  submitLabel: string;
  onSubmit: () => Promise<unknown>;
  onCancel?: () => void;
  children: (errors: Record<string, string>) => ComponentChildren;
  danger?: boolean;
}

/** A form that submits on Enter, cancels on Escape, disables itself while saving and shows errors in place. */
export function Form({ fields, submitLabel, onSubmit, onCancel, children, danger }: FormProps) {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [rest, setRest] = useState<string[]>([]);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors({});
    setRest([]);
    try {
      await onSubmit();
    } catch (err) {
      const parsed = fieldErrors(errorMessage(err), fields);
      setErrors(parsed.byField);
      setRest(parsed.rest);
    } finally {
      setBusy(false);
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && onCancel) {
      e.preventDefault();
      onCancel();
    }
  };
  return (
    <form class="card form" onSubmit={submit} onKeyDown={onKeyDown} aria-busy={busy} noValidate>
      {children(errors)}
      {rest.length > 0 && (
        <div class="error" role="alert">
          {rest.join(' ')}
        </div>
      )}
      <div class="actions">
        <button type="submit" class={danger ? 'danger' : 'primary'} disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        {onCancel && (
          <button type="button" class="secondary" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

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

/** Reads an input's value in an onInput handler. */
export const inputValue = (e: Event) => (e.currentTarget as HTMLInputElement).value;
