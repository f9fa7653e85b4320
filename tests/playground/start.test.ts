// Starting the playground (what `npm start` runs after building): the sample workbook on first start, a
// deterministic sample, a corrupt workbook file kept aside and reported, never overwritten silently.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleWorkbook } from '../../src/playground/sample';
import { sampleWorkbookDe } from '../../src/playground/sample-de';
import { sampleWorkbookFr } from '../../src/playground/sample-fr';
import { newAddon } from '../helpers/addon';
import { startPlayground, tempDir } from '../helpers/playground';

describe('the sample workbook', () => {
  const seed = new Date('2027-02-10T12:00:00Z');

  it('is the same for the same seed date, and different for another', () => {
    expect(sampleWorkbook(new Date('2027-02-10T12:00:00Z'))).toEqual(sampleWorkbook(seed));
    expect(sampleWorkbook(new Date('2027-03-10T12:00:00Z'))).not.toEqual(sampleWorkbook(seed));
  });

  it('tells the story: a year of weekly KPIs up to the seed date, churn drifting from ~5% toward 8%, untagged', () => {
    const addon = newAddon({ state: sampleWorkbook(seed) });
    const wb = addon.workbook;
    expect(wb.sheets.map((s) => s.name)).toEqual(['Churn', 'NPS', 'Metrics', 'Support']);
    const churn = addon.spreadsheet.getSheetByName('Churn')!;
    const rows = churn.getDataRange().getValues();
    expect(rows[0]).toEqual(['Week', 'Churn %']);
    expect(rows).toHaveLength(53);
    const dates = rows.slice(1).map((r) => (r[0] as Date).getTime());
    for (let i = 1; i < dates.length; i++) expect(dates[i]! - dates[i - 1]!).toBe(7 * 86_400_000);
    expect(new Date(dates.at(-1)!).toISOString().slice(0, 10)).toBe('2027-02-08'); // the Monday before
    const churnValues = rows.slice(1).map((r) => r[1] as number);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(churnValues.slice(0, 8))).toBeGreaterThan(0.04);
    expect(mean(churnValues.slice(0, 8))).toBeLessThan(0.06);
    expect(mean(churnValues.slice(-8))).toBeGreaterThan(0.07);
    expect(mean(churnValues.slice(-8))).toBeLessThan(0.09);
    expect(churn.getRange('B2').getDisplayValue()).toMatch(/^\d\.\d%$/);
    expect(churn.getFrozenRows()).toBe(1);
    const metrics = addon.spreadsheet.getSheetByName('Metrics')!;
    expect(metrics.getRange('A1:D1').getValues()).toEqual([['Week', 'MRR', 'DAU', 'Activation rate']]);
    expect(metrics.getRange('B53').getDisplayValue()).toMatch(/^\$1\d{2},\d{3}$/);
    expect(addon.spreadsheet.createDeveloperMetadataFinder().find()).toHaveLength(0);
  });
});

describe('the samples in other locales', () => {
  const seed = new Date('2027-02-10T12:00:00Z');

  it('German (de_DE): German tabs and headers, dates as 08.02.2027, decimal commas and . grouping', () => {
    const addon = newAddon({ state: sampleWorkbookDe(seed) });
    expect(addon.spreadsheet.getSpreadsheetLocale()).toBe('de_DE');
    expect(addon.workbook.sheets.map((s) => s.name)).toEqual(['Kündigungen', 'NPS', 'Umsatz', 'Support']);
    const churn = addon.spreadsheet.getSheetByName('Kündigungen')!;
    expect(churn.getRange('A1:B1').getValues()).toEqual([['Woche', 'Kündigungsrate']]);
    expect(churn.getRange('A53').getDisplayValue()).toBe('08.02.2027');
    expect(churn.getRange('B53').getDisplayValue()).toMatch(/^\d,\d%$/);
    const revenue = addon.spreadsheet.getSheetByName('Umsatz')!;
    expect(revenue.getRange('A1:D1').getValues()).toEqual([
      ['Woche', 'Umsatz (€)', 'Aktive Nutzer', 'Aktivierungsrate'],
    ]);
    expect(revenue.getRange('B53').getDisplayValue()).toMatch(/^1\d{2}\.\d{3} €$/);
    expect(addon.spreadsheet.getSheetByName('Support')!.getRange('B53').getDisplayValue()).toMatch(
      /^\d+,\d$/,
    );
    // the same story as the English sample: the same numbers behind the German words
    const english = newAddon({ state: sampleWorkbook(seed) });
    expect(churn.getRange('B2:B53').getValues()).toEqual(
      english.spreadsheet.getSheetByName('Churn')!.getRange('B2:B53').getValues(),
    );
  });

  it('French (fr_FR): French tabs and headers, dates as 08/02/2027, decimal commas', () => {
    const addon = newAddon({ state: sampleWorkbookFr(seed) });
    expect(addon.spreadsheet.getSpreadsheetLocale()).toBe('fr_FR');
    const churn = addon.spreadsheet.getSheetByName('Désabonnements')!;
    expect(churn.getRange('A1:B1').getValues()).toEqual([['Semaine', 'Taux de désabonnement']]);
    expect(churn.getRange('A53').getDisplayValue()).toBe('08/02/2027');
    expect(churn.getRange('B53').getDisplayValue()).toMatch(/^\d,\d%$/);
  });
});

describe('starting the playground', () => {
  it('seeds the sample on first start and saves it', async () => {
    const tmp = tempDir('okr-start-');
    const file = path.join(tmp.dir, 'nested', 'workbook.json');
    const running = await startPlayground(file);
    try {
      const res = await fetch(new URL('/api/workbook', running.url));
      const body = (await res.json()) as { name: string };
      expect(body.name).toBe('Acme — KPIs');
      expect(JSON.parse(readFileSync(file, 'utf8')).sheets).toHaveLength(4);
    } finally {
      await running.stop();
      tmp.cleanup();
    }
  }, 60_000);

  it('keeps a corrupt workbook file aside, reports it, and starts from the sample', async () => {
    const tmp = tempDir('okr-corrupt-');
    const file = path.join(tmp.dir, 'workbook.json');
    writeFileSync(file, '{"version":1,"sheets": [ this is not json');
    const running = await startPlayground(file);
    try {
      expect(running.output()).toMatch(/could not be read as a workbook/);
      const aside = readdirSync(tmp.dir).filter((f) => f.startsWith('workbook.json.corrupt-'));
      expect(aside).toHaveLength(1);
      expect(readFileSync(path.join(tmp.dir, aside[0]!), 'utf8')).toBe(
        '{"version":1,"sheets": [ this is not json',
      );
      expect(running.output()).toContain(aside[0]);
      expect(existsSync(file)).toBe(true);
      expect(JSON.parse(readFileSync(file, 'utf8')).name).toBe('Acme — KPIs');
    } finally {
      await running.stop();
      tmp.cleanup();
    }
  }, 60_000);

  it('--reset restores the sample, keeping the previous workbook aside', async () => {
    const tmp = tempDir('okr-reset-');
    const file = path.join(tmp.dir, 'workbook.json');
    const first = await startPlayground(file);
    await fetch(new URL('/api/cell', first.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sheet: 'Churn', a1: 'D1', input: 'my note' }),
    });
    await first.stop();
    const edited = readFileSync(file, 'utf8');
    expect(JSON.parse(edited).sheets[0].cells.D1).toBe('my note');
    const second = await startPlayground(file, { args: ['--reset'] });
    try {
      expect(JSON.parse(readFileSync(file, 'utf8')).sheets[0].cells.D1).toBeUndefined();
      const aside = readdirSync(tmp.dir).filter((f) => f.startsWith('workbook.json.before-reset-'));
      expect(aside).toHaveLength(1);
      expect(readFileSync(path.join(tmp.dir, aside[0]!), 'utf8')).toBe(edited);
    } finally {
      await second.stop();
      tmp.cleanup();
    }
  }, 60_000);

  it('PLAYGROUND_LOCALE=de_DE opens the German sample in de_DE, and switches a saved workbook to de_DE', async () => {
    const tmp = tempDir('okr-locale-');
    const file = path.join(tmp.dir, 'workbook.json');
    const german = await startPlayground(file, { env: { PLAYGROUND_LOCALE: 'de_DE' } });
    try {
      const view = (await (await fetch(new URL('/api/view', german.url))).json()) as {
        locale: string;
        name: string;
        sheet: { cells: Record<string, { text: string }> };
      };
      expect([view.locale, view.name]).toEqual(['de_DE', 'Acme GmbH — Kennzahlen']);
      expect(view.sheet.cells.A53?.text).toBe('08.02.2027');
      expect(JSON.parse(readFileSync(file, 'utf8')).locale).toBe('de_DE');
    } finally {
      await german.stop();
    }
    const english = path.join(tmp.dir, 'english.json');
    await (await startPlayground(english)).stop();
    const switched = await startPlayground(english, { env: { PLAYGROUND_LOCALE: 'de_DE' } });
    try {
      expect(switched.output()).toContain(
        'the workbook was in en_US; PLAYGROUND_LOCALE switches it to de_DE',
      );
      const view = (await (await fetch(new URL('/api/view', switched.url))).json()) as {
        locale: string;
        name: string;
      };
      expect([view.locale, view.name]).toEqual(['de_DE', 'Acme — KPIs']);
    } finally {
      await switched.stop();
    }
    await expect(startPlayground(file, { env: { PLAYGROUND_LOCALE: 'xx_YY' } })).rejects.toThrow(
      /PLAYGROUND_LOCALE "xx_YY" is not a locale Sheets offers/,
    );
    tmp.cleanup();
  }, 90_000);
});
