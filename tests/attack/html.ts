// Script injection through every text that reaches the sidebar, in Chromium: tab names, column headers,
// objectives, key results, KPIs, check-in notes and the error messages that quote what was typed, each set to a payload built on replacement patterns (`$&`, `$'`, `` $` ``), attribute breaks,
// `javascript:` URLs, SVG and CSS vectors. The page is the one the server serves (sidebar.ts writes the menu's
// intent into it), with google.script.run bridged to the add-on in the emulator; each panel and form is shown,
// focused and hovered, then nothing may have run (the window flag stays unset) and the DOM may hold no
// event-handler attribute, script, frame, image or style element, and no `javascript:` link.
import { type Browser, chromium, type Page } from 'playwright-core';
import { type Addon, call, newAddon } from '../helpers/addon';
import { type Attack, show, Tally } from './harness';

export const CHROMIUM = '/usr/bin/chromium';

/** Each sets window.__pwned (or tries to) when it runs. */
export const PAYLOADS = [
  '$& tabindex=0 autofocus onfocus=window.__pwned=1 x=',
  "$' x",
  '$` onmouseover=window.__pwned=1',
  '" autofocus onfocus="window.__pwned=1',
  "' onmouseover='window.__pwned=1",
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload=window.__pwned=1>',
  '<svg><script>window.__pwned=1</script></svg>',
  '</div><script>window.__pwned=1</script>',
  '</script><script>window.__pwned=1</script>',
  'javascript:window.__pwned=1',
  '<a href="javascript:window.__pwned=1">x</a>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<style>*{background:url("javascript:window.__pwned=1")}</style>',
  'x" style="background:url(javascript:window.__pwned=1)',
  '<math><mtext></p><img src=x onerror=window.__pwned=1>',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '<details open ontoggle=window.__pwned=1>',
];

/** The bridge the sidebar calls as google.script.run, forwarding to the emulated add-on. */
const BRIDGE = `<script>
  window.google = { script: { get run() { return runner({}); } } };
  function runner(h) {
    return new Proxy({}, { get(_, name) {
      if (name === 'withSuccessHandler') return (f) => runner({ ...h, ok: f });
      if (name === 'withFailureHandler') return (f) => runner({ ...h, fail: f });
      return (...args) => window.__rpc(String(name), JSON.stringify(args)).then((text) => {
        const r = JSON.parse(text);
        setTimeout(() => (r.ok ? h.ok && h.ok(r.value) : h.fail && h.fail(new Error(r.error))), 0);
      });
    } });
  }
</script>`;

/** A workbook where every text the sidebar shows is `payload`. */
function world(payload: string): Addon {
  const addon = newAddon();
  const week = (i: number) => new Date(Date.UTC(2026, 10, 2) + i * 7 * 86_400_000);
  const weeks = Array.from({ length: 8 }, (_, i) => i);
  const tab = payload.slice(0, 99).replace(/[[\]*?/\\:]/g, '_') || 'x';
  addon.replaceWorkbook([
    { name: 'Metrics', rows: [['Week', 'MRR'], ...weeks.map((i) => [week(i), 40_000 + i * 500])] },
    {
      name: tab,
      rows: [['Week', payload, 'Notes'], ...weeks.map((i) => [week(i), 0.08 - i * 0.001, payload])],
    },
  ]);
  call(addon, 'setUpQuarter', { quarter: '2027-Q1' });
  const { id } = call<{ id: string }>(addon, 'saveObjective', {
    title: payload,
    owner: payload,
    team: payload,
    notes: payload,
  });
  call(addon, 'tagKpi', {
    sheetName: tab,
    valueColumn: 'B',
    name: payload,
    betterWhen: 'lower',
    owner: payload,
  });
  const { id: kr } = call<{ id: string }>(addon, 'saveKeyResult', {
    objectiveId: id,
    title: payload,
    owner: payload,
    notes: payload,
    baseline: 0,
    target: 10,
    current: 3,
  });
  call(addon, 'checkIn', { krId: kr, value: 4, note: payload });
  return addon;
}

/** Everything in the page that would run script, or `undefined` when there is none. */
async function scriptIn(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const w = window as unknown as { __pwned?: unknown };
    if (w.__pwned !== undefined) return 'window.__pwned was set';
    const app = document.getElementById('app');
    if (!app) return 'no #app';
    // #app itself too: the server writes the menu's intent into its attributes
    for (const el of [app, ...Array.from(app.querySelectorAll('*'))]) {
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) return `<${el.localName} ${attr.name}="${attr.value}">`;
        if (/^\s*javascript:/i.test(attr.value) && /href|src|action|formaction|data/i.test(attr.name)) {
          return `<${el.localName} ${attr.name}="${attr.value}">`;
        }
      }
      if (/^(script|iframe|img|object|embed|style|link|meta|base|math|details)$/.test(el.localName)) {
        return `a <${el.localName}> element`;
      }
    }
    return undefined;
  });
}

/** Clicks, focuses and hovers what a user would, so a handler waiting for one runs if it was written. */
async function touch(page: Page): Promise<void> {
  const targets = page.locator(
    '#app button, #app input, #app select, #app textarea, #app [tabindex], #app span',
  );
  const n = Math.min(await targets.count(), 60);
  for (let i = 0; i < n; i++) {
    const t = targets.nth(i);
    await t.hover({ timeout: 200, force: true }).catch(() => undefined);
    await t.focus({ timeout: 200 }).catch(() => undefined);
  }
}

async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(50);
  await page
    .waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 5000 })
    .catch(() => undefined);
}

/** The panels and forms to show, each reached from the page by clicks a user would make. */
export const VISITS: ReadonlyArray<{
  name: string;
  intent: { panel?: string; tagSheet?: boolean };
  open?: RegExp[];
}> = [
  { name: 'overview', intent: { panel: 'overview' } },
  { name: 'okrs', intent: { panel: 'okrs' }, open: [/edit/i, /check.?in/i, /add key result/i] },
  { name: 'kpis', intent: { panel: 'kpis' }, open: [/edit/i, /untag/i] },
  { name: 'tag form', intent: { tagSheet: true } },
  { name: 'new quarter', intent: { panel: 'okrs' }, open: [/new quarter/i] },
  { name: 'settings', intent: { panel: 'settings' } },
];

let browser: Browser | undefined;

async function page(addon: Addon, html: string): Promise<Page> {
  browser ??= await chromium.launch({ executablePath: CHROMIUM });
  const p = await browser.newPage();
  await p.exposeFunction('__rpc', (name: string, args: string) =>
    JSON.stringify(addon.rpc(name, JSON.parse(args) as unknown[])),
  );
  const body = html.replace('<head>', `<head>${BRIDGE}`);
  await p.route('http://sidebar.test/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body }),
  );
  await p.setViewportSize({ width: 300, height: 900 });
  await p.goto('http://sidebar.test/sidebar.html');
  return p;
}

/** One payload through one panel: the page as served, the panel shown, its forms opened and submitted. */
export async function visit(payload: string, v: (typeof VISITS)[number]): Promise<string | undefined> {
  const addon = world(payload);
  addon.open();
  const tab = addon.spreadsheet.getSheets()[1]!.getName();
  if (v.intent.tagSheet) {
    addon.setActive(tab);
    addon.runMenu('showTagKpi');
  } else {
    addon.runMenu('showSidebar');
  }
  const html = addon.ui.sidebar?.html;
  if (!html) return 'no sidebar opened';
  if (v.intent.panel) {
    // the menu's other panels, as openSidebar writes them
    const tag = html.match(/<div id="app"[^>]*>/)?.[0] ?? '';
    if (!tag) return 'no #app in the served page';
  }
  const p = await page(
    addon,
    v.intent.panel
      ? html.replace('<div id="app"', () => `<div id="app" data-panel="${v.intent.panel}"`)
      : html,
  );
  try {
    await settle(p);
    let problem = await scriptIn(p);
    if (problem) return problem;
    for (const label of v.open ?? []) {
      const button = p.getByRole('button', { name: label }).first();
      if ((await button.count()) === 0) continue;
      await button.click({ timeout: 1000 }).catch(() => undefined);
      await settle(p);
      // type the payload into the form's first text field and submit: the error (or the result) shows it
      const field = p.locator('#app input[type="text"], #app textarea').first();
      if ((await field.count()) > 0) {
        await field.fill(payload, { timeout: 500 }).catch(() => undefined);
        await p
          .locator('#app button[type="submit"]')
          .first()
          .click({ timeout: 500 })
          .catch(() => undefined);
        await settle(p);
      }
      problem = await scriptIn(p);
      if (problem) return `${problem} (after ${label})`;
    }
    await touch(p);
    problem = await scriptIn(p);
    if (problem) return problem;
    const text = await p.evaluate(() => document.getElementById('app')?.textContent ?? '');
    // the payload must have reached the page as text (else the test proves nothing); the new quarter and
    // settings panels show none of the sheet's text
    // (a tab's name is the payload with the characters Sheets refuses in one replaced)
    if (
      !/new quarter|settings/.test(v.name) &&
      !text.includes(payload.slice(0, 12)) &&
      !text.includes(tab.slice(0, 12))
    ) {
      return `the payload is not on the page (${show(text.slice(0, 120))})`;
    }
    return undefined;
  } finally {
    await p.close();
  }
}

export const HTML_ATTACK: Attack = {
  name: 'sidebar HTML injection (Chromium)',
  full: PAYLOADS.length * VISITS.length,
  slice: 4,
  async run(count, seed) {
    const tally = new Tally('sidebar HTML injection (Chromium)');
    const all = PAYLOADS.flatMap((payload) => VISITS.map((v) => [payload, v] as const));
    // the slice: a seeded pick spread over payloads and panels
    const picked =
      count >= all.length ? all : Array.from({ length: count }, (_, i) => all[(seed + i * 7) % all.length]!);
    try {
      for (const [payload, v] of picked) {
        await tally.tryAsync(`${v.name} ← ${show(payload, 70)}`, () => visit(payload, v));
      }
    } finally {
      await browser?.close();
      browser = undefined;
    }
    return tally.outcome();
  },
};

/** What the check finds in a page whose #app holds `fragment` as HTML: the attack's own control. */
export async function seesScript(fragment: string): Promise<string | undefined> {
  const b = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const p = await b.newPage();
    await p.setContent(`<div id="app">${fragment}</div>`);
    await p.waitForTimeout(100);
    return await scriptIn(p);
  } finally {
    await b.close();
  }
}
