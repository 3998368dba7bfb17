import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { verifyPackage } from '@/utils/export/verify-package';
import { startFixtureServer, type FixtureServer } from '@/tests/harness/fixture-server';
import { launchWithExtension, openDashboard, panel, type ExtensionBrowser } from '@/tests/harness/browser';
import { captureListingPage } from '@/tests/harness/capture-page';
import { ALL_ROUTES, DEMO_AUTHORIZED_LIST, PAGES } from '@/tests/harness/pages';
import { importThroughDashboard } from '@/tests/harness/import-list';
import { readStoredCaptures } from '@/tests/harness/read-store';
import { setRunnerPace } from '@/tests/harness/runner-pace';
import { SECOND_TAOBAO_ITEM, secondTaobaoListing } from '@/tests/harness/second-listing';

let server: FixtureServer;
let b: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer([...ALL_ROUTES, secondTaobaoListing]);
  b = await launchWithExtension(server.port, { grantScreenshotAccess: true });
  await importThroughDashboard(b, [DEMO_AUTHORIZED_LIST]);
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

const entries = (dash: Page) => dash.locator('[data-testid="case-view"] [data-testid="case-timeline-entry"]');

describe('the case view', () => {
  it(
    'shows a shop’s captures and status changes in order, its prices against the minimum, exports its package and complaint bundle, and drafts the warning letter',
    { timeout: 180_000 },
    async () => {
      const first = await captureListingPage(b, PAGES.taobaoItem.url);
      const second = await captureListingPage(b, secondTaobaoListing.url);

      const dash = await openDashboard(b);
      await dash.goto(dash.url().replace(/#.*$/, '') + '#cases');
      const row = dash.locator('[data-testid="case-row"][data-shop-id="310987654"]');
      await row.locator('[data-testid="case-open"]').click();
      const view = dash.locator('[data-testid="case-view"]');
      await expect.poll(() => view.getAttribute('data-state')).toBe('ok');
      expect(dash.url()).toMatch(/#case\//);
      const header = view.locator('[data-testid="case-view-header"]');
      expect(await header.getAttribute('data-platform')).toBe('taobao');
      expect(await header.getAttribute('data-shop-id')).toBe('310987654');
      expect(await header.textContent()).toContain('极光数码专营店');

      // two captures, oldest first
      await expect.poll(() => entries(dash).count()).toBe(2);
      expect(await entries(dash).evaluateAll((els) => els.map((e) => `${e.getAttribute('data-kind')}:${e.getAttribute('data-capture-id')}`))).toEqual([
        `capture:${first}`,
        `capture:${second}`,
      ]);

      // a status change is a third entry, after both captures, and shows on the cases list
      await view.locator('[data-testid="case-view-status"]').selectOption('warned');
      await expect.poll(() => entries(dash).count()).toBe(3);
      expect(await entries(dash).last().getAttribute('data-kind')).toBe('status');
      expect(await entries(dash).last().getAttribute('data-status')).toBe('warned');
      await expect.poll(() => header.getAttribute('data-status')).toBe('warned');

      // the chart: a series per listing and the minimum price line of the list (269)
      const chart = view.locator('[data-testid="case-price-chart"]');
      expect(await chart.locator('[data-testid="price-series"]').count()).toBe(2);
      expect(await chart.locator('[data-testid="price-point"]').count()).toBe(2);
      expect(await chart.locator('[data-testid="min-price-line"]').getAttribute('data-min-price')).toBe('269');
      const lineY = await chart.locator('[data-testid="min-price-line"] path').evaluate((p) => (p as SVGGraphicsElement).getBBox().y);
      const belowY = await chart.locator(`[data-capture-id="${second}"]`).evaluate((c) => Number(c.getAttribute('cy')));
      expect(belowY).toBeGreaterThan(lineY); // 249 is drawn under the 269 line

      // the warning letter opens as its own printable page, naming the shop and both listings
      const [letter] = await Promise.all([b.context.waitForEvent('page'), view.locator('[data-testid="case-warning-letter"]').click()]);
      await letter.waitForLoadState();
      const text = (await letter.locator('[data-testid="warning-letter-text"]').textContent()) ?? '';
      expect(text).toContain('极光数码专营店');
      expect(text).toContain('https://item.taobao.com/item.htm?id=781234567890');
      expect(text).toContain(`https://item.taobao.com/item.htm?id=${SECOND_TAOBAO_ITEM}`);
      expect(text).not.toMatch(/\{\{\w+\}\}/);
      await letter.close();

      // the case's own package: exactly its two captures, and it verifies
      const [pkg] = await Promise.all([dash.waitForEvent('download'), view.locator('[data-testid="case-export"]').click()]);
      const pkgBytes = new Uint8Array(readFileSync((await pkg.path())!));
      expect((await verifyPackage(pkgBytes)).status).toBe('intact');
      const manifest = JSON.parse(await (await JSZip.loadAsync(pkgBytes)).file('manifest.json')!.async('string')) as { captures: { id: string }[] };
      expect(manifest.captures.map((c) => c.id).sort()).toEqual([first, second].sort());

      // the complaint bundle for its portal: both listings, canonical, in the Alibaba link file
      const complaint = view.locator('[data-testid="case-complaint"]');
      expect(await complaint.getAttribute('data-channel')).toBe('alibaba');
      const [bundle] = await Promise.all([dash.waitForEvent('download'), complaint.click()]);
      const zip = await JSZip.loadAsync(readFileSync((await bundle.path())!));
      expect((await zip.file('links/alibaba-001.txt')!.async('string')).trim().split(/\r?\n/).sort()).toEqual([
        'https://item.taobao.com/item.htm?id=781234567890',
        `https://item.taobao.com/item.htm?id=${SECOND_TAOBAO_ITEM}`,
      ]);

      // re-check: the runner visits both listings (pace 0 here) and captures each again
      await setRunnerPace(dash, 0);
      await view.locator('[data-testid="case-recheck"]').click();
      await expect.poll(() => view.locator('[data-testid="case-action-status"]').getAttribute('data-state')).toBe('done');
      const recheck = view.locator('[data-testid="case-last-recheck"]');
      await expect.poll(() => recheck.getAttribute('data-live'), { timeout: 90_000 }).toBe('2');
      expect(await recheck.getAttribute('data-removed')).toBe('0');
      await expect.poll(() => entries(dash).evaluateAll((els) => els.filter((e) => e.getAttribute('data-kind') === 'capture').length)).toBe(4);
    },
  );

  it('shows a hostile shop name as text in the case view and in the warning letter', { timeout: 120_000 }, async () => {
    await captureListingPage(b, PAGES.taobaoHostile.url);
    const dash = await openDashboard(b);
    const dialogs: string[] = [];
    b.context.on('page', (p) => p.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss())));
    dash.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
    await dash.goto(dash.url().replace(/#.*$/, '') + '#cases');
    await dash.locator('[data-testid="case-row"][data-shop-id="330000222"] [data-testid="case-open"]').click();
    const view = dash.locator('[data-testid="case-view"]');
    await expect.poll(() => view.getAttribute('data-state')).toBe('ok');
    expect(await view.locator('[data-testid="case-view-header"] h2').textContent()).toBe('"><svg onload=alert(2)>极光专营店');
    expect(await view.locator('svg[onload]').count()).toBe(0);

    const [letter] = await Promise.all([b.context.waitForEvent('page'), view.locator('[data-testid="case-warning-letter"]').click()]);
    await letter.waitForLoadState();
    expect(await letter.locator('[data-testid="warning-letter-text"]').textContent()).toContain('"><svg onload=alert(2)>极光专营店');
    expect(await letter.locator('svg').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await letter.close();
  });

  it('shows a capture of a taken-down listing as a takedown in its case', { timeout: 120_000 }, async () => {
    const page = await b.context.newPage();
    await page.goto(PAGES.jdRemoved.url);
    await expect.poll(() => panel(page, 'evidence-panel').getAttribute('data-state'), { timeout: 15_000 }).toBe('removed');
    await panel(page, 'capture-button').click();
    await expect.poll(() => panel(page, 'capture-button').getAttribute('data-capture-state'), { timeout: 45_000 }).toBe('done');
    const id = (await panel(page, 'capture-button').getAttribute('data-evidence-id')) ?? '';
    await page.close();
    const dash = await openDashboard(b);
    const caseId = (await readStoredCaptures(dash)).find((c) => c.record.id === id)!.record.caseId;
    await dash.goto(dash.url().replace(/#.*$/, '') + `#case/${encodeURIComponent(caseId)}`);
    const entry = dash.locator(`[data-testid="case-timeline-entry"][data-capture-id="${id}"]`);
    await expect.poll(() => entry.getAttribute('data-kind')).toBe('takedown');
  });
});
