// "Create an objective to fix this", from a red KPI: an objective with one key result that follows the KPI
// from where it is now (the baseline is read from the KPI when the KR is saved) to its target, created in one
// server call (createObjectiveForKpi), so a refused key result leaves no objective behind. When an objective
// of the quarter already follows the KPI, it says so and offers to open that one instead of making a duplicate.
import type { KpiView } from '../../core/rpc';
import { Field } from '../form/Field';
import { Form } from '../form/Form';
import { useFormValues } from '../form/useFormValues';
import { editableValue, formatValue } from '../format';
import { rpc } from '../rpc';
import { useApp } from '../store';

/** Shows an objective's card: scrolled into view and briefly highlighted. */
export function openObjective(id: string): void {
  const card = document.querySelector<HTMLElement>(`article.objective[data-id="${CSS.escape(id)}"]`);
  if (!card) return;
  card.scrollIntoView({ block: 'start' });
  card.classList.add('highlight');
  card.focus();
  setTimeout(() => card.classList.remove('highlight'), 2000);
}

export function FixKpiForm({ kpi, onDone }: { kpi: KpiView; onDone: () => void }) {
  const app = useApp();
  const { values: v, set } = useFormValues({
    objective: `Get ${kpi.name} back on track`,
    title: `${kpi.name} from ${formatValue(kpi.latest, kpi.unit)} to ${formatValue(kpi.target, kpi.unit)}`,
    target: editableValue(kpi.target, kpi.unit),
  });
  const following = app.state?.objectives.find((o) => o.keyResults.some((k) => k.kpiId === kpi.id));
  if (following) {
    return (
      <div class="card confirm" role="status" aria-label={`${following.id} already follows ${kpi.name}`}>
        <p class="small">
          <span class="badge red">{kpi.name}</span> is {formatValue(kpi.latest, kpi.unit)}; target{' '}
          {formatValue(kpi.target, kpi.unit)}. Objective <b>{following.id}</b> {following.title} already
          follows it: work on that one rather than start a second.
        </p>
        <div class="actions">
          <button
            type="button"
            class="primary"
            onClick={() => {
              onDone();
              setTimeout(() => openObjective(following.id), 0);
            }}
          >
            Open {following.id}
          </button>
          <button type="button" class="secondary" onClick={onDone}>
            Close
          </button>
        </div>
      </div>
    );
  }
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
