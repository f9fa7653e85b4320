// What the sidebar's overview shows: the workbook's tabs and their sizes.
import type { Overview } from '../core/rpc';
import { spreadsheetApp } from './gas';

export function readOverview(): Overview {
  const ss = spreadsheetApp().getActiveSpreadsheet();
  return {
    spreadsheetName: ss.getName(),
    tabs: ss.getSheets().map((sheet) => ({
      name: sheet.getName(),
      rows: sheet.getLastRow(),
      columns: sheet.getLastColumn(),
    })),
  };
}
