// A short slice of the sidebar HTML attack in Chromium (npm run attack runs every payload through every
// panel), and a check that the attack sees script that runs: a page that does let a payload in is caught.
import { describe, expect, it } from 'vitest';
import { SEED } from './harness';
import { HTML_ATTACK, seesScript } from './html';

describe('script injection in the sidebar (Chromium)', () => {
  it(HTML_ATTACK.name, async () => {
    const outcome = await HTML_ATTACK.run(HTML_ATTACK.slice, SEED);
    expect(outcome.examples).toEqual([]);
    expect(outcome.tried).toBe(HTML_ATTACK.slice);
  }, 120_000);

  it('would see a payload that got in: a handler that ran, an event attribute, a javascript: link', async () => {
    expect(await seesScript('<img src=x onerror="window.__pwned=1">')).toMatch(/__pwned|onerror/);
    expect(await seesScript('<span onmouseover="x()">a</span>')).toMatch(/onmouseover/);
    expect(await seesScript('<a href="javascript:void 0">a</a>')).toMatch(/javascript:/);
    expect(await seesScript('<span>$&amp; tabindex=0 autofocus</span>')).toBeUndefined();
    // the served page written with a string replacement, as it once was: `$&` writes the tab's own attributes
    const name = '$& tabindex=0 autofocus onfocus=window.__pwned=1 x=';
    const page = '<div id="tab"></div><p class="after">the page goes on</p>'.replace(
      '<div id="tab"',
      `<div id="tab" data-sheet="${name}"`,
    );
    expect(await seesScript(page)).toMatch(/onfocus|__pwned/);
  }, 60_000);
});
