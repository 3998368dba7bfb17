import { afterEach, describe, expect, it } from 'vitest';
import { ListingProofDatabase } from '@/utils/db/database';
import type { ContentStartCapture } from '@/utils/messaging/schemas';
import type { CaptureRecord } from '@/utils/model/capture';
import type { RunItemRecord } from '@/utils/runner/run-model';
import { casesToRecheck, recheckItems, recheckOf, recordRecheck, withCaseShop } from '@/utils/runner/recheck';

const dbs: ListingProofDatabase[] = [];
function freshDb() {
  const db = new ListingProofDatabase(`t-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}
afterEach(() => dbs.splice(0).forEach((d) => d.delete()));

// only the fields a re-check reads; stored as the table would hold them
const capture = (caseId: string, itemId: string, capturedAt: string, platform: CaptureRecord['platform'] = 'taobao') =>
  ({
    id: crypto.randomUUID(),
    kind: 'listing',
    caseId,
    platform,
    itemId,
    capturedAt,
    shop: { name: '极光数码专营店', id: '310987654', sellerId: '' },
  }) as CaptureRecord;

async function seed(db: ListingProofDatabase) {
  await db.cases.bulkAdd([
    { id: 'c1', platform: 'taobao', shopKey: '310987654', shopName: '极光数码专营店', createdAt: '2026-12-01T08:00:00+08:00', status: 'complained' },
    { id: 'c2', platform: 'jd', shopKey: '10076543', shopName: 'Acme官方旗舰店', createdAt: '2026-12-01T08:00:00+08:00', status: 'closed' },
  ]);
  await db.captures.bulkAdd([
    capture('c1', '781234567890', '2026-12-01T09:00:00+08:00'),
    capture('c1', '781234567899', '2026-12-01T10:00:00+08:00'),
    capture('c1', '781234567890', '2026-12-02T09:00:00+08:00'),
    capture('c2', '10086123456789', '2026-12-01T09:00:00+08:00', 'jd'),
  ]);
}

describe('re-check', () => {
  it('visits each listing of a case once, at its canonical URL, in the order first captured', async () => {
    const db = freshDb();
    await seed(db);
    expect(await recheckItems(db, ['c1'])).toEqual([
      { itemKey: 'taobao:781234567890', platform: 'taobao', itemId: '781234567890', url: 'https://item.taobao.com/item.htm?id=781234567890', caseId: 'c1' },
      { itemKey: 'taobao:781234567899', platform: 'taobao', itemId: '781234567899', url: 'https://item.taobao.com/item.htm?id=781234567899', caseId: 'c1' },
    ]);
    await expect(recheckItems(db, ['nope'])).rejects.toThrow('no case nope');
  });

  it('"every open case" leaves closed cases out', async () => {
    const db = freshDb();
    await seed(db);
    expect(await casesToRecheck(db, 'open')).toEqual(['c1']);
    expect(await casesToRecheck(db, ['c2'])).toEqual(['c2']);
  });

  it('records what changed on the case and in the custody log, suggesting removed only when every listing is gone', async () => {
    const db = freshDb();
    await seed(db);
    const item = (seq: number, itemId: string, outcome: 'live' | 'removed'): RunItemRecord => ({
      runId: 'r1',
      seq,
      itemKey: `taobao:${itemId}`,
      platform: 'taobao',
      itemId,
      url: '',
      state: 'done',
      attempts: 0,
      caseId: 'c1',
      outcome,
    });
    const mixed = [item(0, '781234567890', 'live'), item(1, '781234567899', 'removed')];
    expect(recheckOf({ id: 'r1' }, mixed, 'c1', 'now').suggestRemoved).toBe(false);
    expect(recheckOf({ id: 'r1' }, [item(0, '781234567890', 'removed'), item(1, '781234567899', 'removed')], 'c1', 'now').suggestRemoved).toBe(true);

    await recordRecheck(
      db,
      { id: 'r1', kind: 'recheck', state: 'done', createdAt: '', nextAt: 0, caseIds: ['c1'] },
      mixed,
      'Li',
      new Date('2026-12-05T01:00:00Z'),
    );
    const c1 = await db.cases.get('c1');
    expect(c1?.lastRecheck).toEqual({
      runId: 'r1',
      at: '2026-12-05T01:00:00.000Z',
      live: ['taobao:781234567890'],
      removed: ['taobao:781234567899'],
      suggestRemoved: false,
    });
    expect(c1?.status).toBe('complained'); // never changed by a re-check
    const [note] = await db.custody.toArray();
    expect(note).toMatchObject({ event: 'note', actor: 'Li' });
    expect(note?.detail).toContain('taken down taobao:781234567899');
  });

  it('files a takedown page that names no shop under the case, with the shop of its earlier capture', async () => {
    const db = freshDb();
    await seed(db);
    const payload = {
      extraction: {
        listing: { platform: 'taobao', itemId: '781234567899', url: 'u', title: 't', shop: { name: '' }, prices: {}, skus: [], images: [], takedown: true },
        sources: { itemId: 'url' },
        warnings: [],
        extractorVersion: 'taobao@1',
      },
      pageTitle: 't',
      requestedUrl: 'u',
    } as ContentStartCapture;
    const filed = await withCaseShop(db, payload, 'c1');
    expect(filed.extraction.listing.shop).toEqual({ name: '极光数码专营店', id: '310987654' });
    expect(filed.extraction.warnings.at(-1)).toMatch(/recorded as in the earlier capture/);
    const live = { ...payload, extraction: { ...payload.extraction, listing: { ...payload.extraction.listing, takedown: undefined } } };
    expect(await withCaseShop(db, live, 'c1')).toBe(live);
  });
});
