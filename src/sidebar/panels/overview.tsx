// Overview: the workbook at a glance, from the getOverview RPC.
import { rpc } from '../rpc';
import { useRpc } from '../useRpc';

export function OverviewPanel() {
  const { value, error, loading, reload } = useRpc(() => rpc('getOverview'));
  if (loading && !value) {
    return (
      <p class="muted">
        <span class="spinner" aria-hidden="true" />
        Reading the workbook…
      </p>
    );
  }
  if (error) {
    return (
      <div>
        <div class="error" role="alert">
          {error}
        </div>
        <button type="button" class="secondary" onClick={reload}>
          Try again
        </button>
      </div>
    );
  }
  if (!value) return null;
  return (
    <section aria-label="Overview">
      <h2>{value.spreadsheetName}</h2>
      <h3>Tabs</h3>
      <ul class="list">
        {value.tabs.map((t) => (
          <li key={t.name}>
            <span>{t.name}</span>
            <span class="muted">
              {t.rows} rows × {t.columns} cols
            </span>
          </li>
        ))}
      </ul>
      <div class="actions">
        <button type="button" class="secondary" onClick={reload} disabled={loading}>
          Refresh
        </button>
      </div>
    </section>
  );
}
