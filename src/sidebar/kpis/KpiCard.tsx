// One KPI as a card: where it lives, its status against target and warn-at, the latest value with its trend
// and sparkline, the way to an objective when it is red, and its edit and untag actions.
import { trendMeaning } from '../../core/kpi-health';
import type { KpiView, State } from '../../core/rpc';
import { formatValue } from '../format';
import { useApp } from '../store';
import { ConfirmUntag } from './ConfirmUntag';
import { Sparkline } from './Sparkline';

const STATUS_WORD: Record<string, string> = { green: 'On target', yellow: 'Warning', red: 'Off target' };

export function KpiCard({
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
  const column = k.row
    ? `row ${k.row}${k.valueColumn ? ` (${k.valueColumn})` : ''}`
    : k.valueColumn || (k.valueLetter && `column ${k.valueLetter}`);
  const where = [k.sourceTab, column, k.series].filter(Boolean).join(' › ');
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
          {!k.problem || k.valueLetter || k.row ? (
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
