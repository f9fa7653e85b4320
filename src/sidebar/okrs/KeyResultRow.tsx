// One key result as the OKRs panel lists it: from baseline to target and where it is now (in its unit), the
// KPI it follows, confidence, its score, and the links that open its check-in, edit and delete.
import type { KeyResultView, KpiView } from '../../core/rpc';
import type { Bands } from '../../core/score';
import { formatValue } from '../format';
import type { Editing } from './editing';
import { ScoreBadge } from './ScoreBadge';

export function KeyResultRow({
  kr,
  kpis,
  bands,
  onEdit,
}: {
  kr: KeyResultView;
  kpis: KpiView[];
  bands: Bands;
  onEdit: (e: Editing) => void;
}) {
  const kpi = kpis.find((k) => k.id === kr.kpiId);
  const unit = kr.unit || kpi?.unit || '';
  return (
    <div class="kr-row">
      <div class="kr-main">
        <div class="kr-title">
          {kr.noId ? (
            <span class="chip warn" title="Typed in the sheet without an ID">
              no ID
            </span>
          ) : (
            <span class="id">{kr.id}</span>
          )}{' '}
          {kr.title}
        </div>
        <div class="muted small">
          {formatValue(kr.baseline, unit)} → {formatValue(kr.target, unit)} · now{' '}
          {formatValue(kr.current, unit)}
          {kpi && (
            <span class="chip" title={`Current follows the KPI ${kpi.name}`}>
              KPI {kpi.name}
            </span>
          )}
          {typeof kr.confidence === 'number' && (
            <span title="Confidence (0–10)"> · conf. {kr.confidence}</span>
          )}
        </div>
        {kr.scoreError && <div class="field-error">{kr.scoreError}</div>}
        {kr.noId ? (
          <p class="muted small">
            Typed in the sheet without an ID: it counts in {kr.objectiveId}'s score. Type an ID in its row's
            ID column (like {kr.objectiveId}.9) to check in or edit it here.
          </p>
        ) : (
          <div class="row-actions">
            <button type="button" class="link" onClick={() => onEdit({ kind: 'checkIn', keyResult: kr })}>
              Check in
            </button>
            <button
              type="button"
              class="link"
              onClick={() => onEdit({ kind: 'keyResult', objectiveId: kr.objectiveId, keyResult: kr })}
            >
              Edit
            </button>
            <button
              type="button"
              class="link danger-link"
              onClick={() => onEdit({ kind: 'delete', keyResult: kr })}
            >
              Delete
            </button>
          </div>
        )}
      </div>
      <ScoreBadge score={kr.score} error={kr.scoreError} bands={bands} status={kr.status} />
    </div>
  );
}
