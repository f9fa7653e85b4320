// A1 notation as formulas and messages write it: column letters, quoted sheet names, open-ended column ranges.
// The one home of column-letter conversion (the emulator and the playground page use it too).

/** 1 → A, 26 → Z, 27 → AA. */
export function columnLetter(index1: number): string {
  if (!Number.isInteger(index1) || index1 < 1)
    throw new RangeError(`column ${index1} is not a column number`);
  let n = index1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A → 1, Z → 26, AA → 27; undefined when the text is not a column letter. */
export function columnNumber(letters: string): number | undefined {
  const s = letters.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(s)) return undefined;
  let n = 0;
  for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A sheet name as it must appear in a formula: always quoted, quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** An open-ended column range from row 2 down, e.g. `'2027-Q1 Key Results'!L2:L`. */
export function columnFrom2(sheet: string | undefined, index0: number): string {
  const letter = columnLetter(index0 + 1);
  return `${sheet ? `${quoteSheet(sheet)}!` : ''}${letter}2:${letter}`;
}
