// Start new quarter, the review: the closing quarter's final scores, a tick per key result to carry over
// (unfinished ones ticked) with its new baseline, a target and a title to change (a milestone or yes/no key
// result has no baseline to move; a yes/no one no target), and the confirmation that starts it, which says
// how many days the closing quarter still has.
import { useEffect, useState } from 'preact/hooks';
import { plural } from '../../core/plural';
import type { NewQuarterPreview } from '../../core/rpc';
import { inputValue } from '../form/useFormValues';
import { editableValue, formatValue, percent, scoreBand } from '../format';
import { rpc } from '../rpc';
import { useApp } from '../store';
import { useBusy } from '../ui/useBusy';

export function QuarterReview({ preview, onDone }: { preview: NewQuarterPreview; onDone: () => void }) {
  const app = useApp();
  // the final grade: the score's band under the saved settings
  const bands = app.state?.settings.scoring;
  const [carry, setCarry] = useState<Set<string>>(
    () => new Set(preview.objectives.flatMap((o) => o.keyResults.filter((k) => k.carried).map((k) => k.id))),
  );
  const [targets, setTargets] = useState<Record<string, string>>({});
  const [titles, setTitles] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [busy, run] = useBusy();

  // the confirmation takes keyboard focus when it appears (the user just asked for it)
  useEffect(() => {
    if (confirming) document.getElementById('confirm-new-quarter')?.focus();
  }, [confirming]);

  const toggle = (id: string) => {
    const next = new Set(carry);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setCarry(next);
  };
  const carriedKrs = [...carry];
  const start = () =>
    run(async () => {
      try {
        const numericTargets = Object.fromEntries(
          Object.entries(targets).filter(([id, t]) => carry.has(id) && t.trim() !== ''),
        );
        const newTitles = Object.fromEntries(
          Object.entries(titles).filter(([id, t]) => carry.has(id) && t.trim() !== ''),
        );
        await app.act(
          () =>
            rpc('startNewQuarter', {
              quarter: preview.to,
              closes: preview.from,
              carry: carriedKrs,
              targets: numericTargets,
              titles: newTitles,
            }),
          (r) =>
            `Started ${r.quarter}: ${plural(r.carriedKeyResults, 'key result')} carried over, ${r.historyRows} saved to OKR History. ${preview.from} is now protected.`,
        );
        onDone();
      } catch {
        setConfirming(false);
      }
    });
  return (
    <section aria-label="Start new quarter">
      <h2>
        {preview.from} → {preview.to}
      </h2>
      <p class="small">
        Final scores go to <b>OKR History</b>; {preview.from}'s sheets become read-only (with a warning) and
        keep computing. Ticked key results continue in {preview.to}, starting where they are now.
      </p>
      {preview.objectives.map((o) => (
        <article class="card" key={o.id} aria-label={`${o.id} ${o.title}`}>
          <header class="objective-head">
            <div>
              <div class="id">{o.id}</div>
              <div class="title">{o.title}</div>
            </div>
            <span class={`badge ${scoreBand(o.score, bands)}`}>{percent(o.score)}</span>
          </header>
          <ul class="krs">
            {o.keyResults.map((k) => (
              <li key={k.id} class="kr carry">
                <label class="check">
                  <input type="checkbox" checked={carry.has(k.id)} onChange={() => toggle(k.id)} />
                  <span>
                    <span class="id">{k.id}</span> {k.title}{' '}
                    <span class={`badge ${scoreBand(k.score, bands)}`}>{percent(k.score)}</span>
                    {k.finished && <span class="muted small"> done</span>}
                  </span>
                </label>
                {carry.has(k.id) && (
                  <div class="muted small carry-detail">
                    {k.type !== 'milestone' && k.type !== 'yes/no' && (
                      <>new baseline {formatValue(k.newBaseline, k.unit)} · </>
                    )}
                    {k.type !== 'yes/no' && (
                      <>
                        {k.type === 'milestone' ? 'milestones ' : 'target '}
                        <input
                          class="inline"
                          aria-label={`Target for ${k.id} next quarter`}
                          value={targets[k.id] ?? editableValue(k.target, k.unit)}
                          onInput={(e) => setTargets({ ...targets, [k.id]: inputValue(e) })}
                          inputMode="decimal"
                        />
                      </>
                    )}
                    <label class="carry-title">
                      <span>
                        Title next quarter
                        {/\d/.test(k.title) && k.type !== 'milestone' && k.type !== 'yes/no'
                          ? ' (its numbers may be out of date)'
                          : ''}
                      </span>
                      <input
                        aria-label={`Title of ${k.id} next quarter`}
                        value={titles[k.id] ?? k.title}
                        onInput={(e) => setTitles({ ...titles, [k.id]: inputValue(e) })}
                      />
                    </label>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </article>
      ))}
      {preview.objectives.length === 0 && (
        <p class="muted">This quarter has no objectives: the new one starts empty.</p>
      )}
      {confirming ? (
        <div class="card confirm" role="alertdialog" aria-label="Confirm new quarter">
          {preview.daysLeft > 0 && (
            <p class="warn-text">
              {preview.from} still has {plural(preview.daysLeft, 'day')} to go (it ends {preview.endsOn}). Its
              scores are final from now on.
            </p>
          )}
          <p>
            Start <b>{preview.to}</b> {preview.daysLeft > 0 ? 'now ' : ''}with{' '}
            {plural(carriedKrs.length, 'key result')} carried over?
          </p>
          <div class="actions">
            <button type="button" class="primary" id="confirm-new-quarter" onClick={start} disabled={busy}>
              {busy ? 'Starting…' : `Start ${preview.to}`}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)} disabled={busy}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div class="actions">
          <button type="button" class="primary" onClick={() => setConfirming(true)}>
            Start {preview.to}…
          </button>
          <button type="button" class="secondary" onClick={onDone}>
            Back
          </button>
        </div>
      )}
    </section>
  );
}
