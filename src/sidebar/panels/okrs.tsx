// OKRs: the running quarter's objectives and key results with live scores, and the forms that edit them.
import { useState } from 'preact/hooks';
import type { KeyResultView, KpiView, ObjectiveView, State } from '../../core/rpc';
import { SCORE_TYPES } from '../../core/score';
import { Field, Form, inputValue } from '../form';
import { editableValue, formatValue, percent, scoreBand } from '../format';
import { rpc } from '../rpc';
import { Loading, useApp } from '../store';

type Editing =
  | { kind: 'objective'; objective?: ObjectiveView }
  | { kind: 'keyResult'; objectiveId: string; keyResult?: KeyResultView; preset?: Partial<KeyResultView> }
  | { kind: 'checkIn'; keyResult: KeyResultView }
  | { kind: 'delete'; objective?: ObjectiveView; keyResult?: KeyResultView };

export function OkrsPanel({ onStartNewQuarter }: { onStartNewQuarter: () => void }) {
  const app = useApp();
  const [editing, setEditing] = useState<Editing>();
  const { state } = app;
  if (!state) return app.loadError ? <LoadFailed /> : <Loading what="Reading your OKRs…" />;
  if (!state.quarter) return <SetUp state={state} />;
  const q = state.quarter;
  const close = () => setEditing(undefined);
  const bands = state.settings.scoring;
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
      <p class="muted small">{Math.round(q.elapsed * 100)}% of the quarter has passed</p>

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
        <article class="objective card" key={o.id} aria-label={`${o.id} ${o.title}`}>
          {editing?.kind === 'objective' && editing.objective?.id === o.id ? (
            <ObjectiveForm state={state} objective={o} onDone={close} />
          ) : (
            <header class="objective-head">
              <div>
                <div class="id">{o.id}</div>
                <div class="title">{o.title}</div>
                <div class="muted small">
                  {[o.owner, o.team, o.alignsTo && `aligns to ${o.alignsTo}`].filter(Boolean).join(' · ')}
                </div>
              </div>
              <ScoreBadge score={o.score} error={o.scoreError} bands={bands} status={o.status} />
            </header>
          )}
          {coachHint(o)}
          <ul class="krs">
            {o.keyResults.map((kr) => (
              <li key={kr.id} class="kr">
                {editing?.kind === 'keyResult' && editing.keyResult?.id === kr.id ? (
                  <KeyResultForm state={state} objectiveId={o.id} keyResult={kr} onDone={close} />
                ) : editing?.kind === 'checkIn' && editing.keyResult.id === kr.id ? (
                  <CheckInForm keyResult={kr} kpis={state.kpis} onDone={close} />
                ) : editing?.kind === 'delete' && editing.keyResult?.id === kr.id ? (
                  <ConfirmDelete
                    what={`key result ${kr.id}`}
                    onCancel={close}
                    onConfirm={() => rpc('deleteKeyResult', kr.id)}
                  />
                ) : (
                  <KeyResultRow kr={kr} kpis={state.kpis} bands={bands} onEdit={setEditing} />
                )}
              </li>
            ))}
          </ul>
          {editing?.kind === 'keyResult' && !editing.keyResult && editing.objectiveId === o.id && (
            <KeyResultForm state={state} objectiveId={o.id} preset={editing.preset} onDone={close} />
          )}
          {editing?.kind === 'delete' && editing.objective?.id === o.id && (
            <ConfirmDelete
              what={`objective ${o.id}${o.keyResults.length ? ` and its ${o.keyResults.length} key result${o.keyResults.length > 1 ? 's' : ''}` : ''}`}
              onCancel={close}
              onConfirm={() => rpc('deleteObjective', o.id, { cascade: true })}
            />
          )}
          <div class="row-actions">
            <button
              type="button"
              class="link"
              onClick={() => setEditing({ kind: 'keyResult', objectiveId: o.id })}
            >
              + Key result
            </button>
            <button
              type="button"
              class="link"
              onClick={() => setEditing({ kind: 'objective', objective: o })}
            >
              Edit
            </button>
            <button
              type="button"
              class="link danger-link"
              onClick={() => setEditing({ kind: 'delete', objective: o })}
            >
              Delete
            </button>
          </div>
        </article>
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

function LoadFailed() {
  const app = useApp();
  return (
    <div>
      <div class="error" role="alert">
        {app.loadError}
      </div>
      <button type="button" class="secondary" onClick={() => void app.reload()}>
        Try again
      </button>
    </div>
  );
}

function SetUp({ state }: { state: State }) {
  const app = useApp();
  const [busy, setBusy] = useState(false);
  const label = state.suggestedQuarter;
  const setUp = async () => {
    setBusy(true);
    try {
      await app.act(
        () => rpc('setUpQuarter', { quarter: label }),
        () => `Created "${label} Objectives" and "${label} Key Results".`,
      );
    } catch {
      // the notice shows the error
    } finally {
      setBusy(false);
    }
  };
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

function ScoreBadge({
  score,
  error,
  bands,
  status,
}: {
  score: number | '';
  error?: string;
  bands: { yellowFrom: number; greenFrom: number };
  status?: string;
}) {
  if (error) {
    return (
      <span class="badge red" title={error}>
        Error
      </span>
    );
  }
  return (
    <span class="score">
      <span class={`badge ${scoreBand(score, bands)}`} title={status ? `${status}` : undefined}>
        {percent(score)}
      </span>
      {status && <span class={`status status-${status.toLowerCase().replace(/\s+/g, '-')}`}>{status}</span>}
    </span>
  );
}

function KeyResultRow({
  kr,
  kpis,
  bands,
  onEdit,
}: {
  kr: KeyResultView;
  kpis: KpiView[];
  bands: { yellowFrom: number; greenFrom: number };
  onEdit: (e: Editing) => void;
}) {
  const kpi = kpis.find((k) => k.id === kr.kpiId);
  const unit = kr.unit || kpi?.unit || '';
  return (
    <div class="kr-row">
      <div class="kr-main">
        <div class="kr-title">
          <span class="id">{kr.id}</span> {kr.title}
        </div>
        <div class="muted small">
          {formatValue(kr.baseline, unit)} → {formatValue(kr.target, unit)} · now{' '}
          {formatValue(kr.current, unit)}
          {kpi && (
            <span class="chip" title={`Current follows the KPI ${kpi.name}`}>
              KPI {kpi.name}
            </span>
          )}
          {typeof kr.confidence === 'number' && (
            <span title="Confidence (0–10)"> · conf. {kr.confidence}</span>
          )}
        </div>
        {kr.scoreError && <div class="field-error">{kr.scoreError}</div>}
        <div class="row-actions">
          <button type="button" class="link" onClick={() => onEdit({ kind: 'checkIn', keyResult: kr })}>
            Check in
          </button>
          <button
            type="button"
            class="link"
            onClick={() => onEdit({ kind: 'keyResult', objectiveId: kr.objectiveId, keyResult: kr })}
          >
            Edit
          </button>
          <button
            type="button"
            class="link danger-link"
            onClick={() => onEdit({ kind: 'delete', keyResult: kr })}
          >
            Delete
          </button>
        </div>
      </div>
      <ScoreBadge score={kr.score} error={kr.scoreError} bands={bands} status={kr.status} />
    </div>
  );
}

function coachHint(o: ObjectiveView) {
  const n = o.keyResults.length;
  if (n === 0)
    return <p class="hint">Add 2–5 measurable key results: how will you know this objective is met?</p>;
  if (n === 1)
    return (
      <p class="hint">One key result is a task list of one: 2–5 key results measure an objective best.</p>
    );
  if (n > 5) return <p class="hint">{n} key results: more than 5 dilutes focus. Which matter most?</p>;
  return null;
}

function ObjectiveForm({
  state,
  objective,
  onDone,
}: {
  state: State;
  objective?: ObjectiveView;
  onDone: () => void;
}) {
  const app = useApp();
  const [v, setV] = useState({
    title: objective?.title ?? '',
    owner: objective?.owner ?? '',
    team: objective?.team ?? '',
    alignsTo: objective?.alignsTo ?? '',
  });
  const set = (k: keyof typeof v) => (e: Event) => setV({ ...v, [k]: inputValue(e) });
  const others = state.objectives.filter((o) => o.id !== objective?.id);
  return (
    <Form
      fields={['title', 'owner', 'team', 'alignsTo']}
      submitLabel={objective ? 'Save objective' : 'Add objective'}
      onCancel={onDone}
      onSubmit={async () => {
        await app.act(
          () => rpc('saveObjective', { ...(objective ? { id: objective.id } : {}), ...v }),
          (r) => (objective ? `Saved ${r.id}.` : `Added ${r.id}.`),
        );
        onDone();
      }}
    >
      {(errors) => (
        <>
          <Field
            focus
            label="Objective"
            name="title"
            error={errors.title}
            hint="Qualitative and inspiring, e.g. Build a product customers love"
          >
            {(p) => <input {...p} value={v.title} onInput={set('title')} maxLength={500} />}
          </Field>
          <div class="two">
            <Field label="Owner" name="owner" error={errors.owner}>
              {(p) => <input {...p} value={v.owner} onInput={set('owner')} />}
            </Field>
            <Field label="Team" name="team" error={errors.team}>
              {(p) => <input {...p} value={v.team} onInput={set('team')} />}
            </Field>
          </div>
          <Field label="Aligns to" name="alignsTo" error={errors.alignsTo}>
            {(p) => (
              <select {...p} value={v.alignsTo} onChange={set('alignsTo')}>
                <option value="">—</option>
                {others.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.id} {o.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      )}
    </Form>
  );
}

const TYPE_HELP: Record<string, string> = {
  auto: 'From baseline to target, up or down',
  increase: 'Raise from baseline to target',
  decrease: 'Lower from baseline to target',
  'at least': 'Done when current ≥ target',
  'at most': 'Done when current ≤ target',
  'yes/no': 'Done or not',
  milestone: 'Milestones done out of target',
};

export function KeyResultForm({
  state,
  objectiveId,
  keyResult,
  preset,
  onDone,
}: {
  state: State;
  objectiveId: string;
  keyResult?: KeyResultView;
  preset?: Partial<KeyResultView>;
  onDone: () => void;
}) {
  const app = useApp();
  const init = keyResult ?? preset;
  const str = (x: number | string | '' | undefined) => editableValue(x, init?.unit);
  const [v, setV] = useState({
    title: init?.title ?? '',
    type: init?.type ?? 'auto',
    baseline: str(init?.baseline),
    target: str(init?.target),
    current: init?.kpiId ? '' : str(init?.current),
    kpiId: init?.kpiId ?? '',
    owner: init?.owner ?? '',
    weight: str(init?.weight),
  });
  const set = (k: keyof typeof v) => (e: Event) => setV({ ...v, [k]: inputValue(e) });
  const linked = state.kpis.find((k) => k.id === v.kpiId);
  return (
    <Form
      fields={['title', 'type', 'baseline', 'target', 'current', 'kpiId', 'owner', 'weight']}
      submitLabel={keyResult ? 'Save key result' : 'Add key result'}
      onCancel={onDone}
      onSubmit={async () => {
        const { current, ...rest } = v;
        await app.act(
          () =>
            rpc('saveKeyResult', {
              ...(keyResult ? { id: keyResult.id } : {}),
              objectiveId,
              ...rest,
              ...(v.kpiId ? {} : { current }),
            }),
          (r) => (keyResult ? `Saved ${r.id}.` : `Added ${r.id}.`),
        );
        onDone();
      }}
    >
      {(errors) => (
        <>
          <Field
            focus
            label="Key result"
            name="title"
            error={errors.title}
            hint="Measurable: Reduce churn from 8% to 5%"
          >
            {(p) => <input {...p} value={v.title} onInput={set('title')} maxLength={500} />}
          </Field>
          <Field label="Type" name="type" error={errors.type} hint={TYPE_HELP[v.type]}>
            {(p) => (
              <select {...p} value={v.type} onChange={set('type')}>
                {SCORE_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label="Follows KPI"
            name="kpiId"
            error={errors.kpiId}
            hint={linked ? 'Current is read live from the KPI' : undefined}
          >
            {(p) => (
              <select {...p} value={v.kpiId} onChange={set('kpiId')}>
                <option value="">— none: I enter Current —</option>
                {state.kpis.map((k) => (
                  <option key={k.id} value={k.id}>
                    {k.name} (now {formatValue(k.latest, k.unit)})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div class="three">
            <Field label="Baseline" name="baseline" error={errors.baseline}>
              {(p) => (
                <input
                  {...p}
                  value={v.baseline}
                  onInput={set('baseline')}
                  inputMode="decimal"
                  placeholder={linked ? 'KPI now' : ''}
                />
              )}
            </Field>
            <Field label="Target" name="target" error={errors.target}>
              {(p) => <input {...p} value={v.target} onInput={set('target')} inputMode="decimal" />}
            </Field>
            <Field label="Current" name="current" error={errors.current}>
              {(p) => (
                <input
                  {...p}
                  value={linked ? formatValue(linked.latest, linked.unit) : v.current}
                  onInput={set('current')}
                  inputMode="decimal"
                  disabled={Boolean(linked)}
                />
              )}
            </Field>
          </div>
          <div class="two">
            <Field label="Owner" name="owner" error={errors.owner}>
              {(p) => <input {...p} value={v.owner} onInput={set('owner')} />}
            </Field>
            <Field label="Weight" name="weight" error={errors.weight} hint="Blank = 1">
              {(p) => <input {...p} value={v.weight} onInput={set('weight')} inputMode="decimal" />}
            </Field>
          </div>
        </>
      )}
    </Form>
  );
}

function CheckInForm({
  keyResult,
  kpis,
  onDone,
}: {
  keyResult: KeyResultView;
  kpis: KpiView[];
  onDone: () => void;
}) {
  const app = useApp();
  const kpi = kpis.find((k) => k.id === keyResult.kpiId);
  const [v, setV] = useState({
    value: kpi ? '' : editableValue(keyResult.current, keyResult.unit),
    confidence: keyResult.confidence === '' ? '5' : String(keyResult.confidence),
    note: '',
  });
  const set = (k: keyof typeof v) => (e: Event) => setV({ ...v, [k]: inputValue(e) });
  return (
    <Form
      fields={['value', 'confidence', 'note']}
      submitLabel="Check in"
      onCancel={onDone}
      onSubmit={async () => {
        await app.act(
          () =>
            rpc('checkIn', {
              krId: keyResult.id,
              ...(kpi ? {} : { value: v.value }),
              confidence: v.confidence,
              note: v.note,
            }),
          () => `Checked in ${keyResult.id}.`,
        );
        onDone();
      }}
    >
      {(errors) => (
        <>
          <p class="small">
            <b>{keyResult.id}</b> {keyResult.title}
          </p>
          {kpi ? (
            <p class="muted small">
              Current follows the KPI {kpi.name}: now {formatValue(kpi.latest, kpi.unit)}.
            </p>
          ) : (
            <Field focus label="Current value" name="value" error={errors.value}>
              {(p) => <input {...p} value={v.value} onInput={set('value')} inputMode="decimal" />}
            </Field>
          )}
          <Field
            label={`Confidence: ${v.confidence || '–'} / 10`}
            name="confidence"
            error={errors.confidence}
            hint="How likely is the target by quarter end?"
          >
            {(p) => (
              <input
                {...p}
                type="range"
                min={0}
                max={10}
                step={1}
                value={v.confidence}
                onInput={set('confidence')}
              />
            )}
          </Field>
          <Field label="Note" name="note" error={errors.note}>
            {(p) => <textarea {...p} rows={2} value={v.note} onInput={set('note')} maxLength={2000} />}
          </Field>
        </>
      )}
    </Form>
  );
}

function ConfirmDelete({
  what,
  onCancel,
  onConfirm,
}: {
  what: string;
  onCancel: () => void;
  onConfirm: () => Promise<{ deleted: string[] }>;
}) {
  const app = useApp();
  return (
    <Form
      fields={[]}
      danger
      submitLabel="Delete"
      onCancel={onCancel}
      onSubmit={async () => {
        await app.act(onConfirm, (r) => `Deleted ${r.deleted.join(', ')}.`);
        onCancel();
      }}
    >
      {() => (
        <p role="alert">Delete {what}? The rows are removed from the sheet; check-ins stay in the log.</p>
      )}
    </Form>
  );
}

/**
 * "Create an objective to fix this", from a red KPI: an objective with one key result that follows the KPI
 * from where it is now (the baseline is read from the KPI when the KR is saved) to its target.
 */
function FixKpiForm({ kpi, onDone }: { kpi: KpiView; onDone: () => void }) {
  const app = useApp();
  const [v, setV] = useState({
    objective: `Get ${kpi.name} back on track`,
    title: `${kpi.name} from ${formatValue(kpi.latest, kpi.unit)} to ${formatValue(kpi.target, kpi.unit)}`,
    target: editableValue(kpi.target, kpi.unit),
  });
  const set = (k: keyof typeof v) => (e: Event) => setV({ ...v, [k]: inputValue(e) });
  return (
    <Form
      fields={['objective', 'title', 'target']}
      submitLabel="Create objective"
      onCancel={onDone}
      onSubmit={async () => {
        if (!v.objective.trim()) throw new Error('objective: is required');
        if (!v.title.trim()) throw new Error('title: is required');
        await app.act(
          () =>
            rpc('createObjectiveForKpi', {
              objective: { title: v.objective },
              keyResult: { title: v.title, kpiId: kpi.id, target: v.target },
            }),
          (r) => `Created ${r.objectiveId} with key result ${r.keyResultId} following ${kpi.name}.`,
        );
        onDone();
      }}
    >
      {(errors) => (
        <>
          <p class="small">
            <span class="badge red">{kpi.name}</span> is {formatValue(kpi.latest, kpi.unit)}; target{' '}
            {formatValue(kpi.target, kpi.unit)}. An objective is the intervention when a KPI turns red.
          </p>
          <Field focus label="Objective" name="objective" error={errors.objective}>
            {(p) => <input {...p} value={v.objective} onInput={set('objective')} />}
          </Field>
          <Field label="Key result" name="title" error={errors.title}>
            {(p) => <input {...p} value={v.title} onInput={set('title')} />}
          </Field>
          <Field
            label="Target"
            name="target"
            error={errors.target}
            hint="Current follows the KPI live; the baseline is its value now."
          >
            {(p) => <input {...p} value={v.target} onInput={set('target')} inputMode="decimal" />}
          </Field>
        </>
      )}
    </Form>
  );
}
