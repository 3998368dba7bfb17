import { afterEach, describe, expect, it } from 'vitest';
import { ListingProofDatabase } from '@/utils/db/database';
import { listCasesWithCaptures, loadCapture, setCaptureNotes, setCaseNotes } from '@/utils/evidence/capture-queries';
import type { CaptureRecord } from '@/utils/model/capture';

const dbs: ListingProofDatabase[] = [];
afterEach(() => dbs.splice(0).forEach((d) => d.delete()));

function record(id: string, caseId: string, capturedAt: string): CaptureRecord {
  return {
    id,
    kind: 'listing',
    caseId,
    platform: 'jd',
    url: 'u',
    finalUrl: 'u',
    pageTitle: 'p',
    itemId: '1',
    title: 't',
    shop: { name: 's', id: '', sellerId: '' },
    price: { lowest: '', currency: 'CNY' },
    verdict: { seller: 'unknown', price: 'unknown' },
    startedAt: capturedAt,
    capturedAt,
    investigator: '',
    extractorVersion: 'v',
    environment: {
      userAgent: '',
      browser: '',
      extensionVersion: '',
      os: '',
      timeZone: '',
      language: '',
      viewport: { width: 1, height: 1, devicePixelRatio: 1 },
    },
    artifacts: [{ path: 'viewport.png', mediaType: 'image/png', bytes: 1, sha256: '0'.repeat(64), method: 'captureVisibleTab' }],
    warnings: [],
  };
}

async function seeded() {
  const db = new ListingProofDatabase(`t-${crypto.randomUUID()}`);
  dbs.push(db);
  await db.cases.bulkAdd([
    { id: 'k1', platform: 'jd', shopKey: '1', shopName: 'One', createdAt: '2026-01-01T00:00:00+08:00' },
    { id: 'k2', platform: 'jd', shopKey: '2', shopName: 'Two', createdAt: '2026-01-02T00:00:00+08:00' },
  ]);
  await db.captures.bulkAdd([
    record('c1', 'k1', '2026-03-01T10:00:00+08:00'),
    record('c2', 'k1', '2026-03-05T10:00:00+08:00'),
    record('c3', 'k2', '2026-03-03T10:00:00+08:00'),
  ]);
  await db.artifactBlobs.add({ id: 'c1/viewport.png', captureId: 'c1', data: new Blob(['x'], { type: 'image/png' }) });
  return db;
}

describe('capture queries', () => {
  it('lists cases with their captures, most recent first', async () => {
    const db = await seeded();
    const list = await listCasesWithCaptures(db);
    expect(list.map((c) => [c.case.id, c.captures.map((x) => x.id)])).toEqual([
      ['k1', ['c2', 'c1']],
      ['k2', ['c3']],
    ]);
  });

  it('leaves a search page capture (no case) out of every case', async () => {
    const db = await seeded();
    await db.captures.add({ ...record('s1', '', '2026-03-09T10:00:00+08:00'), kind: 'search', itemId: '' });
    const list = await listCasesWithCaptures(db);
    expect(list.flatMap((c) => c.captures.map((x) => x.id))).toEqual(['c2', 'c1', 'c3']);
    expect(list.map((c) => c.case.id)).toEqual(['k1', 'k2']);
  });

  it('loads a capture with its bytes by path', async () => {
    const db = await seeded();
    const loaded = await loadCapture(db, 'c1');
    expect(await loaded!.blobs.get('viewport.png')!.text()).toBe('x');
    expect(await loadCapture(db, 'nope')).toBeUndefined();
  });

  it('sets and clears notes, running the hook in the same transaction', async () => {
    const db = await seeded();
    let hooked = 0;
    expect(await setCaptureNotes(db, 'c1', '  seller replied on chat  ', async () => void hooked++)).toBe(true);
    expect((await db.captures.get('c1'))!.notes).toBe('seller replied on chat');
    expect(await setCaseNotes(db, 'k2', 'sent to legal')).toBe(true);
    expect((await db.cases.get('k2'))!.notes).toBe('sent to legal');
    expect(await setCaptureNotes(db, 'c1', '')).toBe(true);
    expect((await db.captures.get('c1'))!.notes).toBeUndefined();
    expect(await setCaptureNotes(db, 'missing', 'x', async () => void hooked++)).toBe(false);
    expect(hooked).toBe(1);
    // the evidence itself is untouched
    expect((await db.captures.get('c1'))!.artifacts).toEqual(record('c1', 'k1', '').artifacts);
  });
});
