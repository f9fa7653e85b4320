// "Your tabs": each of the user's tabs with what it holds (rows, KPIs tagged, or why it cannot be tagged) and
// the link that tags a KPI in it.
import type { TabView } from '../../core/rpc';
import { formatCount } from '../format';
import { Alert } from '../ui/Alert';
import { Loading } from '../ui/Loading';
import type { Loaded } from '../useRpc';

function tabState(t: TabView): string {
  if (t.problem) return `not taggable: ${t.problem}`;
  const rows = `${formatCount(t.rows)} row${t.rows === 1 ? '' : 's'}`;
  if (t.kpis.length === 0) return `not tagged · ${rows}`;
  return `KPI${t.kpis.length > 1 ? 's' : ''}: ${t.kpis.map((k) => k.name).join(', ')} · ${rows}`;
}

export function TabList({
  tabs,
  showError,
  onTag,
}: {
  tabs: Loaded<TabView[]>;
  /** false while the tag form shows the error already */
  showError: boolean;
  onTag: (sheet: string) => void;
}) {
  return (
    <>
      <h3>Your tabs</h3>
      {tabs.error && showError && <Alert>{tabs.error}</Alert>}
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
                  onClick={() => onTag(t.name)}
                >
                  Tag…
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
