import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from '@/tests/harness/fixture-server';
import { launchWithExtension, openDashboard, panel, type ExtensionBrowser } from '@/tests/harness/browser';
import { ALL_ROUTES, DEMO_AUTHORIZED_LIST, PAGES } from '@/tests/harness/pages';
import { importThroughDashboard } from '@/tests/harness/import-list';

const badCsv = new URL('../fixtures/authorized/unknown-platform.csv', import.meta.url);
const demoList = readFileSync(DEMO_AUTHORIZED_LIST, 'utf8');
// A second version of the list, as the brand's server would publish it: one more seller.
const syncedList = JSON.stringify({
  ...JSON.parse(demoList),
  updatedAt: '2026-11-20T00:00:00Z',
  sellers: [...JSON.parse(demoList).sellers, { platform: 'taobao', shopId: '310987654', shopName: '极光数码专营店' }],
});

let fixtures: FixtureServer;
let b: ExtensionBrowser;
let brand: Server;
let brandBase = '';
const seen: { path: string; ifNoneMatch?: string }[] = [];

beforeAll(async () => {
  fixtures = await startFixtureServer(ALL_ROUTES);
  // The screenshot grant (<all_urls>) also covers the brand's origin, as a granted optional origin would.
  b = await launchWithExtension(fixtures.port, { grantScreenshotAccess: true });
  brand = createServer((req, res) => {
    seen.push({ path: req.url ?? '', ifNoneMatch: req.headers['if-none-match'] });
    if (req.url === '/list.json') {
      if (req.headers['if-none-match'] === '"v2"') return void res.writeHead(304).end();
      return void res.writeHead(200, { 'content-type': 'application/json', etag: '"v2"' }).end(syncedList);
    }
    if (req.url === '/invalid.json')
      return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"format": "listingproof-authorized-list", "sellers": [');
    if (req.url === '/huge.json') {
      // Past the size cap without saying so up front: chunked, until the client gives up.
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1 << 20, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 300 && res.write(chunk)) sent++;
        if (sent < 300) res.once('drain', pump);
        else res.end();
      };
      res.on('close', () => (sent = 300));
      return pump();
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => brand.listen(0, '127.0.0.1', r));
  brandBase = `http://127.0.0.1:${(brand.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await b?.close();
  await fixtures?.close();
  brand?.closeAllConnections();
  await new Promise((r) => brand?.close(r));
});

async function verdictOn(url: string): Promise<string | null> {
  const page = await b.context.newPage();
  await page.goto(url);
  await expect.poll(() => panel(page, 'evidence-panel').getAttribute('data-state'), { timeout: 15_000 }).toBe('ready');
  const v = panel(page, 'listing-verdict');
  await expect.poll(() => v.getAttribute('data-seller')).not.toBe('unknown');
  const seller = await v.getAttribute('data-seller');
  await page.close();
  return seller;
}

async function syncFrom(dash: Page, url: string, result: string): Promise<void> {
  await dash.locator('[data-testid="authorized-sync-url"]').fill(url);
  await dash.locator('[data-testid="authorized-sync-now"]').click();
  await expect.poll(() => dash.locator('[data-testid="authorized-sync-state"]').getAttribute('data-result'), { timeout: 30_000 }).toBe(result);
}

const counts = async (dash: Page) => ({
  sellers: await dash.locator('[data-testid="authorized-status"]').getAttribute('data-sellers'),
  products: await dash.locator('[data-testid="authorized-status"]').getAttribute('data-products'),
});

describe('the authorized list in the real extension', () => {
  it('starts empty, imports through the dashboard, and keeps the list after a reload', async () => {
    const dash = await openDashboard(b);
    expect(await counts(dash)).toEqual({ sellers: '0', products: '0' });
    // A search page open during the import judges its results (from its seller digest) again.
    const search = await b.context.newPage();
    await search.goto(PAGES.taobaoSearch.url);
    const summary = panel(search, 'search-summary');
    await expect.poll(() => summary.getAttribute('data-total'), { timeout: 15_000 }).toBe(String(PAGES.taobaoSearch.search!.total));
    const sellers = () =>
      search.locator('[data-testid="result-badge"]').evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLElement).dataset.seller))].sort());
    expect(await sellers()).toEqual(['unknown']);
    await importThroughDashboard(b, [DEMO_AUTHORIZED_LIST], 'ok', dash);
    expect(await counts(dash)).toEqual({ sellers: '4', products: '2' });
    await expect.poll(() => summary.getAttribute('data-unauthorized')).toBe(String(PAGES.taobaoSearch.search!.unauthorized));
    expect(await sellers()).toEqual(['authorized', 'unauthorized']);
    await search.close();
    await dash.reload();
    await expect.poll(() => counts(dash)).toEqual({ sellers: '4', products: '2' });
    expect(await verdictOn(PAGES.tmallItem.url)).toBe('authorized');
  });

  it('a rejected import lists each problem with row and field, and changes nothing', async () => {
    const dash = await importThroughDashboard(b, [fileURLToPath(badCsv)], 'rejected');
    const problems = dash.locator('[data-testid="import-errors"] > *');
    expect(await problems.count()).toBeGreaterThanOrEqual(2);
    const where = await problems.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-row')}:${e.getAttribute('data-field')}`));
    expect(where).toEqual(expect.arrayContaining(['3:platform', '4:platform']));
    expect(await counts(dash)).toEqual({ sellers: '4', products: '2' });
    expect(await verdictOn(PAGES.tmallItem.url)).toBe('authorized');
    expect(await verdictOn(PAGES.taobaoItem.url)).toBe('unauthorized');
  });

  it('syncs from the brand URL: 200 replaces the list, 304 keeps it, failures keep it and say so', async () => {
    const dash = await openDashboard(b);
    await syncFrom(dash, `${brandBase}/list.json`, 'updated');
    await expect.poll(() => counts(dash)).toEqual({ sellers: '5', products: '2' });
    expect(await verdictOn(PAGES.taobaoItem.url)).toBe('authorized');

    await syncFrom(dash, `${brandBase}/list.json`, 'unchanged');
    expect(seen.filter((s) => s.path === '/list.json').at(-1)?.ifNoneMatch).toBe('"v2"');

    await syncFrom(dash, `${brandBase}/invalid.json`, 'rejected');
    await syncFrom(dash, `${brandBase}/huge.json`, 'rejected');
    await syncFrom(dash, 'http://127.0.0.1:9/list.json', 'offline');
    expect(await counts(dash)).toEqual({ sellers: '5', products: '2' });
    expect(await verdictOn(PAGES.taobaoItem.url)).toBe('authorized');
  });
});
