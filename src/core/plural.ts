// Counted words, written once: "1 key result", "3 key results", "key result O1.1", "key results O1.1, O1.2".
// English only, like every message of the add-on.

/** The word for `n` of it: `word` for one, `many` (default: word + "s") otherwise. */
export function pluralWord(n: number, word: string, many = `${word}s`): string {
  return n === 1 ? word : many;
}

/** `n` and its word: "1 key result", "0 key results", "2 entries" (with many = "entries"). */
export function plural(n: number, word: string, many?: string): string {
  return `${n} ${pluralWord(n, word, many)}`;
}
