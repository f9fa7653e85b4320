// The RPC payload rule: google.script.run gives the sidebar null for a result holding a Date, so every RPC
// result must be JSON-safe, and the compiler says so. The @ts-expect-error below is checked by `tsc -p .` (an
// error that no longer happens fails the typecheck); the test compiles the same cases with the TypeScript API
// so that a vitest run shows the rule holding, and failing, too.
import path from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';
import type { JsonRpc, RpcApi } from '../../src/core/rpc';

interface WithADate {
  lastCheckIn(): { krId: string; at: Date };
}
const contract: JsonRpc<RpcApi> | undefined = undefined;
// @ts-expect-error a Date in an RPC result does not compile
const refused: JsonRpc<WithADate> | undefined = undefined;
void [contract, refused];

const root = process.cwd();

/** Type-checks one module against src/core/rpc.ts and returns its error messages. */
function errorsOf(source: string): string[] {
  const file = path.join(root, 'tests/build/__rpc-payload-case.ts');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts'],
    types: [],
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, onError, create) =>
    path.resolve(name) === file
      ? ts.createSourceFile(name, source, version)
      : read(name, version, onError, create);
  host.fileExists = (
    (exists) => (name: string) =>
      path.resolve(name) === file || exists(name)
  )(host.fileExists.bind(host));
  const program = ts.createProgram([file], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && path.resolve(d.file.fileName) === file)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

it('compiles the RPC contract, and refuses a Date anywhere in a result', () => {
  const header = "import type { JsonRpc, RpcApi } from '../../src/core/rpc';\n";
  expect(errorsOf(`${header}export type Ok = JsonRpc<RpcApi>;`)).toEqual([]);
  const refused = errorsOf(
    `${header}interface Api { getState(): { today: string; checkIns: Array<{ at: Date | string }> } }\n` +
      'export type Bad = JsonRpc<Api>;',
  );
  expect(refused).toHaveLength(1);
  expect(refused[0]).toContain("Type 'Date' is not assignable");
}, 60_000);
