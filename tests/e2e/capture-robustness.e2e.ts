import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '@/tests/harness/fixture-server';
import { launchWithExtension, openDashboard, panel, type ExtensionBrowser } from '@/tests/harness/browser';
import { ALL_ROUTES, PAGES } from '@/tests/harness/pages';
import { countRows, readStoredCaptures } from '@/tests/harness/read-store';

let server: FixtureServer;
let b: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer(ALL_ROUTES);
  b = await launchWithExtension(server.port, { grantScreenshotAccess: true });
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

async function readyPage(url: string) {
  const page = await b.context.newPage();
  await page.goto(url);
  await expect.poll(() => panel(page, 'evidence-panel').getAttribute('data-state'), { timeout: 15_000 }).toBe('ready');
  return page;
}

describe('capture never leaves half-written evidence', () => {
  it('closing the tab mid-capture stores nothing', async () => {
    const dash = await openDashboard(b);
    const before = { captures: await countRows(dash, 'captures'), blobs: await countRows(dash, 'artifactBlobs') };
    const page = await readyPage(PAGES.tmallItem.url);
    await panel(page, 'capture-button').click();
    await expect.poll(() => panel(page, 'capture-button').getAttribute('data-capture-state')).toBe('running');
    await page.close();
    // Give the background time to notice and give up.
    await dash.waitForTimeout(4000);
    expect(await countRows(dash, 'captures')).toBe(before.captures);
    expect(await countRows(dash, 'artifactBlobs')).toBe(before.blobs);
  });

  it('a storage quota failure is reported by name and loses nothing stored before', { timeout: 120_000 }, async () => {
    const first = await readyPage(PAGES.jdCoupon.url);
    await panel(first, 'capture-button').click();
    await expect.poll(() => panel(first, 'capture-button').getAttribute('data-capture-state'), { timeout: 45_000 }).toBe('done');
    const dash = await openDashboard(b);
    const storedBefore = await readStoredCaptures(dash);
    expect(storedBefore.length).toBeGreaterThan(0);

    // Simulated full disk: in the service worker, IndexedDB refuses artifact writes the way
    // Chromium does when the origin's quota is used up. Everything else is the real stack.
    await b.worker.evaluate(() => {
      const original = IDBObjectStore.prototype.add;
      (globalThis as unknown as { __restoreAdd: () => void }).__restoreAdd = () => (IDBObjectStore.prototype.add = original);
      IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
        if (this.name === 'artifactBlobs') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.apply(this, args);
      };
    });
    try {
      const page = await readyPage(PAGES.tmallItem.url);
      await panel(page, 'capture-button').click();
      await expect.poll(() => panel(page, 'capture-button').getAttribute('data-capture-state'), { timeout: 45_000 }).toMatch(/done|failed/);
      expect(await panel(page, 'capture-button').getAttribute('data-capture-state')).toBe('failed');
      expect(await panel(page, 'capture-button').textContent()).toMatch(/storing: Storage is full/);
    } finally {
      await b.worker.evaluate(() => (globalThis as unknown as { __restoreAdd: () => void }).__restoreAdd());
    }
    const storedAfter = await readStoredCaptures(dash);
    expect(storedAfter.map((c) => c.record.id).sort()).toEqual(storedBefore.map((c) => c.record.id).sort());
    for (const c of storedAfter) for (const a of c.record.artifacts) expect(c.recomputed[a.path]).toBe(a.sha256);
  });
});
