import { htmlService, spreadsheetApp } from './gas';

// Opens dist/Sidebar.html (one self-contained file built from src/sidebar) in the Sheets sidebar.
export const SIDEBAR_TITLE = 'OKRs & KPIs';

export function openSidebar(): void {
  const html = htmlService().createHtmlOutputFromFile('Sidebar').setTitle(SIDEBAR_TITLE);
  spreadsheetApp().getUi().showSidebar(html);
}
