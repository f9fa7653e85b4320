// The playground's HTTP server: the page, the add-on's sidebar and dialogs (the real HTML with a
// google.script.run bridge injected), and the JSON API the page, tools and tests use (documented in README).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { scriptSafe } from '../../scripts/html-inline.mjs';
import type { ActionResult, Addon, Answer, EditOptions } from './emulator';
import { formulaAt, lastColumn, lastRow, scriptValue } from './emulator/cells';
import { checkCaller, Fields, HttpError, json, readJson, send } from './http';
import type { WorkbookFile } from './store';

export { MAX_BODY } from './http';

export interface PlaygroundOptions {
  addon: Addon;
  file: WorkbookFile;
  /** The page (one HTML file, script and styles inlined). */
  pageHtml: string;
  /** The google.script.run bridge, injected into the sidebar and dialogs. */
  bridgeJs: string;
}

/** The add-on's HTML with the bridge first in <head>, as HtmlService serves it inside Sheets. */
export function withBridge(
  html: string,
  bridgeJs: string,
  config: { target: { kind: 'sidebar' } | { kind: 'dialog'; id: number }; functions: readonly string[] },
) {
  const data = JSON.stringify(config).replace(/</g, '\\u003c');
  const script = `<script>window.__OKR_PLAYGROUND__=${data};\n${scriptSafe(bridgeJs)}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (head)
    return html.slice(0, head.index + head[0].length) + script + html.slice(head.index + head[0].length);
  return script + html;
}

/** GET /api/workbook: every sheet's data range, values as computed and formulas ("" where none). */
function workbookJson(addon: Addon) {
  const wb = addon.workbook;
  return {
    name: wb.name,
    sheets: wb.sheets.map((sheet) => {
      const rows = lastRow(wb, sheet);
      const columns = lastColumn(wb, sheet);
      const values: unknown[][] = [];
      const formulas: string[][] = [];
      for (let r = 1; r <= rows; r++) {
        const vRow: unknown[] = [];
        const fRow: string[] = [];
        for (let c = 1; c <= columns; c++) {
          const v = scriptValue(wb, sheet, r, c);
          vRow.push(v instanceof Date ? v.toISOString() : v);
          fRow.push(formulaAt(wb, sheet, r, c));
        }
        values.push(vRow);
        formulas.push(fRow);
      }
      return { name: sheet.name, values, formulas };
    }),
  };
}

function uiJson(addon: Addon, sidebarVersion: number) {
  const ui = addon.ui;
  return {
    menus: ui.menus,
    // The version changes with every showSidebar call, so the page reloads the sidebar's iframe.
    sidebar: ui.sidebar ? { title: ui.sidebar.title, version: sidebarVersion } : null,
    dialogs: ui.dialogs.map((d) => ({ id: d.id, title: d.title, width: d.width, height: d.height })),
    toasts: ui.toasts,
    alerts: ui.alerts,
  };
}

/** The API of the user's grid edits: route → the body expected (for the 400) and the emulator action. */
const USER_EDITS: Record<
  string,
  { expected: string; run: (addon: Addon, body: Fields, options: EditOptions) => ActionResult }
> = {
  '/api/cell': {
    expected: '{ sheet, a1, input, confirmed? } (strings)',
    run: (addon, b, o) => addon.editCell(b.string('sheet'), b.string('a1'), b.string('input'), o),
  },
  '/api/paste': {
    expected: '{ sheet, a1, rows: [[text]] or from: A1, confirmed? }',
    run: (addon, b, o) =>
      addon.paste(
        b.string('sheet'),
        b.string('a1'),
        b.has('from') ? { from: b.string('from') } : { rows: b.rows('rows') },
        o,
      ),
  },
  '/api/rows/insert': {
    expected: '{ sheet, at, count?, confirmed? } (at: the row the new rows go before)',
    run: (addon, b, o) => addon.insertRows(b.string('sheet'), b.integer('at'), b.integer('count', 1), o),
  },
  '/api/rows/delete': {
    expected: '{ sheet, row, count?, confirmed? }',
    run: (addon, b, o) => addon.deleteRows(b.string('sheet'), b.integer('row'), b.integer('count', 1), o),
  },
  '/api/sort': {
    expected:
      '{ sheet, a1?, column, ascending, headerRow?, confirmed? } (no a1: the sheet below its frozen rows)',
    run: (addon, b, o) => {
      const a1 = b.optionalString('a1');
      const column = b.integer('column');
      const ascending = b.boolean('ascending');
      return a1 === undefined
        ? addon.sortSheet(b.string('sheet'), column, ascending, o)
        : addon.sortRange(
            b.string('sheet'),
            a1,
            { column, ascending, headerRow: b.boolean('headerRow', false) },
            o,
          );
    },
  },
  '/api/undo': { expected: '{}', run: (addon) => addon.undo() },
  '/api/redo': { expected: '{}', run: (addon) => addon.redo() },
};

export function createPlayground(options: PlaygroundOptions): Server {
  const { addon, file, pageHtml, bridgeJs } = options;
  let lastSidebar: unknown = null;
  let sidebarVersion = 0;
  const save = () => file.save(addon.toState());
  // google.script.run offers every top-level function except private ones (ending in _), as Apps Script does.
  const functions = addon.functions.filter((f) => !f.endsWith('_'));

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const p = url.pathname;
    checkCaller(req, method);

    if (method === 'GET' && p === '/') return send(res, 200, pageHtml, 'text/html; charset=utf-8');
    if (method === 'GET' && p === '/sidebar') {
      const sidebar = addon.ui.sidebar;
      if (!sidebar) return send(res, 404, 'No sidebar is open.', 'text/plain; charset=utf-8');
      return send(
        res,
        200,
        withBridge(sidebar.html, bridgeJs, { target: { kind: 'sidebar' }, functions }),
        'text/html; charset=utf-8',
      );
    }
    const dialogMatch = /^\/dialog\/(\d+)$/.exec(p);
    if (method === 'GET' && dialogMatch) {
      const id = Number(dialogMatch[1]);
      const dialog = addon.ui.dialogs.find((d) => d.id === id);
      if (!dialog) return send(res, 404, 'No such dialog.', 'text/plain; charset=utf-8');
      return send(
        res,
        200,
        withBridge(dialog.html, bridgeJs, { target: { kind: 'dialog', id }, functions }),
        'text/html; charset=utf-8',
      );
    }

    if (p === '/api/workbook' && method === 'GET') return json(res, 200, workbookJson(addon));
    if (p === '/api/workbook' && method === 'PUT') {
      const body = (await readJson(req)) as
        | { sheets?: Array<{ name?: unknown; rows?: unknown }> }
        | undefined;
      const sheets = body?.sheets;
      if (!Array.isArray(sheets) || sheets.length === 0)
        throw new HttpError(400, 'expected { sheets: [{ name, rows }] }');
      const parsed = sheets.map((s, i) => {
        if (typeof s?.name !== 'string' || s.name === '')
          throw new HttpError(400, `sheets[${i}].name must be a name`);
        if (!Array.isArray(s.rows)) throw new HttpError(400, `sheets[${i}].rows must be an array of rows`);
        return { name: s.name, rows: s.rows as unknown[][] };
      });
      try {
        addon.replaceWorkbook(parsed);
      } catch (e) {
        throw new HttpError(400, e instanceof Error ? e.message : String(e));
      }
      const opened = addon.open();
      save();
      return json(res, 200, opened.ok ? { ok: true } : opened);
    }
    if (p === '/api/view' && method === 'GET') {
      const sheet = url.searchParams.get('sheet') ?? undefined;
      return json(res, 200, addon.view(sheet));
    }
    if (p === '/api/ui' && method === 'GET') {
      if (addon.ui.sidebar !== lastSidebar) {
        lastSidebar = addon.ui.sidebar;
        sidebarVersion++;
      }
      return json(res, 200, { ...uiJson(addon, sidebarVersion), history: addon.history() });
    }

    const rpc = /^\/api\/rpc\/([A-Za-z_$][\w$]*)$/.exec(p);
    if (rpc && method === 'POST') {
      const args = (await readJson(req)) ?? [];
      if (!Array.isArray(args)) throw new HttpError(400, 'the body must be a JSON array of arguments');
      const result = addon.rpc(rpc[1]!, args);
      save();
      return json(res, 200, result);
    }
    const menu = /^\/api\/menu\/([A-Za-z_$][\w$]*)$/.exec(p);
    if (menu && method === 'POST') {
      const body = (await readJson(req)) as { answers?: Answer[] } | undefined;
      if (body?.answers) addon.ui.answer(...body.answers);
      const result = addon.runMenu(menu[1]!);
      save();
      return json(res, 200, result);
    }
    // What the user does in the grid: each an undo step, each answering { ok: false, warning } first when it
    // touches a warning-only protection (sent again with confirmed: true to go ahead).
    const edit = USER_EDITS[p];
    if (edit && method === 'POST') {
      const body = new Fields((await readJson(req)) ?? {}, edit.expected);
      const result = edit.run(addon, body, { confirmed: body.boolean('confirmed', false) });
      save();
      return json(res, 200, result);
    }
    if (p === '/api/active' && method === 'POST') {
      const body = (await readJson(req)) as { sheet?: unknown; a1?: unknown } | undefined;
      if (typeof body?.sheet !== 'string' || (body.a1 !== undefined && typeof body.a1 !== 'string')) {
        throw new HttpError(400, 'expected { sheet, a1? }');
      }
      try {
        addon.setActive(body.sheet, body.a1 as string | undefined);
      } catch (e) {
        throw new HttpError(400, e instanceof Error ? e.message : String(e));
      }
      save();
      return json(res, 200, { ok: true });
    }
    if (p === '/api/locale' && method === 'POST') {
      // File › Settings › Locale: the user changes the spreadsheet's locale (not an execution of the add-on)
      const body = (await readJson(req)) as { locale?: unknown } | undefined;
      if (typeof body?.locale !== 'string') throw new HttpError(400, 'expected { locale } (a string)');
      try {
        addon.setLocale(body.locale);
      } catch (e) {
        throw new HttpError(400, e instanceof Error ? e.message : String(e));
      }
      save();
      return json(res, 200, { ok: true, locale: addon.workbook.locale });
    }
    if (p === '/api/sidebar/close' && method === 'POST') {
      addon.ui.closeSidebar();
      return json(res, 200, { ok: true });
    }
    const closeDialog = /^\/api\/dialog\/(\d+)\/close$/.exec(p);
    if (closeDialog && method === 'POST') {
      addon.ui.closeDialog(Number(closeDialog[1]));
      return json(res, 200, { ok: true });
    }
    if (p.startsWith('/api/')) throw new HttpError(404, `no API ${method} ${p}`);
    throw new HttpError(404, 'not found');
  };

  return createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      const message = e instanceof Error ? e.message : String(e);
      if (status === 500) console.error(e);
      if (status === 413) res.setHeader('connection', 'close');
      if (!res.headersSent) json(res, status, { ok: false, error: message });
      else res.end();
    });
  });
}

/** Listens on 127.0.0.1 (never on other interfaces); port 0 picks a free port. Resolves with the URL. */
export function listen(server: Server, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve(`http://127.0.0.1:${actual}/`);
    });
  });
}
