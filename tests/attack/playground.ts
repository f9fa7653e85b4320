// The playground's HTTP server under requests a web page on another site (or a DNS-rebinding host) could make:
// every state-changing route with a foreign Origin, a foreign Host, a non-JSON Content-Type, a body over the
// limit, and a workbook past Sheets' limits. Each must be refused with its status (403, 415, 413, 400) and leave
// the workbook as it was; a read naming a foreign host must get none of the workbook.
import { request, type Server } from 'node:http';
import path from 'node:path';
import fc from 'fast-check';
import type { Addon } from '../../src/playground/emulator';
import { sampleWorkbook } from '../../src/playground/sample';
import { createPlayground, listen, MAX_BODY } from '../../src/playground/server';
import { WorkbookFile } from '../../src/playground/store';
import { newAddon } from '../helpers/addon';
import { tempDir } from '../helpers/playground';
import { type Attack, show, Tally } from './harness';

interface Answer {
  status: number;
  text: string;
}

function raw(base: string, method: string, route: string, headers: Record<string, string>, body?: string) {
  return new Promise<Answer>((resolve, reject) => {
    const url = new URL(route, base);
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method,
        headers,
        setHost: !('host' in headers),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const WRITES: ReadonlyArray<{ method: string; route: string; body: string }> = [
  {
    method: 'POST',
    route: '/api/rpc/saveObjective',
    body: JSON.stringify([{ title: 'Injected objective' }]),
  },
  { method: 'POST', route: '/api/rpc/setUpQuarter', body: JSON.stringify([{ quarter: '2031-Q1' }]) },
  {
    method: 'PUT',
    route: '/api/workbook',
    body: JSON.stringify({ sheets: [{ name: 'Gone', rows: [['all']] }] }),
  },
  {
    method: 'POST',
    route: '/api/cell',
    body: JSON.stringify({ sheet: 'Sheet1', a1: 'A1', input: 'Injected' }),
  },
  { method: 'POST', route: '/api/menu/showSidebar', body: '' },
  { method: 'POST', route: '/api/active', body: JSON.stringify({ sheet: 'Sheet1' }) },
];
const READS = ['/api/workbook', '/api/view', '/api/ui', '/'];
const FOREIGN_ORIGINS = [
  'https://evil.example',
  'http://127.0.0.1.evil.example',
  'null',
  'http://localhost:1',
];
const FOREIGN_HOSTS = ['rebind.evil.example', 'evil.example:80', '127.0.0.1.nip.io', '0.0.0.0'];
const TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ''];

type Request =
  | { kind: 'origin'; write: number; origin: string }
  | { kind: 'host'; write: number; host: string }
  | { kind: 'type'; write: number; type: string }
  | { kind: 'read'; route: string; host: string }
  | { kind: 'size' }
  | { kind: 'wide'; columns: number };

const requests: fc.Arbitrary<Request> = fc.oneof(
  fc.record({
    kind: fc.constant('origin' as const),
    write: fc.nat(WRITES.length - 1),
    origin: fc.constantFrom(...FOREIGN_ORIGINS),
  }),
  fc.record({
    kind: fc.constant('host' as const),
    write: fc.nat(WRITES.length - 1),
    host: fc.constantFrom(...FOREIGN_HOSTS),
  }),
  fc.record({
    kind: fc.constant('type' as const),
    write: fc.nat(WRITES.length - 1),
    type: fc.constantFrom(...TYPES),
  }),
  fc.record({
    kind: fc.constant('read' as const),
    route: fc.constantFrom(...READS),
    host: fc.constantFrom(...FOREIGN_HOSTS),
  }),
  fc.constant({ kind: 'size' as const }),
  fc.record({ kind: fc.constant('wide' as const), columns: fc.constantFrom(18_279, 20_000, 100_000) }),
);

async function judge(base: string, addon: Addon, r: Request): Promise<string | undefined> {
  const own = new URL(base).host;
  const before = JSON.stringify(addon.toState());
  let answer: Answer;
  let want: number;
  if (r.kind === 'read') {
    answer = await raw(base, 'GET', r.route, {
      host: r.host.includes(':') ? r.host : `${r.host}:${new URL(base).port}`,
    });
    if (answer.status !== 403) return `answered ${answer.status}`;
    if (/Sheet1|Objectives|<title>/.test(answer.text)) return `leaked ${show(answer.text, 80)}`;
    return undefined;
  }
  if (r.kind === 'size') {
    const big = JSON.stringify({ sheets: [{ name: 'Big', rows: [['x'.repeat(MAX_BODY + 1024)]] }] });
    answer = await raw(base, 'PUT', '/api/workbook', { 'content-type': 'application/json', host: own }, big);
    want = 413;
  } else if (r.kind === 'wide') {
    const row = [...new Array(r.columns - 1).fill(''), 'far'];
    const body = JSON.stringify({ sheets: [{ name: 'Wide', rows: [row] }] });
    answer = await raw(base, 'PUT', '/api/workbook', { 'content-type': 'application/json', host: own }, body);
    want = 400;
  } else {
    const w = WRITES[r.write]!;
    const headers: Record<string, string> = { 'content-type': 'application/json', host: own };
    if (r.kind === 'origin') headers.origin = r.origin;
    if (r.kind === 'host') headers.host = r.host;
    if (r.kind === 'type') {
      if (r.type) headers['content-type'] = r.type;
      else delete headers['content-type'];
    }
    answer = await raw(base, w.method, w.route, headers, w.body);
    want = r.kind === 'type' ? 415 : 403;
  }
  if (answer.status !== want) return `answered ${answer.status} ${show(answer.text, 100)}, expected ${want}`;
  if (JSON.stringify(addon.toState()) !== before) return 'the workbook changed';
  return undefined;
}

export const PLAYGROUND_ATTACK: Attack = {
  name: 'playground HTTP requests',
  full: 400,
  slice: 30,
  async run(count, seed) {
    const tally = new Tally('playground HTTP requests');
    const tmp = tempDir('okr-attack-');
    const addon = newAddon({
      state: sampleWorkbook(new Date('2027-02-10T12:00:00Z')),
      unansweredDialogs: 'defer',
    });
    addon.open();
    const server: Server = createPlayground({
      addon,
      file: new WorkbookFile(path.join(tmp.dir, 'workbook.json')),
      pageHtml: '<!doctype html><title>page</title>',
      bridgeJs: '/*bridge*/',
    });
    const base = await listen(server, 0);
    try {
      for (const r of fc.sample(requests, { numRuns: count, seed })) {
        await tally.tryAsync(show(r, 120), () => judge(base, addon, r));
      }
    } finally {
      server.close();
      tmp.cleanup();
    }
    return tally.outcome();
  },
};
