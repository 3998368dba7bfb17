import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from '@/tests/harness/fixture-server';
import { launchWithExtension, openDashboard, panel, type ExtensionBrowser } from '@/tests/harness/browser';
import { captureListingPage } from '@/tests/harness/capture-page';
import { ALL_ROUTES, DEMO_AUTHORIZED_LIST, PAGES } from '@/tests/harness/pages';
import { importThroughDashboard } from '@/tests/harness/import-list';

// The toolbar popup in Chromium: it reads the active tab of its window through that tab's content
// script. Headless Chromium has no toolbar to click, so popup.html opens as a tab sized like the
// popup, and the listing tab is brought to the front before the popup page loads (it then asks
// for the listing tab, exactly as the real popup does).

let server: FixtureServer;
let b: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer(ALL_ROUTES);
  b = await launchWithExtension(server.port, { grantScreenshotAccess: true });
  await importThroughDashboard(b, [DEMO_AUTHORIZED_LIST]);
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

async function popupOver(listing: Page): Promise<Page> {
  const popup = await b.context.newPage();
  await popup.setViewportSize({ width: 284, height: 320 });
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
  await listing.bringToFront();
  await popup.reload();
  return popup;
}

describe('the popup', () => {
  it("shows the tab's shop, verdict and case status, and captures the tab", { timeout: 180_000 }, async () => {
    await captureListingPage(b, PAGES.taobaoItem.url);
    const dash = await openDashboard(b);
    await dash.goto(dash.url().replace(/#.*$/, '') + '#cases');
    const row = dash.locator('[data-testid="case-row"][data-shop-id="310987654"]');
    await row.locator('[data-testid="case-status"]').selectOption('warned');
    await expect.poll(() => row.getAttribute('data-status')).toBe('warned');

    const listing = await b.context.newPage();
    await listing.goto(PAGES.taobaoItem.url);
    await expect.poll(() => panel(listing, 'evidence-panel').getAttribute('data-state'), { timeout: 15_000 }).toBe('ready');
    const popup = await popupOver(listing);
    const summary = popup.locator('[data-testid="popup-summary"]');
    await expect.poll(() => summary.getAttribute('data-case-status'), { timeout: 15_000 }).toBe('warned');
    expect(await summary.getAttribute('data-state')).toBe('ready');
    expect(await summary.innerText()).toContain('极光数码专营店');

    // the popup's button captures the listing tab: a second capture of the shop
    await popup.locator('[data-testid="popup-capture"]').click();
    await expect.poll(() => panel(listing, 'capture-button').getAttribute('data-capture-state'), { timeout: 60_000 }).toBe('done');
    await dash.goto(dash.url().replace(/#.*$/, '') + '#captures');
    await expect.poll(() => dash.locator('[data-testid="evidence-row"]').count(), { timeout: 15_000 }).toBe(2);
  });

  it('says so over a tab that is not a listing', { timeout: 60_000 }, async () => {
    const other = await b.context.newPage();
    await other.goto('about:blank');
    const popup = await popupOver(other);
    await popup.locator('[data-testid="popup-capture"]').click();
    await expect.poll(() => popup.locator('p').first().innerText()).toMatch(/not a listing|不是可读取的商品页/);
    expect(await popup.locator('[data-testid="popup-summary"]').count()).toBe(0);
  });
});
