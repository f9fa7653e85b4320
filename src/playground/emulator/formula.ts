// Formula text as the user wrote it is the truth (getFormula returns it exactly); HyperFormula gets a rewritten
// copy. This module finds the references in a formula and rewrites them: open-ended ranges (F2:F) bounded to
// the sheet's current size, rows/columns shifted when rows or columns are inserted or deleted, sheet names
// changed on rename, relative references moved for conditional-format formulas.
import { columnLetter, columnNumber } from '../../core/a1';
import { quoteSheetName } from './a1';

export interface RefEnd {
  column?: number;
  row?: number;
  columnAbsolute: boolean;
  rowAbsolute: boolean;
}

export interface RefToken {
  kind: 'ref';
  /** The sheet name as written (unquoted), when the reference names one. */
  sheet?: string;
  start: RefEnd;
  end?: RefEnd;
}

/** Operators, function names, named ranges, numbers. */
export interface TextToken {
  kind: 'text';
  text: string;
}

/** A "string literal", quotes included. */
export interface StringToken {
  kind: 'string';
  text: string;
}

export type Token = RefToken | TextToken | StringToken;

const REF =
  /(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?[A-Za-z]{1,3}\$?\d+|\$?[A-Za-z]{1,3}|\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+|\$?[A-Za-z]{1,3}|\$?\d+))?/y;
const IDENT_CHAR = /[A-Za-z0-9_.$]/;
const AFTER_FORBIDDEN = /[A-Za-z0-9_.(!$]/;

function parseEnd(text: string): RefEnd | undefined {
  const cell = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/.exec(text);
  if (cell) {
    return {
      column: columnNumber(cell[2]!)!,
      row: Number(cell[4]),
      columnAbsolute: cell[1] === '$',
      rowAbsolute: cell[3] === '$',
    };
  }
  const col = /^(\$?)([A-Za-z]{1,3})$/.exec(text);
  if (col) return { column: columnNumber(col[2]!)!, columnAbsolute: col[1] === '$', rowAbsolute: false };
  const row = /^(\$?)(\d+)$/.exec(text);
  if (row) return { row: Number(row[2]), columnAbsolute: false, rowAbsolute: row[1] === '$' };
  return undefined;
}

const isCell = (e: RefEnd) => e.column !== undefined && e.row !== undefined;
const isCol = (e: RefEnd) => e.column !== undefined && e.row === undefined;
const isRow = (e: RefEnd) => e.column === undefined && e.row !== undefined;

function validPair(start: RefEnd, end: RefEnd | undefined): boolean {
  if (!end) return isCell(start);
  if (isCell(start)) return isCell(end) || isCol(end) || isRow(end);
  if (isCol(start)) return isCol(end);
  if (isRow(start)) return isRow(end);
  return false;
}

/** Splits a formula (with or without its leading `=`) into references and other text. */
export function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  let text = '';
  let i = 0;
  const flush = () => {
    if (text) tokens.push({ kind: 'text', text });
    text = '';
  };
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"') {
      // string literal, "" escapes a quote
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      flush();
      tokens.push({ kind: 'string', text: formula.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? formula[i - 1]! : '';
    if (!IDENT_CHAR.test(prev) && prev !== "'") {
      REF.lastIndex = i;
      const m = REF.exec(formula);
      if (m && m[0].length > 0) {
        const after = formula[i + m[0].length] ?? '';
        const start = parseEnd(m[2]!);
        const end = m[3] ? parseEnd(m[3]) : undefined;
        if (!AFTER_FORBIDDEN.test(after) && start && (!m[3] || end) && validPair(start, end)) {
          flush();
          const rawSheet = m[1];
          const sheet = rawSheet?.startsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
          tokens.push({ kind: 'ref', sheet, start, end });
          i += m[0].length;
          continue;
        }
      }
    }
    text += ch;
    i++;
  }
  flush();
  return tokens;
}

function renderEnd(e: RefEnd): string {
  // A relative reference moved left of column A (a conditional format's formula evaluated for a range left of
  // its first range) has no letters and is written without them; Sheets would show #REF! (not modelled).
  const letters = e.column === undefined || e.column < 1 ? '' : columnLetter(e.column);
  const col = e.column === undefined ? '' : `${e.columnAbsolute ? '$' : ''}${letters}`;
  const row = e.row === undefined ? '' : `${e.rowAbsolute ? '$' : ''}${e.row}`;
  return col + row;
}

export function renderRef(t: RefToken): string {
  const sheet = t.sheet === undefined ? '' : `${quoteSheetName(t.sheet)}!`;
  return sheet + renderEnd(t.start) + (t.end ? `:${renderEnd(t.end)}` : '');
}

export function render(tokens: Token[]): string {
  return tokens.map((t) => (t.kind === 'ref' ? renderRef(t) : t.text)).join('');
}

/** True when a reference's extent depends on the sheet's size (F2:F, F:F, 2:2, A2:2). */
export function isOpenEnded(t: RefToken): boolean {
  return !!t.end && (t.end.row === undefined || t.end.column === undefined || t.start.row === undefined);
}

export interface SheetBounds {
  maxRows: number;
  maxColumns: number;
}

/**
 * The formula HyperFormula evaluates: open-ended ranges bounded by the current size of the sheet they name
 * (`bounds(undefined)` is the formula's own sheet). A sheet that does not exist yet keeps Sheets' default
 * 1000 × 26 until it appears; the workbook rewrites again when it does.
 */
export function toEngine(
  tokens: Token[],
  bounds: (sheet: string | undefined) => SheetBounds | undefined,
): string {
  return arrayLiteralsToStacks(boundRanges(tokens, bounds));
}

function boundRanges(
  tokens: Token[],
  bounds: (sheet: string | undefined) => SheetBounds | undefined,
): string {
  return tokens
    .map((t) => {
      if (t.kind === 'string') return t.text;
      // Sheets reads bare TRUE and FALSE as booleans; HyperFormula knows only the functions TRUE() and FALSE().
      if (t.kind === 'text')
        return t.text.replace(/(^|[^A-Za-z0-9_.])(TRUE|FALSE)(?![A-Za-z0-9_.(!]|\s*\()/gi, '$1$2()');
      if (!isOpenEnded(t)) return renderRef(t);
      const b = bounds(t.sheet) ?? { maxRows: 1000, maxColumns: 26 };
      const start: RefEnd = { ...t.start };
      const end: RefEnd = { ...t.end! };
      if (start.row === undefined && start.column !== undefined) start.row = 1;
      if (start.column === undefined && start.row !== undefined) start.column = 1;
      if (end.row === undefined) end.row = b.maxRows;
      if (end.column === undefined) end.column = b.maxColumns;
      return renderRef({ kind: 'ref', sheet: t.sheet, start, end });
    })
    .join('');
}

export interface Shift {
  /** The sheet whose rows or columns change. */
  sheet: string;
  dimension: 'row' | 'column';
  /** 1-based first row/column affected. */
  at: number;
  /** Positive: that many inserted before `at`. Negative: that many deleted from `at`. */
  count: number;
}

const sameSheet = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function shiftIndex(i: number, s: Shift): number {
  return i >= s.at ? i + s.count : i;
}

/**
 * Applies an insertion or deletion of rows/columns to the references of a formula living on `formulaSheet`.
 * Returns the new tokens and whether anything changed. References to deleted cells become #REF!.
 */
export function shiftTokens(
  tokens: Token[],
  formulaSheet: string,
  s: Shift,
): { tokens: Token[]; changed: boolean } {
  let changed = false;
  const out: Token[] = tokens.map((t): Token => {
    if (t.kind !== 'ref') return t;
    const target = t.sheet ?? formulaSheet;
    if (!sameSheet(target, s.sheet)) return t;
    const key = s.dimension === 'row' ? 'row' : 'column';
    const a = t.start[key];
    const b = t.end ? t.end[key] : a;
    if (a === undefined) return t; // whole columns (for row shifts) or whole rows (for column shifts)
    if (s.count > 0) {
      const na = shiftIndex(a, s);
      const nb = b === undefined ? undefined : shiftIndex(b, s);
      if (na === a && nb === b) return t;
      changed = true;
      return {
        ...t,
        start: { ...t.start, [key]: na },
        end: t.end ? { ...t.end, [key]: nb } : undefined,
      };
    }
    const from = s.at;
    const n = -s.count;
    const to = from + n - 1; // deleted: from..to
    const endValue = b ?? Number.POSITIVE_INFINITY;
    const na = a < from ? a : a > to ? a - n : from;
    const nb = endValue < from ? endValue : endValue > to ? endValue - n : from - 1;
    if (nb < na) {
      changed = true;
      return { kind: 'text', text: '#REF!' };
    }
    if (na === a && (b === undefined || nb === b)) return t;
    changed = true;
    return {
      ...t,
      start: { ...t.start, [key]: na },
      end: t.end ? { ...t.end, [key]: b === undefined ? undefined : nb } : undefined,
    };
  });
  return { tokens: out, changed };
}

/** Renames a sheet in every reference that names it. */
export function renameInTokens(
  tokens: Token[],
  from: string,
  to: string,
): { tokens: Token[]; changed: boolean } {
  let changed = false;
  const out = tokens.map((t): Token => {
    if (t.kind === 'ref' && t.sheet !== undefined && sameSheet(t.sheet, from)) {
      changed = true;
      return { ...t, sheet: to };
    }
    return t;
  });
  return { tokens: out, changed };
}

/** References to a deleted sheet become #REF!, as Sheets rewrites them. */
export function dropSheetInTokens(tokens: Token[], name: string): { tokens: Token[]; changed: boolean } {
  let changed = false;
  const out = tokens.map((t): Token => {
    if (t.kind === 'ref' && t.sheet !== undefined && sameSheet(t.sheet, name)) {
      changed = true;
      return { kind: 'text', text: '#REF!' };
    }
    return t;
  });
  return { tokens: out, changed };
}

/** Moves the relative parts of every reference by (rows, columns): a conditional-format formula per cell. */
export function offsetRelative(tokens: Token[], rows: number, columns: number): Token[] {
  const move = (e: RefEnd): RefEnd => ({
    ...e,
    row: e.row === undefined || e.rowAbsolute ? e.row : e.row + rows,
    column: e.column === undefined || e.columnAbsolute ? e.column : e.column + columns,
  });
  return tokens.map((t) =>
    t.kind !== 'ref' ? t : { ...t, start: move(t.start), end: t.end && move(t.end) },
  );
}

/** The sheet names a formula refers to (for re-resolving when sheets appear or grow). */
export function referencedSheets(tokens: Token[]): string[] {
  const names: string[] = [];
  for (const t of tokens) if (t.kind === 'ref' && t.sheet !== undefined) names.push(t.sheet);
  return names;
}

/**
 * Sheets' array literals `{a;b}` (rows) and `{a,b}` (columns) hold any expression: `={"Score";OKR_SCORE(F2:F,…)}`
 * shows a header above a computed column. HyperFormula evaluates array literals once, when the formula is
 * entered, and does not recalculate them when the cells they read change; VSTACK and HSTACK mean the same and
 * are recalculated. So the engine gets `VSTACK("Score",OKR_SCORE(…))`; getFormula still returns what was written.
 */
export function arrayLiteralsToStacks(formula: string): string {
  if (!formula.includes('{')) return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"') {
      const end = stringEnd(formula, i);
      out += formula.slice(i, end);
      i = end;
    } else if (ch === '{') {
      const end = matching(formula, i);
      out += stackOf(formula.slice(i + 1, end));
      i = end + 1;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** Index just past the string literal starting at `start` (doubled quotes are part of it). */
function stringEnd(s: string, start: number): number {
  let i = start + 1;
  while (i < s.length) {
    if (s[i] === '"') {
      if (s[i + 1] === '"') i += 2;
      else return i + 1;
    } else i++;
  }
  return s.length;
}

/** Index of the `}` closing the `{` at `start`. */
function matching(s: string, start: number): number {
  let depth = 0;
  for (let i = start; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"') i = stringEnd(s, i) - 1;
    else if (ch === '{' || ch === '(') depth++;
    else if (ch === '}' || ch === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  throw new Error(`formula parse error: unclosed { in ${s}`);
}

/** Splits on a separator at the top level (outside strings, parentheses and braces). */
function splitTop(s: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"') i = stringEnd(s, i) - 1;
    else if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') depth--;
    else if (ch === sep && depth === 0) {
      parts.push(s.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(s.slice(from));
  return parts;
}

function stackOf(body: string): string {
  const rows = splitTop(body, ';').map((row) => {
    const cells = splitTop(row, ',').map((c) => arrayLiteralsToStacks(c.trim()));
    return cells.length === 1 ? cells[0]! : `HSTACK(${cells.join(',')})`;
  });
  return rows.length === 1 ? rows[0]! : `VSTACK(${rows.join(',')})`;
}
