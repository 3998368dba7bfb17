import type { ListingProofDatabase } from '@/utils/db/database';
import type { RunItemRecord, RunRecord } from '@/utils/runner/run-model';
import { drivesItself } from '@/utils/runner/run-state';

// The run queue in IndexedDB. An item becomes `done` only inside the transaction that stores its
// capture (markDoneWithCapture), so "done" and "captured" can never disagree, whenever the worker stops.

export type NewItem = Omit<RunItemRecord, 'runId' | 'seq' | 'state' | 'attempts'>;

export async function createRun(db: ListingProofDatabase, run: RunRecord, items: NewItem[]): Promise<RunItemRecord[]> {
  const rows: RunItemRecord[] = items.map((item, seq) => ({ ...item, runId: run.id, seq, state: 'pending', attempts: 0 }));
  await db.transaction('rw', db.runs, db.runItems, async () => {
    await db.runs.add(run);
    await db.runItems.bulkAdd(rows);
  });
  return rows;
}

export async function itemsOf(db: ListingProofDatabase, runId: string): Promise<RunItemRecord[]> {
  return db.runItems.where('[runId+seq]').between([runId, -Infinity], [runId, Infinity]).toArray();
}

export async function updateRun(db: ListingProofDatabase, id: string, patch: Partial<RunRecord>): Promise<RunRecord> {
  return db.transaction('rw', db.runs, async () => {
    const run = await db.runs.get(id);
    if (!run) throw new Error(`no run ${id}`);
    const next: RunRecord = { ...run, ...patch };
    for (const k of Object.keys(patch) as (keyof RunRecord)[]) if (patch[k] === undefined) delete next[k];
    await db.runs.put(next);
    return next;
  });
}

export async function putItem(db: ListingProofDatabase, item: RunItemRecord): Promise<void> {
  await db.runItems.put(item);
}

/**
 * Called inside the capture's storing transaction (which must include `runItems`): marks the item
 * done with its evidence id. An item already done aborts the transaction, so a capture stored
 * twice for one item (a worker restarted mid-capture) cannot happen.
 */
export async function markDoneWithCapture(db: ListingProofDatabase, key: [string, number], evidenceId: string, outcome: 'live' | 'removed'): Promise<void> {
  const item = await db.runItems.get(key);
  if (!item) throw new Error(`run item ${key.join('#')} is gone (run deleted?)`);
  if (item.state === 'done') throw new Error(`run item ${item.itemKey} is already captured (${item.evidenceId})`);
  const { tabId: _closed, error: _old, ...rest } = item;
  await db.runItems.put({ ...rest, state: 'done', evidenceId, outcome });
}

/** Runs the worker goes on with by itself: running ones, and ones paused on a login wall or captcha. */
export async function runsToDrive(db: ListingProofDatabase): Promise<RunRecord[]> {
  const rows = await db.runs.where('state').anyOf('running', 'paused').toArray();
  return rows.filter(drivesItself).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** The newest run started from a given search tab, for a panel that (re)loads mid-run. */
export async function latestRunOfTab(db: ListingProofDatabase, searchTabId: number): Promise<RunRecord | undefined> {
  const rows = await db.runs.filter((r) => r.searchTabId === searchTabId).toArray();
  return rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}
