import type { CustodyRecord, ListingProofDatabase } from '@/utils/db/database';
import type { CustodyLink } from '@/utils/export/custody-json';

// A package carries its captures' custody entries in full and, as links only (seq and hashes),
// every other entry from the first of them to the head: the chain is then complete, so an entry
// removed from custody.json shows as a gap, while other captures' details stay out of the package.

export async function custodyLinks(db: ListingProofDatabase, packaged: readonly CustodyRecord[], headSeq: number): Promise<CustodyLink[]> {
  const first = packaged[0]?.seq;
  if (first === undefined || headSeq <= first) return [];
  const own = new Set(packaged.map((e) => e.seq));
  const range = await db.custody.where('seq').between(first, headSeq, true, true).toArray();
  return range
    .filter((e) => !own.has(e.seq))
    .sort((a, b) => a.seq - b.seq)
    .map(({ seq, prevHash, hash }) => ({ seq, prevHash, hash }));
}
