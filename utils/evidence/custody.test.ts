import { describe, expect, it } from 'vitest';
import type { CustodyRecord } from '@/utils/db/database';
import { ListingProofDatabase } from '@/utils/db/database';
import { appendCustody, custodyEntryHash, GENESIS_HASH, readCustody, verifyCustodyChain } from '@/utils/evidence/custody';

async function logOf(n: number): Promise<{ db: ListingProofDatabase; entries: CustodyRecord[] }> {
  const db = new ListingProofDatabase(`custody-${crypto.randomUUID()}`);
  const events = ['capture', 'view', 'note', 'export'] as const;
  for (let i = 0; i < n; i++) {
    await appendCustody(db, { event: events[i % 4] ?? 'note', captureId: `c${i % 3}`, actor: '王调查', detail: `step ${i} <b>` });
  }
  return { db, entries: await readCustody(db) };
}

const FIELDS = ['id', 'seq', 'at', 'event', 'captureId', 'actor', 'detail', 'prevHash', 'hash'] as const;

function tampered(entry: CustodyRecord, field: (typeof FIELDS)[number]): CustodyRecord {
  const copy = { ...entry };
  if (field === 'seq') copy.seq += 100;
  else if (field === 'event') copy.event = copy.event === 'note' ? 'view' : 'note';
  else if (field === 'hash' || field === 'prevHash') copy[field] = copy[field].replace(/^./, (c) => (c === '0' ? '1' : '0'));
  else copy[field] = `${copy[field]}x`;
  return copy;
}

describe('chain of custody', () => {
  it('appends seq 1, 2, 3 with each entry chained to the previous', async () => {
    const { db, entries } = await logOf(5);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries[0]?.prevHash).toBe(GENESIS_HASH);
    entries.slice(1).forEach((e, i) => expect(e.prevHash).toBe(entries[i]?.hash));
    for (const e of entries) expect(e.hash).toBe(await custodyEntryHash(e));
    expect(await verifyCustodyChain(entries)).toEqual([]);
    expect((await readCustody(db, ['c1'])).map((e) => e.captureId)).toEqual(['c1', 'c1']);
    db.close();
  });

  it('keeps seq unique under concurrent appends', async () => {
    const db = new ListingProofDatabase(`custody-${crypto.randomUUID()}`);
    await Promise.all(Array.from({ length: 8 }, (_, i) => appendCustody(db, { event: 'note', captureId: 'c', actor: 'a', detail: String(i) })));
    const entries = await readCustody(db);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await verifyCustodyChain(entries)).toEqual([]);
    db.close();
  });

  it('detects an edit of any field of any entry', async () => {
    const { db, entries } = await logOf(4);
    for (let i = 0; i < entries.length; i++) {
      for (const field of FIELDS) {
        const copy = entries.map((e, j) => (j === i ? tampered(e, field) : e));
        expect((await verifyCustodyChain(copy)).length, `entry ${i} field ${field}`).toBeGreaterThan(0);
      }
    }
    db.close();
  });

  it('detects removal, insertion and reordering', async () => {
    const { db, entries } = await logOf(4);
    const [e0, e1, e2, e3] = entries as [CustodyRecord, CustodyRecord, CustodyRecord, CustodyRecord];
    expect(await verifyCustodyChain([e0, e2, e3])).not.toEqual([]);
    expect(await verifyCustodyChain([e0, e1, e2])).toEqual([]); // the newest entry alone can only be missed against a head
    expect(await verifyCustodyChain([e0, e1, { ...e1, id: 'x' }, e2, e3])).not.toEqual([]);
    expect(await verifyCustodyChain([e0, e2, e1, e3])).not.toEqual([]);
    // Re-chaining after an edit needs every later hash recomputed: an edited entry with its hash recomputed still breaks the next link.
    const edited = { ...e1, detail: 'changed' };
    edited.hash = await custodyEntryHash(edited);
    expect(await verifyCustodyChain([e0, edited, e2, e3])).not.toEqual([]);
    db.close();
  });

  it('checks an excerpt: own hashes everywhere, links where entries are adjacent', async () => {
    const { db, entries } = await logOf(6);
    const excerpt = entries.filter((e) => e.captureId === 'c0' || e.seq === 2);
    expect(await verifyCustodyChain(excerpt, { mode: 'excerpt' })).toEqual([]);
    expect(await verifyCustodyChain(excerpt)).not.toEqual([]);
    const bad = excerpt.map((e, i) => (i === 1 ? { ...e, actor: 'someone else' } : e));
    expect(await verifyCustodyChain(bad, { mode: 'excerpt' })).not.toEqual([]);
    db.close();
  });
});
