// Tagging a column of one of the user's tabs as a KPI, or editing a KPI: the form starts from what okr-sheets
// proposes for the tab (tagValues.ts), the user confirms or changes it; the tab itself is only read.
import { useEffect } from 'preact/hooks';
import { CADENCES } from '../../core/kpi-health';
import type { KpiView, TabView } from '../../core/rpc';
import { UNITS } from '../../core/units';
import { Field } from '../form/Field';
import { Form } from '../form/Form';
import { Options } from '../form/Options';
import { inputValue, useFormValues } from '../form/useFormValues';
import { rpc } from '../rpc';
import { useApp } from '../store';
import { blankTag, fromKpi, propose, type TagValues, withColumn } from './tagValues';

const FIELDS: ReadonlyArray<keyof TagValues> = [
  'sheetName',
  'valueColumn',
  'row',
  'series',
  'name',
  'dateColumn',
  'unit',
  'betterWhen',
  'target',
  'warnAt',
  'owner',
  'cadence',
];

const columnText = (c: { letter: string; header: string }) =>
  c.header ? `${c.header} (${c.letter})` : `column ${c.letter}`;

const UNIT_LABEL: Record<string, string> = {
  '%': '% (0.071 shows as 7.1%)',
  currency: 'currency',
  count: 'count',
  duration: 'duration (hours)',
  number: 'number',
};

export function TagForm({
  tabs,
  sheet,
  kpi,
  onDone,
  onCancel,
}: {
  tabs: TabView[];
  sheet: string;
  kpi?: KpiView;
  onDone: () => void;
  onCancel: () => void;
}) {
  const app = useApp();
  const kpis = app.state?.kpis ?? [];
  const {
    values: v,
    set,
    setValues,
  } = useFormValues<TagValues>(() => {
    const first = tabs.find((t) => t.name === sheet);
    return kpi ? fromKpi(kpi) : first ? propose(first, kpis) : blankTag(sheet);
  });
  const tab = tabs.find((t) => t.name === v.sheetName);
  useEffect(() => {
    // a tab chosen from the menu scrolls the form into view
    document.querySelector('.tag-form')?.scrollIntoView?.({ block: 'nearest' });
  }, []);
  const chooseTab = (e: Event) => {
    const next = tabs.find((t) => t.name === inputValue(e));
    if (next) setValues(propose(next, kpis));
  };
  const chooseColumn = (e: Event) => {
    if (tab) setValues(withColumn(v, tab, kpis, inputValue(e)));
  };
  const wide = tab?.orientation === 'wide';
  const numeric = tab ? tab.columns.filter((c) => tab.valueColumns.includes(c.letter)) : [];
  const kpiRows = tab?.kpiRows ?? [];
  const detectedUnit = wide
    ? kpiRows.find((r) => String(r.row) === v.row)?.unitText
    : tab?.columns.find((c) => c.letter === v.valueColumn)?.unitText;
  const units = [
    ...UNITS,
    ...(detectedUnit ? [detectedUnit] : []),
    ...(v.unit && !UNITS.includes(v.unit as never) && v.unit !== detectedUnit ? [v.unit] : []),
  ];
  const dates = tab ? tab.columns.filter((c) => c.kind === 'date') : [];
  const detectedDate = tab?.columns.find((c) => c.letter === tab.dateColumn);
  const dateChoices = detectedDate && !dates.includes(detectedDate) ? [detectedDate, ...dates] : dates;
  const alreadyTagged =
    !kpi &&
    tab?.kpis.find((k) => (wide ? String(k.row ?? '') === v.row : !k.row && k.valueLetter === v.valueColumn));
  return (
    <Form
      fields={FIELDS}
      submitLabel={kpi ? 'Save KPI' : alreadyTagged ? 'Update KPI' : 'Tag KPI'}
      onCancel={onCancel}
      onSubmit={async () => {
        await app.act(
          () => {
            const { row, series, ...rest } = v;
            return rpc('tagKpi', {
              ...rest,
              ...(wide ? { row, valueColumn: '' } : {}),
              ...(series ? { series } : {}),
            });
          },
          (k) =>
            kpi || alreadyTagged
              ? `Saved ${k.name}.`
              : k.dateLetter || k.row || k.series
                ? `Tagged ${k.name}: the KPIs sheet follows it by its dates; copy its Latest formula there to read it in any cell.`
                : `Tagged ${k.name}: the KPIs sheet follows it, and =OKR_KPI_LATEST(${k.namedRange}) reads it in any cell.`,
        );
        onDone();
      }}
    >
      {(errors) => (
        <div class="tag-form">
          <p class="small muted">
            {kpi
              ? `Editing ${kpi.name}.`
              : 'okr-sheets proposes what it found in the tab; change anything before you tag.'}{' '}
            Your tab is only read, never written.
          </p>
          <Field label="Tab" name="sheetName" error={errors.sheetName}>
            {(p) => (
              <select {...p} value={v.sheetName} onChange={chooseTab} disabled={Boolean(kpi)}>
                <Options items={tabs} value={(t) => t.name} />
              </select>
            )}
          </Field>
          {wide ? (
            <Field
              focus={!kpi}
              label={`Row (periods across row ${tab?.headerRow ?? 1})`}
              name="row"
              error={errors.row}
              hint={alreadyTagged ? `Already the KPI ${alreadyTagged.name}: saving updates it.` : undefined}
            >
              {(p) => (
                <select {...p} value={v.row} onChange={chooseColumn} disabled={Boolean(kpi)}>
                  <Options
                    items={kpiRows}
                    value={(r) => String(r.row)}
                    label={(r) =>
                      `${r.row}: ${r.label}${r.latestPeriod ? ` (latest ${r.latestPeriod})` : ''}`
                    }
                  />
                </select>
              )}
            </Field>
          ) : (
            <Field
              focus={!kpi}
              label="Value column"
              name="valueColumn"
              error={errors.valueColumn}
              hint={alreadyTagged ? `Already the KPI ${alreadyTagged.name}: saving updates it.` : undefined}
            >
              {(p) => (
                <select {...p} value={v.valueColumn} onChange={chooseColumn} disabled={Boolean(kpi)}>
                  <Options items={numeric} value={(c) => c.letter} label={columnText} />
                </select>
              )}
            </Field>
          )}
          {tab?.series && (
            <Field
              label={`Series (told apart by column ${tab.series.columns.join(' and ')})`}
              name="series"
              error={errors.series}
            >
              {(p) => (
                <select {...p} value={v.series} onChange={set('series')} disabled={Boolean(kpi)}>
                  <Options items={tab.series?.keys ?? []} />
                </select>
              )}
            </Field>
          )}
          <Field focus={Boolean(kpi)} label="KPI name" name="name" error={errors.name}>
            {(p) => <input {...p} value={v.name} onInput={set('name')} maxLength={100} />}
          </Field>
          <div class="two">
            <Field label="Unit" name="unit" error={errors.unit}>
              {(p) => (
                <select {...p} value={v.unit} onChange={set('unit')}>
                  <Options items={units} label={(u) => UNIT_LABEL[u] ?? u} />
                </select>
              )}
            </Field>
            <Field label="Better when" name="betterWhen" error={errors.betterWhen}>
              {(p) => (
                <select {...p} value={v.betterWhen} onChange={set('betterWhen')}>
                  {v.betterWhen === '' && <option value="">— choose —</option>}
                  <option value="higher">higher</option>
                  <option value="lower">lower</option>
                </select>
              )}
            </Field>
          </div>
          <div class="two">
            <Field
              label="Target"
              name="target"
              error={errors.target}
              hint={v.unit === '%' ? 'e.g. 5%' : undefined}
            >
              {(p) => <input {...p} value={v.target} onInput={set('target')} inputMode="decimal" />}
            </Field>
            <Field
              label="Warn at"
              name="warnAt"
              error={errors.warnAt}
              hint={
                v.betterWhen === 'lower'
                  ? 'Above target: yellow up to here'
                  : 'Below target: yellow down to here'
              }
            >
              {(p) => <input {...p} value={v.warnAt} onInput={set('warnAt')} inputMode="decimal" />}
            </Field>
          </div>
          {v.betterWhen === '' && (
            <p class="hint">
              The header does not say whether more is better: choose higher or lower before you tag.
            </p>
          )}
          <div class="two">
            <Field label="Date column" name="dateColumn" error={errors.dateColumn}>
              {(p) => (
                <select {...p} value={v.dateColumn} onChange={set('dateColumn')} disabled={wide}>
                  <option value="">{wide ? `row ${tab?.headerRow ?? 1}` : '— none —'}</option>
                  <Options items={dateChoices} value={(c) => c.letter} label={columnText} />
                </select>
              )}
            </Field>
            <Field label="Cadence" name="cadence" error={errors.cadence}>
              {(p) => (
                <select {...p} value={v.cadence} onChange={set('cadence')}>
                  <option value="">— none —</option>
                  <Options items={CADENCES} />
                </select>
              )}
            </Field>
          </div>
          <Field
            label="Owner"
            name="owner"
            error={errors.owner}
            hint="The functional team that keeps it healthy"
          >
            {(p) => <input {...p} value={v.owner} onInput={set('owner')} maxLength={200} />}
          </Field>
          {tab?.newestFirst && (
            <p class="hint">
              The newest entries of {tab.name} are at the top: okr-sheets reads the newest date as Latest,
              whatever the order of the rows.
            </p>
          )}
          {(tab?.notes ?? []).map((note) => (
            <p class="hint" key={note}>
              {note}
            </p>
          ))}
        </div>
      )}
    </Form>
  );
}
