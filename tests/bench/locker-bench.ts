import type { Page } from 'playwright-core';
import { launchWithExtension, openDashboard } from '@/tests/harness/browser';
import { startCephRgw, RGW_ACCESS_KEY, RGW_REGION, RGW_SECRET_KEY } from '@/tests/harness/ceph-rgw';
import { makeCapture } from '@/tests/helpers/make-capture';
import { samplePeak } from '@/tests/bench/process-memory';
import { ratio, table, verdict, type Print } from '@/tests/bench/bench-utils';
import { sha256Hex } from '@/utils/locker/checksums';
import { sendCall } from '@/utils/locker/s3-request';
import { retainUntil } from '@/utils/locker/retention';
import { lockerTarget, objectUrl } from '@/utils/locker/target';
import { uploadLockedFile } from '@/utils/locker/upload-object';
import { presentKeys } from '@/utils/locker/present-keys';

// Locker upload throughput and memory against a real Ceph RGW (memstore) on loopback: 200 captures
// of ~2 MB. (1) The locker's path (one listing per capture folder, MD5, SHA-256, PUT with retention) against a
// plain signed PUT of the same bytes with the same client (both with two requests in flight, as the
// queue runs), interleaved in rounds so both see the same machine load; target >= 0.8x. (2) The extension's own queue in Chromium: the same captures
// seeded into its IndexedDB, the locker set, time until every file is uploaded, and the browser's
// memory (PSS) while its queue works, against the memory before.

const CAPTURES = 200;
const ROUNDS = 10;
const MB = 1024 * 1024;
const FILES = [
  { path: 'viewport.png', mediaType: 'image/png', bytes: 1_200_000 },
  { path: 'full-page.png', mediaType: 'image/png', bytes: 600_000 },
  { path: 'page.mhtml', mediaType: 'multipart/related', bytes: 250_000 },
  { path: 'listing.json', mediaType: 'application/json', bytes: 2_000 },
];
const CAPTURE_BYTES = FILES.reduce((n, f) => n + f.bytes, 0);

/** Deterministic incompressible bytes (xorshift32), so node and the page make the same files. */
function fill(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed | 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const seedOf = (capture: number, file: number) => capture * 16 + file + 1;

/** Two requests in flight, as the extension's queue runs them, for both sides of the comparison. */
async function inLanes<T>(items: readonly T[], fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all([lane(), lane()]);
}

async function nodeComparison(print: Print, endpoint: string): Promise<void> {
  const settings = (bucket: string) => ({ endpoint, region: RGW_REGION, bucket, accessKey: RGW_ACCESS_KEY, secretKey: RGW_SECRET_KEY, retentionDays: 1 });
  const locker = lockerTarget(settings('bench-locker'));
  const plain = lockerTarget(settings('bench-plain'));
  const capturedAt = new Date().toISOString();
  let lockerMs = 0;
  let plainMs = 0;
  const per = CAPTURES / ROUNDS;
  for (let round = 0; round < ROUNDS; round++) {
    const files: { c: number; path: string; mediaType: string; bytes: number; data: Uint8Array }[] = [];
    for (let c = round * per; c < (round + 1) * per; c++) for (const [i, f] of FILES.entries()) files.push({ c, ...f, data: fill(f.bytes, seedOf(c, i)) });
    // alternate which goes first, so neither always meets a warmer server
    const runs = [
      async () => {
        const t = performance.now();
        await inLanes(files, async (f) => {
          const key = `plain/${f.c}/${f.path}`;
          await sendCall(
            plain.keys,
            { method: 'PUT', url: objectUrl(plain, key), headers: { 'Content-Type': f.mediaType }, body: f.data, payloadSha256: await sha256Hex(f.data) },
            'plain PUT',
          );
        });
        plainMs += performance.now() - t;
      },
      async () => {
        const t = performance.now();
        // as the queue does: one listing of each capture's folder, then PUTs without a HEAD each
        const listed = new Map<number, Promise<Set<string>>>();
        await inLanes(files, async (f) => {
          const key = `listingproof/bench/${f.c}/${f.path}`;
          if (!listed.has(f.c)) listed.set(f.c, presentKeys(locker, `listingproof/bench/${f.c}/`));
          const there = await listed.get(f.c)!;
          await uploadLockedFile(locker, {
            key,
            bytes: f.data,
            sha256: await sha256Hex(f.data),
            mediaType: f.mediaType,
            retainUntil: retainUntil(capturedAt, 1),
            knownAbsent: !there.has(key),
          });
        });
        lockerMs += performance.now() - t;
      },
    ];
    if (round % 2) runs.reverse();
    for (const run of runs) await run();
    // the plain objects are only a reference: free the OSD's memory for the browser part
    for (const f of files) await sendCall(plain.keys, { method: 'DELETE', url: objectUrl(plain, `plain/${f.c}/${f.path}`) }, 'delete');
  }
  const totalMb = (CAPTURES * CAPTURE_BYTES) / MB;
  const lockerRate = totalMb / (lockerMs / 1000);
  const plainRate = totalMb / (plainMs / 1000);
  table(
    print,
    ['same client, node, 2 in flight', 'MB', 'seconds', 'MB/s', 'vs plain PUT', 'target >= 0.8x'],
    [
      ['plain signed PUT (reference)', totalMb.toFixed(0), (plainMs / 1000).toFixed(2), plainRate.toFixed(1), '1.00x', ''],
      [
        'locker upload (list + MD5 + lock)',
        totalMb.toFixed(0),
        (lockerMs / 1000).toFixed(2),
        lockerRate.toFixed(1),
        ratio(lockerRate, plainRate),
        verdict(lockerRate / plainRate >= 0.8),
      ],
    ],
  );
}

// Runs in the extension's page. Kept as source text: tsx (esbuild, keepNames) would wrap named
// functions in a helper the page does not have.
const SEED_IN_PAGE = `async ({ template, count, files }) => {
  let db;
  for (let tries = 0; tries < 50; tries++) {
    db = await new Promise((resolve, reject) => {
      const req = indexedDB.open('listingproof');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    if (db.objectStoreNames.contains('lockerQueue')) break;
    db.close();
    await new Promise((r) => setTimeout(r, 100));
  }
  for (let c = 0; c < count; c++) {
    const id = crypto.randomUUID();
    const artifacts = [];
    const blobs = [];
    for (const [i, f] of files.entries()) {
      const data = new Uint8Array(f.bytes);
      let x = (c * 16 + i + 1) | 1;
      for (let k = 0; k < f.bytes; k++) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; data[k] = x & 0xff; }
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
      const sha256 = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
      artifacts.push({ path: f.path, mediaType: f.mediaType, bytes: f.bytes, sha256, method: 'extractor' });
      blobs.push({ id: id + '/' + f.path, captureId: id, data: new Blob([data]) });
    }
    await new Promise((resolve, reject) => {
      const tx = db.transaction(['captures', 'artifactBlobs'], 'readwrite');
      tx.objectStore('captures').add({ ...template, id, artifacts });
      for (const b of blobs) tx.objectStore('artifactBlobs').add(b);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  db.close();
}`;

/** Writes the captures into the extension's IndexedDB from its own page, bytes made in the page. */
async function seedCaptures(dash: Page, template: unknown): Promise<void> {
  await dash.evaluate(`(${SEED_IN_PAGE})(${JSON.stringify({ template, count: CAPTURES, files: FILES })})`);
}

interface QueueRun {
  label: string;
  bucket: string;
  /** all-sites access granted: requests skip CORS preflights, as with a remote locker's host permission */
  hostAccess: boolean;
}

async function browserQueue(run: QueueRun, endpoint: string, skipPids: ReadonlySet<number>, grantOrigin: (origin: string) => Promise<void>): Promise<string[]> {
  const b = await launchWithExtension(9, { grantScreenshotAccess: run.hostAccess });
  try {
    await grantOrigin(`chrome-extension://${b.extensionId}`);
    const dash = await openDashboard(b);
    const { record } = await makeCapture({ pngBytes: 0 });
    await seedCaptures(dash, { ...record, caseId: 'bench-case' });
    await dash.close();
    const uploaded = () =>
      b.worker.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const req = indexedDB.open('listingproof');
            req.onsuccess = () => {
              const count = req.result.transaction('lockerQueue').objectStore('lockerQueue').index('state').count('uploaded');
              count.onsuccess = () => {
                req.result.close();
                resolve(count.result);
              };
            };
            req.onerror = () => reject(req.error);
          }),
      );
    const total = CAPTURES * FILES.length;
    const idle = samplePeak(250, skipPids);
    await new Promise((r) => setTimeout(r, 1500));
    const before = idle.stop().peak;
    const busy = samplePeak(250, skipPids);
    const t = performance.now();
    await b.worker.evaluate(
      (s) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ lockerSettings: s }),
      { endpoint, region: RGW_REGION, bucket: run.bucket, accessKey: RGW_ACCESS_KEY, secretKey: RGW_SECRET_KEY, retentionDays: 1 },
    );
    for (let n = 0; (n = await uploaded()) < total;) {
      if (performance.now() - t > 600_000) throw new Error(`queue bench: only ${n} of ${total} files uploaded after 10 minutes`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const seconds = (performance.now() - t) / 1000;
    const peak = busy.stop().peak;
    const totalMb = (CAPTURES * CAPTURE_BYTES) / MB;
    return [
      run.label,
      String(total),
      totalMb.toFixed(0),
      seconds.toFixed(2),
      (totalMb / seconds).toFixed(1),
      `${(before / MB).toFixed(0)} MB`,
      `${(peak / MB).toFixed(0)} MB`,
      `${((peak - before) / MB).toFixed(0)} MB`,
    ];
  } finally {
    await b.close();
  }
}

export async function benchLocker(print: Print): Promise<void> {
  const t = performance.now();
  const rgw = await startCephRgw({ memstoreBytes: 3 * 1024 * MB });
  print(
    `Ceph RGW (1 mon, 1 memstore OSD, beast) up in ${((performance.now() - t) / 1000).toFixed(1)} s, daemons ${(rgw.memoryBytes() / MB).toFixed(0)} MB RSS`,
  );
  try {
    await rgw.createBucket('bench-locker');
    await rgw.createBucket('bench-plain', { objectLock: false });
    await rgw.createBucket('bench-queue-cors');
    await rgw.createBucket('bench-queue-granted');
    print(`${CAPTURES} captures of ${(CAPTURE_BYTES / MB).toFixed(2)} MB (${FILES.length} files each), incompressible bytes`);
    await nodeComparison(print, rgw.endpoint);
    print('');
    const runs: QueueRun[] = [
      { label: 'loopback, CORS only (no permission)', bucket: 'bench-queue-cors', hostAccess: false },
      { label: 'host access granted (no preflights)', bucket: 'bench-queue-granted', hostAccess: true },
    ];
    const rows = [];
    for (const run of runs) rows.push(await browserQueue(run, rgw.endpoint, new Set(rgw.pids()), (origin) => rgw.allowOrigin(run.bucket, origin)));
    table(print, ['extension queue in Chromium', 'files', 'MB', 'seconds', 'MB/s', 'browser PSS before', 'peak while uploading', 'growth'], rows);
    print(`(Ceph daemons at the end: ${(rgw.memoryBytes() / MB).toFixed(0)} MB RSS; memstore keeps every object in the OSD's memory)`);
  } finally {
    await rgw.stop();
  }
}
