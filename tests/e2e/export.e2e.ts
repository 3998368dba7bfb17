import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startFixtureServer, type FixtureServer } from '@/tests/harness/fixture-server';
import { launchWithExtension, openDashboard, type ExtensionBrowser } from '@/tests/harness/browser';
import { captureListingPage } from '@/tests/harness/capture-page';
import { ALL_ROUTES, DEMO_AUTHORIZED_LIST, PAGES } from '@/tests/harness/pages';
import { importThroughDashboard } from '@/tests/harness/import-list';
import { unzipTo } from '@/tests/harness/unzip';

let server: FixtureServer;
let b: ExtensionBrowser;
const work = mkdtempSync(join(tmpdir(), 'listingproof-export-'));

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

describe('evidence package: export from the dashboard, verify anywhere', () => {
  it('exports the captures as a zip that verifies, passes sha256sum -c, and whose report opens offline with page text inert', async () => {
    const ids = [await capture(PAGES.taobaoHostile.url), await capture(PAGES.tmallItem.url)];
    const dash = await openDashboard(b);
    await expect.poll(() => dash.locator('[data-testid="evidence-row"]').count()).toBe(2);
    const [download] = await Promise.all([dash.waitForEvent('download'), dash.locator('[data-testid="export-button"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^listingproof-[\w-]+-\d{8}-\d{4}\.zip$/);
    const zipPath = join(work, download.suggestedFilename());
    await download.saveAs(zipPath);

    // The project's verifier, as a user runs it.
    const verify = spawnSync(process.execPath, ['--import', 'tsx', 'utils/cli/verify-cli.ts', zipPath], { encoding: 'utf8' });
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);

    // Anyone's verifier: coreutils.
    const dir = join(work, 'unpacked');
    const names = await unzipTo(readFileSync(zipPath), dir);
    for (const id of ids) expect(names).toEqual(expect.arrayContaining([`captures/${id}/listing.json`, `captures/${id}/viewport.png`]));
    expect(execFileSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' })).not.toMatch(/FAILED/);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.captures.map((c: { id: string }) => c.id).sort()).toEqual([...ids].sort());

    // report.html from disk with every network request refused.
    const report = await b.context.newPage();
    const dialogs: string[] = [];
    report.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    let networkRequests = 0;
    await report.route(/^https?:/, (route) => {
      networkRequests++;
      void route.abort();
    });
    await report.goto(pathToFileURL(join(dir, 'report.html')).href);
    const body = (await report.locator('body').textContent()) ?? '';
    expect(body).toContain('790000000222');
    expect(body).toContain('750123456781');
    expect(body).toContain('<img src=x onerror=alert(1)>');
    expect(await report.locator('section.capture').count()).toBe(2);
    expect(await report.locator('script').count()).toBe(0);
    expect(await report.locator('img[onerror], svg[onload]').count()).toBe(0);
    await report.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(networkRequests).toBe(0);
  });
});
