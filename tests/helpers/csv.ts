// A small RFC 4180 CSV reader for the real-tab fixtures: quoted fields, doubled quotes, line breaks inside
// quotes, CRLF/LF/CR line ends, a UTF-8 byte-order mark, and the delimiter (comma, semicolon or tab) sniffed
// from the first lines. Returns rows of strings exactly as written; it interprets no value. No dependency.

export type Delimiter = ',' | ';' | '\t';

export interface CsvTable {
  delimiter: Delimiter;
  rows: string[][];
}

const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];
const SNIFF_LINES = 20;

/** Splits text into records with the given delimiter. A final line break does not make an empty record. */
export function parseCsv(text: string, delimiter: Delimiter): string[][] {
  const src = text.startsWith('\ufeff') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < src.length) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === delimiter) {
      endField();
      i++;
    } else if (ch === '\r') {
      endRow();
      i += src[i + 1] === '\n' ? 2 : 1;
    } else if (ch === '\n') {
      endRow();
      i++;
    } else {
      field += ch;
      i++;
    }
  }
  if (quoted) throw new Error('csv: a quoted field is not closed before the end of the text');
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** How often `delimiter` occurs outside quotes on each of the first lines (empty lines skipped). */
function countsPerLine(text: string, delimiter: Delimiter): number[] {
  const counts: number[] = [];
  let quoted = false;
  let n = 0;
  let chars = 0;
  for (let i = 0; i < text.length && counts.length < SNIFF_LINES; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === delimiter) n++;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (chars > 0) counts.push(n);
      n = 0;
      chars = 0;
      continue;
    }
    chars++;
  }
  if (chars > 0 && counts.length < SNIFF_LINES) counts.push(n);
  return counts;
}

/**
 * The delimiter the first lines agree on: for each candidate, the count per line that occurs most often
 * (ignoring lines without it) and on how many lines; the candidate present on most lines wins, then the one
 * with more fields. Title lines above a table have no delimiter and do not vote.
 */
export function sniffDelimiter(text: string): Delimiter {
  let best: { d: Delimiter; lines: number; count: number } | undefined;
  for (const d of DELIMITERS) {
    const counts = countsPerLine(text, d).filter((c) => c > 0);
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
    let modal = 0;
    let lines = 0;
    for (const [c, f] of freq) if (f > lines || (f === lines && c > modal)) [modal, lines] = [c, f];
    if (!best || lines > best.lines || (lines === best.lines && modal > best.count)) {
      best = { d, lines, count: modal };
    }
  }
  return best?.d ?? ',';
}

/** Reads a CSV/TSV text: sniffs the delimiter, then parses. */
export function readCsv(text: string): CsvTable {
  const delimiter = sniffDelimiter(text.startsWith('\ufeff') ? text.slice(1) : text);
  return { delimiter, rows: parseCsv(text, delimiter) };
}
