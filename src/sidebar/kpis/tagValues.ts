// The tag form's values and where they come from: what okr-sheets proposes for a column of a tab (detection's
// name, unit and direction, the tab's dates and cadence), or for a row of a wide scorecard, a KPI as it stands
// (a column tagged already), or a blank form. A direction detection could not tell stays blank: the form asks.
// Numbers are the text a field shows (format.ts editableValue).
import type { KpiView, TabView } from '../../core/rpc';
import { editableValue } from '../format';

export interface TagValues {
  sheetName: string;
  valueColumn: string;
  /** a row KPI of a wide scorecard: its sheet row, as text ("" for a column KPI) */
  row: string;
  /** the stacked series followed, when the tab holds several */
  series: string;
  name: string;
  dateColumn: string;
  unit: string;
  /** "" until chosen, when the header did not tell */
  betterWhen: 'higher' | 'lower' | '';
  target: string;
  warnAt: string;
  owner: string;
  cadence: string;
}

/** A form for the tab called sheet with nothing proposed yet. */
export function blankTag(sheet: string): TagValues {
  return {
    sheetName: sheet,
    valueColumn: '',
    row: '',
    series: '',
    name: '',
    dateColumn: '',
    unit: 'number',
    betterWhen: '',
    target: '',
    warnAt: '',
    owner: '',
    cadence: '',
  };
}

/**
 * What detection proposes for a column of a tab (by default its likeliest column of numbers not tagged yet):
 * its name, unit and direction, with the tab's date column and cadence.
 */
export function proposal(tab: TabView, letter?: string): TagValues {
  if (tab.orientation === 'wide') return rowProposal(tab, letter);
  const tagged = new Set(tab.kpis.map((k) => k.valueLetter));
  const chosen = letter ?? tab.valueColumns.find((l) => !tagged.has(l)) ?? tab.valueColumns[0] ?? '';
  const col = tab.columns.find((c) => c.letter === chosen);
  return {
    ...blankTag(tab.name),
    valueColumn: chosen,
    name: col?.name ?? '',
    series: tab.series?.keys[0] ?? '',
    dateColumn: tab.dateColumn ?? '',
    unit: col?.unitText ?? col?.unit ?? 'number',
    betterWhen: col?.betterWhen ?? '',
    cadence: tab.cadence ?? '',
  };
}

/** A row of a wide scorecard (by default the first not tagged yet): its label, unit and direction. */
function rowProposal(tab: TabView, row?: string): TagValues {
  const rows = tab.kpiRows ?? [];
  const tagged = new Set(tab.kpis.map((k) => String(k.row ?? '')));
  const chosen =
    rows.find((r) => String(r.row) === row) ?? rows.find((r) => !tagged.has(String(r.row))) ?? rows[0];
  return {
    ...blankTag(tab.name),
    row: chosen ? String(chosen.row) : '',
    name: chosen?.name ?? '',
    unit: chosen?.unitText ?? chosen?.unit ?? 'number',
    betterWhen: chosen?.betterWhen ?? '',
    cadence: tab.cadence ?? '',
  };
}

/** A KPI's values as it stands, for editing. */
export function fromKpi(k: KpiView): TagValues {
  return {
    sheetName: k.sourceTab,
    valueColumn: k.valueLetter,
    row: k.row ? String(k.row) : '',
    series: k.series ?? '',
    name: k.name,
    dateColumn: k.dateLetter,
    unit: k.unit || 'number',
    betterWhen: k.betterWhen,
    target: editableValue(k.target),
    warnAt: editableValue(k.warnAt),
    owner: k.owner,
    cadence: k.cadence,
  };
}

/** A column of a tab: as its KPI stands when it is tagged already (saving updates it), else as proposed. */
export function propose(tab: TabView, kpis: readonly KpiView[], letter?: string): TagValues {
  const p = proposal(tab, letter);
  const tagged = tab.kpis.find((k) =>
    p.row ? String(k.row ?? '') === p.row : !k.row && k.valueLetter === p.valueColumn,
  );
  const current = tagged && kpis.find((k) => k.id === tagged.id);
  return current ? fromKpi(current) : p;
}

/**
 * Another value column chosen in the form: a tagged one brings its KPI's values; any other brings detection's
 * name, unit and direction and keeps what the user set for the rest (target, owner…).
 */
export function withColumn(
  values: TagValues,
  tab: TabView,
  kpis: readonly KpiView[],
  letter: string,
): TagValues {
  const wide = tab.orientation === 'wide';
  if (tab.kpis.some((k) => (wide ? String(k.row ?? '') === letter : !k.row && k.valueLetter === letter)))
    return propose(tab, kpis, letter);
  const p = proposal(tab, letter);
  return {
    ...values,
    valueColumn: p.valueColumn,
    row: p.row,
    name: p.name,
    unit: p.unit,
    betterWhen: p.betterWhen,
  };
}
