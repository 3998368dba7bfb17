import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { startFixtureServer, type FixtureServer } from '@/tests/harness/fixture-server';
import { launchWithExtension, type ExtensionBrowser } from '@/tests/harness/browser';
import { captureListingPage } from '@/tests/harness/capture-page';
import { ALL_ROUTES, DEMO_AUTHORIZED_LIST, PAGES } from '@/tests/harness/pages';
import { readStoredCaptures } from '@/tests/harness/read-store';
import { startCephRgw, RGW_ACCESS_KEY, RGW_SECRET_KEY, type CephRgw } from '@/tests/harness/ceph-rgw';
import { startTsa, type TestTsa } from '@/tests/harness/tsa-server';
import { verifyPackage } from '@/utils/export/verify-package';
import { signList } from '@/utils/authorized/list-signature';
import { bytesToBase64 } from '@/utils/trust/bytes';

// Two investigators, two browser profiles (each with its own signing key), one Ceph RGW bucket:
// A captures and the capture goes to the locker; B lists it in #team under A's key, downloads it
// as a package B signs, and verifies it offline. Then B pins the brand's key: a list signed by
// it (published in the same bucket) is taken, one signed by another key or unsigned is refused
// and the list in force stays.

const BUCKET = 'team-shared';
let server: FixtureServer;
let rgw: CephRgw;
let tsa: TestTsa;
let a: ExtensionBrowser;
let b: ExtensionBrowser;
let dashA: Page;
let dashB: Page;

async function setUp(x: ExtensionBrowser, name: string, org: string, tsaUrl: string): Promise<Page> {
  const dash = await x.context.newPage();
  await dash.goto(`chrome-extension://${x.extensionId}/dashboard.html#settings`);
  await dash.getByTestId('investigator-name').fill(name);
  await dash.getByTestId('investigator-org').fill(org);
  await dash.getByTestId('tsa-urls').fill(tsaUrl);
  await dash.getByTestId('locker-endpoint').fill(rgw.endpoint);
  await dash.getByTestId('locker-region').fill('us-east-1');
  await dash.getByTestId('locker-bucket').fill(BUCKET);
  await dash.getByTestId('locker-access-key').fill(RGW_ACCESS_KEY);
  await dash.getByTestId('locker-secret-key').fill(RGW_SECRET_KEY);
  await dash.getByTestId('locker-retention-days').fill('2');
  await dash.getByTestId('settings-save').click();
  await expect.poll(() => dash.getByTestId('locker-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('ok');
  return dash;
}

const fingerprint = async (dash: Page) => (await dash.getByTestId('key-fingerprint').getAttribute('data-value')) ?? '';

beforeAll(async () => {
  [server, rgw, tsa] = await Promise.all([startFixtureServer(ALL_ROUTES), startCephRgw(), startTsa()]);
  await rgw.createBucket(BUCKET);
  a = await launchWithExtension(server.port, { grantScreenshotAccess: true });
  // B syncs the brand's list: its origin's access is granted up front (nobody answers a prompt here)
  b = await launchWithExtension(server.port, { grantScreenshotAccess: true });
  // an unpacked extension's id comes from its path: both profiles have the same origin
  expect(b.extensionId).toBe(a.extensionId);
  await rgw.allowOrigin(BUCKET, `chrome-extension://${a.extensionId}`);
}, 180_000);
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await Promise.all([rgw?.stop(), server?.close(), tsa?.stop()]);
});

describe('a second investigator reads the team locker', () => {
  let captureId = '';
  let keyA = '';
  let keyB = '';

  it('two profiles, each with its own investigator and key, reach the same locker', async () => {
    dashA = await setUp(a, '王调查', '甲知识产权代理有限公司', tsa.url);
    dashB = await setUp(b, 'Li Investigator', 'B Brand Protection Ltd', '');
  }, 60_000);

  it("lists A's capture in B's #team view under A's key, with shop, verdict and trusted time", async () => {
    captureId = await captureListingPage(a, PAGES.taobaoItem.url);
    await dashA.goto(`chrome-extension://${a.extensionId}/dashboard.html#captures`);
    const rowA = dashA.locator(`[data-testid="evidence-row"][data-evidence-id="${captureId}"]`);
    await expect.poll(() => rowA.getAttribute('data-timestamp'), { timeout: 30_000 }).toBe('stamped');
    // the token arrives after the capture and goes up after it: wait for every file
    await expect.poll(() => rowA.getAttribute('data-locker'), { timeout: 60_000 }).toBe('uploaded');
    await dashA.goto(`chrome-extension://${a.extensionId}/dashboard.html#settings`);
    [keyA, keyB] = [await fingerprint(dashA), await fingerprint(dashB)];
    expect(keyA).toMatch(/^[0-9a-f]{64}$/);
    expect(keyB).toMatch(/^[0-9a-f]{64}$/);
    expect(keyB).not.toBe(keyA);

    await dashB.goto(`chrome-extension://${b.extensionId}/dashboard.html#team`);
    await dashB.getByTestId('team-refresh').click();
    const row = dashB.locator(`[data-testid="team-capture-row"][data-capture-id="${captureId}"]`);
    await expect.poll(() => row.getAttribute('data-key-id'), { timeout: 30_000 }).toBe(keyA);
    expect(await row.getAttribute('data-platform')).toBe('taobao');
    expect(await row.getAttribute('data-shop-id')).toBe(PAGES.taobaoItem.listing.shopId);
    expect(await row.textContent()).toContain('王调查');
    expect(await row.getByTestId('team-trusted-time').getAttribute('data-value')).toMatch(/^20\d\d-/);
  }, 150_000);

  it('verifies it offline in the view: intact, signed by B, the capture sealed by A', async () => {
    const row = dashB.locator(`[data-testid="team-capture-row"][data-capture-id="${captureId}"]`);
    await row.getByTestId('team-verify').click();
    const result = dashB.getByTestId('team-verify-result');
    await expect.poll(() => result.getAttribute('data-status'), { timeout: 30_000 }).toBe('intact');
    expect(await result.getByTestId('verify-signature').getAttribute('data-key-id')).toBe(keyB);
    const sealed = result.locator(`[data-testid="verify-capture-trust"][data-capture-id="${captureId}"]`);
    expect(await sealed.getAttribute('data-key-id')).toBe(keyA);
    expect(await sealed.getAttribute('data-token')).toMatch(/^(ok|untrusted)$/);
  }, 60_000);

  it("downloads a package holding A's files byte for byte, which the verifier passes", async () => {
    const row = dashB.locator(`[data-testid="team-capture-row"][data-capture-id="${captureId}"]`);
    const [download] = await Promise.all([dashB.waitForEvent('download'), row.getByTestId('team-download').click()]);
    const zip = new Uint8Array(await readFile((await download.path())!));
    const result = await verifyPackage(zip, { trustedRoots: [tsa.caDer] });
    expect(result.problems).toEqual([]);
    expect(result.status).toBe('intact');
    expect(result.trust?.signature).toMatchObject({ status: 'ok', keyId: keyB, investigator: { name: 'Li Investigator' } });
    expect(result.trust?.captures).toEqual([
      expect.objectContaining({ id: captureId, keyId: keyA, token: 'ok', investigator: { name: '王调查', org: '甲知识产权代理有限公司' } }),
    ]);
    // every file A stored (seal and token included) is in the package with the same SHA-256
    const stored = (await readStoredCaptures(dashA)).find((c) => c.record.id === captureId)!;
    const inPackage = new Map(result.files.map((f) => [f.path, f]));
    for (const artifact of stored.record.artifacts) expect(inPackage.get(`captures/${captureId}/${artifact.path}`)?.ok, artifact.path).toBe(true);
    expect(inPackage.has(`captures/${captureId}/seal.tsr`)).toBe(true);
  }, 60_000);

  it('downloads the selected captures of both investigators as one package, each sealed by its own key', async () => {
    const ownId = await captureListingPage(b, PAGES.tmallItem.url);
    await dashB.goto(`chrome-extension://${b.extensionId}/dashboard.html#captures`);
    const ownRow = dashB.locator(`[data-testid="evidence-row"][data-evidence-id="${ownId}"]`);
    await expect.poll(() => ownRow.getAttribute('data-locker'), { timeout: 60_000 }).toBe('uploaded');
    await dashB.goto(`chrome-extension://${b.extensionId}/dashboard.html#team`);
    await dashB.getByTestId('team-refresh').click();
    const rowOf = (id: string) => dashB.locator(`[data-testid="team-capture-row"][data-capture-id="${id}"]`);
    await expect.poll(() => rowOf(ownId).getAttribute('data-key-id'), { timeout: 30_000 }).toBe(keyB);
    await rowOf(captureId).getByTestId('team-select').check();
    await rowOf(ownId).getByTestId('team-select').check();
    const [download] = await Promise.all([dashB.waitForEvent('download'), dashB.getByTestId('team-download-selected').click()]);
    const result = await verifyPackage(new Uint8Array(await readFile((await download.path())!)), { trustedRoots: [tsa.caDer] });
    expect(result.problems).toEqual([]);
    expect(result.status).toBe('intact');
    const sealedBy = Object.fromEntries((result.trust?.captures ?? []).map((c) => [c.id, c.keyId]));
    expect(sealedBy).toEqual({ [captureId]: keyA, [ownId]: keyB });
  }, 120_000);

  it('refuses an object whose bytes do not match the sha256 it was stored with, naming it', async () => {
    const fakeKey = 'f'.repeat(64);
    const fakeCapture = crypto.randomUUID();
    const key = `listingproof/${fakeKey}/${fakeCapture}/seal.json`;
    const put = await rgw.s3.fetch(`${rgw.endpoint}/${BUCKET}/${key}`, { method: 'PUT', body: '{}', headers: { 'x-amz-meta-sha256': '0'.repeat(64) } });
    expect(put.status).toBe(200);
    await dashB.getByTestId('team-refresh').click();
    const row = dashB.locator(`[data-testid="team-capture-row"][data-capture-id="${fakeCapture}"]`);
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 30_000 }).toBe('unreadable');
    expect(await row.getAttribute('data-key-id')).toBe(fakeKey);
    expect(await row.textContent()).toContain(`${key}: its bytes hash to`);
    expect(await row.textContent()).toContain(`stored with sha256 ${'0'.repeat(64)}`);
    // the other investigator's capture is listed as before
    expect(await dashB.locator(`[data-testid="team-capture-row"][data-capture-id="${captureId}"]`).getAttribute('data-state')).toBe('ok');
  }, 60_000);

  it('says plainly when the locker cannot be reached', async () => {
    await rgw.stopGateway();
    try {
      await dashB.getByTestId('team-refresh').click();
      await expect.poll(() => dashB.getByTestId('team-error').getAttribute('data-reason'), { timeout: 30_000 }).toBe('unreachable');
      expect(await dashB.getByTestId('team-error').textContent()).toMatch(/无法连接证据柜|cannot be reached/);
    } finally {
      await rgw.startGateway();
    }
    await dashB.getByTestId('team-refresh').click();
    await expect.poll(() => dashB.locator(`[data-testid="team-capture-row"][data-capture-id="${captureId}"]`).count(), { timeout: 30_000 }).toBe(1);
  }, 90_000);
});

describe('a shared authorized list signed by the brand', () => {
  const key = () => crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
  const spkiOf = async (pair: CryptoKeyPair) => new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  const put = (path: string, body: Uint8Array | string) => rgw.s3.fetch(`${rgw.endpoint}/${BUCKET}/${path}`, { method: 'PUT', body: body as BodyInit });
  const listUrl = (name: string) => `${rgw.endpoint}/${BUCKET}/brand/${name}`;

  /** Syncs and waits for this sync's outcome (the state line names the result and, when refused, why). */
  async function syncFrom(url: string, result: string, says: RegExp = /./) {
    const state = dashB.getByTestId('authorized-sync-state');
    const before = await state.textContent();
    await dashB.getByTestId('authorized-sync-url').fill(url);
    await dashB.getByTestId('authorized-sync-now').click();
    await expect.poll(async () => (await state.textContent()) !== before && (await state.getAttribute('data-result')), { timeout: 30_000 }).toBe(result);
    expect(await state.textContent()).toMatch(says);
  }
  const counts = async () => ({
    sellers: await dashB.getByTestId('authorized-status').getAttribute('data-sellers'),
    products: await dashB.getByTestId('authorized-status').getAttribute('data-products'),
  });

  it('takes the list signed by the pinned brand key; a list signed by another key, or unsigned, is refused and the old list stays', async () => {
    const [brand, stranger] = await Promise.all([key(), key()]);
    const brandSpki = await spkiOf(brand);
    const list = new Uint8Array(await readFile(DEMO_AUTHORIZED_LIST));
    const forged = new TextEncoder().encode(
      JSON.stringify({
        format: 'listingproof-authorized-list',
        formatVersion: 1,
        brand: 'Forged',
        updatedAt: '2026-12-01T00:00:00Z',
        sellers: [],
        products: [],
      }),
    );
    for (const [path, body] of [
      ['brand/list.json', list],
      ['brand/list.json.sig', await signList(list, brand.privateKey, brandSpki, 'list.json')],
      ['brand/forged.json', forged],
      ['brand/forged.json.sig', await signList(forged, stranger.privateKey, await spkiOf(stranger), 'forged.json')],
      ['brand/unsigned.json', forged],
    ] as const)
      expect((await put(path, body)).status, path).toBe(200);

    await dashB.goto(`chrome-extension://${b.extensionId}/dashboard.html#settings`);
    await dashB.getByTestId('brand-public-key').fill(`-----BEGIN PUBLIC KEY-----\n${bytesToBase64(brandSpki)}\n-----END PUBLIC KEY-----\n`);
    await dashB.getByTestId('settings-save').click();
    const brandKeyId = createHash('sha256').update(brandSpki).digest('hex');
    await expect.poll(() => dashB.getByTestId('brand-key-fingerprint').getAttribute('data-value')).toBe(brandKeyId);

    await dashB.goto(`chrome-extension://${b.extensionId}/dashboard.html#authorized`);
    await syncFrom(listUrl('list.json'), 'updated');
    const inForce = await counts();
    expect(Number(inForce.sellers)).toBeGreaterThan(0);

    await syncFrom(listUrl('forged.json'), 'rejected', new RegExp(`not by the brand key pinned in settings \\(${brandKeyId}\\)`));
    expect(await counts()).toEqual(inForce);

    await syncFrom(listUrl('unsigned.json'), 'rejected', /unsigned\.json\.sig could not be read \(HTTP 404\)/);
    expect(await counts()).toEqual(inForce);
    await dashB.reload();
    await expect.poll(counts).toEqual(inForce);
  }, 120_000);
});
