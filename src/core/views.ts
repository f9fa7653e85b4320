// The quarter as the sidebar sees it: its days and sheets, the objectives with their key results, the settings.
// Built from the rows core read; a Date cell (Last check-in) becomes `YYYY-MM-DD` through the day converter the
// server passes (the spreadsheet's time zone), since no Date may cross google.script.run.

import type { KeyResult, Objective } from './okr';
import { elapsedShare, type QuarterInfo } from './quarter';
import type { KeyResultView, ObjectiveView, QuarterView, SettingsView } from './rpc';
import type { Settings } from './settings';
import { type Cell, type Day, formatDay, isDate } from './values';

export function settingsView(s: Settings): SettingsView {
  return {
    fiscalStartMonth: s.fiscalStartMonth,
    ...(s.currentQuarter ? { currentQuarter: s.currentQuarter } : {}),
    scoring: { ...s.scoring },
  };
}

function dayText(v: Cell, dayOf: (d: Date) => Day): string {
  if (isDate(v)) return formatDay(dayOf(v));
  if (typeof v === 'string') return v;
  return '';
}

export function keyResultView(kr: KeyResult, dayOf: (d: Date) => Day): KeyResultView {
  return {
    id: kr.id,
    objectiveId: kr.objectiveId,
    title: kr.title,
    owner: kr.owner,
    type: kr.type,
    baseline: kr.baseline,
    target: kr.target,
    current: kr.current,
    kpiId: kr.kpiId,
    weight: kr.weight,
    confidence: kr.confidence,
    score: kr.score,
    ...(kr.scoreError ? { scoreError: kr.scoreError } : {}),
    status: kr.status,
    lastCheckIn: dayText(kr.lastCheckIn, dayOf),
    notes: kr.notes,
    unit: kr.unit,
    ...(kr.noId ? { noId: true as const } : {}),
  };
}

export function objectiveViews(
  objectives: readonly Objective[],
  keyResults: readonly KeyResult[],
  dayOf: (d: Date) => Day,
): ObjectiveView[] {
  return objectives.map((o) => ({
    id: o.id,
    title: o.title,
    owner: o.owner,
    team: o.team,
    alignsTo: o.alignsTo,
    notes: o.notes,
    score: o.score,
    ...(o.scoreError ? { scoreError: o.scoreError } : {}),
    status: o.status,
    ...(o.counted !== undefined ? { counted: o.counted } : {}),
    ...(o.keyResultCount !== undefined ? { keyResultCount: o.keyResultCount } : {}),
    keyResults: keyResults.filter((k) => k.objectiveId === o.id).map((k) => keyResultView(k, dayOf)),
  }));
}

/** The running quarter; its sheets as they are named now (a team may have renamed them). */
export function quarterView(
  q: QuarterInfo,
  today: Day,
  sheets: { objectives: string; keyResults: string },
): QuarterView {
  return {
    label: q.label,
    start: formatDay(q.days.start),
    end: formatDay(q.days.end),
    elapsed: elapsedShare(today, q.days.start, q.days.end),
    objectivesSheet: sheets.objectives,
    keyResultsSheet: sheets.keyResults,
  };
}
