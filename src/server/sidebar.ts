// Opens dist/Sidebar.html (one self-contained file built from src/sidebar) in the Sheets sidebar. A menu item
// may ask for a panel: it is written into the page as data attributes on #app, which the sidebar reads.
import type { SidebarIntent } from '../core/rpc';
import { htmlService, spreadsheetApp } from './gas';

export const SIDEBAR_TITLE = 'OKRs & KPIs';

const escapeAttribute = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function sidebarHtml(content: string, intent: SidebarIntent = {}): string {
  const attrs = [
    intent.panel ? ` data-panel="${escapeAttribute(intent.panel)}"` : '',
    intent.sheet ? ` data-sheet="${escapeAttribute(intent.sheet)}"` : '',
    intent.quarter ? ` data-quarter="${escapeAttribute(intent.quarter)}"` : '',
  ].join('');
  // A function replacement: a string one would expand `$&`, `$'` and `` $` `` inside the (escaped) tab name,
  // and a tab named `$& autofocus onfocus=…` would write its own attributes into the page.
  return attrs ? content.replace('<div id="app"', () => `<div id="app"${attrs}`) : content;
}

export function openSidebar(intent: SidebarIntent = {}): void {
  const html = htmlService().createHtmlOutputFromFile('Sidebar').setTitle(SIDEBAR_TITLE);
  if (intent.panel || intent.sheet || intent.quarter) html.setContent(sidebarHtml(html.getContent(), intent));
  spreadsheetApp().getUi().showSidebar(html);
}
