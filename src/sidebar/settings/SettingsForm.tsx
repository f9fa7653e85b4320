// The settings form: fiscal year start, the highest score (over-achievement cap) and the band thresholds, with
// numbers shown and typed as the spreadsheet's locale writes them (`0,7` in de_DE).
import type { SettingsView } from '../../core/rpc';
import { readPlainNumber } from '../../core/units';
import { MONTH_NAMES } from '../../core/values';
import { Field } from '../form/Field';
import { Form } from '../form/Form';
import { Options } from '../form/Options';
import { useFormValues } from '../form/useFormValues';
import { editableValue, formatValue, numberLocale, percent } from '../format';
import { rpc } from '../rpc';
import { useApp } from '../store';

/** A threshold as typed so far, read in the spreadsheet's locale; the saved one while it does not read. */
function typed(text: string, saved: number): number {
  try {
    return readPlainNumber('', text, numberLocale()) ?? saved;
  } catch {
    return saved;
  }
}

export function SettingsForm({ settings: s }: { settings: SettingsView }) {
  const app = useApp();
  const { values: v, set } = useFormValues({
    fiscalStartMonth: editableValue(s.fiscalStartMonth),
    cap: editableValue(s.scoring.cap),
    yellowFrom: editableValue(s.scoring.yellowFrom),
    greenFrom: editableValue(s.scoring.greenFrom),
  });
  return (
    <section aria-label="Settings">
      <h2>Settings</h2>
      <Form
        fields={['fiscalStartMonth', 'scoring.cap', 'scoring.yellowFrom', 'scoring.greenFrom']}
        submitLabel="Save settings"
        onSubmit={() =>
          app.act(
            () =>
              rpc('updateSettings', {
                fiscalStartMonth: v.fiscalStartMonth,
                scoring: { cap: v.cap, yellowFrom: v.yellowFrom, greenFrom: v.greenFrom },
              }),
            () => 'Settings saved; the quarter sheets recalculate with them.',
          )
        }
      >
        {(errors) => (
          <>
            <Field
              label="Fiscal year starts in"
              name="fiscalStartMonth"
              error={errors.fiscalStartMonth}
              hint="Quarter labels follow it; a fiscal year is named by the year it ends in."
            >
              {(p) => (
                <select {...p} value={v.fiscalStartMonth} onChange={set('fiscalStartMonth')}>
                  <Options items={MONTH_NAMES} value={(_, i) => String(i + 1)} label={(m) => m} />
                </select>
              )}
            </Field>
            <Field
              label="Highest score"
              name="cap"
              error={errors['scoring.cap']}
              hint={`1 caps scores at ${percent(1)}; ${formatValue(1.5)} lets over-achievement show up to ${percent(1.5)}.`}
            >
              {(p) => <input {...p} value={v.cap} onInput={set('cap')} inputMode="decimal" />}
            </Field>
            <div class="two">
              <Field label="Yellow from" name="yellowFrom" error={errors['scoring.yellowFrom']}>
                {(p) => <input {...p} value={v.yellowFrom} onInput={set('yellowFrom')} inputMode="decimal" />}
              </Field>
              <Field label="Green from" name="greenFrom" error={errors['scoring.greenFrom']}>
                {(p) => <input {...p} value={v.greenFrom} onInput={set('greenFrom')} inputMode="decimal" />}
              </Field>
            </div>
            <p class="hint bands-hint">
              {(() => {
                const y = typed(v.yellowFrom, s.scoring.yellowFrom);
                const g = typed(v.greenFrom, s.scoring.greenFrom);
                return `Red below ${formatValue(y)}, yellow from ${formatValue(y)}, green from ${formatValue(g)}. Google's re:Work bands are ${formatValue(0.4)} and ${formatValue(0.7)} (${formatValue(0.7)} is success). Numbers as this spreadsheet's locale writes them.`;
              })()}
            </p>
          </>
        )}
      </Form>
    </section>
  );
}
