// The spreadsheet's locale (File › Settings): numbers the sidebar sends are read in it and the sidebar shows
// numbers in it. core/locale.ts holds what each locale's people write; this asks Sheets which locale it is.
import { type LocaleRules, localeRules } from '../core/locale';
import { spreadsheetApp } from './gas';

/** The spreadsheet's locale, asked once per call (a service call; read it once per execution and pass it on). */
export function spreadsheetLocale(): LocaleRules {
  return localeRules(spreadsheetApp().getActiveSpreadsheet().getSpreadsheetLocale());
}
