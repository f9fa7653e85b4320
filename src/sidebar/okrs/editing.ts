// What the OKRs panel has open: at most one form or confirmation at a time, named by what it edits.
import type { KeyResultView, ObjectiveView } from '../../core/rpc';

export type Editing =
  | { kind: 'objective'; objective?: ObjectiveView }
  | { kind: 'keyResult'; objectiveId: string; keyResult?: KeyResultView }
  | { kind: 'checkIn'; keyResult: KeyResultView }
  | { kind: 'delete'; objective?: ObjectiveView; keyResult?: KeyResultView };
