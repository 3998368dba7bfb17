import { afterEach, describe, expect, it } from 'vitest';
import { ListingProofDatabase } from '@/utils/db/database';
import { CaptureStepError } from '@/utils/evidence/capture-step-error';
import { sha256Hex } from '@/utils/evidence/hash';
import { normaliseName } from '@/utils/evidence/shop-key';
import { storeCapture, type CaptureDraft } from '@/utils/evidence/store-capture';

const dbs: ListingProofDatabase[] = [];
function freshDb() {
  const db = new ListingProofDatabase(`t-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}
afterEach(() => dbs.splice(0).forEach((d) => d.delete()));

async function draft(
  shop: { name: string; id?: string },
  platform: CaptureDraft['platform'] = 'taobao',
): Promise<{ draft: CaptureDraft; blobs: Map<string, Blob> }> {
  const bytes = new TextEncoder().encode(`png for ${shop.name}`);
  const d: CaptureDraft = {
    id: crypto.randomUUID(),
    kind: 'listing',
    platform,
    url: 'https://item.taobao.com/item.htm?id=1',
    finalUrl: 'https://item.taobao.com/item.htm?id=1',
    pageTitle: 't',
    itemId: '1',
    title: 'XR-200',
    shop: { name: shop.name, id: shop.id ?? '', sellerId: '' },
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
    artifacts: [{ path: 'viewport.png', mediaType: 'image/png', bytes: bytes.length, sha256: await sha256Hex(bytes), method: 'captureVisibleTab' }],
    warnings: [],
  };
  return { draft: d, blobs: new Map([['viewport.png', new Blob([bytes], { type: 'image/png' })]]) };
}

const opts = { now: '2026-11-23T21:05:04.000+08:00', newCaseId: () => crypto.randomUUID() };

describe('storeCapture', () => {
  it('stores the record and its bytes and groups captures by shop id', async () => {
    const db = freshDb();
    const a = await draft({ name: 'Acme店', id: '555' });
    const b = await draft({ name: 'Acme 店 (renamed)', id: '555' });
    const c = await draft({ name: 'Acme店', id: '555' }, 'tmall');
    const ra = await storeCapture(db, a.draft, a.blobs, opts);
    const rb = await storeCapture(db, b.draft, b.blobs, opts);
    const rc = await storeCapture(db, c.draft, c.blobs, opts);
    expect(rb.caseId).toBe(ra.caseId);
    expect(rc.caseId).not.toBe(ra.caseId);
    expect(await db.cases.get(ra.caseId)).toMatchObject({ platform: 'taobao', shopKey: '555', shopName: 'Acme店' });
    const blob = await db.artifactBlobs.get(`${ra.id}/viewport.png`);
    expect(await sha256Hex(blob!.data)).toBe(a.draft.artifacts[0]!.sha256);
  });

  it('groups by the normalised name when the page gives no shop id', async () => {
    const db = freshDb();
    const a = await draft({ name: 'ＡＣＭＥ 耳机\t专卖店' });
    const b = await draft({ name: 'acme耳机专卖店' });
    const ra = await storeCapture(db, a.draft, a.blobs, opts);
    const rb = await storeCapture(db, b.draft, b.blobs, opts);
    expect(rb.caseId).toBe(ra.caseId);
    expect(normaliseName('ＡＣＭＥ 耳机\t专卖店')).toBe('acme耳机专卖店');
    expect((await db.cases.get(ra.caseId))!.shopKey).toBe('acme耳机专卖店');
  });

  it('is atomic: a failure inside the transaction leaves no case, record or bytes', async () => {
    const db = freshDb();
    const a = await draft({ name: 'Acme', id: '1' });
    const err = await storeCapture(db, a.draft, a.blobs, {
      ...opts,
      onStored: async (tdb, record) => {
        await tdb.custody.add({ id: 'c1', seq: 1, at: opts.now, event: 'capture', captureId: record.id, actor: 'Li', detail: '', prevHash: '', hash: '' });
        throw new Error('custody chain broken');
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CaptureStepError);
    expect((err as CaptureStepError).step).toBe('storing');
    expect((err as Error).message).toMatch(/^storing: custody chain broken/);
    expect(await db.cases.count()).toBe(0);
    expect(await db.captures.count()).toBe(0);
    expect(await db.artifactBlobs.count()).toBe(0);
    expect(await db.custody.count()).toBe(0);
  });

  it('turns a full disk into a clear message and leaves earlier captures intact', async () => {
    const db = freshDb();
    const first = await draft({ name: 'Acme', id: '1' });
    await storeCapture(db, first.draft, first.blobs, opts);
    const second = await draft({ name: 'Other', id: '2' });
    const bulkAdd = db.artifactBlobs.bulkAdd.bind(db.artifactBlobs);
    db.artifactBlobs.bulkAdd = (async () => {
      const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      throw Object.assign(new Error('AbortError'), { name: 'AbortError', inner: quota });
    }) as unknown as typeof bulkAdd;
    const err = await storeCapture(db, second.draft, second.blobs, opts).catch((e: unknown) => e);
    db.artifactBlobs.bulkAdd = bulkAdd;
    expect(err).toBeInstanceOf(CaptureStepError);
    expect((err as Error).message).toMatch(/^storing: Storage is full/);
    expect(await db.captures.toCollection().primaryKeys()).toEqual([first.draft.id]);
    expect(await db.cases.count()).toBe(1);
    expect(await db.artifactBlobs.count()).toBe(1);
    const kept = await db.artifactBlobs.get(`${first.draft.id}/viewport.png`);
    expect(await sha256Hex(kept!.data)).toBe(first.draft.artifacts[0]!.sha256);
  });

  it('refuses a record whose artifacts have no bytes', async () => {
    const db = freshDb();
    const a = await draft({ name: 'Acme', id: '1' });
    await expect(storeCapture(db, a.draft, new Map(), opts)).rejects.toThrow(/^storing: no bytes for viewport.png/);
  });

  it('stores a search results page (kind search) in no case and creates none', async () => {
    const db = freshDb();
    const listing = await draft({ name: 'Acme', id: '1' });
    await storeCapture(db, listing.draft, listing.blobs, opts);
    const search = await draft({ name: '' });
    const stored = await storeCapture(db, { ...search.draft, kind: 'search', itemId: '', shop: { name: '', id: '', sellerId: '' } }, search.blobs, opts);
    expect(stored.caseId).toBe('');
    expect((await db.captures.get(search.draft.id))?.kind).toBe('search');
    expect(await db.cases.count()).toBe(1);
  });
});
