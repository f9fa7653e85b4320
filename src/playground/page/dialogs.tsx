// What the page puts in front of the grid: a message with buttons (the add-on's alerts and prompts, a refused
// entry, the warning of a protected range with its "Don't show this again" box), and toasts.
import { useState } from 'preact/hooks';
import type { ToastRecord } from '../emulator/ui';

export interface Modal {
  title: string;
  message: string;
  /** Button names, the last one the primary (OK, YES, CANCEL …). */
  buttons: string[];
  onAnswer: (button: string, answer: { text: string; checked: boolean }) => void;
  prompt?: boolean;
  /** A checkbox under the message, e.g. Sheets' "Don't show this again for 5 minutes". */
  checkbox?: string;
}

export const BUTTONS: Record<string, string[]> = {
  OK: ['OK'],
  OK_CANCEL: ['CANCEL', 'OK'],
  YES_NO: ['NO', 'YES'],
  YES_NO_CANCEL: ['CANCEL', 'NO', 'YES'],
};
const LABEL: Record<string, string> = { OK: 'OK', CANCEL: 'Cancel', YES: 'Yes', NO: 'No' };

export function ModalView(props: { modal: Modal }) {
  const { modal } = props;
  const [text, setText] = useState('');
  const [checked, setChecked] = useState(false);
  return (
    <div class="overlay" role="presentation">
      <div class="modal" role="alertdialog" aria-modal="true" aria-label={modal.title || 'Message'}>
        {modal.title && <h2>{modal.title}</h2>}
        <p class="modal-message">{modal.message}</p>
        {modal.prompt && (
          <input
            class="modal-input"
            aria-label="Answer"
            value={text}
            onInput={(e) => setText((e.target as HTMLInputElement).value)}
          />
        )}
        {modal.checkbox && (
          <label class="modal-check">
            <input
              type="checkbox"
              checked={checked}
              onChange={(e) => setChecked((e.target as HTMLInputElement).checked)}
            />
            {modal.checkbox}
          </label>
        )}
        <div class="modal-buttons">
          {modal.buttons.map((b, i) => (
            <button
              type="button"
              key={b}
              class={i === modal.buttons.length - 1 ? 'primary' : 'secondary'}
              onClick={() => modal.onAnswer(b, { text, checked })}
            >
              {LABEL[b] ?? b}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}

/** Toasts sit at the bottom right of the grid, clear of an open sidebar, as in Sheets. */
export function Toasts(props: {
  toasts: ToastRecord[];
  onDismiss: (id: number) => void;
  besideSidebar: boolean;
}) {
  return (
    <div class={props.besideSidebar ? 'toasts beside-sidebar' : 'toasts'} aria-live="polite">
      {props.toasts.map((t) => (
        <div class="toast" key={t.id} role="status">
          <div>
            {t.title && <strong>{t.title}</strong>}
            <span>{t.message}</span>
          </div>
          <button type="button" aria-label="Close" onClick={() => props.onDismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
