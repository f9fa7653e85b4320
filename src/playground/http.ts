// The playground server's HTTP plumbing: who may call it (its own pages and tools on this machine), reading a
// request's JSON body within a size limit, and sending answers. The routes are server.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The largest request body read (a PUT of a whole workbook included); a larger one is answered 413. */
export const MAX_BODY = 10 * 1024 * 1024;
/** How much of a too-large body is read (and dropped) so the client can receive the 413 before the close. */
const MAX_DRAIN = 64 * 1024 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Who may talk to this server: only pages it served itself, and tools on this machine. The server listens on
 * 127.0.0.1, but any web page the user visits can still send requests to it, and a page on a domain that
 * resolves to 127.0.0.1 (DNS rebinding) can even read the answers. So the Host header must name this server
 * (127.0.0.1 or localhost, on its port), an Origin header (browsers send it with every POST, and with reads
 * by script) must be this server's, and every request that changes something must say
 * `Content-Type: application/json`, which no cross-site form or simple request can send without the browser
 * asking first (a CORS preflight this server never grants).
 */
export function checkCaller(req: IncomingMessage, method: string): void {
  const port = req.socket.localPort;
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (port === 80) hosts.push('127.0.0.1', 'localhost');
  const host = (req.headers.host ?? '').toLowerCase();
  if (!hosts.includes(host)) {
    throw new HttpError(403, `this playground answers only requests to ${hosts[0]} (the Host was "${host}")`);
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.some((h) => origin.toLowerCase() === `http://${h}`)) {
    throw new HttpError(403, `requests from other sites are refused (Origin "${origin}")`);
  }
  if (method !== 'GET' && method !== 'HEAD') {
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') {
      throw new HttpError(
        415,
        `a ${method} must send Content-Type: application/json (it was ${type ? `"${type}"` : 'missing'})`,
      );
    }
  }
}

function tooLarge(): HttpError {
  return new HttpError(413, `the request body is larger than ${MAX_BODY / (1024 * 1024)} MB`);
}

/**
 * The body as text. A body over MAX_BODY is refused with 413: it is read on (and dropped) up to MAX_DRAIN so
 * the client, still sending, receives the answer instead of a reset connection.
 */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    let size = 0;
    let over = Number.isFinite(declared) && declared > MAX_BODY;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) over = true;
      if (over) {
        chunks.length = 0;
        if (size > MAX_DRAIN) {
          reject(tooLarge());
          req.destroy();
        }
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => (over ? reject(tooLarge()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'the request body is not JSON');
  }
}

export function send(res: ServerResponse, status: number, body: string, type: string): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

export function json(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

/** A request body's fields, checked: a wrong one is a 400 naming what was expected. */
export class Fields {
  private readonly body: Record<string, unknown>;
  constructor(
    body: unknown,
    private readonly expected: string,
  ) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw this.wrong();
    this.body = body as Record<string, unknown>;
  }
  private wrong(): HttpError {
    return new HttpError(400, `expected ${this.expected}`);
  }
  string(name: string): string {
    const v = this.body[name];
    if (typeof v !== 'string') throw this.wrong();
    return v;
  }
  optionalString(name: string): string | undefined {
    return this.body[name] === undefined ? undefined : this.string(name);
  }
  integer(name: string, fallback?: number): number {
    const v = this.body[name] ?? fallback;
    if (typeof v !== 'number' || !Number.isInteger(v)) throw this.wrong();
    return v;
  }
  boolean(name: string, fallback?: boolean): boolean {
    const v = this.body[name] ?? fallback;
    if (typeof v !== 'boolean') throw this.wrong();
    return v;
  }
  /** Rows of text cells (a clipboard's content). */
  rows(name: string): string[][] {
    const v = this.body[name];
    if (!Array.isArray(v) || !v.every((r) => Array.isArray(r) && r.every((c) => typeof c === 'string')))
      throw this.wrong();
    return v as string[][];
  }
  has(name: string): boolean {
    return this.body[name] !== undefined;
  }
}
