// The sidebar's view of the workbook in one execution: today, the spreadsheet's locale, the settings, the running
// quarter with its objectives and key results (as core builds the views), and the KPIs; and an action's result
// with that state after it, so a sidebar action is one execution.
import { latestFormulaRange } from '../core/kpi-registry';
import type { KeyResult } from '../core/okr';
import { formatQuarter, quarterOfDay } from '../core/quarter';
import type { KpiView, State, WithState } from '../core/rpc';
import { type Cell, formatDay } from '../core/values';
import { objectiveViews, quarterView, settingsView } from '../core/views';
import { dayInZone } from './dates';
import { listKpiViews } from './kpi-registry';
import { spreadsheetLocale } from './locale';
import { whenUnlocked } from './lock';
import { findQuarterSheets, readQuarter, repairHeaderFormulas } from './quarter-sheets';
import { loadCheckInName, loadSettings } from './settings';
import { Doc } from './sheet-list';

export function getState(): State {
  const doc = new Doc();
  const settings = loadSettings();
  const today = dayInZone(new Date());
  const sheets = settings.currentQuarter
    ? findQuarterSheets(doc, settings.currentQuarter, settings)
    : undefined;
  const kpis = listKpiViews(doc.ss, doc);
  const data = sheets ? readQuarter(sheets, settings, today, kpiCurrent(kpis)) : undefined;
  // rows inserted below a header moved its formulas off row 2: put them back (the scores here never read them)
  if (data) whenUnlocked(() => repairHeaderFormulas(data, settings));
  return {
    today: formatDay(today),
    locale: spreadsheetLocale().id,
    settings: settingsView(settings),
    ...(sheets
      ? {
          quarter: quarterView(sheets.info, today, {
            objectives: sheets.objectives.getName(),
            keyResults: sheets.keyResults.getName(),
          }),
        }
      : {}),
    suggestedQuarter: formatQuarter(quarterOfDay(today, settings.fiscalStartMonth)),
    objectives: data ? objectiveViews(data.objectives, data.keyResults, (d) => dayInZone(d)) : [],
    kpis,
    checkInName: loadCheckInName(),
  };
}

/**
 * A KPI-linked key result's Current from the KPI's own values (its tab's latest number, as the KPI view read
 * it), not from the Current cell's custom-function result.
 */
function kpiCurrent(kpis: readonly KpiView[]): (kr: KeyResult) => Cell | undefined {
  const byRange = new Map(kpis.map((k) => [k.namedRange, k]));
  return (kr) => {
    const range = latestFormulaRange(kr.currentFormula);
    const kpi = range ? byRange.get(range) : undefined;
    return kpi && !kpi.problem ? (kpi.recent[kpi.recent.length - 1] ?? '') : undefined;
  };
}

/**
 * An action's result with the state after it, read in the same execution once the action is done (its lock
 * released): the sidebar shows it without calling getState in a second execution.
 */
export function withState<T extends object>(result: T): WithState<T> {
  return { ...result, state: getState() };
}
