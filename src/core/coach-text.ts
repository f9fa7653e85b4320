// How the coach reads a title: its words sorted by the word lists of core/coach-words.ts (a phrase of several
// words is matched whole, the longest first), its numbers (`8%`, `$1.2M`, `10,000`; a year, a version `v2` or a
// quarter `Q3` is no number), a "from 8% to 5%", and what they add up to: a task, a change, a number to keep,
// a bare metric. Pure and language-driven: nothing here knows an English word.
import { COACH_WORDS, type CoachLanguage, type CoachWords, type Phrase } from './coach-words';
import { foldText } from './locale-words';

type WordClass =
  | 'threshold'
  | 'keep'
  | 'from'
  | 'to'
  | 'task'
  | 'up'
  | 'down'
  | 'change'
  | 'comparison'
  | 'metric'
  | 'filler'
  | 'numberWord'
  | 'rank'
  | 'other';

interface Token {
  kind: 'word' | 'number' | 'symbol';
  /** folded text */
  text: string;
  /** a number's value, scaled by its suffix (`2k` → 2000); a percent stays as written (`8%` → 8) */
  value?: number;
  /** a number written with %, a currency, a scale (k, M, bn) or a multiplier (3x) */
  marked?: boolean;
  /** a whole number from 1900 to 2100 written bare: a year */
  year?: boolean;
}

interface Classified {
  cls: WordClass;
  /** the phrase as written in the word list */
  phrase: string;
  /** index of the first token it covers */
  at: number;
  /** tokens covered */
  length: number;
}

/** What a title says, as the rules ask it. */
export interface TitleReading {
  /** no word and no number */
  blank: boolean;
  /** the first meaningful word names a piece of work, or the title ends saying the work is done */
  task: boolean;
  /** a number that is not a year, a version or a rank, or a number written as a word */
  hasNumber: boolean;
  /** an amount: a number with %, a currency, a scale or a multiplier, or one of 10 or more */
  hasAmount: boolean;
  /** "from A to B" (or "A → B") with its two numbers */
  fromTo?: { from: number; to: number };
  /** which way the title's words move its number; undefined when they do not say, or say both */
  direction?: { way: 'up' | 'down'; word: string };
  /** a word of change (up, down or neutral), or a "from A to B" with A ≠ B */
  change: boolean;
  /** a keep word opens the title, or is followed by a threshold or by "at" and a number */
  keep: boolean;
  /** a floor or a ceiling (`at least`, `below`, `≥`) */
  threshold: boolean;
  /** every word is a metric word or a filler (thresholds aside), and one at least is a metric */
  metricOnly: boolean;
  /** every word is a metric, direction, change or filler word, and one at least is a metric */
  metricPhrase: boolean;
}

interface Lexicon {
  words: CoachWords;
  /** phrase (tokens joined by one space) → class */
  classes: Map<string, WordClass>;
  done: Set<string>;
  longest: number;
}

// Classes in order of precedence when one phrase is in two lists (`at least` is a threshold, not `at` + …).
const LISTS: ReadonlyArray<[WordClass, (w: CoachWords) => readonly Phrase[]]> = [
  ['threshold', (w) => w.thresholds],
  ['keep', (w) => w.keepWords],
  ['from', (w) => w.from],
  ['to', (w) => w.to],
  ['task', (w) => w.taskVerbs],
  ['up', (w) => w.upWords],
  ['down', (w) => w.downWords],
  ['change', (w) => w.changeWords],
  ['comparison', (w) => w.comparisonWords],
  ['metric', (w) => w.metrics],
  ['numberWord', (w) => w.numberWords],
  ['rank', (w) => w.rankWords],
  ['filler', (w) => w.fillers],
];

const lexicons = new Map<CoachLanguage, Lexicon>();

function lexicon(language: CoachLanguage): Lexicon {
  const known = lexicons.get(language);
  if (known) return known;
  const words = COACH_WORDS[language];
  const classes = new Map<string, WordClass>();
  let longest = 1;
  for (const [cls, list] of LISTS) {
    for (const phrase of list(words)) {
      const key = tokenize(phrase, words)
        .map((t) => t.text)
        .join(' ');
      if (!classes.has(key)) classes.set(key, cls);
      longest = Math.max(longest, key.split(' ').length);
    }
  }
  const done = new Set(
    words.doneWords.map((p) =>
      tokenize(p, words)
        .map((t) => t.text)
        .join(' '),
    ),
  );
  const made = { words, classes, done, longest };
  lexicons.set(language, made);
  return made;
}

const TOKEN =
  /([$€£¥]?)(\d+(?:[.,]\d+)*)(\s?%|(?:k|m|mm|bn|b|x)(?![\p{L}\d]))?|([\p{L}][\p{L}\d]*(?:['’][\p{L}]+)*)|(>=|<=|->|[<>≥≤→#])/gu;

/** The tokens of a text, folded: words, numbers and the symbols the word lists may name. */
function tokenize(text: string, words: CoachWords): Token[] {
  const out: Token[] = [];
  const folded = foldText(text);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(folded); m; m = TOKEN.exec(folded)) {
    if (m[4] !== undefined) out.push({ kind: 'word', text: m[4] });
    else if (m[5] !== undefined) out.push({ kind: 'symbol', text: m[5] });
    else out.push(numberToken(m[1] ?? '', m[2]!, (m[3] ?? '').trim(), words));
  }
  return out;
}

const SCALES: Record<string, number> = { k: 1e3, m: 1e6, mm: 1e6, b: 1e9, bn: 1e9 };

function numberToken(currency: string, digits: string, suffix: string, words: CoachWords): Token {
  const group = words.decimalMark === '.' ? ',' : '.';
  let plain = digits.split(group).join('');
  if (words.decimalMark === ',') plain = plain.replace(',', '.');
  const n = Number(plain);
  const value = Number.isFinite(n) ? n * (SCALES[suffix] ?? 1) : 0;
  const marked = currency !== '' || suffix !== '';
  const year = !marked && /^\d{4}$/.test(digits) && n >= 1900 && n <= 2100;
  return { kind: 'number', text: digits, value, marked, year };
}

/** Sorts a title's words into classes, longest phrase first, left to right. */
function classify(tokens: readonly Token[], lex: Lexicon): Classified[] {
  const out: Classified[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.kind === 'number') {
      i++;
      continue;
    }
    let found: Classified | undefined;
    for (let n = Math.min(lex.longest, tokens.length - i); n >= 1 && !found; n--) {
      const span = tokens.slice(i, i + n);
      if (span.some((s) => s.kind === 'number')) continue;
      const phrase = span.map((s) => s.text).join(' ');
      const cls = lex.classes.get(phrase);
      if (cls) found = { cls, phrase, at: i, length: n };
    }
    const one: Classified = found ?? {
      cls: t.kind === 'symbol' ? 'filler' : 'other',
      phrase: t.text,
      at: i,
      length: 1,
    };
    out.push(one);
    i += one.length;
  }
  return out;
}

/** Reads a title in a language. Never throws: any text reads as something, a blank title as blank. */
export function readTitle(title: string, language: CoachLanguage = 'en'): TitleReading {
  const lex = lexicon(language);
  const tokens = tokenize(title, lex.words);
  // an up, down or change word before a comparison sets a ceiling or a floor (`lower than 3%`): a threshold
  const words = classify(tokens, lex).map((w, i, all) =>
    all[i + 1]?.cls === 'comparison' && (w.cls === 'up' || w.cls === 'down' || w.cls === 'change')
      ? { ...w, cls: 'threshold' as const }
      : w.cls === 'comparison'
        ? { ...w, cls: 'filler' as const }
        : w,
  );
  const numbers = tokens.filter((t) => t.kind === 'number' && !t.year);
  const before = (t: Token) => tokens[tokens.indexOf(t) - 1];
  const isRank = (t: Token) => {
    const p = before(t);
    return p !== undefined && lex.classes.get(p.text) === 'rank';
  };
  const amounts = numbers.filter((t) => !isRank(t) && (t.marked || (t.value ?? 0) >= 10));
  const fromTo = readFromTo(tokens, words);
  const meaningful = words.filter((w) => w.cls !== 'filler');
  const first = meaningful[0];
  const lastPhrases = [1, 2].map((n) =>
    tokens
      .slice(-n)
      .map((t) => t.text)
      .join(' '),
  );
  const has = (cls: WordClass) => words.some((w) => w.cls === cls);
  const metricWords = has('metric');
  const only = (allowed: readonly WordClass[]) =>
    metricWords && words.every((w) => w.cls === 'metric' || allowed.includes(w.cls));
  return {
    blank: tokens.length === 0,
    task:
      first?.cls === 'task' ||
      (tokens[tokens.length - 1]?.kind === 'word' && lastPhrases.some((p) => lex.done.has(p))),
    hasNumber: numbers.length > 0 || has('numberWord'),
    hasAmount: amounts.length > 0,
    ...(fromTo ? { fromTo } : {}),
    ...directionOf(words),
    change: has('up') || has('down') || has('change') || (fromTo !== undefined && fromTo.from !== fromTo.to),
    keep: readKeep(words, tokens, first),
    threshold: has('threshold'),
    metricOnly: only(['filler', 'threshold']),
    metricPhrase: only(['filler', 'up', 'down', 'change']),
  };
}

/** "from A to B", with a few words allowed around the numbers ("from 35 NPS to 50"), or "A → B". */
function readFromTo(tokens: readonly Token[], words: readonly Classified[]): TitleReading['fromTo'] {
  const clsAt = new Map<number, WordClass>();
  for (const w of words) clsAt.set(w.at, w.cls);
  const numberAfter = (start: number, stop: (i: number) => boolean): number | undefined => {
    for (let i = start; i < Math.min(tokens.length, start + 3); i++) {
      if (tokens[i]!.kind === 'number') return i;
      if (stop(i)) return undefined;
    }
    return undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    const isFrom = clsAt.get(i) === 'from';
    const isArrow = tokens[i]!.text === '→' || tokens[i]!.text === '->';
    if (!isFrom && !isArrow) continue;
    if (isArrow) {
      const a = tokens[i - 1];
      const b = tokens[i + 1];
      if (a?.kind === 'number' && b?.kind === 'number') return { from: a.value!, to: b.value! };
      continue;
    }
    const a = numberAfter(i + 1, () => false);
    if (a === undefined) continue;
    for (let j = a + 1; j < Math.min(tokens.length, a + 4); j++) {
      const isTo = clsAt.get(j) === 'to' || tokens[j]!.text === '→' || tokens[j]!.text === '->';
      if (!isTo) continue;
      const b = numberAfter(j + 1, () => false);
      if (b !== undefined) return { from: tokens[a]!.value!, to: tokens[b]!.value! };
    }
  }
  return undefined;
}

/** The way the words move the number: the up or down words, unless both appear. */
function directionOf(words: readonly Classified[]): Pick<TitleReading, 'direction'> {
  const moving = words.filter((w) => w.cls === 'up' || w.cls === 'down');
  const ways = new Set(moving.map((w) => w.cls));
  if (ways.size !== 1) return {};
  const w = moving[0]!;
  return { direction: { way: w.cls as 'up' | 'down', word: w.phrase } };
}

/** A keep word opening the title, or followed by a threshold, or by "at" (a filler) and a number. */
function readKeep(words: readonly Classified[], tokens: readonly Token[], first?: Classified): boolean {
  if (first?.cls === 'keep') return true;
  return words.some((w, i) => {
    if (w.cls !== 'keep') return false;
    const next = words[i + 1];
    if (next?.cls === 'threshold') return true;
    const after = next ? next.at + next.length : w.at + w.length;
    return next?.cls === 'filler' && tokens[after]?.kind === 'number';
  });
}

/** A text's words and numbers as `mentions` compares them: folded, `churn_rate` as two words. */
export function wordsOf(text: string, language: CoachLanguage = 'en'): string[] {
  return tokenize(text.replace(/_/g, ' '), COACH_WORDS[language]).map((t) => t.text);
}

/** Texts (each its wordsOf) as one string `mentions` searches: each word between spaces, one text a line. */
export function searchable(texts: readonly (readonly string[])[]): string {
  return texts.map((t) => ` ${t.join(' ')} `).join('\n');
}

/** Whether searchable texts hold a name (its wordsOf) as whole words: `churn rate` in "reduce churn rate…". */
export function mentions(texts: string, name: readonly string[]): boolean {
  return name.length > 0 && texts.includes(` ${name.join(' ')} `);
}
