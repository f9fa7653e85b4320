// The sample workbook in French (fr_FR), as a French team keeps its KPI tabs: French tab names and headers
// (`Taux de désabonnement`, `Chiffre d'affaires (€)`), dates shown as `20/03/2015`, numbers with decimal commas
// and narrow no-break spaces between thousands (which the fr_FR locale gives them). The same series as the
// English sample (sample-kit.ts).
import type { WorkbookState } from './emulator/state';
import { kpiSeries, kpiSheet, kpiWorkbook, SHEET_IDS, weeksUpTo } from './sample-kit';

export function sampleWorkbookFr(seedDate: Date): WorkbookState {
  const s = kpiSeries(seedDate);
  const weeks = weeksUpTo(seedDate);
  const week = { header: 'Semaine', format: 'dd/mm/yyyy' };
  return kpiWorkbook({
    id: 'sample-acme-kpis-fr',
    name: 'Acme SAS — Indicateurs',
    timeZone: 'Europe/Paris',
    locale: 'fr_FR',
    sheets: [
      kpiSheet('Désabonnements', SHEET_IDS[0], weeks, week, [
        { header: 'Taux de désabonnement', format: '0.0%', width: 180, value: s.churn },
      ]),
      kpiSheet('NPS', SHEET_IDS[1], weeks, week, [{ header: 'NPS', format: '0', value: s.nps }]),
      kpiSheet('Ventes', SHEET_IDS[2], weeks, week, [
        { header: "Chiffre d'affaires (€)", format: '#,##0 "€"', width: 170, value: s.revenue },
        { header: 'Utilisateurs actifs', format: '#,##0', width: 150, value: s.activeUsers },
        { header: "Taux d'activation", format: '0.0%', width: 140, value: s.activation },
      ]),
      kpiSheet('Support', SHEET_IDS[3], weeks, week, [
        { header: 'Délai de résolution (h)', format: '0.0', width: 180, value: s.resolutionHours },
        { header: 'Tickets', format: '#,##0', value: s.tickets },
      ]),
    ],
  });
}
