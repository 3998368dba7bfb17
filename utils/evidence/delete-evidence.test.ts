import { afterEach, describe, expect, it } from 'vitest';
import { ListingProofDatabase } from '@/utils/db/database';
import { appendCustody, readCustody, verifyCustodyChain } from '@/utils/evidence/custody';
import { deleteCaptures, deleteCase, DeletionRefused } from '@/utils/evidence/delete-evidence';
import { sha256Hex } from '@/utils/evidence/hash';
import { storeCapture, type CaptureDraft } from '@/utils/evidence/store-capture';
import { listTombstones } from '@/utils/evidence/tombstones';

const dbs: ListingProofDatabase[] = [];
function freshDb() {
  const db = new ListingProofDatabase(`del-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}
afterEach(() => dbs.splice(0).forEach((d) => d.delete()));

async function stored(db: ListingProofDatabase, shopId: string, files: Record<string, string> = { 'viewport.png': 'png' }) {
  const blobs = new Map<string, Blob>();
  const artifacts = [];
  for (const [path, text] of Object.entries(files)) {
    const bytes = new TextEncoder().encode(`${text} ${shopId} ${crypto.randomUUID()}`);
    blobs.set(path, new Blob([bytes]));
    artifacts.push({ path, mediaType: 'application/octet-stream', bytes: bytes.length, sha256: await sha256Hex(bytes), method: 'extractor' as const });
  }
  const draft: CaptureDraft = {
    id: crypto.randomUUID(),
    kind: 'listing',
    platform: 'taobao',
    url: `https://item.taobao.com/item.htm?id=${shopId}`,
    finalUrl: `https://item.taobao.com/item.htm?id=${shopId}`,
    pageTitle: 't',
    itemId: shopId,
    title: 'XR-200',
    shop: { name: `店${shopId}`, id: shopId, sellerId: '' },
    price: { lowest: '199.00', currency: 'CNY' },
    verdict: { seller: 'unauthorized', price: 'below-min' },
    startedAt: '2026-11-23T21:05:00.000+08:00',
    capturedAt: '2026-11-23T21:05:03.123+08:00',
    investigator: 'Li',
    extractorVersion: 'taobao@1',
    environment: {
      userAgent: 'ua',
      browser: 'Chrome 131',
      extensionVersion: '0.1.0',
      os: 'Linux',
      timeZone: 'Asia/Shanghai',
      language: 'zh-CN',
      viewport: { width: 1280, height: 720, devicePixelRatio: 1 },
    },
    artifacts,
    warnings: [],
  };
  const record = await storeCapture(db, draft, blobs, {
    now: '2026-11-23T21:05:04.000+08:00',
    newCaseId: () => crypto.randomUUID(),
    onStored: async (d, r) => void (await appendCustody(d, { event: 'capture', captureId: r.id, actor: 'Li', detail: 'captured' })),
  });
  return record;
}

const counts = async (db: ListingProofDatabase) => ({
  captures: await db.captures.count(),
  blobs: await db.artifactBlobs.count(),
  custody: await db.custody.count(),
  cases: await db.cases.count(),
});

describe('deleteCaptures', () => {
  it('refuses without a reason, for unknown ids, and for never-exported evidence unless confirmed, changing nothing', async () => {
    const db = freshDb();
    const a = await stored(db, '1');
    const before = await counts(db);
    await expect(deleteCaptures(db, [a.id], { actor: 'Li', reason: '  ', confirmUnexported: true })).rejects.toMatchObject({ code: 'no-reason' });
    await expect(deleteCaptures(db, [a.id, 'nope'], { actor: 'Li', reason: 'dup', confirmUnexported: true })).rejects.toMatchObject({
      code: 'not-found',
      captureIds: ['nope'],
    });
    const refused = await deleteCaptures(db, [a.id], { actor: 'Li', reason: 'duplicate' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DeletionRefused);
    expect((refused as DeletionRefused).code).toBe('not-exported');
    expect((refused as Error).message).toContain(a.id);
    expect(await counts(db)).toEqual(before);
    expect(await listTombstones(db)).toEqual([]);
  });

  it('deletes bytes and record, records what (artifact hashes), who and why, and leaves a tombstone', async () => {
    const db = freshDb();
    const a = await stored(db, '1', { 'viewport.png': 'png', 'page.html': 'html' });
    const b = await stored(db, '2');
    const { custody } = await deleteCaptures(db, [a.id], {
      actor: '王调查',
      reason: '重复取证',
      confirmUnexported: true,
      now: new Date('2026-12-01T00:00:00Z'),
    });
    expect(await db.captures.get(a.id)).toBeUndefined();
    expect(await db.artifactBlobs.where('captureId').equals(a.id).count()).toBe(0);
    expect(await db.captures.get(b.id)).toBeDefined();
    expect(await db.cases.get(a.caseId)).toBeDefined(); // a case goes only when deleted as a whole
    const entry = custody[0]!;
    expect(entry).toMatchObject({ event: 'delete', captureId: a.id, actor: '王调查' });
    const detail = JSON.parse(entry.detail);
    expect(detail).toMatchObject({ deleted: 'capture', captureId: a.id, reason: '重复取证', exported: false });
    expect(detail.artifacts).toEqual(a.artifacts.map((x) => ({ path: x.path, sha256: x.sha256, bytes: x.bytes })));
    expect(await verifyCustodyChain(await readCustody(db))).toEqual([]);
    const [tomb] = await listTombstones(db);
    expect(tomb).toMatchObject({ captureId: a.id, actor: '王调查', reason: '重复取证', custodySeq: entry.seq, custodyHash: entry.hash, title: 'XR-200' });
  });

  it('needs no confirmation once exported, and names the seal hash when the capture has a seal', async () => {
    const db = freshDb();
    const a = await stored(db, '1', { 'viewport.png': 'png', 'seal.json': '{"format":"listingproof-seal"}' });
    await appendCustody(db, { event: 'export', captureId: a.id, actor: 'Li', detail: 'package x.zip' });
    const { custody } = await deleteCaptures(db, [a.id], { actor: 'Li', reason: 'sent to the platform' });
    const detail = JSON.parse(custody[0]!.detail);
    expect(detail.sealSha256).toBe(a.artifacts.find((x) => x.path === 'seal.json')!.sha256);
    expect(detail.artifacts).toBeUndefined();
    expect(detail.exported).toBe(true);
  });

  it('also deletes rows that later schema versions keep per capture, by index or by key', async () => {
    const name = `del-${crypto.randomUUID()}`;
    const db = new ListingProofDatabase(name);
    const a = await stored(db, '1');
    db.close();
    // A later version adding per-capture tables, as seals or uploads might be kept.
    const later = new ListingProofDatabase(name);
    later.version(99).stores({ sealsByCapture: 'captureId', uploads: 'id, captureId' });
    dbs.push(later);
    await later.table('sealsByCapture').put({ captureId: a.id, tsr: 'x' });
    await later.table('uploads').put({ id: 'u1', captureId: a.id });
    await later.table('uploads').put({ id: 'u2', captureId: 'other' });
    await deleteCaptures(later, [a.id], { actor: 'Li', reason: 'r', confirmUnexported: true });
    expect(await later.table('sealsByCapture').count()).toBe(0);
    expect((await later.table('uploads').toArray()).map((r: { id: string }) => r.id)).toEqual(['u2']);
  });

  it('lets later packages carry every deletion entry', async () => {
    const db = freshDb();
    const a = await stored(db, '1');
    const b = await stored(db, '2');
    await deleteCaptures(db, [a.id], { actor: 'Li', reason: 'wrong shop', confirmUnexported: true });
    const forB = await readCustody(db, [b.id]);
    expect(forB.map((e) => [e.event, e.captureId])).toEqual([
      ['capture', b.id],
      ['delete', a.id],
    ]);
  });
});

describe('deleteCase', () => {
  it('deletes every capture of the case and the case, on the record', async () => {
    const db = freshDb();
    const a1 = await stored(db, '7');
    const a2 = await stored(db, '7');
    const other = await stored(db, '8');
    expect(a1.caseId).toBe(a2.caseId);
    const { deleted, custody } = await deleteCase(db, a1.caseId, { actor: 'Li', reason: 'case closed, exported', confirmUnexported: true });
    expect(deleted.sort()).toEqual([a1.id, a2.id].sort());
    expect(await db.cases.get(a1.caseId)).toBeUndefined();
    expect(await db.captures.count()).toBe(1);
    expect(await db.captures.get(other.id)).toBeDefined();
    expect(custody.map((e) => e.event)).toEqual(['delete', 'delete', 'delete']);
    expect(JSON.parse(custody[2]!.detail)).toMatchObject({ deleted: 'case', caseId: a1.caseId });
    expect(JSON.parse(custody[2]!.detail).captureIds.sort()).toEqual([a1.id, a2.id].sort());
    expect((await listTombstones(db)).map((t) => t.captureId).sort()).toEqual([a1.id, a2.id].sort());
    expect(await verifyCustodyChain(await readCustody(db))).toEqual([]);
  });

  it('refuses a case with never-exported captures unless confirmed, deleting none of them', async () => {
    const db = freshDb();
    const a1 = await stored(db, '7');
    await stored(db, '7');
    await appendCustody(db, { event: 'export', captureId: a1.id, actor: 'Li', detail: 'x' });
    const before = await counts(db);
    await expect(deleteCase(db, a1.caseId, { actor: 'Li', reason: 'r' })).rejects.toMatchObject({ code: 'not-exported' });
    expect(await counts(db)).toEqual(before);
  });
});
