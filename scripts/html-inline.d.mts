// Types of scripts/html-inline.mjs (the one home of inlining JS and CSS into HTML), for TypeScript callers.

export interface BrowserCode {
  js: string;
  css: string;
}

export declare const CSS_MARKER: '<!-- inline:css -->';
export declare const JS_MARKER: '<!-- inline:js -->';

/** Bundles a browser entry point as one IIFE (ES2020) and its CSS ("" when it imports none). */
export declare function bundleForBrowser(entry: string, options: { minify: boolean }): Promise<BrowserCode>;

/** JavaScript made safe inside `<script>…</script>` (`</script` and `<!--` escaped). */
export declare function scriptSafe(js: string): string;

/** CSS made safe inside `<style>…</style>`. */
export declare function styleSafe(css: string): string;

/** The template with the CSS and JS inlined, escaped, at its markers; throws when a marker is missing. */
export declare function inlineHtml(template: string, code: BrowserCode, templateName: string): string;
