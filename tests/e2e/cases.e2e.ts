import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { startFixtureServer, type FixtureServer } from '@/tests/harness/fixture-server';
import { launchWithExtension, openDashboard, type ExtensionBrowser } from '@/tests/harness/browser';
import { captureListingPage } from '@/tests/harness/capture-page';
import { ALL_ROUTES, DEMO_AUTHORIZED_LIST, PAGES } from '@/tests/harness/pages';
import { importThroughDashboard } from '@/tests/harness/import-list';

let server: FixtureServer;
let b: ExtensionBrowser;
const work = mkdtempSync(join(tmpdir(), 'listingproof-cases-'));

beforeAll(async () => {
  server = await startFixtureServer(ALL_ROUTES);
  b = await launchWithExtension(server.port, { grantScreenshotAccess: true });
  await importThroughDashboard(b, [DEMO_AUTHORIZED_LIST]);
});
afterAll(async () => {
  await b?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

const capture = (url: string) => captureListingPage(b, url);

describe('cases and complaint bundles in the dashboard', () => {
  it('opens a case per shop, records a status change, and bundles exactly the Alibaba captures', { timeout: 180_000 }, async () => {
    await capture(PAGES.taobaoItem.url);
    await capture(PAGES.tmallItem.url);
    await capture(PAGES.jdCoupon.url);

    const dash = await openDashboard(b);
    await dash.goto(dash.url().replace(/#.*$/, '') + '#cases');
    const rows = dash.locator('[data-testid="case-row"]');
    await expect.poll(() => rows.count()).toBe(3);
    const seen = await rows.evaluateAll((els) =>
      els.map((e) => `${e.getAttribute('data-platform')}:${e.getAttribute('data-shop-id')}:${e.getAttribute('data-status')}`),
    );
    expect(seen.sort()).toEqual(['jd:10076543:found', 'taobao:310987654:found', 'tmall:100200300:found']);
    // a §2 test id lives in its own view: not on #cases
    expect(await dash.locator('[data-testid="authorized-import"]').count()).toBe(0);

    const taobao = dash.locator('[data-testid="case-row"][data-platform="taobao"]');
    await taobao.locator('[data-testid="case-complaint-no"]').fill('IPP-20261204-7');
    await taobao.locator('[data-testid="case-status"]').selectOption('complained');
    await expect.poll(() => taobao.getAttribute('data-status')).toBe('complained');
    await dash.reload();
    await expect.poll(() => dash.locator('[data-testid="case-row"][data-platform="taobao"]').getAttribute('data-status')).toBe('complained');
    await expect.poll(() => dash.locator('[data-testid="case-row"][data-platform="taobao"]').textContent()).toContain('IPP-20261204-7');

    // the shop's badge on a search page says so (the card names the shop; no shop id on it)
    const search = await b.context.newPage();
    await search.goto(PAGES.taobaoSearch.url);
    const badge = search.locator('[data-testid="result-badge"][data-item-id="781234567890"]');
    await expect.poll(() => badge.getAttribute('data-case-status'), { timeout: 15_000 }).toBe('complained');
    expect(await search.locator('[data-testid="result-badge"][data-case-status="complained"]').count()).toBe(1);
    await search.close();

    const [download] = await Promise.all([dash.waitForEvent('download'), dash.locator('[data-testid="complaint-export"][data-channel="alibaba"]').click()]);
    const zipPath = join(work, download.suggestedFilename());
    await download.saveAs(zipPath);
    const zip = await JSZip.loadAsync(readFileSync(zipPath));
    const links = (await zip.file('links/alibaba-001.txt')!.async('string')).trim().split(/\r?\n/).sort();
    expect(links).toEqual(['https://detail.tmall.com/item.htm?id=750123456781', 'https://item.taobao.com/item.htm?id=781234567890']);
    const inner = Object.keys(zip.files).find((p) => p.startsWith('evidence/') && p.endsWith('.zip'))!;
    const pkgPath = join(work, 'inner.zip');
    writeFileSync(pkgPath, await zip.file(inner)!.async('uint8array'));
    const verify = spawnSync(process.execPath, ['--import', 'tsx', 'utils/cli/verify-cli.ts', pkgPath], { encoding: 'utf8' });
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    const csv = await zip.file('evidence-index.csv')!.async('string');
    expect(csv.split(/\r\n/).filter(Boolean)).toHaveLength(3); // header and two captures
    expect(csv).not.toContain('item.jd.com');

    // finding a capture among many: by shop name, by case status
    await dash.goto(dash.url().replace(/#.*$/, '') + '#captures');
    const rowsShown = dash.locator('[data-testid="evidence-row"]');
    await expect.poll(() => rowsShown.count()).toBe(3);
    await dash.locator('[data-testid="capture-filter-text"]').fill('极光');
    await expect.poll(() => rowsShown.count()).toBe(1);
    await dash.locator('[data-testid="capture-filter-text"]').fill('');
    await dash.locator('[data-testid="capture-filter-case-status"]').selectOption('found');
    await expect.poll(() => rowsShown.count()).toBe(2);
  });
});
