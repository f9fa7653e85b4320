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
  latestEntry,
  SAMPLE_HEAD_ROWS,
  SAMPLE_TAIL_ROWS,
  type TabSample,
} from '../src/core/kpi-detect';
import { type Answer, columnOf, type KpiAnswer, loadCorpus } from '../tests/fixtures/real-tabs/corpus';
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
  series: 'stacked series not told apart',
  asked: 'asked where a person knows the direction',
  unitAsked: 'unit left to the user (a code header)',
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

/** The unit kinds a person's unit allows the detector to propose. */
function unitsFor(unit: string): string[] {
  if (unit === '%') return ['%'];
  if (/\bper\b/.test(unit)) return ['number', 'currency'];
  if (/^[$€£¥]$|^(USD|EUR|GBP|JPY|ISK|CHF)$/.test(unit)) return ['currency'];
  if (/^(h|min|s|ms|duration)$/.test(unit)) return ['duration'];
  return ['count', 'number'];
}

/** Equal as a reader would compare a latest value: numbers to 9 significant digits. */
function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

const SPACINGS = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'sub-daily'];

function judgeProposal(
  misses: Miss[],
  label: string,
  want: KpiAnswer,
  got: { unit?: string; betterWhen?: string; percentPoints?: boolean; unitUnknown?: boolean },
): void {
  const points = want.unit === '%' && got.percentPoints; // shown as the points they are written in, and said so
  if (!points && !unitsFor(want.unit).includes(got.unit ?? '')) {
    if (got.unitUnknown) {
      misses.push({
        kind: 'unitAsked',
        what: `${label}: the header is a code; the user is told to choose the unit`,
      });
      judgeDirection(misses, label, want, got);
      return;
    }
    misses.push({
      kind: 'unit',
      what: `${label}: ${got.unit} instead of ${show(want.unit || 'a plain number')}`,
    });
  }
  judgeDirection(misses, label, want, got);
}

function judgeDirection(misses: Miss[], label: string, want: KpiAnswer, got: { betterWhen?: string }): void {
  if (want.betterWhen === 'ask') {
    if (got.betterWhen) misses.push({ kind: 'ask', what: `${label}: says ${got.betterWhen} without asking` });
  } else if (got.betterWhen !== want.betterWhen) {
    misses.push({
      kind: got.betterWhen ? 'direction' : 'asked',
      what: `${label}: ${got.betterWhen ?? 'asks'} instead of ${want.betterWhen}`,
    });
  }
}

function judgeLatest(misses: Miss[], label: string, want: KpiAnswer, got: number | undefined): void {
  if (got === undefined || !sameNumber(got, want.latest)) {
    misses.push({
      kind: 'latest',
      what: `${label}: shows ${show(got)} instead of ${want.latest} (${want.latestDate})`,
    });
  }
}

function judgeWide(a: Answer, det: Detection): Miss[] {
  const misses: Miss[] = [];
  if (det.orientation !== 'wide') {
    misses.push({
      kind: 'wide',
      what: `${a.kpis.length} KPIs are rows; the detector reads a long table (columns ${det.valueColumns.map(letter).join(', ') || 'none'})`,
    });
    return misses;
  }
  const headerRows = a.headerRows ?? [a.headerRow];
  if (!headerRows.includes(det.headerRow)) {
    misses.push({ kind: 'header', what: `row ${det.headerRow} instead of ${headerRows.join(' or ')}` });
  }
  for (const k of a.kpis) {
    const row = det.rows?.find(
      (r) =>
        r.label === k.column ||
        r.label.startsWith(`${k.column} / `) ||
        r.label.split(' / ').slice(0, 2).join(' / ') === k.column,
    );
    if (!row) {
      misses.push({ kind: 'kpiMissing', what: `row ${show(k.column)} not proposed` });
      continue;
    }
    judgeProposal(misses, show(k.column), k, row);
    judgeLatest(misses, show(k.column), k, row.latest?.value);
  }
  judgeCadence(misses, a, det);
  return misses;
}

function judgeCadence(misses: Miss[], a: Answer, det: Detection): void {
  const ok = SPACINGS.includes(a.cadence)
    ? det.spacing === a.cadence
    : !det.spacing || det.spacing === 'irregular';
  if (!ok) misses.push({ kind: 'cadence', what: `${det.spacing ?? 'none'} instead of ${a.cadence}` });
  if (a.traits.includes('newest-first') && !det.newestFirst) {
    misses.push({ kind: 'order', what: 'rows run newest first; the detector reads them as oldest first' });
  }
}

function judge(a: Answer, rows: string[][], det: Detection, sample: TabSample): Miss[] {
  if (a.orientation === 'wide') return judgeWide(a, det);
  const misses: Miss[] = [];
  if (det.orientation === 'wide') {
    misses.push({ kind: 'wide', what: 'a long table read as a wide scorecard' });
    return misses;
  }
  const headerRows = a.headerRows ?? [a.headerRow];
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
    const parts = Object.values(a.dateColumn).map((p) => columnOf(p, rows, headerRows));
    if (parts.some((p) => p === undefined))
      problems.push(`${a.file}: no date column ${show(Object.values(a.dateColumn))}`);
    if (dc !== parts[0] || det.datePart?.column !== parts[1]) {
      misses.push({
        kind: 'dateSplit',
        what: `the date is ${Object.values(a.dateColumn).map(show).join(' + ')}; the detector proposes ${dc === undefined ? 'no date column' : letter(dc)}${det.datePart ? ` + ${letter(det.datePart.column)}` : ''}`,
      });
    }
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
      judgeProposal(misses, show(k.column), k, col);
    }
    let key: string | undefined;
    if (k.entity) {
      key = det.series?.keys.find((s) => s === k.entity);
      if (!key) {
        misses.push({
          kind: 'series',
          what: `${label}: the series ${show(k.entity)} is not among ${show(det.series?.keys.join(', ') ?? 'none')}`,
        });
        continue;
      }
    }
    judgeLatest(misses, label, k, latestEntry(det, sample, i, key)?.value);
  }
  judgeCadence(misses, a, det);
  return misses;
}

/** Misses that leave nothing silently wrong: the add-on asks (a direction, a unit), or offers a column a person would not pick. */
const SAFE: ReadonlySet<Kind> = new Set<Kind>(['asked', 'notKpi', 'unitAsked']);
const tally = new Map<Kind, number>();
let right = 0;
let safe = 0;
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
  const sample = sampleOf('Sheet1', rows);
  const det = detectTable(sample);
  const misses = judge(a, rows, det, sample);
  const date =
    det.dateColumn === undefined
      ? 'none'
      : `${letter(det.dateColumn)} ${show(det.columns[det.dateColumn]?.header)}`;
  const values = det.valueColumns
    .map((i) => det.columns[i]!)
    .map((c) => `${c.letter}${c.period ? ' (period)' : ` ${c.unitText ?? c.unit}/${c.betterWhen ?? 'ask'}`}`)
    .join(', ');
  const wide = (det.rows ?? [])
    .slice(0, 6)
    .map(
      (r) => `${show(r.label)} ${r.unitText ?? r.unit}/${r.betterWhen ?? 'ask'} = ${r.latest?.value ?? '—'}`,
    )
    .join('; ');
  console.log(`\n${a.file}  [${a.publisher}]`);
  console.log(
    `  detector: ${det.orientation}, header row ${det.headerRows.join('/') || 0}, date ${date}${det.datePart ? ` + ${letter(det.datePart.column)}` : ''}, spacing ${det.spacing ?? 'none'}${det.newestFirst ? ', newest first' : ''}${det.series ? `, ${det.series.keys.length} series` : ''}`,
  );
  console.log(
    `  values:   ${det.orientation === 'wide' ? `${det.rows?.length ?? 0} rows: ${wide}` : values || 'none'}`,
  );
  for (const n of det.notes) console.log(`  note:     ${n}`);
  console.log(
    `  answer:   header row ${(a.headerRows ?? [a.headerRow]).join('/')}, date ${typeof a.dateColumn === 'object' && a.dateColumn ? Object.values(a.dateColumn).join(' + ') : (a.dateColumn ?? 'none')}, cadence ${a.cadence}, ${a.orientation}; KPIs ${a.kpis.map((k) => `${show(k.column)} ${k.unit || '#'}/${k.betterWhen} = ${k.latest}`).join('; ')}`,
  );
  if (misses.length === 0) {
    right++;
    console.log('  read right');
  }
  if (misses.every((m) => SAFE.has(m.kind))) safe++;
  const kinds = new Set<Kind>();
  for (const m of misses) {
    console.log(`  MISS ${KINDS[m.kind]}: ${m.what}`);
    kinds.add(m.kind);
  }
  for (const k of kinds) tally.set(k, (tally.get(k) ?? 0) + 1);
}

console.log(`\nreal tabs read right: ${right}/${total}`);
console.log(
  `real tabs with nothing silently wrong (misses only a question asked or a column offered): ${safe}/${total}`,
);
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
