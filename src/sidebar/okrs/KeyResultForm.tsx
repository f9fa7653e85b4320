// Adding or editing a key result: title, score type, the KPI it may follow (then Current is read live from
// it), baseline, target, current, owner and weight. Numbers are edited as text in their unit ("5.5%").
import type { KeyResultView, State } from '../../core/rpc';
import { SCORE_TYPES } from '../../core/score';
import { Field } from '../form/Field';
import { Form } from '../form/Form';
import { Options } from '../form/Options';
import { useFormValues } from '../form/useFormValues';
import { editableValue, formatValue } from '../format';
import { rpc } from '../rpc';
import { useApp } from '../store';

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
  onDone,
}: {
  state: State;
  objectiveId: string;
  keyResult?: KeyResultView;
  onDone: () => void;
}) {
  const app = useApp();
  const str = (x: number | string | '' | undefined) => editableValue(x, keyResult?.unit);
  const { values: v, set } = useFormValues({
    title: keyResult?.title ?? '',
    type: keyResult?.type ?? 'auto',
    baseline: str(keyResult?.baseline),
    target: str(keyResult?.target),
    current: keyResult?.kpiId ? '' : str(keyResult?.current),
    kpiId: keyResult?.kpiId ?? '',
    owner: keyResult?.owner ?? '',
    weight: str(keyResult?.weight),
  });
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
                <Options items={SCORE_TYPES} />
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
                <Options
                  items={state.kpis}
                  value={(k) => k.id}
                  label={(k) => `${k.name} (now ${formatValue(k.latest, k.unit)})`}
                />
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
