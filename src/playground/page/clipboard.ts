// Cells on the clipboard as text, the way spreadsheets exchange them: rows on lines, cells separated by tabs, a
// cell holding a tab, a line break or a leading quote written in double quotes ("" for a quote inside).

/** Clipboard text as rows of cells. A final line break ends the last row rather than starting an empty one. */
export function parseClipboard(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const t = text.replace(/\r\n?/g, '\n');
  while (i < t.length) {
    const ch = t[i]!;
    if (ch === '"' && cell === '') {
      // a quoted cell runs to the next lone quote
      let j = i + 1;
      let quoted = '';
      while (j < t.length) {
        if (t[j] === '"' && t[j + 1] === '"') {
          quoted += '"';
          j += 2;
        } else if (t[j] === '"') break;
        else quoted += t[j++];
      }
      if (j < t.length && (t[j + 1] === undefined || t[j + 1] === '\t' || t[j + 1] === '\n')) {
        cell = quoted;
        i = j + 1;
        continue;
      }
      // not a well-formed quoted cell: the quote is text
    }
    if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
    i++;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Rows of cells as clipboard text. */
export function formatClipboard(rows: string[][]): string {
  const quote = (c: string) => (/[\t\n"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map(quote).join('\t')).join('\n');
}
