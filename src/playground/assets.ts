// Builds the playground page (Preact, one HTML file with script and styles inlined) and the google.script.run
// bridge injected into the add-on's HTML, with esbuild, in memory.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as esbuild from 'esbuild';

export interface Assets {
  pageHtml: string;
  bridgeJs: string;
}

async function bundle(entry: string, minify: boolean): Promise<{ js: string; css: string }> {
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

export async function buildAssets(root: string): Promise<Assets> {
  const pageDir = path.join(root, 'src/playground/page');
  const [page, bridge, template] = await Promise.all([
    bundle(path.join(pageDir, 'main.tsx'), true),
    bundle(path.join(pageDir, 'bridge.ts'), false),
    readFile(path.join(pageDir, 'index.html'), 'utf8'),
  ]);
  const safeJs = page.js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  const pageHtml = template
    .replace('<!-- inline:css -->', () => `<style>\n${page.css.replace(/<\/(style)/gi, '<\\/$1')}</style>`)
    .replace('<!-- inline:js -->', () => `<script>\n${safeJs}</script>`);
  return { pageHtml, bridgeJs: bridge.js };
}
