import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from '@/tests/harness/fixture-server';
import { launchWithExtension, openDashboard, panel, type ExtensionBrowser } from '@/tests/harness/browser';
import { ALL_ROUTES, PAGES } from '@/tests/harness/pages';
import { readStoredCaptures } from '@/tests/harness/read-store';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer(ALL_ROUTES);
});
afterAll(async () => {
  await server?.close();
});

async function captureOn(b: ExtensionBrowser, url: string): Promise<{ page: Page; evidenceId: string }> {
  const page = await b.context.newPage();
  await page.goto(url);
  await expect.poll(() => panel(page, 'evidence-panel').getAttribute('data-state')).toBe('ready');
  await expect.poll(() => panel(page, 'listing-price').getAttribute('data-value'), { timeout: 8000 }).not.toBe('');
  await panel(page, 'capture-button').click();
  await expect.poll(() => panel(page, 'capture-button').getAttribute('data-capture-state'), { timeout: 45_000 }).toMatch(/done|failed/);
  expect(await panel(page, 'capture-button').textContent()).not.toMatch(/失败|failed/i);
  const evidenceId = (await panel(page, 'capture-button').getAttribute('data-evidence-id')) ?? '';
  return { page, evidenceId };
}

describe('one-click capture with screenshot access granted', () => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await launchWithExtension(server.port, { grantScreenshotAccess: true });
  });
  afterAll(() => b?.close());

  it.each([
    ['taobao', PAGES.taobaoItem],
    ['tmall', PAGES.tmallItem],
    ['jd', PAGES.jdLatePrice],
    ['pdd', PAGES.pddItem],
  ] as const)(
    '%s: stores the browser screenshot, full page, source, data and images; hashes recompute; listing.json matches the page',
    async (_platform, p) => {
      const { page, evidenceId } = await captureOn(b, p.url);
      expect(evidenceId).toMatch(/^[0-9a-f-]{36}$/);
      const dash = await openDashboard(b);
      const stored = (await readStoredCaptures(dash)).find((c) => c.record.id === evidenceId)!;
      expect(stored).toBeDefined();
      const paths = stored.record.artifacts.map((a) => a.path);
      expect(paths).toEqual(expect.arrayContaining(['viewport.png', 'full-page.png', 'page.mhtml', 'page.html', 'listing.json']));
      expect(
        paths.some((x) => x.startsWith('images/')),
        'product images fetched',
      ).toBe(true);
      expect(stored.record.artifacts.find((a) => a.path === 'viewport.png')?.method).toBe('captureVisibleTab');
      for (const a of stored.record.artifacts) expect(stored.recomputed[a.path], a.path).toBe(a.sha256);
      const listing = JSON.parse(stored.texts['listing.json']!);
      const text = JSON.stringify(listing);
      const shown = async (id: string) => (await panel(page, id).getAttribute('data-value')) ?? '';
      for (const id of ['listing-item-id', 'listing-shop-id']) expect(text).toContain(JSON.stringify(await shown(id)));
      expect(stored.record.itemId).toBe(await shown('listing-item-id'));
      expect(stored.record.shop.name).toBe(await shown('listing-shop-name'));
      expect(stored.record.price.lowest).toBe(await shown('listing-price'));
      expect(stored.record.capturedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)$/);
      expect(stored.record.environment.extensionVersion).toMatch(/^\d+\.\d+\.\d+$/);
      await page.close();
    },
  );
});

describe('one-click capture without screenshot access', () => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await launchWithExtension(server.port);
  });
  afterAll(() => b?.close());

  it('still captures, with a DOM re-render labelled as such and a warning saying why', async () => {
    const { evidenceId } = await captureOn(b, PAGES.jdLatePrice.url);
    const dash = await openDashboard(b);
    const stored = (await readStoredCaptures(dash)).find((c) => c.record.id === evidenceId)!;
    const paths = stored.record.artifacts.map((a) => a.path);
    expect(paths).not.toContain('viewport.png');
    expect(stored.record.artifacts.find((a) => a.path === 'full-page.png')?.method).toBe('html2canvas-pro');
    expect(stored.record.warnings.join('\n')).toMatch(/screenshot was not allowed/);
  });
});
