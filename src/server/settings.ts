// Settings and per-quarter ID counters in DocumentProperties, validated with zod on every read and write.
import { type IdCounters, readIdCounters } from '../core/okr';
import { readSettings, type Settings } from '../core/schema';
import { propertiesService } from './gas';
import { type Doc, documentProperty, SHEETS_KEY, setDocumentProperty } from './workbook';

export const SETTINGS_KEY = 'okr-sheets.settings';
const idsKey = (quarter: string) => `okr-sheets.ids.${quarter}`;

export function loadSettings(): Settings {
  return readSettings(documentProperty(SETTINGS_KEY));
}

export function saveSettings(settings: Settings): void {
  setDocumentProperty(SETTINGS_KEY, JSON.stringify(settings));
}

/** Saves the settings and the list of our sheets in one write (both or neither). */
export function saveSettingsAndSheets(settings: Settings, doc: Doc): void {
  propertiesService()
    .getDocumentProperties()
    .setProperties({ [SETTINGS_KEY]: JSON.stringify(settings), [SHEETS_KEY]: doc.sheetListJson() });
}

export function loadIdCounters(quarter: string): IdCounters {
  return readIdCounters(documentProperty(idsKey(quarter)));
}

export function saveIdCounters(quarter: string, counters: IdCounters): void {
  setDocumentProperty(idsKey(quarter), JSON.stringify(counters));
}
