// What okr-sheets keeps in DocumentProperties: the settings and the per-quarter ID counters (validated with zod
// on every read and write, core/settings.ts), and the list of our sheets (server/sheet-list.ts); and in each
// user's UserProperties, the name they check in under (no scope beyond the add-on's: no e-mail is read). Every
// key is named here.
import { type IdCounters, readIdCounters } from '../core/ids';
import { readSettings, type Settings } from '../core/settings';
import { propertiesService } from './gas';
import type { Doc } from './sheet-list';

export const SETTINGS_KEY = 'okr-sheets.settings';
export const SHEETS_KEY = 'okr-sheets.sheets';
const idsKey = (quarter: string) => `okr-sheets.ids.${quarter}`;

export function documentProperty(key: string): string | null {
  return propertiesService().getDocumentProperties().getProperty(key);
}

export function setDocumentProperty(key: string, value: string | null): void {
  const props = propertiesService().getDocumentProperties();
  if (value === null) props.deleteProperty(key);
  else props.setProperty(key, value);
}

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

const CHECK_IN_NAME_KEY = 'okr-sheets.checkInName';

/** The name this user checks in under ("" until they gave one). */
export function loadCheckInName(): string {
  return propertiesService().getUserProperties().getProperty(CHECK_IN_NAME_KEY) ?? '';
}

export function saveCheckInName(name: string): void {
  propertiesService().getUserProperties().setProperty(CHECK_IN_NAME_KEY, name);
}

export function loadIdCounters(quarter: string): IdCounters {
  return readIdCounters(documentProperty(idsKey(quarter)));
}

export function saveIdCounters(quarter: string, counters: IdCounters): void {
  setDocumentProperty(idsKey(quarter), JSON.stringify(counters));
}
