import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, openDashboard, type ExtensionBrowser } from '@/tests/harness/browser';
import { makeCapture } from '@/tests/helpers/make-capture';
import { SEED_CASES } from '@/tests/harness/seed-captures';

// The captures view past 500 rows in Chromium: 1,200 captures (48 shops x 25) in the extension's
// own IndexedDB; the first 500 rows in the DOM, the rest drawn as the page scrolls; sorting and
// filtering over all of them.

const CASES = 48;
const PER_CASE = 25;
let b: ExtensionBrowser;
let dash: Page;

beforeAll(async () => {
  b = await launchWithExtension(9);
  dash = await openDashboard(b);
  const { record } = await makeCapture({ pngBytes: 0 });
  await dash.evaluate(`(${SEED_CASES})(${JSON.stringify({ template: record, cases: CASES, perCase: PER_CASE })})`);
  // a hash change is no reload, and Dexie's live queries do not see raw IndexedDB writes
  await dash.goto(dash.url().replace(/#.*$/, '') + '#captures');
  await dash.reload();
});
afterAll(async () => {
  await b?.close();
});

const rows = () => dash.locator('[data-testid="evidence-row"]');
const headComplete = () => dash.locator('[data-testid="capture-list-head"][data-complete="true"]').waitFor({ timeout: 20_000 });
const prices = () => rows().evaluateAll((els) => els.map((e) => Number(e.querySelector('td:nth-child(3)')!.textContent!.slice(1))));

describe('the captures view with 1,200 captures', () => {
  it('keeps 500 rows in the DOM, draws the rest on scrolling, sorts and filters all of them', { timeout: 120_000 }, async () => {
    await headComplete();
    const inDom = await rows().count();
    expect(inDom).toBeGreaterThanOrEqual(500);
    expect(inDom).toBeLessThan(700);

    // the end of the page shows the last captures of the last case
    await dash.evaluate('scrollTo(0, document.documentElement.scrollHeight)');
    const tail = dash.locator('[data-testid="capture-list-tail"]');
    await expect.poll(async () => Number(await tail.getAttribute('data-last'))).toBe(CASES * PER_CASE + CASES);
    const lastOnScreen = await rows()
      .last()
      .evaluate((r) => r.getBoundingClientRect().bottom <= innerHeight + 1 && r.getBoundingClientRect().top >= 0);
    expect(lastOnScreen).toBe(true);
    await dash.evaluate('scrollTo(0, 0)');

    // by price, lowest first, across every case
    await dash.locator('[data-testid="capture-sort"][data-sort-key="price"]').click();
    await expect.poll(() => dash.locator('[data-testid="capture-list"]').getAttribute('data-sort')).toBe('price-asc');
    await headComplete();
    const ascending = await prices();
    expect(ascending.slice(0, 500)).toEqual([...ascending.slice(0, 500)].sort((x, y) => x - y));
    expect(ascending[0]).toBe(150);
    await dash.locator('[data-testid="capture-sort"][data-sort-key="price"]').click();
    await expect.poll(async () => (await prices())[0]).toBe(349);

    // one shop's name finds its 25 captures; a platform a quarter of them
    await dash.locator('[data-testid="capture-filter-text"]').fill('店铺7号');
    await expect.poll(() => rows().count()).toBe(PER_CASE);
    await dash.locator('[data-testid="capture-filter-text"]').fill('');
    await dash.locator('[data-testid="capture-filter-platform"]').selectOption('jd');
    await expect.poll(() => dash.locator('[data-testid="capture-filter"]').getAttribute('data-shown')).toBe(String((CASES / 4) * PER_CASE));
  });
});
