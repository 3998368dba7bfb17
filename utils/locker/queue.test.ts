import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ListingProofDatabase } from '@/utils/db/database';
import { makeCapture } from '@/tests/helpers/make-capture';
import {
  BACKOFF_MAX_MS,
  backoffMs,
  captureStates,
  dueFiles,
  enqueueCapture,
  queueLockerFile,
  enqueueMissingCaptures,
  lockerStatesOf,
  retryFailed,
} from '@/utils/locker/queue';
import { runLockerQueue } from '@/utils/locker/run-queue';
import { readCustody } from '@/utils/evidence/custody';

// The queue's bookkeeping over IndexedDB (fake-indexeddb here; the uploads themselves are tested
// against a real Ceph RGW in tests/e2e/locker*.e2e.ts).

let db: ListingProofDatabase;
beforeEach(async () => {
  db = new ListingProofDatabase(`locker-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(() => db.close());

async function stored(capturedAt?: string) {
  const made = await makeCapture({ capturedAt });
  await db.captures.add(made.record);
  await db.artifactBlobs.bulkAdd(
    [...made.bytes].map(([path, data]) => ({ id: `${made.record.id}/${path}`, captureId: made.record.id, data: new Blob([data as Uint8Array<ArrayBuffer>]) })),
  );
  return made.record;
}

describe('locker queue', () => {
  it('queues each file of a capture once', async () => {
    const c = await stored();
    expect(await enqueueCapture(db, c.id)).toBe(c.artifacts.length);
    expect(await enqueueCapture(db, c.id)).toBe(0);
    const rows = await db.lockerQueue.where('captureId').equals(c.id).toArray();
    expect(rows.map((r) => r.path).sort()).toEqual(c.artifacts.map((a) => a.path).sort());
    expect(rows.every((r) => r.state === 'pending' && r.id === `${c.id}/${r.path}`)).toBe(true);
  });

  it('adds a late file (seal.tsr) to its capture, once', async () => {
    const c = await stored();
    await enqueueCapture(db, c.id);
    await db.artifactBlobs.add({ id: `${c.id}/seal.tsr`, captureId: c.id, data: new Blob([new Uint8Array([48, 3])]) });
    await queueLockerFile(db, c.id, 'seal.tsr');
    await queueLockerFile(db, c.id, 'seal.tsr');
    expect(await db.lockerQueue.where('captureId').equals(c.id).count()).toBe(c.artifacts.length + 1);
  });

  it('picks up captures stored before a locker was set', async () => {
    const a = await stored();
    const b = await stored();
    await enqueueCapture(db, a.id);
    expect(await enqueueMissingCaptures(db)).toBe(b.artifacts.length);
    expect(await enqueueMissingCaptures(db)).toBe(0);
    // a file stored later in a queued capture is found too
    await db.artifactBlobs.add({ id: `${a.id}/seal.tsr`, captureId: a.id, data: new Blob([new Uint8Array([48, 3])]) });
    expect(await enqueueMissingCaptures(db)).toBe(1);
  });

  it('gives one state per capture: failed over pending over uploaded', () => {
    const states = captureStates([
      { captureId: 'a', state: 'uploaded' },
      { captureId: 'a', state: 'pending' },
      { captureId: 'b', state: 'uploaded' },
      { captureId: 'c', state: 'pending' },
      { captureId: 'c', state: 'failed' },
      { captureId: 'c', state: 'uploaded' },
    ]);
    expect(Object.fromEntries(states)).toEqual({ a: 'pending', b: 'uploaded', c: 'failed' });
  });

  it('backs off 5 s, 10 s, 20 s ... and never waits more than 5 minutes', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([5000, 10000, 20000, 40000]);
    expect(backoffMs(30)).toBe(BACKOFF_MAX_MS);
    expect(BACKOFF_MAX_MS).toBeLessThanOrEqual(5 * 60_000);
  });

  it('retries refused files after the settings change', async () => {
    const c = await stored();
    await enqueueCapture(db, c.id);
    await db.lockerQueue.where('captureId').equals(c.id).modify({ state: 'failed', error: 'AccessDenied', attempts: 3 });
    expect(await retryFailed(db)).toBe(c.artifacts.length);
    expect((await dueFiles(db, Date.now(), 100)).length).toBe(c.artifacts.length);
  });
});

describe('a pass while the locker is unreachable', () => {
  const down = { endpoint: 'http://127.0.0.1:9', region: 'us-east-1', bucket: 'evidence', accessKey: 'k', secretKey: 's', retentionDays: 30 };

  it('keeps every file pending, backs the tried ones off and loses nothing', async () => {
    const c = await stored();
    const now = new Date('2026-12-01T00:00:00Z');
    const result = await runLockerQueue({ db, settings: down, keyId: 'a'.repeat(64), actor: '王调查', now: () => now });
    expect(result.problem?.kind).toBe('outage');
    expect(result.problem?.message).toMatch(/unreachable/);
    const rows = await db.lockerQueue.where('captureId').equals(c.id).toArray();
    expect(rows).toHaveLength(c.artifacts.length);
    expect(rows.every((r) => r.state === 'pending')).toBe(true);
    // at most the two files in flight were tried; the rest wait untouched for the next pass
    const tried = rows.filter((r) => r.attempts === 1);
    expect(tried.length).toBeGreaterThanOrEqual(1);
    expect(tried.length).toBeLessThanOrEqual(2);
    for (const r of tried) expect(r.notBefore).toBe(now.getTime() + 5000);
    expect(rows.filter((r) => r.attempts === 0)).toHaveLength(rows.length - tried.length);
    expect((await lockerStatesOf(db)).get(c.id)).toBe('pending');
    expect(await db.artifactBlobs.where('captureId').equals(c.id).count()).toBe(c.artifacts.length);
    expect((await readCustody(db, [c.id])).filter((e) => e.event === 'uploaded')).toHaveLength(0);
  });

  it('does nothing without a locker', async () => {
    await stored();
    expect(await runLockerQueue({ db, settings: { ...down, endpoint: '' }, keyId: 'a'.repeat(64), actor: '' })).toEqual({ uploaded: 0, present: 0, failed: 0 });
    expect(await db.lockerQueue.count()).toBe(0);
  });
});
