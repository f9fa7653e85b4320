// One self-contained HTML file from a browser entry point: esbuild bundles the entry (TypeScript, Preact JSX,
// CSS imports) in memory, and its JS and CSS are inlined into a template at the markers `<!-- inline:css -->`
// and `<!-- inline:js -->`, escaped so that nothing in them can end the element they sit in. The one home of
// this inlining: scripts/build.mjs uses it for dist/Sidebar.html (HtmlService serves one file), the playground
// (src/playground/assets.ts) for its page and for the bridge it injects into the add-on's HTML. Plain ESM whose
// only import is esbuild, so `npm run build` needs nothing else; types for TypeScript in html-inline.d.mts.
import * as esbuild from 'esbuild';

export const CSS_MARKER = '<!-- inline:css -->';
export const JS_MARKER = '<!-- inline:js -->';

/**
 * Bundles a browser entry point as one IIFE (ES2020) and its CSS.
 * @param {string} entry the entry file
 * @param {{ minify: boolean }} options
 * @returns {Promise<{ js: string; css: string }>} css is "" when the entry imports none
 */
export async function bundleForBrowser(entry, { minify }) {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    outdir: 'out',
    loader: { '.css': 'css' },
    logLevel: 'silent',
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'))?.text ?? '';
  const css = result.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '';
  return { js, css };
}

/**
 * JavaScript made safe inside `<script>…</script>`: the HTML parser ends a script element at the first
 * `</script` whatever JavaScript thinks it is (a string, a regex, a comment), and `<!--` can switch it into a
 * state where the real closing tag no longer ends it. `<\/` and `<\!--` mean the same in JS strings, regexes
 * and template literals.
 * @param {string} js
 * @returns {string}
 */
export function scriptSafe(js) {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/**
 * CSS made safe inside `<style>…</style>` (`\/` is an escaped `/` in CSS).
 * @param {string} css
 * @returns {string}
 */
export function styleSafe(css) {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}

/**
 * The template with the CSS inlined at its CSS marker and the JS at its JS marker, both escaped.
 * @param {string} template the HTML text
 * @param {{ js: string; css: string }} code
 * @param {string} templateName how to name the template when a marker is missing
 * @returns {string}
 */
export function inlineHtml(template, { js, css }, templateName) {
  for (const marker of [CSS_MARKER, JS_MARKER]) {
    if (!template.includes(marker)) throw new Error(`${templateName} lacks the marker ${marker}`);
  }
  return template
    .replace(CSS_MARKER, () => `<style>\n${styleSafe(css)}</style>`)
    .replace(JS_MARKER, () => `<script>\n${scriptSafe(js)}</script>`);
}
