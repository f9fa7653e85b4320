// KPIs: every KPI as a card (or its form while edited), the tag form when asked for, and the user's tabs with
// what each holds. The tabs are read with listTabs; the KPIs come with the shared State.
import { useState } from 'preact/hooks';
import type { KpiView } from '../../core/rpc';
import { rpc } from '../rpc';
import { useApp } from '../store';
import { LoadFailed } from '../ui/LoadFailed';
import { Loading } from '../ui/Loading';
import { useRpc } from '../useRpc';
import { KpiCard } from './KpiCard';
import { TabList } from './TabList';
import { TagForm } from './TagForm';
import { TagStart } from './TagStart';

type Editing =
  | { kind: 'tag'; sheet?: string }
  | { kind: 'edit'; kpi: KpiView }
  | { kind: 'untag'; kpi: KpiView };

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
  if (!state)
    return app.loadError ? (
      <LoadFailed error={app.loadError} onRetry={() => void app.reload()} />
    ) : (
      <Loading what="Reading your KPIs…" />
    );
  return (
    <section aria-label="KPIs">
      <h2>KPIs</h2>
      {editing?.kind === 'tag' && (
        <TagStart tabs={tabs} asked={editing.sheet} onDone={done} onCancel={close} />
      )}
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
      <TabList tabs={tabs} showError={!editing} onTag={(name) => setEditing({ kind: 'tag', sheet: name })} />
    </section>
  );
}
