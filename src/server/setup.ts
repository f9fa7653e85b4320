// Setting up: a quarter's two sheets (refused when they exist), and the settings (a change of scoring rewrites
// the running quarter's formulas and colours).
import { quarterInfo, quarterOfDay } from '../core/quarter';
import type { SettingsView, State } from '../core/rpc';
import { parseInput, setUpQuarterInput } from '../core/schema';
import { applySettingsUpdate } from '../core/settings';
import { settingsView } from '../core/views';
import { dayInZone } from './dates';
import { spreadsheetLocale } from './locale';
import { withDocumentLock } from './lock';
import {
  createQuarterSheets,
  findQuarterSheets,
  listQuarterSheets,
  refuseExisting,
  rewriteScoring,
} from './quarter-sheets';
import { loadSettings, saveSettings, saveSettingsAndSheets } from './settings';
import { Doc } from './sheet-list';
import { getState } from './state';

export function setUpQuarter(input?: unknown): State {
  const v = parseInput(setUpQuarterInput(), input ?? {}, 'set up');
  withDocumentLock('quarter change', () => {
    const doc = new Doc();
    const settings = loadSettings();
    const q = quarterInfo(
      v.quarter ?? quarterOfDay(dayInZone(new Date()), settings.fiscalStartMonth),
      settings.fiscalStartMonth,
    );
    refuseExisting(doc, q);
    listQuarterSheets(doc, createQuarterSheets(doc, q, settings), q);
    saveSettingsAndSheets({ ...settings, currentQuarter: q.label }, doc);
    doc.ss.toast(`Created "${q.objectivesSheet}" and "${q.keyResultsSheet}".`, 'okr-sheets', 5);
  });
  return getState();
}

export function updateSettings(input: unknown): SettingsView {
  return withDocumentLock('settings change', () => {
    const before = loadSettings();
    const after = applySettingsUpdate(before, input, spreadsheetLocale());
    const scoringChanged = JSON.stringify(before.scoring) !== JSON.stringify(after.scoring);
    const sheets =
      scoringChanged && after.currentQuarter
        ? findQuarterSheets(new Doc(), after.currentQuarter, after)
        : undefined;
    if (sheets) rewriteScoring(sheets, after);
    saveSettings(after);
    return settingsView(after);
  });
}
