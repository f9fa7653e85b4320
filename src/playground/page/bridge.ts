// google.script.run and google.script.host for the add-on's HTML in the playground, bridged over HTTP to
// POST /api/rpc/<fn>. Injected first into the sidebar and dialogs. Behaves as HtmlService's client API:
// - run has one method per server function (private ones ending in _ excluded), plus withSuccessHandler,
//   withFailureHandler and withUserObject, each returning a runner with that setting;
// - calls are asynchronous; the success handler gets (value, userObject), the failure handler (Error, userObject);
// - arguments must be primitives, arrays and plain objects: a Date or a function is refused before sending;
// - host.close() closes the sidebar or dialog.

interface Config {
  target: { kind: 'sidebar' } | { kind: 'dialog'; id: number };
  functions: string[];
}

type Handler = (value: unknown, userObject?: unknown) => void;
interface RunnerOptions {
  success?: Handler;
  failure?: Handler;
  userObject?: unknown;
}

declare global {
  interface Window {
    __OKR_PLAYGROUND__: Config;
    // biome-ignore lint/suspicious/noExplicitAny: google.script is the untyped client API of HtmlService
    google: any;
  }
}

const config = window.__OKR_PLAYGROUND__;

function notifyParent(message: Record<string, unknown>): void {
  if (window.parent && window.parent !== window)
    window.parent.postMessage({ source: 'okr-playground', ...message }, '*');
}

/** Apps Script refuses Dates, functions and other non-plain values anywhere in the arguments. */
function illegal(value: unknown, path: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return undefined;
  if (t === 'function' || value instanceof Date) return path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = illegal(value[i], `${path}.${i}`);
      if (bad) return bad;
    }
    return undefined;
  }
  if (t === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return path;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const bad = illegal(v, `${path}.${k}`);
      if (bad) return bad;
    }
    return undefined;
  }
  return path;
}

function call(name: string, args: unknown[], opts: RunnerOptions): void {
  const fail = (message: string) => {
    const error = new Error(message);
    if (opts.failure) opts.failure(error, opts.userObject);
    else console.error(`google.script.run.${name} failed: ${message}`);
  };
  for (let i = 0; i < args.length; i++) {
    const bad = illegal(args[i], String(i));
    if (bad) {
      setTimeout(() => fail(`Failed due to illegal value in property: ${bad}`), 0);
      return;
    }
  }
  fetch(`/api/rpc/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(args),
  })
    .then((r) => r.json() as Promise<{ ok: boolean; value?: unknown; error?: string }>)
    .then(
      (reply) => {
        notifyParent({ type: 'changed' });
        if (reply.ok) opts.success?.(reply.value, opts.userObject);
        else fail(reply.error ?? 'Unknown error');
      },
      () => fail('NetworkError: Connection failure due to HTTP 0'),
    );
}

function runner(opts: RunnerOptions): Record<string, unknown> {
  const r: Record<string, unknown> = {
    withSuccessHandler: (f: Handler) => runner({ ...opts, success: f }),
    withFailureHandler: (f: Handler) => runner({ ...opts, failure: f }),
    withUserObject: (o: unknown) => runner({ ...opts, userObject: o }),
  };
  for (const name of config.functions) {
    r[name] = (...args: unknown[]) => {
      call(name, args, opts);
    };
  }
  return r;
}

window.google = {
  script: {
    run: runner({}),
    host: {
      close: () => notifyParent({ type: 'close', target: config.target }),
      setHeight: () => {},
      setWidth: () => {},
      editor: { focus: () => notifyParent({ type: 'focus-editor' }) },
      origin: window.location.origin,
    },
  },
};

export {};
