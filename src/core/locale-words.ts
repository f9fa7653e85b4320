// Month and weekday names, in the languages of the KPI tabs people keep, and the text folding that finds them
// as written (lower case, no accents, no trailing dot: `März`, `mars`, `févr.` and `dic`). English names come
// from values.ts. Used to read dates written as text (periods.ts) and to refuse a month as a number's unit.
import { MONTH_NAMES, WEEKDAY_NAMES } from './values';

const ACCENTS: Record<string, string> = {};
for (const [plain, marked] of [
  ['a', 'àáâãäåā'],
  ['c', 'çćč'],
  ['e', 'èéêëēě'],
  ['i', 'ìíîïī'],
  ['n', 'ñń'],
  ['o', 'òóôõöøō'],
  ['u', 'ùúûüū'],
  ['y', 'ýÿ'],
  ['s', 'šś'],
  ['z', 'žźż'],
  ['r', 'ř'],
  ['l', 'ł'],
] as const) {
  for (const ch of marked) ACCENTS[ch] = plain;
}

/** Lower case without accents (`Févr.` → `fevr.`); `ß` is kept, as German writes it. */
export function foldText(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) out += ACCENTS[ch] ?? ch;
  return out;
}

/** True when the text holds a control character other than tab and line breaks (NUL, escape…). */
export function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

const BIDI_MARKS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

/** The text without the invisible direction marks that right-to-left exports put around numbers and dates. */
export function withoutBidiMarks(text: string): string {
  return text.replace(BIDI_MARKS, '');
}

/** Each month's names and abbreviations, folded, per language (index 0 = January). */
const MONTH_WORDS: readonly string[][] = [
  // de, fr, es, it, pt, nl (English is added from values.ts below)
  ['januar', 'jan', 'janner', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'gen', 'janeiro', 'januari'],
  ['februar', 'feb', 'fevrier', 'fevr', 'fev', 'febrero', 'febbraio', 'fevereiro', 'februari'],
  ['marz', 'mar', 'mrz', 'mars', 'marzo', 'marco', 'maart', 'mrt'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile'],
  ['mai', 'may', 'mayo', 'maggio', 'mag', 'maio', 'mei'],
  ['juni', 'jun', 'juin', 'junio', 'giugno', 'giu', 'junho'],
  ['juli', 'jul', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'julho'],
  ['august', 'aug', 'aout', 'aou', 'agosto', 'ago', 'augustus'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'set', 'settembre', 'setembro'],
  ['oktober', 'okt', 'octobre', 'oct', 'octubre', 'ottobre', 'ott', 'outubro', 'out'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro'],
  ['dezember', 'dez', 'decembre', 'dec', 'diciembre', 'dic', 'dicembre', 'dezembro', 'december'],
];
const MONTHS = new Map<string, number>();
MONTH_NAMES.forEach((name, i) => {
  MONTHS.set(foldText(name), i + 1);
  MONTHS.set(foldText(name.slice(0, 3)), i + 1);
  for (const word of MONTH_WORDS[i]!) MONTHS.set(word, i + 1);
});
MONTHS.set('sept', 9);

/** Weekday names and abbreviations, folded (index 0 = Sunday, as in values.ts). */
const WEEKDAY_WORDS: readonly string[][] = [
  ['sonntag', 'so', 'dimanche', 'dim', 'domingo', 'dom', 'domenica', 'zondag', 'zo'],
  ['montag', 'mo', 'lundi', 'lun', 'lunes', 'lunedi', 'segunda', 'seg', 'maandag', 'ma'],
  ['dienstag', 'di', 'mardi', 'mar', 'martes', 'martedi', 'terca', 'ter', 'dinsdag'],
  ['mittwoch', 'mi', 'mercredi', 'mer', 'miercoles', 'mie', 'mercoledi', 'quarta', 'qua', 'woensdag', 'wo'],
  ['donnerstag', 'do', 'jeudi', 'jeu', 'jueves', 'jue', 'giovedi', 'gio', 'quinta', 'qui', 'donderdag'],
  ['freitag', 'fr', 'vendredi', 'ven', 'viernes', 'vie', 'venerdi', 'sexta', 'sex', 'vrijdag', 'vr'],
  ['samstag', 'sa', 'samedi', 'sam', 'sabado', 'sab', 'zaterdag', 'za'],
];
const WEEKDAYS = new Map<string, number[]>();
function addWeekday(word: string, index: number): void {
  const list = WEEKDAYS.get(word) ?? [];
  if (!list.includes(index)) list.push(index);
  WEEKDAYS.set(word, list);
}
WEEKDAY_NAMES.forEach((name, i) => {
  addWeekday(foldText(name), i);
  addWeekday(foldText(name.slice(0, 3)), i);
  for (const word of WEEKDAY_WORDS[i]!) addWeekday(word, i);
});
for (const [word, i] of [
  ['tues', 2],
  ['tue', 2],
  ['wed', 3],
  ['thu', 4],
  ['thur', 4],
  ['thurs', 4],
] as const) {
  addWeekday(word, i);
}

export function foldWord(word: string): string {
  return foldText(word.trim()).replace(/\.$/, '');
}

/** The month (1–12) a name or abbreviation stands for in any of the languages above, or undefined. */
export function monthOfName(word: string): number | undefined {
  return MONTHS.get(foldWord(word));
}

/**
 * The weekdays (0 = Sunday) a name or abbreviation may stand for: `mar` is Tuesday in French and Spanish,
 * so a caller checks a date against every one of them. Empty when it names no weekday.
 */
export function weekdaysOfName(word: string): readonly number[] {
  return WEEKDAYS.get(foldWord(word)) ?? [];
}

/** A month or weekday name (folded) in any of the languages above: never a number's unit (`3 Jan`). */
export function isMonthOrWeekday(word: string): boolean {
  const w = foldWord(word);
  return MONTHS.has(w) || WEEKDAYS.has(w);
}
