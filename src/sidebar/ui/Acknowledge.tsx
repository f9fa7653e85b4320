// A card that says why something cannot be done here and now, with an OK that puts it away: a refusal (an
// alert, e.g. a KPI key results still follow) or information (a status, e.g. no tab holds numbers yet).
import type { ComponentChildren } from 'preact';

export function Acknowledge({
  refusal,
  onOk,
  children,
}: {
  refusal?: boolean;
  onOk: () => void;
  children: ComponentChildren;
}) {
  return (
    <div class={refusal ? 'card confirm' : 'card subtle'} role={refusal ? 'alert' : 'status'}>
      <p class="small">{children}</p>
      <button type="button" class="secondary" onClick={onOk}>
        OK
      </button>
    </div>
  );
}
