import { z } from 'zod';
import { database, type AuthorizedChunkRecord, type AuthorizedListRecord, type ListingProofDatabase } from '@/utils/db/database';
import {
  authorizedProductSchema,
  authorizedSellerSchema,
  type AuthorizedList,
  type AuthorizedProduct,
  type AuthorizedSeller,
  type ListHalf,
} from '@/utils/model/authorized-list';
import { makeList } from '@/utils/authorized/import-result';

// The list in force lives in Dexie: one `authorizedLists` row, its rows in `authorizedChunks`, and
// meta `authorizedListId` pointing at it. A new list is written, the pointer flipped and the old
// list deleted in ONE transaction, so a failure at any step leaves the previous list in force.

export const LIST_POINTER_KEY = 'authorizedListId';
export const CHUNK_ROWS = 10_000;

export type ListOrigin = AuthorizedListRecord['origin'];

export interface StoredList {
  record: AuthorizedListRecord;
  list: AuthorizedList;
}

const recordSchema = z.object({
  id: z.string(),
  brand: z.string(),
  updatedAt: z.string(),
  importedAt: z.string(),
  origin: z.union([z.object({ kind: z.literal('file'), names: z.array(z.string()) }), z.object({ kind: z.literal('sync'), url: z.string() })]),
  sellerCount: z.number().int().nonnegative(),
  productCount: z.number().int().nonnegative(),
});
const pointerSchema = z.object({ key: z.literal(LIST_POINTER_KEY), value: z.string() });

function chunksOf(listId: string, kind: ListHalf, rows: readonly unknown[]): AuthorizedChunkRecord[] {
  const chunks: AuthorizedChunkRecord[] = [];
  for (let i = 0; i * CHUNK_ROWS < rows.length; i++) {
    chunks.push({ id: `${listId}/${kind}/${i}`, listId, kind, index: i, rows: rows.slice(i * CHUNK_ROWS, (i + 1) * CHUNK_ROWS) });
  }
  return chunks;
}

async function currentId(db: ListingProofDatabase): Promise<string | undefined> {
  const parsed = pointerSchema.safeParse(await db.meta.get(LIST_POINTER_KEY));
  return parsed.success ? parsed.data.value : undefined;
}

async function readHalf(db: ListingProofDatabase, listId: string, kind: 'sellers'): Promise<AuthorizedSeller[]>;
async function readHalf(db: ListingProofDatabase, listId: string, kind: 'products'): Promise<AuthorizedProduct[]>;
async function readHalf(db: ListingProofDatabase, listId: string, kind: ListHalf): Promise<unknown[]> {
  const chunks = (await db.authorizedChunks.where('listId').equals(listId).toArray()).filter((c) => c.kind === kind).sort((a, b) => a.index - b.index);
  // Rows were validated before they were written; re-checking them guards against a damaged store.
  const schema = kind === 'sellers' ? authorizedSellerSchema : authorizedProductSchema;
  return chunks.flatMap((c) => c.rows.map((r) => schema.parse(r)));
}

/**
 * Puts `list` in force. With `replaces` = 'sellers' or 'products' only that half is taken from
 * `list`; the other half (and the brand) come from the list in force, read in the same transaction.
 */
export async function saveList(
  list: AuthorizedList,
  origin: ListOrigin,
  replaces: 'all' | ListHalf = 'all',
  db: ListingProofDatabase = database(),
): Promise<AuthorizedListRecord> {
  return db.transaction('rw', db.authorizedLists, db.authorizedChunks, db.meta, async () => {
    const oldId = await currentId(db);
    const old = oldId ? await db.authorizedLists.get(oldId) : undefined;
    let sellers = list.sellers;
    let products = list.products;
    if (replaces === 'products') sellers = old ? await readHalf(db, old.id, 'sellers') : [];
    if (replaces === 'sellers') products = old ? await readHalf(db, old.id, 'products') : [];
    const id = crypto.randomUUID();
    const record: AuthorizedListRecord = {
      id,
      brand: replaces !== 'all' && !list.brand && old ? old.brand : list.brand,
      updatedAt: list.updatedAt,
      importedAt: new Date().toISOString(),
      origin,
      sellerCount: sellers.length,
      productCount: products.length,
    };
    await db.authorizedLists.add(record);
    await db.authorizedChunks.bulkAdd([...chunksOf(id, 'sellers', sellers), ...chunksOf(id, 'products', products)]);
    await db.meta.put({ key: LIST_POINTER_KEY, value: id });
    if (old) {
      await db.authorizedChunks.where('listId').equals(old.id).delete();
      await db.authorizedLists.delete(old.id);
    }
    return record;
  });
}

/** The record of the list in force, without its rows. */
export async function currentRecord(db: ListingProofDatabase = database()): Promise<AuthorizedListRecord | undefined> {
  const id = await currentId(db);
  const parsed = recordSchema.safeParse(id ? await db.authorizedLists.get(id) : undefined);
  return parsed.success ? parsed.data : undefined;
}

/** The list in force with all its rows, or undefined before any import. */
export async function loadList(db: ListingProofDatabase = database()): Promise<StoredList | undefined> {
  return db.transaction('r', db.authorizedLists, db.authorizedChunks, db.meta, async () => {
    const record = await currentRecord(db);
    if (!record) return undefined;
    const [sellers, products] = await Promise.all([readHalf(db, record.id, 'sellers'), readHalf(db, record.id, 'products')]);
    return { record, list: makeList({ brand: record.brand, updatedAt: record.updatedAt, sellers, products }) };
  });
}

/** What `authorized-status` shows: 0 and 0 before any import. */
export async function listCounts(db: ListingProofDatabase = database()): Promise<{ sellers: number; products: number }> {
  const record = await currentRecord(db);
  return { sellers: record?.sellerCount ?? 0, products: record?.productCount ?? 0 };
}
