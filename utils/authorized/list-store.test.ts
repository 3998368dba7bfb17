import { describe, expect, it, vi } from 'vitest';
import { ListingProofDatabase } from '@/utils/db/database';
import { importFiles } from '@/utils/authorized/import-files';
import { CHUNK_ROWS, LIST_POINTER_KEY, listCounts, loadList, saveList } from '@/utils/authorized/list-store';
import { applyImport } from '@/utils/authorized/apply-import';
import { listToCsv, listToJson } from '@/utils/authorized/export-list';
import { makeList } from '@/utils/authorized/import-result';
import { fixtureFile, textFile } from '@/tests/helpers/authorized-files';
import type { AuthorizedList } from '@/utils/model/authorized-list';

const freshDb = () => new ListingProofDatabase(`t-${crypto.randomUUID()}`);

async function validList(): Promise<AuthorizedList> {
  const outcome = await importFiles([fixtureFile('valid.json')]);
  if (!outcome.ok) throw new Error('fixture should import');
  return outcome.list;
}

describe('list store', () => {
  it('counts 0/0 before any import and the list in force after', async () => {
    const db = freshDb();
    expect(await listCounts(db)).toEqual({ sellers: 0, products: 0 });
    expect(await loadList(db)).toBeUndefined();
    const record = await saveList(await validList(), { kind: 'file', names: ['valid.json'] }, 'all', db);
    expect(await listCounts(db)).toEqual({ sellers: 3, products: 2 });
    const stored = await loadList(db);
    expect(stored?.record.id).toBe(record.id);
    expect(stored?.list).toEqual(await validList());
  });

  it('splits large halves into chunks and deletes the previous list', async () => {
    const db = freshDb();
    const sellers = Array.from({ length: CHUNK_ROWS * 2 + 5 }, (_, i) => ({ platform: 'tmall' as const, shopId: String(i), shopName: '', sellerId: '' }));
    const first = await saveList(makeList({ sellers }), { kind: 'file', names: ['a.csv'] }, 'all', db);
    expect(await db.authorizedChunks.where('listId').equals(first.id).count()).toBe(3);
    const second = await saveList(await validList(), { kind: 'file', names: ['b.json'] }, 'all', db);
    expect(await db.authorizedLists.toCollection().primaryKeys()).toEqual([second.id]);
    expect(await db.authorizedChunks.where('listId').equals(first.id).count()).toBe(0);
    expect((await loadList(db))?.list.sellers).toHaveLength(3);
  });

  it('a single CSV replaces only its half; the other half and the brand stay', async () => {
    const db = freshDb();
    await saveList(await validList(), { kind: 'file', names: ['valid.json'] }, 'all', db);
    const outcome = await importFiles([textFile('s.csv', 'platform,shopName\npdd,New Shop\n')]);
    const applied = await applyImport(outcome, ['s.csv'], db);
    expect(applied.ok).toBe(true);
    const stored = await loadList(db);
    expect(stored?.list.sellers).toEqual([{ platform: 'pdd', shopId: '', shopName: 'New Shop', sellerId: '' }]);
    expect(stored?.list.products.map((p) => p.code)).toEqual(['XR-200', 'XR-300']);
    expect(stored?.list.brand).toBe('Acme');
  });

  it('a rejected import leaves the stored list untouched', async () => {
    const db = freshDb();
    await saveList(await validList(), { kind: 'file', names: ['valid.json'] }, 'all', db);
    const before = await loadList(db);
    for (const name of ['bad-dates.csv', 'truncated.json', 'duplicate-sellers.csv', 'empty.csv']) {
      const applied = await applyImport(await importFiles([fixtureFile(name)]), [name], db);
      expect(applied.ok).toBe(false);
    }
    expect(await loadList(db)).toEqual(before);
  });

  it('a failure halfway through saving leaves the previous list in force', async () => {
    const db = freshDb();
    const first = await saveList(await validList(), { kind: 'file', names: ['valid.json'] }, 'all', db);
    const spy = vi.spyOn(db.meta, 'put').mockRejectedValueOnce(new Error('disk full'));
    await expect(saveList(makeList({ sellers: [] }), { kind: 'file', names: ['x'] }, 'all', db)).rejects.toThrow('disk full');
    spy.mockRestore();
    expect((await db.meta.get(LIST_POINTER_KEY))?.value).toBe(first.id);
    expect(await db.authorizedLists.count()).toBe(1);
    expect((await loadList(db))?.list.sellers).toHaveLength(3);
  });
});

describe('export', () => {
  it('JSON round-trips through the import', async () => {
    const list = await validList();
    const again = await importFiles([textFile('out.json', listToJson(list))]);
    expect(again.ok && again.list).toEqual(list);
  });

  it('the CSV pair round-trips, escaping formula cells for spreadsheets', async () => {
    const formulas = await importFiles([fixtureFile('formulas.csv')]);
    if (!formulas.ok) throw new Error('fixture should import');
    const list = makeList({
      sellers: [...formulas.list.sellers, { platform: 'jd', shopId: '7', shopName: "'=already quoted", sellerId: '' }],
      products: (await validList()).products,
    });
    const csv = listToCsv(list);
    expect(csv.sellers.startsWith('\ufeffplatform,shopId,shopName,sellerId,validFrom,validTo\r\n')).toBe(true);
    expect(csv.sellers).toContain(`"'=HYPERLINK(""http://x.invalid"",""click"")"`);
    expect(csv.sellers).toContain("'+86 shop");
    expect(csv.sellers).toContain("'@SUM(A1)");
    expect(csv.sellers).toContain("''=already quoted");
    expect(csv.products).toContain('XR-200|XR200');
    const again = await importFiles([textFile('s.csv', csv.sellers), textFile('p.csv', csv.products)]);
    expect(again.ok && again.list.sellers).toEqual(list.sellers);
    expect(again.ok && again.list.products).toEqual(list.products);
  });
});
