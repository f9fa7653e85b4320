// Adding or editing an objective: its title, owner, team and the objective it aligns to.
import type { ObjectiveView, State } from '../../core/rpc';
import { Field } from '../form/Field';
import { Form } from '../form/Form';
import { Options } from '../form/Options';
import { useFormValues } from '../form/useFormValues';
import { rpc } from '../rpc';
import { useApp } from '../store';

export function ObjectiveForm({
  state,
  objective,
  onDone,
}: {
  state: State;
  objective?: ObjectiveView;
  onDone: () => void;
}) {
  const app = useApp();
  const { values: v, set } = useFormValues({
    title: objective?.title ?? '',
    owner: objective?.owner ?? '',
    team: objective?.team ?? '',
    alignsTo: objective?.alignsTo ?? '',
  });
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
                <Options items={others} value={(o) => o.id} label={(o) => `${o.id} ${o.title}`} />
              </select>
            )}
          </Field>
        </>
      )}
    </Form>
  );
}
