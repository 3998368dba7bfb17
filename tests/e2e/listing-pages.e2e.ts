import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '@/tests/harness/fixture-server';
import { launchWithExtension, panel, type ExtensionBrowser } from '@/tests/harness/browser';
import { ALL_ROUTES, PAGES } from '@/tests/harness/pages';

let server: FixtureServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer(ALL_ROUTES);
  browser = await launchWithExtension(server.port);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('listing pages in Chromium with the extension', () => {
  it('JD: shows the listing and the price the page fills in late', async () => {
    const page = await browser.context.newPage();
    await page.goto(PAGES.jdLatePrice.url);
    await expect.poll(() => panel(page, 'evidence-panel').getAttribute('data-state')).toBe('ready');
    expect(await panel(page, 'listing-platform').getAttribute('data-value')).toBe('jd');
    expect(await panel(page, 'listing-item-id').getAttribute('data-value')).toBe('100012043978');
    await expect.poll(() => panel(page, 'listing-price').getAttribute('data-value'), { timeout: 8000 }).not.toBe('');
    console.log(await panel(page, 'listing-price').getAttribute('data-value'));
  });
});
