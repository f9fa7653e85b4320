// The sidebar's form: submits on Enter, cancels on Escape, disables itself while saving, and shows a server
// error under the field it names (the rest above the buttons).
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { errorMessage } from '../rpc';
import { Alert } from '../ui/Alert';
import { useBusy } from '../ui/useBusy';
import { fieldErrors } from './fieldErrors';

export interface FormProps {
  fields: readonly string[];
  submitLabel: string;
  onSubmit: () => Promise<unknown>;
  onCancel?: () => void;
  children: (errors: Record<string, string>) => ComponentChildren;
  danger?: boolean;
}

export function Form({ fields, submitLabel, onSubmit, onCancel, children, danger }: FormProps) {
  const [busy, run] = useBusy();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [rest, setRest] = useState<string[]>([]);
  const submit = (e: Event) => {
    e.preventDefault();
    return run(async () => {
      setErrors({});
      setRest([]);
      try {
        await onSubmit();
      } catch (err) {
        const parsed = fieldErrors(errorMessage(err), fields);
        setErrors(parsed.byField);
        setRest(parsed.rest);
      }
    });
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
      {rest.length > 0 && <Alert>{rest.join(' ')}</Alert>}
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
