// The sample workbook a newcomer meets on first start (en_US): the KPI tabs a team already keeps, with a year of
// weekly data up to the seed date, not yet tagged (sample-kit.ts builds them). Other locales' samples:
// sample-de.ts, sample-fr.ts.
import type { WorkbookState } from './emulator/state';
import { kpiSeries, kpiSheet, kpiWorkbook, SHEET_IDS, weeksUpTo } from './sample-kit';

export function sampleWorkbook(seedDate: Date): WorkbookState {
  const s = kpiSeries(seedDate);
  const weeks = weeksUpTo(seedDate);
  const week = { header: 'Week', format: 'yyyy-mm-dd' };
  return kpiWorkbook({
    id: 'sample-acme-kpis',
    name: 'Acme — KPIs',
    timeZone: 'Etc/UTC',
    locale: 'en_US',
    sheets: [
      kpiSheet('Churn', SHEET_IDS[0], weeks, week, [{ header: 'Churn %', format: '0.0%', value: s.churn }]),
      kpiSheet('NPS', SHEET_IDS[1], weeks, week, [{ header: 'NPS', format: '0', value: s.nps }]),
      kpiSheet('Metrics', SHEET_IDS[2], weeks, week, [
        { header: 'MRR', format: '$#,##0', value: s.revenue },
        { header: 'DAU', format: '#,##0', value: s.activeUsers },
        { header: 'Activation rate', format: '0.0%', value: s.activation },
      ]),
      kpiSheet('Support', SHEET_IDS[3], weeks, week, [
        { header: 'Resolution time (h)', format: '0.0', width: 160, value: s.resolutionHours },
        { header: 'Tickets', format: '#,##0', value: s.tickets },
      ]),
    ],
  });
}
