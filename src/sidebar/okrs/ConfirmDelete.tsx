// Deleting an objective (with its key results) or one key result: what goes, what stays, and the call.
import { plural } from '../../core/plural';
import type { KeyResultView, ObjectiveView } from '../../core/rpc';
import { rpc } from '../rpc';
import { Confirm } from '../ui/Confirm';

export function ConfirmDelete({
  objective,
  keyResult,
  onDone,
}: {
  onDone: () => void;
} & (
  | { objective: ObjectiveView; keyResult?: undefined }
  | { keyResult: KeyResultView; objective?: undefined }
)) {
  const n = objective?.keyResults.length ?? 0;
  const what = objective
    ? `objective ${objective.id}${n ? ` and its ${plural(n, 'key result')}` : ''}`
    : `key result ${keyResult.id}`;
  return (
    <Confirm
      label="Delete"
      action={() =>
        objective
          ? rpc('deleteObjective', objective.id, { cascade: true })
          : rpc('deleteKeyResult', keyResult.id)
      }
      success={(r) => `Deleted ${r.deleted.join(', ')}.`}
      onDone={onDone}
      onCancel={onDone}
    >
      <p role="alert">Delete {what}? The rows are removed from the sheet; check-ins stay in the log.</p>
    </Confirm>
  );
}
