// The confirmation of a destructive action (delete, untag): what will happen, a red button that does it
// through app.act (its notice says what was done) and Cancel; Escape cancels.
import type { ComponentChildren } from 'preact';
import type { State } from '../../core/rpc';
import { Form } from '../form/Form';
import { useApp } from '../store';

export function Confirm<T extends { state: State }>({
  label,
  action,
  success,
  onDone,
  onCancel,
  children,
}: {
  /** the button's text, e.g. Delete */
  label: string;
  action: () => Promise<T>;
  /** the notice once done */
  success: (value: T) => string;
  onDone: () => void;
  onCancel: () => void;
  /** the question, as the paragraph it is shown in */
  children: ComponentChildren;
}) {
  const app = useApp();
  return (
    <Form
      fields={[]}
      danger
      submitLabel={label}
      onCancel={onCancel}
      onSubmit={async () => {
        await app.act(action, success);
        onDone();
      }}
    >
      {() => children}
    </Form>
  );
}
