// The sidebar's view of the workbook in one execution: today, the spreadsheet's locale, the settings, the running
// quarter with its objectives and key results (as core builds the views), and the KPIs; and an action's result
// with that state after it, so a sidebar action is one execution.
import { formatQuarter, quarterOfDay } from '../core/quarter';
import type { State, WithState } from '../core/rpc';
import { formatDay } from '../core/values';
import { objectiveViews, quarterView, settingsView } from '../core/views';
import { dayInZone } from './dates';
import { listKpiViews } from './kpi-registry';
import { spreadsheetLocale } from './locale';
import { findQuarterSheets, readQuarter } from './quarter-sheets';
import { loadSettings } from './settings';
import { Doc } from './sheet-list';

export function getState(): State {
  const doc = new Doc();
  const settings = loadSettings();
  const today = dayInZone(new Date());
  const sheets = settings.currentQuarter
    ? findQuarterSheets(doc, settings.currentQuarter, settings)
    : undefined;
  const data = sheets ? readQuarter(sheets) : undefined;
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
    kpis: listKpiViews(doc.ss, doc),
  };
}

/**
 * An action's result with the state after it, read in the same execution once the action is done (its lock
 * released): the sidebar shows it without calling getState in a second execution.
 */
export function withState<T extends object>(result: T): WithState<T> {
  return { ...result, state: getState() };
}
