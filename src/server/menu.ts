// The add-on menu. Only items whose feature exists are listed; each names a global in index.ts.
import type { Ui } from './gas';

export interface MenuItem {
  caption: string;
  functionName: string;
}

export const MENU_ITEMS: readonly MenuItem[] = [
  { caption: 'Open OKR sidebar', functionName: 'showSidebar' },
  { caption: 'Tag this tab as KPI…', functionName: 'showTagKpi' },
  { caption: 'Start new quarter…', functionName: 'showNewQuarter' },
  { caption: 'Check this spreadsheet…', functionName: 'checkThisSpreadsheet' },
];

/** Builds the menu under Extensions › okr-sheets. Safe in AuthMode.NONE: it touches no document data. */
export function buildMenu(ui: Ui): void {
  const menu = ui.createAddonMenu();
  for (const item of MENU_ITEMS) menu.addItem(item.caption, item.functionName);
  menu.addToUi();
}
