// Objectives and key results as core reads them from a sheet, for tests of plans made from rows: every field
// blank or neutral unless a test says otherwise.
import type { KeyResult, Objective } from '../../src/core/okr';

export function objectiveRow(id: string, over: Partial<Objective> = {}): Objective {
  return {
    id,
    title: id,
    owner: '',
    team: '',
    alignsTo: '',
    notes: '',
    score: '',
    status: '',
    row: 0,
    ...over,
  };
}

export function keyResultRow(id: string, over: Partial<KeyResult> = {}): KeyResult {
  return {
    id,
    objectiveId: id.split('.')[0]!,
    title: id,
    owner: '',
    type: 'auto',
    baseline: 0,
    target: 10,
    current: '',
    kpiId: '',
    weight: '',
    confidence: '',
    score: '',
    status: '',
    lastCheckIn: '',
    notes: '',
    unit: '',
    row: 0,
    ...over,
  };
}
