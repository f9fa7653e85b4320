// The HTML inliner (scripts/html-inline.mjs) behind dist/Sidebar.html and the playground page: whatever the
// bundled code contains, it stays inside its <script> or <style> element and means what it meant. Checked in
// Chromium's HTML parser, which is what decides where an element ends.
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineHtml } from '../../scripts/html-inline.mjs';
import { browserAvailable, launchBrowser } from '../helpers/playground';

const TEMPLATE = `<!doctype html>
<html><head><!-- inline:css --></head>
<body><p id="after">after</p><!-- inline:js --></body></html>`;

/** Texts that end a script or style element, or derail its parsing, if they reach the HTML unescaped. */
const HOSTILE = [
  '</script><img id="injected" src="x">',
  '</SCRIPT ><b id="injected">',
  '</script/><i id="injected"></i>',
  '<!--<script>',
  '<!-- </script> -->',
];

const js = `window.__seen = ${JSON.stringify(HOSTILE)};
window.__regex = /<\\/script>/.test('</script>');
window.__template = \`a</script>b\`;`;
const css = `#after::before { content: "</style><u id=injected>"; }
#after { color: rgb(1, 2, 3); }`;

describe('inlining code into HTML', () => {
  it('leaves no closing tag but its own, and no comment opener, inside the inlined code', () => {
    const html = inlineHtml(TEMPLATE, { js, css }, 'test.html');
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(html.match(/<\/style/gi)).toHaveLength(1);
    const script = html.slice(html.indexOf('<script>'), html.lastIndexOf('</script>'));
    expect(script).not.toContain('<!--');
  });

  it('refuses a template without its markers, naming it', () => {
    expect(() => inlineHtml('<html><!-- inline:js --></html>', { js, css }, 'src/x.html')).toThrow(
      'src/x.html lacks the marker <!-- inline:css -->',
    );
    expect(() => inlineHtml('<html><!-- inline:css --></html>', { js, css }, 'src/x.html')).toThrow(
      'src/x.html lacks the marker <!-- inline:js -->',
    );
  });

  it('keeps replacement patterns in the code literal ($& and $1 are not expanded)', () => {
    const html = inlineHtml(TEMPLATE, { js: "var s = '$&$1$$';", css: '' }, 'test.html');
    expect(html).toContain("var s = '$&$1$$';");
  });
});

describe.runIf(browserAvailable())('inlined code in Chromium', () => {
  let browser: { context: BrowserContext; close: () => Promise<void> };
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('cannot end its script or style element: one script runs, sees its strings intact, nothing is injected', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent(inlineHtml(TEMPLATE, { js, css }, 'test.html'));
    const seen = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return {
        scripts: document.querySelectorAll('script').length,
        styles: document.querySelectorAll('style').length,
        injected: document.querySelectorAll('#injected').length,
        strings: w.__seen,
        regex: w.__regex,
        template: w.__template,
        color: getComputedStyle(document.getElementById('after')!).color,
        before: getComputedStyle(document.getElementById('after')!, '::before').content,
      };
    });
    expect(errors).toEqual([]);
    expect(seen).toEqual({
      scripts: 1,
      styles: 1,
      injected: 0,
      strings: HOSTILE,
      regex: true,
      template: 'a</script>b',
      color: 'rgb(1, 2, 3)',
      before: '"</style><u id=injected>"',
    });
    await page.close();
  });
});
