// Dates in the spreadsheet's time zone. Sheets hands a custom function a date cell as midnight in the
// spreadsheet's time zone and shows a returned Date in that zone, while the script itself runs in UTC
// (appsscript.json). Reading and writing through the spreadsheet's zone keeps the calendar day right in
// every zone, from UTC−12 to UTC+14.
import type { DayReader } from '../core/kpi-health';
import { type Day, utcMidnight } from '../core/values';
import { spreadsheetApp, utilities } from './gas';

let cachedZone: string | undefined;

/** The spreadsheet's time zone, read once per execution. */
export function spreadsheetZone(): string {
  if (cachedZone === undefined) cachedZone = spreadsheetApp().getActive().getSpreadsheetTimeZone();
  return cachedZone;
}

/** The calendar day a Date shows as in the spreadsheet. */
export function dayInZone(d: Date, zone = spreadsheetZone()): Day {
  const [year, month, day] = utilities().formatDate(d, zone, 'yyyy-MM-dd').split('-').map(Number);
  return { year: year!, month: month!, day: day! };
}

/** Midnight of a calendar day in the spreadsheet's time zone. */
export function dateInZone(day: Day, zone = spreadsheetZone()): Date {
  const midnight = utcMidnight(day.year, day.month, day.day);
  // The zone's offset near that day ("+1300", "-0500"), applied so the instant is local midnight.
  const offsetAt = (t: number) => {
    const z = utilities().formatDate(new Date(t), zone, 'Z');
    const sign = z.startsWith('-') ? -1 : 1;
    return sign * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5))) * 60_000;
  };
  const guess = midnight - offsetAt(midnight);
  return new Date(midnight - offsetAt(guess));
}

/** Dates as Sheets hands them to a custom function: midnight in the spreadsheet's time zone. */
export const zoneDays: DayReader = {
  dayOf: (d) => dayInZone(d),
  midnightOf: (day) => dateInZone(day).getTime(),
};
