// Reads the built dist/Code.js the way Apps Script and Sheets see it: its top-level function declarations are
// the globals (menu handlers, google.script.run targets), and those whose JSDoc says @customfunction are the
// custom functions Sheets offers in cells.
import { readFileSync } from 'node:fs';
import * as acorn from 'acorn';

export interface BundleInfo {
  code: string;
  /** Every top-level function declaration. */
  functions: string[];
  /** Top-level functions whose JSDoc carries @customfunction. */
  customFunctions: string[];
}

export function readBundle(codePath: string): BundleInfo {
  const code = readFileSync(codePath, 'utf8');
  const comments: acorn.Comment[] = [];
  const program = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'script', onComment: comments });
  const functions: string[] = [];
  const customFunctions: string[] = [];
  for (const node of program.body) {
    if (node.type !== 'FunctionDeclaration' || !node.id) continue;
    functions.push(node.id.name);
    const before = comments.filter(
      (c) => c.type === 'Block' && c.end <= node.start && c.value.startsWith('*'),
    );
    const doc = before.at(-1);
    if (doc && code.slice(doc.end, node.start).trim() === '' && /@customfunction\b/.test(doc.value)) {
      customFunctions.push(node.id.name);
    }
  }
  return { code, functions, customFunctions };
}
