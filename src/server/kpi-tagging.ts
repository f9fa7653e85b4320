// Tagging the user's own tabs as KPIs: which tabs there are and what they hold (listTabs), tagging a column, a
// row of a wide scorecard or one of several stacked series (tagKpi), and untagging (untagKpi). The user's tab is
// only read, never written: a KPI is a registry row, a named range over the value column (or row) and developer
// metadata on the column (or row), nothing in the tab's cells.

import { columnLetter } from '../core/a1';
import { slugOf, uniqueId } from '../core/ids';
import { readNumbers } from '../core/kpi-cells';
import { placeKpi } from '../core/kpi-columns';
import { detectTable } from '../core/kpi-detect';
import { CADENCES, type Cadence, TREND_COLOURS } from '../core/kpi-health';
import {
  entryOf,
  type KpiDefinition,
  type KpiMark,
  kpiView,
  latestFormulaRange,
  namedRangeOf,
  registryFormulas,
  registryNumberFormat,
  registryRow,
  trendRuleFormulas,
  writeKpiMark,
} from '../core/kpi-registry';
import { howText, seriesRecent } from '../core/kpi-series';
import { tabView } from '../core/kpi-tab-view';
import {
  CHECK_INS,
  contiguousRuns,
  HISTORY,
  KEY_RESULTS,
  KPIS,
  lastFilledRow,
  layoutColumns,
} from '../core/layout';
import { localeRules } from '../core/locale';
import { readKeyResults } from '../core/okr';
import { isQuarterSheetName } from '../core/quarter';
import type { KpiView, TabView } from '../core/rpc';
import { kpiId as kpiIdSchema, parseInput } from '../core/schema';
import { parseTagKpi } from '../core/schema-kpi';
import { BAND_COLOURS } from '../core/score';
import { UNITS } from '../core/units';
import { InputError, textKey, textOf } from '../core/values';
import { type Sheet, type Spreadsheet, spreadsheetApp } from './gas';
import {
  addMark,
  addRowMark,
  findRegistry,
  healthFromTab,
  keepNamedRangeCurrent,
  type Mark,
  placesById,
  pointNamedRange,
  pointRowRange,
  readMarks,
  readTab,
  registryRows,
  sampleColumn,
  sampleRow,
  sampleSeries,
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

/**
 * The user's tabs (not the sheets okr-sheets keeps), each with what detection found in its first and last
 * rows and the KPIs tagged in it. Re-points a KPI's named range when its tab's grid changed height.
 */
export function listTabs(): TabView[] {
  const ss = active();
  const locale = ss.getSpreadsheetLocale();
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
    const tab = readTab(sheet, true, locale);
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
  // a unit as a cell holds it (`€`, `h`, `MWh`) is kept too: the dropdown offers the kinds, and warns only
  dataColumn(sheet, STANDARD.unit).setDataValidation(
    spreadsheetApp()
      .newDataValidation()
      .requireValueInList([...UNITS], true)
      .setAllowInvalid(true)
      .setHelpText(`One of: ${UNITS.join(', ')}, or a unit such as €, h or MWh`)
      .build(),
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

/** The mark on a KPI's value column (or row): where it is and how its dates and series read. */
function valueMarkOf(def: KpiDefinition, maxRows: number): KpiMark {
  const how = howText({
    ...(def.date?.order ? { order: def.date.order } : {}),
    ...(def.date?.part ? { part: def.date.part.unit } : {}),
  });
  return {
    id: def.id,
    role: 'value',
    headerRow: def.headerRow,
    rows: maxRows,
    ...(how ? { how } : {}),
    ...(def.date?.part ? { part: def.date.part.index } : {}),
    ...(def.series ? { series: def.series } : {}),
    ...(def.row ? { across: { periodRow: def.row.periodRow, from: def.row.from, to: def.row.to } } : {}),
  };
}

function kpiViewOf(def: KpiDefinition, tab: TabRead, value: Pick<Mark, 'mark' | 'column' | 'row'>): KpiView {
  const dateColumn = def.date ? def.date.index + 1 : undefined;
  const series = sampleSeries(tab, value, dateColumn);
  const health = healthFromTab(
    {
      cadence: def.cadence,
      target: def.target ?? '',
      warnAt: def.warnAt ?? '',
      betterWhen: def.betterWhen,
      headerRow: def.headerRow,
      row: !!def.row,
    },
    tab,
    value,
    dateColumn,
    series,
  );
  const place = {
    sourceTab: def.sourceTab,
    valueColumn: def.row ? def.row.label : def.value.header,
    valueLetter: def.row ? '' : columnLetter(def.value.index + 1),
    dateColumn: def.row ? '' : (def.date?.header ?? ''),
    dateLetter: dateColumn ? columnLetter(dateColumn) : '',
    ...(def.row ? { row: def.row.row } : {}),
    ...(def.series ? { series: def.series.key } : {}),
  };
  return kpiView(entryOf(def, health), place, seriesRecent(series));
}

/**
 * Tags a column (or, in a wide scorecard, a row) of one of the user's tabs as a KPI, or updates the KPI
 * already there: validates everything first, then writes the registry row, the named range `KPI_<id>` and the
 * marks on the tab's columns or row. Nothing of the tab's cells is written. Returns the KPI as it stands now.
 */
export function tagKpi(input: unknown): KpiView {
  const v = parseTagKpi(input, spreadsheetLocale());
  return withDocumentLock('KPI change', () => {
    const ss = active();
    const sheet = ss.getSheetByName(v.sheetName);
    if (!sheet) throw new InputError(`kpi: sheetName: there is no tab named "${v.sheetName}"`);
    const locale = ss.getSpreadsheetLocale();
    const registry = findRegistry(ss);
    if (ownSheetIds(ss, registry).has(sheet.getSheetId())) {
      throw new InputError(
        `kpi: sheetName: "${v.sheetName}" is a sheet okr-sheets keeps; tag one of your own tabs`,
      );
    }
    // 1. what the tab holds, from its first and last rows
    const tab = readTab(sheet, true, locale);
    const d = detectTable(tab);
    if (d.valueColumns.length === 0 && (d.rows ?? []).length === 0) {
      throw new InputError(
        `kpi: sheetName: "${v.sheetName}" ${tab.lastRow === 0 ? 'is empty' : 'has no column of numbers'}: a KPI tab holds a column of numbers (and, best, a column of dates)`,
      );
    }
    const place = placeKpi(
      {
        ...(v.valueColumn !== undefined ? { valueColumn: v.valueColumn } : {}),
        ...(v.dateColumn !== undefined ? { dateColumn: v.dateColumn } : {}),
        ...(v.row !== undefined ? { row: v.row } : {}),
        ...(v.series ? { series: v.series } : {}),
      },
      d,
      v.sheetName,
    );
    const cadence: Cadence | undefined = v.cadence === undefined ? d.cadence : (v.cadence ?? undefined);
    // 2. the registry: the KPI already on this column (or row) keeps its ID; a name is used once
    const table = registry ? readTable(registry, KPIS) : undefined;
    const rows = table ? registryRows(table) : [];
    const marks = readMarks(ss);
    const sheetId = sheet.getSheetId();
    const existing = marks.find(
      (m) =>
        m.mark.role === 'value' &&
        m.sheetId === sheetId &&
        (place.row ? m.row === place.row.row : !m.row && m.column === place.value.index + 1) &&
        (m.mark.series?.key ?? '') === (place.series?.key ?? ''),
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
      headerRow: place.headerRow,
      value: place.value,
      ...(place.date ? { date: place.date } : {}),
      ...(place.row ? { row: place.row } : {}),
      ...(place.series ? { series: place.series } : {}),
      unit: v.unit ?? place.unit,
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
    const valueMark = valueMarkOf(def, tab.maxRows);
    const mark: Pick<Mark, 'mark' | 'column' | 'row'> = { mark: valueMark, column: 0 };
    const numbers = place.row
      ? sampleRow(tab, place.row.row, place.row.from, place.row.to)
      : sampleColumn(tab, d.headerRow, place.value.index + 1);
    const shown = place.row ? undefined : d.columns[place.value.index]?.numberFormat;
    const format = registryNumberFormat(
      def.unit,
      shown,
      readNumbers(numbers, localeRules(tab.locale)).values,
    );
    if (format) {
      // the KPI's numbers (Target, Warn at, Latest, Previous) in the tab's own format, one call per run of columns
      for (const run of contiguousRuns({ target: 1, warnAt: 1, latest: 1, previous: 1 }, columns)) {
        reg.getRange(row, run.start + 1, 1, run.values.length).setNumberFormat(format);
      }
    }
    if (place.row) {
      pointRowRange(ss, id, sheet, place.row.row);
      mark.row = place.row.row;
      if (existing) existing.metadata.setValue(writeKpiMark(valueMark));
      else addRowMark(sheet, place.row.row, valueMark);
    } else {
      pointNamedRange(ss, id, sheet, place.value.index + 1, d.headerRow, tab.maxRows);
      mark.column = place.value.index + 1;
      if (existing) existing.metadata.setValue(writeKpiMark(valueMark));
      else addMark(sheet, place.value.index + 1, valueMark);
    }
    const date = place.date;
    const oldDate = placesById(marks).get(id)?.date;
    const sameDate = oldDate && date && oldDate.sheetId === sheetId && oldDate.column === date.index + 1;
    if (oldDate && !sameDate) oldDate.metadata.remove();
    if (date && !sameDate) addMark(sheet, date.index + 1, { id, role: 'date' });
    return kpiViewOf(def, tab, mark);
  });
}

// ---- untagKpi ------------------------------------------------------------------------------------------------

/**
 * Untags a KPI: removes its registry row, its named range and the marks on its tab (the tab itself is not
 * touched). Refuses while a key result of the current quarter follows it. Closed quarters' key results that
 * followed it keep the value they last showed, as a plain number.
 */
export function untagKpi(input: unknown): { untagged: string } {
  const id = parseInput(kpiIdSchema(), input, 'untag', 'kpiId');
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
