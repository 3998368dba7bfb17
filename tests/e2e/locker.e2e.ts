import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createHash } from 'node:crypto';
import { startFixtureServer, type FixtureServer } from '@/tests/harness/fixture-server';
import { launchWithExtension, openDashboard, type ExtensionBrowser } from '@/tests/harness/browser';
import { captureListingPage } from '@/tests/harness/capture-page';
import { ALL_ROUTES, PAGES } from '@/tests/harness/pages';
import { readStoredCaptures } from '@/tests/harness/read-store';
import { startCephRgw, RGW_ACCESS_KEY, RGW_SECRET_KEY, type CephRgw } from '@/tests/harness/ceph-rgw';
import { deleteQueueRowsOf, idbRows, type QueueRow } from '@/tests/harness/locker-store';
import { retainUntil } from '@/utils/locker/retention';

// The team locker end to end: the built extension in Chromium uploads to a real Ceph RGW on
// loopback (CORS rule for the extension's origin), and the objects are checked in the bucket.

const BUCKET = 'team-evidence';
const RETENTION_DAYS = 3;
let server: FixtureServer;
let rgw: CephRgw;
let b: ExtensionBrowser;
let dash: Page;

beforeAll(async () => {
  [server, rgw] = await Promise.all([startFixtureServer(ALL_ROUTES), startCephRgw()]);
  await rgw.createBucket(BUCKET);
  b = await launchWithExtension(server.port, { grantScreenshotAccess: true });
  await rgw.allowOrigin(BUCKET, `chrome-extension://${b.extensionId}`);
  dash = await openDashboard(b);
}, 120_000);
afterAll(async () => {
  await b?.close();
  await Promise.all([rgw?.stop(), server?.close()]);
});

const capture = (url: string) => captureListingPage(b, url);

const row = (id: string) => dash.locator(`[data-testid="evidence-row"][data-evidence-id="${id}"]`);
type StorageArea = { get(key: string): Promise<Record<string, unknown>> };
const localStorageOf = (key: string) =>
  b.worker.evaluate((k) => (globalThis as unknown as { chrome: { storage: { local: StorageArea } } }).chrome.storage.local.get(k), key);
// the locker path names the investigator's key, as the settings show its fingerprint
const keyId = async () => (await dash.getByTestId('key-fingerprint').getAttribute('data-value')) ?? '';
const objectUrl = (key: string, query = '') => `${rgw.endpoint}/${BUCKET}/${key}${query}`;

async function fillSettings(secret: string) {
  await dash.getByTestId('locker-endpoint').fill(rgw.endpoint);
  await dash.getByTestId('locker-region').fill('us-east-1');
  await dash.getByTestId('locker-bucket').fill(BUCKET);
  await dash.getByTestId('locker-access-key').fill(RGW_ACCESS_KEY);
  await dash.getByTestId('locker-secret-key').fill(secret);
  await dash.getByTestId('locker-retention-days').fill(String(RETENTION_DAYS));
  // no public TSA: their host access would wait on a permission prompt nobody answers here
  await dash.getByTestId('tsa-urls').fill('');
  await dash.getByTestId('settings-save').click();
}

async function versionsOf(key: string): Promise<number> {
  const res = await rgw.s3.fetch(`${rgw.endpoint}/${BUCKET}?versions&prefix=${encodeURIComponent(key)}`);
  return ((await res.text()).match(/<Version>/g) ?? []).length;
}

async function expectInLocker(captureId: string) {
  const stored = (await readStoredCaptures(dash)).find((c) => c.record.id === captureId)!;
  const rows = (await idbRows<QueueRow>(dash, 'lockerQueue')).filter((r) => r.captureId === captureId);
  expect(stored.record.artifacts.length).toBeGreaterThan(3);
  expect(await keyId()).toMatch(/^[0-9a-f]{64}$/);
  expect(rows.map((r) => r.path).sort()).toEqual(stored.record.artifacts.map((a) => a.path).sort());
  const prefix = `listingproof/${await keyId()}/${captureId}/`;
  for (const a of stored.record.artifacts) {
    const res = await rgw.s3.fetch(objectUrl(prefix + a.path));
    expect(res.status, a.path).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex'), a.path).toBe(a.sha256);
    expect(res.headers.get('x-amz-meta-sha256')).toBe(a.sha256);
    expect(res.headers.get('x-amz-object-lock-mode')).toBe('COMPLIANCE');
    const until = Date.parse(res.headers.get('x-amz-object-lock-retain-until-date')!);
    expect(until).toBe(Date.parse(retainUntil(stored.record.capturedAt, RETENTION_DAYS, new Date(until - 86_400_000 * RETENTION_DAYS))));
    expect(until).toBeGreaterThanOrEqual(Date.parse(stored.record.capturedAt) + RETENTION_DAYS * 86_400_000);
    const queued = rows.find((r) => r.path === a.path)!;
    expect(queued.state).toBe('uploaded');
    expect(res.headers.get('x-amz-version-id')).toBe(queued.versionId);
    expect(res.headers.get('etag')).toBe(queued.etag);
  }
  // the custody log names every object with its version id and ETag
  const custody = (await idbRows<{ event: string; captureId: string; detail: string }>(dash, 'custody')).filter(
    (e) => e.event === 'uploaded' && e.captureId === captureId,
  );
  const logged = custody.flatMap((e) => (JSON.parse(e.detail) as { objects: { key: string; versionId: string; etag: string }[] }).objects);
  for (const r of rows) expect(logged).toContainEqual(expect.objectContaining({ key: r.key, versionId: r.versionId, etag: r.etag }));
}

describe('team evidence locker on a real Ceph RGW', () => {
  let before = '';
  let first = '';

  it('uploads a capture stored before the locker was set, once the settings are saved', async () => {
    before = await capture(PAGES.taobaoItem.url);
    await dash.reload();
    await expect.poll(() => row(before).count()).toBe(1);
    expect(await row(before).getAttribute('data-locker')).toBeNull();
    expect(await dash.getByTestId('locker-status').getAttribute('data-state')).toBe('off');
    await fillSettings(RGW_SECRET_KEY);
    await expect.poll(() => dash.getByTestId('locker-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('ok');
    await expect.poll(() => row(before).getAttribute('data-locker'), { timeout: 30_000 }).toBe('uploaded');
    await expectInLocker(before);
  }, 120_000);

  it('capture → uploaded: every object present with the right bytes, sha256 metadata and COMPLIANCE retention', async () => {
    first = await capture(PAGES.jdLatePrice.url);
    await expect.poll(() => row(first).getAttribute('data-locker'), { timeout: 30_000 }).toBe('uploaded');
    await expectInLocker(first);
  }, 90_000);

  it('a delete of an uploaded version is refused (403)', async () => {
    const [r] = (await idbRows<QueueRow>(dash, 'lockerQueue')).filter((x) => x.captureId === first);
    const res = await rgw.s3.fetch(objectUrl(r!.key!, `?versionId=${r!.versionId}`), {
      method: 'DELETE',
      headers: { 'x-amz-bypass-governance-retention': 'true' },
    });
    expect(res.status).toBe(403);
    expect((await rgw.s3.fetch(objectUrl(r!.key!), { method: 'HEAD' })).status).toBe(200);
  });

  it('a second upload of the same capture creates no new version', async () => {
    const rows = (await idbRows<QueueRow>(dash, 'lockerQueue')).filter((x) => x.captureId === first);
    await deleteQueueRowsOf(dash, first);
    // any pass re-queues the capture's files (as after a lost queue) and finds them already there
    await dash.getByTestId('settings-save').click();
    await expect
      .poll(async () => (await idbRows<QueueRow>(dash, 'lockerQueue')).filter((x) => x.captureId === first && x.state === 'uploaded').length, {
        timeout: 30_000,
      })
      .toBe(rows.length);
    for (const r of rows) expect(await versionsOf(r.key!), r.key).toBe(1);
    const again = (await idbRows<QueueRow>(dash, 'lockerQueue')).filter((x) => x.captureId === first);
    for (const r of rows) expect(again.find((x) => x.id === r.id)?.versionId).toBe(r.versionId);
  }, 60_000);

  it('RGW stopped → the next capture is pending, nothing lost → RGW back → uploaded', async () => {
    await rgw.stopGateway();
    const offline = await capture(PAGES.pddItem.url);
    await expect
      .poll(async () => (await idbRows<QueueRow>(dash, 'lockerQueue')).some((r) => r.captureId === offline && r.attempts > 0), { timeout: 30_000 })
      .toBe(true);
    expect(await row(offline).getAttribute('data-locker')).toBe('pending');
    await expect.poll(() => dash.getByTestId('locker-status').getAttribute('data-state')).toBe('failed');
    const stored = (await readStoredCaptures(dash)).find((c) => c.record.id === offline)!;
    for (const a of stored.record.artifacts) expect(stored.recomputed[a.path]).toBe(a.sha256);
    await rgw.startGateway();
    await expect.poll(() => row(offline).getAttribute('data-locker'), { timeout: 90_000, interval: 1000 }).toBe('uploaded');
    await expectInLocker(offline);
    expect(await dash.getByTestId('locker-status').getAttribute('data-state')).toBe('ok');
  }, 180_000);

  it('a capture still pending when the browser closes is uploaded after it starts again', async () => {
    await rgw.stopGateway();
    const waiting = await capture(PAGES.taobaoLatePrice.url);
    await expect
      .poll(async () => (await idbRows<QueueRow>(dash, 'lockerQueue')).some((r) => r.captureId === waiting && r.attempts > 0), { timeout: 30_000 })
      .toBe(true);
    expect(await row(waiting).getAttribute('data-locker')).toBe('pending');
    await b.restart();
    await rgw.startGateway();
    dash = await openDashboard(b);
    await expect.poll(() => row(waiting).getAttribute('data-locker'), { timeout: 90_000, interval: 1000 }).toBe('uploaded');
    await expectInLocker(waiting);
  }, 180_000);

  it('access denied → failed, with the reason; retried after the settings change → uploaded', async () => {
    await fillSettings('not-the-secret');
    await expect.poll(() => dash.getByTestId('locker-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('failed');
    expect(await dash.getByTestId('locker-status').textContent()).toMatch(/拒绝访问|access denied/i);
    const refused = await capture(PAGES.tmallItem.url);
    await expect.poll(() => row(refused).getAttribute('data-locker'), { timeout: 30_000 }).toBe('failed');
    await fillSettings(RGW_SECRET_KEY);
    await expect.poll(() => row(refused).getAttribute('data-locker'), { timeout: 30_000 }).toBe('uploaded');
    await expectInLocker(refused);
  }, 120_000);

  it('refuses bad settings with a message naming the field, and keeps the saved ones', async () => {
    await dash.getByTestId('locker-retention-days').fill('0');
    await dash.getByTestId('locker-bucket').fill('Not_A_Bucket');
    await dash.getByTestId('settings-save').click();
    // the section's one save button saves the investigator settings first, then the locker's
    const fields = () => dash.locator('[data-testid="locker-problems"] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-field')));
    await expect.poll(fields).toEqual(['bucket', 'retentionDays']);
    const saved = (await localStorageOf('lockerSettings')).lockerSettings as { bucket: string; retentionDays: number };
    expect(saved).toMatchObject({ bucket: BUCKET, retentionDays: RETENTION_DAYS });
  });
});
