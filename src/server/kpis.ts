// KPIs as the registry sheet lists them, for the sidebar and for key results that follow a KPI.
import { KPIS } from '../core/layout';
import type { KpiView } from '../core/rpc';
import { type Cell, isBlank, readNumber } from '../core/values';
import type { Spreadsheet } from './gas';
import { readTable, taggedSheets } from './workbook';

const num = (v: Cell): number | '' => {
  try {
    return readNumber('', v) ?? '';
  } catch {
    return '';
  }
};
const str = (v: Cell) => (isBlank(v) ? '' : String(v).trim());

/** Every KPI row of the registry (none when the registry does not exist yet). */
export function listKpiViews(ss: Spreadsheet): KpiView[] {
  const sheet = taggedSheets(ss).find((t) => t.tag.kind === 'kpis')?.sheet ?? ss.getSheetByName(KPIS.name);
  if (!sheet) return [];
  const t = readTable(sheet, KPIS);
  const c = t.columns;
  return t.values
    .slice(1)
    .filter((r) => str(r[c.id]) !== '')
    .map((r) => {
      const trend = str(r[c.trend]);
      const status = str(r[c.status]);
      const latest = r[c.latest];
      const previous = r[c.previous];
      return {
        id: str(r[c.id]),
        name: str(r[c.name]),
        sourceTab: str(r[c.sourceTab]),
        valueColumn: str(r[c.valueColumn]),
        dateColumn: str(r[c.dateColumn]),
        unit: str(r[c.unit]),
        betterWhen: str(r[c.betterWhen]) === 'lower' ? 'lower' : 'higher',
        target: num(r[c.target]),
        warnAt: num(r[c.warnAt]),
        owner: str(r[c.owner]),
        cadence: str(r[c.cadence]),
        latest: typeof latest === 'number' || typeof latest === 'string' ? latest : '',
        previous: typeof previous === 'number' || typeof previous === 'string' ? previous : '',
        trend: trend === '↑' || trend === '↓' || trend === '→' ? trend : '',
        status: status === 'green' || status === 'yellow' || status === 'red' ? status : '',
        recent: [],
      };
    });
}
