// Settings: fiscal year start, over-achievement cap, band thresholds.
import { useState } from 'preact/hooks';
import { MONTH_NAMES } from '../../core/values';
import { Field, Form, inputValue } from '../form';
import { rpc } from '../rpc';
import { Loading, useApp } from '../store';

export function SettingsPanel() {
  const app = useApp();
  const s = app.state?.settings;
  if (!s) return <Loading what="Reading settings…" />;
  return <SettingsForm key={JSON.stringify(s)} />;
}

function SettingsForm() {
  const app = useApp();
  const s = app.state!.settings;
  const [v, setV] = useState({
    fiscalStartMonth: String(s.fiscalStartMonth),
    cap: String(s.scoring.cap),
    yellowFrom: String(s.scoring.yellowFrom),
    greenFrom: String(s.scoring.greenFrom),
  });
  const set = (k: keyof typeof v) => (e: Event) => setV({ ...v, [k]: inputValue(e) });
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
                  {MONTH_NAMES.map((m, i) => (
                    <option key={m} value={String(i + 1)}>
                      {m}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label="Highest score"
              name="cap"
              error={errors['scoring.cap']}
              hint="1 caps scores at 100%; 1.5 lets over-achievement show up to 150%."
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
            <p class="hint">
              Google's re:Work bands: red below 0.4, yellow to 0.7, green from 0.7 — 0.7 is success.
            </p>
          </>
        )}
      </Form>
    </section>
  );
}
