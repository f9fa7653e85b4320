// Tagging the user's own tabs as KPIs: which tabs there are and what they hold (listTabs), tagging a column
// (tagKpi) and untagging it (untagKpi). The user's tab is only read, never written: a KPI is a registry row,
// a named range over the value column and developer metadata on the column, nothing in the tab's cells.

import { columnLetter } from '../core/a1';
import { slugOf, uniqueId } from '../core/ids';
import {
  type DetectedColumn,
  type Detection,
  detectTable,
  requireDateColumn,
  requireValueColumn,
  resolveColumn,
} from '../core/kpi-detect';
import {
  CADENCES,
  type Cadence,
  kpiPrevious,
  kpiPreviousOfNewest,
  kpiStatus,
  kpiTrend,
  lastValue,
  recentNumbers,
  TREND_COLOURS,
} from '../core/kpi-health';
import {
  entryOf,
  type KpiDefinition,
  kpiView,
  latestFormulaRange,
  namedRangeOf,
  registryFormulas,
  registryNumberFormat,
  registryRow,
  trendRuleFormulas,
  writeKpiMark,
} from '../core/kpi-registry';
import {
  CHECK_INS,
  contiguousRuns,
  HISTORY,
  KEY_RESULTS,
  KPIS,
  lastFilledRow,
  layoutColumns,
} from '../core/layout';
import { readKeyResults } from '../core/okr';
import { isQuarterSheetName } from '../core/quarter';
import type { KpiView, TabView } from '../core/rpc';
import { kpiId as kpiIdSchema, parseInput, parseTagKpi } from '../core/schema';
import { BAND_COLOURS } from '../core/score';
import { UNITS } from '../core/units';
import { type Cell, InputError, textKey, textOf } from '../core/values';
import { zoneDays } from './dates';
import { type Sheet, type Spreadsheet, spreadsheetApp } from './gas';
import {
  addMark,
  findRegistry,
  keepNamedRangeCurrent,
  type Mark,
  placesById,
  pointNamedRange,
  readMarks,
  readTab,
  registryRows,
  sampleColumn,
  type TabRead,
} from './kpi-registry';
import { spreadsheetLocale } from './locale';
import { whenUnlocked, withDocumentLock } from './lock';
import { findQuarterSheets } from './quarter-sheets';
import { loadSettings } from './settings';
import { Doc, listSheet } from './sheet-list';
import { colourRules, createLayoutSheet, dataColumn, listValidation, readTable, writeRuns } from './tables';

const active = () => spreadsheetApp().getActiveSpreadsheet();

/** The sheets okr-sheets keeps (quarter sheets, the registry, Check-ins, OKR History): never KPI tabs. */
function ownSheetIds(ss: Spreadsheet, registry: Sheet | undefined): Set<number> {
  const ids = new Set<number>(new Doc(ss).sheetList().map((e) => e.id));
  if (registry) ids.add(registry.getSheetId());
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    if (name === CHECK_INS.name || name === HISTORY.name || isQuarterSheetName(name))
      ids.add(sheet.getSheetId());
  }
  return ids;
}

// ---- listTabs ------------------------------------------------------------------------------------------------

function tabView(tab: TabRead, d: Detection, marks: readonly Mark[], names: Map<string, string>): TabView {
  const letter = (i: number) => d.columns[i]!.letter;
  const problem =
    tab.lastRow === 0
      ? 'the tab is empty'
      : d.valueColumns.length === 0
        ? 'it has no column of numbers to follow'
        : undefined;
  return {
    name: tab.name,
    headerRow: d.headerRow,
    rows: d.dataRows,
    columns: d.columns.map((c) => ({
      letter: c.letter,
      header: c.header,
      kind: c.kind,
      ...(c.period ? { period: true } : {}),
      ...(c.name ? { name: c.name } : {}),
      ...(c.unit ? { unit: c.unit } : {}),
      ...(c.betterWhen ? { betterWhen: c.betterWhen } : {}),
    })),
    ...(d.dateColumn !== undefined ? { dateColumn: letter(d.dateColumn) } : {}),
    valueColumns: d.valueColumns.map(letter),
    ...(d.cadence ? { cadence: d.cadence } : {}),
    ...(d.newestFirst ? { newestFirst: true } : {}),
    kpis: marks
      .filter((m) => m.mark.role === 'value')
      .sort((a, b) => a.column - b.column)
      .map((m) => ({
        id: m.mark.id,
        name: names.get(m.mark.id) ?? m.mark.id,
        valueLetter: d.columns[m.column - 1]?.letter ?? '',
      })),
    ...(problem ? { problem } : {}),
  };
}

/**
 * The user's tabs (not the sheets okr-sheets keeps), each with what detection found in its first and last
 * rows and the KPIs tagged in it. Re-points a KPI's named range when its tab's grid changed height.
 */
export function listTabs(): TabView[] {
  const ss = active();
  const registry = findRegistry(ss);
  const own = ownSheetIds(ss, registry);
  const names = new Map<string, string>();
  if (registry) {
    const t = readTable(registry, KPIS);
    for (const r of registryRows(t)) names.set(r.id, textOf(r.cells[t.columns.name]));
  }
  const marks = readMarks(ss);
  const repairs: Array<() => void> = [];
  const views: TabView[] = [];
  for (const sheet of ss.getSheets()) {
    const sheetId = sheet.getSheetId();
    if (own.has(sheetId)) continue;
    const tab = readTab(sheet, true);
    const mine = marks.filter((m) => m.sheetId === sheetId);
    for (const m of mine) {
      if (m.mark.role === 'value' && m.mark.rows !== tab.maxRows) {
        repairs.push(() => keepNamedRangeCurrent(ss, m, tab.maxRows));
      }
    }
    views.push(tabView(tab, detectTable(tab), mine, names));
  }
  if (repairs.length)
    whenUnlocked(() => {
      for (const repair of repairs) repair();
    });
  return views;
}

// ---- tagKpi --------------------------------------------------------------------------------------------------

const STANDARD = layoutColumns(KPIS);

/** Creates the registry: header formulas for Trend and Status, dropdowns, colours, the tag that finds it. */
function createRegistry(ss: Spreadsheet): Sheet {
  const name = ss.getSheetByName(KPIS.name) ? `${KPIS.name} (okr-sheets)` : KPIS.name;
  const { sheet } = createLayoutSheet(ss, { layout: KPIS, name, headerFormulas: registryFormulas(STANDARD) });
  listSheet(sheet, { kind: 'kpis' });
  dataColumn(sheet, STANDARD.betterWhen).setDataValidation(
    listValidation(['higher', 'lower'], 'Is the KPI better when higher or when lower?'),
  );
  dataColumn(sheet, STANDARD.unit).setDataValidation(
    listValidation([...UNITS], `One of: ${UNITS.join(', ')}`),
  );
  dataColumn(sheet, STANDARD.cadence).setDataValidation(
    listValidation([...CADENCES], `How often it gets a new value: ${CADENCES.join(', ')}`),
  );
  sheet.setConditionalFormatRules([
    ...colourRules(
      dataColumn(sheet, STANDARD.status),
      (['green', 'yellow', 'red'] as const).map((band) => ({ text: band, ...BAND_COLOURS[band] })),
    ),
    ...colourRules(
      dataColumn(sheet, STANDARD.trend),
      trendRuleFormulas(STANDARD).map((r) => ({ formula: r.formula, ...TREND_COLOURS[r.meaning] })),
    ),
  ]);
  return sheet;
}

function kpiViewOf(def: KpiDefinition, tab: TabRead, valueColumn: number, dateColumn?: number): KpiView {
  const values = sampleColumn(tab, def.headerRow, valueColumn);
  const dates = dateColumn ? sampleColumn(tab, def.headerRow, dateColumn) : undefined;
  const latest = lastValue(values);
  // with rows left unread between the sample's head and tail, only the tail can tell the previous value; the
  // KPIs sheet computes it over the whole column (and the sidebar shows the sheet's value)
  const gap = tab.tail.length > 0 && tab.tailStart > tab.head.length + 1;
  const newest = tab.tail.length;
  const previous = gap
    ? (kpiPreviousOfNewest(values.slice(-newest), dates?.slice(-newest), def.cadence, zoneDays) ?? '')
    : kpiPrevious(values, dates, def.cadence, zoneDays);
  let status: Cell = '';
  try {
    status = kpiStatus(latest, def.target ?? '', def.warnAt ?? '', def.betterWhen);
  } catch {
    status = '';
  }
  const place = {
    sourceTab: def.sourceTab,
    valueColumn: def.value.header,
    valueLetter: columnLetter(valueColumn),
    dateColumn: def.date?.header ?? '',
    dateLetter: dateColumn ? columnLetter(dateColumn) : '',
  };
  const health = { latest, previous, trend: kpiTrend(latest, previous), status };
  return kpiView(entryOf(def, health), place, recentNumbers(values));
}

/**
 * Tags a column of one of the user's tabs as a KPI (or updates the KPI already on that column): validates
 * everything first, then writes the registry row, the named range `KPI_<id>` and the marks on the tab's
 * columns. Nothing of the tab's cells is written. Returns the KPI as it stands now.
 */
export function tagKpi(input: unknown): KpiView {
  const v = parseTagKpi(input, spreadsheetLocale());
  return withDocumentLock('KPI change', () => {
    const ss = active();
    const sheet = ss.getSheetByName(v.sheetName);
    if (!sheet) throw new InputError(`kpi: sheetName: there is no tab named "${v.sheetName}"`);
    const registry = findRegistry(ss);
    if (ownSheetIds(ss, registry).has(sheet.getSheetId())) {
      throw new InputError(
        `kpi: sheetName: "${v.sheetName}" is a sheet okr-sheets keeps; tag one of your own tabs`,
      );
    }
    // 1. what the tab holds, from its first and last rows
    const tab = readTab(sheet, true);
    const d = detectTable(tab);
    if (d.valueColumns.length === 0) {
      throw new InputError(
        `kpi: sheetName: "${v.sheetName}" ${tab.lastRow === 0 ? 'is empty' : 'has no column of numbers'}: a KPI tab holds a column of numbers (and, best, a column of dates)`,
      );
    }
    const value = resolveColumn(v.valueColumn, d, 'valueColumn', v.sheetName);
    requireValueColumn(value, d, v.sheetName);
    let date: DetectedColumn | undefined;
    if (v.dateColumn === undefined) {
      date = d.dateColumn !== undefined && d.dateColumn !== value.index ? d.columns[d.dateColumn] : undefined;
    } else if (v.dateColumn !== null) {
      date = resolveColumn(v.dateColumn, d, 'dateColumn', v.sheetName);
      if (date.index === value.index) {
        throw new InputError(
          `kpi: dateColumn: ${date.label} is the value column; choose the column of dates`,
        );
      }
      requireDateColumn(date, d, v.sheetName);
    }
    const cadence: Cadence | undefined = v.cadence === undefined ? d.cadence : (v.cadence ?? undefined);
    // 2. the registry: the KPI already on this column keeps its ID; a name is used once
    const table = registry ? readTable(registry, KPIS) : undefined;
    const rows = table ? registryRows(table) : [];
    const marks = readMarks(ss);
    const sheetId = sheet.getSheetId();
    const existing = marks.find(
      (m) => m.mark.role === 'value' && m.sheetId === sheetId && m.column === value.index + 1,
    );
    const clash =
      table &&
      rows.find(
        (r) => r.id !== existing?.mark.id && textKey(r.cells[table.columns.name]) === textKey(v.name),
      );
    if (clash) {
      throw new InputError(
        `kpi: name: "${v.name}" is already the name of the KPI ${clash.id}; choose another name (or edit that KPI)`,
      );
    }
    const ids = new Set([...rows.map((r) => r.id), ...marks.map((m) => m.mark.id)]);
    const id =
      existing?.mark.id ??
      uniqueId(
        slugOf(v.name),
        (candidate) => ids.has(candidate) || ss.getRangeByName(namedRangeOf(candidate)) !== null,
      );
    const def: KpiDefinition = {
      id,
      name: v.name,
      sourceTab: tab.name,
      headerRow: d.headerRow,
      value: { index: value.index, header: value.header },
      ...(date ? { date: { index: date.index, header: date.header } } : {}),
      unit: v.unit ?? value.unit ?? 'number',
      betterWhen: v.betterWhen,
      ...(v.target !== undefined ? { target: v.target } : {}),
      ...(v.warnAt !== undefined ? { warnAt: v.warnAt } : {}),
      ...(v.owner ? { owner: v.owner } : {}),
      ...(cadence ? { cadence } : {}),
    };
    // 3. writes: everything above has been checked
    let reg = registry;
    if (!reg) {
      const before = ss.getActiveSheet();
      reg = createRegistry(ss);
      ss.setActiveSheet(before); // the user stays on the tab they were tagging
    }
    const columns = table?.columns ?? STANDARD;
    const own = rows.find((r) => r.id === id);
    const row = own?.row ?? (table ? lastFilledRow(table.values, columns.id) : 1) + 1;
    if (row > reg.getMaxRows()) reg.insertRowsAfter(reg.getMaxRows(), 100);
    writeRuns(reg, row, contiguousRuns(registryRow(def, row, columns), columns));
    const format = registryNumberFormat(
      def.unit,
      value.numberFormat,
      sampleColumn(tab, d.headerRow, value.index + 1),
    );
    if (format) {
      // the KPI's numbers (Target, Warn at, Latest, Previous) in the tab's own format, one call per run of columns
      for (const run of contiguousRuns({ target: 1, warnAt: 1, latest: 1, previous: 1 }, columns)) {
        reg.getRange(row, run.start + 1, 1, run.values.length).setNumberFormat(format);
      }
    }
    pointNamedRange(ss, id, sheet, value.index + 1, d.headerRow, tab.maxRows);
    const valueMark = { id, role: 'value' as const, headerRow: d.headerRow, rows: tab.maxRows };
    if (existing) existing.metadata.setValue(writeKpiMark(valueMark));
    else addMark(sheet, value.index + 1, valueMark);
    const oldDate = placesById(marks).get(id)?.date;
    const sameDate = oldDate && date && oldDate.sheetId === sheetId && oldDate.column === date.index + 1;
    if (oldDate && !sameDate) oldDate.metadata.remove();
    if (date && !sameDate) addMark(sheet, date.index + 1, { id, role: 'date' });
    return kpiViewOf(def, tab, value.index + 1, date ? date.index + 1 : undefined);
  });
}

// ---- untagKpi ------------------------------------------------------------------------------------------------

/**
 * Untags a KPI: removes its registry row, its named range and the marks on its tab (the tab itself is not
 * touched). Refuses while a key result of the current quarter follows it. Closed quarters' key results that
 * followed it keep the value they last showed, as a plain number.
 */
export function untagKpi(input: unknown): { untagged: string } {
  const id = parseInput(kpiIdSchema(), input, 'untag');
  return withDocumentLock('KPI change', () => {
    const ss = active();
    const registry = findRegistry(ss);
    const table = registry ? readTable(registry, KPIS) : undefined;
    const row = table ? registryRows(table).find((r) => r.id === id) : undefined;
    const marks = readMarks(ss).filter((m) => m.mark.id === id);
    const named = ss.getRangeByName(namedRangeOf(id));
    if (!row && marks.length === 0 && !named) throw new InputError(`untag: "${id}" is not a tagged KPI`);
    const name = row && table ? textOf(row.cells[table.columns.name]) || id : id;
    const followsIt = (kr: { kpiId: string; currentFormula?: string }) =>
      kr.kpiId === id || latestFormulaRange(kr.currentFormula) === namedRangeOf(id);
    const settings = loadSettings();
    const current = settings.currentQuarter
      ? findQuarterSheets(new Doc(ss), settings.currentQuarter, settings)
      : undefined;
    if (current) {
      const kr = readTable(current.keyResults, KEY_RESULTS, true);
      const following = readKeyResults(kr.values, kr.formulas, kr.columns).filter(followsIt);
      if (following.length) {
        const list = following.map((k) => k.id).join(', ');
        throw new InputError(
          `untag: ${name} is followed by key result${following.length > 1 ? 's' : ''} ${list} of ${current.info.label}; unlink ${following.length > 1 ? 'them' : 'it'} first (edit the key result and choose no KPI), then untag`,
        );
      }
    }
    // key results of closed quarters keep the number they showed
    const closed = (e: { kind: string; quarter?: string }) =>
      e.kind === 'keyResults' && e.quarter !== current?.info.label;
    for (const t of new Doc(ss).find(closed)) {
      const kr = readTable(t.sheet, KEY_RESULTS, true);
      for (const k of readKeyResults(kr.values, kr.formulas, kr.columns)) {
        if (!followsIt(k)) continue;
        t.sheet
          .getRange(k.row, kr.columns.current + 1)
          .setValue(typeof k.current === 'number' ? k.current : '');
      }
    }
    if (row && registry) registry.deleteRows(row.row, 1);
    if (named) ss.removeNamedRange(namedRangeOf(id));
    for (const m of marks) m.metadata.remove();
    return { untagged: id };
  });
}
