// Reads the real-tab corpus (tests/fixtures/real-tabs) with today's detector and compares what it proposes with
// what a person reads off each file (answers.json): header row, date column, KPI columns, unit, direction,
// cadence and the latest value the add-on would show. Prints one block per file and a final
// `real tabs read right: N/M` line with the kinds of misses. Detector misses are findings, not failures; the
// script exits non-zero only when the corpus itself is inconsistent (a fixture without an answer or a source
// line, an answer naming a column the file does not have, a delimiter the CSV reader does not agree on).
//
// Cells reach the detector as the text the file holds (what a tab shows after pasting the file, or after an
// import that converts nothing); Sheets' own locale-dependent conversion on import is not emulated. Every tab is
// called "Sheet1": the detector reads words of the tab's name when a header says nothing, and the fixtures'
// file names are ours, not their authors'.
//
// Run: node scripts/run-ts.mjs scripts/real-tabs.ts [file-name-filter]

import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type Detection,
  detectTable,
  SAMPLE_HEAD_ROWS,
  SAMPLE_TAIL_ROWS,
  type TabSample,
} from '../src/core/kpi-detect';
import { lastValue } from '../src/core/kpi-health';
import { readNumber } from '../src/core/values';
import { type Answer, columnOf, loadCorpus, rowOf } from '../tests/fixtures/real-tabs/corpus';
import { readCsv } from '../tests/helpers/csv';

/** The kinds of misses, in the order the summary lists them. */
const KINDS = {
  wide: 'wide table (periods across the columns) read as columns',
  header: 'header row',
  date: 'date column',
  dateSplit: 'date written over two columns (year + month/week, date + hour)',
  kpiMissing: 'KPI column not proposed',
  notKpi: 'period/ID/denominator column proposed as a KPI',
  unit: 'unit',
  direction: 'higher/lower is better',
  ask: 'guessed a direction where a person would ask',
  cadence: 'cadence',
  order: 'newest-first order',
  latest: 'latest value',
} as const;
type Kind = keyof typeof KINDS;

interface Miss {
  kind: Kind;
  what: string;
}

// run-ts.mjs bundles this file elsewhere and sets argv[1] to this file's own path
const root = path.resolve(path.dirname(process.argv[1] ?? '.'), '..');
const filter = process.argv[2];
const { dir, answers, sources, fixtures } = loadCorpus(path.join(root, 'tests/fixtures/real-tabs'));

const problems: string[] = [];
for (const f of fixtures) {
  if (!answers.some((a) => a.file === f)) problems.push(`${f}: no entry in answers.json`);
  if (!sources.includes(f)) problems.push(`${f}: not listed in SOURCES.md`);
}
for (const a of answers)
  if (!fixtures.includes(a.file)) problems.push(`answers.json: ${a.file} is not a fixture`);

const letter = (i: number) => {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? JSON.stringify(v) : String(v));

/** The sample the server would read of a tab holding these rows: the first rows and the last rows. */
function sampleOf(name: string, rows: string[][]): TabSample {
  let lastRow = 0;
  let lastColumn = 0;
  rows.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v.trim() !== '') {
        lastRow = r + 1;
        lastColumn = Math.max(lastColumn, c + 1);
      }
    });
  });
  const grid = rows
    .slice(0, lastRow)
    .map((row) => Array.from({ length: lastColumn }, (_, c) => row[c] ?? ''));
  const head = grid.slice(0, SAMPLE_HEAD_ROWS);
  const tailStart = Math.max(head.length, lastRow - SAMPLE_TAIL_ROWS);
  return { name, head, tail: grid.slice(tailStart), tailStart: tailStart + 1, lastRow, lastColumn };
}

/** The detector's units for a person's unit. */
function unitsFor(unit: string): string[] {
  if (unit === '%') return ['%'];
  if (/^[$€£¥]$|\b(USD|EUR|GBP|JPY|ISK)\b/.test(unit)) return ['currency'];
  if (/^(h|min|s|duration)$/.test(unit)) return ['duration'];
  return ['count', 'number'];
}

/** Equal as a reader would compare a latest value: numbers to 9 significant digits. */
function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function judge(a: Answer, rows: string[][], det: Detection): Miss[] {
  const misses: Miss[] = [];
  const headerRows = a.headerRows ?? [a.headerRow];
  if (a.orientation === 'wide') {
    for (const k of a.kpis) {
      if (rowOf(k.column, rows) === undefined) problems.push(`${a.file}: no row labelled ${show(k.column)}`);
    }
    misses.push({
      kind: 'wide',
      what: `${a.kpis.length} KPIs are rows (${a.kpis.map((k) => show(k.column)).join(', ')}); the detector proposes columns ${det.valueColumns.map(letter).join(', ') || 'none'}`,
    });
    return misses;
  }
  const headerOk = a.headerRow === 0 ? det.headerRow === 0 : headerRows.includes(det.headerRow);
  if (!headerOk) {
    misses.push({ kind: 'header', what: `row ${det.headerRow} instead of ${headerRows.join(' or ')}` });
  }
  const dc = det.dateColumn;
  if (a.dateColumn === null) {
    if (dc !== undefined) misses.push({ kind: 'date', what: `proposes ${letter(dc)} where there is none` });
  } else if (typeof a.dateColumn === 'string') {
    const want = columnOf(a.dateColumn, rows, headerRows);
    if (want === undefined) problems.push(`${a.file}: no date column ${show(a.dateColumn)}`);
    else if (dc !== want) {
      misses.push({
        kind: 'date',
        what: `${dc === undefined ? 'none' : letter(dc)} instead of ${letter(want)} (${show(a.dateColumn)}, ${a.dateFormat})`,
      });
    }
  } else {
    const parts = Object.values(a.dateColumn);
    for (const p of parts) {
      if (columnOf(p, rows, headerRows) === undefined) problems.push(`${a.file}: no date column ${show(p)}`);
    }
    misses.push({
      kind: 'dateSplit',
      what: `the date is ${parts.map(show).join(' + ')}; the detector proposes ${dc === undefined ? 'no date column' : letter(dc)}`,
    });
  }
  const proposed = new Set(det.valueColumns.filter((i) => !det.columns[i]?.period));
  for (const name of a.notKpis) {
    const i = columnOf(name, rows, headerRows);
    if (i === undefined) problems.push(`${a.file}: no column ${show(name)} (notKpis)`);
    else if (proposed.has(i)) misses.push({ kind: 'notKpi', what: `${show(name)} (${letter(i)})` });
  }
  const seen = new Set<number>();
  for (const k of a.kpis) {
    const i = columnOf(k.column, rows, headerRows);
    if (i === undefined) {
      problems.push(`${a.file}: no KPI column ${show(k.column)}`);
      continue;
    }
    const col = det.columns[i];
    const label = `${show(k.column)}${k.entity ? ` for ${show(k.entity)}` : ''}`;
    if (!col || !proposed.has(i)) {
      misses.push({ kind: 'kpiMissing', what: `${label} (${letter(i)}) read as ${col?.kind ?? 'nothing'}` });
      continue;
    }
    if (!seen.has(i)) {
      seen.add(i);
      const units = unitsFor(k.unit);
      if (!units.includes(col.unit ?? '')) {
        misses.push({
          kind: 'unit',
          what: `${show(k.column)}: ${col.unit} instead of ${show(k.unit || 'a plain number')}`,
        });
      }
      if (k.betterWhen === 'ask') {
        misses.push({ kind: 'ask', what: `${show(k.column)}: says ${col.betterWhen} without asking` });
      } else if (col.betterWhen !== k.betterWhen) {
        misses.push({
          kind: 'direction',
          what: `${show(k.column)}: ${col.betterWhen} instead of ${k.betterWhen}`,
        });
      }
    }
    // Latest as the registry shows it: the last entry of the value column below the detected header row.
    const entries = rows.slice(det.headerRow).map((row) => row[i] ?? '');
    const shown = lastValue(entries);
    let n: number | undefined;
    try {
      n = readNumber('', shown);
    } catch {
      n = undefined;
    }
    if (n === undefined || !sameNumber(n, k.latest)) {
      misses.push({
        kind: 'latest',
        what: `${label}: shows ${show(shown)} instead of ${k.latest} (${k.latestDate})`,
      });
    }
  }
  const cadences = ['daily', 'weekly', 'monthly', 'quarterly'];
  if (cadences.includes(a.cadence) ? det.cadence !== a.cadence : a.cadence !== 'irregular' || det.cadence) {
    misses.push({ kind: 'cadence', what: `${det.cadence ?? 'none'} instead of ${a.cadence}` });
  }
  if (a.traits.includes('newest-first') && !det.newestFirst) {
    misses.push({ kind: 'order', what: 'rows run newest first; the detector reads them as oldest first' });
  }
  return misses;
}

const tally = new Map<Kind, number>();
let right = 0;
let total = 0;
for (const a of answers) {
  if (filter && !a.file.includes(filter)) continue;
  if (!fixtures.includes(a.file)) continue;
  total++;
  const raw = readFileSync(path.join(dir, a.file), 'utf8');
  const { delimiter, rows } = readCsv(raw);
  if (delimiter !== a.delimiter) {
    problems.push(
      `${a.file}: the CSV reader sniffs ${show(delimiter)}, the answer says ${show(a.delimiter)}`,
    );
  }
  const det = detectTable(sampleOf('Sheet1', rows));
  const misses = judge(a, rows, det);
  const date =
    det.dateColumn === undefined
      ? 'none'
      : `${letter(det.dateColumn)} ${show(det.columns[det.dateColumn]?.header)}`;
  const values = det.valueColumns
    .map((i) => det.columns[i]!)
    .map((c) => `${c.letter}${c.period ? ' (period)' : ` ${c.unit}/${c.betterWhen}`}`)
    .join(', ');
  console.log(`\n${a.file}  [${a.publisher}]`);
  console.log(
    `  detector: header row ${det.headerRow}, date ${date}, cadence ${det.cadence ?? 'none'}${det.newestFirst ? ', newest first' : ''}`,
  );
  console.log(`  values:   ${values || 'none'}`);
  console.log(
    `  answer:   header row ${(a.headerRows ?? [a.headerRow]).join('/')}, date ${typeof a.dateColumn === 'object' && a.dateColumn ? Object.values(a.dateColumn).join(' + ') : (a.dateColumn ?? 'none')}, cadence ${a.cadence}, ${a.orientation}; KPIs ${a.kpis.map((k) => `${show(k.column)} ${k.unit || '#'}/${k.betterWhen} = ${k.latest}`).join('; ')}`,
  );
  if (misses.length === 0) {
    right++;
    console.log('  read right');
  }
  const kinds = new Set<Kind>();
  for (const m of misses) {
    console.log(`  MISS ${KINDS[m.kind]}: ${m.what}`);
    kinds.add(m.kind);
  }
  for (const k of kinds) tally.set(k, (tally.get(k) ?? 0) + 1);
}

console.log(`\nreal tabs read right: ${right}/${total}`);
const summary = (Object.keys(KINDS) as Kind[])
  .filter((k) => tally.has(k))
  .map((k) => `${KINDS[k]}: ${tally.get(k)} files`);
if (summary.length) console.log(`misses by kind: ${summary.join('; ')}`);

// Which traits the corpus covers, and which of them fewer than two publishers show.
const byTrait = new Map<string, Set<string>>();
for (const a of answers) {
  for (const t of a.traits) byTrait.set(t, (byTrait.get(t) ?? new Set()).add(a.publisher));
}
const thin = [...byTrait].filter(([, p]) => p.size < 2).map(([t]) => t);
console.log(`traits: ${byTrait.size}, shown by one publisher only: ${thin.sort().join(', ') || 'none'}`);

if (problems.length) {
  console.error(`\nthe corpus is inconsistent:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
