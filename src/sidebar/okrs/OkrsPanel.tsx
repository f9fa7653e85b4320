// OKRs: the running quarter (its dates and how much of it has passed), its objectives with live scores, the
// form a red KPI's fix opens here, and the way to the next quarter. Before the quarter has sheets, set-up.
import { useState } from 'preact/hooks';
import { percent } from '../format';
import { useApp } from '../store';
import { LoadFailed } from '../ui/LoadFailed';
import { Loading } from '../ui/Loading';
import type { Editing } from './editing';
import { FixKpiForm } from './FixKpiForm';
import { ObjectiveCard } from './ObjectiveCard';
import { ObjectiveForm } from './ObjectiveForm';
import { SetUpQuarter } from './SetUpQuarter';

/** The one line that says what a colour means: the pace during the quarter, the bands at its end. */
export function paceLegend(bands: { yellowFrom: number; greenFrom: number }): string {
  return `Colours follow the pace: green when a score has reached ${percent(bands.greenFrom)} of the share of the quarter gone by, yellow from ${percent(bands.yellowFrom)} of it, else red. At the quarter's end that is the grade: green from ${percent(bands.greenFrom)}, yellow from ${percent(bands.yellowFrom)}.`;
}

export function OkrsPanel({ onStartNewQuarter }: { onStartNewQuarter: () => void }) {
  const app = useApp();
  const [editing, setEditing] = useState<Editing>();
  const { state } = app;
  if (!state)
    return app.loadError ? (
      <LoadFailed error={app.loadError} onRetry={() => void app.reload()} />
    ) : (
      <Loading what="Reading your OKRs…" />
    );
  if (!state.quarter) return <SetUpQuarter state={state} />;
  const q = state.quarter;
  const close = () => setEditing(undefined);
  return (
    <section aria-label="OKRs">
      <div class="quarter-head">
        <h2>{q.label}</h2>
        <span class="muted">
          {q.start} – {q.end}
        </span>
      </div>
      <div
        class="progress"
        role="progressbar"
        aria-label="Quarter elapsed"
        aria-valuenow={Math.round(q.elapsed * 100)}
        aria-valuemin={0}
        aria-valuemax={100}
      >
        <div style={{ width: `${Math.round(q.elapsed * 100)}%` }} />
      </div>
      <p class="muted small">{percent(q.elapsed)} of the quarter has passed</p>
      <p class="muted small legend">{paceLegend(state.settings.scoring)}</p>

      {app.fixKpi && <FixKpiForm kpi={app.fixKpi} onDone={() => app.setFixKpi(undefined)} />}
      {editing?.kind === 'objective' && !editing.objective && <ObjectiveForm state={state} onDone={close} />}
      {state.objectives.length === 0 && !editing && (
        <div class="card empty">
          <p>
            No objectives yet. An objective says where you want to be at the end of the quarter; two to five
            measurable key results say how you will know.
          </p>
        </div>
      )}
      {state.objectives.map((o) => (
        <ObjectiveCard
          key={o.id}
          state={state}
          objective={o}
          editing={editing}
          onEdit={setEditing}
          onDone={close}
        />
      ))}
      <div class="actions">
        <button type="button" class="primary" onClick={() => setEditing({ kind: 'objective' })}>
          + Objective
        </button>
        <button type="button" class="secondary" onClick={() => void app.reload()} disabled={app.loading}>
          {app.loading ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      <div class="card subtle">
        <p class="small">
          Quarter over? Review final scores and carry unfinished work into the next quarter.
        </p>
        <button type="button" class="secondary" onClick={onStartNewQuarter}>
          Start new quarter…
        </button>
      </div>
    </section>
  );
}
