import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from '@/tests/harness/fixture-server';
import { launchWithExtension, openDashboard, panel, type ExtensionBrowser } from '@/tests/harness/browser';
import { captureListingPage } from '@/tests/harness/capture-page';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { ALL_ROUTES, PAGES } from '@/tests/harness/pages';
import { readStoredCaptures } from '@/tests/harness/read-store';
import { hidingPageRoute, HIDING_PAGE_URL, MAGENTA, redirectRoutes, SELLER_TEXT } from '@/tests/harness/hiding-page';

// What a seller puts on the page reaches the evidence, whatever markers it carries, and the
// image URLs it hands us on private addresses are never requested.

let server: FixtureServer;
let b: ExtensionBrowser;
const hiding = hidingPageRoute();

beforeAll(async () => {
  const redirects = redirectRoutes(0);
  server = await startFixtureServer([...ALL_ROUTES, hiding.route, ...redirects]);
  hiding.setPort(server.port);
  // Routes are read per request: point the redirect at the port now known.
  redirects.forEach((r, i) => (r.redirectTo = redirectRoutes(server.port)[i]!.redirectTo));
  b = await launchWithExtension(server.port, { grantScreenshotAccess: true });
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

/** Pixels of `rgb` (within a small tolerance) in a stored PNG (or one given as base64), decoded by the browser. */
async function countColour(dash: Page, blobId: string, rgb: readonly number[], base64?: string): Promise<number> {
  return dash.evaluate(
    async ({ blobId, rgb, base64 }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('listingproof');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const row = base64
        ? { data: new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))]) }
        : await new Promise<{ data: Blob } | undefined>((resolve, reject) => {
            const req = db.transaction('artifactBlobs').objectStore('artifactBlobs').get(blobId);
            req.onsuccess = () => resolve(req.result as { data: Blob } | undefined);
            req.onerror = () => reject(req.error);
          });
      db.close();
      if (!row) return -1;
      const bitmap = await createImageBitmap(row.data);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const px = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      let n = 0;
      for (let i = 0; i < px.length; i += 4)
        if (Math.abs(px[i]! - rgb[0]!) < 8 && Math.abs(px[i + 1]! - rgb[1]!) < 8 && Math.abs(px[i + 2]! - rgb[2]!) < 8) n++;
      return n;
    },
    { blobId, rgb: [...rgb], base64 },
  );
}

/** The panel's primary button colour (#1f6feb), which the fixture page itself never uses. */
const PANEL_BLUE = [0x1f, 0x6f, 0xeb] as const;

describe('a seller cannot hide from the capture', () => {
  it(
    "keeps blocks carrying our old marker (and html2canvas's) in every screenshot and in page.html, and never fetches private image URLs",
    { timeout: 120_000 },
    async () => {
      const page = await b.context.newPage();
      await page.goto(HIDING_PAGE_URL);
      await expect.poll(() => panel(page, 'evidence-panel').getAttribute('data-state'), { timeout: 15_000 }).toBe('ready');
      const live = (await page.screenshot()).toString('base64');
      await panel(page, 'capture-button').click();
      await expect.poll(() => panel(page, 'capture-button').getAttribute('data-capture-state'), { timeout: 60_000 }).toMatch(/done|failed/);
      const evidenceId = (await panel(page, 'capture-button').getAttribute('data-evidence-id')) ?? '';
      expect(evidenceId).not.toBe('');

      const dash = await openDashboard(b);
      const stored = (await readStoredCaptures(dash)).find((c) => c.record.id === evidenceId)!;
      const pngs = stored.record.artifacts.filter((a) => a.path.endsWith('.png') && !a.path.startsWith('images/'));
      expect(pngs.map((a) => a.path)).toContain('viewport.png');
      expect(pngs.length).toBeGreaterThan(1); // the viewport and the full page (re-render or series)
      // Three magenta blocks: 240x160 + 240x160 + 240x60 CSS pixels, less the text's glyphs (how
      // much they cover depends on the fonts installed; a hidden block would take all of its area).
      const viewport = await countColour(dash, `${evidenceId}/viewport.png`, MAGENTA);
      expect(viewport).toBeGreaterThan(0.8 * (240 * 160 * 2 + 240 * 60));
      for (const a of pngs) expect(await countColour(dash, `${evidenceId}/${a.path}`, MAGENTA), a.path).toBeGreaterThan(240 * 100);
      // Our own panel, on screen before the capture, is in none of them (the re-render included).
      expect(await countColour(dash, '', PANEL_BLUE, live)).toBeGreaterThan(500);
      for (const a of pngs) expect(await countColour(dash, `${evidenceId}/${a.path}`, PANEL_BLUE), a.path).toBeLessThan(20);

      const html = await dash.evaluate(async (id) => {
        const db = await new Promise<IDBDatabase>((resolve) => {
          const req = indexedDB.open('listingproof');
          req.onsuccess = () => resolve(req.result);
        });
        const row = await new Promise<{ data: Blob }>((resolve) => {
          const req = db.transaction('artifactBlobs').objectStore('artifactBlobs').get(`${id}/page.html`);
          req.onsuccess = () => resolve(req.result as { data: Blob });
        });
        db.close();
        return row.data.text();
      }, evidenceId);
      expect(html).toContain(SELLER_TEXT);
      expect(html).toContain('id="forged-ignore"');
      expect(html).toContain('data-testid="result-badge" data-listingproof-ui="badge"');
      // Our real panel is still left out.
      expect(html).not.toContain('<listingproof-panel');

      const requested = [...server.hits.keys()].filter((u) => /127\.0\.0\.1|\[::1\]|private\.png|metadata\.png|elsewhere\.png|after-redirect/.test(u));
      expect(requested).toEqual([]);
      // The CDN URL itself was asked for; where its redirect leads was not.
      expect(server.hits.get('https://img.alicdn.com/imgextra/redirect-to-loopback.png')).toBeGreaterThan(0);
      expect(stored.record.warnings.join('\n')).toMatch(/redirect-to-loopback\.png\): redirected .*not followed/);
      const warnings = stored.record.warnings.join('\n');
      expect(warnings).toMatch(/127\.0\.0\.1 is a private, loopback or link-local address/);
      expect(warnings).toMatch(/192\.168\.7\.7 is a private/);
      expect(warnings).toMatch(/169\.254\.169\.254 is a private/);
      expect(warnings).toMatch(/\[::1\] is a private/);
      expect(warnings).toMatch(/evil\.example is neither the marketplace's image host/);
      // The page's real CDN images were fetched as before.
      expect(stored.record.artifacts.some((a) => a.path.startsWith('images/'))).toBe(true);
    },
  );
});

const capture = (url: string) => captureListingPage(b, url);

describe('deleting evidence, on the record', () => {
  it('deleting a capture asks why, leaves a tombstone, and the next export carries the custody entry', { timeout: 180_000 }, async () => {
    const doomed = await capture(PAGES.taobaoItem.url);
    const kept = await capture(PAGES.jdCoupon.url);
    const dash = await openDashboard(b);
    const doomedRecord = (await readStoredCaptures(dash)).find((c) => c.record.id === doomed)!.record;
    await dash.locator('[data-testid="investigator-name"]').fill('赵调查员');
    // no public TSA: their host access would wait on a prompt nobody answers here
    await dash.locator('[data-testid="tsa-urls"]').fill('');
    await dash.locator('[data-testid="settings-save"]').click();
    await expect.poll(() => dash.locator('[data-testid="settings-status"]').getAttribute('data-state')).toBe('saved');
    await dash.reload();

    const row = dash.locator(`[data-testid="evidence-row"][data-evidence-id="${doomed}"]`);
    await row.locator('[data-testid="evidence-delete"]').click();
    const confirm = dash.locator('[data-testid="delete-confirm"]');
    await expect.poll(() => confirm.isDisabled()).toBe(true);
    await dash.locator('[data-testid="delete-reason"]').fill('重复取证 duplicate capture');
    // Never exported: the deletion waits for an explicit confirmation.
    expect(await confirm.isDisabled()).toBe(true);
    await dash.locator('[data-testid="delete-confirm-unexported"]').check();
    await confirm.click();
    await expect.poll(() => row.count()).toBe(0);
    const tomb = dash.locator(`[data-testid="evidence-tombstone"][data-evidence-id="${doomed}"]`);
    await expect.poll(() => tomb.count()).toBe(1);
    expect(await tomb.textContent()).toContain('重复取证 duplicate capture');
    expect(await tomb.textContent()).toContain('赵调查员');
    expect(await dash.locator(`[data-testid="evidence-row"][data-evidence-id="${kept}"]`).count()).toBe(1);
    expect(Number(await dash.locator('[data-testid="case-storage"]').first().getAttribute('data-bytes'))).toBeGreaterThan(0);
    expect((await readStoredCaptures(dash)).map((c) => c.record.id)).not.toContain(doomed);

    const [download] = await Promise.all([dash.waitForEvent('download'), dash.locator('[data-testid="export-button"]').click()]);
    const path = await download.path();
    const zip = await JSZip.loadAsync(readFileSync(path));
    const custody = JSON.parse(await zip.file('custody.json')!.async('string')) as {
      entries: { event: string; captureId: string; actor: string; detail: string }[];
    };
    const deletion = custody.entries.find((e) => e.event === 'delete' && e.captureId === doomed);
    expect(deletion?.actor).toBe('赵调查员');
    const detail = JSON.parse(deletion!.detail) as { reason: string; artifacts?: { path: string; sha256: string }[]; sealSha256?: string };
    expect(detail.reason).toBe('重复取证 duplicate capture');
    const named = detail.sealSha256 ? [detail.sealSha256] : (detail.artifacts ?? []).map((a) => a.sha256);
    expect(named.length).toBeGreaterThan(0);
    for (const h of named) expect(doomedRecord.artifacts.map((a) => a.sha256)).toContain(h);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { captures: { id: string }[] };
    expect(manifest.captures.map((c) => c.id)).not.toContain(doomed);
    // The package with the deletion on record still verifies, with the project's own verifier.
    const verify = spawnSync(process.execPath, ['--import', 'tsx', 'utils/cli/verify-cli.ts', path], { encoding: 'utf8' });
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
  });
});
