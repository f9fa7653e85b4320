// The one notice line above every panel: what the last action did, or why it failed; the user may dismiss it.
import { useApp } from '../store';

export function NoticeLine() {
  const { notice, say } = useApp();
  if (!notice) return null;
  return (
    <div class={notice.kind === 'ok' ? 'notice' : 'error'} role={notice.kind === 'ok' ? 'status' : 'alert'}>
      <span>{notice.text}</span>
      <button type="button" class="close" aria-label="Dismiss" onClick={() => say(undefined)}>
        ×
      </button>
    </div>
  );
}
