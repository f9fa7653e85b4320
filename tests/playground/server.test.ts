// The playground's HTTP API as README documents it, against a server in this process (no browser), and the
// file it saves after every change.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Addon } from '../../src/playground/emulator';
import { sampleWorkbook } from '../../src/playground/sample';
import { createPlayground, listen } from '../../src/playground/server';
import { WorkbookFile } from '../../src/playground/store';
import { newAddon } from '../helpers/addon';
import { tempDir } from '../helpers/playground';

const tmp = tempDir('okr-api-');
const file = new WorkbookFile(path.join(tmp.dir, 'workbook.json'));
let server: Server;
let base: string;
let addon: Addon;

async function call(method: string, url: string, body?: unknown) {
  const res = await fetch(new URL(url, base), {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, body: type.includes('json') ? await res.json() : await res.text() };
}

const saved = () => JSON.parse(readFileSync(file.file, 'utf8'));

beforeAll(async () => {
  addon = newAddon({
    state: sampleWorkbook(new Date('2027-02-10T12:00:00Z')),
    unansweredDialogs: 'defer',
  });
  addon.open();
  server = createPlayground({
    addon,
    file,
    pageHtml: '<!doctype html><title>page</title>',
    bridgeJs: '/*bridge*/',
  });
  base = await listen(server, 0);
});

afterAll(() => {
  server.close();
  tmp.cleanup();
});

describe('the HTTP API', () => {
  it('GET /api/workbook: every sheet with computed values and formulas ("" where none)', async () => {
    const { status, body } = await call('GET', '/api/workbook');
    expect(status).toBe(200);
    expect(body.sheets.map((s: { name: string }) => s.name)).toEqual(['Churn', 'NPS', 'Metrics', 'Support']);
    const churn = body.sheets[0];
    expect(churn.values[0]).toEqual(['Week', 'Churn %']);
    expect(churn.values).toHaveLength(53);
    expect(churn.values[52][0]).toBe('2027-02-08T00:00:00.000Z');
    expect(typeof churn.values[52][1]).toBe('number');
    expect(churn.formulas[1]).toEqual(['', '']);
  });

  it('POST /api/cell edits as a user typing, recalculates, and saves the workbook', async () => {
    expect(
      (await call('POST', '/api/cell', { sheet: 'Churn', a1: 'D1', input: '=COUNT(B2:B)' })).body,
    ).toEqual({
      ok: true,
    });
    const { body } = await call('GET', '/api/workbook');
    expect(body.sheets[0].values[0][3]).toBe(52);
    expect(body.sheets[0].formulas[0][3]).toBe('=COUNT(B2:B)');
    expect(saved().sheets[0].cells.D1).toBe('=COUNT(B2:B)');
    expect((await call('POST', '/api/cell', { sheet: 'Nope', a1: 'A1', input: '1' })).body).toEqual({
      ok: false,
      error: 'No sheet named "Nope".',
    });
    expect((await call('POST', '/api/cell', { sheet: 'Churn' })).status).toBe(400);
  });

  it('POST /api/active sets the active sheet and range that handlers see', async () => {
    expect((await call('POST', '/api/active', { sheet: 'NPS', a1: 'B3' })).body).toEqual({ ok: true });
    const { body } = await call('GET', '/api/view');
    expect(body.active).toEqual({ sheet: 'NPS', a1: 'B3' });
    expect(body.sheet.name).toBe('NPS');
    expect(saved().active).toEqual({ sheet: 1_000_007_919, a1: 'B3' });
    expect((await call('POST', '/api/active', { sheet: 'Nope' })).status).toBe(400);
  });

  it('POST /api/menu/<fn> runs a menu item; the sidebar is then served with the bridge injected first', async () => {
    expect((await call('GET', '/api/ui')).body.sidebar).toBeNull();
    expect((await call('POST', '/api/menu/showSidebar')).body).toEqual({ ok: true });
    const ui = (await call('GET', '/api/ui')).body;
    expect(ui.sidebar.title).toBe('OKRs & KPIs');
    const html = (await call('GET', '/sidebar')).body as string;
    expect(html).toMatch(/^<!doctype html>\s*<html lang="en">\s*<head><script>window\.__OKR_PLAYGROUND__=/i);
    expect(html).toMatch(/"functions":\[[^\]]*"showSidebar"[^\]]*"getOverview"/);
    expect(html).toContain('/*bridge*/');
    expect((await call('POST', '/api/menu/getOverview')).body).toMatchObject({ ok: false });
  });

  it('POST /api/rpc/<fn>: a JSON array of arguments in, { ok, value } or { ok: false, error } out', async () => {
    const ok = (await call('POST', '/api/rpc/getOverview', [])).body;
    expect(ok.ok).toBe(true);
    expect(ok.value.tabs[0]).toEqual({ name: 'Churn', rows: 53, columns: 4 });
    expect((await call('POST', '/api/rpc/nope', [])).body).toEqual({
      ok: false,
      error: 'Script function not found: nope',
    });
    expect((await call('POST', '/api/rpc/getOverview', { not: 'an array' })).status).toBe(400);
    expect((await call('POST', '/api/rpc/getOverview', '{oops')).status).toBe(400);
  });

  it('PUT /api/workbook replaces the whole workbook (values and =formulas) and reopens it', async () => {
    const put = await call('PUT', '/api/workbook', {
      sheets: [
        {
          name: 'KRs',
          rows: [
            ['ID', 'Score'],
            ['KR-1', '=OKR_SCORE(0.08,0.05,0.055)'],
          ],
        },
        { name: 'Notes', rows: [['hello']] },
      ],
    });
    expect(put.body).toEqual({ ok: true });
    const { body } = await call('GET', '/api/workbook');
    expect(body.sheets.map((s: { name: string }) => s.name)).toEqual(['KRs', 'Notes']);
    expect(body.sheets[0].values[1][1]).toBeCloseTo(0.8333333333, 9);
    expect(body.sheets[0].formulas[1]).toEqual(['', '=OKR_SCORE(0.08,0.05,0.055)']);
    expect((await call('GET', '/api/ui')).body.menus[0].caption).toBe('okr-sheets');
    expect(saved().sheets.map((s: { name: string }) => s.name)).toEqual(['KRs', 'Notes']);
    expect((await call('PUT', '/api/workbook', { sheets: [] })).status).toBe(400);
  });

  it('serves a modal dialog the add-on opened, with the bridge, until it is closed', async () => {
    vm.runInContext(
      `SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput('<html><head></head><body>Hi</body></html>').setWidth(320).setHeight(120), 'Welcome')`,
      addon.globals,
    );
    const ui = (await call('GET', '/api/ui')).body;
    const dialog = ui.dialogs.at(-1);
    expect(dialog).toMatchObject({ title: 'Welcome', width: 320, height: 120 });
    const html = (await call('GET', `/dialog/${dialog.id}`)).body as string;
    expect(html).toMatch(/<head><script>window\.__OKR_PLAYGROUND__=\{"target":\{"kind":"dialog","id":\d+\}/);
    expect(html).toContain('<body>Hi</body>');
    await call('POST', `/api/dialog/${dialog.id}/close`);
    expect((await call('GET', '/api/ui')).body.dialogs).toEqual([]);
    expect((await call('GET', `/dialog/${dialog.id}`)).status).toBe(404);
  });

  it('POST /api/locale changes the spreadsheet’s locale (File › Settings): the view, typing and the file follow', async () => {
    expect((await call('GET', '/api/view')).body.locale).toBe('en_US');
    expect((await call('POST', '/api/locale', { locale: 'de_DE' })).body).toEqual({
      ok: true,
      locale: 'de_DE',
    });
    expect(saved().locale).toBe('de_DE');
    await call('POST', '/api/cell', { sheet: 'Notes', a1: 'A2', input: '=SUM(1,5;2)' });
    await call('POST', '/api/cell', { sheet: 'Notes', a1: 'A3', input: '1.234,5' });
    const view = (await call('GET', '/api/view?sheet=Notes')).body;
    expect(view.locale).toBe('de_DE');
    expect(view.sheet.cells.A2).toMatchObject({ text: '3,5', formula: '=SUM(1,5;2)' });
    expect(view.sheet.cells.A3).toMatchObject({ text: '1.234,50', input: '1234,5' });
    expect((await call('POST', '/api/locale', { locale: 'xx_YY' })).status).toBe(400);
    expect((await call('POST', '/api/locale', {})).status).toBe(400);
    expect((await call('POST', '/api/locale', { locale: 'en_US' })).body).toEqual({
      ok: true,
      locale: 'en_US',
    });
    expect((await call('GET', '/api/view?sheet=Notes')).body.sheet.cells.A2.formula).toBe('=SUM(1.5,2)');
  });

  it('unknown API routes are 404 with a JSON error', async () => {
    const r = await call('GET', '/api/nothing');
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ ok: false, error: 'no API GET /api/nothing' });
  });
});
