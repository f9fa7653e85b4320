// The OKRs panel before the running quarter has its sheets: what setting up adds, and the button that does it.
import type { State } from '../../core/rpc';
import { rpc } from '../rpc';
import { useApp } from '../store';
import { useBusy } from '../ui/useBusy';

export function SetUpQuarter({ state }: { state: State }) {
  const app = useApp();
  const [busy, run] = useBusy();
  const label = state.suggestedQuarter;
  const setUp = () =>
    run(async () => {
      try {
        await app.act(
          // set-up answers with the new state itself
          () => rpc('setUpQuarter', { quarter: label }).then((state) => ({ state })),
          () => `Created "${label} Objectives" and "${label} Key Results".`,
        );
      } catch {
        // the notice shows the error
      }
    });
  return (
    <section aria-label="Set up OKRs" class="card">
      <h2>OKRs for {label}</h2>
      <p>
        okr-sheets will add two sheets, <b>{label} Objectives</b> and <b>{label} Key Results</b>, with live
        scores. Nothing in your other tabs changes.
      </p>
      <button type="button" class="primary" onClick={setUp} disabled={busy}>
        {busy ? 'Setting up…' : `Set up OKRs for ${label}`}
      </button>
    </section>
  );
}
