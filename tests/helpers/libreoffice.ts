// Recalculates a small workbook in LibreOffice Calc (headless), a second spreadsheet engine independent of
// Sheets and of HyperFormula, so a generated native formula can be checked against core/ (DESIGN.md §7).
//
// Route: the cells are written as a flat ODS (one XML file). Formulas go in as Sheets/Excel text, untranslated:
// ODS lets a formula name its syntax by namespace, and LibreOffice parses `msoxl:=...` with its Excel A1 English
// grammar (commas, `'Sheet name'!A1:B2`). Only what Excel syntax lacks is adapted: `;` between a function's
// arguments becomes `,` (as Sheets corrects it in en_US; the add-on writes `;`, which every locale reads), an outer
// ARRAYFORMULA(expr) becomes a matrix formula `expr` over its spill range, an open range `A2:A` ends at the
// sheet's last row, and functions newer than Excel 2007 get the `_xlfn.` prefix that Excel's file syntax gives
// them. A formula typed in a locale (de-DE: `;`, decimal comma) is libreoffice-typed.ts's route.
// LibreOffice loads it with a fresh profile set to recalculate on load, converts it back to flat ODS, and the
// computed values are read from that. See docs/LIBREOFFICE.md.
import { spawn } from 'node:child_process';
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'vitest';
import { columnLetter as columnLetterOf } from '../../src/core/a1';

/** A formula cell with an explicit result size: written as a matrix formula over `rows` × `cols` cells. */
export interface FormulaCell {
  formula: string;
  spill?: { rows: number; cols?: number };
}

/**
 * A cell as written: a number, text, a boolean, blank (`null` or `''`), or a formula (text starting with `=`,
 * or a FormulaCell). `=ARRAYFORMULA(expr)` fills the column below it down to the sheet's last row unless a
 * FormulaCell gives its spill size.
 */
export type CellInput = string | number | boolean | null | FormulaCell;

export type Workbook = Record<string, readonly (readonly CellInput[])[]>;

/** An error value computed by LibreOffice (#NAME?, #DIV/0!, #N/A, Err:508 …), with the formula as it parsed it. */
export class FormulaError {
  constructor(
    readonly code: string,
    readonly formula?: string,
  ) {}
  toString(): string {
    return this.formula ? `${this.code} (${this.formula})` : this.code;
  }
}

/**
 * A computed cell: a number (dates as serial days since 1899-12-30, as in Sheets), text, a boolean, or an error.
 * Blank reads as '' (as Apps Script's getValues reads it), whether the cell is empty or a formula gave "".
 */
export type CellValue = string | number | boolean | FormulaError;

export type Results = Record<string, CellValue[][]>;

/** As parsed from LibreOffice's file, where an empty cell (null) still differs from a "" result. */
type ParsedValue = CellValue | null;

const MAX_COLUMNS = 1024; // LibreOffice before 7.4 has 1024 columns; stay within every version

// ---------------------------------------------------------------------------------------------------------
// Finding LibreOffice, and what to do without it

const KNOWN_PATHS = [
  '/usr/bin/soffice',
  '/usr/bin/libreoffice',
  '/usr/lib/libreoffice/program/soffice',
  '/opt/libreoffice/program/soffice',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
];

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The LibreOffice binary: `$LIBREOFFICE_BIN` if set (and nothing else, so a wrong value is not silently
 * replaced), else `soffice` or `libreoffice` on PATH, else a few usual install paths. Undefined if none.
 */
export function findLibreOffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.LIBREOFFICE_BIN) return isExecutable(env.LIBREOFFICE_BIN) ? env.LIBREOFFICE_BIN : undefined;
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const name of ['soffice', 'libreoffice']) {
    for (const dir of dirs) {
      const file = path.join(dir, name);
      if (isExecutable(file)) return file;
    }
  }
  return KNOWN_PATHS.find(isExecutable);
}

export function isCI(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = (env.CI ?? '').toLowerCase();
  return ci !== '' && ci !== 'false' && ci !== '0';
}

/** Without LibreOffice: fail in CI (never skip silently there), skip loudly on a developer's machine. */
export function whenMissing(env: NodeJS.ProcessEnv = process.env): 'fail' | 'skip' {
  return isCI(env) ? 'fail' : 'skip';
}

export function missingMessage(env: NodeJS.ProcessEnv = process.env): string {
  const where = env.LIBREOFFICE_BIN
    ? `LIBREOFFICE_BIN=${env.LIBREOFFICE_BIN} is not an executable file`
    : 'no soffice or libreoffice on PATH or in the usual install paths';
  return (
    `LibreOffice is needed to cross-check the generated native formulas (DESIGN.md §7), but ${where}. ` +
    'Install it: apt-get install -y libreoffice-calc-nogui (.ci/run does this), or set LIBREOFFICE_BIN.'
  );
}

/**
 * describe() for tests that need LibreOffice. Without it: in CI (CI=true) a test fails with the reason; locally
 * the block is skipped and a warning says so.
 */
export function describeWithLibreOffice(name: string, body: () => void): void {
  if (findLibreOffice()) {
    describe(name, body);
    return;
  }
  const message = missingMessage();
  if (whenMissing() === 'fail') {
    describe(name, () => {
      it('needs LibreOffice', () => {
        throw new Error(message);
      });
    });
    return;
  }
  console.warn(`\n*** SKIPPED "${name}": ${message}\n`);
  describe.skip(name, body);
}

// ---------------------------------------------------------------------------------------------------------
// Sheets formula text → what LibreOffice's Excel grammar reads

/** The formula with the contents of "string literals" and 'quoted sheet names' blanked, same length. */
export function mask(formula: string): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const c = formula[i]!;
    if (c !== '"' && c !== "'") {
      out += c;
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      if (j >= formula.length) throw new Error(`unterminated ${c} in formula: ${formula}`);
      if (formula[j] === c) {
        if (formula[j + 1] === c) j += 2;
        else break;
      } else j++;
    }
    out += c + ' '.repeat(j - i - 1) + c;
    i = j + 1;
  }
  return out;
}

function checkBalanced(formula: string, masked: string): void {
  // LibreOffice quietly repairs some broken formulas (a missing `)` is added) that Sheets would refuse.
  const stack: string[] = [];
  for (const c of masked) {
    if (c === '(' || c === '{') stack.push(c === '(' ? ')' : '}');
    else if (c === ')' || c === '}') {
      if (stack.pop() !== c) throw new Error(`unbalanced ${c} in formula: ${formula}`);
    }
  }
  if (stack.length) throw new Error(`missing ${stack.reverse().join('')} in formula: ${formula}`);
}

const OPEN_RANGE =
  /"(?:[^"]|"")*"|(?<![\w.$'])((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?[A-Za-z]{1,3}\$?(\d+)):(\$?[A-Za-z]{1,3})(?![\w(!.$])/g;

/** `A2:A` (to the last row, a Sheets form Excel lacks) → `A2:A<last row of that sheet>`. */
export function closeOpenRanges(expr: string, sheetRows: (sheet: string | undefined) => number): string {
  return expr.replace(
    OPEN_RANGE,
    (all, sheetPrefix: string | undefined, start: string, startRow: string, endCol: string) => {
      if (start === undefined) return all; // a string literal
      const sheet = sheetPrefix?.slice(0, -1);
      const name = sheet?.startsWith("'") ? sheet.slice(1, -1).replaceAll("''", "'") : sheet;
      const last = Math.max(Number(startRow), sheetRows(name));
      return `${sheetPrefix ?? ''}${start}:${endCol}${last}`;
    },
  );
}

/**
 * Functions newer than Excel 2007, which Excel syntax (in .xlsx files, and so in LibreOffice's Excel grammar)
 * spells with an `_xlfn.` prefix; without it LibreOffice shows #NAME?. Older functions must not get it. Each one
 * here is checked in LibreOffice by tests/libreoffice/helper.test.ts; add a name there when you add it here.
 */
export const XLFN_FUNCTIONS: ReadonlySet<string> = new Set([
  'CONCAT',
  'DAYS',
  'FORECAST.LINEAR',
  'IFNA',
  'IFS',
  'ISOWEEKNUM',
  'MAXIFS',
  'MINIFS',
  'PERCENTILE.INC',
  'RANK.EQ',
  'STDEV.P',
  'STDEV.S',
  'SWITCH',
  'TEXTJOIN',
  'VAR.S',
  'XOR',
]);

/**
 * `;` between a function's arguments → `,`, as Sheets corrects it in en_US (a `;` between an array literal's
 * rows stays). `,` already there stays too: the Excel grammar reads both.
 */
export function commaArguments(expr: string): string {
  const masked = mask(expr);
  const open: string[] = [];
  let out = '';
  for (let i = 0; i < expr.length; i++) {
    const c = masked[i]!;
    if (c === '(' || c === '{') open.push(c);
    else if (c === ')' || c === '}') open.pop();
    out += c === ';' && open[open.length - 1] === '(' ? ',' : expr[i];
  }
  return out;
}

/** `TEXTJOIN(` → `_xlfn.TEXTJOIN(` for the functions in XLFN_FUNCTIONS, outside text. */
export function prefixNewFunctions(expr: string): string {
  const masked = mask(expr);
  let out = '';
  let from = 0;
  for (const m of masked.matchAll(/(?<![\w.$])([A-Za-z][\w.]*)\s*\(/g)) {
    if (!XLFN_FUNCTIONS.has(m[1]!.toUpperCase())) continue;
    out += `${expr.slice(from, m.index)}_xlfn.`;
    from = m.index;
  }
  return out + expr.slice(from);
}

/**
 * Splits a Sheets formula into the expression LibreOffice should parse and whether it is an array formula.
 * Only an outer ARRAYFORMULA is supported; elsewhere it is an error rather than a silently different formula.
 */
export function toExcelSyntax(
  formula: string,
  sheetRows: (sheet: string | undefined) => number,
): { expr: string; array: boolean } {
  if (!formula.startsWith('=')) throw new Error(`a formula starts with "=": ${formula}`);
  let expr = formula.slice(1).trim();
  let masked = mask(expr);
  checkBalanced(formula, masked);
  let array = false;
  const outer = /^ARRAYFORMULA\s*\(/i.exec(masked);
  if (outer) {
    let depth = 0;
    let close = -1;
    for (let i = outer[0].length - 1; i < masked.length; i++) {
      if (masked[i] === '(') depth++;
      else if (masked[i] === ')' && --depth === 0) {
        close = i;
        break;
      }
    }
    if (close === masked.length - 1) {
      expr = expr.slice(outer[0].length, close).trim();
      masked = masked.slice(outer[0].length, close).trim();
      array = true;
    }
  }
  if (/ARRAYFORMULA\s*\(/i.test(masked)) {
    throw new Error(`ARRAYFORMULA is supported only around the whole formula: ${formula}`);
  }
  return { expr: closeOpenRanges(prefixNewFunctions(commaArguments(expr)), sheetRows), array };
}

// ---------------------------------------------------------------------------------------------------------
// Writing the flat ODS

const escapeXml = (s: string) =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll('\n', '&#10;')
    .replaceAll('\r', '&#13;')
    .replaceAll('\t', '&#9;');

/** The letters of a 0-based column index (0 → A), from core's column letters. */
export const columnLetter = (col: number): string => columnLetterOf(col + 1);

const a1 = (row: number, col: number) => `${columnLetter(col)}${row + 1}`;

interface Box {
  rows: number;
  cols: number;
}

/** The flat ODS text for a workbook, and each sheet's extent (its cells and spill ranges). */
export function toFlatOds(workbook: Workbook): { xml: string; extents: Record<string, Box> } {
  const names = Object.keys(workbook);
  if (names.length === 0) throw new Error('the workbook has no sheets');
  const heights = new Map(names.map((n) => [n, workbook[n]!.length]));
  const sheetRows = (current: string) => (sheet: string | undefined) => {
    const rows = heights.get(sheet ?? current);
    if (rows === undefined)
      throw new Error(`formula refers to sheet "${sheet}", which is not in the workbook`);
    return rows;
  };
  const extents: Record<string, Box> = {};
  const tables = names.map((name) => {
    if (/[[\]*?:/\\]/.test(name) || name.trim() === '') throw new Error(`invalid sheet name "${name}"`);
    const grid = workbook[name]!;
    const cells = new Map<string, string>(); // "r,c" → cell XML
    const covered = new Map<string, string>(); // "r,c" → anchor A1, for spill ranges
    let rows = grid.length;
    let cols = grid.reduce((w, r) => Math.max(w, r.length), 0);
    grid.forEach((line, r) => {
      line.forEach((value, c) => {
        const xml = cellXml(value, r, c, name, grid, sheetRows(name), covered);
        if (xml.spill) {
          rows = Math.max(rows, r + xml.spill.rows);
          cols = Math.max(cols, c + xml.spill.cols);
        }
        if (xml.text) cells.set(`${r},${c}`, xml.text);
      });
    });
    for (const [key, anchor] of covered) {
      if (cells.has(key)) {
        const [r, c] = key.split(',').map(Number) as [number, number];
        throw new Error(
          `${name}!${anchor}: array result was not expanded because it would overwrite data in ${a1(r, c)}`,
        );
      }
    }
    if (cols > MAX_COLUMNS) throw new Error(`${name} has ${cols} columns; LibreOffice takes ${MAX_COLUMNS}`);
    extents[name] = { rows, cols };
    const body: string[] = [];
    for (let r = 0; r < rows; r++) {
      const row: string[] = [];
      for (let c = 0; c < cols; c++) {
        const key = `${r},${c}`;
        row.push(
          cells.get(key) ?? (covered.has(key) ? '<table:covered-table-cell/>' : '<table:table-cell/>'),
        );
      }
      body.push(`<table:table-row>${row.join('')}</table:table-row>`);
    }
    return `<table:table table:name="${escapeXml(name)}">\n${body.join('\n')}\n</table:table>`;
  });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:msoxl="http://schemas.microsoft.com/office/excel/formula"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet>
${tables.join('\n')}
</office:spreadsheet></office:body></office:document>
`;
  return { xml, extents };
}

function cellXml(
  value: CellInput,
  r: number,
  c: number,
  sheet: string,
  grid: readonly (readonly CellInput[])[],
  sheetRows: (sheet: string | undefined) => number,
  covered: Map<string, string>,
): { text?: string; spill?: { rows: number; cols: number } } {
  if (value === null || value === '') return {};
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${sheet}!${a1(r, c)}: ${value} is not a finite number`);
    return { text: `<table:table-cell office:value-type="float" office:value="${value}"/>` };
  }
  if (typeof value === 'boolean') {
    return { text: `<table:table-cell office:value-type="boolean" office:boolean-value="${value}"/>` };
  }
  if (typeof value === 'string' && !value.startsWith('=')) {
    return {
      text: `<table:table-cell office:value-type="string" office:string-value="${escapeXml(value)}"/>`,
    };
  }
  const cell: FormulaCell = typeof value === 'string' ? { formula: value } : value;
  let expr: string;
  let array: boolean;
  try {
    ({ expr, array } = toExcelSyntax(cell.formula, sheetRows));
  } catch (e) {
    throw new Error(`${sheet}!${a1(r, c)}: ${(e as Error).message}`);
  }
  const formula = `table:formula="msoxl:=${escapeXml(expr)}"`;
  if (!array && !cell.spill) return { text: `<table:table-cell ${formula}/>` };
  // Sheets spills an ARRAYFORMULA; LibreOffice needs the result range up front, as a matrix formula.
  const spill = {
    rows: cell.spill?.rows ?? Math.max(1, grid.length - r),
    cols: cell.spill?.cols ?? 1,
  };
  if (!(Number.isInteger(spill.rows) && spill.rows >= 1 && Number.isInteger(spill.cols) && spill.cols >= 1)) {
    throw new Error(`${sheet}!${a1(r, c)}: spill ${JSON.stringify(cell.spill)} must be whole numbers ≥ 1`);
  }
  for (let dr = 0; dr < spill.rows; dr++) {
    for (let dc = 0; dc < spill.cols; dc++) {
      if (dr || dc) {
        const key = `${r + dr},${c + dc}`;
        if (covered.has(key)) throw new Error(`${sheet}!${a1(r, c)}: spill overlaps another array formula`);
        covered.set(key, a1(r, c));
      }
    }
  }
  return {
    text:
      `<table:table-cell ${formula} table:number-matrix-rows-spanned="${spill.rows}"` +
      ` table:number-matrix-columns-spanned="${spill.cols}"/>`,
    spill,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Reading the recalculated flat ODS

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

const unescapeXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      return String.fromCodePoint(
        e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)),
      );
    }
    return ENTITIES[e] ?? all;
  });

function attributes(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) out[m[1]!] = unescapeXml(m[2]!);
  return out;
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** office:date-value (`2027-01-01` or `2027-01-01T12:00:00`) → serial day number. */
function serialOfDateValue(s: string): number {
  const m = /^(-?\d{4,})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d):(\d\d(?:\.\d+)?))?/.exec(s);
  if (!m) throw new Error(`unexpected office:date-value ${s}`);
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), 0) + Number(m[6] ?? 0) * 1000;
  return (ms - SERIAL_EPOCH) / 86_400_000;
}

/** office:time-value (`PT12H30M00S`) → fraction of a day. */
function dayFractionOfDuration(s: string): number {
  const m = /^(-)?P(?:(\d+)D)?T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(s);
  if (!m) throw new Error(`unexpected office:time-value ${s}`);
  const days = +(m[2] ?? 0) + +(m[3] ?? 0) / 24 + +(m[4] ?? 0) / 1440 + Number(m[5] ?? 0) / 86_400;
  return m[1] ? -days : days;
}

function cellValue(a: Record<string, string>, text: string): ParsedValue {
  const formula = a['table:formula'];
  if (a['calcext:value-type'] === 'error') return new FormulaError(text, formula);
  switch (a['office:value-type']) {
    case 'float':
    case 'percentage':
    case 'currency':
      return Number(a['office:value']);
    case 'date':
      return serialOfDateValue(a['office:date-value']!);
    case 'time':
      return dayFractionOfDuration(a['office:time-value']!);
    case 'boolean':
      return a['office:boolean-value'] === 'true';
    case 'string':
      return a['office:string-value'] ?? text;
    default:
      // A formula whose result is "" is written with no value type.
      return formula ? text : null;
  }
}

/** The computed values of a flat ODS as LibreOffice writes it, per sheet, trailing blanks trimmed. */
export function parseFlatOds(xml: string): Record<string, ParsedValue[][]> {
  const out: Record<string, ParsedValue[][]> = {};
  let sheet: ParsedValue[][] | undefined;
  let row = 0;
  let col = 0;
  let rowRepeat = 1;
  let rowCells: Array<{ col: number; value: ParsedValue }> = [];
  let cell: { attrs: Record<string, string>; repeat: number; paragraphs: string[] } | undefined;
  let inParagraph = false;
  const tags = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)|<[!?][^>]*>/g;
  const put = (value: ParsedValue, at: number) => {
    if (value !== null) rowCells.push({ col: at, value });
  };
  const endCell = (attrs: Record<string, string>, repeat: number, paragraphs: string[]) => {
    const value = cellValue(attrs, paragraphs.join('\n'));
    for (let k = 0; k < repeat; k++) put(value, col + k);
    col += repeat;
  };
  for (const m of xml.matchAll(tags)) {
    const [, closing, name, attrText, selfClosing, text] = m;
    if (text !== undefined) {
      if (cell && inParagraph) cell.paragraphs[cell.paragraphs.length - 1] += unescapeXml(text);
      continue;
    }
    if (name === undefined) continue; // comment, declaration
    const attrs = closing ? {} : attributes(attrText ?? '');
    switch (name) {
      case 'table:table':
        if (closing) sheet = undefined;
        else {
          sheet = [];
          out[attrs['table:name']!] = sheet;
          row = 0;
        }
        break;
      case 'table:table-row':
        if (!closing) {
          rowRepeat = Number(attrs['table:number-rows-repeated'] ?? 1);
          rowCells = [];
          col = 0;
        }
        if (closing || selfClosing) {
          if (sheet && rowCells.length) {
            for (let k = 0; k < rowRepeat; k++) {
              const line: ParsedValue[] = [];
              for (const { col: c, value } of rowCells) line[c] = value;
              sheet[row + k] = Array.from(line, (v) => v ?? null);
            }
          }
          row += rowRepeat;
        }
        break;
      case 'table:table-cell':
      case 'table:covered-table-cell':
        if (!closing) {
          const repeat = Number(attrs['table:number-columns-repeated'] ?? 1);
          if (selfClosing) endCell(attrs, repeat, []);
          else cell = { attrs, repeat, paragraphs: [] };
        } else if (cell) {
          endCell(cell.attrs, cell.repeat, cell.paragraphs);
          cell = undefined;
        }
        break;
      case 'text:p':
        if (cell && !closing) {
          cell.paragraphs.push('');
          inParagraph = !selfClosing;
        } else inParagraph = false;
        break;
      case 'text:s':
        if (cell && inParagraph)
          cell.paragraphs[cell.paragraphs.length - 1] += ' '.repeat(Number(attrs['text:c'] ?? 1));
        break;
      case 'text:tab':
        if (cell && inParagraph) cell.paragraphs[cell.paragraphs.length - 1] += '\t';
        break;
      case 'text:line-break':
        if (cell && inParagraph) cell.paragraphs[cell.paragraphs.length - 1] += '\n';
        break;
    }
  }
  for (const grid of Object.values(out)) {
    for (let r = 0; r < grid.length; r++) grid[r] ??= [];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Running LibreOffice

const PROFILE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export function runLibreOffice(
  bin: string,
  args: string[],
  timeoutMs: number,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    // Own process group, so a timeout ends soffice.bin too, not just the wrapper script.
    const child = spawn(bin, args, {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' },
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    const timer = setTimeout(() => {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
      reject(new Error(`LibreOffice did not finish in ${timeoutMs} ms: ${bin} ${args.join(' ')}\n${output}`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

export interface RecalculateOptions {
  /** default 120 s */
  timeoutMs?: number;
}

/**
 * Writes the workbook, has LibreOffice load it (recalculating every formula; no cached values are written),
 * and returns every sheet's computed values. The result for each sheet covers at least the cells given and
 * the spill ranges, blanks as ''. One call is one LibreOffice run (about a second): batch the checks.
 * Set LIBREOFFICE_KEEP=1 to keep the written and recalculated files (their folder is printed).
 */
export async function recalculateInLibreOffice(
  workbook: Workbook,
  options: RecalculateOptions = {},
): Promise<Results> {
  const bin = findLibreOffice();
  if (!bin) throw new Error(missingMessage());
  const { xml, extents } = toFlatOds(workbook);
  const dir = mkdtempSync(path.join(tmpdir(), 'okr-lo-'));
  try {
    const profile = path.join(dir, 'profile');
    mkdirSync(path.join(profile, 'user'), { recursive: true });
    writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), PROFILE_SETTINGS);
    mkdirSync(path.join(dir, 'in'));
    const input = path.join(dir, 'in', 'workbook.fods');
    writeFileSync(input, xml);
    const outDir = path.join(dir, 'out');
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--convert-to',
      'fods:OpenDocument Spreadsheet Flat XML',
      '--outdir',
      outDir,
      input,
    ];
    const { code, output } = await runLibreOffice(bin, args, options.timeoutMs ?? 120_000);
    const result = path.join(outDir, 'workbook.fods');
    if (code !== 0 || !existsSync(result)) {
      throw new Error(`LibreOffice failed (exit ${code}): ${bin} ${args.join(' ')}\n${output}`);
    }
    const computed = parseFlatOds(readFileSync(result, 'utf8'));
    const out: Results = {};
    for (const [name, box] of Object.entries(extents)) {
      const grid = computed[name];
      if (!grid) throw new Error(`LibreOffice's result has no sheet "${name}"`);
      const width = grid.reduce((w, r) => Math.max(w, r.length), box.cols);
      out[name] = Array.from({ length: Math.max(box.rows, grid.length) }, (_, r) =>
        Array.from({ length: width }, (_, c) => grid[r]?.[c] ?? ''),
      );
    }
    return out;
  } finally {
    if (process.env.LIBREOFFICE_KEEP) console.warn(`LibreOffice files kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
