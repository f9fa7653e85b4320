// The coach's word under an objective whose number of key results is off: none, one, or more than five.
import type { ObjectiveView } from '../../core/rpc';

export function CoachHint({ objective }: { objective: ObjectiveView }) {
  const n = objective.keyResults.length;
  if (n === 0)
    return <p class="hint">Add 2–5 measurable key results: how will you know this objective is met?</p>;
  if (n === 1)
    return (
      <p class="hint">One key result is a task list of one: 2–5 key results measure an objective best.</p>
    );
  if (n > 5) return <p class="hint">{n} key results: more than 5 dilutes focus. Which matter most?</p>;
  return null;
}
