// Settings and per-quarter ID counters in DocumentProperties, validated with zod on every read and write.
import { type IdCounters, readIdCounters } from '../core/okr';
import { readSettings, type Settings } from '../core/schema';
import { documentProperty, setDocumentProperty } from './workbook';

export const SETTINGS_KEY = 'okr-sheets.settings';
const idsKey = (quarter: string) => `okr-sheets.ids.${quarter}`;

export function loadSettings(): Settings {
  return readSettings(documentProperty(SETTINGS_KEY));
}

export function saveSettings(settings: Settings): void {
  setDocumentProperty(SETTINGS_KEY, JSON.stringify(settings));
}

export function loadIdCounters(quarter: string): IdCounters {
  return readIdCounters(documentProperty(idsKey(quarter)));
}

export function saveIdCounters(quarter: string, counters: IdCounters): void {
  setDocumentProperty(idsKey(quarter), JSON.stringify(counters));
}
