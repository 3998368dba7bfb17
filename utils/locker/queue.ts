import type { ListingProofDatabase } from '@/utils/db/database';
import type { LockerFileState, LockerQueueRecord } from '@/utils/locker/queue-record';

// The persistent upload queue (IndexedDB `lockerQueue`): one row per file, so an upload resumes
// file by file after a browser restart and a late file (seal.tsr) joins its capture's folder.

const BACKOFF_FIRST_MS = 5_000;
/** retried at least every 5 minutes while the locker is down (contract §6.2) */
export const BACKOFF_MAX_MS = 5 * 60_000;

export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_FIRST_MS * 2 ** Math.max(0, attempts - 1), BACKOFF_MAX_MS);
}

function pendingRow(id: string): LockerQueueRecord {
  // artifact blobs and queue rows share their key, `${captureId}/${path}` (a UUID has no slash)
  const slash = id.indexOf('/');
  return { id, captureId: id.slice(0, slash), path: id.slice(slash + 1), state: 'pending', attempts: 0, notBefore: 0 };
}

async function queueBlobs(db: ListingProofDatabase, blobIds: readonly string[]): Promise<number> {
  if (!blobIds.length) return 0;
  return db.transaction('rw', db.lockerQueue, async () => {
    const queued = new Set(
      await db.lockerQueue
        .where('id')
        .anyOf([...blobIds])
        .primaryKeys(),
    );
    const rows = blobIds.filter((id) => !queued.has(id)).map(pendingRow);
    await db.lockerQueue.bulkAdd(rows);
    return rows.length;
  });
}

/** Queues every stored file of a capture that is not queued yet; returns how many were added. */
export async function enqueueCapture(db: ListingProofDatabase, captureId: string): Promise<number> {
  return queueBlobs(db, await db.artifactBlobs.where('captureId').equals(captureId).primaryKeys());
}

/** Queues one more file of a capture (e.g. `seal.tsr` once the TSA answers); already queued: nothing. */
export async function queueLockerFile(db: ListingProofDatabase, captureId: string, path: string): Promise<void> {
  await queueBlobs(db, [`${captureId}/${path}`]);
}

/** Files stored before the locker was set (or while it was off) join the queue: keys only, no bytes read. */
export async function enqueueMissingCaptures(db: ListingProofDatabase): Promise<number> {
  const queued = new Set(await db.lockerQueue.toCollection().primaryKeys());
  const missing = (await db.artifactBlobs.toCollection().primaryKeys()).filter((id) => !queued.has(id));
  return queueBlobs(db, missing);
}

/** After the settings change: refused files are tried again at once. */
export async function retryFailed(db: ListingProofDatabase): Promise<number> {
  return db.lockerQueue.where('state').equals('failed').modify({ state: 'pending', attempts: 0, notBefore: 0, error: undefined });
}

export async function dueFiles(db: ListingProofDatabase, now: number, limit: number): Promise<LockerQueueRecord[]> {
  return db.lockerQueue
    .where('state')
    .equals('pending')
    .filter((r) => r.notBefore <= now)
    .limit(limit)
    .toArray();
}

/** One state per capture: failed if any file failed, else pending if any waits, else uploaded. */
export function captureStates(rows: readonly Pick<LockerQueueRecord, 'captureId' | 'state'>[]): Map<string, LockerFileState> {
  const rank: Record<LockerFileState, number> = { uploaded: 0, pending: 1, failed: 2 };
  const out = new Map<string, LockerFileState>();
  for (const r of rows) {
    const seen = out.get(r.captureId);
    if (!seen || rank[r.state] > rank[seen]) out.set(r.captureId, r.state);
  }
  return out;
}

export async function lockerStatesOf(db: ListingProofDatabase): Promise<Map<string, LockerFileState>> {
  return captureStates(await db.lockerQueue.toArray());
}
