// A score as the OKRs panel shows it: a percent coloured by the status (pace) beside it, so colour and word
// agree (core/quarter.ts PACE_BANDS; by its band when it has no status), or "Error" with the reason on hover.
import { paceBand } from '../../core/quarter';
import type { Bands } from '../../core/score';
import { percent, scoreBand } from '../format';

export function ScoreBadge({
  score,
  error,
  bands,
  status,
}: {
  score: number | '';
  error?: string;
  bands: Bands;
  status?: string;
}) {
  if (error) {
    return (
      <span class="badge red" title={error}>
        Error
      </span>
    );
  }
  return (
    <span class="score">
      <span
        class={`badge ${(typeof score === 'number' && status && paceBand(status)) || scoreBand(score, bands)}`}
        title={status ? `${status}` : undefined}
      >
        {percent(score)}
      </span>
      {status && <span class={`status status-${status.toLowerCase().replace(/\s+/g, '-')}`}>{status}</span>}
    </span>
  );
}
