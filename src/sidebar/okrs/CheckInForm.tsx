// The weekly check-in of a key result: its current value (unless it follows a KPI, which gives it), the
// confidence (0–10), a note and who checks in (a name given once, remembered for this user), logged to
// Check-ins.
import type { KeyResultView, KpiView } from '../../core/rpc';
import { Field } from '../form/Field';
import { Form } from '../form/Form';
import { useFormValues } from '../form/useFormValues';
import { editableValue, formatValue } from '../format';
import { rpc } from '../rpc';
import { useApp } from '../store';

export function CheckInForm({
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
  const { values: v, set } = useFormValues({
    value: kpi ? '' : editableValue(keyResult.current, keyResult.unit),
    confidence: editableValue(keyResult.confidence) || '5',
    note: '',
    author: app.state?.checkInName ?? '',
  });
  return (
    <Form
      fields={['value', 'confidence', 'note', 'author']}
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
              ...(v.author.trim() ? { author: v.author } : {}),
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
          <Field
            label="Checked in by"
            name="author"
            error={errors.author}
            hint={app.state?.checkInName ? undefined : 'Your name, remembered for your next check-ins'}
          >
            {(p) => (
              <input {...p} value={v.author} onInput={set('author')} maxLength={100} autoComplete="name" />
            )}
          </Field>
        </>
      )}
    </Form>
  );
}
