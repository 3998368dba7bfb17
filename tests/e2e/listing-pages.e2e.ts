import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startFixtureServer, type FixtureServer } from '@/tests/harness/fixture-server';
import { launchWithExtension, openDashboard, panel, type ExtensionBrowser } from '@/tests/harness/browser';
import { readStoredCaptures } from '@/tests/harness/read-store';
import { ALL_ROUTES, DEMO_AUTHORIZED_LIST, PAGES, type DemoPage } from '@/tests/harness/pages';
import { importThroughDashboard } from '@/tests/harness/import-list';

let server: FixtureServer;
let b: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer(ALL_ROUTES);
  b = await launchWithExtension(server.port);
  await importThroughDashboard(b, [DEMO_AUTHORIZED_LIST]);
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

const listingPages = Object.values(PAGES as Record<string, DemoPage>).filter((p) => p.listing);

describe('listing pages in Chromium, served at their real URLs', () => {
  it.each(listingPages.map((p) => [p.name, p] as const))('%s', async (_name, p) => {
    const want = p.listing!;
    const page = await b.context.newPage();
    await page.goto(p.url);
    await expect.poll(() => panel(page, 'evidence-panel').getAttribute('data-state'), { timeout: 15_000 }).toBe(want.state);
    const value = (id: string) => panel(page, id).getAttribute('data-value');
    if (want.platform) expect(await value('listing-platform')).toBe(want.platform);
    if (want.itemId) expect(await value('listing-item-id')).toBe(want.itemId);
    if (want.shopName !== undefined) expect(await value('listing-shop-name')).toBe(want.shopName);
    if (want.shopId) expect(await value('listing-shop-id')).toBe(want.shopId);
    // Late prices arrive after load: the panel follows the page.
    if (want.price) await expect.poll(() => value('listing-price'), { timeout: 8000 }).toBe(want.price);
    if (want.seller) await expect.poll(() => panel(page, 'listing-verdict').getAttribute('data-seller')).toBe(want.seller);
    if (want.priceVerdict) await expect.poll(() => panel(page, 'listing-verdict').getAttribute('data-price')).toBe(want.priceVerdict);
    await page.close();
  });

  it('keeps hostile page text inert: no element or script from a title reaches the DOM', async () => {
    const page = await b.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(PAGES.taobaoHostile.url);
    await expect.poll(() => panel(page, 'evidence-panel').getAttribute('data-state')).toBe('ready');
    expect(await panel(page, 'listing-title').textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('listingproof-panel img, listingproof-panel svg, listingproof-panel script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});

describe('a taken-down listing (contract §6.1)', () => {
  it('shows data-state="removed" with its item id, and a capture of it is stored as a takedown proof', async () => {
    const page = await b.context.newPage();
    await page.goto(PAGES.jdRemoved.url);
    await expect.poll(() => panel(page, 'evidence-panel').getAttribute('data-state'), { timeout: 15_000 }).toBe('removed');
    expect(await panel(page, 'panel-message').textContent()).toMatch(/下架|taken down/);
    await panel(page, 'capture-button').click();
    await expect.poll(() => panel(page, 'capture-button').getAttribute('data-capture-state'), { timeout: 45_000 }).toMatch(/done|failed/);
    expect(await panel(page, 'capture-button').getAttribute('data-capture-state')).toBe('done');
    const evidenceId = (await panel(page, 'capture-button').getAttribute('data-evidence-id')) ?? '';
    const dash = await openDashboard(b);
    const stored = (await readStoredCaptures(dash)).find((c) => c.record.id === evidenceId);
    const listingJson = JSON.parse(stored?.texts['listing.json'] ?? '{}') as { takedownProof?: boolean; platform?: string; itemId?: string };
    expect(listingJson).toMatchObject({ takedownProof: true, platform: 'jd', itemId: '100099887766' });
    await dash.close();
    await page.close();
  });
});

const searchPages = Object.values(PAGES as Record<string, DemoPage>).filter((p) => p.search);

describe('search pages get a badge per result and a summary', () => {
  it.each(searchPages.map((p) => [p.name, p] as const))('%s', async (_name, p) => {
    const want = p.search!;
    const page = await b.context.newPage();
    await page.goto(p.url);
    const summary = panel(page, 'search-summary');
    await expect.poll(() => summary.getAttribute('data-total'), { timeout: 15_000 }).toBe(String(want.total));
    await expect.poll(() => page.locator('[data-testid="result-badge"]').count()).toBe(want.total);
    expect(await summary.getAttribute('data-unauthorized')).toBe(String(want.unauthorized));
    expect(await summary.getAttribute('data-below-min')).toBe(String(want.belowMin));
    const badges = await page.locator('[data-testid="result-badge"]').evaluateAll((els) => els.map((e) => ({ ...(e as HTMLElement).dataset })));
    expect(badges.filter((x) => x.seller === 'unauthorized').length).toBe(want.unauthorized);
    for (const x of badges) expect(x.itemId).toMatch(/^\d+$/);
    await page.close();
  });
});

describe('infinite scroll', () => {
  it('results added after load get badges and the summary follows', async () => {
    const page = await b.context.newPage();
    await page.goto(PAGES.jdSearch.url);
    const summary = panel(page, 'search-summary');
    await expect.poll(() => summary.getAttribute('data-total'), { timeout: 15_000 }).toBe('4');
    // What the page's own script does when the user scrolls: append more result cards.
    await page.evaluate(() => {
      const list = document.querySelector('li.gl-item[data-sku]')!.parentElement!;
      const template = list.querySelector('li.gl-item[data-sku]')!;
      for (const sku of ['20000000001', '20000000002']) {
        const card = template.cloneNode(true) as HTMLElement;
        card.setAttribute('data-sku', sku);
        card.querySelector('[data-testid="result-badge"]')?.remove();
        card.querySelectorAll('a[href]').forEach((a) => a.setAttribute('href', `//item.jd.com/${sku}.html`));
        list.append(card);
      }
    });
    await expect.poll(() => summary.getAttribute('data-total')).toBe('6');
    await expect.poll(() => page.locator('[data-testid="result-badge"]').count()).toBe(6);
    expect(await page.locator('[data-testid="result-badge"][data-item-id="20000000002"]').getAttribute('data-seller')).toMatch(
      /authorized|unauthorized|expired/,
    );
    await page.close();
  });
});

describe('navigation without a page load', () => {
  it('re-extracts when a single-page app swaps in another item', async () => {
    const page = await b.context.newPage();
    await page.goto(PAGES.jdLatePrice.url);
    await expect.poll(() => panel(page, 'listing-item-id').getAttribute('data-value'), { timeout: 15_000 }).toBe('100012043978');
    const next = readFileSync(PAGES.jdCoupon.file, 'utf8');
    // What a SPA does: new URL through the History API, new content without a reload.
    await page.evaluate(
      ({ html, url }) => {
        history.pushState({}, '', url);
        const doc = new DOMParser().parseFromString(html, 'text/html');
        document.head.replaceChildren(...Array.from(doc.head.childNodes).map((n) => document.importNode(n, true)));
        for (const el of Array.from(document.body.children)) if (!el.matches('listingproof-panel')) el.remove();
        document.body.prepend(...Array.from(doc.body.childNodes).map((n) => document.importNode(n, true)));
      },
      { html: next, url: PAGES.jdCoupon.url },
    );
    await expect.poll(() => panel(page, 'listing-item-id').getAttribute('data-value'), { timeout: 10_000 }).toBe('10086123456789');
    await expect.poll(() => panel(page, 'listing-price').getAttribute('data-value')).toBe('1199.00');
    await expect.poll(() => panel(page, 'listing-verdict').getAttribute('data-seller')).toBe('expired');
    await page.close();
  });
});
