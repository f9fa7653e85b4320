// Untagging a KPI: refused, naming them, while key results of the running quarter follow it; otherwise what
// is removed (its registry row and named range) and that the user's tab stays as it is.
import type { KpiView, State } from '../../core/rpc';
import { rpc } from '../rpc';
import { Acknowledge } from '../ui/Acknowledge';
import { Confirm } from '../ui/Confirm';

export function ConfirmUntag({
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
  const following = state.objectives.flatMap((o) => o.keyResults).filter((kr) => kr.kpiId === kpi.id);
  if (following.length > 0) {
    return (
      <Acknowledge refusal onOk={onCancel}>
        Key result{following.length > 1 ? 's' : ''} {following.map((kr) => kr.id).join(', ')} of{' '}
        {state.quarter?.label} follow{following.length > 1 ? '' : 's'} {kpi.name}. Unlink{' '}
        {following.length > 1 ? 'them' : 'it'} first (OKRs › Edit › Follows KPI: none), then untag.
      </Acknowledge>
    );
  }
  return (
    <Confirm
      label="Untag"
      action={() => rpc('untagKpi', kpi.id)}
      success={() => `Untagged ${kpi.name}; ${kpi.sourceTab} is unchanged.`}
      onDone={onDone}
      onCancel={onCancel}
    >
      <p role="alert" class="small">
        Untag {kpi.name}? Its row in the KPIs sheet and the named range {kpi.namedRange} are removed; your tab{' '}
        {kpi.sourceTab} stays exactly as it is.
      </p>
    </Confirm>
  );
}
