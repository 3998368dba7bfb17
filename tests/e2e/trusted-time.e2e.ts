import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from '@/tests/harness/fixture-server';
import { launchWithExtension, openDashboard, panel, type ExtensionBrowser } from '@/tests/harness/browser';
import { ALL_ROUTES, PAGES } from '@/tests/harness/pages';
import { startTsa, type TestTsa } from '@/tests/harness/tsa-server';

// Trusted time in the real browser: the dashboard's first-run setup, seals stored with each
// capture, tokens from a real openssl TSA on 127.0.0.1, and a capture made while the TSA is down
// that is stamped (with the later time) once it is back.

let server: FixtureServer;
let tsa: TestTsa;
let b: ExtensionBrowser;
let dash: Page;

beforeAll(async () => {
  [server, tsa] = await Promise.all([startFixtureServer(ALL_ROUTES), startTsa()]);
  b = await launchWithExtension(server.port);
});
afterAll(async () => {
  await b?.close();
  await Promise.all([server?.close(), tsa?.stop()]);
});

async function capture(url: string): Promise<string> {
  const page = await b.context.newPage();
  await page.goto(url);
  await expect.poll(() => panel(page, 'evidence-panel').getAttribute('data-state'), { timeout: 15_000 }).toBe('ready');
  await panel(page, 'capture-button').click();
  await expect.poll(() => panel(page, 'capture-button').getAttribute('data-capture-state'), { timeout: 45_000 }).toBe('done');
  const id = (await panel(page, 'capture-button').getAttribute('data-evidence-id'))!;
  await page.close();
  return id;
}

const row = (id: string) => dash.locator(`[data-testid="evidence-row"][data-evidence-id="${id}"]`);

/** The capture's timestamp row as the extension stored it. */
async function timestampRow(id: string): Promise<{ status: string; genTime?: string; tsa?: string; serial?: string }> {
  return dash.evaluate(async (captureId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('listingproof');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const value = await new Promise<unknown>((resolve, reject) => {
      const req = db.transaction('timestamps').objectStore('timestamps').get(captureId);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return value as { status: string; genTime?: string };
  }, id);
}

describe('trusted time (real TSA on 127.0.0.1)', () => {
  it('opens the setup on install, creates the key and saves investigator and TSA settings', async () => {
    await expect.poll(() => b.context.pages().some((p) => p.url().endsWith('/dashboard.html#setup')), { timeout: 10_000 }).toBe(true);
    const setup = b.context.pages().find((p) => p.url().endsWith('/dashboard.html#setup'))!;
    await expect.poll(() => setup.locator('[data-testid="key-fingerprint"]').getAttribute('data-value')).toMatch(/^[0-9a-f]{64}$/);
    await setup.locator('[data-testid="investigator-name"]').fill('王调查');
    await setup.locator('[data-testid="investigator-org"]').fill('某某知识产权代理有限公司');
    await setup.locator('[data-testid="tsa-urls"]').fill(`${tsa.url}\n`);
    await setup.locator('[data-testid="settings-save"]').click();
    await expect.poll(() => setup.locator('[data-testid="settings-status"]').getAttribute('data-state')).toBe('saved');
    const fingerprint = await setup.locator('[data-testid="key-fingerprint"]').getAttribute('data-value');
    await setup.close();

    dash = await openDashboard(b);
    expect(await dash.locator('[data-testid="key-fingerprint"]').getAttribute('data-value')).toBe(fingerprint);
    expect(await dash.locator('[data-testid="investigator-org"]').inputValue()).toBe('某某知识产权代理有限公司');
    expect(await dash.locator('[data-testid="tsa-urls"]').inputValue()).toBe(tsa.url);
  });

  it('stamps a capture right after it is stored', async () => {
    const before = tsa.requests;
    const id = await capture(PAGES.tmallItem.url);
    await expect.poll(() => row(id).getAttribute('data-timestamp'), { timeout: 20_000 }).toBe('stamped');
    const ts = await timestampRow(id);
    expect(ts).toMatchObject({ status: 'stamped', tsa: tsa.url });
    expect(ts.serial).toMatch(/^[0-9a-f]+$/);
    expect(tsa.requests).toBeGreaterThan(before);
  });

  it('stores a capture pending while the TSA is down and stamps it with the later time once it is back', async () => {
    tsa.setMode('down');
    const id = await capture(PAGES.taobaoHostile.url);
    await expect.poll(() => row(id).getAttribute('data-timestamp'), { timeout: 20_000 }).toBe('pending');
    await expect.poll(async () => (await timestampRow(id)).status === 'pending' && tsa.requests > 0).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    const backAt = Date.now();
    tsa.setMode('ok');
    await dash.locator('[data-testid="timestamp-retry"]').click();
    await expect.poll(() => row(id).getAttribute('data-timestamp'), { timeout: 20_000 }).toBe('stamped');
    const ts = await timestampRow(id);
    // openssl's genTime has whole seconds: the token is from after the TSA came back, never earlier.
    expect(Date.parse(ts.genTime!)).toBeGreaterThanOrEqual(Math.floor(backAt / 1000) * 1000);
  });
});
