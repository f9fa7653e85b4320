// Variants of the server bundle built only to be measured (npm run bench, tests/build/load-cost.test.ts), with
// the same esbuild options as dist/Code.js (scripts/build.mjs):
//   countedBundle   the whole add-on, counting every zod schema it builds in `globalThis.zodSchemasBuilt`;
//   minimalBundle   OKR_SCORE alone: what an execution of the custom function would cost with nothing else loaded.
import path from 'node:path';
import * as esbuild from 'esbuild';
// @ts-expect-error: plain ESM build script without type declarations
import * as buildScript from './build.mjs';

const build = buildScript as {
  readServerExports(file: string): Promise<unknown[]>;
  renderStubs(exports: unknown[]): string;
  serverBuildOptions(
    entryPoints: string[],
    plugins?: esbuild.Plugin[],
  ): esbuild.BuildOptions & { write: false };
};

/** Every zod schema (and check) is made by the constructor `_` inside zod's `$constructor`: count its calls. */
const countSchemas: esbuild.Plugin = {
  name: 'count-zod-schemas',
  setup(b) {
    b.onLoad({ filter: /zod[\\/]v4[\\/]core[\\/]core\.js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const text = await readFile(args.path, 'utf8');
      const marker = 'function _(def) {';
      if (!text.includes(marker)) throw new Error(`zod's $constructor changed: "${marker}" not found`);
      const counted = text.replace(
        marker,
        `${marker} globalThis.zodSchemasBuilt = (globalThis.zodSchemasBuilt || 0) + 1;`,
      );
      return { contents: counted, loader: 'js' };
    });
  },
};

/** The add-on's Code.js (bundle and generated globals), counting the zod schemas it builds. */
export async function countedBundle(root: string): Promise<string> {
  const exports = await build.readServerExports(path.join(root, 'src/server/index.ts'));
  const result = await esbuild.build(
    build.serverBuildOptions([path.join(root, 'src/server/index.ts')], [countSchemas]),
  );
  return result.outputFiles[0]!.text + build.renderStubs(exports);
}

/** A bundle holding only OKR_SCORE (its core code and nothing else), with its top-level declaration. */
export async function minimalBundle(root: string): Promise<string> {
  const result = await esbuild.build({
    ...build.serverBuildOptions([]),
    entryPoints: undefined,
    stdin: {
      contents: "export { OKR_SCORE } from './src/server/functions';",
      resolveDir: root,
      loader: 'ts',
    },
  });
  const text = result.outputFiles[0]!.text;
  if (/zod/.test(text)) throw new Error('the minimal bundle pulled in zod');
  return `${text}\nfunction OKR_SCORE(baseline, target, current, type, cap) {\n  return OKR.OKR_SCORE(baseline, target, current, type, cap);\n}\n`;
}
