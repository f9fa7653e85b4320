// The contract between the build and Apps Script: dist/Code.js is one plain script whose top-level function
// declarations are exactly the exports of src/server/index.ts, custom functions carry the JSDoc Sheets reads,
// and onOpen builds the add-on menu.
import * as acorn from 'acorn';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM build script without type declarations
import { readServerExports } from '../../scripts/build.mjs';
import { FUNCTIONS } from '../../src/core/formula-text';
import { loadBundle, readBuilt } from '../helpers/bundle';

interface ServerExport {
  name: string;
  params: string[];
  jsdoc: string;
  customFunction: boolean;
}

const CUSTOM_FUNCTIONS = [
  'OKR_SCORE',
  'OKR_ROLLUP',
  'OKR_BAND',
  'OKR_KPI_LATEST',
  'OKR_KPI_PREVIOUS',
  'OKR_KPI_STATUS',
  'OKR_QUARTER',
  'OKR_QUARTER_START',
  'OKR_QUARTER_END',
];

let code: string;
let program: acorn.Program;
const comments: acorn.Comment[] = [];
let exports: ServerExport[];

beforeAll(async () => {
  code = readBuilt('Code.js');
  // ecmaVersion 2019 + sourceType script: any module syntax or post-2019 syntax fails the parse.
  program = acorn.parse(code, { ecmaVersion: 2019, sourceType: 'script', onComment: comments });
  exports = await readServerExports();
});

function topLevelFunctions(): Map<string, acorn.FunctionDeclaration> {
  const map = new Map<string, acorn.FunctionDeclaration>();
  for (const node of program.body) {
    if (node.type === 'FunctionDeclaration' && node.id) map.set(node.id.name, node);
  }
  return map;
}

function jsdocBefore(fn: acorn.FunctionDeclaration): string | undefined {
  const before = comments.filter((c) => c.type === 'Block' && c.end <= fn.start && c.value.startsWith('*'));
  const last = before.at(-1);
  if (!last) return undefined;
  return code.slice(last.end, fn.start).trim() === '' ? last.value : undefined;
}

describe('dist/Code.js', () => {
  it('declares every export of src/server/index.ts as a top-level function, and nothing else', () => {
    const fns = topLevelFunctions();
    const names = exports.map((e) => e.name).sort();
    expect(names.length).toBeGreaterThan(5);
    expect([...fns.keys()].sort()).toEqual(names);
    for (const e of exports) expect(fns.get(e.name)?.params.length, e.name).toBe(e.params.length);
  });

  it('names every custom function with the prefix OKR_, and generated formulas call only those', () => {
    // Sheets lets a user call only one of several add-ons' custom functions of the same name.
    expect(CUSTOM_FUNCTIONS.filter((name) => !name.startsWith('OKR_'))).toEqual([]);
    expect(Object.values(FUNCTIONS).sort()).toEqual([...CUSTOM_FUNCTIONS].sort());
  });

  it('gives every custom function its @customfunction JSDoc with @param and @return', () => {
    const fns = topLevelFunctions();
    const custom = exports.filter((e) => e.customFunction).map((e) => e.name);
    expect(custom.sort()).toEqual([...CUSTOM_FUNCTIONS].sort());
    for (const name of CUSTOM_FUNCTIONS) {
      const fn = fns.get(name);
      expect(fn, name).toBeDefined();
      const doc = jsdocBefore(fn!);
      expect(doc, `${name} JSDoc`).toMatch(/@customfunction/);
      expect(doc).toMatch(/@return \{/);
      for (const p of fn!.params) {
        const param = p.type === 'Identifier' ? p.name : '?';
        expect(doc, `${name} documents ${param}`).toMatch(new RegExp(`@param \\{[^}]+\\} \\[?${param}\\]? `));
      }
    }
  });

  it('ships no development dependency: HyperFormula (GPLv3) and the emulator stay out of dist/', () => {
    expect(code).not.toMatch(/hyperformula/i);
    expect(code).not.toMatch(/playground/i);
    expect(readBuilt('Sidebar.html')).not.toMatch(/hyperformula/i);
  });

  it('contains no import, export or require', () => {
    const offenders: string[] = [];
    const walk = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const n = node as { type?: string; callee?: { type: string; name?: string } };
      if (n.type === 'ImportExpression' || n.type?.startsWith('Import') || n.type?.startsWith('Export')) {
        offenders.push(n.type);
      }
      if (n.type === 'CallExpression' && n.callee?.type === 'Identifier' && n.callee.name === 'require') {
        offenders.push('require()');
      }
      for (const v of Object.values(node)) {
        if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object' && 'type' in v) walk(v);
      }
    };
    walk(program);
    expect(offenders).toEqual([]);
  });

  it('onOpen adds the add-on menu whose items all name top-level functions', () => {
    const items: Array<[string, string]> = [];
    let added = 0;
    const menu = {
      addItem(caption: string, fn: string) {
        items.push([caption, fn]);
        return menu;
      },
      addSeparator: () => menu,
      addToUi: () => {
        added++;
      },
    };
    const ui = {
      createAddonMenu: () => menu,
      createMenu: () => expect.fail('an add-on must use createAddonMenu'),
    };
    const g = loadBundle({ SpreadsheetApp: { getUi: () => ui }, ScriptApp: { AuthMode: { NONE: 'NONE' } } });
    g.onOpen({ authMode: 'NONE' });
    expect(added).toBe(1);
    expect(items.map(([caption]) => caption)).toContain('Open OKR sidebar');
    const fns = topLevelFunctions();
    for (const [caption, fn] of items) expect(fns.has(fn), `${caption} → ${fn}`).toBe(true);
  });
});

describe('dist/Sidebar.html', () => {
  it('is one self-contained file: no external scripts or stylesheets', () => {
    const html = readBuilt('Sidebar.html');
    expect(html).not.toMatch(/<script[^>]+\bsrc\s*=/i);
    expect(html).not.toMatch(/<link[^>]+\bhref\s*=/i);
    expect(html).toMatch(/<style>[\s\S]+<\/style>/);
    expect(html).toMatch(/<script>[\s\S]+google\.script\.run[\s\S]+<\/script>/);
    // exactly one inline script: an unescaped </script> inside the bundle would split it
    expect(html.match(/<\/script>/gi)).toHaveLength(1);
  });
});

describe('dist/appsscript.json', () => {
  it('asks only for the current spreadsheet and the container UI, on V8', () => {
    const manifest = JSON.parse(readBuilt('appsscript.json'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
  });
});
