// The real-tab corpus (tests/fixtures/real-tabs) through the built add-on: each file is loaded as a tab the way
// Sheets holds it, once as text cells (a paste that converts nothing) and once as typed cells (the file's text
// converted as Sheets converts typing in en_US), listed as the sidebar lists it, and each KPI a person named is
// tagged through the tagKpi RPC. The KPIs sheet's Latest must be the person's latest value, and the direction
// okr-sheets proposes must be theirs, or a question, never the opposite; where the person would ask, it asks.
// What was read for each file is printed; scripts/real-tabs.ts grades the rest (units, cadence, header rows).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TabView } from '../../src/core/rpc';
import { type Answer, loadCorpus, rowOf } from '../fixtures/real-tabs/corpus';
import { call, records, startAddon } from '../helpers/addon';
import { readCsv } from '../helpers/csv';

const corpus = loadCorpus(path.resolve(process.cwd(), 'tests/fixtures/real-tabs'));

/** The cells of a tab holding the file's rows: text kept as text, or typed (converted like typing). */
function cellsOf(rows: string[][], typed: boolean): string[][] {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) =>
    Array.from({ length: width }, (_, c) => {
      const v = r[c] ?? '';
      if (v === '' || typed) return v;
      return `'${v}`;
    }),
  );
}

const letter = (i: number) => {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

function columnIndex(a: Answer, rows: string[][], name: string): number {
  const m = /^column ([A-Z]+)$/.exec(name);
  if (m) return [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  for (const r of a.headerRows ?? [a.headerRow]) {
    const i = (rows[r - 1] ?? []).findIndex((v) => v.trim() === name);
    if (i >= 0) return i;
  }
  throw new Error(`${a.file}: no column ${name}`);
}

interface Read {
  file: string;
  load: string;
  latest: Array<{ kpi: string; want: number; got: unknown }>;
  /** KPIs okr-sheets refused to tag, saying why and what to do */
  refused: Array<{ kpi: string; why: string }>;
  directions: Array<{ kpi: string; want: string; got: string | undefined }>;
  tab: TabView;
}

function readFile(a: Answer, typed: boolean): Read {
  const { rows } = readCsv(readFileSync(path.join(corpus.dir, a.file), 'utf8'));
  const addon = startAddon({ now: () => new Date('2027-02-10T09:30:00Z') });
  addon.replaceWorkbook([{ name: 'Sheet1', rows: cellsOf(rows, typed) }]);
  const tab = call<TabView[]>(addon, 'listTabs').find((t) => t.name === 'Sheet1')!;
  const read: Read = {
    file: a.file,
    load: typed ? 'typed' : 'text',
    latest: [],
    refused: [],
    directions: [],
    tab,
  };
  a.kpis.forEach((k, n) => {
    const label = `${k.column}${k.entity ? ` for ${k.entity}` : ''}`;
    let proposed: string | undefined;
    let where: Record<string, unknown>;
    if (a.orientation === 'wide') {
      const row = (rowOf(k.column, rows) ?? -2) + 1;
      where = { row };
      proposed = tab.kpiRows?.find((r) => r.row === row)?.betterWhen;
    } else {
      const i = columnIndex(a, rows, k.column);
      where = { valueColumn: letter(i), ...(k.entity ? { series: k.entity } : {}) };
      proposed = tab.columns[i]?.betterWhen;
    }
    read.directions.push({ kpi: label, want: k.betterWhen, got: proposed });
    const better = proposed ?? (k.betterWhen === 'ask' ? 'higher' : k.betterWhen);
    try {
      call(addon, 'tagKpi', { sheetName: 'Sheet1', name: `KPI ${n + 1}`, betterWhen: better, ...where });
    } catch (e) {
      // the one refusal allowed: numbers Sheets converted with the other decimal mark, with what to do
      const why = String((e as Error).message);
      if (!/Import the file again after setting the spreadsheet's locale/.test(why)) throw e;
      read.refused.push({ kpi: label, why });
      return;
    }
    const row = records(addon, 'KPIs').find((r) => r.Name === `KPI ${n + 1}`);
    read.latest.push({ kpi: label, want: k.latest, got: row?.Latest });
  });
  return read;
}

const close = (a: unknown, b: number) =>
  typeof a === 'number' && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('the real-tab corpus, tagged through the add-on', () => {
  for (const a of corpus.answers) {
    it(`${a.file}: Latest is the newest entry, and the direction is the person's or a question`, () => {
      for (const typed of [false, true]) {
        const r = readFile(a, typed);
        const t = r.tab;
        console.log(
          `${r.file} (${r.load}): ${t.orientation}, header row ${t.headerRow}, date ${t.dateColumn ?? 'none'}, ${t.cadence ?? 'no cadence'}` +
            `${t.series ? `, ${t.series.keys.length} series` : ''}; ` +
            r.latest.map((l) => `${l.kpi} = ${String(l.got)}`).join('; ') +
            r.refused.map((x) => `${x.kpi}: refused (${x.why})`).join('; ') +
            (t.notes.length ? ` | notes: ${t.notes.join(' / ')}` : ''),
        );
        expect(r.latest.filter((l) => !close(l.got, l.want))).toEqual([]);
        const wrong = r.directions.filter(
          (d) => d.got !== undefined && (d.want === 'ask' || d.got !== d.want),
        );
        expect(wrong).toEqual([]);
        // a refusal only where Sheets' own conversion lost the file's numbers; the text cells always read
        if (!typed) expect(r.refused).toEqual([]);
      }
    }, 60_000);
  }
});

describe('the decimal-comma files, typed into a spreadsheet whose locale writes a decimal comma', () => {
  for (const a of corpus.answers.filter((x) => x.decimal === ',')) {
    it(`${a.file}: in de_DE the numbers are numbers, read without a note about the decimal mark`, () => {
      const { rows } = readCsv(readFileSync(path.join(corpus.dir, a.file), 'utf8'));
      const addon = startAddon({ now: () => new Date('2027-02-10T09:30:00Z'), locale: 'de_DE' });
      addon.replaceWorkbook([{ name: 'Sheet1', rows: cellsOf(rows, true) }]);
      const tab = call<TabView[]>(addon, 'listTabs').find((t) => t.name === 'Sheet1')!;
      const i = columnIndex(a, rows, a.kpis[0]!.column);
      expect(tab.columns[i]).toMatchObject({ kind: 'number' });
      expect(tab.valueColumns).toContain(letter(i));
      expect(tab.notes.join(' ')).not.toMatch(/decimal (comma|point)/);
      const typed = addon.spreadsheet.getSheetByName('Sheet1')!.getDataRange().getValues();
      expect(typed.slice(1).filter((r) => typeof r[i] === 'number').length).toBeGreaterThan(typed.length / 2);
    });
  }
});
