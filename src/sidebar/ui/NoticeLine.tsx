// The one notice line above every panel: what the last action did, or why it failed, in the user's words; the
// user may dismiss it, and it goes when they move to another panel or cancel the form it came from.
import { userMessage } from '../form/fieldErrors';
import { useApp } from '../store';

export function NoticeLine() {
  const { notice, say } = useApp();
  if (!notice) return null;
  return (
    <div class={notice.kind === 'ok' ? 'notice' : 'error'} role={notice.kind === 'ok' ? 'status' : 'alert'}>
      <span>{notice.kind === 'ok' ? notice.text : userMessage(notice.text)}</span>
      <button type="button" class="close" aria-label="Dismiss" onClick={() => say(undefined)}>
        ×
      </button>
    </div>
  );
}
