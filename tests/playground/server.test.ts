// The playground's HTTP API as README documents it, against a server in this process (no browser), and the
// file it saves after every change.
import { readFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Addon } from '../../src/playground/emulator';
import { sampleWorkbook } from '../../src/playground/sample';
import { createPlayground, listen, MAX_BODY } from '../../src/playground/server';
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
    headers: method === 'GET' ? {} : { 'content-type': 'application/json' },
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

/** A request with exactly these headers (fetch will not send a foreign Host), and what came back. */
function raw(
  method: string,
  route: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; text: string }> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: route, method, headers, setHost: !('host' in headers) },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => {
          text += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

describe('only this machine’s own pages and tools may use the server', () => {
  const own = () => new URL(base).host;
  const state = () => JSON.stringify(addon.toState());

  it('refuses a cross-site form POST (text/plain) that would create an objective', async () => {
    await call('PUT', '/api/workbook', { sheets: [{ name: 'Sheet1', rows: [['x']] }] });
    expect((await call('POST', '/api/rpc/setUpQuarter', [{}])).body.ok).toBe(true);
    const before = state();
    const attack = JSON.stringify([{ title: 'Injected objective' }]);
    const fromEvil = await raw(
      'POST',
      '/api/rpc/saveObjective',
      { 'content-type': 'text/plain', origin: 'https://evil.example' },
      attack,
    );
    expect(fromEvil.status).toBe(403);
    expect(JSON.parse(fromEvil.text).error).toContain('https://evil.example');
    // without an Origin (a simple request a page cannot avoid sending as text/plain): refused by its type
    const plain = await raw('POST', '/api/rpc/saveObjective', { 'content-type': 'text/plain' }, attack);
    expect(plain.status).toBe(415);
    expect(JSON.parse(plain.text).error).toBe(
      'a POST must send Content-Type: application/json (it was "text/plain")',
    );
    // a body-less POST is no exception
    expect((await raw('POST', '/api/menu/showSidebar', {})).status).toBe(415);
    expect(state()).toBe(before);
    expect(state()).not.toContain('Injected objective');
  });

  it('refuses a PUT replacing the workbook from another origin or as text/plain', async () => {
    const before = state();
    const body = JSON.stringify({ sheets: [{ name: 'Gone', rows: [['all your data']] }] });
    const evil = await raw(
      'PUT',
      '/api/workbook',
      { 'content-type': 'application/json', origin: 'http://evil.example' },
      body,
    );
    expect(evil.status).toBe(403);
    expect((await raw('PUT', '/api/workbook', { 'content-type': 'text/plain' }, body)).status).toBe(415);
    expect(state()).toBe(before);
  });

  it('answers nothing to a request naming another host (DNS rebinding)', async () => {
    const { port } = new URL(base);
    for (const route of ['/api/workbook', '/api/view', '/']) {
      const r = await raw('GET', route, { host: `rebind.evil.example:${port}` });
      expect(r.status).toBe(403);
      expect(r.text).not.toContain('Sheet1');
      expect(r.text).not.toContain('<title>');
    }
    expect((await raw('GET', '/api/workbook', { host: `127.0.0.1:${Number(port) + 1}` })).status).toBe(403);
  });

  it('serves its own pages by 127.0.0.1 or localhost, from its own origin', async () => {
    const { port } = new URL(base);
    expect((await raw('GET', '/api/workbook', { host: own() })).status).toBe(200);
    expect((await raw('GET', '/api/workbook', { host: `localhost:${port}` })).status).toBe(200);
    const same = await raw(
      'POST',
      '/api/active',
      { 'content-type': 'application/json; charset=utf-8', origin: `http://localhost:${port}` },
      JSON.stringify({ sheet: 'Sheet1' }),
    );
    expect(same.status).toBe(200);
    expect(
      (
        await raw(
          'POST',
          '/api/active',
          { 'content-type': 'application/json', origin: `http://${own()}` },
          JSON.stringify({ sheet: 'Sheet1' }),
        )
      ).status,
    ).toBe(200);
  });
});

describe('sizes', () => {
  it('answers 413 to a body over the limit instead of resetting the connection', async () => {
    const before = JSON.stringify(addon.toState());
    const big = JSON.stringify({ sheets: [{ name: 'Big', rows: [['x'.repeat(MAX_BODY + 1024)]] }] });
    const r = await raw('PUT', '/api/workbook', { 'content-type': 'application/json' }, big);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.text)).toEqual({ ok: false, error: 'the request body is larger than 10 MB' });
    expect(JSON.stringify(addon.toState())).toBe(before);
    // the server still answers afterwards
    expect((await call('GET', '/api/ui')).status).toBe(200);
  });

  it('refuses a workbook past Sheets’ limits (18,278 columns, 10 million cells) with Sheets’ message', async () => {
    const before = JSON.stringify(addon.toState());
    const wide = new Array(18_279).fill('');
    wide[18_278] = 'x';
    const r1 = await call('PUT', '/api/workbook', { sheets: [{ name: 'Wide', rows: [wide] }] });
    expect(r1.status).toBe(400);
    expect(r1.body.error).toBe(
      'This action would increase the number of columns in the sheet above the limit of 18278 columns.',
    );
    // 91 KB: 30,000 empty rows and one cell at column 16,000 would be a 480-million-cell grid
    const rows: unknown[][] = Array.from({ length: 30_000 }, () => []);
    rows[0] = Object.assign(new Array(16_000).fill(null), { 15999: 'far' });
    const started = Date.now();
    const r2 = await call('PUT', '/api/workbook', { sheets: [{ name: 'Tall', rows }] });
    expect(r2.status).toBe(400);
    expect(r2.body.error).toBe(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(JSON.stringify(addon.toState())).toBe(before);
  });

  it('accepts a wide workbook within the limits, and reads it back in reasonable time and size', async () => {
    const row = new Array(9_000).fill('');
    row[8_999] = 'far right';
    expect((await call('PUT', '/api/workbook', { sheets: [{ name: 'Wide', rows: [row] }] })).body).toEqual({
      ok: true,
    });
    const started = Date.now();
    const res = await fetch(new URL('/api/workbook', base));
    const text = await res.text();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(text.length).toBeLessThan(200_000);
    expect(JSON.parse(text).sheets[0].values[0][8_999]).toBe('far right');
    const view = (await call('GET', '/api/view?sheet=Wide')).body;
    expect(view.sheet.maxColumns).toBe(9_000);
    expect(view.sheet.maxRows).toBe(1_000);
  });
});

describe('the grid edits and undo', () => {
  const cells = async () => (await call('GET', '/api/workbook')).body.sheets[0].values;

  it('inserts, deletes, sorts and pastes; undo and redo walk back and forth; /api/ui says how far', async () => {
    await call('PUT', '/api/workbook', {
      sheets: [
        {
          name: 'T',
          rows: [
            ['Name', 'N'],
            ['b', 2],
            ['a', 1],
          ],
        },
      ],
    });
    expect((await call('GET', '/api/ui')).body.history).toEqual({ undo: 0, redo: 0 });
    expect(
      (
        await call('POST', '/api/sort', {
          sheet: 'T',
          a1: 'A1:B3',
          column: 1,
          ascending: true,
          headerRow: true,
        })
      ).body,
    ).toEqual({ ok: true });
    expect(await cells()).toEqual([
      ['Name', 'N'],
      ['a', 1],
      ['b', 2],
    ]);
    expect((await call('POST', '/api/rows/insert', { sheet: 'T', at: 2 })).body).toEqual({ ok: true });
    expect((await call('POST', '/api/paste', { sheet: 'T', a1: 'A2', rows: [['c', '3']] })).body).toEqual({
      ok: true,
    });
    expect((await call('POST', '/api/rows/delete', { sheet: 'T', row: 4 })).body).toEqual({ ok: true });
    expect(await cells()).toEqual([
      ['Name', 'N'],
      ['c', 3],
      ['a', 1],
    ]);
    expect((await call('GET', '/api/ui')).body.history).toEqual({ undo: 4, redo: 0 });
    await call('POST', '/api/undo');
    await call('POST', '/api/undo');
    expect(await cells()).toEqual([
      ['Name', 'N'],
      ['', ''],
      ['a', 1],
      ['b', 2],
    ]);
    await call('POST', '/api/redo');
    expect((await call('GET', '/api/ui')).body.history).toEqual({ undo: 3, redo: 1 });
    expect(saved().sheets[0].cells.A2).toBe('c');
    expect((await call('POST', '/api/rows/insert', { sheet: 'T' })).status).toBe(400);
    expect((await call('POST', '/api/sort', { sheet: 'T', column: 'A', ascending: true })).status).toBe(400);
  });

  it('a warning-only protection answers { ok: false, warning } until the edit is sent confirmed', async () => {
    vm.runInContext(
      `SpreadsheetApp.getActive().getSheetByName('T').protect().setWarningOnly(true)`,
      addon.globals,
    );
    const first = await call('POST', '/api/cell', { sheet: 'T', a1: 'B2', input: '30' });
    expect(first.body).toEqual({
      ok: false,
      warning:
        'You’re trying to edit part of this sheet that shouldn’t be changed accidentally. Edit anyway?',
    });
    expect((await cells())[1][1]).toBe(3);
    expect(
      (await call('POST', '/api/cell', { sheet: 'T', a1: 'B2', input: '30', confirmed: true })).body,
    ).toEqual({
      ok: true,
    });
    expect((await cells())[1][1]).toBe(30);
  });
});
