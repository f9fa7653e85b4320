// The sidebar's form: submits on Enter, cancels on Escape, disables itself while saving, and shows a server
// error under the field it names (the rest above the buttons, in the user's words). The error is the form's
// alone: the panel's notice line does not repeat it, and cancelling the form clears it.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { errorMessage } from '../rpc';
import { useApp } from '../store';
import { Alert } from '../ui/Alert';
import { useBusy } from '../ui/useBusy';
import { fieldErrors, userMessage } from './fieldErrors';

export interface FormProps {
  fields: readonly string[];
  submitLabel: string;
  onSubmit: () => Promise<unknown>;
  onCancel?: () => void;
  children: (errors: Record<string, string>) => ComponentChildren;
  danger?: boolean;
}

export function Form({ fields, submitLabel, onSubmit, onCancel, children, danger }: FormProps) {
  const app = useApp();
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
        setRest(parsed.rest.map(userMessage));
        app.say(undefined);
      }
    });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && onCancel) {
      e.preventDefault();
      cancel();
    }
  };
  const cancel = () => {
    app.say(undefined);
    onCancel?.();
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
          <button type="button" class="secondary" onClick={cancel} disabled={busy}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
