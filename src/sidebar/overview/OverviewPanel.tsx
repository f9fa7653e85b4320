// Workbook: the spreadsheet's tabs at a glance (rows × columns of each), from the getOverview RPC.
import { rpc } from '../rpc';
import { LoadFailed } from '../ui/LoadFailed';
import { Loading } from '../ui/Loading';
import { useRpc } from '../useRpc';

export function OverviewPanel() {
  const { value, error, loading, reload } = useRpc(() => rpc('getOverview'));
  if (loading && !value) return <Loading what="Reading the workbook…" />;
  if (error) return <LoadFailed error={error} onRetry={reload} />;
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
