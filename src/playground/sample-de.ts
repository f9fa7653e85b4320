// The sample workbook in German (de_DE), as a German team keeps its KPI tabs: German tab names and headers
// (`Kündigungsrate`, `Umsatz (€)`), dates shown as `20.03.2015`, numbers with decimal commas and `.` grouping
// (which the de_DE locale gives them: `5,2%`, `123.456 €`). The same series as the English sample
// (sample-kit.ts), so the two tell the same story.
import type { WorkbookState } from './emulator/state';
import { kpiSeries, kpiSheet, kpiWorkbook, SHEET_IDS, weeksUpTo } from './sample-kit';

export function sampleWorkbookDe(seedDate: Date): WorkbookState {
  const s = kpiSeries(seedDate);
  const weeks = weeksUpTo(seedDate);
  const week = { header: 'Woche', format: 'dd.mm.yyyy' };
  return kpiWorkbook({
    id: 'sample-acme-kpis-de',
    name: 'Acme GmbH — Kennzahlen',
    timeZone: 'Europe/Berlin',
    locale: 'de_DE',
    sheets: [
      kpiSheet('Kündigungen', SHEET_IDS[0], weeks, week, [
        { header: 'Kündigungsrate', format: '0.0%', width: 140, value: s.churn },
      ]),
      kpiSheet('NPS', SHEET_IDS[1], weeks, week, [{ header: 'NPS', format: '0', value: s.nps }]),
      kpiSheet('Umsatz', SHEET_IDS[2], weeks, week, [
        { header: 'Umsatz (€)', format: '#,##0 "€"', value: s.revenue },
        { header: 'Aktive Nutzer', format: '#,##0', value: s.activeUsers },
        { header: 'Aktivierungsrate', format: '0.0%', width: 150, value: s.activation },
      ]),
      kpiSheet('Support', SHEET_IDS[3], weeks, week, [
        { header: 'Lösungszeit (h)', format: '0.0', width: 150, value: s.resolutionHours },
        { header: 'Tickets', format: '#,##0', value: s.tickets },
      ]),
    ],
  });
}
