// Opens dist/Sidebar.html (one self-contained file built from src/sidebar) in the Sheets sidebar.
export const SIDEBAR_TITLE = 'OKRs & KPIs';

export function openSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}
