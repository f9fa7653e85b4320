// KPIs: every KPI with its latest value, trend, status and a sparkline; every tab of the user's with what it
// holds; the form that tags a column of a tab as a KPI (proposed from what the tab holds), edits and untags.
import { useEffect, useState } from 'preact/hooks';
import { CADENCES, trendMeaning, UNITS } from '../../core/kpi-health';
import type { KpiView, State, TabView } from '../../core/rpc';
import { Field, Form, inputValue } from '../form';
import { formatValue } from '../format';
import { rpc } from '../rpc';
import { Loading, useApp } from '../store';
import { useRpc } from '../useRpc';

type Editing =
  | { kind: 'tag'; sheet?: string }
  | { kind: 'edit'; kpi: KpiView }
  | { kind: 'untag'; kpi: KpiView };

const STATUS_WORD: Record<string, string> = { green: 'On target', yellow: 'Warning', red: 'Off target' };

export function KpisPanel({ sheet }: { sheet?: string }) {
  const app = useApp();
  const tabs = useRpc(() => rpc('listTabs'));
  const [editing, setEditing] = useState<Editing | undefined>(sheet ? { kind: 'tag', sheet } : undefined);
  const close = () => setEditing(undefined);
  const done = () => {
    setEditing(undefined);
    tabs.reload();
  };
  const { state } = app;
  if (!state) return <Loading what="Reading your KPIs…" />;
  const taggable = tabs.value?.filter((t) => !t.problem) ?? [];
  const asked = editing?.kind === 'tag' ? editing.sheet : undefined;
  const askedOwn =
    asked !== undefined && tabs.value !== undefined && !tabs.value.some((t) => t.name === asked);
  return (
    <section aria-label="KPIs">
      <h2>KPIs</h2>
      {editing?.kind === 'tag' &&
        (tabs.value ? (
          askedOwn || taggable.length === 0 ? (
            <div class="card subtle" role="status">
              <p class="small">
                {askedOwn
                  ? `"${asked}" is a sheet okr-sheets keeps, not a KPI tab. Choose one of your tabs below.`
                  : 'None of your tabs holds a column of numbers yet: a KPI tab has dates and values, one row per period.'}
              </p>
              <button type="button" class="secondary" onClick={close}>
                OK
              </button>
            </div>
          ) : (
            <TagForm
              key={asked ?? ''}
              tabs={taggable}
              sheet={asked && taggable.some((t) => t.name === asked) ? asked : taggable[0]!.name}
              onDone={done}
              onCancel={close}
            />
          )
        ) : tabs.error ? (
          <div class="error" role="alert">
            {tabs.error}
          </div>
        ) : (
          <Loading what="Reading your tabs…" />
        ))}
      {state.kpis.length === 0 && editing?.kind !== 'tag' && (
        <div class="card empty">
          <p>
            No KPIs yet. Tag a column of one of your tabs (a weekly churn rate, MRR, NPS…): okr-sheets reads
            it, never writes to it, and keeps its health here and in the <b>KPIs</b> sheet.
          </p>
        </div>
      )}
      {state.kpis.map((k) =>
        editing?.kind === 'edit' && editing.kpi.id === k.id ? (
          tabs.value ? (
            <TagForm
              key={k.id}
              tabs={tabs.value}
              sheet={k.sourceTab}
              kpi={k}
              onDone={done}
              onCancel={close}
            />
          ) : (
            <Loading key={k.id} what="Reading the tab…" />
          )
        ) : (
          <KpiCard
            key={k.id}
            kpi={k}
            state={state}
            untagging={editing?.kind === 'untag' && editing.kpi.id === k.id}
            onEdit={() => setEditing({ kind: 'edit', kpi: k })}
            onUntag={() => setEditing({ kind: 'untag', kpi: k })}
            onCancel={close}
            onUntagged={done}
          />
        ),
      )}
      <div class="actions">
        <button type="button" class="primary" onClick={() => setEditing({ kind: 'tag' })}>
          + Tag a KPI
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            void app.reload();
            tabs.reload();
          }}
          disabled={app.loading || tabs.loading}
        >
          {app.loading || tabs.loading ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      <h3>Your tabs</h3>
      {tabs.error && !editing && (
        <div class="error" role="alert">
          {tabs.error}
        </div>
      )}
      {!tabs.value && !tabs.error && <Loading what="Reading your tabs…" />}
      {tabs.value && tabs.value.length === 0 && (
        <p class="muted small">No tabs of yours besides okr-sheets' own.</p>
      )}
      {tabs.value && (
        <ul class="list tabs-list">
          {tabs.value.map((t) => (
            <li key={t.name}>
              <div>
                <div>{t.name}</div>
                <div class="muted small">{tabState(t)}</div>
              </div>
              {!t.problem && (
                <button
                  type="button"
                  class="link"
                  aria-label={`Tag a KPI in ${t.name}`}
                  onClick={() => setEditing({ kind: 'tag', sheet: t.name })}
                >
                  Tag…
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function tabState(t: TabView): string {
  if (t.problem) return `not taggable: ${t.problem}`;
  const rows = `${t.rows.toLocaleString('en-US')} row${t.rows === 1 ? '' : 's'}`;
  if (t.kpis.length === 0) return `not tagged · ${rows}`;
  return `KPI${t.kpis.length > 1 ? 's' : ''}: ${t.kpis.map((k) => k.name).join(', ')} · ${rows}`;
}

// ---- A KPI card ---------------------------------------------------------------------------------------------------

function KpiCard({
  kpi: k,
  state,
  untagging,
  onEdit,
  onUntag,
  onCancel,
  onUntagged,
}: {
  kpi: KpiView;
  state: State;
  untagging: boolean;
  onEdit: () => void;
  onUntag: () => void;
  onCancel: () => void;
  onUntagged: () => void;
}) {
  const app = useApp();
  const meaning = trendMeaning(k.trend, k.betterWhen);
  const status = k.status || 'none';
  const where = [k.sourceTab, k.valueColumn || (k.valueLetter && `column ${k.valueLetter}`)]
    .filter(Boolean)
    .join(' › ');
  const levels = [
    k.target !== '' && `target ${formatValue(k.target, k.unit)}`,
    k.warnAt !== '' && `warn at ${formatValue(k.warnAt, k.unit)}`,
    `${k.betterWhen} is better`,
  ].filter(Boolean);
  return (
    <article class={`kpi card kpi-${status}`} aria-label={`KPI ${k.name}`}>
      <header class="kpi-head">
        <div>
          <div class="title">{k.name}</div>
          <div class="muted small">{[where, k.owner, k.cadence].filter(Boolean).join(' · ')}</div>
        </div>
        <span class={`badge ${status}`} title="Status against target and warn-at">
          {STATUS_WORD[k.status] ?? (k.target === '' ? 'No target' : '–')}
        </span>
      </header>
      <div class="kpi-body">
        <span class="kpi-latest" title="Latest value">
          {formatValue(k.latest, k.unit)}
        </span>
        {k.trend && (
          <span
            class={`trend ${meaning}`}
            role="img"
            title={`${meaning || 'trend'}: was ${formatValue(k.previous, k.unit)}`}
            aria-label={`${k.trend === '↑' ? 'up' : k.trend === '↓' ? 'down' : 'unchanged'} from ${formatValue(k.previous, k.unit)}, ${meaning}`}
          >
            {k.trend}
          </span>
        )}
        <Sparkline values={k.recent} status={status} name={k.name} unit={k.unit} />
      </div>
      <div class="muted small">{levels.join(' · ')}</div>
      {k.problem && <div class="field-error">{k.problem}</div>}
      {k.status === 'red' &&
        (state.quarter ? (
          <button
            type="button"
            class="secondary fix"
            onClick={() => {
              app.setFixKpi(k);
              app.setPanel('okrs');
            }}
          >
            Create an objective to fix this
          </button>
        ) : (
          <p class="hint">
            Off target. Set up this quarter's OKRs (OKRs tab) to turn it into an objective with a key result
            that follows this KPI.
          </p>
        ))}
      {untagging ? (
        <ConfirmUntag kpi={k} state={state} onCancel={onCancel} onDone={onUntagged} />
      ) : (
        <div class="row-actions">
          {!k.problem || k.valueLetter ? (
            <button type="button" class="link" onClick={onEdit} aria-label={`Edit ${k.name}`}>
              Edit
            </button>
          ) : null}
          <button type="button" class="link danger-link" onClick={onUntag} aria-label={`Untag ${k.name}`}>
            Untag
          </button>
        </div>
      )}
    </article>
  );
}

/** The recent values as a line: an inline SVG, no library. */
export function Sparkline({
  values,
  status,
  name,
  unit,
}: {
  values: number[];
  status: string;
  name: string;
  unit: string;
}) {
  if (values.length < 2) return null;
  const w = 96;
  const h = 28;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const points = values.map((v, i) => {
    const x = (i / (values.length - 1)) * (w - 4) + 2;
    const y = h - 3 - ((v - min) / span) * (h - 6);
    return [Number(x.toFixed(1)), Number(y.toFixed(1))] as const;
  });
  const last = points[points.length - 1]!;
  return (
    <svg
      class={`sparkline ${status}`}
      width={w}
      height={h}
      viewBox={`0 0 ${w} ${h}`}
      role="img"
      aria-label={`${name}, last ${values.length} values: ${formatValue(values[0], unit)} to ${formatValue(values[values.length - 1], unit)}`}
    >
      <polyline points={points.map((p) => p.join(',')).join(' ')} fill="none" stroke-width="1.5" />
      <circle cx={last[0]} cy={last[1]} r="2.2" />
    </svg>
  );
}

function ConfirmUntag({
  kpi,
  state,
  onCancel,
  onDone,
}: {
  kpi: KpiView;
  state: State;
  onCancel: () => void;
  onDone: () => void;
}) {
  const app = useApp();
  const following = state.objectives.flatMap((o) => o.keyResults).filter((kr) => kr.kpiId === kpi.id);
  if (following.length > 0) {
    return (
      <div class="card confirm" role="alert">
        <p class="small">
          Key result{following.length > 1 ? 's' : ''} {following.map((kr) => kr.id).join(', ')} of{' '}
          {state.quarter?.label} follow{following.length > 1 ? '' : 's'} {kpi.name}. Unlink{' '}
          {following.length > 1 ? 'them' : 'it'} first (OKRs › Edit › Follows KPI: none), then untag.
        </p>
        <button type="button" class="secondary" onClick={onCancel}>
          OK
        </button>
      </div>
    );
  }
  return (
    <Form
      fields={[]}
      danger
      submitLabel="Untag"
      onCancel={onCancel}
      onSubmit={async () => {
        await app.act(
          () => rpc('untagKpi', kpi.id),
          () => `Untagged ${kpi.name}; ${kpi.sourceTab} is unchanged.`,
        );
        onDone();
      }}
    >
      {() => (
        <p role="alert" class="small">
          Untag {kpi.name}? Its row in the KPIs sheet and the named range {kpi.namedRange} are removed; your
          tab {kpi.sourceTab} stays exactly as it is.
        </p>
      )}
    </Form>
  );
}

// ---- The tag form ------------------------------------------------------------------------------------------------

interface TagValues {
  sheetName: string;
  valueColumn: string;
  name: string;
  dateColumn: string;
  unit: string;
  betterWhen: 'higher' | 'lower';
  target: string;
  warnAt: string;
  owner: string;
  cadence: string;
}

/** What okr-sheets proposes for a column of a tab: its name, unit and direction, the tab's dates and cadence. */
function proposal(tab: TabView, letter?: string): TagValues {
  const tagged = new Set(tab.kpis.map((k) => k.valueLetter));
  const chosen = letter ?? tab.valueColumns.find((l) => !tagged.has(l)) ?? tab.valueColumns[0] ?? '';
  const col = tab.columns.find((c) => c.letter === chosen);
  return {
    sheetName: tab.name,
    valueColumn: chosen,
    name: col?.name ?? '',
    dateColumn: tab.dateColumn ?? '',
    unit: col?.unit ?? 'number',
    betterWhen: col?.betterWhen ?? 'higher',
    target: '',
    warnAt: '',
    owner: '',
    cadence: tab.cadence ?? '',
  };
}

const str = (x: number | string | '') => (x === '' ? '' : String(x));

function fromKpi(k: KpiView): TagValues {
  return {
    sheetName: k.sourceTab,
    valueColumn: k.valueLetter,
    name: k.name,
    dateColumn: k.dateLetter,
    unit: k.unit || 'number',
    betterWhen: k.betterWhen,
    target: str(k.target),
    warnAt: str(k.warnAt),
    owner: k.owner,
    cadence: k.cadence,
  };
}

const columnText = (c: { letter: string; header: string }) =>
  c.header ? `${c.header} (${c.letter})` : `column ${c.letter}`;

const UNIT_LABEL: Record<string, string> = {
  '%': '% (0.071 shows as 7.1%)',
  currency: 'currency',
  count: 'count',
  duration: 'duration (hours)',
  number: 'number',
};

function TagForm({
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
  // a column tagged already is shown as its KPI stands (saving updates it), any other as detection proposes
  const propose = (t: TabView, letter?: string): TagValues => {
    const p = proposal(t, letter);
    const tagged = t.kpis.find((k) => k.valueLetter === p.valueColumn);
    const current = tagged && kpis.find((k) => k.id === tagged.id);
    return current ? fromKpi(current) : p;
  };
  const first = tabs.find((t) => t.name === sheet);
  const [v, setV] = useState<TagValues>(() =>
    kpi ? fromKpi(kpi) : first ? propose(first) : fromNothing(sheet),
  );
  const tab = tabs.find((t) => t.name === v.sheetName);
  useEffect(() => {
    // a tab chosen from the menu scrolls the form into view
    document.querySelector('.tag-form')?.scrollIntoView?.({ block: 'nearest' });
  }, []);
  const set = (k: keyof TagValues) => (e: Event) => setV({ ...v, [k]: inputValue(e) });
  const chooseTab = (e: Event) => {
    const next = tabs.find((t) => t.name === inputValue(e));
    if (next) setV(propose(next));
  };
  const chooseColumn = (e: Event) => {
    if (!tab) return;
    const letter = inputValue(e);
    if (tab.kpis.some((k) => k.valueLetter === letter)) {
      setV(propose(tab, letter));
      return;
    }
    const p = proposal(tab, letter);
    setV({ ...v, valueColumn: p.valueColumn, name: p.name, unit: p.unit, betterWhen: p.betterWhen });
  };
  const numeric = tab ? tab.columns.filter((c) => c.kind === 'number') : [];
  const dates = tab ? tab.columns.filter((c) => c.kind === 'date') : [];
  const alreadyTagged = !kpi && tab?.kpis.find((k) => k.valueLetter === v.valueColumn);
  return (
    <Form
      fields={[
        'sheetName',
        'valueColumn',
        'name',
        'dateColumn',
        'unit',
        'betterWhen',
        'target',
        'warnAt',
        'owner',
        'cadence',
      ]}
      submitLabel={kpi ? 'Save KPI' : alreadyTagged ? 'Update KPI' : 'Tag KPI'}
      onCancel={onCancel}
      onSubmit={async () => {
        await app.act(
          () => rpc('tagKpi', { ...v }),
          (k) =>
            kpi || alreadyTagged
              ? `Saved ${k.name}.`
              : `Tagged ${k.name}: the KPIs sheet follows it, and =KPI_LATEST(${k.namedRange}) reads it in any cell.`,
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
                {tabs.map((t) => (
                  <option key={t.name} value={t.name}>
                    {t.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            focus={!kpi}
            label="Value column"
            name="valueColumn"
            error={errors.valueColumn}
            hint={alreadyTagged ? `Already the KPI ${alreadyTagged.name}: saving updates it.` : undefined}
          >
            {(p) => (
              <select {...p} value={v.valueColumn} onChange={chooseColumn} disabled={Boolean(kpi)}>
                {numeric.map((c) => (
                  <option key={c.letter} value={c.letter}>
                    {columnText(c)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field focus={Boolean(kpi)} label="KPI name" name="name" error={errors.name}>
            {(p) => <input {...p} value={v.name} onInput={set('name')} maxLength={100} />}
          </Field>
          <div class="two">
            <Field label="Unit" name="unit" error={errors.unit}>
              {(p) => (
                <select {...p} value={v.unit} onChange={set('unit')}>
                  {UNITS.map((u) => (
                    <option key={u} value={u}>
                      {UNIT_LABEL[u] ?? u}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Better when" name="betterWhen" error={errors.betterWhen}>
              {(p) => (
                <select {...p} value={v.betterWhen} onChange={set('betterWhen')}>
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
          <div class="two">
            <Field label="Date column" name="dateColumn" error={errors.dateColumn}>
              {(p) => (
                <select {...p} value={v.dateColumn} onChange={set('dateColumn')}>
                  <option value="">— none —</option>
                  {dates.map((c) => (
                    <option key={c.letter} value={c.letter}>
                      {columnText(c)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Cadence" name="cadence" error={errors.cadence}>
              {(p) => (
                <select {...p} value={v.cadence} onChange={set('cadence')}>
                  <option value="">— none —</option>
                  {CADENCES.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
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
              The newest entries of {tab.name} are at the top; okr-sheets reads the last row as the latest.
              Sort the tab oldest first.
            </p>
          )}
        </div>
      )}
    </Form>
  );
}

function fromNothing(sheet: string): TagValues {
  return {
    sheetName: sheet,
    valueColumn: '',
    name: '',
    dateColumn: '',
    unit: 'number',
    betterWhen: 'higher',
    target: '',
    warnAt: '',
    owner: '',
    cadence: '',
  };
}
