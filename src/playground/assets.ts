// Builds the playground page (Preact, one HTML file with script and styles inlined) and the google.script.run
// bridge injected into the add-on's HTML, in memory, with the same inliner as dist/Sidebar.html.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleForBrowser, inlineHtml } from '../../scripts/html-inline.mjs';

export interface Assets {
  pageHtml: string;
  bridgeJs: string;
}

export async function buildAssets(root: string): Promise<Assets> {
  const pageDir = path.join(root, 'src/playground/page');
  const [page, bridge, template] = await Promise.all([
    bundleForBrowser(path.join(pageDir, 'main.tsx'), { minify: true }),
    bundleForBrowser(path.join(pageDir, 'bridge.ts'), { minify: false }),
    readFile(path.join(pageDir, 'index.html'), 'utf8'),
  ]);
  return { pageHtml: inlineHtml(template, page, 'src/playground/page/index.html'), bridgeJs: bridge.js };
}
