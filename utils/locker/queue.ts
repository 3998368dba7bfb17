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

function pendingRow(captureId: string, path: string): LockerQueueRecord {
  return { id: `${captureId}/${path}`, captureId, path, state: 'pending', attempts: 0, notBefore: 0 };
}

/** Queues every file of a stored capture that is not queued yet; returns how many were added. */
export async function enqueueCapture(db: ListingProofDatabase, captureId: string): Promise<number> {
  return db.transaction('rw', [db.captures, db.lockerQueue], async () => {
    const capture = await db.captures.get(captureId);
    if (!capture) return 0;
    const queued = new Set(await db.lockerQueue.where('captureId').equals(captureId).primaryKeys());
    const rows = capture.artifacts.map((a) => pendingRow(captureId, a.path)).filter((r) => !queued.has(r.id));
    await db.lockerQueue.bulkAdd(rows);
    return rows.length;
  });
}

/** Queues one more file of a capture (e.g. `seal.tsr` once the TSA answers); already queued: nothing. */
export async function enqueueLockerFile(db: ListingProofDatabase, captureId: string, path: string): Promise<void> {
  await db.transaction('rw', db.lockerQueue, async () => {
    if (!(await db.lockerQueue.get(`${captureId}/${path}`))) await db.lockerQueue.add(pendingRow(captureId, path));
  });
}

/** Captures stored before the locker was set (or while it was off) join the queue. */
export async function enqueueMissingCaptures(db: ListingProofDatabase): Promise<number> {
  const queued = new Set((await db.lockerQueue.orderBy('captureId').uniqueKeys()) as string[]);
  const missing = (await db.captures.toCollection().primaryKeys()).filter((id) => !queued.has(id));
  let added = 0;
  for (const id of missing) added += await enqueueCapture(db, id);
  return added;
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
