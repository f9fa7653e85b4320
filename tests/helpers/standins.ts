// Minimal stand-ins for the Apps Script services the custom functions touch, for tests that load the bundle
// without the emulator. Utilities.formatDate supports the two patterns server/dates.ts uses.
export function zoneStandins(zone: string) {
  const parts = (d: Date) => {
    const fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    return Object.fromEntries(fmt.formatToParts(d).map((p) => [p.type, p.value]));
  };
  return {
    SpreadsheetApp: { getActive: () => ({ getSpreadsheetTimeZone: () => zone }) },
    Utilities: {
      formatDate(d: Date, tz: string, pattern: string): string {
        if (tz !== zone) throw new Error(`stand-in knows only ${zone}`);
        const p = parts(d);
        if (pattern === 'yyyy-MM-dd') return `${p.year}-${p.month}-${p.day}`;
        if (pattern === 'Z') {
          const local = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!);
          const minutes = Math.round((local - d.getTime()) / 60_000);
          const abs = Math.abs(minutes);
          return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
        }
        throw new Error(`stand-in cannot format ${pattern}`);
      },
    },
  };
}
