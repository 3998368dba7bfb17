import { afterEach, describe, expect, it } from 'vitest';
import { ListingProofDatabase } from '@/utils/db/database';
import { sha256Hex } from '@/utils/evidence/hash';
import { storeCapture, type CaptureDraft } from '@/utils/evidence/store-capture';
import type { RunRecord } from '@/utils/runner/run-model';
import { nextItem } from '@/utils/runner/run-state';
import { createRun, itemsOf, markDoneWithCapture, runsToDrive, updateRun } from '@/utils/runner/run-store';

// The queue in IndexedDB (fake-indexeddb here): an item is done exactly when its capture is stored,
// so a worker stopped at any point resumes at the right item and never stores a capture twice.

const dbs: ListingProofDatabase[] = [];
function freshDb() {
  const db = new ListingProofDatabase(`t-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}
afterEach(() => dbs.splice(0).forEach((d) => d.delete()));

const run = (patch: Partial<RunRecord> = {}): RunRecord => ({
  id: crypto.randomUUID(),
  kind: 'search',
  state: 'running',
  createdAt: new Date().toISOString(),
  searchUrl: 'https://s.taobao.com/search?q=XR-200',
  nextAt: 0,
  ...patch,
});

const items = ['781234567890', '790000000111', '790000000222'].map((itemId) => ({
  itemKey: `taobao:${itemId}`,
  platform: 'taobao' as const,
  itemId,
  url: `https://item.taobao.com/item.htm?id=${itemId}`,
}));

async function captureDraft(itemId: string, runId: string): Promise<{ draft: CaptureDraft; blobs: Map<string, Blob> }> {
  const bytes = new TextEncoder().encode(`png of ${itemId}`);
  const draft: CaptureDraft = {
    id: crypto.randomUUID(),
    kind: 'listing',
    platform: 'taobao',
    url: `https://item.taobao.com/item.htm?id=${itemId}`,
    finalUrl: `https://item.taobao.com/item.htm?id=${itemId}`,
    pageTitle: 't',
    itemId,
    title: 'XR-200',
    shop: { name: '极光数码专营店', id: '310987654', sellerId: '' },
    price: { lowest: '199.00', currency: 'CNY' },
    verdict: { seller: 'unauthorized', price: 'below-min' },
    startedAt: '2026-12-05T09:00:00.000+08:00',
    capturedAt: '2026-12-05T09:00:03.000+08:00',
    investigator: 'Li',
    extractorVersion: 'taobao@1',
    environment: {
      userAgent: 'ua',
      browser: 'Chrome',
      extensionVersion: '0.1.0',
      os: 'Linux',
      timeZone: 'Asia/Shanghai',
      language: 'zh-CN',
      viewport: { width: 1280, height: 720, devicePixelRatio: 1 },
    },
    artifacts: [{ path: 'viewport.png', mediaType: 'image/png', bytes: bytes.length, sha256: await sha256Hex(bytes), method: 'captureVisibleTab' }],
    warnings: [],
    source: { runId, kind: 'search', itemKey: `taobao:${itemId}`, searchUrl: 'https://s.taobao.com/search?q=XR-200' },
  };
  return { draft, blobs: new Map([['viewport.png', new Blob([bytes], { type: 'image/png' })]]) };
}

/** What the runner does per item: store the capture and mark the item done in one transaction. */
async function storeForItem(db: ListingProofDatabase, r: RunRecord, seq: number) {
  const { draft, blobs } = await captureDraft(items[seq]!.itemId, r.id);
  return storeCapture(db, draft, blobs, {
    now: '2026-12-05T09:00:04.000+08:00',
    newCaseId: () => crypto.randomUUID(),
    alsoWrites: [db.runItems],
    onStored: (tx, record) => markDoneWithCapture(tx, [r.id, seq], record.id, 'live'),
  });
}

describe('run queue', () => {
  it('marks an item done with the capture that stored it, which records the search it came from', async () => {
    const db = freshDb();
    const r = run();
    await createRun(db, r, items);
    const record = await storeForItem(db, r, 0);
    const [first, second] = await itemsOf(db, r.id);
    expect(first).toMatchObject({ state: 'done', evidenceId: record.id, outcome: 'live' });
    expect(second?.state).toBe('pending');
    expect((await db.captures.get(record.id))?.source).toEqual({
      runId: r.id,
      kind: 'search',
      itemKey: 'taobao:781234567890',
      searchUrl: 'https://s.taobao.com/search?q=XR-200',
    });
  });

  it('refuses a second capture of an item already done: nothing of it is stored (no duplicate after a restart)', async () => {
    const db = freshDb();
    const r = run();
    await createRun(db, r, items);
    await storeForItem(db, r, 0);
    await expect(storeForItem(db, r, 0)).rejects.toThrow(/already captured/);
    expect(await db.captures.count()).toBe(1);
    expect(await db.artifactBlobs.count()).toBe(1); // the first capture's one file, nothing of the second
    expect(await db.runItems.where('state').equals('done').count()).toBe(1);
  });

  it('leaves the item to do again when its capture did not commit (no half-stored capture, no done without one)', async () => {
    const db = freshDb();
    const r = run();
    await createRun(db, r, items);
    const { draft, blobs } = await captureDraft(items[1]!.itemId, r.id);
    await expect(
      storeCapture(db, draft, blobs, {
        now: '2026-12-05T09:00:04.000+08:00',
        newCaseId: () => crypto.randomUUID(),
        alsoWrites: [db.runItems],
        onStored: async (tx, record) => {
          await markDoneWithCapture(tx, [r.id, 1], record.id, 'live');
          throw new Error('worker stopped before the commit');
        },
      }),
    ).rejects.toThrow(/worker stopped/);
    expect(await db.captures.count()).toBe(0);
    expect(await db.artifactBlobs.count()).toBe(0);
    expect((await itemsOf(db, r.id)).map((i) => i.state)).toEqual(['pending', 'pending', 'pending']);
  });

  it('resumes running and captcha-paused runs at the first item not done; a run the investigator paused waits', async () => {
    const db = freshDb();
    const going = run({ createdAt: '2026-12-05T01:00:00.000Z' });
    const blocked = run({ state: 'paused', blockedTabId: 12, createdAt: '2026-12-05T02:00:00.000Z' });
    const paused = run({ state: 'paused' });
    const finished = run({ state: 'done' });
    for (const r of [going, blocked, paused, finished]) await createRun(db, r, items);
    await storeForItem(db, going, 0);
    await db.runItems.update([going.id, 1], { state: 'active', tabId: 40 });
    expect((await runsToDrive(db)).map((r) => r.id)).toEqual([going.id, blocked.id]);
    expect(nextItem(await itemsOf(db, going.id))).toMatchObject({ seq: 1, tabId: 40 });
    await updateRun(db, blocked.id, { state: 'running', blockedTabId: undefined });
    expect((await db.runs.get(blocked.id))?.blockedTabId).toBeUndefined();
  });
});
