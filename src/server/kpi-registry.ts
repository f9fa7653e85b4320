// KPIs on the spreadsheet: the KPIs registry sheet, the marks (developer metadata) on the user's tabs, reading a
// KPI tab's first and last rows (never the whole tab), and the KPIs as the sidebar lists them. Tagging and
// untagging live in kpi-tagging.ts.

import { columnLetter } from '../core/a1';
import { SAMPLE_HEAD_ROWS, SAMPLE_TAIL_ROWS, type TabSample } from '../core/kpi-detect';
import { type BetterWhen, CADENCES, type Cadence, kpiStatus, kpiTrend } from '../core/kpi-health';
import {
  columnLabel,
  KPI_MARK_KEY,
  type KpiMark,
  kpiView,
  namedRangeOf,
  readKpiMark,
  readRegistryEntry,
  rewrittenLatestFormula,
  writeKpiMark,
} from '../core/kpi-registry';
import { previousOf, readHow, readSeries, type Series, seriesLatest, seriesRecent } from '../core/kpi-series';
import { asText, contiguousRuns, KPIS } from '../core/layout';
import type { KpiRef } from '../core/okr-edits';
import type { KpiView } from '../core/rpc';
import { type Cell, textKey, textOf } from '../core/values';
import { zoneDays } from './dates';
import type { DeveloperMetadata, Range, Sheet, Spreadsheet } from './gas';
import { whenUnlocked } from './lock';
import { Doc } from './sheet-list';
import { readTable, type Table, writeRuns } from './tables';

// ---- The registry ----------------------------------------------------------------------------------------------

/** The KPIs registry: the sheet listed as it (whatever it is called now), else one named "KPIs" with its headers. */
export function findRegistry(ss: Spreadsheet, doc: Doc = new Doc(ss)): Sheet | undefined {
  const listed = doc.find((e) => e.kind === 'kpis')[0];
  if (listed) return listed.sheet;
  const named = ss.getSheetByName(KPIS.name);
  if (!named) return undefined;
  // a tab of the user's that happens to be called KPIs is not the registry
  const header = named.getRange(1, 1, 1, Math.max(1, named.getLastColumn())).getValues()[0] ?? [];
  const present = new Set(header.map(textKey));
  return ['ID', 'Source tab', 'Latest'].every((h) => present.has(textKey(h))) ? named : undefined;
}

export interface RegistryRow {
  id: string;
  /** 1-based sheet row */
  row: number;
  cells: Cell[];
}

export function registryRows(t: Table<typeof KPIS>): RegistryRow[] {
  const out: RegistryRow[] = [];
  t.values.forEach((r, i) => {
    if (i === 0) return;
    const id = textOf(r[t.columns.id]);
    if (id) out.push({ id, row: i + 1, cells: r });
  });
  return out;
}

// ---- Marks on the user's tabs ---------------------------------------------------------------------------------

export interface Mark {
  mark: KpiMark;
  metadata: DeveloperMetadata;
  sheet: Sheet;
  sheetId: number;
  /** 1-based column the mark is on now (it moves with inserted and deleted columns); 0 on a row */
  column: number;
  /** 1-based row of a row KPI's mark (it moves with inserted and deleted rows) */
  row?: number;
}

/** Every KPI mark in the spreadsheet, found with one metadata search. */
export function readMarks(ss: Spreadsheet): Mark[] {
  const out: Mark[] = [];
  for (const metadata of ss.createDeveloperMetadataFinder().withKey(KPI_MARK_KEY).find()) {
    const mark = readKpiMark(metadata.getValue());
    if (!mark) continue;
    // a column location's sheet is its range's (DeveloperMetadataLocation.getSheet() is for sheet locations)
    const location = metadata.getLocation();
    const range = location.getColumn();
    const row = range ? null : location.getRow();
    const at = range ?? row;
    if (!at) continue;
    const sheet = at.getSheet();
    out.push({
      mark,
      metadata,
      sheet,
      sheetId: sheet.getSheetId(),
      column: range ? range.getColumn() : 0,
      ...(row ? { row: row.getRow() } : {}),
    });
  }
  return out;
}

export interface KpiPlace {
  value?: Mark;
  date?: Mark;
}

export function placesById(marks: readonly Mark[]): Map<string, KpiPlace> {
  const out = new Map<string, KpiPlace>();
  for (const m of marks) {
    const place = out.get(m.mark.id) ?? {};
    if (m.mark.role === 'value') place.value = m;
    else place.date = m;
    out.set(m.mark.id, place);
  }
  return out;
}

/** Puts a mark on a whole column of a tab (developer metadata survives renames and inserted columns). */
export function addMark(sheet: Sheet, column: number, mark: KpiMark): void {
  const letter = columnLetter(column);
  sheet.getRange(`${letter}:${letter}`).addDeveloperMetadata(KPI_MARK_KEY, writeKpiMark(mark));
}

/** Puts a mark on a whole row of a tab: a row KPI of a wide scorecard (it moves with inserted rows). */
export function addRowMark(sheet: Sheet, row: number, mark: KpiMark): void {
  sheet.getRange(`${row}:${row}`).addDeveloperMetadata(KPI_MARK_KEY, writeKpiMark(mark));
}

/** Points a row KPI's named range at its whole row, so that a period added at the right is part of it. */
export function pointRowRange(ss: Spreadsheet, id: string, sheet: Sheet, row: number): void {
  nameRange(ss, namedRangeOf(id), sheet.getRange(`${row}:${row}`));
}

/**
 * Points a KPI's named range at its value column's entries, from below the header to the grid's last row.
 * Sheets does not grow a named range when rows are added at the bottom of a tab, so the mark remembers the
 * grid's height it was pointed at, and a flow that reads the tab anyway re-points the range when the grid
 * has grown or shrunk since.
 */
export function pointNamedRange(
  ss: Spreadsheet,
  id: string,
  sheet: Sheet,
  column: number,
  headerRow: number,
  maxRows: number,
): void {
  if (headerRow + 1 > maxRows) return;
  nameRange(ss, namedRangeOf(id), sheet.getRange(headerRow + 1, column, maxRows - headerRow, 1));
}

/**
 * Gives `range` the name `name`: an existing named range is moved (`NamedRange.setRange`), since what
 * `setNamedRange` does to a name that exists is undocumented; a new name is created.
 */
export function nameRange(ss: Spreadsheet, name: string, range: Range): void {
  const existing = ss.getNamedRanges().find((n) => n.getName() === name);
  if (existing) existing.setRange(range);
  else ss.setNamedRange(name, range);
}

/** Re-points a KPI's named range when its tab's grid changed height (or when `force`); else does nothing. */
export function keepNamedRangeCurrent(ss: Spreadsheet, value: Mark, maxRows: number, force = false): void {
  if (value.row) return; // a row KPI's range spans its row's periods, not the grid's height
  if (!force && value.mark.rows === maxRows) return;
  pointNamedRange(ss, value.mark.id, value.sheet, value.column, value.mark.headerRow ?? 1, maxRows);
  value.mark = { ...value.mark, rows: maxRows };
  value.metadata.setValue(writeKpiMark(value.mark));
}

// ---- Reading a tab ----------------------------------------------------------------------------------------------

export interface TabRead extends TabSample {
  sheet: Sheet;
  maxRows: number;
}

/**
 * A tab's first SAMPLE_HEAD_ROWS rows and last SAMPLE_TAIL_ROWS rows (two getValues whatever its length),
 * with the head's number formats when asked. A 50,000-row tab is never read whole.
 */
export function readTab(sheet: Sheet, withFormats: boolean, locale?: string): TabRead {
  const name = sheet.getName();
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  const maxRows = sheet.getMaxRows();
  const tab: TabRead = {
    sheet,
    name,
    head: [],
    tail: [],
    tailStart: lastRow + 1,
    lastRow,
    lastColumn,
    maxRows,
    ...(locale ? { locale } : {}),
  };
  if (lastRow < 1 || lastColumn < 1) return tab;
  const headRows = Math.min(lastRow, SAMPLE_HEAD_ROWS);
  const head = sheet.getRange(1, 1, headRows, lastColumn);
  tab.head = head.getValues() as Cell[][];
  if (withFormats) tab.headFormats = head.getNumberFormats();
  tab.tailStart = Math.max(headRows + 1, lastRow - SAMPLE_TAIL_ROWS + 1);
  if (tab.tailStart <= lastRow) {
    tab.tail = sheet
      .getRange(tab.tailStart, 1, lastRow - tab.tailStart + 1, lastColumn)
      .getValues() as Cell[][];
  }
  return tab;
}

/** A column's entries in the sample (below the header), top to bottom. */
export function sampleColumn(tab: TabSample, headerRow: number, column: number): Cell[] {
  const out: Cell[] = [];
  for (let r = headerRow; r < tab.head.length; r++) out.push(tab.head[r]?.[column - 1] ?? '');
  for (const row of tab.tail) out.push(row[column - 1] ?? '');
  return out;
}

/** A row's cells in the sample from column `from` to `to` (0-based), left to right. */
export function sampleRow(tab: TabSample, row: number, from: number, to: number): Cell[] {
  const cells = row <= tab.head.length ? tab.head[row - 1] : tab.tail[row - tab.tailStart];
  const out: Cell[] = [];
  for (let c = from; c <= to; c++) out.push(cells?.[c] ?? '');
  return out;
}

/**
 * A KPI's series in the sample, as its mark describes it: its column's entries (or its row's cells) with their
 * dates and, when the tab stacks series, the keys of each entry.
 */
export function sampleSeries(
  tab: TabSample,
  value: Pick<Mark, 'mark' | 'column' | 'row'>,
  dateColumn?: number,
): Series {
  const m = value.mark;
  if (value.row && m.across) {
    // the whole rows, as the formulas read them: columns added at the right since tagging are in
    const last = Math.max(tab.lastColumn, m.across.to + 1) - 1;
    const dates = sampleRow(tab, m.across.periodRow, 0, last).map((c) => [c]);
    return readSeries({ values: sampleRow(tab, value.row, 0, last), dates });
  }
  const headerRow = m.headerRow ?? 1;
  const values = sampleColumn(tab, headerRow, value.column);
  const first = dateColumn ? sampleColumn(tab, headerRow, dateColumn) : undefined;
  const last = m.part ? sampleColumn(tab, headerRow, m.part + 1) : undefined;
  const dates = first?.map((c, i) => (last ? [c, last[i] ?? ''] : [c]));
  const keyColumns = m.series?.columns.map((c) => sampleColumn(tab, headerRow, c + 1));
  const keys = keyColumns ? values.map((_, i) => keyColumns.map((col) => col[i] ?? '')) : undefined;
  return readSeries({
    values,
    ...(dates ? { dates } : {}),
    how: readHow(m.how),
    ...(keys && m.series ? { keys, key: m.series.key } : {}),
  });
}

/** A column's header text in the sample ("" without one). */
export function sampleHeader(tab: TabSample, headerRow: number, column: number): string {
  return headerRow > 0 ? textOf(tab.head[headerRow - 1]?.[column - 1]) : '';
}

// ---- The KPIs as the sidebar shows them ---------------------------------------------------------------------------

const BROKEN_REFERENCE = new Set(['#NAME?', '#REF!']);

/**
 * Every KPI of the registry, each re-resolved from the mark on its value column: where it lives now (tab
 * renamed, columns inserted), its recent values for a sparkline (from the tab's last rows), its computed
 * Latest, Previous, Trend and Status as the registry shows them. Keeps the registry's Source tab / Value
 * column / Date column cells and the named ranges current while it is at it (when no other change holds the
 * document lock).
 */
export function listKpiViews(ss: Spreadsheet, doc: Doc = new Doc(ss)): KpiView[] {
  const registry = findRegistry(ss, doc);
  if (!registry) return [];
  const t = readTable(registry, KPIS);
  const rows = registryRows(t);
  if (rows.length === 0) return [];
  const c = t.columns;
  const places = placesById(readMarks(ss));
  const tabs = new Map<number, TabRead>();
  const tabOf = (m: Mark): TabRead => {
    let tab = tabs.get(m.sheetId);
    if (!tab) {
      tab = readTab(m.sheet, false);
      tabs.set(m.sheetId, tab);
    }
    return tab;
  };
  const repairs: Array<() => void> = [];
  const views = rows.map(({ id, row, cells }) => {
    const entry = readRegistryEntry(id, cells, c);
    const { value, date } = places.get(id) ?? {};
    if (!value) {
      const place = {
        sourceTab: entry.sourceTab,
        valueColumn: '',
        valueLetter: '',
        dateColumn: '',
        dateLetter: '',
      };
      return kpiView(
        entry,
        place,
        [],
        `the column ${entry.name} follows is gone (its tab or column was deleted): tag the column again, or untag this KPI`,
      );
    }
    const tab = tabOf(value);
    const headerRow = value.mark.headerRow ?? 1;
    const dated = date && date.sheetId === value.sheetId ? date : undefined;
    const place = value.row
      ? {
          sourceTab: tab.name,
          valueColumn: entry.name,
          valueLetter: '',
          dateColumn: '',
          dateLetter: '',
          row: value.row,
        }
      : {
          sourceTab: tab.name,
          valueColumn: sampleHeader(tab, headerRow, value.column),
          valueLetter: columnLetter(value.column),
          dateColumn: dated ? sampleHeader(tab, headerRow, dated.column) : '',
          dateLetter: dated ? columnLetter(dated.column) : '',
          ...(value.mark.series ? { series: value.mark.series.key } : {}),
        };
    const problem =
      !dated && entry.dateColumn && !value.row
        ? 'its date column was deleted, so Previous is the entry before the latest; edit the KPI to choose another'
        : undefined;
    // the registry's own cells follow the tab when it was renamed or its columns moved
    const column = columnLabel(place.valueColumn, place.valueLetter);
    const shown = {
      sourceTab: tab.name,
      ...(value.row
        ? {}
        : { valueColumn: value.mark.series ? `${column} for ${value.mark.series.key}` : column }),
      ...(dated && !value.mark.part ? { dateColumn: columnLabel(place.dateColumn, place.dateLetter) } : {}),
    };
    const drifted = (Object.keys(shown) as Array<keyof typeof shown>).filter(
      (k) => textOf(cells[c[k]]) !== shown[k],
    );
    if (drifted.length) {
      const patch = Object.fromEntries(drifted.map((k) => [k, asText(shown[k] ?? '')]));
      repairs.push(() => writeRuns(t.sheet, row, contiguousRuns(patch, c)));
    }
    const broken = BROKEN_REFERENCE.has(textOf(cells[c.latest]));
    if (broken || value.mark.rows !== tab.maxRows) {
      repairs.push(() => keepNamedRangeCurrent(ss, value, tab.maxRows, broken));
    }
    const series = sampleSeries(tab, value, dated?.column);
    const recent = seriesRecent(series);
    // the registry's formulas are custom functions: in the execution that changed their inputs (a tag, an edit)
    // Sheets shows them as Loading..., so the sidebar reads them from the tab as the formulas will
    const pending = [entry.latest, entry.previous, entry.trend, entry.status].some((v) => v === PENDING);
    const shownEntry = pending
      ? {
          ...entry,
          ...healthFromTab(
            {
              cadence: (CADENCES as readonly string[]).includes(entry.cadence)
                ? (entry.cadence as Cadence)
                : undefined,
              target: entry.target,
              warnAt: entry.warnAt,
              betterWhen: entry.betterWhen,
              headerRow,
              row: !!value.row,
            },
            tab,
            value,
            dated?.column,
            series,
          ),
        }
      : entry;
    return kpiView(shownEntry, place, recent, problem);
  });
  if (repairs.length)
    whenUnlocked(() => {
      for (const repair of repairs) repair();
    });
  return views;
}

/** What Sheets shows in a custom-function cell until the execution that changed its inputs has ended. */
const PENDING = 'Loading...';

/**
 * A KPI's Latest, Previous, Trend and Status as the tab's sampled rows tell them, the way the KPIs sheet's
 * formulas compute them over the whole tab. With rows left unread between the sample's first and last rows,
 * a Previous not found one period back may lie in them: it is left blank (the sheet's value shows from the
 * next read on).
 */
export function healthFromTab(
  k: {
    cadence?: Cadence | undefined;
    target: number | '';
    warnAt: number | '';
    betterWhen: BetterWhen;
    headerRow: number;
    row: boolean;
  },
  tab: TabSample,
  value: Pick<Mark, 'mark' | 'column' | 'row'>,
  dateColumn?: number,
  series: Series = sampleSeries(tab, value, dateColumn),
): { latest: Cell; previous: Cell; trend: Cell; status: Cell } {
  const latest = seriesLatest(series);
  const gap = tab.tail.length > 0 && tab.tailStart > tab.head.length + 1 && !k.row;
  // with a gap, only the newest rows (the tail) can tell Previous
  const newest = gap
    ? sampleSeries({ ...tab, head: tab.head.slice(0, k.headerRow) }, value, dateColumn)
    : series;
  const back = previousOf(newest, k.cadence, zoneDays);
  const previous = back.index < 0 || (gap && !back.byPeriod) ? '' : (newest.numbers[back.index] ?? '');
  let status: Cell = '';
  try {
    status = kpiStatus(latest, k.target, k.warnAt, k.betterWhen);
  } catch {
    status = '';
  }
  return { latest, previous, trend: kpiTrend(latest, previous), status };
}

/** The KPIs registry, as far as key results need it: each KPI's latest value and unit. */
export function kpiRefs(ss: Spreadsheet): Map<string, KpiRef> {
  const out = new Map<string, KpiRef>();
  const sheet = findRegistry(ss);
  if (!sheet) return out;
  const t = readTable(sheet, KPIS, true);
  for (const r of registryRows(t)) {
    const { latest, unit } = readRegistryEntry(r.id, r.cells, t.columns);
    const formula = rewrittenLatestFormula(t.formulas?.[r.row - 1]?.[t.columns.latest]);
    out.set(r.id, { id: r.id, latest, unit, ...(formula ? { latestFormula: formula } : {}) });
  }
  return out;
}
