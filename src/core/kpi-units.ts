// The unit a KPI's numbers propose, from what a person sees: the cells' number format, the `%`, currency or
// unit word the numbers are written with, the unit the header names (`(h)`, `[MWh]`, `in €`), and percent
// words over fractions (`Churn rate` over 0.05). Units themselves (kinds, labels, formats) are units.ts.
import type { NumberReading } from './kpi-cells';
import { unitOfHeader } from './kpi-words';
import { readUnit, type Unit, type UnitChoice, unitChoice, unitOfFormat } from './units';

export interface ProposedUnit {
  choice: UnitChoice;
  /** the unit as a cell holds it (`€`, `CHF`, `h`, `MWh`, `%`); absent for a count or a plain number */
  text?: string;
  /** the header names `%` over numbers above 1: percentages written as plain numbers (3.2 for 3.2 %) */
  percentPoints?: boolean;
}

const MONEY_WORDS =
  /\b(mrr|arr|revenue|revenues|sales|cost|costs|spend|cac|ltv|arpu|budget|burn|income|profit)\b/i;
const TIME_UNITS: ReadonlyArray<[RegExp, string]> = [
  [/\b(hours?|hrs?|stunden|heures|horas|ore|uren)\b/i, 'h'],
  [/\b(minutes?|mins?|minuten|minutos|minuti)\b/i, 'min'],
  [/\b(seconds?|secs?|sekunden|secondes|segundos|secondi)\b/i, 's'],
];
const PERCENT_WORDS =
  /(^|[^a-z])(rate|ratio|share|percent|percentage|pct|churn|conversion|retention|margin|adoption|uptime|quote|quota|anteil|taux|tasa|taxa|tasso)([^a-z]|$)/i;

function of(unit: Unit): ProposedUnit {
  const choice = unitChoice(unit);
  return unit.text && unit.kind !== 'percent' ? { choice, text: unit.text } : { choice };
}

/** The unit a column (or row) of numbers proposes; `subject` is its header with the tab's name when it says little. */
export function proposeUnit(subject: string, numbers: NumberReading, format?: string): ProposedUnit {
  const shown = format ? readUnit(unitOfFormat(format)) : undefined;
  if (shown?.text) return of(shown);
  if (numbers.percent) return { choice: '%' };
  const written = numbers.currency ?? numbers.label;
  const typed = written ? readUnit(written) : undefined;
  if (typed?.text) return of(typed);
  const present = numbers.values.filter((n): n is number => n !== undefined);
  const named = unitOfHeader(subject, (t) => Boolean(readUnit(t)?.text));
  // under a `%` header, numbers written without `%` are percentages as a person writes them (2.3 for 2.3 %)
  if (named === '%') return { choice: 'number', percentPoints: true };
  if (named) {
    const u = readUnit(named);
    if (u?.text) return of(u);
  }
  const fractions = present.length > 0 && present.every((n) => Math.abs(n) <= 1);
  if (fractions && PERCENT_WORDS.test(subject)) return { choice: '%' };
  if (MONEY_WORDS.test(subject)) return { choice: 'currency' };
  for (const [words, unit] of TIME_UNITS) if (words.test(subject)) return { choice: 'duration', text: unit };
  if (present.length > 0 && present.every((n) => Number.isInteger(n))) return { choice: 'count' };
  return { choice: 'number' };
}
